"""`eventwire evaluate casualties`: fatalities (and injuries) against ACLED and PLOVER gold.

Every gold text goes through the real Pipeline; the score reads the contract output only
(DESIGN.md "How quality is scored"): a document's fatalities are the largest `dead.best`
over its events (`dead.low` when best is null), 0 when no event has dead.

- `--gold acled DIR`: ACLED rows, text = `notes`, published on `event_date`, gold =
  `fatalities`. Exact agreement, zero/non-zero agreement, agreement within tolerance
  (|pred - gold| <= max(1, 20% of gold)), exact agreement on rows with fatalities > 0, and
  the misses sorted by what explains them. ACLED's conventions: it splits one report's toll
  across several events (rows whose notes open alike, `report_key`, and we read the report's
  total), it imputes 10 or 3 for unspecified deaths (`is_imputed`: only where the note puts no
  figure on people). The rest are ours: no count, no event, the figure of another event of the
  note, a larger or smaller figure. Exact agreement is printed over all rows with deaths, less
  the misses ACLED's conventions explain, and over reports ACLED neither split nor imputed.
- `--gold plover-gsr DIR`: the PLOVER records that code `dead` or `injured`; exact agreement.

A second row, "counts only", scores the largest dead count in `quantities` regardless of
events: a diagnostic of the count extractor while the event coder misses events; the first
row is the score.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click

from eventwire.evaluate.gold import as_count, read_acled, read_plover_records
from eventwire.model import DocResult, Document, Event

IMPUTED_VALUES = {3, 10}
SENTENCE = re.compile(r".+?(?:[.!?](?:\s|$)|$)")
MIN_LEAD_CHARS = 40  # a shorter opening ("Clashes resumed.") may open unrelated reports
NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen"
)
PEOPLE_FIGURE = re.compile(rf"\b(?:\d[\d,]*|{NUMBER_WORDS})\s+(?:[\w'-]+\s+){{0,2}}?([a-z]+)\b", re.IGNORECASE)


@dataclass
class Row:
    doc: Document
    gold_dead: int | None
    gold_injured: int | None = None
    shared_note: bool = False  # ACLED coded several rows from this row's report (`report_key`)
    note_total: int | None = None  # ACLED: the fatalities of every row of the report, summed


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


def event_dead(event: Event) -> int:
    """One event's fatalities as the document reading takes them (best, else low, else 0)."""
    count = event.dead
    return 0 if count is None else _count(count.best if count.best is not None else count.low)


def quantity_value(result: DocResult, kind: str) -> int:
    """Diagnostic: the largest count of a kind in `quantities`, with or without an event."""
    values = [q.best if q.best is not None else q.low for q in result.quantities if q.kind == kind]
    return max((_count(v) for v in values), default=0)


# --- gold ------------------------------------------------------------------------------------------------------


def report_key(country: str, notes: str) -> tuple[str, str]:
    """Rows ACLED coded from one report: the note's opening, whole sentences up to at least
    `MIN_LEAD_CHARS` (ACLED edits the note of each event it splits a report into: "... (22
    fatalities coded for June 24 and 21 coded for June 25)")."""
    note = " ".join(notes.split())
    lead = ""
    for sentence in SENTENCE.finditer(note):
        lead += sentence.group(0)
        if len(lead.strip()) >= MIN_LEAD_CHARS:
            break
    return country, lead.strip() or note


def acled_rows(path: Path, limit: int | None) -> list[Row]:
    from eventwire.ingest import make_document

    try:
        records = read_acled(path)
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from None
    report_rows = Counter(report_key(r.country, r.notes) for r in records)
    report_totals: Counter[tuple[str, str]] = Counter()
    for record in records:
        report_totals[report_key(record.country, record.notes)] += record.fatalities
    rows = []
    for record in records[:limit] if limit else records:
        key = report_key(record.country, record.notes)
        doc = make_document(record.notes, doc_id=record.doc_id, published_at=record.event_date)
        rows.append(Row(doc, record.fatalities, shared_note=report_rows[key] > 1, note_total=report_totals[key]))
    return rows


def plover_rows(path: Path, limit: int | None) -> list[Row]:
    """The PLOVER records that code dead or injured, one document each."""
    from eventwire.ingest import make_document

    rows = []
    for record in read_plover_records(path):
        dead, injured = record.get("dead"), record.get("injured")
        if dead is None and injured is None:
            continue
        doc = make_document(record["text"], doc_id=record["id"])
        rows.append(Row(doc, as_count(dead), as_count(injured)))
    return rows[:limit] if limit else rows


# --- scoring ----------------------------------------------------------------------------------------------------


def within_tolerance(pred: int, gold: int) -> bool:
    return abs(pred - gold) <= max(1, 0.2 * gold)


SPLIT = "ACLED split the report's figure across events (we read its total)"
IMPUTED = "ACLED imputed a value for unspecified deaths"
NO_EVENT = "a dead count, but no ASSAULT/COERCE/PROTEST event to carry it"
NO_COUNT = "no dead count found"
LARGER = "we read a larger figure (ACLED codes the most conservative)"
SMALLER = "we read a smaller figure"
OTHER_EVENT = "the note reports several events: we read the row's figure on one, a larger one on another"
SHARED_NOT_TOTAL = "a report ACLED split, and we read neither the row's figure nor the report's total"
FALSE_DEAD = "dead where ACLED codes none"
ACLED_CONVENTIONS = (SPLIT, IMPUTED)


def explained_by_split(row: Row, pred: int) -> bool:
    """ACLED coded one report as several events and split its toll: we read the report's total."""
    return row.shared_note and row.note_total is not None and pred == row.note_total


def miss_reason(row: Row, pred: int, result: DocResult) -> str:
    gold = row.gold_dead or 0
    if gold == 0:
        return SPLIT if explained_by_split(row, pred) else FALSE_DEAD
    if explained_by_split(row, pred):
        return SPLIT
    if is_imputed(row, result):
        return IMPUTED
    if pred == 0 and quantity_value(result, "dead") > 0:
        return NO_EVENT
    if pred == 0:
        return NO_COUNT
    if any(event_dead(e) == gold for e in result.events):
        return OTHER_EVENT
    if row.shared_note:
        return SHARED_NOT_TOTAL
    return LARGER if pred > gold else SMALLER


def is_imputed(row: Row, result: DocResult) -> bool:
    """ACLED's 10 or 3 for deaths the note states without a figure, also when split across the
    rows of one report (5 + 5). The note must state no exact dead figure (we read none) and no
    figure of people at all ("four soldiers were and ten others wounded" states one, which a typo
    hides from us: that miss is ours, not an imputation)."""
    stated = any(q.kind == "dead" and q.best is not None for q in result.quantities)
    imputed_value = (row.gold_dead or 0) in IMPUTED_VALUES or (row.shared_note and row.note_total in IMPUTED_VALUES)
    return imputed_value and not stated and not states_people_figure(row.doc.text)


def states_people_figure(text: str) -> bool:
    """Whether the text puts a figure on people ("four soldiers", "21 people"), whatever their condition."""
    from eventwire.extract.quantities.lexicon import load_lexicon

    people = load_lexicon().people_words
    for match in PEOPLE_FIGURE.finditer(text):
        noun = match.group(1).lower()
        if noun in people or noun.removesuffix("s") in people or noun.removesuffix("es") in people:
            return True
    return False


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


@dataclass
class Miss:
    reason: str
    gold: int
    pred: int
    counts: int
    text: str


@dataclass
class AcledReport:
    """Everything `score_acled` prints, gathered in one pass over the pipeline output."""

    by_events: AcledScore
    by_counts: AcledScore
    unexplained: AcledScore  # all rows, less the misses ACLED's conventions explain
    plain: AcledScore  # rows with deaths from notes ACLED neither split nor imputed
    misses: list[Miss]


def run_pipeline(rows: list[Row]) -> Iterable[tuple[Row, DocResult]]:
    from eventwire.evaluate.runner import Runner

    return zip(rows, Runner().process(r.doc for r in rows), strict=True)


def evaluate_acled(scored: Iterable[tuple[Row, DocResult]]) -> AcledReport:
    report = AcledReport(AcledScore(), AcledScore(), AcledScore(), AcledScore(), [])
    for row, result in scored:
        gold = row.gold_dead or 0
        pred = event_value(result, "dead")
        report.by_events.add(gold, pred)
        report.by_counts.add(gold, quantity_value(result, "dead"))
        reason = miss_reason(row, pred, result) if pred != gold else None
        if reason is not None:
            report.misses.append(Miss(reason, gold, pred, quantity_value(result, "dead"), row.doc.text))
        if reason not in ACLED_CONVENTIONS:
            report.unexplained.add(gold, pred)
        if gold > 0 and not row.shared_note and not is_imputed(row, result):
            report.plain.add(gold, pred)
    return report


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f} ({num}/{den})" if den else "-"


def _score_table(report: AcledReport, title: str):
    from rich.table import Table

    table = Table(title=title)
    for column in ["reading", "exact", "zero/non-zero", "within tol.", "exact (fatalities>0)", "false dead (gold 0)"]:
        table.add_column(column)
    for name, score in [("events (the score)", report.by_events), ("counts only (diagnostic)", report.by_counts)]:
        table.add_row(
            name,
            _ratio(score.exact, score.rows),
            _ratio(score.zero_agree, score.rows),
            _ratio(score.tolerant, score.rows),
            _ratio(score.positive_exact, score.positive),
            str(score.false_positive),
        )
    return table


def _deaths_table(report: AcledReport):
    from rich.table import Table

    table = Table(title="Exact agreement on rows with fatalities > 0, and zero/non-zero (events reading)")
    for column in ["rows", "exact (fatalities>0)", "zero/non-zero (all rows)"]:
        table.add_column(column)
    everything, unexplained, plain = report.by_events, report.unexplained, report.plain
    table.add_row(
        "all rows",
        _ratio(everything.positive_exact, everything.positive),
        _ratio(everything.zero_agree, everything.rows),
    )
    table.add_row(
        "less misses explained by ACLED splitting a report or imputing 3/10",
        _ratio(unexplained.positive_exact, unexplained.positive),
        _ratio(unexplained.zero_agree, unexplained.rows),
    )
    table.add_row("only reports ACLED neither split nor imputed", _ratio(plain.positive_exact, plain.positive), "-")
    return table


def _reasons_table(misses: list[Miss]):
    from rich.table import Table

    with_deaths = Counter(m.reason for m in misses if m.gold > 0)
    without = Counter(m.reason for m in misses if m.gold == 0)
    table = Table(title="Misses by cause (rows with fatalities > 0; rows with 0)")
    table.add_column("explained by")
    table.add_column("fatalities > 0")
    table.add_column("fatalities 0")
    for group, names in [("ACLED conventions", ACLED_CONVENTIONS), ("the rest", None)]:
        for reason, _ in (with_deaths + without).most_common():
            if (names is None) != (reason in ACLED_CONVENTIONS):
                table.add_row(f"{group}: {reason}", str(with_deaths[reason]), str(without[reason]))
    return table


def print_errors(console, misses: list[Miss], per_reason: int) -> None:
    """Up to `per_reason` missed rows of each cause, ours first."""
    order = sorted({m.reason for m in misses}, key=lambda r: (r in ACLED_CONVENTIONS, r))
    for reason in order:
        rows = [m for m in misses if m.reason == reason][:per_reason]
        console.print(f"\n[bold]{reason}[/] ({sum(m.reason == reason for m in misses)} rows)", highlight=False)
        for miss in rows:
            text = " ".join(miss.text.split())
            console.print(f"  gold={miss.gold} events={miss.pred} counts={miss.counts}: {text[:240]}", highlight=False)


def score_acled(rows: list[Row], errors: int) -> None:
    from rich.console import Console

    started = time.perf_counter()
    report = evaluate_acled(run_pipeline(rows))
    elapsed = time.perf_counter() - started
    console = Console(width=140)
    console.print(_score_table(report, f"Casualties vs ACLED ({len(rows)} rows, {elapsed:.0f} s)"))
    console.print(_deaths_table(report))
    console.print(_reasons_table(report.misses))
    if errors:
        print_errors(console, report.misses, errors)


def plover_tallies(rows: list[Row]) -> dict[str, list[int]]:
    """Per kind (dead, injured): [records with gold, exact by events, exact by counts only]."""
    tallies = {kind: [0, 0, 0] for kind in ("dead", "injured")}
    for row, result in run_pipeline(rows):
        for kind, gold in (("dead", row.gold_dead), ("injured", row.gold_injured)):
            if gold is None:
                continue
            tallies[kind][0] += 1
            tallies[kind][1] += event_value(result, kind) == gold
            tallies[kind][2] += quantity_value(result, kind) == gold
    return tallies


def score_plover(rows: list[Row]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Casualties vs PLOVER GSR ({len(rows)} records with dead or injured)")
    for column in ["field", "events: exact", "counts only: exact"]:
        table.add_column(column)
    for kind, (n, by_events, by_counts) in plover_tallies(rows).items():
        table.add_row(kind, _ratio(by_events, n), _ratio(by_counts, n))
    Console(width=140).print(table)


@click.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold", type=click.Choice(["acled", "plover-gsr"]), required=True, help="Gold data format.")
@click.option("--limit", type=int, default=None, help="Score only the first N rows.")
@click.option(
    "--errors", "--show-misses", "errors", type=int, default=0, help="List up to N missed rows per cause (ACLED)."
)
def command(path: Path, gold: str, limit: int | None, errors: int) -> None:
    """Score fatalities and injuries read from events against ACLED or PLOVER gold."""
    if gold == "acled":
        score_acled(acled_rows(path, limit), errors)
    else:
        score_plover(plover_rows(path, limit))
