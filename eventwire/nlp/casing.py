"""Case restoration before the parse: ALL-CAPS wires, lower-cased archives, Title Case headlines.

The text is read in blocks (lines). A block whose case is degenerate gets a restored copy of
the **same length**: only the case of letters changes, and only where that keeps one character
one character, so every offset stays valid. spaCy parses the restored text; at the end
`map_spans_to_original` puts the document's own characters back into every span of the result.
Normal blocks cost a letter count and are returned as they are (docs/casing.md).

The truecaser is a table of word forms counted in cased news (scripts/build_truecase_model.py):
a word takes its commonest form, the form seen after the previous word or before the next one
when the word is ambiguous (WHO/who, US/us), a name's Title Case after a title ("COL. RICE"),
and a capital at the start of a sentence.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from eventwire.knowledge import package_file
from eventwire.nlp.lines import JOINING_MARKS, headline_before_dateline

DATA = Path(__file__).parent / "data"
MODEL_PATH = DATA / "truecase.json.gz"

# A word: letters, joined by an apostrophe or a dot inside it ("RUSSIA'S", "U.S").
WORD = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?]")
FULL_STOP = re.compile(r"([.!?])[\"'”’)\]*]*(?:\s|$)")  # closing quotes, brackets and footnote stars
QUOTE_AFTER_COLON = re.compile(r":\s*(?:“|\"|``|‘|')$")
QUOTE_CLOSE = re.compile(r"[\"”’']")
DATELINE_DASH = re.compile(r"(?:^|[\s)])(?:-|--|–|—|_)\s|--")
DATELINE_WORDS = 5
Mode = Literal["upper", "lower", "title"]

# Block decisions (shares of cased letters / of words).
UPPER_SHARE = 0.9  # ALL CAPS: at least this share of cased letters upper
LOWER_SHARE = 0.01  # all lower: at most this share of cased letters upper
MIN_WORDS = 3  # the shortest Title Case headline
# Lines shorter than this follow the document's case: a shouted dateline ("BUFFALO, N.Y. (AP) --")
# in a normal article is left as written (re-casing such lines changed 5 of 457 news documents, no better).
OWN_CASE_WORDS = 4
MAX_HEADLINE_WORDS = 25
# A line longer than this is no hard-wrapped piece of a sentence: where it ends without a full stop, its sentence ends
# with it, as in stories written one sentence per line ("... IN PHNOM PENH SUNDAY\nTHE POPULAR FIGURE WAS ...").
UNWRAPPED_LINE = 100
# Words a line may end in when its sentence goes on below (nlp/lines.py's test, on the text; its JOINING_MARKS too).
OPEN_LINE_WORDS = frozenset(
    {"in", "on", "at", "of", "to", "for", "with", "by", "from", "the", "a", "an", "and", "or", "but", "nor", "that"}
    | {"its", "their", "his", "her"}
)
TERMINAL_END = re.compile(r"[.!?:\"”')]$")
APOSTROPHE_SUFFIXES = {"s", "t", "ll", "re", "ve", "d", "m"}
CONTEXT_WEIGHT = 4.0
NAME_SHARE = 0.05  # after a title, a lower-case word is a name when at least this share of its uses are capitalised
RARE_WORD = 3  # a word seen at most this often (dictionary evidence only: "hogg") is a surname after a first name
SURNAME_SHARE = 0.2  # ...as is one capitalised in at least this share of its uses ("burns")
COMMON_MONTH_SHARE = 0.3  # a month name written lower case in at least this share of its uses is a common word too
MAX_PHRASE = 5  # the longest multi-word name in the model's phrase table
MIN_POSSESSIVE = 10  # a possessive ("army's") seen less often than this is restored as its word ("army")


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]
    titles_alone: frozenset[str]
    function_words: frozenset[str]
    determiners: frozenset[str]
    abbreviations: frozenset[str]
    particles: frozenset[str]
    name_titles: frozenset[str]
    rank_prefixes: frozenset[str]
    noun_determiners: frozenset[str]
    lower_abbreviations: frozenset[str]
    street_words: frozenset[str]
    name_heads: frozenset[str]
    not_name_starts: frozenset[str]
    months: frozenset[str]
    agencies: frozenset[str]
    company_suffixes: frozenset[str]
    acronym_connectors: frozenset[str]
    sentence_openers: frozenset[str]
    number_suffixes: frozenset[str]
    state_abbreviations: frozenset[str]
    number_signs: frozenset[str]
    name_continuers: frozenset[str]
    name_inner: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = package_file("eventwire.nlp", "data", "casing.yaml")
    names = (
        "titles",
        "titles_alone",
        "function_words",
        "determiners",
        "abbreviations",
        "particles",
        "name_titles",
        "rank_prefixes",
        "noun_determiners",
        "lower_abbreviations",
        "street_words",
        "name_heads",
        "not_name_starts",
        "months",
        "agencies",
        "company_suffixes",
        "acronym_connectors",
        "sentence_openers",
        "number_suffixes",
        "state_abbreviations",
        "number_signs",
        "name_continuers",
        "name_inner",
    )
    return Lexicon(*(data.words(name) for name in names))


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """words: key -> form counts; contexts: "previous key" / "key >next" -> form counts;
    phrases: multi-word key -> its cased form ("syrian armed forces" -> "Syrian Armed Forces"); first_names."""
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    data["first_names"] = frozenset(data.get("first_names", ()))
    data["common_first_names"] = frozenset(data.get("common_first_names", ()))
    data["demonyms"] = frozenset(data.get("demonyms", ()))
    data["lone_lower"] = frozenset(data.get("lone_lower", ()))
    data.setdefault("phrases", {})
    return data


# ---- word forms -----------------------------------------------------------------------------


def key_of(word: str) -> str:
    """The model's key for a word: lower case, one apostrophe ("Russia’s" -> "russia's")."""
    return word.lower().replace("’", "'")


def form_of(word: str) -> str:
    """A word's form: "l" lower, "u" UPPER, "t" Title (also one capital), else the word itself ("McCain")."""
    if word == word.lower():
        return "l"
    if word[0].isupper() and word[1:] == word[1:].lower():
        return "t"
    if word == word.upper():
        return "u"
    return word


def _set_case(char: str, upper: bool) -> str:
    changed = char.upper() if upper else char.lower()
    return changed if len(changed) == 1 else char


def apply_form(word: str, form: str) -> str:
    """`word` in `form`, same length: a letter whose case change would add characters stays as it is."""
    if form == "l":
        return "".join(_set_case(c, False) for c in word)
    if form == "u":
        return "".join(_set_case(c, True) for c in word)
    if form != "t" and len(form) == len(word) and form.lower() == word.lower():
        return "".join(_set_case(c, f.isupper()) for c, f in zip(word, form, strict=True))
    return _set_case(word[0], True) + "".join(_set_case(c, False) for c in word[1:])


# ---- sentences ------------------------------------------------------------------------------


def sentence_words(text: str) -> Iterator[list[tuple[str, int, int]]]:
    """Words of `text` grouped by sentence: a new one after . ! ? (not after an abbreviation), a blank line,
    or the dash after a dateline ("KYIV, Ukraine - A Russian drone ...")."""
    sentence: list[tuple[str, int, int]] = []
    previous_end = 0
    first = True
    for match in WORD.finditer(text):
        gap = text[previous_end : match.start()]
        dateline = first and 0 < len(sentence) <= DATELINE_WORDS and _dateline_ends(text, gap, sentence[-1][1])
        if sentence and (dateline or _ends_sentence(text, gap, sentence[-1], match.group())):
            yield sentence
            sentence = []
            first = False
        sentence.append((match.group(), match.start(), match.end()))
        previous_end = match.end()
    if sentence:
        yield sentence


def _dateline_ends(text: str, gap: str, previous_start: int) -> bool:
    """A dash after the first words, or an agency in brackets ("ATLANTA (AP) AN AIDE", "MOSCOW (AP)_ THE")."""
    if DATELINE_DASH.search(gap):
        return True
    agency = text[previous_start - 1 : previous_start] == "(" and _is_agency(text[previous_start:])
    return gap.startswith(")") and agency


def _is_agency(text: str) -> bool:
    """`text` opens with a news agency's name ("AP", "Xinhua")."""
    match = WORD.match(text)
    return match is not None and key_of(match.group()) in lexicon().agencies


def _period_belongs(text: str, word: tuple[str, int, int]) -> bool:
    """A period right after `word` is part of it: an abbreviation ("GEN.", "U.S.", "J.") or a US state's after a
    place ("SEVERN, MD. MAN"); not letters glued to a number ("1990S.", "1ST.")."""
    key, start, end = key_of(word[0]), word[1], word[2]
    if start and text[start - 1].isdigit():
        return False
    if key in lexicon().abbreviations or "." in key or len(key) == 1:
        return True
    return _is_state(text, key, start, end) or _is_number_sign(text, key, end)


def _ends_sentence(text: str, gap: str, previous: tuple[str, int, int], following: str) -> bool:
    """Whether the `gap` between the word `previous` and the word `following` ends a sentence."""
    if "\n\n" in gap or QUOTE_AFTER_COLON.search(gap):
        return True  # a blank line; a quotation after a colon: 'SAID: "WE WILL'
    stop = FULL_STOP.search(gap)  # "$127.8 million" has a dot but no full stop
    if stop is None:
        return False
    if stop.group(1) in "?!":
        # a quoted question goes on with its speaker: '"ARE YOU LOST?" ASKS THE ANGEL', '"WHY?" HE SAID'
        return not QUOTE_CLOSE.match(gap, stop.end(1))
    if stop.start() or FULL_STOP.search(gap, 1):
        return True  # "ON NOV. 17. THE": a number's full stop after the abbreviation's period
    # "U.S. officials", "Gen. Smith", "J. Smith": the period belongs to the word, unless a word that opens sentences,
    # never a name, follows a word that is no title: "IN THE U.S. THE TALKS"
    words = lexicon()
    key = key_of(previous[0])
    opens = (
        key_of(following) in words.sentence_openers
        and key not in words.titles
        and key not in words.lower_abbreviations
        and not gap[stop.end() :].strip()  # "NOV. 3, THE DAY BEFORE": a date goes on
    )
    return opens or not _period_belongs(text, previous)


STATE_BEFORE = re.compile(r"(?:,\s*|\()$")  # "BIRMINGHAM, ALA.", "(GA.)"


NUMBER_AFTER = re.compile(r"\.\s?\d")


def _is_number_sign(text: str, key: str, end: int) -> bool:
    """ "No." before a number: "TEAM NO. 225" -> "No. 225" (the period ends no sentence)."""
    return key in lexicon().number_signs and NUMBER_AFTER.match(text, end) is not None


def _is_state(text: str, key: str, start: int, end: int) -> bool:
    """A US state's abbreviation with its period after a place and a comma or in brackets: "BIRMINGHAM, ALA.,",
    "(GA.)"; elsewhere the same letters are a word ("FELL ILL.")."""
    return (
        text[end : end + 1] == "."
        and key in lexicon().state_abbreviations
        and STATE_BEFORE.search(text, max(0, start - 3), start) is not None
    )


# ---- the truecaser --------------------------------------------------------------------------


def _distribution(counts: dict[str, int] | None) -> dict[str, float]:
    if not counts:
        return {}
    total = sum(counts.values())
    return {form: n / total for form, n in counts.items()}


def _best_of(counts: dict[str, int] | dict[str, float]) -> str:
    """The form with the highest count or score (the first in order of a tie)."""
    return max(sorted(counts), key=lambda form: counts[form])


def _name_goes_on(following: str) -> bool:
    """The next word carries a name on: one mostly capitalised or unknown ("the Al-Sweida"), or a `name_continuers`
    word ("the Centers for Disease Control")."""
    if following in lexicon().name_continuers:
        return True
    counts = model()["words"].get(following)
    return not counts or _name_share(counts) >= 0.5


def _name_start_only(key: str, counts: dict[str, int], previous: str, following: str, right: dict | None) -> bool:
    """Whether the capitals seen after a determiner ("the child": 7 of 9 capitalised) say nothing for this use: they
    come from names that the word begins ("the Child Rights Commission"), so a word mostly written lower case is no
    name on its own ("the child was"), unless the next word carries the name on or sides with the capital."""
    words = lexicon()
    if previous not in words.determiners or key in words.function_words or _best_of(counts) != "l":
        return False
    return not _name_goes_on(following) and not (right and _best_of(right) == "t")


def _is_name_word(key: str) -> bool:
    """A word the table knows mostly capitalised ("bushnell"), not a function word; False for "" and unknown words."""
    counts = model()["words"].get(key)
    return bool(counts) and key not in lexicon().function_words and _best_of(counts) == "t"


def choose_form(key: str, previous: str, following: str) -> str | None:
    """The likeliest form of the lower-cased word `key` between two lower-cased neighbours; None when unknown."""
    data = model()
    counts = data["words"].get(key)
    if counts is None:
        return None
    scores = _distribution(counts)
    words = lexicon()
    if key in words.months and counts.get("l", 0) >= COMMON_MONTH_SHARE * sum(counts.values()):
        scores = {"l": 0.5}  # "may", "march": a month where a neighbour says so ("in May"; "MAY 22" is seen before)
    contexts = data["contexts"]
    left, right = contexts.get(f"{previous} {key}"), contexts.get(f"{key} >{following}")
    if left and _name_start_only(key, counts, previous, following, right):
        left = {form: n for form, n in left.items() if form != "t"}
    for context in (left, right):
        for form, share in _distribution(context).items():
            scores[form] = scores.get(form, 0.0) + CONTEXT_WEIGHT * share
    if previous in words.determiners and key in words.function_words and key not in words.determiners:
        # "the WHO", "the US", "the IT sector": a pronoun cannot follow "the", an acronym can ("the the" is a slip).
        # Title Case counts are mostly missed sentence starts, so only an acronym or mixed form is taken ("the said
        # report" stays).
        acronyms = {form: score for form, score in scores.items() if form not in {"l", "t"}}
        scores = acronyms or scores
    best = _best_of(scores)
    if (
        previous in words.titles
        and best == "l"
        and key not in words.function_words
        and (
            _name_share(counts) >= NAME_SHARE
            or (_is_rare(counts) and (previous in words.abbreviations or _is_name_word(following)))
        )
    ):
        # "COL. RICE", "GEN. READING"; after an abbreviated title, or before a name, also a word with dictionary
        # evidence only ("SEN. IKE", "AMBASSADOR PRUDENCE BUSHNELL"); not "the president SAID", "the judge ADJOURNED"
        return "t"
    return best


# Inflections tried on a word the model lacks: "bedrooms" takes the form of "bedroom".
SUFFIXES = (
    ("ied", "y"),
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("er", ""),
    ("est", ""),
    ("ness", ""),
    ("ment", ""),
)


def inflection_of(key: str) -> tuple[str, str, str] | None:
    """(the word `key` inflects, its suffix, the stem's replacement), when the model knows that word."""
    words = model()["words"]
    for suffix, replacement in SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3 and key[: -len(suffix)] + replacement in words:
            return key[: -len(suffix)] + replacement, suffix, replacement
    return None


def inflected_form(key: str) -> str | None:
    """The form of the word `key` inflects, when the model knows it."""
    found = inflection_of(key)
    if found is None:
        return None
    base, suffix, replacement = found
    counts = model()["words"][base]
    best = max(sorted(counts), key=lambda form: counts[form])
    if best == "u" and not replacement:  # an acronym's ending in lower case: "CEOs", "IEDs"
        return key[: -len(suffix)].upper() + suffix
    return best


def _is_rare(counts: dict[str, int]) -> bool:
    return sum(counts.values()) <= RARE_WORD


def _name_share(counts: dict[str, int]) -> float:
    return 1 - counts.get("l", 0) / sum(counts.values())


def _unknown_form(word: str, mode: Mode) -> str:
    """A word the model lacks: an acronym ("u": short, dotted or without a vowel, "N.Y", "TTC") or else a name
    ("t"), in ALL CAPS and in lower case alike; in a headline as written."""
    if mode == "title":
        return form_of(word)
    letters = word.replace(".", "")
    if len(letters) <= 3 or "." in word or not re.search(r"[aeiouy]", letters.lower()):
        return "u"
    if len(word) >= 5 and word[:2].lower() == "mc" and word[2:].isalpha():
        return "Mc" + word[2].upper() + word[3:].lower()  # "MCKINNON" -> "McKinnon", as Scottish and Irish names go
    return "t"


def split_possessive(word: str) -> tuple[str, str]:
    """("ARMY", "’S") for "ARMY’S"; (word, "") for a word without a possessive ending."""
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
        return word[:-2], word[-2:]
    return word, ""


def _restore_word(word: str, previous: str, following: str, mode: Mode) -> str:
    stem, ending = split_possessive(word)
    seen = model()["words"].get(key_of(word))
    if ending and key_of(stem) in model()["words"] and sum(seen.values() if seen else ()) < MIN_POSSESSIVE:
        # A possessive seen too rarely is restored as its word is ("LATAKIA GOVERNORATE’S"); a common one keeps its
        # own counts, which differ: "the committee's chairman" is mostly the committee named before.
        return _restore_word(stem, previous, following, mode) + ending.lower()
    key = key_of(word)
    form = choose_form(key, previous, following) or inflected_form(key)
    if form is not None:
        return apply_form(word, form)
    parts = re.split(r"(['’])", word)
    if len(parts) == 3:  # RUSSIA'S -> Russia's, O'BRIEN -> O'Brien
        head = _restore_word(parts[0], previous, following, mode)
        tail = parts[2].lower() if parts[2].lower() in APOSTROPHE_SUFFIXES else _restore_word(parts[2], "", "", mode)
        return head + parts[1] + apply_form(parts[2], form_of(tail))
    return apply_form(word, _unknown_form(word, mode))


def phrase_forms(text: str, words: list[tuple[str, int, int]], keys: list[str]) -> dict[int, str]:
    """Forms of the words inside known multi-word names ("SYRIAN ARMED FORCES"), longest match first.

    A name's words are joined by spaces only: "Syria, armed forces" is no match."""
    phrases = model()["phrases"]
    forms: dict[int, str] = {}
    position = 0
    while position < len(words):
        size = 1
        for size in range(min(MAX_PHRASE, len(words) - position), 1, -1):
            span = range(position, position + size)
            if any(text[words[i - 1][2] : words[i][1]].strip() for i in span[1:]):
                continue
            cased = phrases.get(" ".join(keys[position : position + size]))
            if cased is not None:
                forms.update({i: form_of(part) for i, part in zip(span, cased.split(" "), strict=True)})
                break
        else:
            size = 1
        position += size
    return forms


def _is_surname(
    text: str,
    words: list[tuple[str, int, int]],
    keys: list[str],
    position: int,
    previous_restored: str,
    previous_is_name: bool,
) -> bool:
    """A word after a first name ("DAVID HOGG") is a surname when it is rare or sometimes capitalised; after a title
    and a name the table knows too little to list as a first name ("MAYOR KASIM REED", "THE REV. MITZI BICKERS"),
    when it is rare or read only as an inflection.

    `previous_is_name`: the word before was restored capitalised on its own (not for a sentence start)."""
    key, previous, lexicon_words = keys[position], keys[position - 1], lexicon()
    if key in lexicon_words.function_words or key in lexicon_words.particles or form_of(previous_restored) != "t":
        return False
    counts = model()["words"].get(key)
    if not counts and _reads_as_verb(text, words, keys, position):
        return False
    if previous in model()["first_names"]:
        if counts and _best_of(counts) == "u":
            return False  # an acronym ("ALEXANDRE DE JUNIAC (AIR FRANCE KLM)")
        if (not counts or _name_share(counts) < SURNAME_SHARE) and _not_surname_ending(key):
            return False  # a verb or an adverb after the name ("MATTHEW WILLIAMS SLASHED", "BETSY UTTERLY")
        return not counts or _is_rare(counts) or _name_share(counts) >= SURNAME_SHARE
    if position < 2 or keys[position - 2] not in lexicon_words.titles:
        return False
    if text[words[position - 2][2] : words[position - 1][1]].strip(". "):
        return False  # "REV. MITZI": the title directly before the name
    if not previous_is_name or not _only_a_name(previous) or not _joined(text, words, position)[0]:
        return False
    if not key.isalpha() or _not_surname_ending(key):
        return False  # "reed" is no "-ed" form
    # only a word restored lower case otherwise: a rare one, or one the table reads as an inflection ("bickers")
    return _best_of(counts) == "l" and _is_rare(counts) if counts else inflected_form(key) == "l"


NOT_SURNAME_ENDINGS = ("ly", "ed", "ing")  # "GEN. BETSY UTTERLY": an adverb or a verb after a name


def _not_surname_ending(key: str) -> bool:
    return any(key.endswith(end) and len(key) - len(end) >= 3 for end in NOT_SURNAME_ENDINGS)


def _only_a_name(key: str) -> bool:
    """A name the table knows only as a name, if at all ("mitzi", "glafcos", "glenn"); not a short one ("ge")."""
    if len(key) < 4 or not key.isalpha() or key in lexicon().function_words:
        return False  # "ge"; a possessive ("Elian's paternal") is followed by the thing possessed
    counts = model()["words"].get(key)
    if counts is None:
        return inflected_form(key) is None
    return _is_rare(counts) and "l" not in counts


def _reads_as_verb(text: str, words: list[tuple[str, int, int]], keys: list[str], position: int) -> bool:
    """A word the table lacks that reads as a verb in "s" of a word written lower case, directly before a determiner
    ("CONCEDES THE", "JOKES THAT"): no surname ("LAURA WICKERS, 41" is one)."""
    key = keys[position]
    if not key.endswith("s") or position + 1 >= len(words) or inflected_form(key) != "l":
        return False
    return _joined(text, words, position)[1] and keys[position + 1] in lexicon().noun_determiners


def _named_by_context(key: str, restored: str) -> bool:
    """A word restored as a name that the model has seen too rarely to know as a common word ("hogg") or never
    ("wickers", which would read as the plural of "wicker" elsewhere): a common
    word such as "army" or "energy" after a first name is not the same name again in another sentence."""
    counts = model()["words"].get(key)
    return form_of(restored) == "t" and key not in lexicon().function_words and (not counts or _is_rare(counts))


def name_again(text: str, names: set[str]) -> str:
    """`text` with lower-case words that the document names elsewhere given a capital: news names a person
    in full once ("DAVID HOGG") and by the surname after ("HOGG SAID")."""
    if not names:
        return text
    out = list(text)
    previous_end, previous = 0, ""
    for match in WORD.finditer(text):
        word = match.group()
        if word.islower() and key_of(word) in names and _name_position(text[previous_end : match.start()], previous):
            out[match.start()] = _set_case(word[0], True)
        previous_end, previous = match.end(), key_of(word)
    return "".join(out)


def _name_position(gap: str, previous: str) -> bool:
    """Where a surname alone stands: after punctuation or a function word ("OF HOGG", "BUT HOGG"), not after a
    determiner or a content word ("HIS TOMB", "THE NEW CELLULAR")."""
    words = lexicon()
    if gap.strip() or not previous:
        return True
    return previous in words.function_words and previous not in words.noun_determiners


def _joined(text: str, words: list[tuple[str, int, int]], position: int) -> tuple[bool, bool]:
    """Whether the word at `position` is joined by spaces only to the previous and to the next word."""
    start, end = words[position][1:]
    before = position > 0 and not text[words[position - 1][2] : start].strip()
    after = position + 1 < len(words) and not text[end : words[position + 1][1]].strip()
    return before, after


def _is_common_first_name(
    text: str, words: list[tuple[str, int, int]], keys: list[str], position: int, mode: Mode
) -> bool:
    """A first name that is mostly a common word ("BILL", "DON", "MARK") before a surname the model does not know,
    where a name can start: at the sentence start, after punctuation or after a title ("SEN. BILL NELSON",
    ", BILL O'REILLY,"); not "THEY MARK EKWEREMADU" nor "SAID EKWEREMADU"."""
    key = keys[position]
    if key not in model()["common_first_names"] or key in lexicon().function_words or key in lexicon().particles:
        return False
    if position + 1 >= len(words):
        return False
    joined_before, joined_after = _joined(text, words, position)
    following = split_possessive(words[position + 1][0])[0]
    if not joined_after or key_of(following) in model()["words"] or _unknown_form(following, mode) != "t":
        return False
    return not joined_before or keys[position - 1] in lexicon().titles


def _is_street(
    text: str, words: list[tuple[str, int, int]], keys: list[str], position: int, previous_is_name: bool
) -> bool:
    """A street word after a name is part of it: "EGLINTON AVENUE", "IN TAHRIR SQUARE"; street names take no article,
    so "the avenue" and "a Cairo street" stay."""
    words_list = lexicon()
    if not previous_is_name or keys[position] not in words_list.street_words or not _joined(text, words, position)[0]:
        return False
    return position < 2 or keys[position - 2] not in words_list.determiners


def _is_abbreviation(text: str, key: str, start: int, end: int) -> bool:
    """An abbreviation with its period, written with a capital: "TONY LAMA CO." -> "Co.", "GEN." -> "Gen.", and a
    US state's after a place and a comma or in brackets: "BIRMINGHAM, ALA.," -> "Ala.", "(GA.)" -> "(Ga.)"."""
    words = lexicon()
    if text[end : end + 1] != ".":
        return False
    if _is_state(text, key, start, end) or _is_number_sign(text, key, end):
        return True
    return key in words.abbreviations and key not in words.lower_abbreviations


DAY_AFTER = re.compile(r"\.? ?\d")
DAY_BEFORE = re.compile(r"\d ?$")


def _is_date_month(text: str, key: str, start: int, end: int) -> bool:
    """A month beside a day's number: "MAY 22", "18 MAY" (the modal "may" never stands there)."""
    if key not in lexicon().months:
        return False
    return DAY_AFTER.match(text, end) is not None or DAY_BEFORE.search(text, max(0, start - 3), start) is not None


def _is_number_suffix(text: str, key: str, start: int) -> bool:
    """An ending glued to a number: "1990S", "1ST", "$3.7M"."""
    return start > 0 and text[start - 1].isdigit() and key in lexicon().number_suffixes


AFTER_COLON = re.compile(r":\s+$")


def _opens_after_colon(text: str, key: str, start: int) -> bool:
    """A sentence opener after a colon starts a sentence, as news writes it: "OTHER NEWS: THE ARMY SAID"."""
    return key in lexicon().sentence_openers and AFTER_COLON.search(text, max(0, start - 4), start) is not None


def _is_initial(text: str, word: str, end: int) -> bool:
    """A single letter with a full stop, "J." in "Johnathan J. Dunbar" (not the article "a" or the pronoun "i")."""
    return len(word) == 1 and word.lower() not in {"a", "i"} and text[end : end + 1] == "."


def restore_block(
    text: str,
    mode: Mode,
    starts_sentence: bool = True,
    names: set[str] | None = None,
    acronyms: set[str] | None = None,
) -> str:
    """`text` with its likely casing, same length and characters apart from case.

    `names` collects the keys of words made names by their context (a first name or a title before them,
    "DAVID HOGG", "SEN. EKWEREMADU"), for `name_again` to find them elsewhere in the document; `acronyms` those
    of acronyms spelt out before them ("... SERVICE (INS)"), for `acronym_again`."""
    out = list(text)
    name_titles = lexicon().name_titles
    for index, words in enumerate(sentence_words(text)):
        keys = [key_of(word) for word, _, _ in words]
        # names and neighbours without a possessive ending: "US MILITARY'S" is read as "us military"
        stems = [key_of(split_possessive(word)[0]) for word, _, _ in words]
        in_phrase = phrase_forms(text, words, stems)
        restored = ""
        previous_is_name = False
        by_counts: list[int] = []  # positions whose form came from the table's counts alone
        for position, (word, start, end) in enumerate(words):
            named = False  # made a name by a first name or a title before it
            previous = keys[position - 1] if position else ""
            if position and _is_number_suffix(text, previous, words[position - 1][1]):
                previous = ""  # "1ST PIANO": no title "St." before the word
            following = stems[position + 1] if position + 1 < len(words) else ""
            if mode == "title" and len(word) > 1 and word.isupper():
                restored = word  # an acronym in a Title Case headline: "WHO Worker Shot Dead"
            elif position in in_phrase:
                stem, ending = split_possessive(word)
                restored = apply_form(stem, in_phrase[position]) + ending.lower()
            elif _is_number_suffix(text, keys[position], start):
                restored = word.lower()
            elif _is_initial(text, word, end):
                restored = word.upper()
            elif _is_abbreviation(text, keys[position], start, end) or _is_date_month(text, keys[position], start, end):
                restored = apply_form(word, "t")
            elif position and previous and _is_surname(text, words, keys, position, restored, previous_is_name):
                restored = apply_form(word, "t")
                named = True
            elif _is_common_first_name(text, words, keys, position, mode) or _is_street(
                text, words, keys, position, previous_is_name
            ):
                restored = apply_form(word, "t")  # "BILL O'REILLY", "EGLINTON AVENUE"
            else:
                restored = _restore_word(word, previous, following, mode)
                by_counts.append(position)
            previous_is_name = restored[0].isupper() and len(restored) > 1  # before a sentence start's capital
            named = named or previous in name_titles
            if named and names is not None and _named_by_context(keys[position], restored):
                names.add(keys[position])
            if (position == 0 and (index > 0 or starts_sentence)) or _opens_after_colon(text, keys[position], start):
                restored = _set_case(restored[0], True) + restored[1:]
            out[start:end] = restored
        _capitalise_titles(out, text, words, keys)
        _lower_titles_alone(out, text, words, keys)
        _capitalise_name_heads(out, text, words, keys)
        _capitalise_company_names(out, text, words, keys)
        if mode != "title":
            _lower_lone_capitals(out, text, words, keys, by_counts)
            _capitalise_spelt_out(out, text, words, keys, acronyms)
    return "".join(out)


def _lower_lone_capitals(
    out: list[str], text: str, words: list[tuple[str, int, int]], keys: list[str], positions: list[int]
) -> None:
    """A word the counts gave a capital, with no capitalised neighbour, is lower-cased when news writes it lower case
    more often than capitalised on its own (`lone_lower`, learned from the running text): its capitals come from the
    names it is part of ("National Assembly"), so "THE NATIONAL EXCHEQUER" -> "the national exchequer", while "the
    Syrian National Council" and "Congress" (capitalised alone) keep theirs. The sentence's first word is no neighbour:
    its capital says nothing."""
    lone_lower, table = model()["lone_lower"], model()["words"]
    for position in positions:
        start, end = words[position][1:]
        key = keys[position]
        if key not in table and (found := inflection_of(key)) is not None:
            key = found[0]  # "hurricanes" is read as "hurricane"
        if not position or key not in lone_lower or form_of("".join(out[start:end])) != "t":
            continue
        if _opens_after_colon(text, keys[position], start):
            continue
        if not any(_capitalised_neighbour(out, text, words, keys, position, step) for step in (-1, 1)):
            out[start] = _set_case(out[start], False)


def _capitalised_neighbour(
    out: list[str], text: str, words: list[tuple[str, int, int]], keys: list[str], position: int, step: int
) -> bool:
    """Whether the restored word next to `position` (`step` -1 before, +1 after) is capitalised and joined to it inside
    a name (`name_gap`), or is a name's inner word ("of", "and") with one beyond it ("Ministry of Defence"); a
    sentence's first word counts when the table knows it as a name ("Maryland State Police")."""
    other = position + step
    while 0 <= other < len(words):
        first, second = sorted((other - step, other))
        if not name_gap(text[words[first][2] : words[second][1]]):
            return False
        if keys[other] not in lexicon().name_inner:
            return out[words[other][1]].isupper() and (other > 0 or _is_name_word(keys[other]))
        other += step
    return False


def name_gap(gap: str) -> bool:
    """What may stand between two words of a name: spaces, an abbreviation's period ("U.S. Embassy") or a hyphen
    ("Secretary-General"); not a comma nor a spaced dash."""
    return not gap.strip() or (gap[0] == "." and not gap[1:].strip()) or gap == "-"


MAX_COMPANY_WORDS = 4  # "Federal Deposit Insurance Corp.": at most this many words before the suffix


def _capitalise_company_names(out: list[str], text: str, words: list[tuple[str, int, int]], keys: list[str]) -> None:
    """Before a company suffix restored as a name ("Corp.", "Inc.", "LLC"), the words back to a function word or
    punctuation are the company's name when news capitalises them at times: "FEDERAL DEPOSIT INSURANCE CORP."
    -> "Federal Deposit Insurance Corp.", while "SAID PIONEER ELECTRIC CORP." keeps "said"."""
    suffixes = lexicon().company_suffixes
    for position in range(1, len(words)):
        if keys[position] not in suffixes or not out[words[position][1]].isupper():
            continue
        for inside in range(position - 1, max(position - 1 - MAX_COMPANY_WORDS, -1), -1):
            gap = text[words[inside][2] : words[inside + 1][1]].strip()
            if gap not in ("", "&") and not (gap == "," and inside == position - 1):
                break
            if not _may_be_name(keys[inside]):
                break
            out[words[inside][1]] = _set_case(out[words[inside][1]], True)


def _may_be_name(key: str) -> bool:
    """A word news capitalises at times, or too rare to know: a name's word ("electric", "deposit", "starpointe")."""
    words = lexicon()
    if key in words.function_words or key in words.particles or key in words.noun_determiners:
        return False
    counts = model()["words"].get(split_possessive(key)[0])
    return not counts or _is_rare(counts) or _name_share(counts) >= NAME_SHARE


MAX_ACRONYM = 8
ACRONYM_COMMON = 50  # a spelt-out acronym seen lower case more often than this is a common word too ("care", "act")


def _capitalise_spelt_out(
    out: list[str], text: str, words: list[tuple[str, int, int]], keys: list[str], acronyms: set[str] | None
) -> None:
    """A name spelt out before its acronym in brackets takes capitals, and the acronym is one, as news defines
    them: "THE IMMIGRATION AND NATURALIZATION SERVICE (INS)" -> "the Immigration and Naturalization Service (INS)"."""
    for position in range(1, len(words)):
        word, start, end = words[position]
        if text[start - 1 : start] != "(" or text[end : end + 1] != ")" or not 2 <= len(word) <= MAX_ACRONYM:
            continue
        if not word.isalpha() or text[words[position - 1][2] : start].strip() != "(":
            continue
        spelt = _spelt_out(text, words, keys, keys[position], position - 1)
        if spelt is None:
            continue
        for inside in spelt:
            out[words[inside][1]] = _set_case(out[words[inside][1]], True)
        out[start:end] = [_set_case(char, True) for char in word]
        if acronyms is not None and keys[position] not in lexicon().function_words:
            acronyms.add(keys[position])


def _spelt_out(
    text: str, words: list[tuple[str, int, int]], keys: list[str], letters: str, position: int
) -> list[int] | None:
    """Positions of the words ending at `position` whose initials spell `letters` (connectors such as "of", "and"
    may stand between them unspelt), or None: "organization of petroleum exporting countries" spells "opec"."""
    if not letters:
        return []
    if position < 0:
        return None
    key = keys[position]
    following_gap = text[words[position][2] : words[position + 1][1]].strip() if position + 1 < len(words) else ""
    if following_gap not in ("", "&", "("):
        return None
    connector = key in lexicon().acronym_connectors
    if connector:
        skipped = _spelt_out(text, words, keys, letters, position - 1)
        if skipped is not None and skipped:
            return skipped
    if key[0] != letters[-1] or (connector and len(letters) == 1):
        return None
    rest = _spelt_out(text, words, keys, letters[:-1], position - 1)
    return None if rest is None else [*rest, position]


MIN_INITIALS = 3  # "ins"; two letters spell too many words ("an", "as")


def name_initials(text: str) -> set[str]:
    """Words of restored `text` that spell the initials of three or more words of a capitalised name in it: news
    names an organisation in full once and by its initials after, brackets or not ("THE IMMIGRATION AND
    NATURALIZATION SERVICE ... THE INS SAID"), and the table may know those letters as a word ("ins")."""
    candidates = {
        key_of(word) for word in WORD.findall(text) if word.islower() and MIN_INITIALS <= len(word) <= MAX_ACRONYM
    }
    if not candidates:
        return set()
    connectors = lexicon().acronym_connectors
    runs = []
    for match in name_run_pattern().finditer(text):
        letters = "".join(word[0] for word in match.group().lower().split() if word not in connectors)
        if len(letters) >= MIN_INITIALS:
            runs.append(letters)
    return {key for key in candidates if key.isalpha() and any(key in letters for letters in runs)}


@lru_cache(maxsize=1)
def name_run_pattern() -> re.Pattern[str]:
    """Runs of capitalised words joined by single spaces, connectors ("of", "and") between them."""
    connectors = "|".join(sorted(lexicon().acronym_connectors))
    word = r"[A-Z][^\W\d_]*"
    return re.compile(rf"\b{word}(?: (?:(?:{connectors}) )*{word})*\b")


def acronym_again(text: str, acronyms: set[str]) -> str:
    """`text` with the acronyms the document spelt out ("... SERVICE (INS)") in capitals wherever they stand alone
    ("THE INS SAID"), except those often seen as common words."""
    if not acronyms:
        return text
    out = list(text)
    for match in WORD.finditer(text):
        counts = model()["words"].get(key_of(match.group()), {})
        if key_of(match.group()) in acronyms and counts.get("l", 0) <= ACRONYM_COMMON:
            out[match.start() : match.end()] = [_set_case(char, True) for char in match.group()]
    return "".join(out)


MAX_HEAD_DISTANCE = 3  # "Winnipeg Fire Paramedic Service": at most this many words from the name to the head
HEAD_NAME_SHARE = 0.9  # ...from a word capitalised in at least this share of its uses ("Toronto", not "commerce")


def _capitalise_name_heads(out: list[str], text: str, words: list[tuple[str, int, int]], keys: list[str]) -> None:
    """After a name, the words up to an organisation's last word (`name_heads`) are part of the name:
    "TORONTO STOCK EXCHANGE" -> "Toronto Stock Exchange"; not after a nationality ("the Syrian army")."""
    words_list, data = lexicon(), model()
    for position in range(1, len(words) - 1):
        start, end = words[position][1:]
        if not _is_known_name(keys[position], "".join(out[start:end])):
            continue
        if keys[position] in data["demonyms"] or keys[position] in words_list.not_name_starts:
            continue
        if split_possessive(keys[position])[1]:
            continue  # "Istanbul's fire department", "Canada's parliament"
        for head in range(position + 1, min(position + 1 + MAX_HEAD_DISTANCE, len(words))):
            if not _joined(text, words, head)[0] or keys[head] in words_list.function_words:
                break
            if split_possessive(keys[head])[0] in words_list.name_heads:
                for inside in range(position + 1, head + 1):
                    out[words[inside][1]] = _set_case(out[words[inside][1]], True)
                break


def _is_known_name(key: str, restored: str) -> bool:
    """A word restored as a name that is no common word: "Toronto", "Pakistan", not "Said" nor "The"."""
    if not restored[:1].isupper() or key in lexicon().function_words:
        return False
    counts = model()["words"].get(key)
    if not counts:
        return True
    lower = counts.get("l", 0)
    # one lower-case use may be the dictionary's, which writes proper nouns in lower case too ("toronto")
    return 1 - max(lower - 1, 0) / (sum(counts.values()) - min(lower, 1) or 1) >= HEAD_NAME_SHARE


def _lower_titles_alone(out: list[str], text: str, words: list[tuple[str, int, int]], keys: list[str]) -> None:
    """A title takes a capital before a name only, as news writes it: "THE MINISTER SAID" -> "the minister said"
    (the table's counts, mostly from "Minister Lavrov", gave "the Minister said"); "Minister Lavrov", "Minister of
    Defence", a sentence's first word and a title inside a known name stay. So does an organisation's last word
    (`name_heads`) alone after "the": "THE COUNCIL HAS AGREED" -> "the council has agreed" (from "City Council")."""
    words_list, demonyms = lexicon(), model()["demonyms"]
    for position in range(1, len(words)):
        start, end = words[position][1:]
        key = keys[position]
        is_title = key in words_list.titles and key not in words_list.titles_alone | words_list.abbreviations
        if not is_title and (key not in words_list.name_heads or keys[position - 1] not in words_list.determiners):
            continue  # an organisation's last word alone after "the": "the council said"
        if not out[start].isupper() or _opens_after_colon(text, key, start):
            continue
        if text[words[position - 1][2] : start].strip() == "-" or _after_name_continuer(out, words, keys, position):
            continue  # "Taybat Al-Imam", "Consulate-General", "Ministry of Justice"
        if position + 1 < len(words):
            gap = text[end : words[position + 1][1]].strip()
            if gap in ("", ")", "-") and out[words[position + 1][1]].isupper():
                continue  # "Minister Lavrov", "(Vice President) Al Gore", "Secretary-General"
            if not gap and keys[position + 1] in words_list.name_continuers:
                continue  # "Minister of Defence"
        first = position
        if is_title and _title_word_before(out, text, words, keys, position):
            first -= 1  # one title with it: "PRIME MINISTER", "FOREIGN MINISTER"
        before = first - 1
        if (
            out[words[before][1]].isupper()
            and keys[before] not in demonyms
            and keys[before] not in words_list.function_words  # "The" opening a sentence
            and _joined(text, words, first)[0]
        ):
            continue  # inside a name: "Jaime King", "Water Resources Secretary"; not "the French president"
        for inside in range(first, position + 1):
            out[words[inside][1]] = _set_case(out[words[inside][1]], False)


def _after_name_continuer(out: list[str], words: list[tuple[str, int, int]], keys: list[str], position: int) -> bool:
    """The word follows "of" or "for" after a capitalised word: "Ministry of Justice"."""
    if position < 2 or keys[position - 1] not in lexicon().name_continuers:
        return False
    return out[words[position - 2][1]].isupper()


def _title_word_before(
    out: list[str], text: str, words: list[tuple[str, int, int]], keys: list[str], position: int
) -> bool:
    """The word before a title was restored with a capital and makes one title with it: a rank ("Prime", "Vice") or a
    word the table mostly writes lower case ("Foreign")."""
    if position < 2 or not _joined(text, words, position)[0] or not out[words[position - 1][1]].isupper():
        return False
    counts = model()["words"].get(keys[position - 1])
    return keys[position - 1] in lexicon().rank_prefixes or (bool(counts) and _best_of(counts) == "l")


def _capitalise_titles(out: list[str], text: str, words: list[tuple[str, int, int]], keys: list[str]) -> None:
    """A formal title directly before a name is capitalised, as news writes it: "SERGEANT MATT TONROE" ->
    "Sergeant Matt Tonroe", "MASTER SGT JOHN SMITH" -> "Master Sgt John Smith"; "the sergeant said" stays."""
    words_list = lexicon()
    for position in range(len(words) - 2, -1, -1):
        start, end = words[position][1:]
        next_start, next_end = words[position + 1][1:]
        if text[end:next_start].strip(". "):
            continue
        key, following = keys[position], "".join(out[next_start:next_end])
        if _is_number_suffix(text, key, start):
            continue  # "1ST PIANO": an ending glued to a number is no "St."
        before_name = key in words_list.name_titles and form_of(following) == "t"
        before_title = key in words_list.rank_prefixes and keys[position + 1] in words_list.name_titles
        if (before_name and keys[position + 1] not in words_list.function_words) or (
            before_title and following[0].isupper()
        ):
            out[start] = _set_case(out[start], True)


# A dateline opening a wire report: "NAIROBI, Kenya (AP) _", "CAMP MURRAY, Wash. -", "WASHINGTON (AP) -": the place
# (up to four words), a region after a comma and/or an agency in brackets, and a dash (after an agency it may be
# missing: "ATLANTA (AP) An aide").
DATELINE = re.compile(
    r"^\s*(?P<place>[^\W\d_]+(?:[ '’.-]+[^\W\d_]+){0,3})(?:,\s*(?P<region>[^,\n]{0,30}?))?\s*"
    r"(?:(?P<agency>\([^\W\d_]{1,8}\))\s*(?P<dash>-|--|–|—|_)?|(?:-|--|–|—|_))(?:\s|$)"
)


def _all_names(restored: str) -> bool:
    """Every word of a restored phrase capitalised, its first not a function word ("In Nairobi" is no place)."""
    words = WORD.findall(restored)
    return all(word[0].isupper() for word in words) and not (words and key_of(words[0]) in lexicon().function_words)


def capitalise_dateline(text: str) -> str:
    """`text` with the place of its dateline and the agency after it in capitals, as wire services write them."""
    match = DATELINE.match(text)
    if match is None or (match.group("region") is None and match.group("agency") is None):
        return text  # "WASHINGTON - THE US SAID" may be a headline; "WASHINGTON (AP) -" is a dateline
    if match.group("agency") and not match.group("dash") and not _is_agency(match.group("agency")[1:]):
        return text  # "FREE SYRIAN ARMY (FSA) GROUPS": a bracket ends a dateline only with an agency's name
    if not _all_names(match.group("place")) or not _all_names(match.group("region") or ""):
        return text
    out = list(text)
    for group in ("place", "agency"):
        start, end = match.span(group)
        if start >= 0:
            out[start:end] = [_set_case(char, True) for char in text[start:end]]
    return "".join(out)


# ---- blocks ---------------------------------------------------------------------------------

# Latin letters are enough to judge a block's case, and a regex counts them fast.
UPPER_LETTER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
LOWER_LETTER = re.compile(r"[a-zß-öø-ÿ]")


@dataclass
class BlockStats:
    words: list[str]
    upper_letters: int
    cased_letters: int

    @classmethod
    def of(cls, text: str) -> BlockStats:
        upper = len(UPPER_LETTER.findall(text))
        return cls(WORD.findall(text), upper, upper + len(LOWER_LETTER.findall(text)))

    @classmethod
    def joined(cls, blocks: list[BlockStats]) -> BlockStats:
        """The stats of the blocks' text taken whole (no word runs across a line end, so counts add up)."""
        words = [word for block in blocks for word in block.words]
        return cls(words, sum(b.upper_letters for b in blocks), sum(b.cased_letters for b in blocks))

    @property
    def upper_share(self) -> float:
        return self.upper_letters / self.cased_letters if self.cased_letters else 0.0


def capitalised_starts(text: str, starts_sentence: bool) -> tuple[int, int]:
    """(sentences begun in `text`, how many begin with a capital); the first counts only when `starts_sentence`."""
    begun = capitalised = 0
    for index, words in enumerate(sentence_words(text)):
        if index or starts_sentence:
            begun += 1
            capitalised += words[0][0][0].isupper()
    return begun, capitalised


def _lower_dominant(word: str) -> bool:
    """A word the model knows well, nearly always written lower case ("Strike", "Kills")."""
    counts = model()["words"].get(key_of(word))
    if not counts:
        return False
    total = sum(counts.values())
    return total >= 20 and counts.get("l", 0) >= 0.95 * total


def is_title_case(words: list[str]) -> bool:
    """A Title Case headline: every longer word capitalised, and capitals on words that are normally lower."""
    if not MIN_WORDS <= len(words) <= MAX_HEADLINE_WORDS:
        return False
    function_words = lexicon().function_words
    if any(w[0].islower() and (len(w) > 3 or w.lower() not in function_words) for w in words):
        return False
    later = [w for w in words[1:] if w[0].isupper() and not w.isupper()]
    if any(w.lower() in function_words for w in later):
        return True
    return sum(_lower_dominant(w) for w in later) >= 2


def block_mode(
    text: str, stats: BlockStats, document: BlockStats, starts_sentence: bool, document_lower: Callable[[], bool]
) -> Mode | None:
    """The degenerate case of a line, or None for normal text (a short line follows the document)."""
    own = stats if len(stats.words) >= OWN_CASE_WORDS else document
    if own.cased_letters and own.upper_share >= UPPER_SHARE:
        return "upper"
    if stats.cased_letters and stats.upper_share <= LOWER_SHARE:
        begun, capitalised = capitalised_starts(text, starts_sentence)
        if begun:
            return "lower" if not capitalised else None
        return "lower" if document_lower() else None
    if not SENTENCE_END.search(text.strip().rstrip(".!?")) and is_title_case(stats.words):
        return "title"
    return None


def split_glued_headline(lines: list[str]) -> list[str]:
    """The first line cut in two where a Title Case headline glued to the story's dateline ends ("Iraqi Forces Take
    Control of Mosul Airport-MOSUL — -Iraqi forces..."): the headline is a block of its own."""
    glued = headline_before_dateline(lines[0]) if lines else None
    if glued is None:
        return lines
    end = glued.start(1) - 1
    return [lines[0][:end], lines[0][end:], *lines[1:]]


def restore_case(text: str) -> str:
    """`text` with degenerate blocks re-cased (same length); `text` itself when nothing is degenerate."""
    if not text:
        return text
    lines = split_glued_headline(text.splitlines(keepends=True))
    line_stats = [BlockStats.of(line) for line in lines]
    document = BlockStats.joined(line_stats)

    @lru_cache(maxsize=1)
    def wrapped() -> bool:
        return hard_wrapped(lines)

    @lru_cache(maxsize=1)
    def document_lower() -> bool:
        begun, capitalised = capitalised_starts(text, True)
        return bool(begun) and capitalised <= 0.1 * begun

    pieces: list[str] = []
    restored_lines: list[int] = []
    names: set[str] = set()
    acronyms: set[str] = set()
    starts_sentence = True
    seen_text = False  # a dateline opens the document
    for line, stats in zip(lines, line_stats, strict=True):
        mode = block_mode(line, stats, document, starts_sentence, document_lower) if stats.words else None
        if mode is not None:
            restored = restore_block(line, mode, starts_sentence, names, acronyms)
            if not seen_text and mode != "title":
                restored = capitalise_dateline(restored)
            if restored != line:
                restored_lines.append(len(pieces))
            line = restored
        pieces.append(line)
        stripped = line.strip()
        seen_text = seen_text or bool(stripped)
        if stripped:
            starts_sentence = (
                mode == "title"
                or bool(TERMINAL_END.search(stripped))
                or len(stripped) > UNWRAPPED_LINE
                or not (ends_open(stripped) or wrapped())
            )
        elif line:
            starts_sentence = True
    if restored_lines:
        acronyms |= name_initials("".join(pieces[index] for index in restored_lines))
    for index in restored_lines:
        pieces[index] = acronym_again(name_again(pieces[index], names), acronyms)
    return "".join(pieces) if restored_lines else text


def ends_open(line: str) -> bool:
    """The stripped line ends in a mark or word that needs what follows: a list, a label, a dateline's dash, "the"."""
    last_word = re.search(r"\w+$", line)
    return line[-1] in JOINING_MARKS or (last_word is not None and last_word.group().lower() in OPEN_LINE_WORDS)


def hard_wrapped(lines: list[str]) -> bool:
    """Lines cut inside sentences: most are of a wrapped width and end without a full stop (or there are too few
    lines to tell). Elsewhere (headlines, captions, stories one sentence per line) a line that does not end open ends
    its sentence, as nlp/lines.py splits the parse there, so the next line's first word takes its capital."""
    body = [line.strip() for line in lines if line.strip()]
    open_ended = [line for line in body if len(line) <= UNWRAPPED_LINE and not TERMINAL_END.search(line)]
    return len(body) < 3 or (len(open_ended) >= 3 and 2 * len(open_ended) >= len(body))


# ---- back to the document's own characters --------------------------------------------------


def map_spans_to_original(result: Any, original: str, parsed: str) -> None:
    """Give every span in `result` the characters of `original` at its offsets (a no-op when nothing was re-cased)."""
    if parsed == original:
        return
    seen: set[int] = set()
    _visit(result, original, seen)


def _visit(node: Any, original: str, seen: set[int]) -> None:
    if isinstance(node, list | tuple):
        for item in node:
            _visit(item, original, seen)
    elif isinstance(node, dict):
        for item in node.values():
            _visit(item, original, seen)
    elif is_dataclass(node) and id(node) not in seen:
        seen.add(id(node))
        start, end = getattr(node, "start", None), getattr(node, "end", None)
        if isinstance(start, int) and isinstance(end, int):
            for name in ("text", "sentence"):
                if isinstance(getattr(node, name, None), str):
                    setattr(node, name, original[start:end])
        for field in fields(node):
            _visit(getattr(node, field.name), original, seen)
