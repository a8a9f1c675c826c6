"""Counts of people: how many were killed, injured, missing, arrested, displaced, or protested.

Two components (docs/counts.md):

- `CountExtractor` finds every count of people in a condition in the parse and adds it to
  `ctx.result.quantities` (`Quantity` with UCDP-style low/best/high, the summed parts and
  whether it revises earlier figures).
- `EventCounter` (after the event coder) attaches those counts to the right event:
  `event.dead`, `event.injured`, and `event.counts[kind]` for the other kinds, each with the
  attribution of the figure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from eventwire.extract.quantities.counts import CountPhrase, find_counts
from eventwire.extract.quantities.event_counts import attach_counts
from eventwire.extract.quantities.lexicon import load_lexicon
from eventwire.model import Count, Quantity
from eventwire.registry import component

if TYPE_CHECKING:
    from eventwire.context import DocContext

__all__ = ["CountExtractor", "EventCounter", "to_quantity"]


def to_quantity(doc: Doc, phrase: CountPhrase) -> Quantity:
    span = doc[phrase.start : phrase.end]
    parts = [Count(p.low, p.best, p.high, *_span_of(doc, p)) for p in phrase.parts]
    return Quantity(
        span.text,
        span.start_char,
        span.end_char,
        kind=phrase.kind,  # type: ignore[arg-type]
        low=phrase.low,
        best=phrase.best,
        high=phrase.high,
        parts=parts,
        revision=phrase.revision,
    )


def _span_of(doc: Doc, phrase: CountPhrase) -> tuple[str, int, int]:
    span = doc[phrase.start : phrase.end]
    return span.text, span.start_char, span.end_char


def _year(ctx: DocContext) -> int | None:
    published = ctx.document.published_at
    return published.year if published is not None else None


@component("quantities", assigns=["result.quantities", "count_links"])
class CountExtractor:
    """Adds every count of people in a condition to `ctx.result.quantities`, and each with its phrase to
    `ctx.count_links`."""

    def __init__(self) -> None:
        self.lexicon = load_lexicon()

    def __call__(self, ctx: DocContext) -> None:
        for phrase in find_counts(ctx.doc, self.lexicon, _year(ctx)):
            quantity = to_quantity(ctx.doc, phrase)
            ctx.result.quantities.append(quantity)
            ctx.count_links.append((quantity, phrase))


@component("event_counts", requires=["result.events", "count_links"])
class EventCounter:
    """Attaches the counts found by `CountExtractor` to the events of the document."""

    def __init__(self) -> None:
        self.lexicon = load_lexicon()

    def __call__(self, ctx: DocContext) -> None:
        if ctx.count_links and ctx.result.events:
            attach_counts(ctx.doc, ctx.result.events, ctx.count_links, ctx.result.actors, self.lexicon)
