"""Who the text says tells something: 'X said ...', '..., officials said', 'according to X'.

One finder for the two stages that ask: events (who tells an act, extract/events/attribution.py)
and counts (who gives a figure, extract/quantities/event_counts.py). They walk the same parse
the same way; where their answers differ the difference is a named parameter here:

- `according_to(by_lemma=)`: events match the lemma 'accord', counts the word 'according';
- `teller_phrase(trimmed=)`: events cite the teller's head phrase (no relative clause,
  apposition or prepositional tail, at most 8 tokens), counts the subject's whole phrase;
- `teller_above(outermost=, include_self=, steps=)`: events take the outermost teller of the
  trigger's clause ("The presidency said Macron reaffirmed..."), counts the innermost one over
  the figure's own word.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import TypeVar

from spacy.tokens import Span, Token

from eventwire.nlp.tree import lemma_of

MAX_SOURCE_TOKENS = 8
DROPPED_DEPS = {"relcl", "appos", "acl", "prep", "punct"}
T = TypeVar("T")


def according_to(sentence: Span, *, by_lemma: bool = True) -> Token | None:
    """The head of X in 'according to X' in the sentence, or None."""
    for token in sentence:
        opens = lemma_of(token) == "accord" if by_lemma else token.lower_ == "according"
        if opens and token.i + 1 < sentence.end and token.nbor().lower_ == "to":
            pobjs = [c for c in token.nbor().children if c.dep_ == "pobj"]
            if pobjs:
                return pobjs[0]
    return None


def teller_phrase(subject: Token, *, trimmed: bool = True) -> Span:
    """The teller's phrase: its whole subtree, or (`trimmed`) without relative clauses,
    appositions or prepositional tails and at most MAX_SOURCE_TOKENS long."""
    doc = subject.doc
    if not trimmed:
        return doc[subject.left_edge.i : subject.right_edge.i + 1]
    excluded = {t.i for child in subject.children if child.dep_ in DROPPED_DEPS for t in child.subtree}
    keep = [t.i for t in subject.subtree if t.i not in excluded] or [subject.i]
    start, end = min(keep), max(keep) + 1
    if end - start > MAX_SOURCE_TOKENS:
        start, end = max(start, subject.i - MAX_SOURCE_TOKENS + 1), subject.i + 1
    return doc[start:end]


def subject_of(verb: Token, deps: tuple[str, ...] = ("nsubj",), *, pronouns: bool = True) -> Token | None:
    """The first subject of a verb (`pronouns=False`: the first that is no pronoun)."""
    return next((c for c in verb.children if c.dep_ in deps and (pronouns or c.pos_ != "PRON")), None)


def teller_above(
    token: Token,
    teller: Callable[[Token], T | None],
    *,
    include_self: bool = False,
    outermost: bool = False,
    steps: int | None = None,
) -> T | None:
    """The teller found on the verbs above `token` (and the token itself with `include_self`):
    `teller(node)` says who tells at that node; the innermost one wins, or the outermost."""
    nodes = [token] if include_self else []
    nodes += list(islice(token.ancestors, steps))
    found = None
    for node in nodes:
        here = teller(node)
        if here is not None:
            if not outermost:
                return here
            found = here
    return found
