"""`eventwire evaluate events`: PLOVER event coding scored against gold sentences.

Gold sets:
- `plover-gsr PATH`: the PLOVER gold standard records (PLOVER_GSR_CAMEO.txt, a JSON array).
  One document per distinct sentence; gold = the set of its (mapped) categories, predicted =
  the set of `type`s of the events `eventwire extract` outputs for it. Old labels are mapped
  (DEMAND->REQUEST, DISAPPROVE->ACCUSE/disapprove, INVESTIGATE->ACCUSE/investigate,
  FIGHT->ASSAULT). For a gold type that was predicted, the predicted event of that type agreeing
  best with the gold parties is scored for actor and recipient country (the CAMEO code's first
  three letters; IGO and NGO as one class; CONSULT/AGREE parties may be swapped), sector (first
  three letters of the gold sector, '***' skipped), mode
  and dead/injured.
- `acled PATH`: an ACLED export (CSV; text = `notes`, published_at = `event_date`). Each row's
  event_type gives the PLOVER class expected (ACLED_EXPECTED); per class: recall (that type is among
  the document's events) and the share of documents with no event at all.
- `wikievents PATH`: whole news documents with every act annotated (wikievents.py).
- `synthetic PATH`: the synthetic PLOVER stories (training data, scored on a held-out split:
  every fifth story by a stable hash of its text); a story is right when the predicted types
  contain its label.

Everything is scored from the contract output of the real Pipeline.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

from eventwire.evaluate.gold import (
    AcledRecord,
    PloverEvent,
    PloverParty,
    PloverSentence,
    read_acled,
    read_plover_sentences,
    read_synthetic,
)
from eventwire.evaluate.metrics import Accuracy, Reliability, prf_counts
from eventwire.evaluate.runner import Runner
from eventwire.ingest import make_document
from eventwire.model import Document

CATEGORIES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VAT"}
COLLECTIVES = {"IGO", "NGO"}
SYMMETRIC = {"CONSULT", "AGREE"}
# ACLED event_type (or its prefix before '-') -> the PLOVER class an event of it must carry.
ACLED_EXPECTED = {"Riots/Protests": "PROTEST", "Battle": "ASSAULT", "Remote violence": "ASSAULT",
                  "Violence against civilians": "ASSAULT"}  # fmt: skip
# Riots may be coded as assaults as well.
ACLED_ALSO_RIGHT = {"Riots/Protests": {"ASSAULT"}}


# -- comparing with gold -------------------------------------------------------------------------------
def country_class(code: str | None) -> str | None:
    """The class a gold code or predicted country is compared in."""
    if not code:
        return None
    code = code.upper()[:3]
    if code in COLLECTIVES:
        return "IGO/NGO"
    return CAMEO_TO_ISO.get(code, code)


def sector_class(sector: str | None) -> str | None:
    """The sector compared: its first three letters ('CVLalb' -> CVL, as the actors evaluation does);
    '***' (unknown in the gold) is no sector."""
    if not sector or sector.startswith("*"):
        return None
    return sector[:3].upper()


# -- running the pipeline -------------------------------------------------------------------------
def run_pipeline(documents: list[Document], components: list[str] | None) -> tuple[list[dict], float]:
    """Contract output per document, and the seconds spent parsing and in the components."""
    runner = Runner(components)
    results = runner.results(documents)
    return results, runner.seconds


# -- scoring --------------------------------------------------------------------------------------
def party_agrees(predicted: dict | None, gold: list[PloverParty]) -> bool:
    if not gold:
        return False
    if not predicted:
        return False
    mine = country_class(predicted.get("country")) or (
        "IGO/NGO" if (predicted.get("sector") or "") in COLLECTIVES else None
    )
    return mine is not None and mine in {country_class(p.code) for p in gold}


def best_match(events: list[dict], gold: PloverEvent) -> tuple[dict, bool, bool]:
    """The predicted event of the gold type that agrees best with the gold parties."""
    scored = []
    for event in events:
        actor_ok = party_agrees(event.get("actor"), gold.actors)
        recipient_ok = party_agrees(event.get("recipient"), gold.recipients)
        if gold.category in SYMMETRIC:
            swapped_actor = party_agrees(event.get("recipient"), gold.actors)
            swapped_recipient = party_agrees(event.get("actor"), gold.recipients)
            if swapped_actor + swapped_recipient > actor_ok + recipient_ok:
                actor_ok, recipient_ok = swapped_actor, swapped_recipient
            if not gold.recipients and not actor_ok:  # compound actor coded as both parties
                actor_ok = swapped_actor
        scored.append((actor_ok + recipient_ok, actor_ok, recipient_ok, event))
    _score, actor_ok, recipient_ok, event = max(scored, key=lambda item: item[0])
    return event, actor_ok, recipient_ok


@dataclass
class EventScores:
    true_pos: Counter = field(default_factory=Counter)
    false_pos: Counter = field(default_factory=Counter)
    false_neg: Counter = field(default_factory=Counter)
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    actor: Accuracy = field(default_factory=Accuracy)
    recipient: Accuracy = field(default_factory=Accuracy)
    sector: Accuracy = field(default_factory=Accuracy)
    mode: Accuracy = field(default_factory=Accuracy)
    dead: Accuracy = field(default_factory=Accuracy)
    injured: Accuracy = field(default_factory=Accuracy)
    errors: list[str] = field(default_factory=list)
    reliability: Reliability = field(default_factory=lambda: Reliability([]))

    def prf(self, category: str | None = None) -> tuple[float, float, float]:
        if category is None:
            return prf_counts(sum(self.true_pos.values()), sum(self.false_pos.values()), sum(self.false_neg.values()))
        return prf_counts(self.true_pos[category], self.false_pos[category], self.false_neg[category])

    def macro_f1(self) -> float:
        present = [c for c in CATEGORIES if self.true_pos[c] + self.false_neg[c]]
        return sum(self.prf(c)[2] for c in present) / len(present) if present else 0.0


def score_sentence(scores: EventScores, sentence: PloverSentence, result: dict) -> None:
    events = result.get("events") or []
    predicted = {event["type"] for event in events}
    gold = sentence.categories
    for event in events:
        scores.reliability.add(event.get("confidence", 0.5), event["type"] in gold)
    for category in predicted | gold:
        if category in predicted and category in gold:
            scores.true_pos[category] += 1
        elif category in predicted:
            scores.false_pos[category] += 1
        else:
            scores.false_neg[category] += 1
    for category in gold:
        for other in predicted or {"(none)"}:
            scores.confusion[category][other] += 1
    if predicted != gold:
        scores.errors.append(f"gold={sorted(gold)} predicted={sorted(predicted)} | {sentence.text[:150]}")
    for gold_event_ in sentence.events:
        of_type = [event for event in events if event["type"] == gold_event_.category]
        if not of_type:
            continue
        event, actor_ok, recipient_ok = best_match(of_type, gold_event_)
        if gold_event_.actors:
            scores.actor.add(actor_ok)
            gold_sectors = {sector_class(p.sector) for p in gold_event_.actors} - {None}
            if gold_sectors:
                scores.sector.add(sector_class((event.get("actor") or {}).get("sector")) in gold_sectors)
        if gold_event_.recipients:
            scores.recipient.add(recipient_ok)
        if gold_event_.mode:
            scores.mode.add(event.get("mode") == gold_event_.mode)
        if gold_event_.dead is not None:
            scores.dead.add(max(((e.get("dead") or {}).get("best") or 0) for e in events) == gold_event_.dead)
        if gold_event_.injured is not None:
            scores.injured.add(max(((e.get("injured") or {}).get("best") or 0) for e in events) == gold_event_.injured)


# -- printing -------------------------------------------------------------------------------------
def print_plover_report(scores: EventScores, n_docs: int, seconds: float, show_errors: int) -> None:
    click.echo(f"plover-gsr: {n_docs} sentences, pipeline {seconds:.1f} s ({n_docs / max(seconds, 1e-9):.1f} docs/s)")
    click.echo(f"{'category':10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    for category in CATEGORIES:
        tp, fp, fn = scores.true_pos[category], scores.false_pos[category], scores.false_neg[category]
        if tp + fp + fn == 0:
            continue
        p, r, f = scores.prf(category)
        click.echo(f"{category:10} {p:6.3f} {r:6.3f} {f:6.3f} {tp + fn:5d} {tp + fp:5d}")
    p, r, f = scores.prf()
    click.echo(f"{'micro':10} {p:6.3f} {r:6.3f} {f:6.3f}")
    click.echo(f"{'macro F1':10} {scores.macro_f1():20.3f}")
    click.echo(f"actor country     {scores.actor}")
    click.echo(f"recipient country {scores.recipient}")
    click.echo(f"actor sector      {scores.sector}")
    click.echo(f"mode              {scores.mode}")
    click.echo(f"dead              {scores.dead}")
    click.echo(f"injured           {scores.injured}")
    click.echo("reliability (an event is right when the sentence's gold has its category):")
    for line in scores.reliability.table():
        click.echo(f"  {line}")
    print_confusion(scores)
    for line in scores.errors[:show_errors]:
        click.echo(f"  {line}")


def print_confusion(scores: EventScores) -> None:
    columns = [c for c in CATEGORIES if any(scores.confusion[g][c] for g in scores.confusion)] + ["(none)"]
    click.echo("confusion (rows gold, columns predicted; a sentence counts once per predicted type):")
    click.echo(" " * 10 + "".join(f"{c[:5]:>6}" for c in columns))
    for gold in CATEGORIES:
        if gold not in scores.confusion:
            continue
        click.echo(f"{gold:10}" + "".join(f"{scores.confusion[gold][c] or '.':>6}" for c in columns))


# -- command --------------------------------------------------------------------------------------
@click.command()
@click.option(
    "--gold",
    "gold_name",
    type=click.Choice(["plover-gsr", "synthetic", "acled", "wikievents", "bench"]),
    default="plover-gsr",
)
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--split", type=click.Choice(["test", "train", "all"]), default="test", help="synthetic: which split.")
@click.option("--errors", "show_errors", type=int, default=0, help="Print N mis-typed sentences.")
@click.option(
    "--part",
    type=click.Choice(["all", "tune", "held-out"]),
    default=None,
    help="acled: score the ACLED taxonomy (25 sub-event types) on a fixed half of the rows, or all.",
)
@click.option(
    "--components", default=None, help="Comma-separated pipeline components (default: all; e.g. actors,events)."
)
def command(
    gold_name: str,
    path: Path,
    limit: int | None,
    split: str,
    show_errors: int,
    part: str | None,
    components: str | None,
) -> None:
    """Score event coding: per-category P/R/F1, actor/recipient countries, modes, confusion."""
    chosen = components.split(",") if components else None
    if gold_name == "bench":
        benchmark(path, limit or 100, chosen)
        return
    if gold_name == "synthetic":
        print_synthetic(score_synthetic(path, limit, split, chosen), split, show_errors)
    elif gold_name == "acled" and part:  # the ACLED taxonomy table (acled_types.py)
        from eventwire.evaluate.acled_types import evaluate_acled_types

        evaluate_acled_types(path, limit, part, lambda rows: acled_results(rows, chosen), show_errors)
    elif gold_name == "wikievents":
        from eventwire.evaluate.wikievents import evaluate_wikievents

        evaluate_wikievents(path, limit, lambda documents: run_pipeline(documents, chosen)[0])
    elif gold_name == "acled":
        print_acled(score_acled(path, limit, chosen), show_errors)
    else:
        print_plover_report(*score_plover(path, limit, chosen), show_errors)


def acled_results(rows: list[tuple[str, str, str | None]], components: list[str] | None) -> list[dict]:
    """The extract output of ACLED notes given as (row id, text, event date)."""
    documents = [make_document(text, doc_id=row_id, published_at=date) for row_id, text, date in rows]
    return run_pipeline(documents, components)[0]


def score_plover(
    path: Path, limit: int | None = None, components: list[str] | None = None
) -> tuple[EventScores, int, float]:
    """The PLOVER GSR scores, the number of sentences and the pipeline's seconds."""
    sentences = read_plover_sentences(path)[:limit]
    results, seconds = run_pipeline([make_document(s.text, doc_id=s.doc_id) for s in sentences], components)
    scores = EventScores()
    for sentence, result in zip(sentences, results, strict=True):
        score_sentence(scores, sentence, result)
    return scores, len(sentences), seconds


def benchmark(path: Path, limit: int, components: list[str] | None) -> None:
    """Throughput: bare spaCy `nlp.pipe` beside each component, timed in the same process."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    documents = [make_document(d["text"], doc_id=str(d.get("id", n))) for n, d in enumerate(lines)]
    runner = Runner(components)
    list(runner.nlp.pipe([d.text for d in documents[:5]]))  # warm-up
    started = time.perf_counter()
    list(runner.nlp.pipe([d.text for d in documents], batch_size=runner.pipeline.batch_size))
    bare = time.perf_counter() - started
    n_events = sum(len(result.events) for result in runner.process(documents))
    n = len(documents)
    words = sum(len(d.text.split()) for d in documents)
    click.echo(f"bench: {n} docs, {words} words, {n_events} events")
    click.echo(f"bare spaCy nlp.pipe   {bare:7.2f} s  {n / bare:6.1f} docs/s")
    total = bare + sum(runner.seconds_in.values())
    click.echo(f"parse + components    {total:7.2f} s  {n / total:6.1f} docs/s")
    for name, spent in runner.seconds_in.items():
        click.echo(f"  {name:18} {1000 * spent / n:7.1f} ms/doc  {100 * spent / bare:5.1f}% of bare spaCy")


@dataclass
class LabelScores:
    """Per gold label: whether the label is among the predicted types (synthetic stories, ACLED rows)."""

    documents: int = 0
    seconds: float = 0.0
    found: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))  # with "all"
    no_event: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))
    mode: Accuracy = field(default_factory=Accuracy)
    misses: list[str] = field(default_factory=list)


def score_synthetic(
    path: Path, limit: int | None = None, split: str = "test", components: list[str] | None = None
) -> LabelScores:
    stories = read_synthetic(path, split)[:limit]
    results, seconds = run_pipeline([make_document(text, doc_id=doc_id) for doc_id, text, _, _ in stories], components)
    scores = LabelScores(len(stories), seconds)
    for (_doc_id, text, label, mode), result in zip(stories, results, strict=True):
        types = {event["type"] for event in result.get("events") or []}
        scores.found[label].add(label in types)
        scores.found["all"].add(label in types)
        if label in types and mode:
            scores.mode.add(any(e.get("mode") == mode for e in result["events"] if e["type"] == label))
        if label not in types:
            scores.misses.append(f"{label} predicted={sorted(types)} | {text[:140]}")
    return scores


def print_synthetic(scores: LabelScores, split: str, show_errors: int) -> None:
    click.echo(f"synthetic ({split} split): {scores.documents} stories, pipeline {scores.seconds:.1f} s")
    click.echo(f"{'label':10} {'accuracy':>18}")
    for label in sorted(k for k in scores.found if k != "all"):
        click.echo(f"{label:10} {scores.found[label]!s:>18}")
    click.echo(f"{'all':10} {scores.found['all']!s:>18}")
    click.echo(f"mode (label found) {scores.mode}")
    for line in scores.misses[:show_errors]:
        click.echo(f"  {line}")


# -- ACLED ----------------------------------------------------------------------------------------
def acled_expected(event_type: str) -> str | None:
    return ACLED_EXPECTED.get(event_type) or ACLED_EXPECTED.get(event_type.split("-")[0])


def acled_scored_rows(path: Path) -> list[AcledRecord]:
    """The ACLED rows with a note and an event type that expects a PLOVER class."""
    return [r for r in read_acled(path) if r.notes and acled_expected(r.event_type)]


def score_acled(path: Path, limit: int | None = None, components: list[str] | None = None) -> LabelScores:
    rows = acled_scored_rows(path)[:limit]
    documents = [make_document(r.notes, doc_id=r.doc_id, published_at=r.event_date) for r in rows]
    results, seconds = run_pipeline(documents, components)
    scores = LabelScores(len(rows), seconds)
    for row, result in zip(rows, results, strict=True):
        expected = acled_expected(row.event_type) or ""
        types = {event["type"] for event in result.get("events") or []}
        found = bool(types & ({expected} | ACLED_ALSO_RIGHT.get(row.event_type, set())))
        for key in (expected, "all"):
            scores.found[key].add(found)
            scores.no_event[key].add(not types)
        if not found:
            scores.misses.append(f"{expected} predicted={sorted(types)} | {row.notes[:160]}")
    return scores


def print_acled(scores: LabelScores, show_errors: int) -> None:
    click.echo(f"acled: {scores.documents} documents, pipeline {scores.seconds:.1f} s")
    click.echo(f"{'expected':10} {'recall':>18} {'no event':>18}")
    for key in [*sorted(k for k in scores.found if k != "all"), "all"]:
        click.echo(f"{key:10} {scores.found[key]!s:>18} {scores.no_event[key]!s:>18}")
    for line in scores.misses[:show_errors]:
        click.echo(f"  {line}")
