"""Photo captions: a line that opens with "FILE -" or closes on a full date ("Police detain a man near the camp,
Feb. 23, 2017"). A caption's date is the photo's: it dates the caption's own act, but the caption neither lends
it to the lines around it nor borrows theirs (event_dates.py)."""

from __future__ import annotations

import re

from eventwire.extract.times.lexicon import time_words
from eventwire.model import TimeExpr

CAPTION_OPENERS = time_words().words("caption_openers")
# A full calendar day with its year: "2017-02-23", not "2017-02" or a weekday alone.
FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def line_at(text: str, offset: int) -> tuple[int, int]:
    """The start and end offsets of the line that holds `offset`."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def is_caption(text: str, offset: int, times: list[TimeExpr]) -> bool:
    """The line holding `offset` is a photo caption."""
    start, end = line_at(text, offset)
    line = text[start:end].strip()
    if not line or start == 0:
        return False  # the first line is the headline or the lead, never a caption
    if line.split(" ", 1)[0].rstrip(":-") in CAPTION_OPENERS:
        return True
    closing = end - (len(text[start:end]) - len(text[start:end].rstrip(" .")))
    return any(
        t.end == closing
        and FULL_DAY.match((t.value or "").split("T")[0])
        and re.search(r"\d{4}$", t.text)
        and text[start : t.start].rstrip().endswith(",")
        for t in times
    )
