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
from eventwire.extract.times.caseless import CaselessPattern, lowered_for_matching
from eventwire.extract.times.lexicon import Lexicon, decade_words, load_lexicon, time_words
from eventwire.nlp.modals import modal_words
from eventwire.nlp.parse import text_of
from eventwire.nlp.tree import governing_verb, verb_above


@dataclass
class Candidate:
    start: int
    end: int
    source: str  # "spacy" or "pattern"


NON_COMPOUND_NUMBERS = time_words().words("non_compound_numbers")


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
        month_short = _alternation([w for w in lex.months if any(o != w and o.startswith(w) for o in lex.months)])
        weekday = _names(lex.weekdays)
        unit_words = list(lex.units) + [u + "s" for u in lex.units] + list(lex.unit_plurals)
        unit = _alternation(unit_words)
        number_words = [w for w in lex.numbers if w not in NON_COMPOUND_NUMBERS]
        word_number = _alternation(number_words)
        number = (
            rf"(?:\d+(?:[.,]\d+)?|{word_number}(?:[- ]{word_number})?|an?|a few|a couple of|couple of|"
            rf"half an?|a half|a dozen|{_alternation(sorted(lex.vague_numbers))})(?:\s+and\s+a\s+half|\s*1/2|½)?"
        )
        pod = _alternation(list(lex.parts_of_day))
        qualifier = _alternation(sorted(lex.unit_qualifiers)) if lex.unit_qualifiers else "(?!)"
        season = _alternation(list(lex.seasons))
        ordinal = _alternation([w for w, v in lex.ordinals.items() if 0 < v <= 4])
        day_ordinal = _alternation([w for w, v in lex.ordinals.items() if 0 < v <= 31 and "-" not in w])
        mods = _alternation(list(lex.modifiers))
        year = r"(?:1[5-9]\d\d|20\d\d)"
        relative_word = r"(?:last|past|previous|this|next|coming|current|following|this\s+past|this\s+coming)"
        ref = _alternation(sorted(lex.standalone_references) + ["today", "tomorrow", "yesterday", "tonight"])
        set_word = _alternation(sorted(lex.set_words_detected))
        clock = r"\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)(?:\s+(?:EST|EDT|GMT|local time))?"
        holiday = _alternation(list(lex.holidays) + list(lex.floating_holidays) + list(lex.easter_holidays))
        spoken_year = (
            r"(?:nineteen|twenty)[\s-](?:hundred[\s-])?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|\w+teen)"
            r"|two thousand(?:\s+and\s+\w+)?"
        )
        spoken_decade = _alternation(list(decade_words(lex)))
        self.strong = [
            re.compile(p, re.I)
            for p in [
                rf"\b(?:the\s+week\s+of\s+)?(?:{weekday},?\s+)?{month}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{year}\b)?",
                rf"\b(?:{weekday},?\s+)?{month}\s+{day_ordinal}(?![\w-])(?:,?\s+{year}\b)?",  # "March eighth"
                # a month abbreviated without its dot, by a day: "Apr 5", "Aug 12, 2018", "1st Oct 2017" (datelines)
                rf"\b{month_short}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!:)(?:,?\s+{year}\b)?",
                rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{month_short}\b(?!\.)(?:,?\s+{year}\b)?",  # "1st Oct 2017"
                rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}(?:,?\s+{year}\b)?",
                rf"\b{month},?\s+(?:of\s+)?{year}\b",
                rf"\b{month}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:this|last|next)\s+year\b",
                r"(?:\bthe\s+)?(?:\b(?:early|mid|late)[\s-]+)?(?:\b(?:1[0-9]|20)\d0s\b|'\d0s\b)",
                rf"\b(?:{relative_word}\s+)?{weekday}(?:\s+{pod})?\b",
                rf"\b{pod}\s+(?:{weekday}|today|yesterday|tomorrow)\b",
                rf"\b{weekday}(?:s|\s+{pod}s)\b",  # "on Sundays", "Tuesday nights": a recurring day (SET)
                rf"\b(?:the\s+)?{relative_word}\s+(?:{number}\s+)?(?:{unit}|{month}|{season}|{pod})\b",
                rf"\b(?:the\s+)?(?:first|last|past|next|final|initial)\s+{number}\s+{unit}\b",
                rf"\b(?:{mods}\s+)?{number}[\s-]+(?:more\s+)?(?:{qualifier}\s+)?{unit}\b(?:\s+and\s+a\s+half)?"
                rf"(?:[\s-](?:ago|earlier|from now|long))?",
                rf"\b{number}\s+(?:to|or)\s+{number}[\s-]+{unit}\b",  # a range: "two to three weeks"
                rf"\b(?:every|each)\s+(?:other\s+)?(?:{number}\s+)?(?:{unit}|{weekday}|{month}|{pod}|{season})\b",
                rf"\b(?:the\s+)?(?:last|past|previous|next|coming)\s+{number}\s+{season}s\b",  # the past 3 summers
                rf"\b(?:{ref}|{set_word})\b",
                rf"\b{clock}(?:,?\s+(?:{weekday}|today|yesterday|tomorrow|{month}\s+\d{{1,2}}\b))?",
                rf"\b(?:noon|midnight|midday)(?:\s+(?:{weekday}|today|yesterday|tomorrow))?\b",
                r"\b(?:[1-9]|1[0-2])(?::\d\d)?\s+(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening|night)\b",
                rf"\b(?:the\s+)?{ordinal}[\s-](?:quarter|half)\b"
                rf"(?:\s+of\s+(?:(?:fiscal\s+)?{year}\b|(?:this|last|next)\s+year\b))?",
                rf"\b(?:fiscal\s+)?{year}['’]s\s+{ordinal}[\s-](?:quarter|half)\b",  # "fiscal 1999's first quarter"
                rf"\bfiscal\s+{year}\b",
                # Report periods: "the 1988 period", "the same period last year", "next year's first quarter".
                rf"\bthe\s+{year}\s+(?:period|quarter)\b",
                r"\bthe\s+(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:of\s+)?last\s+year\b",
                rf"\b(?:last|next|this)\s+year['’]s\s+{ordinal}[\s-](?:quarter|half)\b",
                rf"\b(?:the\s+)?{season}\s+(?:of\s+)?{year}\b",
                rf"\b(?:this|last|next|early|late)\s+{season}\b",
                rf"\b(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:{unit}|{pod})\b",
                rf"\b(?:last\s+|next\s+|this\s+)?{holiday}(?:\s+week)?\b",
                rf"\b(?:the\s+year\s+|{month}\s+)?(?:{spoken_year})\b",
                r"\b\d{4}-\d{2}-\d{2}\b",
                rf"\bthe\s+(?:(?:early|mid|late)[\s-]+)?{spoken_decade}\b",
                r"(?<![\d/.])\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b(?![/\d])",
                r"\b(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?year[\s-](?:ago|earlier)\b"
                r"(?:\s+(?:period|quarter))?",
                r"\bthe\s+(?:latest|most\s+recent)\s+(?:period|quarter)\b",
                r"\b(?:the|that)\s+(?:same|very)\s+(?:day|week|month|year)\b",  # refers back to the last one named
                r"\bthe\s+(?:fiscal\s+|financial\s+)?year(?=\s+end(?:ed|ing)\b)",
                # "the full year", "the fiscal year": the year of the report (TimeML: a DATE, not P1Y).
                r"\bthe\s+(?:(?:full|whole|entire)\s+(?:fiscal\s+)?|fiscal\s+)year\b",
                r"\b(?:the\s+)?(?:year[\s-]end|year's\s+end|end\s+of\s+the\s+year)\b",
                rf"\b{unit}-long\b",
                rf"\bthe\s+(?:(?:next|coming)\s+)?(?:{unit})\s+ahead\b",  # "the weeks ahead"
                rf"\bfuture\s+(?:{unit})s\b",  # "in future quarters"
                rf"\b(?:once|twice|thrice|{number}\s+times)\s+(?:a|an|per|each|every)\s+{unit}\b",  # twice a week
                r"\b(?:over|in|through|during|throughout)\s+the\s+(?:years|decades|months|weeks|days)\b",
            ]
        ]
        # Months alone and bare years: only with a time preposition before them or a spaCy DATE over them.
        self.weak = [
            re.compile(rf"\b{month}(?!\w)", re.I),
            re.compile(rf"(?<![\d,.$£€])\b{year}\b(?![\d,%]|\s*(?:percent|per\s+cent))"),
            re.compile(rf"\b{season}\b", re.I),
        ]
        self.weak_context = re.compile(
            rf"\b(?:in|since|until|till|by|from|to|through|before|after|during|early|late|mid|of|last|next|this|"
            rf"since early|post|pre|{month})[\s-]+$",
            re.I,
        )
        self.left_mod = re.compile(rf"(?:\b(?:the\s+)?{mods}[\s-]+|\b(?:early|mid|late)\s+in\s+)$", re.I)
        self.right_offset = re.compile(r"^[\s-]+(?:ago|earlier|from now|or so|long)\b", re.I)
        self.signal_before_day = re.compile(
            rf"(?:earlier|later)\s+(?=(?:{weekday}|today|yesterday|tomorrow|tonight)(?!\w))", re.I
        )
        self.article_before_month = re.compile(rf"the\s+(?={month}(?!\w))", re.I)
        # A quantity right before a rate's unit ("$500 million a year", "four flights a week", "20% annually"):
        # a number (not a year), an amount word or a percent, then at most one counted noun.
        leading = _alternation([w for w in lex.leading_trim if isinstance(w, str)]) + r"\b"
        amount_words = _alternation([w for w in lex.numbers if w not in ("a", "an", "half")] + list(lex.amount_words))
        self.quantity_before = re.compile(
            rf"(?:(?<![\d,.])(?!(?:1[5-9]|20)\d\d\b)\d[\d,.]*|%|\b{amount_words})(?:\s+(?!{leading})[a-z]+)?\s+$",
            re.I,
        )
        # Ages ("a 6-year-old", "52 years old") are not time expressions in TimeML.
        self.age = re.compile(r"^[\s-]+old\b", re.I)
        self.strong_caseless = [CaselessPattern(pattern) for pattern in self.strong]  # the same matches, faster


# After a unit, these make it an offset from another time, not a rate's unit.
OFFSET_AFTER = re.compile(r"\s+(?:after|before|later|earlier|ago|from|into)\b", re.I)
# "the past", "the first" before a count: a quantity mod before them still belongs to the expression.
FRAMED_COUNT = re.compile(r"^the\s+(?:past|last|next|first|final|previous|coming|initial)\s+")
# "Good evening" (a greeting, not "a good evening for shoppers"), "high noon" (an idiom).
GREETING_BEFORE = re.compile(r"(?<!\ba\s)(?<!\bthe\s)\b(?:good|high)\s+$", re.I)
GREETED = time_words().words("greeted_words")
NAME_AFTER = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][a-z]")


# Before an ambiguous month name ("May", "March"): only these make it a month.
MONTH_CONTEXT = re.compile(r"\b(?:in|since|until|by|early|late|mid|last|next|this)[\s-]+$", re.I)
LATER_AFTER_UNIT = re.compile(r"(?<=[a-z])\s+later$", re.I)
DOUBLED_ARTICLE = re.compile(r"the\s+(?=the\s)", re.I)
TRAILING_JUNK = re.compile(r"(?:['’]s|[\s,.;:!?\"')\]—–-])+$")
LEADING_JUNK = re.compile(r"[\s,.;:!?\"'(\[—–-]+")


# Entity labels of a name that holds a weekday ("Bloody Sunday" tagged ORG, "Black Friday" EVENT); not DATE.
DAY_NAME_WORDS = time_words().words("day_name_words")
NAME_LABELS = {"ORG", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "LAW"}


def _common_time_words(lex: Lexicon) -> frozenset[str]:
    """Time words written in lower case in running text (not months, weekdays or holidays)."""
    words = set(lex.units) | {u + "s" for u in lex.units} | set(lex.unit_plurals) | set(lex.parts_of_day)
    words |= set(lex.seasons) | set(lex.sets) | {w for w in lex.references if " " not in w}
    return frozenset(words | time_words().words("lowercase_day_words"))


class Detector:
    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or load_lexicon()
        self.patterns = PatternSet(self.lex)
        self.common_words = _common_time_words(self.lex)

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every span that might be a time expression, before trimming and merging."""
        text = text_of(doc)
        found = [Candidate(e.start_char, e.end_char, "spacy") for e in doc.ents if e.label_ in ("DATE", "TIME")]
        dated = [(c.start, c.end) for c in found]
        lowered = lowered_for_matching(text)
        for pattern in self.patterns.strong_caseless:
            found.extend(Candidate(start, end, "pattern") for start, end in pattern.spans(text, lowered))
        for pattern in self.patterns.weak:
            for match in pattern.finditer(text):
                if not self._weak_ok(text, match, dated):
                    continue
                found.append(Candidate(match.start(), match.end(), "pattern"))
        widened = [self.widen(text, c) for c in found]
        verdicts: dict[tuple[int, int], bool] = {}  # NER and the patterns often find the same span: judge it once
        for c in widened:
            if (c.start, c.end) not in verdicts:
                verdicts[c.start, c.end] = (
                    not self._is_age(text, c) and not self._is_fraction(text, c) and not self._not_a_time(doc, c)
                )
        return [c for c in widened if verdicts[c.start, c.end]]

    def _not_a_time(self, doc: Doc, candidate: Candidate) -> bool:
        """Time words used otherwise: a verb ("to fall"), an ordinal ("a second group"), a part of a
        name ("the morning show"), a kind of
        report ("quarterly dividend"), a title ("60 Minutes"), a lower-case "march" or an acronym ("SEC")."""
        text = text_of(doc)
        start, end = self.trim(text, candidate.start, candidate.end)
        if end <= start:
            return False
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        words = [t for t in span if t.is_alpha]
        if words and words[0].lower_ in ("a", "an", "the"):
            words = words[1:]  # "a second group", "the morning show"
        if len(words) == 1 and self._other_sense(words[0]):
            return True
        if self._not_temporal_use(text, start, end) or self._is_rate(text, start, end) or self._is_era(doc, span):
            return True
        if any(t.text in self.lex.ambiguous_months and t.lower_ in self.lex.months for t in words):
            return True  # "this march", "may": lower case, so not the month
        if any(t.text.isupper() and len(t.text) > 1 and self.lex.unit(t.text) for t in words):
            return True  # "SEC", "MIN": an acronym, not an abbreviated unit
        return self._is_title(span) or self._is_named_day(span)

    def _is_named_day(self, span) -> bool:
        """A weekday or week named by the capitalised word before it ("Bloody Sunday", "Black Friday", "Holy Week"):
        an event's name, not a date. Not a time word ("Last Friday", "Late Tuesday") nor a dateline ("PARIS Friday")."""
        first, doc = span[0], span.doc
        if first.lower_ not in (*self.lex.weekdays, "week") or not first.text[0].isupper() or first.i == 0:
            return False
        before = doc[first.i - 1]
        if not (before.is_alpha and before.text[0].isupper() and not before.is_upper):
            return False
        if before.lower_ in self.common_words or before.lower_ in self.lex.modifiers:
            return False
        if before.lower_ in DAY_NAME_WORDS:
            return True
        entity = next((e for e in doc.ents if e.start <= before.i and first.i < e.end), None)
        return entity is not None and entity.label_ in NAME_LABELS

    def _not_temporal_use(self, text: str, start: int, end: int) -> bool:
        """Uses TimeML does not annotate: a greeting or an idiom ("good evening", "high noon"), a month
        or season naming an event ("the March for Life", "Spring of Life")."""
        if GREETING_BEFORE.search(text[max(0, start - 12) : start]) and text[start:end].lower() in GREETED:
            return True
        word = text[start:end]
        name_words = {*self.lex.months, *self.lex.seasons}
        if not (word[:1].isupper() and word.lower() in name_words and NAME_AFTER.match(text, end)):
            return False
        # "in March for General Motors" is still the month: a time preposition comes before it
        return not self.patterns.weak_context.search(text[max(0, start - 30) : start])

    def _is_era(self, doc: Doc, span) -> bool:
        """ "today's youth", "in today's world", "the people of tomorrow": the present (or coming) era in
        general, not a day (TimeML; TBAQ leaves them untagged but tags "today's editions")."""
        if span.text.lower() not in ("today", "tomorrow"):
            return False
        after = doc[span.end : span.end + 3]
        if len(after) >= 2 and after[0].lower_ in ("'s", "’s"):
            noun = after[1] if after[1].lower_ in self.lex.era_nouns or len(after) < 3 else after[2]
            return noun.lower_ in self.lex.era_nouns
        before = doc[max(0, span.start - 2) : span.start]
        return len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in self.lex.era_nouns

    def _is_rate(self, text: str, start: int, end: int) -> bool:
        """The time unit of a rate ("$500 million a year", "four flights a week", "rise 20% annually"):
        a unit of measure after a quantity, not a time the story tells of."""
        words = text[start:end].lower().split()
        unit_rate = len(words) == 2 and words[0] in ("a", "an", "per") and words[1] in self.lex.units
        if not (unit_rate or (len(words) == 1 and words[0] in self.lex.sets)):
            return False
        if OFFSET_AFTER.match(text, end):  # "turnout fell to 45% a week after the vote": an offset
            return False
        return bool(self.patterns.quantity_before.search(text[max(0, start - 40) : start]))

    def _other_sense(self, token) -> bool:
        lower = token.lower_
        if lower in self.lex.sets and token.pos_ == "NOUN":
            return True  # "declared its initial quarterly of five cents": a dividend, not a time
        following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
        if lower == "current" and (token.pos_ != "ADJ" or following in self.lex.current_terms):
            return True  # "an electric current", "the current account deficit"
        if lower in self.lex.seasons and token.pos_ in ("VERB", "AUX"):
            return True
        if lower == "second" and token.i + 1 < len(token.doc) and token.nbor(1).pos_ in ("NOUN", "ADJ", "PROPN"):
            return True
        if lower in self.lex.parts_of_day and token.dep_ == "compound" and token.head.i > token.i:
            return True  # "a morning talk show", "the evening news"
        return lower in self.lex.report_adjectives and token.dep_ == "amod"

    def _is_title(self, span) -> bool:
        """Capitalized common time words inside a sentence name a show, a film or an event: "VOA Today",
        "High Noon", "60 Minutes" in quotes."""
        lowered = span.text.lower()
        if any(
            name in lowered for name in (*self.lex.holidays, *self.lex.floating_holidays, *self.lex.easter_holidays)
        ):
            return False  # "Thanksgiving Day", "Election Day"
        common = [t for t in span if t.lower_ in self.common_words]
        if not common or not all(t.text[0].isupper() for t in common):
            return False
        first, doc = span[0], span.doc
        if first.i == 0 or first.is_sent_start:
            return False
        before = doc[first.i - 1]
        if before.is_alpha or before.like_num:
            return True
        if before.is_quote:  # '"60 Minutes"', '"This Week With David Brinkley"' (a title goes on capitalised)
            after = [t for t in doc[span.end : span.end + 3] if t.text not in (",", ".")]
            return bool(after) and (after[0].is_quote or (len(common) > 1 and after[0].text[0].isupper()))
        return False

    def _is_fraction(self, text: str, candidate: Candidate) -> bool:
        """A share, not a duration: "three-quarters of the vote" is a share, not a duration."""
        span = text[candidate.start : candidate.end].lower()
        if re.search(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\b", span):
            return False
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
        if (
            word.lower().rstrip(".") in self.lex.ambiguous_months
            and not text[match.end() : match.end() + 6].strip(" ,")[:1].isdigit()
        ):
            return bool(MONTH_CONTEXT.search(text[: match.start()]))
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
            doubled = DOUBLED_ARTICLE.match(text, start, end)
            if doubled:  # a typo ("at the the end of November"): the second article begins the expression
                start = doubled.end()
                continue
            word = re.match(r"[A-Za-z]+", text[start:end])
            if not word:
                break
            lower = word.group(0).lower()
            if lower in self.lex.leading_trim and not self._mod_here(text[start:end].lower()):
                start += len(self._stray_mod(text[start:end].lower()) or lower)
                continue
            break
        if re.fullmatch(r"the\s+\d{4}", text[start:end], re.I):  # "the 2014 annexation": the year alone
            start = end - 4
        signal = self.patterns.signal_before_day.match(text, start, end)
        if signal:  # "earlier Friday", "later today": TimeML keeps "earlier"/"later" out as a signal
            start = signal.end()
        article = self.patterns.article_before_month.match(text, start, end)
        if article:  # "the Aug. 7 bombings": TimeML leaves the article of a calendar date outside
            start = article.end()
        tail = TRAILING_JUNK.search(text, start, end)
        if tail and tail.start() > start:
            end = tail.start()
        later = LATER_AFTER_UNIT.search(text, start, end)
        if later:  # "three days later": TimeML marks "three days" (a duration) and leaves "later" out
            end = later.start()
        if text[start:end].lower().endswith((" and", " or")):
            end = text.rindex(" ", start, end)
        return start, end

    def _stray_mod(self, span: str) -> str | None:
        """A quantity mod with no number after it ("at least the first half"): it goes with its preposition."""
        for phrase in sorted(self.lex.modifiers, key=len, reverse=True):
            if " " in phrase and span.startswith(phrase + " ") and phrase.split()[0] in self.lex.leading_trim:
                return phrase
        return None

    def _mod_here(self, span: str) -> bool:
        """True when the span starts with a mod of a duration ("over two hours", "about a year")."""
        for phrase in sorted(self.lex.modifiers, key=len, reverse=True):
            if span.startswith(phrase + " ") or span.startswith(phrase + "-"):
                rest = span[len(phrase) + 1 :]
                if " " in phrase:  # "at least the past 18 months" (but "over the past 20 years": a preposition)
                    rest = FRAMED_COUNT.sub("", rest, count=1)
                return bool(
                    re.match(
                        r"(?:\d|a |an |one|two|three|four|five|six|seven|eight|nine|ten|half|"
                        r"several|a few|twenty|thirty|forty|fifty|\w+teen)",
                        rest,
                    )
                )
        return False


def tense_at(doc: Doc, start: int, end: int) -> Tense:
    """Past, present or future: the tense of the verb that governs the span."""
    forward = FORWARD_BEFORE.search(text_of(doc)[max(0, start - 20) : start])
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "future" if forward else "past"
    token = verb_above(span.root, include_self=True)
    if forward and forward.group(1) and forward.group(1).lower() == "by":
        # "pay it down by February" is a deadline; "by Saturday, power was restored" is not
        marked_past = token.tag_ == "VBD" or bool(_aux_words(token) & {"was", "were", "had", "did"})
        return "past" if marked_past else "future"
    if forward and not (forward.group(1) and _closed_before(token)):
        return "future"
    if token.lemma_ in PLAN_VERBS and token.tag_ == "VBD" and token.i < span.start and not _aux_words(token) & PAST_AUX:
        return "future"  # "protesters planned a rally on Saturday" (but "On Friday, they planned to...")
    return _verb_tense(token)


def _governing_verb(token):
    """The nearest verb at or above a token, up to five heads up (None without one)."""
    return governing_verb(token, include_self=True, steps=5)


def _closed_before(verb) -> bool:
    """A limit in the past: "had not called him a suspect until Thursday"."""
    return _past_perfect(verb) or any(child.dep_ == "neg" for child in verb.children)


# "as early as Tuesday", "until Tuesday", "effective Feb. 1": deadlines and starts, not yet reached.
FORWARD_BEFORE = re.compile(r"\b(?:as\s+(?:early|soon)\s+as|effective|(until|till|through|by))\s+$", re.I)
FUTURE_AUX = modal_words("will", "future", "colloquial_future", "modal")  # not "could"
FUTURE_VERBS = time_words().words("future_verbs")
PLAN_VERBS = {"plan", "schedule"}
PAST_MODALS = modal_words("modal", "could")  # "may have met", "could have closed"
INTENT_HEADS = time_words().words("intent_heads")
PAST_AUX = time_words().words("past_aux")
PRESENT_AUX = time_words().words("present_aux")


def _aux_words(verb) -> set[str]:
    return {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}


def _past_perfect(verb) -> bool:
    """'had been scheduled to', 'had been due to': a plan already over at the time of the report."""
    if "had" in _aux_words(verb):
        return True
    head = verb.head
    return verb.dep_ == "acomp" and head.i != verb.i and "had" in _aux_words(head)


def _verb_tense(verb) -> Tense:
    """Future for modals and plans ("plans to meet", "planned to leave Thursday", "is scheduled");
    an infinitive after a modal is future too; else past or present."""
    lowered = _aux_words(verb)
    if "have" in lowered and lowered & PAST_MODALS:
        return "past"  # "may have been responsible", "would have closed": a modal perfect looks back
    if lowered & FUTURE_AUX:
        return "future"
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children):
        head = verb.head
        if head.i != verb.i:
            if head.lemma_ in FUTURE_VERBS:
                return "past" if _past_perfect(head) else "future"
            if head.lemma_ in INTENT_HEADS and verb.dep_ == "xcomp":
                return "future"
            if _aux_words(head) & FUTURE_AUX:  # "will try to meet Friday"
                return "future"
    if verb.lemma_ in FUTURE_VERBS and verb.tag_ == "VBN" and verb.dep_ == "acl":
        # "a service planned for Saturday was canceled": the plan is as old as the clause it sits in
        clause = _governing_verb(verb.head)
        return "past" if clause is not None and _verb_tense(clause) == "past" else "future"
    if verb.lemma_ in FUTURE_VERBS and verb.tag_ != "VBD" and not lowered & PAST_AUX - {"has", "have"}:
        return "future"
    if verb.tag_ == "VBG" and lowered & PRESENT_AUX and verb.lemma_ != "say":
        return "future"
    if verb.tag_ == "VBG" and not lowered and verb.dep_ in ("pcomp", "advcl", "acl"):
        # "would leave Monday, with the third departing from August 6": a bare participle
        # takes the tense of the clause it hangs from
        clause = _governing_verb(verb.head)
        if clause is not None and clause.i != verb.i:
            return _verb_tense(clause)
    if verb.tag_ == "VBN" and lowered & PRESENT_AUX and not lowered & PAST_AUX:
        return "present"  # a present passive: "the festival is held in August"
    if verb.tag_ in ("VBD", "VBN") or lowered & PAST_AUX:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return "past"
