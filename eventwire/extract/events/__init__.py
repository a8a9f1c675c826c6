"""Event coding: PLOVER events with mode, actor, recipient, status, attribution and evidence.

`EventCoder` is the pipeline component: a line of passes over the candidates of each sentence
(see `PASSES` and docs/events.md). Knowledge lives in the YAML files beside this module
(triggers.yaml, cues.yaml, mappings.yaml).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.extract.events.arguments import PartyFinder
from eventwire.extract.events.attach import attach_arguments
from eventwire.extract.events.attribution import find_attributions
from eventwire.extract.events.background import mark_background_acts, mark_told_in_passing
from eventwire.extract.events.candidate import DocumentState, Pass, Sentence
from eventwire.extract.events.casualties import propose_casualties
from eventwire.extract.events.decide import decide_type_and_mode
from eventwire.extract.events.emit import emit_events
from eventwire.extract.events.lexicon import load_lexicon
from eventwire.extract.events.mapping import map_to_ontologies
from eventwire.extract.events.merge import EventMerger, merge_mentions
from eventwire.extract.events.nonevents import drop_non_events
from eventwire.extract.events.propose import propose_triggers
from eventwire.extract.events.refusal import decide_refusal
from eventwire.extract.events.status import decide_status
from eventwire.registry import component

__all__ = ["PASSES", "EventCoder", "EventMerger"]

if TYPE_CHECKING:
    from eventwire.context import DocContext

# The passes, in order; each reads the sentence's candidates and adds to them (candidate.py).
PASSES: tuple[Pass, ...] = (
    propose_triggers,  # propose: triggers from the lexicon (a learned proposer would sit beside it)
    mark_told_in_passing,  # events told in passing: the confidence model weighs them
    decide_status,  # asserted, negated, hypothetical, future, historical
    mark_background_acts,  # the pluperfect and 'since' habits are history, not the news
    drop_non_events,  # figurative, documents released, 'no comment', accidents and disasters
    decide_type_and_mode,  # category and mode (the slot for a learned decision)
    attach_arguments,  # actor and recipient; drops candidates naming no party
    decide_refusal,  # a negated cooperative act by a known party is a REJECT
    find_attributions,  # who tells it
    merge_mentions,  # an attack's outcome is not a second event
    propose_casualties,  # deaths stated alone are an attack
    map_to_ontologies,  # ACLED type, CAMEO code
    emit_events,  # Events, numbered in document order
)


# Reads ctx.result.places and ctx.count_links too when the places and quantities stages ran before it.
@component("events", requires=["actor_by_token", "result.actors"], assigns=["result.events"])
class EventCoder:
    """Appends one Event per codable trigger to `ctx.result.events` (date/location/counts come later)."""

    def __init__(self, lexicon_dir: str | None = None, passes: Sequence[Pass] = PASSES) -> None:
        self.lexicon = load_lexicon(lexicon_dir)
        self.passes = list(passes)

    def casualties(self, ctx: DocContext) -> list[tuple[int, int, int | None]]:
        """(condition token, counted token, best) of the deaths and injuries the quantities stage found."""
        kinds = self.lexicon.cue_set("casualty_kinds")
        return [
            (phrase.condition, phrase.root, phrase.best)
            for _, phrase in ctx.count_links
            if phrase.kind in kinds and phrase.condition is not None
        ]

    def __call__(self, ctx: DocContext) -> None:
        finder = PartyFinder(
            ctx.doc,
            ctx.actor_by_token,
            ctx.result.actors,
            ctx.result.places,
            self.lexicon.cue_set("pair_dets"),
            self.lexicon.cue_set("speech_verbs"),
            self.lexicon.cue_set("stance_nouns"),
        )
        state = DocumentState(self.lexicon, finder, ctx.result.doc_id, ctx.document.published_at, self.casualties(ctx))
        for span in ctx.doc.sents:
            sentence = Sentence(span, state)
            for step in self.passes:
                step(sentence)
            ctx.result.events.extend(sentence.events)
