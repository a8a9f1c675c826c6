"""The dateline's day: "KYIV, March 12 (Reuters) - ", "WASHINGTON, Aug. 3 _ ", "CAIRO, 18 August -- ".

The reporter's date: it dates an event the text does not (source "dateline", event_dates.py) and, when the
publication date is unknown, anchors relative expressions ("Monday", tagger.py).
"""

from __future__ import annotations

import re

from eventwire.extract.times.calendar import precision_of
from eventwire.model import EventDate, TimeExpr

# Ends a dateline: "KYIV, March 12 (Reuters) - ", "WASHINGTON, Aug. 3 _ ", "CAIRO, 18 August -- ".
DATELINE_END = re.compile(r"\((?:Reuters|AP|AFP|UPI|Xinhua|IANS|PTI|dpa|DPA|ANI|Bloomberg|CNN)\)|\s(?:-|--|_|—|–)\s")
DATELINE_MAX_CHARS = 80
# Opens a dateline: the place, capitalised, then a comma ("KYIV,", "TIJUANA & SAN DIEGO,", "Buffalo, N.Y.,").
DATELINE_PLACE = re.compile(r"^\s*[A-Z][\w .'&-]{1,40},")


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
