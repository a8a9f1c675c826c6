"""Event coding: PLOVER events with mode, actor, recipient, status, attribution and evidence.

`EventCoder` is the pipeline component. Knowledge lives in the YAML files beside this module
(triggers.yaml, cues.yaml, mappings.yaml); see docs/events.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.events.arguments import PartyFinder
from eventwire.extract.events.coder import SentenceCoder
from eventwire.extract.events.lexicon import load_lexicon
from eventwire.registry import component

if TYPE_CHECKING:
    from eventwire.context import DocContext


# Reads ctx.result.places and ctx.count_links too when the places and quantities stages ran before it.
@component("events", requires=["actor_by_token", "result.actors"], assigns=["result.events"])
class EventCoder:
    """Appends one Event per codable trigger to `ctx.result.events` (date/location/counts come later)."""

    def __init__(self, lexicon_dir: str | None = None) -> None:
        self.lexicon = load_lexicon(lexicon_dir)

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
        coder = SentenceCoder(self.lexicon, finder, ctx.result.doc_id, ctx.document.published_at, self.casualties(ctx))
        for sentence in ctx.doc.sents:
            ctx.result.events.extend(coder.code_sentence(sentence))
