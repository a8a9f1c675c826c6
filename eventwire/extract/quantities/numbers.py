"""Numbers in text: numerals, number words, vague quantities, bounds and ranges.

`find_numbers(doc)` returns every `NumberMention` in a parsed document with its value as
UCDP-style low/best/high:

- exact ("three", "1,200", "two dozen"): low = best = high;
- a lower bound ("at least 12", "more than 20"): low = best = the stated figure, high unknown
  (the stated figure is the conservative best, as ACLED codes it);
- an upper bound ("up to 30", "nearly 40"): best = high = the figure, low unknown;
- an approximation ("about 20", "some 200"): best only;
- a range ("10 to 15", "between 6 and 8", "6-8"): low and high, best = low (conservative);
- vague ("dozens", "several", "a handful"): the values from lexicon.yaml ("dozens": low 24),
  best unknown unless the word is exact ("a dozen").

Whether a number counts people, and in which condition, is decided in counts.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Doc

from eventwire.extract.quantities.lexicon import Lexicon, load_lexicon
from eventwire.nlp.columns import column

DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
DIGIT_RANGE = re.compile(r"^(\d{1,9})[-–](\d{1,9})$")
RANGE_WORDS = {"to", "-", "–", "or"}
MAX_DIGITS = 24  # longer digit strings are ids or noise, never a figure
MAX_PEOPLE = 10**10  # more than everyone alive: not a count of people


@dataclass
class NumberMention:
    """A number in the text: token span [start, end) including its bound words."""

    start: int
    end: int
    low: int | None
    best: int | None
    high: int | None
    vague: bool = False
    bound: str | None = None  # min | max | approx | range | None
    core_start: int = 0  # first token of the figure itself (after bound words)

    @property
    def is_exact(self) -> bool:
        return self.low is not None and self.low == self.best == self.high


def _longest_phrase(words: list[str], i: int, table: dict) -> tuple[tuple[str, ...], int] | None:
    """The longest key of `table` (a tuple of lower-case words) starting at token i."""
    for length in (4, 3, 2, 1):
        if i + length <= len(words):
            key = tuple(words[i : i + length])
            if key in table:
                return key, length
    return None


def _parse_digits(doc: Doc, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """'1,200' or '1.5 million' at token i: (value, tokens used)."""
    text = doc[i].text
    if not DIGITS.match(text) or len(text) > MAX_DIGITS:
        return None
    value = Decimal(text.replace(",", ""))  # exact, and any Unicode decimal digits ("١٢")
    used = 1
    if i + 1 < len(doc) and doc[i + 1].lower_ in lex.multipliers:
        value *= lex.multipliers[doc[i + 1].lower_]
        used = 2
    if value != value.to_integral_value() or value > MAX_PEOPLE:
        return None
    return int(value), used


def _parse_words(doc: Doc, i: int, lex: Lexicon, leading: int = 0) -> tuple[int, int] | None:
    """'twenty-one', 'two hundred and fifty', 'two dozen' at token i: (value, tokens used)."""
    total, current = 0, leading
    j = i
    seen = leading > 0
    while j < len(doc):
        word = doc[j].lower_
        if word == "dozen" and seen:
            current *= 12
        elif word in lex.units:
            current += lex.units[word]
        elif word in lex.multipliers and seen:
            multiplier = lex.multipliers[word]
            if multiplier == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * multiplier
                current = 0
        elif word in {"-", "and"} and seen and j + 1 < len(doc) and doc[j + 1].lower_ in lex.units:
            if word == "and" and doc[j - 1].lower_ not in lex.multipliers:
                break
        else:
            break
        seen = True
        j += 1
    if not seen or total + current > MAX_PEOPLE:
        return None
    return total + current, j - i


def _parse_figure(doc: Doc, i: int, lex: Lexicon) -> tuple[int, int] | None:
    if doc[i].lower_ in {"a", "an"} and i + 1 < len(doc) and doc[i + 1].lower_ in lex.multipliers:
        words = _parse_words(doc, i + 1, lex, leading=1)  # "a hundred", "a thousand"
        return (words[0], words[1] + 1) if words else None
    return _parse_digits(doc, i, lex) or _parse_words(doc, i, lex)


def _restatement(doc: Doc, k: int, value: int, lex: Lexicon) -> int:
    """Tokens of a figure restated in parentheses right after it ("eleven (11)"), else 0."""
    if k + 2 >= len(doc) or doc[k].text != "(":
        return 0
    again = _parse_digits(doc, k + 1, lex) or _parse_words(doc, k + 1, lex)
    if again is None or again[0] != value or k + 1 + again[1] >= len(doc) or doc[k + 1 + again[1]].text != ")":
        return 0
    return again[1] + 2


def _exact(value: int) -> tuple[int, int, int]:
    return value, value, value


def _apply_bound(bound: str | None, value: int) -> tuple[int | None, int | None, int | None]:
    if bound == "min":
        return value, value, None
    if bound == "max":
        return None, value, value
    if bound == "approx":
        return None, value, None
    return _exact(value)


def _match_at(doc: Doc, words: list[str], i: int, lex: Lexicon) -> NumberMention | None:
    j = i
    bound = None
    bound_match = _longest_phrase(words, j, lex.bounds)
    if bound_match:
        key, length = bound_match
        bound = None if lex.bounds[key] == "none" else lex.bounds[key]
        j += length
    between = j < len(doc) and doc[j].lower_ == "between"
    if between:
        j += 1
    core_start = j
    if j >= len(doc):
        return None
    vague = _longest_phrase(words, j, lex.vague)
    if vague and not between:
        key, length = vague
        value = lex.vague[key]
        low, best, high = value.low, value.best, value.high
        if bound == "min" and best is not None:
            high = None
        return NumberMention(i, j + length, low, best, high, vague=best is None, bound=bound, core_start=core_start)
    span_range = DIGIT_RANGE.match(doc[j].text)
    if span_range:
        low, high = sorted(int(g) for g in span_range.groups())
        return NumberMention(i, j + 1, low, low, high, bound="range", core_start=core_start)
    first = _parse_figure(doc, j, lex)
    if first is None:
        return None
    value, used = first
    k = j + used + _restatement(doc, j + used, value, lex)
    joiners = RANGE_WORDS | {"and"} if between else RANGE_WORDS
    if k + 1 < len(doc) and doc[k].lower_ in joiners:
        second = _parse_figure(doc, k + 1, lex)
        if second is not None and second[0] > value:
            return NumberMention(i, k + 1 + second[1], value, value, second[0], bound="range", core_start=core_start)
    low, best, high = _apply_bound(bound, value)
    return NumberMention(i, k, low, best, high, bound=bound, core_start=core_start)


def _starters(lex: Lexicon) -> frozenset[str]:
    """Words a number mention can start with (besides digits)."""
    firsts = {key[0] for key in lex.bounds} | {key[0] for key in lex.vague}
    return frozenset(firsts | set(lex.units) | set(lex.multipliers) | {"between"})


def find_numbers(doc: Doc, lex: Lexicon | None = None) -> list[NumberMention]:
    """Every number in the document, left to right, non-overlapping."""
    lex = lex or load_lexicon()
    words = column(doc, "lower")
    starters = _starters(lex)
    mentions: list[NumberMention] = []
    i = 0
    while i < len(doc):
        if words[i] not in starters and not words[i][:1].isdigit():
            i += 1
            continue
        mention = _match_at(doc, words, i, lex)
        if mention is None:
            i += 1
            continue
        mentions.append(mention)
        i = mention.end
    return mentions
