"""Borrowing an event's place or date from the neighbouring sentence of the same report.

News often places or dates an act in the sentence before or after the one that names it: "Protesters
clashed with police in Dhaka on Sunday. At least 20 people were injured." or "Rebels attacked a village.
The attack took place in Gulyaypole." An event whose own sentence has no cue at all (no place, or no
time expression) borrows the value

- from a mention of the same act within `COREFERENCE_WINDOW` sentences: an event of the same type and
  trigger lemma whose trigger is a definite noun ("attacked ... the attack"; "the bombings" lends nothing
  to "the sites struck"), or
- when the sentence goes on about the act before it (`continues_the_report`: a consequence in the passive,
  "20 people were injured"; a count of victims; "the town", "there"), from the sentence just before, when
  every event there that has an own value agrees on it, or from the sentence just after when an event of
  the same type there has one.

A value is only lent by an event that took it from its own sentence, so nothing is passed along a chain.
Used by `event_locations` (places) and `event_dates` (times); the caller says what counts as a cue, a
value and a lender.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

from eventwire.extract.places.lexicon import place_lexicon
from eventwire.knowledge import function_words
from eventwire.model import Event

T = TypeVar("T")
COREFERENCE_WINDOW = 2
DEFINITE_DETERMINERS = function_words().words("definite_determiners")


def borrow(
    doc: Doc,
    events: list[Event],
    own_value: Callable[[Event], T | None],
    has_cue: Callable[[int, int], bool],
    key: Callable[[T], object],
) -> dict[int, T]:
    """For each event (by list index) without an own value and whose sentence has no cue, the value it borrows.

    `own_value(event)` is the value an event took from its own sentence (None when it has none);
    `has_cue(start, end)` says whether the sentence at those offsets names a place/time at all."""
    starts = [sent.start_char for sent in doc.sents]
    ends = [sent.end_char for sent in doc.sents]
    where = [max(0, bisect_right(starts, event.trigger.start) - 1) for event in events]
    lenders = [(i, value) for i, event in enumerate(events) if (value := own_value(event)) is not None]
    borrowed: dict[int, T] = {}
    for i, event in enumerate(events):
        if own_value(event) is not None or has_cue(starts[where[i]], ends[where[i]]):
            continue
        value = _coreferent(doc, events, where, lenders, i, key)
        if value is None and continues_the_report(doc, event):
            value = _neighbour(events, where, lenders, i, key)
        if value is not None:
            borrowed[i] = value
    return borrowed


def _coreferent(doc: Doc, events: list[Event], where: list[int], lenders, i: int, key) -> object | None:
    """The value of a definite mention of the same act ("the attack") near the event, if they agree."""
    found = {
        key(value): value
        for j, value in lenders
        if events[j].type == events[i].type
        and 0 < abs(where[j] - where[i]) <= COREFERENCE_WINDOW
        and is_definite_noun(doc, events[j])
        and trigger_lemma(doc, events[j]) == trigger_lemma(doc, events[i])
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _neighbour(events: list[Event], where: list[int], lenders, i: int, key) -> object | None:
    """The previous sentence's agreed value, else the next sentence's for an event of the same type."""
    before = {key(value): value for j, value in lenders if where[j] == where[i] - 1}
    if len(before) == 1:
        return next(iter(before.values()))
    if before:
        return None
    after = {key(value): value for j, value in lenders if where[j] == where[i] + 1 and events[j].type == events[i].type}
    return next(iter(after.values())) if len(after) == 1 else None


def continues_the_report(doc: Doc, event: Event) -> bool:
    """The event's sentence goes on about the act before it: a consequence told in the passive ("20 people were
    injured"), a count of victims, or a place word pointing back ("shelled the town", "clashes there")."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if any(child.dep_ == "auxpass" for child in span.root.children) or event.dead or event.injured:
        return True
    anaphors = place_lexicon().nouns_before_of
    return any(
        token.lower_ == "there"
        or (token.lemma_.lower() in anaphors and any(c.lower_ in DEFINITE_DETERMINERS for c in token.children))
        for token in span.root.sent
    )


def trigger_lemma(doc: Doc, event: Event) -> str:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None and len(span) else event.trigger.text.lower()


def is_definite_noun(doc: Doc, event: Event) -> bool:
    """A nominal trigger with 'the', 'this', 'that' or a possessive ("the attack", "Monday's blast")."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0 or span.root.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(
        (child.dep_ == "det" and child.lower_ in DEFINITE_DETERMINERS) or child.dep_ == "poss"
        for child in span.root.children
    )
