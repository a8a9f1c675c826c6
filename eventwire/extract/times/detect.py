"""Find time expressions: spaCy DATE/TIME entities plus patterns built from the lexicon.

spaCy misses many expressions ("now", "recently", "daily") and mis-bounds others ("on
Tuesday", "the day of the talks"), so candidates from both are merged per overlapping
cluster, trimmed to TimeML bounds (no leading preposition, mods like "more than" kept) and
kept only when `normalize` can read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from eventwire.extract.times.calendar import Tense
from eventwire.extract.times.lexicon import Lexicon, load_lexicon


@dataclass
class Candidate:
    start: int
    end: int
    source: str  # "spacy" or "pattern"


def _names(table: dict[str, int]) -> str:
    """Full names, and abbreviations only with their dot ("Sun" is a newspaper, "Sun." a day)."""
    full = [w for w in table if not any(o != w and o.startswith(w) and table[o] == table[w] for o in table)]
    short = [w for w in table if w not in full]
    return "(?:" + _alternation(full) + "|" + _alternation(short) + r"\.)"


def _alternation(words: list[str]) -> str:
    escaped = sorted({re.escape(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


class PatternSet:
    """The regular expressions, built once from the lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        month = _names(lex.months)
        weekday = _names(lex.weekdays)
        unit_words = list(lex.units) + [u + "s" for u in lex.units] + list(lex.unit_plurals)
        unit = _alternation(unit_words)
        number_words = [w for w in lex.numbers if w not in ("a", "an", "half", "couple", "dozen")]
        word_number = _alternation(number_words)
        number = (
            rf"(?:\d+(?:[.,]\d+)?|{word_number}(?:[- ]{word_number})?|an?|a few|a couple of|couple of|"
            rf"half an?|a half|a dozen|{_alternation(sorted(lex.vague_numbers))})(?:\s+and\s+a\s+half)?"
        )
        pod = _alternation(list(lex.parts_of_day))
        season = _alternation(list(lex.seasons))
        ordinal = _alternation([w for w, v in lex.ordinals.items() if 0 < v <= 4])
        mods = _alternation(list(lex.modifiers))
        year = r"(?:1[5-9]\d\d|20\d\d)"
        relative_word = r"(?:last|past|previous|this|next|coming|current|following|this\s+past|this\s+coming)"
        ref = _alternation(sorted(lex.standalone_references) + ["today", "tomorrow", "yesterday", "tonight"])
        set_word = _alternation(sorted(lex.set_words_detected))
        clock = r"\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)(?:\s+(?:EST|EDT|GMT|local time))?"
        holiday = _alternation(list(lex.holidays) + list(lex.floating_holidays))
        spoken_year = (
            r"(?:nineteen|twenty)[\s-](?:hundred[\s-])?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|\w+teen)"
            r"|two thousand(?:\s+and\s+\w+)?"
        )
        self.strong = [
            re.compile(p, re.I)
            for p in [
                rf"\b(?:{weekday},?\s+)?{month}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{year}\b)?",
                rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}(?:,?\s+{year}\b)?",
                rf"\b{month},?\s+(?:of\s+)?{year}\b",
                rf"(?:\bthe\s+)?(?:\b(?:early|mid|late)[\s-]+)?(?:\b(?:1[0-9]|20)\d0s\b|'\d0s\b)",
                rf"\b(?:{relative_word}\s+)?{weekday}(?:\s+{pod})?\b",
                rf"\b{pod}\s+(?:of\s+)?{weekday}",
                rf"\b(?:the\s+)?{relative_word}\s+(?:{number}\s+)?(?:{unit}|{month}|{season}|{pod})\b",
                rf"\b(?:the\s+)?(?:first|last|past|next|final|initial)\s+{number}\s+{unit}\b",
                rf"\b(?:{mods}\s+)?{number}[\s-]+(?:more\s+)?{unit}\b(?:[\s-](?:ago|earlier|later|from now|long))?",
                rf"\b(?:every|each)\s+(?:other\s+)?(?:{number}\s+)?(?:{unit}|{weekday}|{month}|{pod})\b",
                rf"\b(?:{ref}|{set_word})\b",
                rf"\b{clock}(?:\s+(?:{weekday}|today|yesterday|tomorrow))?",
                rf"\b(?:noon|midnight|midday)(?:\s+(?:{weekday}|today|yesterday|tomorrow))?\b",
                rf"\b(?:the\s+)?{ordinal}[\s-](?:quarter|half)\b(?:\s+of\s+{year}\b)?",
                rf"\bfiscal\s+{year}\b",
                rf"\b(?:the\s+)?{season}\s+(?:of\s+)?{year}\b",
                rf"\b(?:this|last|next|early|late)\s+{season}\b",
                rf"\b(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:{unit}|{pod})\b",
                rf"\b(?:last\s+|next\s+|this\s+)?{holiday}\b",
                rf"\b(?:the\s+year\s+|{month}\s+)?(?:{spoken_year})\b",
                r"\b\d{4}-\d{2}-\d{2}\b",
                rf"\b(?:the\s+)?year[\s-](?:ago|earlier)\b",
            ]
        ]
        # Months alone and bare years: only with a time preposition before them or a spaCy DATE over them.
        self.weak = [
            re.compile(rf"\b{month}(?![\w'])", re.I),
            re.compile(rf"(?<![\d,.$£€])\b{year}\b(?![\d,%]|\s*(?:percent|per\s+cent))"),
            re.compile(rf"\b{season}\b", re.I),
        ]
        self.weak_context = re.compile(
            rf"\b(?:in|since|until|till|by|from|to|through|before|after|during|early|late|mid|of|last|next|this|"
            rf"since early|{month})[\s-]+$",
            re.I,
        )
        self.left_mod = re.compile(rf"(?:\b(?:the\s+)?{mods}[\s-]+|\bthe\s+)$", re.I)
        self.right_offset = re.compile(r"^[\s-]+(?:ago|earlier|later|from now|or so|long)\b", re.I)
        # Ages ("a 6-year-old", "52 years old") are not time expressions in TimeML.
        self.age = re.compile(r"^[\s-]+old\b", re.I)


TRAILING_JUNK = re.compile(r"(?:['’]s|[\s,.;:!?\"')\]—–-])+$")
LEADING_JUNK = re.compile(r"^[\s,.;:!?\"'(\[—–-]+")


class Detector:
    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or load_lexicon()
        self.patterns = PatternSet(self.lex)

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every span that might be a time expression, before trimming and merging."""
        text = doc.text
        found = [Candidate(e.start_char, e.end_char, "spacy") for e in doc.ents if e.label_ in ("DATE", "TIME")]
        dated = [(c.start, c.end) for c in found]
        for pattern in self.patterns.strong:
            found.extend(Candidate(m.start(), m.end(), "pattern") for m in pattern.finditer(text))
        for pattern in self.patterns.weak:
            for match in pattern.finditer(text):
                if not self._weak_ok(text, match, dated):
                    continue
                found.append(Candidate(match.start(), match.end(), "pattern"))
        widened = [self.widen(text, c) for c in found]
        return [c for c in widened if not self._is_age(text, c) and not self._is_fraction(text, c)]

    def _is_fraction(self, text: str, candidate: Candidate) -> bool:
        """"three-quarters of the vote" is a share, not a duration."""
        span = text[candidate.start : candidate.end].lower()
        return bool(re.search(r"[\s-]quarters?$", span)) and bool(re.match(r"\s+of\b", text[candidate.end :]))

    def _is_age(self, text: str, candidate: Candidate) -> bool:
        span = text[candidate.start : candidate.end].lower()
        return span.endswith("old") or bool(self.patterns.age.match(text[candidate.end : candidate.end + 8]))

    def _weak_ok(self, text: str, match: re.Match[str], dated: list[tuple[int, int]]) -> bool:
        word = match.group(0)
        if any(s <= match.start() and match.end() <= e for s, e in dated):
            return True
        if word[0].isalpha() and not word[0].isupper():
            return word.lower() in self.lex.seasons and bool(self.patterns.weak_context.search(text[: match.start()]))
        if word.lower().rstrip(".") in self.lex.ambiguous_months and not text[match.end() : match.end() + 6].strip(
            " ,"
        )[:1].isdigit():
            return bool(re.search(r"\b(?:in|since|until|by|early|late|mid|last|next|this)[\s-]+$", text[: match.start()]))
        return bool(self.patterns.weak_context.search(text[: match.start()])) or word[0].isalpha()

    def widen(self, text: str, candidate: Candidate) -> Candidate:
        """Take in a mod before ("early", "more than") and an offset word after ("ago")."""
        start, end = candidate.start, candidate.end
        left = self.patterns.left_mod.search(text[max(0, start - 40) : start])
        if left:
            start -= len(left.group(0))
        right = self.patterns.right_offset.match(text[end : end + 12])
        if right:
            end += right.end()
        return Candidate(start, end, candidate.source)

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """TimeML bounds: drop leading prepositions (but not duration mods) and trailing punctuation."""
        while start < end:
            lead = LEADING_JUNK.match(text, start, end)
            if lead and lead.end() > start:
                start = lead.end()
                continue
            word = re.match(r"[A-Za-z]+", text[start:end])
            if not word:
                break
            lower = word.group(0).lower()
            if lower in self.lex.leading_trim and not self._mod_here(text[start:end].lower()):
                start += len(lower)
                continue
            break
        tail = TRAILING_JUNK.search(text, start, end)
        if tail and tail.start() > start:
            end = tail.start()
        if text[start:end].lower().endswith((" and", " or")):
            end = text.rindex(" ", start, end)
        return start, end

    def _mod_here(self, span: str) -> bool:
        """True when the span starts with a mod of a duration ("over two hours", "about a year")."""
        for phrase in sorted(self.lex.modifiers, key=len, reverse=True):
            if span.startswith(phrase + " ") or span.startswith(phrase + "-"):
                rest = span[len(phrase) + 1 :]
                return bool(re.match(r"(?:\d|a |an |one|two|three|four|five|six|seven|eight|nine|ten|half|"
                                     r"several|a few|twenty|thirty|forty|fifty|\w+teen)", rest))
        return False


def tense_at(doc: Doc, start: int, end: int) -> Tense:
    """Past, present or future: the tense of the verb that governs the span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "past"
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    return _verb_tense(token)


FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "gonna"}
FUTURE_VERBS = {"plan", "expect", "schedule", "set", "due", "hope", "intend", "aim", "prepare"}


def _verb_tense(verb) -> Tense:
    lowered = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    if lowered & FUTURE_AUX:
        return "future"
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children):
        head = verb.head
        if head.i != verb.i and head.lemma_ in FUTURE_VERBS | {"go", "be", "want", "agree", "decide"}:
            return "future"
    if verb.lemma_ in FUTURE_VERBS:
        return "future"
    if verb.tag_ == "VBG" and lowered & {"is", "are", "'s", "'re", "am"} and verb.lemma_ != "say":
        return "future"
    if verb.tag_ in ("VBD", "VBN") or lowered & {"was", "were", "had", "did", "has", "have"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return "past"
