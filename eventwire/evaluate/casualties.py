"""`eventwire evaluate casualties`: fatalities (and injuries) against ACLED and PLOVER gold.

Every gold text goes through the real Pipeline; the score reads the contract output only
(DESIGN.md "How quality is scored"): a document's fatalities are the largest `dead.best`
over its events (`dead.low` when best is null), 0 when no event has dead.

- `--gold acled DIR`: ACLED rows, text = `notes`, published on `event_date`, gold =
  `fatalities`. Exact agreement, zero/non-zero agreement, agreement within tolerance
  (|pred - gold| <= max(1, 20% of gold)), exact agreement on rows with fatalities > 0, and
  the misses on those rows sorted by what explains them: ACLED splits one report across
  several events (the same note on several rows), ACLED imputes 10 or 3 for unspecified
  deaths, ACLED codes the most conservative figure (we read a larger one), plain misses.
- `--gold plover-gsr DIR`: the PLOVER records that code `dead` or `injured`; exact agreement.

A second row, "counts only", scores the largest dead count in `quantities` regardless of
events: a diagnostic of the count extractor while the event coder misses events; the first
row is the score.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click

from eventwire.model import DocResult, Document

IMPUTED_VALUES = {3, 10}


@dataclass
class Row:
    doc: Document
    gold_dead: int | None
    gold_injured: int | None = None
    shared_note: bool = False


def _count(value: int | float | None) -> int:
    return int(value) if value is not None else 0


def event_value(result: DocResult, kind: str) -> int:
    """The contract reading: the largest best (low when best is null) over the events' counts of a kind."""
    values = []
    for event in result.events:
        count = getattr(event, kind)
        if count is not None:
            values.append(count.best if count.best is not None else count.low)
    return max((_count(v) for v in values), default=0)


def quantity_value(result: DocResult, kind: str) -> int:
    """Diagnostic: the largest count of a kind in `quantities`, with or without an event."""
    values = [q.best if q.best is not None else q.low for q in result.quantities if q.kind == kind]
    return max((_count(v) for v in values), default=0)


# --- gold readers -----------------------------------------------------------------------------------------------


def _find(path: Path, pattern: str) -> Path:
    if path.is_file():
        return path
    found = sorted(path.glob(pattern))
    if not found:
        raise click.ClickException(f"no {pattern} under {path}")
    return found[0]


def read_acled(path: Path, limit: int | None) -> list[Row]:
    from eventwire.ingest import make_document

    with _find(path, "*.csv").open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    note_counts = Counter(r["notes"].strip() for r in records)
    rows = []
    for record in records[:limit] if limit else records:
        note = record["notes"].strip()
        doc = make_document(
            note,
            doc_id=record.get("data_id") or record.get("event_id_cnty"),
            published_at=record.get("event_date") or None,
        )
        rows.append(Row(doc, int(float(record["fatalities"] or 0)), shared_note=note_counts[note] > 1))
    return rows


def read_plover(path: Path, limit: int | None) -> list[Row]:
    from eventwire.ingest import make_document

    records = json.loads(_find(path, "PLOVER_GSR*.txt").read_text(encoding="utf-8"))
    rows = []
    for record in records:
        if not isinstance(record, dict) or "text" not in record:
            continue
        dead, injured = record.get("dead"), record.get("injured")
        if dead is None and injured is None:
            continue
        doc = make_document(record["text"], doc_id=record["id"])
        rows.append(Row(doc, _as_int(dead), _as_int(injured)))
    return rows[:limit] if limit else rows


def _as_int(value: str | None) -> int | None:
    try:
        return int(str(value).replace(",", "")) if value is not None else None
    except ValueError:
        return None


# --- scoring ----------------------------------------------------------------------------------------------------


def within_tolerance(pred: int, gold: int) -> bool:
    return abs(pred - gold) <= max(1, 0.2 * gold)


def miss_reason(row: Row, pred: int, result: DocResult) -> str:
    gold = row.gold_dead or 0
    if row.shared_note:
        return "ACLED split the report across events"
    if is_imputed(row, result):
        return "ACLED imputed a value for unspecified deaths"
    if pred > gold:
        return "we read a larger figure (ACLED codes the most conservative)"
    if pred == 0 and quantity_value(result, "dead") > 0:
        return "a dead count, but no ASSAULT/COERCE/PROTEST event to carry it"
    if pred == 0:
        return "no dead count found"
    return "we read a smaller figure"


def is_imputed(row: Row, result: DocResult) -> bool:
    """ACLED's 10 or 3 for deaths the note states without a figure (no exact dead count in the text)."""
    stated = any(q.kind == "dead" and q.best is not None for q in result.quantities)
    return (row.gold_dead or 0) in IMPUTED_VALUES and not stated


@dataclass
class AcledScore:
    rows: int = 0
    exact: int = 0
    zero_agree: int = 0
    tolerant: int = 0
    positive: int = 0
    positive_exact: int = 0
    false_positive: int = 0

    def add(self, gold: int, pred: int) -> None:
        self.rows += 1
        self.exact += pred == gold
        self.zero_agree += (pred > 0) == (gold > 0)
        self.tolerant += within_tolerance(pred, gold)
        if gold > 0:
            self.positive += 1
            self.positive_exact += pred == gold
        elif pred > 0:
            self.false_positive += 1


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f} ({num}/{den})" if den else "-"


def run_pipeline(rows: list[Row]) -> Iterable[tuple[Row, DocResult]]:
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline()
    return zip(rows, pipeline.process(r.doc for r in rows), strict=True)


def score_acled(rows: list[Row], show_misses: int) -> None:
    from rich.console import Console
    from rich.table import Table

    by_events, by_counts, unsplit, stated = AcledScore(), AcledScore(), AcledScore(), AcledScore()
    reasons: Counter[str] = Counter()
    misses = []
    started = time.perf_counter()
    for row, result in run_pipeline(rows):
        gold = row.gold_dead or 0
        pred = event_value(result, "dead")
        by_events.add(gold, pred)
        by_counts.add(gold, quantity_value(result, "dead"))
        if gold > 0 and pred != gold:
            reason = miss_reason(row, pred, result)
            reasons[reason] += 1
            misses.append((reason, gold, pred, quantity_value(result, "dead"), row.doc.text))
        elif gold == 0 and pred > 0:
            misses.append(("dead where ACLED codes none", gold, pred, quantity_value(result, "dead"), row.doc.text))
        if gold > 0 and not row.shared_note:
            unsplit.add(gold, pred)
            if not is_imputed(row, result):
                stated.add(gold, pred)
    elapsed = time.perf_counter() - started
    console = Console(width=140)
    table = Table(title=f"Casualties vs ACLED ({len(rows)} rows, {elapsed:.0f} s)")
    for column in ["reading", "exact", "zero/non-zero", "within tol.", "exact (fatalities>0)", "false dead (gold 0)"]:
        table.add_column(column)
    for name, score in [("events (the score)", by_events), ("counts only (diagnostic)", by_counts)]:
        table.add_row(
            name,
            _ratio(score.exact, score.rows),
            _ratio(score.zero_agree, score.rows),
            _ratio(score.tolerant, score.rows),
            _ratio(score.positive_exact, score.positive),
            str(score.false_positive),
        )
    console.print(table)
    console.print(
        "exact on rows with fatalities > 0 whose note ACLED did not split across events: "
        + _ratio(unsplit.positive_exact, unsplit.positive)
    )
    console.print(
        "... and whose deaths the note states as a figure (not imputed by ACLED): "
        + _ratio(stated.positive_exact, stated.positive)
    )
    reason_table = Table(title="Misses on rows with fatalities > 0 (events reading)")
    reason_table.add_column("explained by")
    reason_table.add_column("rows")
    for reason, n in reasons.most_common():
        reason_table.add_row(reason, str(n))
    console.print(reason_table)
    for reason, gold, pred, counts, text in misses[:show_misses]:
        console.print(f"[bold]{reason}[/] gold={gold} events={pred} counts={counts}: {text[:300]}", highlight=False)


def score_plover(rows: list[Row]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Casualties vs PLOVER GSR ({len(rows)} records with dead or injured)")
    for column in ["field", "events: exact", "counts only: exact"]:
        table.add_column(column)
    tallies = {kind: [0, 0, 0] for kind in ("dead", "injured")}
    for row, result in run_pipeline(rows):
        for kind, gold in (("dead", row.gold_dead), ("injured", row.gold_injured)):
            if gold is None:
                continue
            tallies[kind][0] += 1
            tallies[kind][1] += event_value(result, kind) == gold
            tallies[kind][2] += quantity_value(result, kind) == gold
    for kind, (n, by_events, by_counts) in tallies.items():
        table.add_row(kind, _ratio(by_events, n), _ratio(by_counts, n))
    Console(width=140).print(table)


@click.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold", type=click.Choice(["acled", "plover-gsr"]), required=True, help="Gold data format.")
@click.option("--limit", type=int, default=None, help="Score only the first N rows.")
@click.option("--show-misses", type=int, default=0, help="Print up to N missed rows (ACLED).")
def command(path: Path, gold: str, limit: int | None, show_misses: int) -> None:
    """Score fatalities and injuries read from events against ACLED or PLOVER gold."""
    if gold == "acled":
        score_acled(read_acled(path, limit), show_misses)
    else:
        score_plover(read_plover(path, limit))
