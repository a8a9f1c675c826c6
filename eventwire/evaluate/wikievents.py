"""`eventwire evaluate events --gold wikievents PATH`: whole news documents, every act scored by sentence.

WikiEvents (Li, Ji & Han 2021; ../shared/data/train/wikievents) annotates every event mention of 41 KAIROS
types in 40 news documents, most about bombings and attacks. The project never tuned on it, so its figures
are held out. KAIROS types are mapped to the PLOVER category a coder would give them (KAIROS_TO_PLOVER); a
sentence is scored once per category: gold when a mention of a mapped type is in it, predicted when an
output event (or one of its `mentions`) of that category has its trigger there. Only the mapped categories
are scored. A prediction of a category the gold cannot contradict is not counted as a false positive: an
ASSAULT where the gold tells only a death, an injury or damage; a CONSULT where it tells only contact
of an unspecified kind; an accusation, appeal or threat where it tells a public statement (NEUTRAL).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from pathlib import Path

import click

from eventwire.evaluate.gold import WikiEventsDoc, read_wikievents
from eventwire.evaluate.metrics import prf_counts

# KAIROS type prefix -> the PLOVER category a coder would give it.
KAIROS_TO_PLOVER = {
    "Conflict.Attack": "ASSAULT",
    "Conflict.Demonstrate": "PROTEST",
    "Justice.ArrestJailDetain": "COERCE",
    "Contact.ThreatenCoerce": "THREATEN",
    "Contact.Contact.Meet": "CONSULT",
    "Contact.Contact.Correspondence": "CONSULT",
    "Contact.RequestCommand": "REQUEST",
    "Justice.ChargeIndict": "ACCUSE",
    "Justice.TrialHearing": "ACCUSE",
    "Justice.InvestigateCrime": "ACCUSE",
    "Justice.Convict": "SANCTION",
    "Justice.Sentence": "SANCTION",
    "Justice.ReleaseParole": "RETREAT",
}
# KAIROS type prefix -> the categories a prediction of which it neither confirms nor contradicts.
NEUTRAL = {
    "Life.Die": ("ASSAULT",),
    "Life.Injure": ("ASSAULT",),
    "ArtifactExistence.DamageDestroyDisableDismantle": ("ASSAULT",),
    "Contact.Contact.Unspecified": ("CONSULT",),
    "Contact.Contact.Broadcast": ("ACCUSE", "REQUEST", "THREATEN"),  # a statement may accuse, appeal or threaten
}
SCORED = sorted(set(KAIROS_TO_PLOVER.values()))


def category_of(kairos_type: str) -> str | None:
    """The PLOVER category of a KAIROS type (its longest mapped prefix), or None."""
    matches = [prefix for prefix in KAIROS_TO_PLOVER if kairos_type.startswith(prefix)]
    return KAIROS_TO_PLOVER[max(matches, key=len)] if matches else None


def predicted_pairs(result: dict, sentence_starts: list[int]) -> set[tuple[int, str]]:
    """(sentence index, category) of every output event's trigger and of its other mentions."""
    pairs = set()
    for event in result["events"]:
        triggers = [event["trigger"]] + [mention["trigger"] for mention in event.get("mentions") or []]
        for trigger in triggers:
            pairs.add((bisect_right(sentence_starts, trigger["start"]) - 1, event["type"]))
    return pairs


def score_document(counts: dict[str, Counter], doc: WikiEventsDoc, result: dict) -> None:
    gold, neutral = set(), set()
    for sentence, kairos_type in doc.mentions:
        if category := category_of(kairos_type):
            gold.add((sentence, category))
        for prefix, categories in NEUTRAL.items():
            if kairos_type.startswith(prefix):
                neutral.update((sentence, category) for category in categories)
    predicted = {pair for pair in predicted_pairs(result, doc.sentence_starts) if pair[1] in SCORED}
    for _, category in gold & predicted:
        counts[category]["tp"] += 1
    for _, category in gold - predicted:
        counts[category]["fn"] += 1
    for _, category in predicted - gold - neutral:
        counts[category]["fp"] += 1


def score_wikievents(folder: Path, limit: int | None, run) -> tuple[dict[str, Counter], int]:
    """True/false positives and false negatives per category, and the number of documents; `run` gives the
    extract output of a list of Documents."""
    documents = read_wikievents(folder)[:limit]
    results = run([doc.document for doc in documents])
    counts: dict[str, Counter] = {category: Counter() for category in SCORED}
    for doc, result in zip(documents, results, strict=True):
        score_document(counts, doc, result)
    return counts, len(documents)


def micro(counts: dict[str, Counter]) -> tuple[float, float, float]:
    total = sum(counts.values(), Counter())
    return prf_counts(total["tp"], total["fp"], total["fn"])


def evaluate_wikievents(folder: Path, limit: int | None, run) -> None:
    """Print per-category P/R/F1 by sentence over the WikiEvents documents."""
    counts, n_documents = score_wikievents(folder, limit, run)
    click.echo(f"wikievents: {n_documents} documents; (sentence, category) pairs, mapped KAIROS types only")
    click.echo(f"{'category':10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    for category, c in counts.items():
        if c["tp"] + c["fn"] + c["fp"]:
            p, r, f = prf_counts(c["tp"], c["fp"], c["fn"])
            click.echo(f"{category:10} {p:6.3f} {r:6.3f} {f:6.3f} {c['tp'] + c['fn']:5d} {c['tp'] + c['fp']:5d}")
    total = sum(counts.values(), Counter())
    p, r, f = micro(counts)
    click.echo(f"{'micro':10} {p:6.3f} {r:6.3f} {f:6.3f} {total['tp'] + total['fn']:5d} {total['tp'] + total['fp']:5d}")
