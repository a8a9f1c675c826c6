"""The measures every evaluation prints: ratios, precision / recall / F1, accuracy tallies, span overlap."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


def ratio(part: float, whole: float) -> float:
    """part / whole, 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(hits: int, predicted: int, relevant: int) -> tuple[float, float, float]:
    """(precision, recall, F1) of `hits` right among `predicted`, against `relevant` gold items."""
    precision, recall = ratio(hits, predicted), ratio(hits, relevant)
    return precision, recall, f1(precision, recall)


def prf_counts(true_pos: int, false_pos: int, false_neg: int) -> tuple[float, float, float]:
    """The same from true positives, false positives and false negatives."""
    return prf(true_pos, true_pos + false_pos, true_pos + false_neg)


@dataclass
class Accuracy:
    """Right out of total, printed as `0.907 (117/129)`."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return ratio(self.right, self.total)

    def __str__(self) -> str:
        return f"{self.right / self.total:.3f} ({self.right}/{self.total})" if self.total else "n/a"


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two character spans share at least one character."""
    return a_start < b_end and b_start < a_end


def best_overlap(items: Iterable[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    """The item (a dict with `start` and `end`) sharing the most characters with [start, end); the shorter on ties."""
    overlapping = [item for item in items if overlaps(item["start"], item["end"], start, end)]
    if not overlapping:
        return None
    return max(
        overlapping,
        key=lambda item: (min(end, item["end"]) - max(start, item["start"]), -(item["end"] - item["start"])),
    )


@dataclass
class Reliability:
    """How often events are right at each confidence: a calibrated 0.8 is right about 8 times in 10."""

    pairs: list[tuple[float, bool]]

    BINS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))
    THRESHOLDS = (0.5, 0.8)

    def add(self, confidence: float, right: bool) -> None:
        self.pairs.append((confidence, right))

    def table(self) -> list[str]:
        """Rows 'confidence events right share': each bin, then each 'at least' threshold, then all."""
        rows = [f"{'confidence':12} {'events':>6} {'right':>6} {'share':>6}"]
        for low, high in self.BINS:
            inside = [right for value, right in self.pairs if low <= value < high or (high == 1.0 and value == 1.0)]
            if inside:
                rows.append(self._row(f"{low:.1f}-{high:.1f}", inside))
        for threshold in self.THRESHOLDS:
            rows.append(self._row(f">= {threshold:.1f}", [right for value, right in self.pairs if value >= threshold]))
        rows.append(self._row("all", [right for _, right in self.pairs]))
        return rows

    @staticmethod
    def _row(label: str, rights: list[bool]) -> str:
        share = f"{sum(rights) / len(rights):6.2f}" if rights else "     -"
        return f"{label:12} {len(rights):6d} {sum(rights):6d} {share}"
