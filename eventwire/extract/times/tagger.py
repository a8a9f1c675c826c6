"""TimeTagger: the `times` component. Detects, bounds and normalizes time expressions."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from eventwire.extract.times.detect import Candidate, Detector, tense_at
from eventwire.extract.times.normalize import Norm, NormContext, Normalizer
from eventwire.model import TimeExpr

QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
# A quarter named outright ("the third quarter", "Q3"): later "the quarter", "a year earlier" refer to it.
NAMED_QUARTER = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|\bQ[1-4]\b", re.I)


class TimeTagger:
    """Fills `ctx.result.times`; also leaves them in `ctx.shared["times"]` for the event dater."""

    def __init__(self) -> None:
        self.detector = Detector()
        self.normalizer = Normalizer(self.detector.lex)

    def __call__(self, ctx) -> None:
        times = self.tag(ctx.doc, ctx.document.published_at)
        ctx.result.times.extend(times)
        ctx.shared["times"] = times

    def tag(self, doc: Doc, anchor: date | None) -> list[TimeExpr]:
        """Time expressions of a parsed document, in text order, normalized against `anchor`."""
        text = doc.text
        trimmed = []
        for candidate in self.detector.candidates(doc):
            start, end = self.detector.trim(text, candidate.start, candidate.end)
            if end > start:
                trimmed.append(Candidate(start, end, candidate.source))
        last_quarter: tuple[int, int] | None = None
        found: list[TimeExpr] = []
        for cluster in _clusters(trimmed):
            for start, end, norm in self._read_cluster(doc, cluster, anchor, last_quarter):
                if norm.value is None:
                    norm.value = refer_back(text[start:end], found)
                found.append(TimeExpr(text[start:end], start, end, norm.value, norm.type, norm.mod))
                quarter = QUARTER_VALUE.match(norm.value or "")
                if quarter and NAMED_QUARTER.search(text[start:end]):
                    last_quarter = (int(quarter.group(1)), int(quarter.group(2)))
        return found

    def _read_cluster(
        self, doc: Doc, cluster: list[Candidate], anchor: date | None, last_quarter: tuple[int, int] | None
    ) -> list[tuple[int, int, Norm]]:
        """The whole overlapping cluster if it reads as one expression, else its best parts."""
        text = doc.text
        start = min(c.start for c in cluster)
        end = max(c.end for c in cluster)
        start, end = self.detector.trim(text, start, end)
        norm = self._norm(doc, start, end, anchor, last_quarter)
        if norm is not None:
            return [(start, end, norm)]
        kept: list[tuple[int, int, Norm]] = []
        for candidate in sorted(cluster, key=lambda c: c.start - c.end):
            if any(candidate.start < e and s < candidate.end for s, e, _ in kept):
                continue
            norm = self._norm(doc, candidate.start, candidate.end, anchor, last_quarter)
            if norm is not None:
                kept.append((candidate.start, candidate.end, norm))
        return sorted(kept, key=lambda item: item[0])

    def _norm(
        self, doc: Doc, start: int, end: int, anchor: date | None, last_quarter: tuple[int, int] | None
    ) -> Norm | None:
        context = NormContext(anchor, tense_at(doc, start, end), last_quarter)
        return self.normalizer.normalize(doc.text[start:end], context)


REFERRING = re.compile(r"^(?:the|that|this)\s+(?:same\s+|very\s+)?(day|week|month|year)$", re.I)
UNIT_PATTERNS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}"),
    "week": re.compile(r"^\d{4}-W\d{2}"),
    "month": re.compile(r"^\d{4}-\d{2}"),
    "year": re.compile(r"^\d{4}"),
}


def refer_back(text: str, earlier: list[TimeExpr]) -> str | None:
    """"the day", "that year": the unit of the latest expression before that names one."""
    match = REFERRING.match(text.strip())
    if not match:
        return None
    unit = match.group(1).lower()
    pattern = UNIT_PATTERNS[unit]
    for previous in reversed(earlier):
        if previous.type in ("DATE", "TIME") and previous.value:
            found = pattern.match(previous.value)
            if found:
                return found.group(0)
    return None


def _clusters(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Group candidates whose spans overlap (transitively), in text order."""
    groups: list[list[Candidate]] = []
    group_end = -1
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if groups and candidate.start < group_end:
            groups[-1].append(candidate)
            group_end = max(group_end, candidate.end)
        else:
            groups.append([candidate])
            group_end = candidate.end
    return groups
