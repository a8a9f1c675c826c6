"""Which lines are photo captions (extract/times/captions.py)."""

from __future__ import annotations

from eventwire.extract.times.captions import is_caption, line_at
from eventwire.model import TimeExpr


def _dates(text: str, phrase: str, value: str) -> list[TimeExpr]:
    """Every occurrence of `phrase` as a time expression of that value."""
    starts = [i for i in range(len(text)) if text.startswith(phrase, i)]
    return [TimeExpr(text=phrase, start=i, end=i + len(phrase), value=value) for i in starts]


def test_a_line_closing_on_a_full_date_or_opening_on_file_is_a_caption():
    text = "Storm hits the coast\nRescuers search a street, May 4, 2019\nThe storm killed three on May 4, 2019.\n"
    times = _dates(text, "May 4, 2019", "2019-05-04")
    assert is_caption(text, text.index("Rescuers"), times)
    assert not is_caption(text, text.index("The storm"), times)  # "on May 4, 2019." is the sentence's own date
    assert not is_caption(text, 0, times)  # the headline
    filed = "Storm hits the coast\nFILE - Rescuers search a flooded street\n"
    assert is_caption(filed, filed.index("Rescuers"), [])


def test_line_at_gives_the_lines_bounds():
    text = "one\ntwo three\nfour"
    assert line_at(text, text.index("three")) == (4, 13)
    assert line_at(text, text.index("four")) == (14, 18)
