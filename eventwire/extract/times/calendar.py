"""Calendar arithmetic and TIMEX3 value formats (dates, weeks, quarters, unresolved markers)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "present", "future"]
Granularity = Literal["day", "week", "month", "quarter", "half", "season", "year", "decade", "century"]

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def easter_sunday(year: int) -> date:
    """Western Easter (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_offset) // 433
    month = (h + weekday_offset - 7 * m + 90) // 25
    return date(year, month, (h + weekday_offset - 7 * m + 33 * month + 19) % 32)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, 28))


def shift(day: date, amount: int, unit_letter: str, multiply: int = 1) -> date:
    """`day` moved by `amount` units (negative: back); units are TIMEX3 letters D W M Q Y."""
    amount *= multiply
    if unit_letter == "D":
        return day + timedelta(days=amount)
    if unit_letter == "W":
        return day + timedelta(weeks=amount)
    if unit_letter == "M":
        return add_months(day, amount)
    if unit_letter == "Q":
        return add_months(day, 3 * amount)
    return add_months(day, 12 * amount)


def value_at(day: date, unit_letter: str, multiply: int = 1) -> str:
    """The TIMEX3 value of the calendar unit that contains `day` (the unit's granularity)."""
    if unit_letter == "D":
        return day_value(day)
    if unit_letter == "W":
        return week_value(day)
    if unit_letter == "M":
        return month_value(day.year, day.month)
    if unit_letter == "Q":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if multiply >= 100:
        return f"{day.year // 100:02d}"
    if multiply >= 10:
        return f"{day.year // 10:03d}"
    return f"{day.year:04d}"


def unresolved(unit_letter: str, multiply: int = 1) -> str:
    """A TIMEX3 value with X for what the missing publication date would have given."""
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(
        unit_letter, "XX" if multiply >= 100 else ("XXX" if multiply >= 10 else "XXXX")
    )


def pick_by_tense(candidates: list[date], anchor: date, tense: Tense, inclusive: bool = True) -> date:
    """Of candidate dates (one per year or week around the anchor), the one the tense points to."""
    candidates = sorted(candidates)
    if tense == "future":
        after = [c for c in candidates if c > anchor or (inclusive and c == anchor)]
        if after:
            return after[0]
    if tense == "past":
        before = [c for c in candidates if c < anchor or (inclusive and c == anchor)]
        if before:
            return before[-1]
    return min(candidates, key=lambda c: abs((c - anchor).days))


def weekday_near(anchor: date, weekday: int, tense: Tense, inclusive: bool = True) -> date:
    """The weekday (1 = Monday) nearest the anchor in the tense's direction."""
    offset = weekday - anchor.isoweekday()
    candidates = [anchor + timedelta(days=offset + 7 * k) for k in (-1, 0, 1)]
    if tense == "present":
        tense = "past"
    return pick_by_tense(candidates, anchor, tense, inclusive)


def month_near(anchor: date, month: int, tense: Tense, day: int | None = None) -> date:
    """The year's month (and day) nearest the anchor in the tense's direction."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidates.append(_safe_date(year, month, day or 1))
    if day is None:
        # Compare whole months: the anchor's own month counts as both past and future.
        anchor = date(anchor.year, anchor.month, 1)
    return pick_by_tense(candidates, anchor, tense)


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 28)


PRECISION_PATTERNS = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-W\d{2}"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}"), "year"),
]


def precision_of(value: str | None) -> str | None:
    """day/week/month/year for a resolved DATE value (quarters and seasons count as year)."""
    if not value:
        return None
    for pattern, precision in PRECISION_PATTERNS:
        if pattern.match(value):
            return precision
    return None


def parse_value_date(value: str) -> date | None:
    """The first day of a resolved DATE value (for comparing it with the publication date)."""
    week = re.match(r"^(\d{4})-W(\d{2})", value)
    if week:
        return date.fromisocalendar(int(week.group(1)), min(int(week.group(2)), 52), 1)
    quarter = re.match(r"^(\d{4})-Q([1-4])", value)
    if quarter:
        return date(int(quarter.group(1)), 3 * int(quarter.group(2)) - 2, 1)
    season = re.match(r"^(\d{4})-(SP|SU|FA|WI)", value)
    if season:
        return date(int(season.group(1)), SEASON_START_MONTH[season.group(2)], 1)
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if match:
        year, month, day = match.group(1), match.group(2), match.group(3)
        return _safe_date(int(year), int(month or 1), int(day or 1))
    return None
