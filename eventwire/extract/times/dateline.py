"""The dateline's day: "KYIV, March 12 (Reuters) - ", "WASHINGTON, Aug. 3 _ ", "CAIRO, 18 August -- ".

The reporter's date: it dates an event the text does not (source "dateline", event_dates.py) and, when the
publication date is unknown, anchors relative expressions ("Monday", tagger.py). Without a publication date, a
date stamp at the top of the article serves as the dateline: a full date with a clock time ("The Washington
Post March 31, 2018 2:36 pm."), after "Published"/"Updated"/"Posted" (`stamp_words`), or opening the text
("- 06 April, 2018: An info session was held yesterday").
"""

from __future__ import annotations

import re

from eventwire.extract.times.calendar import precision_of
from eventwire.extract.times.lexicon import time_words
from eventwire.model import EventDate, TimeExpr

AGENCY = r"\((?:Reuters|AP|AFP|UPI|Xinhua|IANS|PTI|dpa|DPA|ANI|Bloomberg|CNN)\)"
# Ends a dateline: "KYIV, March 12 (Reuters) - ", "WASHINGTON, Aug. 3 _ ", "CAIRO, 18 August -- ".
DATELINE_END = re.compile(AGENCY + r"|\s(?:-|--|_|—|–)\s")
DATELINE_MAX_CHARS = 80
# Opens a dateline: the place, capitalised, then a comma ("KYIV,", "TIJUANA & SAN DIEGO,", "Buffalo, N.Y.,"),
# the agency straight after it ("MEXICO CITY (AP) Mexico's Senate ...") or, a town in capitals, a dash
# ("ST. LOUIS – Police announced ...", "KABUL — ").
DATELINE_PLACE = re.compile(
    r"^\s*(?:[A-Z][\w .'&-]{1,40}(?:,|\s" + AGENCY + r")|[A-Z][A-Z.'&]{2,}(?: [A-Z][A-Z.'&]+){0,3}\s(?:--|—|–|-|_)\s)"
)
# A date stamp lies within the first characters of the text; its clock time within a few characters of the date.
STAMP_MAX_CHARS = 300
CLOCK_NEAR = 20
CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\b\.?)?", re.I)
STAMP_WORDS = time_words().words("stamp_words")


# "02nd September 2010 04:30 AM HYDERABAD : Medical services ...": a town in capitals and a spaced colon after a
# date stamp or a headline (South Asian papers), in the first lines.
SPACED_COLON_DATELINE = re.compile(r"\b([A-Z][A-Z.'&-]{2,}(?:\s+[A-Z][A-Z.'&-]+){0,3})\s:\s")
SPACED_COLON_WITHIN = 400


def spaced_colon_dateline(text: str) -> re.Match | None:
    return SPACED_COLON_DATELINE.search(text[:SPACED_COLON_WITHIN])


def dateline_end(text: str) -> int | None:
    """Where the dateline's place, date and agency end ("KYIV, March 12 (Reuters) -"), or None."""
    end = DATELINE_END.search(text[:DATELINE_MAX_CHARS])
    if end is None or DATELINE_PLACE.match(text) is None:
        return None
    return end.end()


def dateline_date(text: str, times: list[TimeExpr]) -> EventDate | None:
    """The day a dateline gives ("KYIV, March 12 (Reuters) -"): the reporter's date, better than the
    publication date for an event the text does not date."""
    end = dateline_end(text)
    if end is None:
        return None
    for time_expr in times:
        if time_expr.end <= end and time_expr.type == "DATE" and precision_of(time_expr.value or "") == "day":
            return EventDate(
                time_expr.value, "day", time_expr.text, time_expr.start, time_expr.end, "dateline", "dateline"
            )
    return None


def report_date(text: str, times: list[TimeExpr], published_at: object | None) -> EventDate | None:
    """The dateline's day, or without a publication date the day of a date stamp at the top of the text."""
    dateline = dateline_date(text, times)
    if dateline is None and published_at is None:
        return stamp_date(text, times)
    return dateline


def stamp_date(text: str, times: list[TimeExpr]) -> EventDate | None:
    """A full date stamped on the article (see the module docstring), as a dateline."""
    for time_expr in times:
        if time_expr.start > STAMP_MAX_CHARS:
            return None
        day = (time_expr.value or "").split("T")[0]
        if time_expr.type not in ("DATE", "TIME") or "X" in day or precision_of(day) != "day":
            continue
        if _is_stamp(text, time_expr):
            return EventDate(day, "day", time_expr.text, time_expr.start, time_expr.end, "dateline", "dateline")
    return None


def _is_stamp(text: str, time_expr: TimeExpr) -> bool:
    before = text[: time_expr.start]
    around = text[max(0, time_expr.start - CLOCK_NEAR) : time_expr.end + CLOCK_NEAR]
    if time_expr.type == "TIME" or CLOCK.search(around):
        return True
    last_words = re.findall(r"[A-Za-z]+", before[-40:])[-3:]
    return any(word.lower() in STAMP_WORDS for word in last_words) or not before.strip(" \t\n-–—|:")
