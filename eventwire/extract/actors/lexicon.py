"""Find knowledge-base names and role words in a parsed document.

The knowledge base is compiled once into a phrase index keyed by lower-cased spaCy
tokens. Proper names keep their case where it matters: a capitalised word in the
name must be capitalised in the text, and an acronym ("US", "AFP") must match exactly.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc

from eventwire.extract.actors.knowledge import KnowledgeBase
from eventwire.nlp.columns import column

# Kinds, strongest first: on one span an organization beats a role word of the same spelling.
KIND_PRIORITY = [
    "org",
    "person",
    "country",
    "seat",
    "capital",
    "org_capital",
    "collective",
    "demonym",
    "people",
    "collective_demonym",
    "title",
    "group",
    "place_noun",
    "attack_noun",
]
# Kinds that name an actor (before the role words in the priority list).
NAME_KINDS = set(KIND_PRIORITY[: KIND_PRIORITY.index("title")])
MAX_PHRASE_TOKENS = 10
MIXED_ACRONYM_LETTERS = 4  # 'LeT', 'PiS': short names with two capitals are acronyms ('McCain' is not)


class LexEntry(NamedTuple):  # a tuple, not a frozen dataclass: tens of thousands are built at start-up
    kind: str
    key: str  # country code, organization id, person id, or the role word
    sector: str | None = None
    plural: bool = False
    pattern: tuple[str, ...] = ()  # the name as written, one string per token (for case checks)


@dataclass
class Unit:
    """A span of tokens that the knowledge base recognises."""

    start: int
    end: int
    entries: list[LexEntry] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return min((e.kind for e in self.entries), key=KIND_PRIORITY.index) if self.entries else "unknown"

    def entry(self, *kinds: str) -> LexEntry | None:
        for entry in sorted(self.entries, key=lambda e: KIND_PRIORITY.index(e.kind)):
            if entry.kind in kinds:
                return entry
        return None

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def plural_forms(word: str) -> list[str]:
    """Naive English plurals of a role phrase's last word ('force' -> 'forces', 'militiaman' -> 'militiamen')."""
    head, _, last = word.rpartition(" ")
    prefix = head + " " if head else ""
    if last.endswith("man"):
        forms = [last[:-3] + "men"]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith(("s", "x", "ch", "sh")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [prefix + form for form in forms]


QUICK_SPLIT = re.compile(r"(?<=[A-Za-z])([-/])(?=[A-Za-z])|('s)\b|([,;:()\"])")


def quick_tokens(phrase: str) -> list[str]:
    """spaCy's cut of a name without running it: 'Ki-Moon' -> Ki - Moon, "Children's" -> Children 's."""
    if not QUICK_SPLIT.search(phrase):
        return phrase.split()
    return [t for part in phrase.split() for t in QUICK_SPLIT.split(part) if t]


class PhraseIndex:
    def __init__(self, kb: KnowledgeBase, tokenize: Callable[[str], list[str]]) -> None:
        self._index: dict[tuple[str, ...], list[LexEntry]] = defaultdict(list)
        self._tokenize = tokenize
        self.place_name_words = kb.roles.place_name_words
        self._add_names(kb)
        self._add_roles(kb)
        # first word of an entry -> its longest entry's length, so a scan tries only lengths that exist
        self._longest: dict[str, int] = {}
        # the proper beginnings of entries, so a scan stops at the first word no entry continues with
        self._prefixes: set[tuple[str, ...]] = set()
        for key in self._index:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
            self._prefixes.update(key[:length] for length in range(1, len(key)))

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the tokenizer, which only the build uses (prebuilt.py keeps built indexes)."""
        return {name: value for name, value in self.__dict__.items() if name != "_tokenize"}

    def _add(
        self,
        phrase: str,
        entry_kind: str,
        key: str,
        sector: str | None = None,
        plural: bool = False,
        bulk: bool = False,
    ) -> None:
        # The tokenizer may cut a phrase alone differently from the same words in a sentence
        # ("gen." alone vs "Gen." before a name), so the whitespace split is indexed too. The bulk
        # (Phoenix) names, tens of thousands, take a cheap split that cuts as spaCy does for names.
        if bulk:
            self._add_bulk(phrase, entry_kind, key)
            return
        for tokens in {tuple(self._tokenize(phrase)), tuple(phrase.split())}:
            if not tokens or len(tokens) > MAX_PHRASE_TOKENS:
                continue
            entry = LexEntry(entry_kind, key, sector, plural, tokens)
            bucket = self._index[tuple(t.lower() for t in tokens)]
            if entry not in bucket:
                bucket.append(entry)

    def _add_bulk(self, phrase: str, entry_kind: str, key: str) -> None:
        """The fast path for the Phoenix names (tens of thousands): a cheap cut, no duplicate check by value."""
        cut = tuple(quick_tokens(phrase))
        split = tuple(phrase.split())
        for tokens in (cut,) if cut == split else (cut, split):
            if len(tokens) <= MAX_PHRASE_TOKENS:
                bucket = self._index[tuple(map(str.lower, tokens))]
                if not any(e.key == key and e.pattern == tokens for e in bucket):
                    bucket.append(LexEntry(entry_kind, key, None, False, tokens))

    def _add_names(self, kb: KnowledgeBase) -> None:
        for code, country in kb.countries.items():
            prefix = "collective" if country.collective else "country"
            for name in country.names:
                self._add(name, prefix, code)
            for name in country.demonyms:
                plural = name.endswith("s") or name.endswith("men")
                self._add(name, "collective_demonym" if country.collective else "demonym", code, plural=plural)
            for name in country.capitals:
                self._add(name, "capital", code)
            for name in country.seats:
                self._add(name, "seat", code)
        for org in kb.organizations:
            for name in org.names:
                self._add(name, "org", org.kb_id, bulk=org.kb_id.startswith("PHX:"))
            for name in org.capitals:
                self._add(name, "org_capital", org.kb_id)
        for person in kb.people:
            for name in person.aliases:
                self._add(name, "person", person.kb_id, bulk=person.bulk)
        for form, home in kb.peoples.items():
            self._add(form, "people", home or "", plural=form.endswith("s"))

    def _add_roles(self, kb: KnowledgeBase) -> None:
        roles = kb.roles
        for table, kind in ((roles.titles, "title"), (roles.groups, "group")):
            for word, sector in table.items():
                self._add(word, kind, word, sector)
                for plural in plural_forms(word):
                    self._add(plural, kind, word, sector, plural=True)
        for word in roles.place_nouns:
            self._add(word, "place_noun", word)
            for plural in plural_forms(word):
                self._add(plural, "place_noun", word, plural=True)
        for word in roles.attack_nouns:
            self._add(word, "attack_noun", word)
            for plural in plural_forms(word):
                self._add(plural, "attack_noun", word, plural=True)

    def lookup(self, words: tuple[str, ...]) -> list[LexEntry]:
        return self._index.get(tuple(w.lower() for w in words), [])

    def find_units(self, doc: Doc) -> list[Unit]:
        """Non-overlapping units, longest first; entries whose case does not fit are dropped."""
        spans: dict[tuple[int, int], list[LexEntry]] = {}
        words = column(doc, "text")
        lowered = [word.lower() for word in words]
        longest = self._longest
        n = len(words)
        for i in range(n):
            for length in reversed(self._lengths_at(lowered, i, min(longest.get(lowered[i], 0), n - i))):
                entries = self._index[tuple(lowered[i : i + length])]
                fitting = [e for e in entries if _case_fits(e, words[i : i + length])]
                fitting = [e for e in fitting if not _part_of_proper_name(e, doc, i, i + length, self)]
                if fitting:
                    spans[(i, i + length)] = fitting
        chosen: list[Unit] = []
        taken = [False] * n
        for (start, end), entries in sorted(spans.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), kv[0][0])):
            if any(taken[start:end]):
                continue
            for k in range(start, end):
                taken[k] = True
            chosen.append(Unit(start, end, entries))
        return sorted(chosen, key=lambda u: u.start)

    def _lengths_at(self, lowered: list[str], i: int, limit: int) -> list[int]:
        """The lengths (up to `limit`) of the entries whose words begin at word i, shortest first."""
        lengths = []
        for length in range(1, limit + 1):
            words = tuple(lowered[i : i + length])
            if self._index.get(words):
                lengths.append(length)
            if words not in self._prefixes:
                break
        return lengths

    def is_role_word(self, word: str) -> bool:
        return any(e.kind in ("title", "group") for e in self.lookup((word,)))


def _case_fits(entry: LexEntry, words: list[str]) -> bool:
    if entry.kind not in NAME_KINDS:
        return True
    for pattern, word in zip(entry.pattern, words, strict=False):
        if is_acronym(pattern):
            if word != pattern:
                return False
        elif pattern[:1].isupper() and not word[:1].isupper():
            return False
    return True


def is_acronym(word: str) -> bool:
    """'US', 'AFP', and the mixed-case 'LeT', 'JeM', 'AfD': written only so; 'Let', 'Afd' are other words."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return len(letters) > 1 and (capitals == len(letters) or (capitals >= 2 and len(letters) <= MIXED_ACRONYM_LETTERS))


def _part_of_proper_name(entry: LexEntry, doc: Doc, start: int, end: int, index: PhraseIndex) -> bool:
    """'West' in 'West Bank', 'Western' in 'Western Cambodia': a collective word inside a place name;
    'Persian' in 'the Persian Gulf', 'Mexico' in 'the Gulf of Mexico': a country's word inside one."""
    if entry.kind in ("demonym", "collective_demonym") and _before_hyphenated_demonym(doc, end, index):
        return True
    if entry.kind in ("country", "demonym"):
        return _in_feature_name(doc, start, end, index.place_name_words)
    if entry.kind not in ("collective", "collective_demonym") or end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not index.is_role_word(nxt.text)


def _in_feature_name(doc: Doc, start: int, end: int, feature_words: set[str]) -> bool:
    """A capitalised feature word ('Gulf', 'Sea', 'Lake') right after the words, right before them, or
    before 'of' before them: the words are part of a sea's, a lake's or a river's name."""

    def feature(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].lower_ in feature_words

    after = end < len(doc) and feature(end)
    before = feature(start - 1) or (start >= 2 and doc[start - 1].lower_ == "of" and feature(start - 2))
    return after or before


def _before_hyphenated_demonym(doc: Doc, end: int, index: PhraseIndex) -> bool:
    """'Cuban' in 'Cuban-American', 'African' in 'African-American': the last word of a hyphenated nationality
    says the country."""
    if end + 1 >= len(doc) or doc[end].text != "-":
        return False
    return any(e.kind == "demonym" for e in index.lookup((doc[end + 1].text,)))
