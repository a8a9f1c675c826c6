"""Case-insensitive patterns run over lower-cased text: the same matches in a third of the time.

Python's `re` folds the case of every character it compares under re.IGNORECASE. The same pattern
compiled without the flag finds the same spans in the text lower-cased, provided lower-casing cannot
change what matches: the pattern's own letters are all lower case (escapes aside), and the text's cased
characters are all ASCII (each lowers to one character, with no other case equivalents such as "ſ" or
the Kelvin sign). Texts and patterns that fail either test run as they are.

Most patterns find nothing in most texts, yet `re` tries them at every word boundary. So each twin
also keeps the strings one of which any match must contain ("fiscal", "o'clock", one of the month
names), read from the pattern itself; a text holding none of them is not searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # the parsed form `re` compiles from; read, never changed
from re import _parser as sre_parse

# Escapes that can spell a letter (\x41, \u0041, \N{...}, octal, back-references) and inline flag groups.
_UNSURE = re.compile(r"\\[xuUN0-9]|\(\?[aiLmsux-]+[:)]")
_ESCAPE = re.compile(r"\\.", re.S)
# A required set is worth testing when it is short and its strings are not too common.
MAX_REQUIRED = 12
MIN_REQUIRED_LENGTH = 3


class CaselessPattern:
    """A case-insensitive pattern with its case-sensitive twin, when it has one."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.twin = caseless_twin(pattern)
        self.required = required_strings(self.twin.pattern) if self.twin is not None else None

    def spans(self, text: str, lowered: str | None) -> Iterator[tuple[int, int]]:
        """(start, end) of each match in `text`; `lowered` is `lowered_for_matching(text)`."""
        if self.twin is None or lowered is None:
            matches = self.pattern.finditer(text)
        elif self.required is not None and not any(needed in lowered for needed in self.required):
            return iter(())
        else:
            matches = self.twin.finditer(lowered)
        return ((m.start(), m.end()) for m in matches)


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


def required_strings(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of a case-sensitive `pattern` contains, or None when none are
    known or they are too many or too short to be worth testing."""
    try:
        found = _sequence(list(sre_parse.parse(pattern, 0)))
    except (re.error, TypeError, ValueError):
        return None
    if found is None or len(found) > MAX_REQUIRED or min(map(len, found)) < MIN_REQUIRED_LENGTH:
        return None
    return found


def _sequence(items: list) -> frozenset[str] | None:
    """The best required set of a sequence: a run of literal characters, or what one item requires."""
    options: list[frozenset[str]] = []
    run = ""
    for op, value in items:
        if op is sre.LITERAL:
            run += chr(value)
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        required = _item(op, value)
        if required is not None:
            options.append(required)
    if run:
        options.append(frozenset([run]))
    return max(options, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)


def _item(op, value) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:  # (group, added flags, removed flags, sub-pattern)
        return _sequence(list(value[3])) if not value[1] and not value[2] else None
    if op is sre.BRANCH:  # each alternative requires something, so the match holds one of them
        alternatives = [_sequence(list(alternative)) for alternative in value[1]]
        return None if any(a is None for a in alternatives) else frozenset().union(*alternatives)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] >= 1:
        return _sequence(list(value[2]))
    return None
