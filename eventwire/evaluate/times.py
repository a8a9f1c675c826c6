"""`eventwire evaluate times`: TempEval-3 task A scoring of the time tagger.

Gold: TimeML `.tml` files (TempEval-3 TBAQ-cleaned). Each document's `<TEXT>` (tags removed,
entities unescaped) goes through the real Pipeline with its DCT as `published_at`; the
`times` of the contract output are compared with the gold `<TIMEX3>` spans (the DCT is not
in `<TEXT>`, so it is never scored).

- strict span: same start and end; relaxed span: the spans overlap (each gold and each
  predicted expression is matched at most once).
- type accuracy and value accuracy: over the relaxed matches.
- value F1 (TempEval-3): P = matches with the gold value / predicted, R = same / gold.
- value F1 with gold notation variants accepted (reported beside it, never instead): the same, but a
  value also counts when it differs from the gold's only by a notation TimeML annotators used for the
  same thing (`same_notation`): "1949-XX" or "1949-XX-XX" for the year 1949, "198X" for the decade "198",
  an unpadded week "2000-W7" for ISO's "2000-W07", and a gold "1989-WXX" for a week the text names
  ("last week": the issue asks for the ISO week itself, e.g. 2025-W26).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from eventwire.evaluate.gold import GoldTimex, TimemlDoc, iter_timeml
from eventwire.evaluate.metrics import prf


@dataclass
class TimexTally:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_right: int = 0
    value_right: int = 0
    value_variant_right: int = 0  # value_right plus the values `same_notation` accepts
    tagger_seconds: float = 0.0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, text, gold, predicted


GOLD_READERS = {"timeml": iter_timeml}
UNKNOWN_PARTS_RE = re.compile(r"^(\d{4})(?:-XX)+$")  # 1949-XX, 1949-XX-XX: the year
DECADE_RE = re.compile(r"^(\d{3})X$")  # 198X: the decade 198
SHORT_WEEK_RE = re.compile(r"-W(\d)$")  # 2000-W7: week 07
ANY_WEEK_RE = re.compile(r"^(\d{4})-WXX$")


def _canonical(value: str) -> str:
    value = UNKNOWN_PARTS_RE.sub(r"\1", value)
    value = DECADE_RE.sub(r"\1", value)
    return SHORT_WEEK_RE.sub(r"-W0\1", value)


def same_notation(gold: str, predicted: str | None) -> bool:
    """Whether `predicted` says what `gold` says in one of the notation variants TimeML annotators used."""
    if predicted is None:
        return False
    if _canonical(gold) == _canonical(predicted):
        return True
    any_week = ANY_WEEK_RE.match(gold)
    return any_week is not None and re.fullmatch(rf"{any_week.group(1)}-W\d\d", predicted) is not None


def score_document(tally: TimexTally, doc: TimemlDoc, predicted: list[dict]) -> None:
    """Add one document's matches to the tally (greedy: strict matches first, then overlaps)."""
    tally.gold += len(doc.timexes)
    tally.predicted += len(predicted)
    used: set[int] = set()
    pairs: list[tuple[GoldTimex, dict]] = []
    unmatched: list[GoldTimex] = []
    for gold in doc.timexes:
        exact = next(
            (i for i, p in enumerate(predicted) if i not in used and p["start"] == gold.start and p["end"] == gold.end),
            None,
        )
        if exact is None:
            unmatched.append(gold)
            continue
        used.add(exact)
        tally.strict += 1
        pairs.append((gold, predicted[exact]))
    for gold in unmatched:
        overlap = next(
            (i for i, p in enumerate(predicted) if i not in used and p["start"] < gold.end and gold.start < p["end"]),
            None,
        )
        if overlap is None:
            tally.errors.append((doc.doc_id, gold.text, f"{gold.type} {gold.value}", "(missed)"))
            continue
        used.add(overlap)
        pairs.append((gold, predicted[overlap]))
    tally.relaxed += len(pairs)
    for gold, pred in pairs:
        tally.type_right += pred.get("type") == gold.type
        tally.value_variant_right += pred.get("value") == gold.value or same_notation(gold.value, pred.get("value"))
        if pred.get("value") == gold.value:
            tally.value_right += 1
        else:
            tally.errors.append(
                (
                    doc.doc_id,
                    f"{gold.text} | {pred['text']}",
                    f"{gold.type} {gold.value}",
                    f"{pred.get('type')} {pred.get('value')}",
                )
            )
    for i, pred in enumerate(predicted):
        if i not in used:
            tally.errors.append((doc.doc_id, pred["text"], "(spurious)", f"{pred.get('type')} {pred.get('value')}"))


def evaluate(docs: Iterable[TimemlDoc], components: Sequence[str] | None = ("times",)) -> tuple[TimexTally, int, float]:
    """Run the Pipeline (`components`; None: all) over the gold documents; returns the tally, document count
    and seconds.

    The seconds spent in the `times` component alone are left in `tally.tagger_seconds`.
    """
    from eventwire.evaluate.runner import Runner
    from eventwire.ingest import make_document

    runner = Runner(list(components) if components else None)
    gold_docs = list(docs)
    documents = [make_document(d.text, doc_id=d.doc_id, published_at=d.published_at) for d in gold_docs]
    tally = TimexTally()
    started = time.perf_counter()
    for gold, result in zip(gold_docs, runner.process(documents), strict=True):
        score_document(tally, gold, result.to_dict()["times"])
    tally.tagger_seconds = runner.seconds_in["times"]
    return tally, len(gold_docs), time.perf_counter() - started


def report_rows(tally: TimexTally) -> list[tuple[str, float, float, float]]:
    """(measure, P, R, F1) rows; accuracies repeat in the F1 column with P/R blank (-1)."""
    strict = prf(tally.strict, tally.predicted, tally.gold)
    relaxed = prf(tally.relaxed, tally.predicted, tally.gold)
    value = prf(tally.value_right, tally.predicted, tally.gold)
    type_f1 = prf(tally.type_right, tally.predicted, tally.gold)
    rows = [("strict span", *strict), ("relaxed span", *relaxed), ("type", *type_f1), ("value", *value)]
    variants = prf(tally.value_variant_right, tally.predicted, tally.gold)
    rows.append(("value, gold notation variants accepted", *variants))
    rows.append(("type accuracy (relaxed matches)", -1, -1, tally.type_right / tally.relaxed if tally.relaxed else 0))
    rows.append(("value accuracy (relaxed matches)", -1, -1, tally.value_right / tally.relaxed if tally.relaxed else 0))
    return rows


def print_report(tally: TimexTally, n_docs: int, seconds: float, show_errors: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"TempEval-3 task A — {n_docs} documents, {tally.gold} gold TIMEX3, {tally.predicted} predicted"
    )
    for name in ("measure", "P", "R", "F1"):
        table.add_column(name, justify="left" if name == "measure" else "right")
    for name, precision, recall, f1 in report_rows(tally):
        cells = ["", ""] if precision < 0 else [f"{precision:.3f}", f"{recall:.3f}"]
        table.add_row(name, *cells, f"{f1:.3f}")
    console = Console()
    console.print(table)
    per_doc = 1000 * seconds / n_docs if n_docs else 0.0
    tagger = 1000 * tally.tagger_seconds / n_docs if n_docs else 0.0
    console.print(
        f"time: {seconds:.1f} s for {n_docs} documents ({per_doc:.0f} ms per document, parse included; "
        f"times component {tagger:.1f} ms per document)"
    )
    for doc_id, text, gold, pred in tally.errors[:show_errors]:
        console.print(f"  {doc_id:22} {text!r:45} gold={gold:28} pred={pred}", markup=False, soft_wrap=True)


@click.command(name="times")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold_format", type=click.Choice(list(GOLD_READERS)), default="timeml", show_default=True)
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--errors", "show_errors", type=int, default=0, help="Print the first N errors.")
@click.option("--all-components", is_flag=True, help="Run the whole pipeline, not only the times component.")
def command(path: Path, gold_format: str, limit: int | None, show_errors: int, all_components: bool) -> None:
    """Score time expressions against TimeML gold (TempEval-3 task A)."""
    components = None if all_components else ["times"]
    tally, n_docs, seconds = evaluate(GOLD_READERS[gold_format](path, limit), components)
    print_report(tally, n_docs, seconds, show_errors)
