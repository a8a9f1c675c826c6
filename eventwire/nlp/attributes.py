"""spaCy's attribute ruler, applied to whole token arrays instead of through a Matcher.

The English model's `attribute_ruler` maps fine-grained tags to POS and morphology and fixes a few words (179
rules). Run as spaCy runs it — a token Matcher, then one Python call per match — it took about a sixth of the parse.
`ArrayAttributeRuler` reads the same rules from the loaded model and sets the same values: every rule is a mask over
the doc's TAG / LOWER / DEP / IS_SPACE columns, and the rules are applied in the order spaCy applies them (a later
rule overrides an earlier one), so the POS, MORPH, LEMMA, TAG and DEP of every token are what spaCy would give.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import VERB
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.util import minibatch
from spacy.vocab import Vocab

from eventwire.knowledge import package_file

COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
SET_BY_ARRAY = (POS, MORPH, LEMMA)  # what doc.from_array sets; TAG and DEP (spaces only) are set token by token
Column = dict[int, np.ndarray]
Test = Callable[[Column], np.ndarray]


def _hashes(vocab: Vocab, values: list[str]) -> np.ndarray:
    return np.array([vocab.strings.add(v) if v else 0 for v in values], dtype="uint64")


def _test(vocab: Vocab, name: str, spec: object) -> Test:
    """A function giving the mask of the tokens whose attribute `name` meets one Matcher token spec."""
    column = COLUMNS[name]
    if name == "IS_SPACE":
        wanted = np.uint64(bool(spec))
        return lambda cols: cols[column] == wanted
    if isinstance(spec, str):
        value = np.uint64(vocab.strings.add(spec) if spec else 0)
        return lambda cols: cols[column] == value
    ((operator, values),) = spec.items()
    if operator in ("IN", "NOT_IN"):
        members = _hashes(vocab, values)
        return lambda cols: np.isin(cols[column], members, invert=operator == "NOT_IN")
    if operator == "REGEX":
        pattern = re.compile(values)

        def search(cols: Column) -> np.ndarray:
            unique, inverse = np.unique(cols[column], return_inverse=True)
            found = np.array([bool(pattern.search(vocab.strings[int(h)])) for h in unique], dtype=bool)
            return found[inverse]

        return search
    raise ValueError(f"attribute rule spec {name}: {spec!r} is not supported")


@dataclass(frozen=True)
class Rule:
    """One ruler pattern: token specs in a row, the index of the token it sets, and the values it sets."""

    token_tests: tuple[tuple[Test, ...], ...]
    index: int
    attrs: dict[int, int]

    def targets(self, cols: Column, doc_of: np.ndarray) -> np.ndarray:
        """The mask of the tokens this rule sets; `doc_of` numbers the doc of each token (no match spans two)."""
        n, width = len(doc_of), len(self.token_tests)
        starts = doc_of[: n - width + 1] == doc_of[width - 1 :]
        for offset, tests in enumerate(self.token_tests):
            window = {key: column[offset : offset + len(starts)] for key, column in cols.items()}
            for test in tests:
                starts &= test(window)
        mask = np.zeros(n, dtype=bool)
        index = self.index if self.index >= 0 else width + self.index
        mask[np.flatnonzero(starts) + index] = True
        return mask


def rules_of(ruler: AttributeRuler) -> list[Rule]:
    """The ruler's patterns as Rules, in the order spaCy applies them."""
    rules = []
    for patterns, attrs, index in zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True):
        for pattern in patterns["patterns"]:
            tests = tuple(tuple(_test(ruler.vocab, name, spec) for name, spec in token.items()) for token in pattern)
            rules.append(Rule(tests, index, dict(attrs)))
    return rules


class ArrayAttributeRuler:
    """A pipeline component setting what `ruler` sets, by rule masks over the token arrays of a batch of docs."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.rules = rules_of(ruler)

    def __call__(self, doc: Doc) -> Doc:
        self.annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self.annotate(batch)
            yield from batch

    def annotate(self, docs: list[Doc]) -> None:
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        read = [*COLUMNS.values(), *SET_BY_ARRAY]
        table = np.concatenate([doc.to_array(read) for doc in docs])
        lengths = [len(doc) for doc in docs]
        doc_of = np.repeat(np.arange(len(docs)), lengths)
        offsets = np.cumsum([0, *lengths])
        cols = {attr: table[:, i] for i, attr in enumerate(read)}
        values = {attr: cols[attr].copy() for attr in (*SET_BY_ARRAY, TAG, DEP)}
        for rule in self.rules:
            mask = rule.targets(cols, doc_of)
            for attr, value in rule.attrs.items():
                values[attr][mask] = value
        changed = np.flatnonzero((values[TAG] != cols[TAG]) | (values[DEP] != cols[DEP]))
        for k, doc in enumerate(docs):
            rows = slice(offsets[k], offsets[k + 1])
            doc.from_array(list(SET_BY_ARRAY), np.stack([values[attr][rows] for attr in SET_BY_ARRAY], axis=1))
        for i in changed:  # whitespace tokens: the only ones whose TAG or DEP a rule sets
            token = docs[doc_of[i]][int(i - offsets[doc_of[i]])]
            token.tag, token.dep = int(values[TAG][i]), int(values[DEP][i])


@Language.factory("eventwire_attribute_ruler")
def make_array_attribute_ruler(nlp: Language, name: str) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.get_pipe("attribute_ruler"))


class ArrayLemmatizer:
    """spaCy's rule lemmatizer, memoised on its own cache key and applied to a doc's token arrays.

    spaCy's English lemmatizer gives each token the lemma of (ORTH, POS, MORPH) — its own cache key — and leaves
    tokens that already have one (the attribute ruler sets a few). Called token by token it builds a Token for every
    word; here the lemma of each key is asked of `lemmatizer` once per process and written back as a column.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.overwrite:
            raise ValueError("ArrayLemmatizer keeps lemmas already set; the model's lemmatizer overwrites them")
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        for i in np.flatnonzero(lemmas == 0):
            key = (int(table[i, 0]), int(table[i, 1]), int(table[i, 2]))
            lemma = self.lemmas.get(key)
            if lemma is None:
                token = doc[int(i)]
                word = self.lemmatizer.lemmatize(token)[0]
                if token.pos == VERB:
                    word = verb_lemma_fixes().get(token.lower_, word)
                lemma = self.lemmas[key] = doc.vocab.strings.add(word)
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@lru_cache(maxsize=1)
def verb_lemma_fixes() -> dict[str, str]:
    """Verb forms the model lemmatizes wrong -> their lemma (nlp/data/lemmas.yaml)."""
    table = package_file("eventwire.nlp", "data", "lemmas.yaml").table("verb_lemma_fixes")
    return {str(wrong): str(right) for wrong, right in table.items()}


@Language.factory("eventwire_lemmatizer")
def make_array_lemmatizer(nlp: Language, name: str) -> ArrayLemmatizer:
    return ArrayLemmatizer(nlp.get_pipe("lemmatizer"))


# The model's pipe -> ours that sets the same values over token arrays, built from the model's (its rules, tables).
ARRAY_PIPES = {"attribute_ruler": "eventwire_attribute_ruler", "lemmatizer": "eventwire_lemmatizer"}


def use_array_pipes(nlp: Language) -> None:
    """Put each array pipe of ARRAY_PIPES in the place of the model's."""
    for theirs, ours in ARRAY_PIPES.items():
        nlp.add_pipe(ours, before=theirs)
        nlp.remove_pipe(theirs)
