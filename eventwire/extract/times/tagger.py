"""TimeTagger: the `times` component. Detects, bounds and normalizes time expressions."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from eventwire.extract.times.calendar import parse_value_date, shift, value_at
from eventwire.extract.times.detect import Candidate, Detector, tense_at
from eventwire.extract.times.normalize import Norm, Normalizer, NormContext
from eventwire.model import TimeExpr
from eventwire.nlp.parse import text_of

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
        text = text_of(doc)
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
                norm.value = step_from_earlier(text[start:end], found) or norm.value
                found.append(TimeExpr(text[start:end], start, end, norm.value, norm.type, norm.mod))
                quarter = QUARTER_VALUE.match(norm.value or "")
                if quarter and NAMED_QUARTER.search(text[start:end]):
                    last_quarter = (int(quarter.group(1)), int(quarter.group(2)))
        return found

    def _read_cluster(
        self, doc: Doc, cluster: list[Candidate], anchor: date | None, last_quarter: tuple[int, int] | None
    ) -> list[tuple[int, int, Norm]]:
        """The whole overlapping cluster if it reads as one expression, else its best parts."""
        text = text_of(doc)
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
        text = text_of(doc)
        if YEAR_ENDED.match(text[start:end]) and ENDED_AFTER.match(text[end : end + 12]):
            return Norm("P1Y", "DURATION")
        context = NormContext(anchor, tense_at(doc, start, end), last_quarter)
        return self.normalizer.normalize(text[start:end], context)


# "the year ended Sept. 30", "the fiscal year ending June 30": a twelve-month accounting period (TimeML: P1Y).
YEAR_ENDED = re.compile(r"^the\s+(?:fiscal\s+|financial\s+)?year$", re.I)
ENDED_AFTER = re.compile(r"^\s+end(?:ed|ing)\b", re.I)


REFERRING = re.compile(
    r"^(?:(?:earlier|later|early|late)\s+(?:in\s+)?)?(?:the|that|this)\s+(?:same\s+|very\s+)?(day|week|month|year|quarter)$",
    re.I,
)
UNIT_PATTERNS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}"),
    "week": re.compile(r"^\d{4}-W\d{2}"),
    "quarter": re.compile(r"^\d{4}-Q[1-4]"),
    "month": re.compile(r"^\d{4}-\d{2}"),
    "year": re.compile(r"^\d{4}"),
}


def refer_back(text: str, earlier: list[TimeExpr]) -> str | None:
    """References back ("the day", "that year", "later that year", "that quarter"): the unit of the latest
    expression before that names one."""
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


NEIGHBOUR = re.compile(r"^the\s+(following|previous|preceding|next)\s+(day|week|month|year)$", re.I)


def step_from_earlier(text: str, earlier: list[TimeExpr]) -> str | None:
    """ "the following year", "the previous day", "the next day": one unit after (or before) the latest
    expression that names that unit, not the publication date's neighbour. None when none does."""
    match = NEIGHBOUR.match(text.strip())
    if not match:
        return None
    which, unit = match.group(1).lower(), match.group(2).lower()
    if which == "next" and unit != "day":  # "the next year" mostly means the coming twelve months
        return None
    base = refer_back(f"that {unit}", earlier)
    start = parse_value_date(base) if base else None
    if start is None:
        return None
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y"}[unit]
    return value_at(shift(start, 1 if which in ("following", "next") else -1, letter), letter)


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
