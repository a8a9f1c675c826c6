"""TIMEX3 values for time expressions, relative to the publication date.

`normalize(text, context)` reads one expression ("early 2022", "last week", "over two
hours", "every day") and returns its value, type and mod, or None when the words are not a
time expression. Relative expressions need `context.anchor` (the publication date); without
it they get TIMEX3 values with X in place of what the date would have given ("XXXX-06").
Weekdays, year-less months and quarters point back or forward as `context.tense` says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.extract.times.calendar import (
    Tense,
    add_months,
    day_value,
    easter_sunday,
    month_near,
    month_value,
    parse_value_date,
    pick_by_tense,
    quarter_of,
    shift,
    unresolved,
    value_at,
    week_value,
    weekday_near,
)
from eventwire.extract.times.lexicon import Lexicon, Unit, decade_words, load_lexicon, time_words


@dataclass
class Norm:
    value: str | None
    type: str = "DATE"
    mod: str | None = None


@dataclass
class NormContext:
    anchor: date | None
    tense: Tense = "past"
    # The last quarter the document named, (year, quarter): "a year earlier" compares with it.
    last_quarter: tuple[int, int] | None = None


TOKEN_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|'\d\ds|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?|[a-z]+(?:'s)?|[^\sa-z\d]")
CLOCK_RE = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?)|\b(\d{1,2}):(\d{2})\b")
SPOKEN_CLOCK_RE = re.compile(
    r"^([1-9]|1[0-2])(?:\s*:\s*(\d{2}))?\s+(?:o'clock\s+)?in\s+the\s+(morning|afternoon|evening|night)$"
)
ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
DAY_VALUE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The day a clock or part of the day falls on: a calendar day, an unknown one, or a weekday with no anchor.
DAY_OF_TIME_RE = re.compile(r"^(\d{4}|XXXX)-\d\d-\d\d$|^XXXX-XX-XX$|^XXXX-WXX-[1-7]$")
YEAR_RE = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
DECADE_RE = re.compile(r"^(1[0-9]{2}|20[0-9])0s$|^'(\d)0s$")
DAY_RE = re.compile(r"^0?([1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?$")  # "05 April 2018" too
_WORDS = time_words()
ZONE_WORDS = _WORDS.words("zone_words")
PAST_WORDS = {"last", "past", "previous", "preceding"}
THIS_WORDS = {"this", "current", "present"}
NEXT_WORDS = {"next", "coming", "following", "upcoming"}
RELATIVE_TO_DAY = _WORDS.words("relative_to_day")
AGO_WORDS: dict[str, int] = _WORDS.table("ago_words")
NON_COMPOUND_NUMBERS = _WORDS.words("non_compound_numbers")
LATER_MOD_FOLLOWERS = _WORDS.words("later_mod_followers")
FREQUENCY_ARTICLES = _WORDS.words("frequency_articles")
CLOCK_FILLERS = _WORDS.words("clock_fillers")
DURATION_FILLERS = _WORDS.words("duration_fillers")
DURATION_TAILS = _WORDS.words("duration_tails")
REPORT_PERIOD_FILLERS = _WORDS.words("report_period_fillers")
FISCAL_FILLERS = _WORDS.words("fiscal_fillers")
DATE_FILLERS = _WORDS.words("date_fillers")
DAY_OFFSETS: dict[str, int] = _WORDS.table("day_offsets")


def tokens(text: str) -> list[str]:
    """Lower-case words and numbers; punctuation dropped, possessive 's removed."""
    words = []
    text = re.sub(r"\s*(?:1/2|½)(?=\W|$)", " and a half", text.lower())
    for token in TOKEN_RE.findall(text):
        if not (token[0].isalnum() or token.startswith("'")):
            continue
        if token.endswith("'s") and len(token) > 2:
            token = token[:-2]
        words.append(token)
    return words


# ---------------------------------------------------------------- numbers and durations


def parse_number(words: list[str], i: int, lex: Lexicon) -> tuple[float | str | None, int]:
    """A count at words[i] ("2", "two and a half", "a few", "twenty-four"): (value or 'X', next index)."""
    if i >= len(words):
        return None, i
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word in ("a", "an"):
        if nxt in ("few", "couple"):
            j = i + 2 + (i + 2 < len(words) and words[i + 2] == "of")
            return ("X" if nxt == "few" else 2.0), j
        if nxt in ("half", "dozen"):
            return lex.numbers[nxt], i + 2
        return _plus_half(words, i + 1, 1.0)
    if word == "half" and nxt in ("a", "an"):
        return 0.5, i + 2
    if word in lex.vague_numbers:
        return "X", i + 1
    if word == "couple":
        return 2.0, i + 1 + (nxt == "of")
    if re.fullmatch(r"\d+(?:[.,]\d+)*", word):
        text = word.replace(",", "")
        try:
            return _plus_half(words, i + 1, float(text))
        except ValueError:
            return None, i
    if word in lex.numbers and word not in ("half", "couple"):
        value = lex.numbers[word]
        j = i + 1
        while j < len(words) and words[j] in lex.numbers and words[j] not in NON_COMPOUND_NUMBERS:
            part = lex.numbers[words[j]]
            if part in (100, 1000):
                value *= part
            elif value >= 20 and value % 10 == 0 and part < 10:
                value += part
            else:
                break
            j += 1
        return _plus_half(words, j, value)
    return None, i


def _plus_half(words: list[str], j: int, value: float) -> tuple[float, int]:
    """'two and a half' = 2.5."""
    if words[j : j + 3] == ["and", "a", "half"] or words[j : j + 3] == ["and", "one", "half"]:
        return value + 0.5, j + 3
    return value, j


FRACTION_STEPS = {"Y": ("M", 12, False), "W": ("D", 7, False), "D": ("H", 24, True), "H": ("M", 60, True)}


VAGUE_LONG_UNITS = {100: "C", 1000: "L"}


def duration_value(amount: float | str, unit: Unit) -> str:
    """P2Y, PT2H, P30M (2.5 years), PXY (some years), P10Y (a decade)."""
    letter, is_time, multiply = unit.letter, unit.time, unit.multiply
    if letter == "Q":  # annotated news counts quarters in months: "the first nine months", "three quarters" = P9M
        letter, multiply = "M", 3
    if amount == "X":
        # "centuries": TimeML's century and millennium units keep the scale PXY would lose (TBAQ: PXC)
        letter = VAGUE_LONG_UNITS.get(multiply, letter) if letter == "Y" else letter
        return f"{'PT' if is_time else 'P'}X{letter}"
    number = float(amount) * multiply
    if is_time and letter in ("H", "M") and not number.is_integer() and (number * 60).is_integer():
        # "5 1/2 hours" = PT5H30M, "a minute and a half" = PT1M30S (ISO 8601 mixes time units)
        smaller = "M" if letter == "H" else "S"
        whole, rest = divmod(int(number * 60), 60)
        return f"PT{whole}{letter}{rest}{smaller}" if whole else f"PT{rest}{smaller}"
    if not number.is_integer() and (letter in FRACTION_STEPS or (is_time and letter == "M")):
        smaller, factor, smaller_is_time = ("S", 60, True) if is_time and letter == "M" else FRACTION_STEPS[letter]
        if (number * factor).is_integer():
            number, letter, is_time = number * factor, smaller, is_time or smaller_is_time
    text = str(int(number)) if number.is_integer() else f"{number:g}"
    return f"{'PT' if is_time else 'P'}{text}{letter}"


# ---------------------------------------------------------------- the rules


class Normalizer:
    """Applies the rules in order; the first that reads the whole expression wins."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or load_lexicon()
        self.modifier_phrases = sorted(self.lex.modifiers, key=lambda p: -len(p.split()))
        self.decade_words = decade_words(self.lex)
        self.rules: list[Callable[[list[str], str, NormContext], Norm | None]] = [
            self.year_ago_period,
            self.reference,
            self.set_expression,
            self.clock_time,
            self.part_of_day,
            self.offset_from_now,
            self.duration,
            self.relative_unit,
            self.calendar,
            self.day_word,
            self.bare_unit,
        ]

    def normalize(self, text: str, context: NormContext) -> Norm | None:
        words = tokens(text)
        if not words:
            return None
        words = self.spoken_years(words)
        words, mod = self.split_modifier(words)
        if not words or words[-1] == "of":  # "the night of": the date that follows is the expression
            return None
        joined = " ".join(words)
        for rule in self.rules:
            try:
                norm = rule(words, joined, context)
            except (ValueError, OverflowError):  # a date out of the calendar ("5,000 years ago")
                norm = None
            if norm is not None:
                if mod and norm.mod is None:
                    norm.mod = _fit_mod(mod, norm)
                return norm
        return None

    def spoken_years(self, words: list[str]) -> list[str]:
        """Spoken years: "nineteen ninety-six" -> "1996", "the year two thousand" -> "2000"."""
        out: list[str] = []
        i = 0
        while i < len(words):
            century = self.lex.numbers.get(words[i])
            if words[i : i + 2] == ["two", "thousand"] and not (i + 2 < len(words) and self.lex.unit(words[i + 2])):
                value, j = 2000, i + 2
                if words[j : j + 1] == ["and"] and j + 1 < len(words) and words[j + 1] in self.lex.numbers:
                    value, j = 2000 + int(self.lex.numbers[words[j + 1]]), j + 2
                out.append(str(value))
                i = j
                continue
            if century in (19.0, 20.0) and i + 1 < len(words):
                j = i + 1 + (words[i + 1] == "hundred")
                rest, k = parse_number(words, j, self.lex)
                if isinstance(rest, float) and 10 <= rest < 100 and rest.is_integer():
                    out.append(str(int(century) * 100 + int(rest)))
                    i = k
                    continue
            out.append(words[i])
            i += 1
        return out

    def split_modifier(self, words: list[str]) -> tuple[list[str], str | None]:
        """Leading "early", "the end of", "more than"... and a trailing "or so"."""
        mod = None
        if words[-2:] == ["or", "so"]:
            words, mod = words[:-2], "APPROX"
        start = 1 if words[0] == "the" and len(words) > 1 and words[1] in ("early", "mid", "late") else 0
        for phrase in self.modifier_phrases:
            size = len(phrase.split())
            if " ".join(words[start : start + size]) == phrase and len(words) > start + size:
                rest = words[start + size :]
                # "later" and "earlier" mod only "this/that <unit>" ("a year earlier" is an offset).
                if phrase in ("later", "earlier") and not (
                    rest[0] in LATER_MOD_FOLLOWERS or rest[0] in self.lex.weekdays
                ):
                    continue
                if "half" in phrase and _names_a_year(rest):
                    continue  # "the second half of 1998" is 1998-H2, a half of the year, not 1998 END
                if rest[0] == "in":
                    rest = rest[1:]
                return rest, self.lex.modifiers[phrase]
        return words, mod

    def year_ago_period(self, words: list[str], joined: str, context: NormContext) -> Norm | None:
        """ "the year-earlier third quarter" (1988-Q3 in a 1989 report), "the year-ago nine months" (P9M)."""
        body = words[1:] if words[0] == "the" else words
        if body[:2] not in (["year", "earlier"], ["year", "ago"]) or len(body) < 4:
            return None
        rest = ["the"] + body[2:]
        period = self.quarter(rest, context)
        if period is not None and period.value and re.match(r"^\d{4}-[QH]\d$", period.value):
            return Norm(f"{int(period.value[:4]) - 1}{period.value[4:]}")
        length = self.duration(rest, " ".join(rest), context)
        return length if length is not None and length.type == "DURATION" else None

    # -- references, sets, clock times

    def reference(self, words: list[str], joined: str, context: NormContext) -> Norm | None:
        value = self.lex.references.get(joined)
        if value is None and len(words) == 2 and words[0] == "future" and self.lex.unit(words[1]):
            value = "FUTURE_REF"  # "in future quarters", "future years": some time to come
        return Norm(value) if value else None

    def set_expression(self, words: list[str], joined: str, context: NormContext) -> Norm | None:
        if joined in self.lex.sets:
            return Norm(self.lex.sets[joined], "SET")
        recurring = self.recurring_weekday(words) or self.recurring_season(words) or self.frequency(words)
        if recurring is not None:
            return recurring
        if words[0] not in ("every", "each", "per"):
            return None
        rest = words[1:]
        if rest and rest[0] == "other":
            rest = ["two"] + rest[1:]
        if len(rest) == 1 and rest[0] in self.lex.weekdays:
            return Norm(f"XXXX-WXX-{self.lex.weekdays[rest[0]]}", "SET")
        if len(rest) == 1 and rest[0] in self.lex.months:
            return Norm(f"XXXX-{self.lex.months[rest[0]]:02d}", "SET")
        if len(rest) == 1 and rest[0] in self.lex.seasons:  # "every summer"
            return Norm(f"XXXX-{self.lex.seasons[rest[0]]}", "SET")
        if len(rest) == 1 and rest[0] in self.lex.parts_of_day and len(self.lex.parts_of_day[rest[0]]) == 2:
            return Norm(f"XXXX-XX-XXT{self.lex.parts_of_day[rest[0]]}", "SET")
        amount, j = parse_number(rest, 0, self.lex)
        unit = self.lex.unit(rest[j]) if j < len(rest) else None
        if unit is None or j != len(rest) - 1:
            return None
        if unit.letter == "Q" and amount in (None, 1.0):  # "every quarter" = "quarterly" (P1Q), not P3M
            return Norm(self.lex.sets["quarterly"], "SET")
        return Norm(duration_value(1.0 if amount is None else amount, unit), "SET")

    def frequency(self, words: list[str]) -> Norm | None:
        """ "twice a week", "three times a year": TimeML SET of the unit (P1W; the count is a frequency)."""
        if len(words) < 3 or words[-2] not in FREQUENCY_ARTICLES:
            return None
        unit = self.lex.unit(words[-1])
        head = words[:-2]
        counted = head in (["once"], ["twice"], ["thrice"]) or (
            len(head) >= 2 and head[-1] == "times" and parse_number(head, 0, self.lex)[1] == len(head) - 1
        )
        if unit is None or words[-1] != unit.name or not counted:
            return None
        return Norm(duration_value(1.0, unit), "SET")

    def recurring_season(self, words: list[str]) -> Norm | None:
        """ "the past three summers": that season in each of some years (TimeML SET XXXX-SU)."""
        body = words[1:] if words[0] == "the" else words
        if len(body) < 3 or body[0] not in PAST_WORDS | NEXT_WORDS or not body[-1].endswith("s"):
            return None
        code = self.lex.seasons.get(body[-1][:-1])
        amount, j = parse_number(body, 1, self.lex)
        if code is None or amount is None or j != len(body) - 1:
            return None
        return Norm(f"XXXX-{code}", "SET")

    def recurring_weekday(self, words: list[str]) -> Norm | None:
        """ "Sundays" (XXXX-WXX-7), "Tuesday nights" (XXXX-WXX-2TNI): a weekday that recurs."""
        if len(words) == 1 and words[0].endswith("s") and words[0][:-1] in self.lex.weekdays:
            return Norm(f"XXXX-WXX-{self.lex.weekdays[words[0][:-1]]}", "SET")
        if len(words) != 2 or words[0] not in self.lex.weekdays or not words[1].endswith("s"):
            return None
        code = self.lex.parts_of_day.get(words[1][:-1], "")
        if len(code) != 2:
            return None
        return Norm(f"XXXX-WXX-{self.lex.weekdays[words[0]]}T{code}", "SET")

    def clock_time(self, words: list[str], joined: str, context: NormContext) -> Norm | None:
        spoken = SPOKEN_CLOCK_RE.match(joined)
        if spoken:  # "4 in the morning" = 04:00, "3 in the afternoon" = 15:00
            hour, minute = int(spoken.group(1)), int(spoken.group(2) or 0)
            part = spoken.group(3)
            hour += 12 if (part in ("afternoon", "evening") or (part == "night" and hour >= 6)) and hour < 12 else 0
            joined = f"{hour}:{minute:02d}"
            words = tokens(joined)
        match = CLOCK_RE.search(joined.replace(" .", "."))
        special = next((w for w in words if w in ("noon", "midnight", "midday")), None)
        if match is None and special is None:
            return None
        if match is not None:
            hour_text, minute_text = (match.group(1), match.group(2)) if match.group(1) else match.group(4, 5)
            hour, minute = int(hour_text), int(minute_text or 0)
            meridiem = (match.group(3) or "").replace(".", "").replace(" ", "")
            if meridiem == "pm" and hour < 12:
                hour += 12
            if meridiem == "am" and hour == 12:
                hour = 0
            if hour > 24 or minute > 59:
                return None
            clock = f"{hour:02d}:{minute:02d}"
            rest = tokens(CLOCK_RE.sub(" ", joined.replace(" .", ".")))
        else:
            clock = self.lex.parts_of_day[special]
            rest = [w for w in words if w != special]
        rest = [w for w in rest if w not in ZONE_WORDS and w not in CLOCK_FILLERS]
        day = self.day_of(rest, context) if rest else (day_value(context.anchor) if context.anchor else "XXXX-XX-XX")
        if day is None:
            return None
        return Norm(f"{day}T{clock}", "TIME")

    def part_of_day(self, words: list[str], joined: str, context: NormContext) -> Norm | None:
        parts = [w for w in words if w in self.lex.parts_of_day]
        if len(parts) != 1 or any(w[0].isdigit() for w in words):
            return None
        part = parts[0]
        code = self.lex.parts_of_day[part]
        if len(code) != 2:
            return None
        rest = [w for w in words if w != part and w not in ("the", "in", "of")]
        if part == "tonight" and not rest:
            return Norm(day_value(context.anchor) if context.anchor else "XXXX-XX-XX")
        if rest in (["next"], ["following"], ["previous"], ["preceding"]):
            return Norm(None)  # "the next morning": from the last day named (the tagger's step_from_earlier)
        if rest in (["last"], ["yesterday"]):
            rest = ["yesterday"]
        elif rest in (["this"], ["early"], []):
            rest = ["today"]
        day = self.day_of(rest, context)
        if day is None:
            return None
        if any(w in self.lex.weekdays for w in rest) and part not in self.lex.weekday_parts_suffixed:
            # "Friday night": annotated news mostly dates these to the day (TimeML allows TNI).
            return Norm(day)
        return Norm(f"{day}T{code}", "TIME")

    def day_of(self, words: list[str], context: NormContext) -> str | None:
        """A day value for the date part of a clock or part-of-day expression."""
        norm = self.day_word(words, " ".join(words), context) or self.calendar(words, " ".join(words), context)
        if norm is None or norm.value is None or not DAY_OF_TIME_RE.match(norm.value):
            return None
        return norm.value

    # -- offsets, durations, relative units

    def offset_from_now(self, words: list[str], joined: str, context: NormContext) -> Norm | None:
        """Offsets: "three years ago", "a year earlier", "year-ago": a date counted back or forward."""
        if len(words) > 2 and words[-2:] in (["from", "now"], ["from", "today"]):
            words = words[:-2] + ["hence"]  # "two weeks from now": counted forward from the report
        direction = AGO_WORDS.get(words[-1])
        if direction is None or len(words) < 2:
            return None
        body = [w for w in words[:-1] if w != "the"]
        mod = None
        if body[-2:] == ["or", "so"]:
            body, mod = body[:-2], "APPROX"
        amount, j = parse_number(body, 0, self.lex)
        if amount is None:
            amount, j = 1.0, 0
        unit = self.lex.unit(body[j]) if j < len(body) else None
        if unit is None or j != len(body) - 1 or unit.time:
            return None
        if amount == "X":
            return Norm("PAST_REF" if direction < 0 else "FUTURE_REF")
        if words[-1] in ("earlier", "later") and unit.letter in ("D", "W", "M") and body[j] != "weekend":
            # "a day earlier", "three weeks later": counted from the story's last event, not from the
            # report; TimeML marks the length and leaves "earlier"/"later" as the signal.
            return Norm(duration_value(amount, unit), "DURATION", mod)
        if unit.letter == "Y" and unit.multiply == 1 and amount == 1 and direction < 0 and context.last_quarter:
            year, quarter = context.last_quarter
            return Norm(f"{year - 1}-Q{quarter}")
        if context.anchor is None:
            return Norm(unresolved(unit.letter, unit.multiply))
        whole = int(round(float(amount)))
        day = shift(context.anchor, direction * whole, unit.letter, unit.multiply)
        return Norm(value_at(day, unit.letter, 1 if unit.multiply < 100 else unit.multiply), mod=mod)

    def duration(self, words: list[str], joined: str, context: NormContext) -> Norm | None:
        """Durations: "12-day", "the past two months", "more than three years", "the first nine months"."""
        skipped = DURATION_FILLERS | self.lex.unit_qualifiers
        body = [w for w in words if w not in skipped]
        half = body[-3:] == ["and", "a", "half"] and len(body) > 3 and self.lex.unit(body[-4]) is not None
        if half:
            body = body[:-3]
        while body and body[-1] in DURATION_TAILS:
            body = body[:-1]
        if body and body[0] == "the":
            body = body[1:]
        framed = bool(body) and (body[0] in PAST_WORDS | NEXT_WORDS or body[0] in ("first", "initial", "final"))
        if framed:
            body = body[1:]
        if not body:
            return None
        amount, j = parse_number(body, 0, self.lex)
        if amount is None:
            # "coming weeks", "the past few years": some number of units.
            # "the weeks ahead": some number of units from now
            unit = self.lex.unit(body[0]) if len(body) == 1 and (framed or words[-1] in ("long", "ahead")) else None
            if unit is None or (body[0] == unit.name and words[-1] not in ("long", "ahead")):
                return None
            amount, j = ("X" if body[0] != unit.name else 1.0), 0
        if re.fullmatch(r"1\d{3}|20\d{2}", body[0]):  # "the 1988 quarter" is a date, not 1,988 quarters
            return None
        if j < len(body) - 2 and body[j] in ("to", "or") and isinstance(amount, float):
            # a range ("two to three weeks", "two or three days"): one expression valued by its first end
            upper, k = parse_number(body, j + 1, self.lex)
            if isinstance(upper, float) and upper > amount:
                j = k
        if j != len(body) - 1:
            return None
        unit = self.lex.unit(body[j])
        if unit is None:
            return None
        if half and isinstance(amount, float):
            amount += 0.5
        return Norm(duration_value(amount, unit), "DURATION")

    def relative_unit(self, words: list[str], joined: str, context: NormContext) -> Norm | None:
        """Relative units: "last month", "this week", "next Tuesday", "last October", "this summer"."""
        body = [w for w in words if w not in ("the", "fiscal", "calendar")]
        if len(body) >= 2 and body[0] in ("latest", "most") and body[1] in ("recent", "latest"):
            body = body[1:]
        if body and body[0] in ("latest", "recent") and len(body) == 2:
            body = ["last", body[1]]
        if len(body) >= 2 and body[0] == "this" and body[1] in ("past", "coming"):
            body = body[1:]
        if len(body) != 2:
            return None
        which, what = body
        step = -1 if which in PAST_WORDS else 1 if which in NEXT_WORDS else 0 if which in THIS_WORDS else None
        if step is None and which in ("that", "same"):
            return Norm(None)
        if step is None:
            return None
        anchor = context.anchor
        unit = self.lex.unit(what)
        if unit is not None and what == unit.name and not unit.time:
            if anchor is None:
                return Norm(unresolved(unit.letter, unit.multiply))
            if unit.name == "weekend":
                return Norm(self.weekend_value(anchor, step, context.tense))
            if which == "past" and unit.multiply >= 10:  # "the past decade": the ten years up to now
                return Norm(duration_value(1.0, unit), "DURATION")
            if unit.letter == "Q" and step < 0 and context.last_quarter and words[0] == "the":
                return Norm(f"{context.last_quarter[0]}-Q{context.last_quarter[1]}")
            if unit.letter == "D":
                return Norm(day_value(shift(anchor, step, "D")))
            return Norm(value_at(shift(anchor, step, unit.letter, unit.multiply), unit.letter, unit.multiply))
        if what in self.lex.weekdays:
            if anchor is None:
                return Norm(f"XXXX-WXX-{self.lex.weekdays[what]}")
            tense = "past" if step < 0 else "future" if step > 0 else context.tense
            return Norm(day_value(weekday_near(anchor, self.lex.weekdays[what], tense, inclusive=step == 0)))
        if what in self.lex.months:
            month = self.lex.months[what]
            if anchor is None:
                return Norm(f"XXXX-{month:02d}")
            # "last February" in March: the month just past would be "last month", so a year before
            latest = anchor.month - 1 if which == "last" else anchor.month
            year = anchor.year + (step if (month >= latest if step < 0 else month <= anchor.month) else 0)
            return Norm(month_value(year, month))
        if what in self.lex.seasons:
            return Norm(self.season_value(self.lex.seasons[what], step, context, which == "last"))
        return None

    def weekend_value(self, anchor: date, step: int, tense: Tense) -> str:
        """The weekend meant: the one just past on a weekday in a past-tense report."""
        if step == 0 and tense != "future" and anchor.isoweekday() < 6:
            step = -1
        return f"{week_value(shift(anchor, step, 'W'))}-WE"

    def season_value(self, code: str, step: int, context: NormContext, said_last: bool = False) -> str:
        """ "last spring" in October is the spring of the year before (this year's is "this spring");
        "this past spring" is the latest spring over."""
        anchor = context.anchor
        if anchor is None:
            return f"XXXX-{code}"
        year = anchor.year
        not_over = anchor.month < min(12, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code] + 3)
        if (said_last and code != "WI") or (step < 0 and not_over):
            year -= 1
        if step > 0 and anchor.month >= {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]:
            year += 1
        return f"{year}-{code}"

    # -- explicit calendar dates

    def calendar(self, words: list[str], joined: str, context: NormContext) -> Norm | None:
        if words[:3] == ["the", "week", "of"] and len(words) > 3:
            return self.week_of(words[3:], context)
        iso = ISO_DATE_RE.search(joined)
        if iso and len(words) <= 3:
            return Norm(f"{iso.group(1)}-{iso.group(2)}-{iso.group(3)}")
        numeric = NUMERIC_DATE_RE.search(joined)
        if numeric:
            return self.numeric_date(*(int(g) for g in numeric.groups()))
        if len(words) > 1 and words[-1] == "week" and context.anchor is not None:
            days = self.holiday_days(" ".join(words[:-1]), context.anchor.year)
            if days:  # "Easter week", "Christmas week": the ISO week that holds the holiday
                starts = [day - timedelta(days=day.isoweekday() - 1) for day in days]
                return Norm(week_value(pick_by_tense(starts, context.anchor, context.tense)))
        if joined in self.lex.holidays:
            return self.holiday(joined, context)
        floating = self.floating_holiday(words, context)
        if floating is not None:
            return floating
        return self.quarter(words, context) or self.named_date(self.relative_year(words, context), context)

    def week_of(self, words: list[str], context: NormContext) -> Norm | None:
        """ "the week of March 6": the ISO week that holds the day."""
        day = self.calendar(words, " ".join(words), context)
        found = parse_value_date(day.value) if day and day.value and DAY_VALUE_RE.match(day.value) else None
        return Norm(week_value(found)) if found else None

    def relative_year(self, words: list[str], context: NormContext) -> list[str]:
        """ "February this year", "June last year": the month's year said relative to the publication."""
        shift_by = {"this": 0, "last": -1, "next": 1}
        if (
            context.anchor is None
            or len(words) < 3
            or words[-1] != "year"
            or words[-2] not in shift_by
            or not any(w in self.lex.months for w in words[:-2])
        ):
            return words
        return words[:-2] + [str(context.anchor.year + shift_by[words[-2]])]

    def numeric_date(self, first: int, second: int, year: int) -> Norm | None:
        """4/19/2018 (US) or 19/04/2018 (day first when the first number cannot be a month)."""
        if year < 100:
            year += 1900 if year > 30 else 2000
        month, day = (second, first) if first > 12 else (first, second)
        try:
            return Norm(date(year, month, day).isoformat())
        except ValueError:
            return None

    def holiday(self, name: str, context: NormContext) -> Norm:
        month, day = (int(part) for part in self.lex.holidays[name].split("-"))
        if context.anchor is None:
            return Norm(f"XXXX-{month:02d}-{day:02d}")
        return Norm(day_value(month_near(context.anchor, month, context.tense, day)))

    def reporting_period(self, words: list[str], context: NormContext) -> Norm | None:
        """Report periods: "the latest period", "the year-ago quarter", "year-end": periods of a financial report."""
        body = [w for w in words if w not in REPORT_PERIOD_FILLERS]
        if body in (["year", "end"], ["end", "of", "year"]):
            if context.anchor is None:
                return Norm("XXXX", mod="END")
            return Norm(str(context.anchor.year), mod="END")
        if not body or len(body) < 2 or (body[-1] not in ("period", "quarter") and body[1] != "last"):
            return None
        quarter = context.last_quarter
        if body[:2] in (["period", "last"], ["quarter", "last"]) and body[2:] in (["year"], ["of", "year"]):
            body = ["year", "ago", body[0]]  # "the same period last year" = the year-ago period
        if body[:-1] in (["year", "ago"], ["year", "earlier"]):
            if quarter:
                return Norm(f"{quarter[0] - 1}-Q{quarter[1]}")
            if body[-1] == "quarter" and context.anchor:  # no quarter named: the last one over, a year back
                return Norm(value_at(shift(shift(context.anchor, -1, "Q"), -1, "Y"), "Q"))
            return Norm(str(context.anchor.year - 1)) if context.anchor else None
        if body[:-1] in (["latest"], ["most", "recent"], ["recent"]) and quarter:
            return Norm(f"{quarter[0]}-Q{quarter[1]}")
        if body[:-1] in (["latest"], ["most", "recent"]) and context.anchor:
            # no quarter named yet: the last one over before the report
            return Norm(value_at(shift(context.anchor, -1, "Q"), "Q"))
        return None

    def holiday_days(self, name: str, year: int) -> list[date]:
        """A holiday's days in the year before, that year and the year after (none if not a holiday)."""
        years = [year - 1, year, year + 1]
        if name in self.lex.holidays:
            month, day = (int(part) for part in self.lex.holidays[name].split("-"))
            return [date(y, month, day) for y in years]
        if name in self.lex.easter_holidays:
            return [easter_sunday(y) + timedelta(days=self.lex.easter_holidays[name]) for y in years]
        rule = self.lex.floating_holidays.get(name)
        return [_nth_weekday(y, rule["month"], rule["weekday"], rule["nth"]) for y in years] if rule else []

    def floating_holiday(self, words: list[str], context: NormContext) -> Norm | None:
        """Thanksgiving (4th Thursday of November), Election Day (Tuesday after the 1st Monday)..."""
        step = {"last": -1, "next": 1, "this": 0}.get(words[0], 0)
        name = " ".join(words[1:] if words[0] in ("last", "next", "this") else words)
        rule = self.lex.floating_holidays.get(name)
        fixed = name in self.lex.holidays and words[0] in ("last", "next", "this")  # "last Christmas"
        if rule is None and name not in self.lex.easter_holidays and not fixed:
            return None
        if context.anchor is None:
            if fixed:
                return Norm(f"XXXX-{self.lex.holidays[name]}")
            return Norm(f"XXXX-{rule['month']:02d}-XX" if rule else "XXXX-XX-XX")
        days = self.holiday_days(name, context.anchor.year)
        tense: Tense = "past" if step < 0 else "future" if step > 0 else context.tense
        return Norm(day_value(pick_by_tense(days, context.anchor, tense, inclusive=step == 0)))

    def quarter(self, words: list[str], context: NormContext) -> Norm | None:
        """Quarters and halves: "the third quarter", "third-quarter", "the second half of 1998", "fiscal 1989", "Q3"."""
        period = self.reporting_period(words, context)
        if period is not None:
            return period
        body = [w for w in words if w not in FISCAL_FILLERS]
        if len(body) >= 3 and YEAR_RE.match(body[0]) and body[1] in ("'", "’") and body[2] == "s":
            body = [body[0]] + body[3:]  # "fiscal 1999's first quarter"
        if words and words[0] == "fiscal" and len(body) == 1 and YEAR_RE.match(body[0]):
            return Norm(body[0])
        year_shift = {"this": 0, "current": 0, "last": -1, "next": 1}
        relative_year = None
        if context.anchor and len(body) >= 2 and body[0] in year_shift and words[1] == "year":
            relative_year = context.anchor.year + year_shift[body[0]]
            body = [str(relative_year)] + body[1:]
        if context.anchor and len(words) >= 4 and words[-1] == "year" and words[-3] == "of" and body[-1] in year_shift:
            body = [str(context.anchor.year + year_shift[body[-1]])] + body[:-1]  # "the first quarter of next year"
        if len(body) == 2 and YEAR_RE.match(body[0]) and body[1] in ("quarter", "period"):
            quarter = context.last_quarter[1] if context.last_quarter else None
            return Norm(f"{body[0]}-Q{quarter}" if quarter else body[0])
        if len(body) == 1 and re.fullmatch(r"q[1-4]", body[0]):
            body = [["first", "second", "third", "fourth"][int(body[0][1]) - 1], "quarter"]
        if body[:3] in (["first", "two", "quarters"], ["last", "two", "quarters"]):  # a half of the year
            body = [body[0], "half"] + body[3:]
        kind = next((w for w in body if w in ("quarter", "quarters", "half")), None)
        if kind is None:
            return None
        ordinal_words = [w for w in body if w in self.lex.ordinals]
        years = [w for w in body if YEAR_RE.match(w)]
        if len(ordinal_words) != 1 or len(body) != 2 + len(years) or len(years) > 1:
            return None
        number = self.lex.ordinals[ordinal_words[0]]
        letter = "H" if kind == "half" else "Q"
        if number < 0 and years:  # "the last half of 1989", "the final quarter of 1998"
            number = 2 if letter == "H" else 4
        if number < 0 or number > (2 if letter == "H" else 4):
            return None
        if years:
            return Norm(f"{years[0]}-{letter}{number}")
        if context.anchor is None:
            return Norm(f"XXXX-{letter}{number}")
        current = quarter_of(context.anchor) if letter == "Q" else (context.anchor.month - 1) // 6 + 1
        year = context.anchor.year
        if context.tense == "past" and number > current:
            year -= 1
        return Norm(f"{year}-{letter}{number}")

    def named_date(self, words: list[str], context: NormContext) -> Norm | None:
        """Month, day, year, weekday, decade, century and season words in any order."""
        month = day = year = weekday = decade = century = season = None
        rest = []
        for i, word in enumerate(words):
            if word in self.lex.months and month is None:
                month = self.lex.months[word]
            elif word in self.lex.weekdays and weekday is None:
                weekday = self.lex.weekdays[word]
            elif YEAR_RE.match(word) and year is None:
                year = int(word)
            elif re.fullmatch(r"'\d\d", word) and year is None and month is not None:
                year = 1900 + int(word[1:]) if int(word[1:]) > 30 else 2000 + int(word[1:])
            elif i + 1 < len(words) and words[i + 1] in ("century", "centuries"):
                continue
            elif DAY_RE.match(word) and day is None and (month is not None or _next_is_month(words, i, self.lex)):
                day = int(DAY_RE.match(word).group(1))
            elif day is None and i > 0 and words[i - 1] in self.lex.months and 0 < self.lex.ordinals.get(word, 0) <= 31:
                day = self.lex.ordinals[word]  # "March eighth" (spoken)
            elif DECADE_RE.match(word):
                found = DECADE_RE.match(word)
                decade = found.group(1) or f"19{found.group(2)}"
            elif word in self.decade_words and (len(words) == 1 or words[i - 1] in ("the", "early", "mid", "late")):
                decade = self.decade_words[word]  # "the nineties": a decade of the 20th century
            elif word in ("century", "centuries") and i > 0 and _ordinal(words[i - 1], self.lex):
                century = f"{_ordinal(words[i - 1], self.lex) - 1:02d}"
            elif word in self.lex.seasons and season is None:
                season = self.lex.seasons[word]
            elif word not in DATE_FILLERS:
                rest.append(word)
        if weekday is not None and month is not None and day is not None and set(rest) <= RELATIVE_TO_DAY:
            rest = []  # "this coming Sunday, March 8": the date says which Sunday
        if rest or not any(v is not None for v in (month, year, weekday, decade, century, season)):
            return None
        if century is not None:
            return Norm(century)
        if decade is not None:
            return Norm(decade)
        if season is not None:
            if year is not None:
                return Norm(f"{year}-{season}")
            return Norm(self.season_value(season, 0, context))
        if month is not None:
            return self.month_date(month, day, year, context)
        if year is not None:
            return Norm(f"{year:04d}")
        if context.anchor is None:
            return Norm(f"XXXX-WXX-{weekday}")  # TIMEX3's unanchored weekday
        return Norm(day_value(weekday_near(context.anchor, weekday, context.tense)))

    def month_date(self, month: int, day: int | None, year: int | None, context: NormContext) -> Norm:
        if year is not None:
            return Norm(f"{year:04d}-{month:02d}-{day:02d}" if day else month_value(year, month))
        if context.anchor is None:
            return Norm(f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}")
        found = month_near(context.anchor, month, "present", day)
        if context.tense != "present" and abs((found - context.anchor).days) > 62:
            found = month_near(context.anchor, month, context.tense, day)
        return Norm(day_value(found) if day else month_value(found.year, found.month))

    # -- day words and bare units

    def day_word(self, words: list[str], joined: str, context: NormContext) -> Norm | None:
        if joined not in DAY_OFFSETS:
            return None
        if context.anchor is None:
            return Norm("XXXX-XX-XX")
        return Norm(day_value(context.anchor + timedelta(days=DAY_OFFSETS[joined])))

    def bare_unit(self, words: list[str], joined: str, context: NormContext) -> Norm | None:
        """Bare units: "years" (PXY), "the year" (this year), "the day" (left to the event dater)."""
        if words[0] == "the":  # "the full year", "the fiscal year" = "the year"
            words = ["the"] + [w for w in words[1:] if w not in ("full", "whole", "entire", "fiscal")]
        if len(words) == 1:
            unit = self.lex.unit(words[0])
            if unit and words[0] != unit.name and words[0].endswith("s"):
                return Norm(duration_value("X", unit), "DURATION")
            return None
        if len(words) != 2 or words[0] not in ("the", "that", "this"):
            return None
        unit = self.lex.unit(words[1])
        if unit is None or unit.time or words[1] != unit.name:
            return None
        if context.anchor is not None and unit.name == "weekend" and words[0] != "that":
            return Norm(self.weekend_value(context.anchor, 0, context.tense))
        if unit.letter == "Q" and context.last_quarter and words[0] != "this":
            return Norm(f"{context.last_quarter[0]}-Q{context.last_quarter[1]}")
        if unit.letter == "D" or context.anchor is None or words[0] == "that":
            return Norm(None)
        return Norm(value_at(context.anchor, unit.letter, unit.multiply))


def _names_a_year(words: list[str]) -> bool:
    """ "1998", "the year", "this year", "fiscal 1989": a whole year that halves and quarters divide."""
    body = [w for w in words if w not in ("the", "fiscal", "calendar", "financial")]
    return (len(body) == 1 and bool(YEAR_RE.match(body[0]))) or body in (
        ["year"],
        ["this", "year"],
        ["next", "year"],
        ["last", "year"],
        ["current", "year"],
    )


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth weekday of a month (nth -1: the last; nth 0: the day after the first Monday)."""
    if nth == 0:
        return _nth_weekday(year, month, 1, 1) + timedelta(days=1)
    if nth < 0:
        last = add_months(date(year, month, 1), 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def _ordinal(word: str, lex: Lexicon) -> int | None:
    """21 for '21st' or 'twenty-first'."""
    if re.fullmatch(r"\d+(st|nd|rd|th)", word):
        return int(word[:-2])
    value = lex.ordinals.get(word)
    return value if value and value > 0 else None


def _next_is_month(words: list[str], i: int, lex: Lexicon) -> bool:
    return (
        i + 1 < len(words)
        and words[i + 1] in lex.months
        or (i + 2 < len(words) and words[i + 1] == "of" and words[i + 2] in lex.months)
    )


DURATION_ONLY_MODS = {"MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS", "APPROX"}


def _fit_mod(mod: str, norm: Norm) -> str | None:
    """Point mods (early/late) suit dates; quantity mods (more than, about) suit both."""
    if norm.type == "DURATION" and mod in ("START", "MID", "END"):
        return None
    return mod


_DEFAULT: Normalizer | None = None


def normalize(text: str, context: NormContext) -> Norm | None:
    """Normalize one expression with the default lexicon."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Normalizer()
    return _DEFAULT.normalize(text, context)


__all__ = ["Norm", "NormContext", "Normalizer", "normalize", "duration_value", "add_months"]
