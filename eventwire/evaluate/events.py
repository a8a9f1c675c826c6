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
- `synthetic PATH`: the synthetic PLOVER stories (training data, scored on a held-out split:
  every fifth story by a stable hash of its text); a story is right when the predicted types
  contain its label.

Everything is scored from the contract output of the real Pipeline.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

CATEGORIES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
OLD_LABELS = {"DEMAND": ("REQUEST", None), "DISAPPROVE": ("ACCUSE", "disapprove"),
              "INVESTIGATE": ("ACCUSE", "investigate"), "FIGHT": ("ASSAULT", None)}  # fmt: skip
# Gold modes of the older PLOVER draft -> current mode names.
OLD_MODES = {"demo-org": "demo", "demo-spon": "demo", "riot-spon": "riot", "riot-org": "riot",
             "strike-hun": "hunger", "strike-gen": "strike", "host": "visit", "detain": "arrest",
             "confiscate": "seize", "assassinate": "targeted"}  # fmt: skip
# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VAT"}
COLLECTIVES = {"IGO", "NGO"}
SYMMETRIC = {"CONSULT", "AGREE"}
HELD_OUT_EVERY = 5
# ACLED event_type (or its prefix before '-') -> the PLOVER class an event of it must carry.
ACLED_EXPECTED = {"Riots/Protests": "PROTEST", "Battle": "ASSAULT", "Remote violence": "ASSAULT",
                  "Violence against civilians": "ASSAULT"}  # fmt: skip
# Riots may be coded as assaults as well.
ACLED_ALSO_RIGHT = {"Riots/Protests": {"ASSAULT"}}


@dataclass
class GoldParty:
    text: str
    code: str
    sector: str | None


@dataclass
class GoldEvent:
    category: str
    mode: str | None
    actors: list[GoldParty]
    recipients: list[GoldParty]
    dead: int | None = None
    injured: int | None = None


@dataclass
class GoldSentence:
    doc_id: str
    text: str
    events: list[GoldEvent] = field(default_factory=list)

    @property
    def categories(self) -> set[str]:
        return {event.category for event in self.events}


# -- reading gold ---------------------------------------------------------------------------------
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


def _parties(raw: Any) -> list[GoldParty]:
    if not isinstance(raw, list):
        return []
    return [GoldParty(p.get("actorText", ""), p.get("code", ""), p.get("sector")) for p in raw if p.get("code")]


def _count(raw: Any) -> int | None:
    try:
        return int(str(raw).replace(",", "")) if raw not in (None, "") else None
    except ValueError:
        return None


def gold_event(record: dict[str, Any]) -> GoldEvent:
    category, mode = record["event"], (record.get("mode") or None)
    if category in OLD_LABELS:
        category, implied_mode = OLD_LABELS[category]
        mode = mode or implied_mode
    mode = OLD_MODES.get(mode, mode) if mode else None
    return GoldEvent(
        category, mode, _parties(record.get("source")), _parties(record.get("target")),
        _count(record.get("dead")), _count(record.get("injured")),
    )  # fmt: skip


def read_plover_gsr(path: Path) -> list[GoldSentence]:
    file = path / "PLOVER_GSR_CAMEO.txt" if path.is_dir() else path
    records = json.loads(file.read_text(encoding="utf-8"))
    by_text: dict[str, GoldSentence] = {}
    for record in records:
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        text = record["text"].strip()
        sentence = by_text.setdefault(text, GoldSentence(record["id"], text))
        sentence.events.append(gold_event(record))
    return list(by_text.values())


def is_held_out(text: str) -> bool:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % HELD_OUT_EVERY == 0


def read_synthetic(path: Path, split: str = "test") -> list[tuple[str, str, str, str | None]]:
    """(id, text, label, mode) of the synthetic stories in `split` ('test' = held out, 'train', 'all')."""
    file = path / "gpt_synthetic_events_2023-10-19_19.csv.zip" if path.is_dir() else path
    with zipfile.ZipFile(file) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(archive.open(name), "utf-8")))
    stories = []
    for n, row in enumerate(rows):
        text = (row.get("text") or "").strip()
        if not text or (split == "test" and not is_held_out(text)) or (split == "train" and is_held_out(text)):
            continue
        stories.append((f"synthetic-{n}", text, row["label"].upper(), (row.get("mode") or "").lower() or None))
    return stories


# -- running the pipeline -------------------------------------------------------------------------
def run_pipeline(items: Iterable[tuple[str, ...]], components: list[str] | None) -> tuple[list[dict], float]:
    """Contract output per document of (doc_id, text[, published_at]) items; a document a component
    fails on scores as no events (and is named)."""
    from eventwire.ingest import make_document
    from eventwire.nlp import parse
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(components=components)
    documents = [make_document(item[1], doc_id=item[0], published_at=(item[2:] or (None,))[0]) for item in items]
    started = time.perf_counter()
    results = []
    for document, doc in parse(pipeline.nlp, documents, batch_size=pipeline.batch_size):
        try:
            results.append(pipeline.run_components(document, doc).to_dict())
        except Exception as error:  # noqa: BLE001 - one bad document must not end the evaluation
            click.secho(f"error: {document.id}: {type(error).__name__}: {error}", fg="red", err=True)
            results.append({"doc_id": document.id, "events": []})
    return results, time.perf_counter() - started


# -- scoring --------------------------------------------------------------------------------------
def party_agrees(predicted: dict | None, gold: list[GoldParty]) -> bool:
    if not gold:
        return False
    if not predicted:
        return False
    mine = country_class(predicted.get("country")) or (
        "IGO/NGO" if (predicted.get("sector") or "") in COLLECTIVES else None
    )
    return mine is not None and mine in {country_class(p.code) for p in gold}


def best_match(events: list[dict], gold: GoldEvent) -> tuple[dict, bool, bool]:
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
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    def __str__(self) -> str:
        return f"{self.right / self.total:.3f} ({self.right}/{self.total})" if self.total else "n/a"


@dataclass
class Scores:
    true_pos: Counter = field(default_factory=Counter)
    false_pos: Counter = field(default_factory=Counter)
    false_neg: Counter = field(default_factory=Counter)
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    actor: Tally = field(default_factory=Tally)
    recipient: Tally = field(default_factory=Tally)
    sector: Tally = field(default_factory=Tally)
    mode: Tally = field(default_factory=Tally)
    dead: Tally = field(default_factory=Tally)
    injured: Tally = field(default_factory=Tally)
    errors: list[str] = field(default_factory=list)

    def prf(self, category: str | None = None) -> tuple[float, float, float]:
        if category is None:
            tp, fp, fn = sum(self.true_pos.values()), sum(self.false_pos.values()), sum(self.false_neg.values())
        else:
            tp, fp, fn = self.true_pos[category], self.false_pos[category], self.false_neg[category]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def macro_f1(self) -> float:
        present = [c for c in CATEGORIES if self.true_pos[c] + self.false_neg[c]]
        return sum(self.prf(c)[2] for c in present) / len(present) if present else 0.0


def score_sentence(scores: Scores, sentence: GoldSentence, result: dict) -> None:
    events = result.get("events") or []
    predicted = {event["type"] for event in events}
    gold = sentence.categories
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
def print_plover_report(scores: Scores, n_docs: int, seconds: float, show_errors: int) -> None:
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
    print_confusion(scores)
    for line in scores.errors[:show_errors]:
        click.echo(f"  {line}")


def print_confusion(scores: Scores) -> None:
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
    "--gold", "gold_name", type=click.Choice(["plover-gsr", "synthetic", "acled", "bench"]), default="plover-gsr"
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
        evaluate_synthetic(path, limit, split, chosen, show_errors)
        return
    if gold_name == "acled":
        if part:  # the ACLED taxonomy table (acled_types.py)
            from eventwire.evaluate.acled_types import evaluate_acled_types

            evaluate_acled_types(path, limit, part, lambda items: run_pipeline(items, chosen)[0], show_errors)
        else:
            evaluate_acled(path, limit, chosen, show_errors)
        return
    sentences = read_plover_gsr(path)[:limit]
    results, seconds = run_pipeline(((s.doc_id, s.text) for s in sentences), chosen)
    scores = Scores()
    for sentence, result in zip(sentences, results, strict=True):
        score_sentence(scores, sentence, result)
    print_plover_report(scores, len(sentences), seconds, show_errors)


def benchmark(path: Path, limit: int, components: list[str] | None) -> None:
    """Throughput: bare spaCy `nlp.pipe` beside each component on the same parsed documents."""
    from eventwire.ingest import make_document
    from eventwire.model import DocResult
    from eventwire.pipeline import DocContext, Pipeline

    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    documents = [make_document(d["text"], doc_id=str(d.get("id", n))) for n, d in enumerate(lines)]
    pipeline = Pipeline(components=components)
    list(pipeline.nlp.pipe([d.text for d in documents[:5]]))  # warm-up
    started = time.perf_counter()
    parsed = list(pipeline.nlp.pipe([d.text for d in documents], batch_size=pipeline.batch_size))
    bare = time.perf_counter() - started
    seconds: dict[str, float] = defaultdict(float)
    n_events = 0
    for document, doc in zip(documents, parsed, strict=True):
        ctx = DocContext(document, doc, DocResult(doc_id=document.id, published_at=document.published_at))
        for name, component in zip(pipeline.component_names, pipeline.components, strict=True):
            tick = time.perf_counter()
            component(ctx)
            seconds[name] += time.perf_counter() - tick
        n_events += len(ctx.result.events)
    n = len(documents)
    words = sum(len(d.text.split()) for d in documents)
    click.echo(f"bench: {n} docs, {words} words, {n_events} events")
    click.echo(f"bare spaCy nlp.pipe   {bare:7.2f} s  {n / bare:6.1f} docs/s")
    total = bare + sum(seconds.values())
    click.echo(f"parse + components    {total:7.2f} s  {n / total:6.1f} docs/s")
    for name, spent in seconds.items():
        click.echo(f"  {name:18} {1000 * spent / n:7.1f} ms/doc  {100 * spent / bare:5.1f}% of bare spaCy")


def evaluate_synthetic(
    path: Path, limit: int | None, split: str, components: list[str] | None, show_errors: int
) -> None:
    stories = read_synthetic(path, split)[:limit]
    results, seconds = run_pipeline(((doc_id, text) for doc_id, text, _, _ in stories), components)
    per_label: dict[str, Tally] = defaultdict(Tally)
    overall, mode_tally, misses = Tally(), Tally(), []
    for (_doc_id, text, label, mode), result in zip(stories, results, strict=True):
        types = {event["type"] for event in result.get("events") or []}
        per_label[label].add(label in types)
        overall.add(label in types)
        if label in types and mode:
            mode_tally.add(any(e.get("mode") == mode for e in result["events"] if e["type"] == label))
        if label not in types:
            misses.append(f"{label} predicted={sorted(types)} | {text[:140]}")
    click.echo(f"synthetic ({split} split): {len(stories)} stories, pipeline {seconds:.1f} s")
    click.echo(f"{'label':10} {'accuracy':>18}")
    for label in sorted(per_label):
        click.echo(f"{label:10} {per_label[label]!s:>18}")
    click.echo(f"{'all':10} {overall!s:>18}")
    click.echo(f"mode (label found) {mode_tally}")
    for line in misses[:show_errors]:
        click.echo(f"  {line}")


# -- ACLED ----------------------------------------------------------------------------------------
def read_acled(path: Path) -> list[tuple[str, str, str, str]]:
    """(doc_id, notes, event_date, ACLED event_type) for each row whose type has an expected class."""
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    rows = []
    for file in files:
        with file.open(encoding="utf-8", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle)):
                text, event_type = (row.get("notes") or "").strip(), (row.get("event_type") or "").strip()
                if text and acled_expected(event_type):
                    rows.append(
                        (row.get("data_id") or f"{file.stem}-{n}", text, row.get("event_date") or "", event_type)
                    )
    return rows


def acled_expected(event_type: str) -> str | None:
    return ACLED_EXPECTED.get(event_type) or ACLED_EXPECTED.get(event_type.split("-")[0])


def evaluate_acled(path: Path, limit: int | None, components: list[str] | None, show_errors: int) -> None:
    rows = read_acled(path)[:limit]
    results, seconds = run_pipeline(((doc_id, text, date) for doc_id, text, date, _ in rows), components)
    recall: dict[str, Tally] = defaultdict(Tally)
    no_event: dict[str, Tally] = defaultdict(Tally)
    misses = []
    for (_doc_id, text, _date, event_type), result in zip(rows, results, strict=True):
        expected = acled_expected(event_type) or ""
        types = {event["type"] for event in result.get("events") or []}
        found = bool(types & ({expected} | ACLED_ALSO_RIGHT.get(event_type, set())))
        for key in (expected, "all"):
            recall[key].add(found)
            no_event[key].add(not types)
        if not found:
            misses.append(f"{expected} predicted={sorted(types)} | {text[:160]}")
    click.echo(f"acled: {len(rows)} documents, pipeline {seconds:.1f} s")
    click.echo(f"{'expected':10} {'recall':>18} {'no event':>18}")
    for key in [*sorted(k for k in recall if k != "all"), "all"]:
        click.echo(f"{key:10} {recall[key]!s:>18} {no_event[key]!s:>18}")
    for line in misses[:show_errors]:
        click.echo(f"  {line}")
