"""Event coding: PLOVER events with mode, actor, recipient, status, attribution and evidence.

`EventCoder` is the pipeline component. Knowledge lives in the YAML files beside this module
(triggers.yaml, cues.yaml, mappings.yaml); see docs/events.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.events.arguments import PartyFinder
from eventwire.extract.events.coder import SentenceCoder
from eventwire.extract.events.lexicon import load_lexicon

if TYPE_CHECKING:
    from eventwire.pipeline import DocContext


class EventCoder:
    """Appends one Event per codable trigger to `ctx.result.events` (date/location/counts come later)."""

    def __init__(self, lexicon_dir: str | None = None) -> None:
        self.lexicon = load_lexicon(lexicon_dir)

    def __call__(self, ctx: DocContext) -> None:
        finder = PartyFinder(
            ctx.doc,
            ctx.shared.get("actor_by_token") or {},
            ctx.result.actors,
            ctx.result.places,
            self.lexicon.cue_set("pair_dets"),
        )
        coder = SentenceCoder(self.lexicon, finder, ctx.result.doc_id, ctx.document.published_at)
        for sentence in ctx.doc.sents:
            ctx.result.events.extend(coder.code_sentence(sentence))
