"""Case-insensitive patterns run over lower-cased text: the same matches in half the time.

Python's `re` folds the case of every character it compares under re.IGNORECASE. The same pattern
compiled without the flag finds the same spans in the text lower-cased, provided lower-casing cannot
change what matches: the pattern's own letters are all lower case (escapes aside), and the text's cased
characters are all ASCII (each lowers to one character, with no other case equivalents such as "ſ" or
the Kelvin sign). Texts and patterns that fail either test run as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Escapes that can spell a letter (\x41, \u0041, \N{...}, octal, back-references) and inline flag groups.
_UNSURE = re.compile(r"\\[xuUN0-9]|\(\?[aiLmsux-]+[:)]")
_ESCAPE = re.compile(r"\\.", re.S)


def caseless_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`pattern` without re.IGNORECASE, for lower-cased text; None when that could match differently."""
    if not pattern.flags & re.IGNORECASE or _UNSURE.search(pattern.pattern):
        return None
    letters = _ESCAPE.sub("", pattern.pattern)
    if letters != letters.lower():
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def lowered_for_matching(text: str) -> str | None:
    """The text lower-cased, or None when some cased character is not ASCII ("É", "ß")."""
    if all(c.isascii() or c.lower() == c == c.upper() for c in set(text)):
        return text.lower()
    return None


def spans(
    pattern: re.Pattern[str], twin: re.Pattern[str] | None, text: str, lowered: str | None
) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of `pattern` in `text`, through its twin over `lowered` when both exist."""
    matches = twin.finditer(lowered) if twin is not None and lowered is not None else pattern.finditer(text)
    return ((m.start(), m.end()) for m in matches)
