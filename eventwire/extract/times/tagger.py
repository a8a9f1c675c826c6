"""TimeTagger: the `times` component. Detects, bounds and normalizes time expressions."""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from eventwire.extract.times.calendar import parse_value_date, shift, value_at
from eventwire.extract.times.dateline import report_date
from eventwire.extract.times.detect import Candidate, Detector, tense_at
from eventwire.extract.times.lexicon import load_lexicon
from eventwire.extract.times.normalize import DAY_VALUE_RE, Norm, Normalizer, NormContext
from eventwire.model import TimeExpr
from eventwire.nlp.parse import text_of
from eventwire.registry import component

QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
# A quarter named outright ("the third quarter", "Q3"): later "the quarter", "a year earlier" refer to it.
NAMED_QUARTER = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|\bQ[1-4]\b", re.I)


@component("times", assigns=["result.times"])
class TimeTagger:
    """Fills `ctx.result.times` (the event dater reads them there)."""

    def __init__(self) -> None:
        self.detector = Detector()
        self.normalizer = Normalizer(self.detector.lex)

    def __call__(self, ctx) -> None:
        times = self.tag(ctx.doc, ctx.document.published_at)
        if ctx.document.published_at is None:
            # "TIJUANA, MARCH 29, 2018 --": without a publication date the dateline's (or a date stamp's) day
            # anchors "Monday"
            dateline = report_date(ctx.document.text, times, None)
            if dateline is not None:
                times = self.tag(ctx.doc, date.fromisoformat(dateline.value))
        ctx.result.times.extend(times)

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
                    norm.value = refer_back(text[start:end], found) or same_day(text[start:end], anchor)
                    norm.value = day_around(text, start, end, norm.value)
                norm.value = step_from_earlier(text[start:end], found) or norm.value
                norm.value = self._part_of_named_day(text[start:end], found) or norm.value
                norm.value = month_in_range(text, start, end, norm.value, found)
                if norm.value is None:  # "that day" with no day before it: generic ("trades made that day")
                    continue
                found.append(TimeExpr(text[start:end], start, end, norm.value, norm.type, norm.mod))
                quarter = QUARTER_VALUE.match(norm.value or "")
                if quarter and NAMED_QUARTER.search(text[start:end]):
                    named = (int(quarter.group(1)), int(quarter.group(2)))
                    if _replaces(last_quarter, named, anchor, text[max(0, start - 8) : start], text[end : end + 12]):
                        last_quarter = named
        date_clock_times(doc, found)
        recur_coordinated_weekdays(text, found)
        found = join_coordinated_units(text, found)
        found += present_nth_days(text, anchor, found, self.detector.lex.ordinals)
        join_day_offsets(text, found)
        date_by_parenthesis(text, found)
        return sorted(found + coordinated_days(doc, found), key=lambda expr: expr.start)

    def _part_of_named_day(self, text: str, earlier: list[TimeExpr]) -> str | None:
        """ "the morning", "in the afternoon" (no day word): that part of the last day named ("dashed
        Friday. ... buy orders in the morning" -> Friday morning); None when no day was named."""
        match = DEFINITE_PART.match(text.strip())
        code = self.detector.lex.parts_of_day.get(match.group(1).lower()) if match else None
        day = refer_back("that day", earlier) if code and len(code) == 2 else None
        return f"{day}T{code}" if day else None

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
        if kept:
            kept.extend(self._read_rest(doc, start, end, kept, anchor, last_quarter))
        return sorted(kept, key=lambda item: item[0])

    def _read_rest(
        self,
        doc: Doc,
        start: int,
        end: int,
        kept: list[tuple[int, int, Norm]],
        anchor: date | None,
        last_quarter: tuple[int, int] | None,
    ) -> list[tuple[int, int, Norm]]:
        """What follows the parts read ("the first nine months | of the year"), when it reads alone."""
        last_end = max(e for _, e, _ in kept)
        if last_end >= end:
            return []
        rest_start, rest_end = self.detector.trim(text_of(doc), last_end, end)
        if rest_end <= rest_start:
            return []
        norm = self._norm(doc, rest_start, rest_end, anchor, last_quarter)
        return [(rest_start, rest_end, norm)] if norm is not None and norm.value else []

    def _norm(
        self, doc: Doc, start: int, end: int, anchor: date | None, last_quarter: tuple[int, int] | None
    ) -> Norm | None:
        text = text_of(doc)
        if YEAR_ENDED.match(text[start:end]) and ENDED_AFTER.match(text[end : end + 12]):
            return Norm("P1Y", "DURATION")
        if SOMEDAY.match(text[start:end]) and _before_present_verb(doc, end):
            return Norm("FUTURE_REF")
        plural = THE_PLURAL_UNIT.match(text[start:end])
        if plural:
            return _unanchored_span(text, start, end, plural.group(1))
        if last_quarter is not None and _compares_longer_period(doc, start):
            last_quarter = None
        context = NormContext(anchor, tense_at(doc, start, end), last_quarter)
        return self.normalizer.normalize(text[start:end], context)


# "over the years", "in the years that followed": some number of units (TimeML PXY), unless an event
# anchors them ("in the weeks before the shooting": a date the text alone cannot give).
THE_PLURAL_UNIT = re.compile(r"^the\s+(years|decades|months|weeks|days)$", re.I)
SPAN_PREPOSITION = re.compile(r"\b(?:over|in|through|during|throughout)\s+$", re.I)
ANCHORED_AFTER = re.compile(r"^\s+(?:before|after|of|when|leading|preceding|prior|since|until|\d)", re.I)


def _unanchored_span(text: str, start: int, end: int, unit: str) -> Norm | None:
    if not SPAN_PREPOSITION.search(text[max(0, start - 15) : start]) or ANCHORED_AFTER.match(text[end : end + 15]):
        return None
    return Norm(f"PX{load_lexicon().unit(unit).letter}", "DURATION")


# "will one day be": an adverb for some day to come (TimeML FUTURE_REF), not a length of one day.
SOMEDAY = re.compile(r"^(?:one|some)\s+day$", re.I)


def _before_present_verb(doc: Doc, end: int) -> bool:
    """Whether a verb not in the past follows ("Islam will one day be", not "in the job one day.")."""
    token = _token_at(doc, end + 1) if end + 1 < len(text_of(doc)) else None
    return token is not None and token.pos_ in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBN")


# "the first nine months", "the six months", "the first half": a period longer than a quarter.
LONGER_PERIOD = re.compile(r"\b(?:nine|six|9|6)[\s-]+months?\b|\b(?:first|second)\s+half\b", re.I)


def _compares_longer_period(doc: Doc, start: int) -> bool:
    """Whether the sentence names a period longer than a quarter before this expression: then "a year
    earlier", "the year-earlier period" compare with that period's year, not with the quarter
    ("For the nine months, net rose ... from $1 million a year earlier" -> the year)."""
    token = _token_at(doc, start)
    if token is None:
        return False
    sentence = token.sent
    return LONGER_PERIOD.search(text_of(doc)[sentence.start_char : start]) is not None


def _token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


DEFINITE_PART = re.compile(r"^the\s+(morning|afternoon|evening|night)$", re.I)


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


def _replaces(
    remembered: tuple[int, int] | None, named: tuple[int, int], anchor: date | None, before: str, after: str
) -> bool:
    """Whether a quarter named outright becomes the one later references compare with. A report's own quarter
    is the latest one over; an earlier calendar quarter named after it ("a flat second quarter" after
    "third-quarter profit") is a comparison and does not replace it, but a fiscal quarter does."""
    if remembered is None:
        return True
    if ENDED_AFTER.match(after):
        return True
    if not _reported(named, anchor):
        return False
    return named >= remembered or FISCAL_BEFORE.search(before) is not None


FISCAL_BEFORE = re.compile(r"\bfiscal\b", re.I)


def _reported(quarter: tuple[int, int], anchor: date | None) -> bool:
    """A calendar quarter a report can give results for: over before the publication date. Once a report
    has named its quarter, a later forecast ("fourth-quarter earnings" in an October report) does not
    replace it; a fiscal "fourth quarter ended Sept. 30" does."""
    if anchor is None:
        return True
    year, number = quarter
    return (year, number) < (anchor.year, (anchor.month - 1) // 3 + 1)


# "this year through August", "from January to March": the second end of a range of months
RANGE_LINK = re.compile(r"^\s*(?:through|thru|to|until|till|-|--|–)\s*$", re.I)
BARE_MONTH_VALUE = re.compile(r"^\d{4}-(\d{2})$")
RANGE_START_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")  # a year or a month, not a day


def month_in_range(text: str, start: int, end: int, value: str | None, earlier: list[TimeExpr]) -> str | None:
    """A year-less month that ends a range takes the year of the range's start ("this year through
    August" -> this year's August, not the next one); a month before the start's month is the next year."""
    month = BARE_MONTH_VALUE.match(value or "")
    if not month or not earlier or re.search(r"\d", text[start:end]):
        return value
    first = earlier[-1]
    begun = RANGE_START_VALUE.match(first.value or "")
    if not begun or first.type != "DATE" or not RANGE_LINK.match(text[first.end : start]):
        return value
    year = int(begun.group(1))
    if begun.group(2) and int(month.group(1)) < int(begun.group(2)):
        year += 1
    return f"{year:04d}-{month.group(1)}"


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


THE_DAY = re.compile(r"^the\s+day$", re.I)
AROUND_AFTER = re.compile(r"^\s+(after|before)\b", re.I)
APPOSITION_BEFORE = re.compile(r",\s*$")


def day_around(text: str, start: int, end: int, value: str | None) -> str | None:
    """ "the day after his death": the day after the last day named; but "Oct. 12, the day before the
    crash" (an apposition) is Oct. 12 itself."""
    around = AROUND_AFTER.match(text[end : end + 10])
    day = parse_value_date(value) if value and DAY_VALUE_RE.match(value) else None
    if day is None or around is None or not THE_DAY.match(text[start:end]):
        return value
    if APPOSITION_BEFORE.search(text[max(0, start - 3) : start]):
        return value
    return (day + timedelta(days=1 if around.group(1).lower() == "after" else -1)).isoformat()


EARLIER_LATER_DAY = re.compile(r"^(?:earlier|later|early|late)\s+(?:in\s+)?the\s+day$", re.I)


def same_day(text: str, anchor: date | None) -> str | None:
    """ "Earlier in the day" with no day named before it: the day of the report."""
    if anchor is None or not EARLIER_LATER_DAY.match(text.strip()):
        return None
    return anchor.isoformat()


NEIGHBOUR = re.compile(
    r"^the\s+(following|previous|preceding|next)\s+(day|week|month|year|morning|afternoon|evening|night)$", re.I
)
DAY_PARTS = {"morning", "afternoon", "evening", "night"}


def step_from_earlier(text: str, earlier: list[TimeExpr]) -> str | None:
    """ "the following year", "the previous day", "the next day": one unit after (or before) the latest
    expression that names that unit, not the publication date's neighbour. None when none does."""
    match = NEIGHBOUR.match(text.strip())
    if not match:
        return neighbour_weekday(text, earlier)
    which, unit = match.group(1).lower(), match.group(2).lower()
    if unit in DAY_PARTS:  # "the next morning": the day after the last day named, dated to the day
        unit = "day"
    if which == "next" and unit != "day":  # "the next year" mostly means the coming twelve months
        return None
    base = refer_back(f"that {unit}", earlier)
    start = parse_value_date(base) if base else None
    if start is None:
        return None
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y"}[unit]
    return value_at(shift(start, 1 if which in ("following", "next") else -1, letter), letter)


NEIGHBOUR_WEEKDAY = re.compile(
    r"^(?:the\s+)?(following|previous|preceding)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I
)
# Weekdays by full name (the abbreviations in the lexicon all stop short of "day").
WEEKDAY_NUMBERS = {name: n for name, n in load_lexicon().weekdays.items() if name.endswith("day")}


def neighbour_weekday(text: str, earlier: list[TimeExpr]) -> str | None:
    """ "the previous Friday", "the following Monday": the weekday just before (after) the latest day named."""
    match = NEIGHBOUR_WEEKDAY.match(text.strip())
    base = refer_back("that day", earlier) if match else None
    day = parse_value_date(base) if base else None
    if match is None or day is None:
        return None
    weekday = WEEKDAY_NUMBERS[match.group(2).lower()]
    if match.group(1).lower() == "following":
        return (day + timedelta(days=(weekday - day.isoweekday() - 1) % 7 + 1)).isoformat()
    return (day - timedelta(days=(day.isoweekday() - weekday - 1) % 7 + 1)).isoformat()


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


BARE_CLOCK = re.compile(
    r"^(?:about\s+|around\s+|approximately\s+)?\d{1,2}(?::\d\d)?\s*(?:a\.?m|p\.?m)\.?"
    r"(?:\s+(?:EST|EDT|GMT|CST|PST|local\s+time))?$|^(?:noon|midnight)$"
    r"|^\d{1,2}(?::\d\d)?\s+(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening|night)$",
    re.I,
)


def date_clock_times(doc: Doc, found: list[TimeExpr]) -> None:
    """A clock time with no day of its own ("at 10:35 a.m.") takes the day named in its sentence
    ("... at 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. Thursday)"), else keeps the
    publication day."""
    for expr in found:
        if expr.type != "TIME" or not expr.value or not BARE_CLOCK.match(expr.text.strip()):
            continue
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span[0].sent
        days = [
            other
            for other in found
            if other is not expr
            and other.type in ("DATE", "TIME")
            and DAY_VALUE_RE.match((other.value or "")[:10])
            and not BARE_CLOCK.match(other.text.strip())
            and sent.start_char <= other.start
            and other.end <= sent.end_char
        ]
        if days:
            nearest = min(days, key=lambda other: abs(other.start - expr.start))
            expr.value = nearest.value[:10] + expr.value[expr.value.index("T") :]


PARENTHESIS_OPEN = re.compile(r"^\s*\(\s*$")
PARENTHESIS_CLOSE = re.compile(r"^\s*\)")
NAMED_DAY = re.compile(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}$")
DAY_LIKE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}-\d{2}|WXX-[1-7]|XX-XX)(?:T.*)?$")


def date_by_parenthesis(text: str, found: list[TimeExpr]) -> None:
    """ "on Wednesday (April 4th)", "yesterday (18 August)": the day in brackets is the day the word before means;
    its explicit value wins (also when no publication date could resolve the word)."""
    ordered = sorted(found, key=lambda expr: expr.start)
    for word, day in zip(ordered, ordered[1:], strict=False):
        if not (PARENTHESIS_OPEN.match(text[word.end : day.start]) and PARENTHESIS_CLOSE.match(text[day.end :])):
            continue
        if word.type in ("DATE", "TIME") and DAY_LIKE.match(word.value or "") and NAMED_DAY.match(day.value or ""):
            suffix = word.value[word.value.index("T") :] if "T" in (word.value or "") else ""
            word.value = (day.value or "") + suffix


RECURRING_DAY = re.compile(r"^XXXX-WXX-[1-7](T[A-Z]{2})?$")
WEEKDAY_JOINT = re.compile(r"^\s+(?:and|or)\s+$", re.I)


def recur_coordinated_weekdays(text: str, found: list[TimeExpr]) -> None:
    """ "on Monday and Tuesday nights": the first day recurs like the second (XXXX-WXX-1TNI)."""
    ordered = sorted(found, key=lambda expr: expr.start)
    for first, second in zip(ordered, ordered[1:], strict=False):
        recurring = RECURRING_DAY.match(second.value or "") if second.type == "SET" else None
        number = WEEKDAY_NUMBERS.get(first.text.lower())
        if recurring and number and WEEKDAY_JOINT.match(text[first.end : second.start]):
            first.value, first.type = f"XXXX-WXX-{number}{recurring.group(1) or ''}", "SET"


BARE_UNITS = re.compile(r"^(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)$", re.I)
UNIT_JOINT = re.compile(r"^\s+(?:or|and)\s+$", re.I)


def join_coordinated_units(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """ "weeks or months", "recent weeks and months": one vague duration (TimeML marks the whole phrase and
    keeps the first value), not a second expression for the bare plural unit."""
    ordered = sorted(found, key=lambda expr: expr.start)
    kept: list[TimeExpr] = []
    for expr in ordered:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.type == "DURATION"
            and expr.type == "DURATION"
            and BARE_UNITS.match(expr.text)
            and UNIT_JOINT.match(text[previous.end : expr.start])
        ):
            previous.end = expr.end
            previous.text = text[previous.start : expr.end]
            continue
        kept.append(expr)
    return kept


# "the day before last Tuesday's hearing", "the day after Christmas": one expression, a day from its anchor.
DAY_OFFSET_BEFORE = re.compile(r"\b(?:the\s+)?day\s+(before|after)\s+$", re.I)


def join_day_offsets(text: str, found: list[TimeExpr]) -> None:
    """Widen a dated day to "the day before/after" it and step its value by one day."""
    taken = [(expr.start, expr.end) for expr in found]
    for expr in found:
        if expr.type != "DATE" or not DAY_VALUE_RE.match(expr.value or ""):
            continue
        match = DAY_OFFSET_BEFORE.search(text, max(0, expr.start - 20), expr.start)
        if match is None or any(s < expr.start and match.start() < e for s, e in taken):
            continue
        step = -1 if match.group(1).lower() == "before" else 1
        expr.value = (parse_value_date(expr.value) + timedelta(days=step)).isoformat()
        expr.start = match.start()
        expr.text = text[expr.start : expr.end]


# "Today is the eighth day of the operation", "It's the second day of the offensive": the day of the report.
PRESENT_NTH_DAY = re.compile(
    r"\b(?:today|it|this)\s*(?:is|'s|’s)\s+(?:only\s+|just\s+|now\s+)?(the\s+([a-z]+|\d+(?:st|nd|rd|th))\s+day)\b",
    re.I,
)


def present_nth_days(text: str, anchor: date | None, found: list[TimeExpr], ordinals: dict[str, int]) -> list[TimeExpr]:
    """'the Nth day' said of the present ("today is the eighth day of ..."): the publication day."""
    days = []
    for match in PRESENT_NTH_DAY.finditer(text):
        word = match.group(2).lower()
        if word not in ordinals and not word[0].isdigit():
            continue
        start, end = match.span(1)
        if any(expr.start < end and start < expr.end for expr in found):
            continue
        value = anchor.isoformat() if anchor else "XXXX-XX-XX"
        days.append(TimeExpr(match.group(1), start, end, value, "DATE", None))
    return days


# "April 24 and 25", "March 3 or 4": the second day shares the first one's month and year.
SECOND_DAY = re.compile(r"\s+(?:and|or|to|through)\s+([1-9]|[12]\d|3[01])\b(?![.,:]\d|\s*%)")
ENDS_WITH_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?$")


def coordinated_days(doc: Doc, found: list[TimeExpr]) -> list[TimeExpr]:
    """The bare day numbers after a dated day ("on April 24 and 25"), dated in the same month; not a
    count ("on March 3 and 4 others": the number modifies a noun)."""
    text = text_of(doc)
    days = []
    taken = {expr.start for expr in found}
    for expr in found:
        if expr.type != "DATE" or not DAY_VALUE_RE.match(expr.value or "") or not ENDS_WITH_DAY.search(expr.text):
            continue
        match = SECOND_DAY.match(text, expr.end)
        if match is None or match.start(1) in taken:
            continue
        number = doc.char_span(match.start(1), match.end(1))
        if number is None or number[0].dep_ == "nummod":
            continue
        try:
            second = parse_value_date(expr.value).replace(day=int(match.group(1)))
        except ValueError:  # "Feb. 28 and 30"
            continue
        days.append(TimeExpr(match.group(1), match.start(1), match.end(1), second.isoformat(), "DATE", None))
    return days
