"""Event coding: PLOVER events with mode, actor, recipient, status, attribution and evidence.

`EventCoder` is the pipeline component. Knowledge lives in the YAML files beside this module
(triggers.yaml, cues.yaml, mappings.yaml); see docs/events.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from eventwire.extract.events.arguments import PartyFinder
from eventwire.extract.events.coder import SentenceCoder
from eventwire.extract.events.lexicon import load_lexicon

if TYPE_CHECKING:
    from eventwire.pipeline import DocContext


# Where the quantities stage (run before events) leaves its count phrases.
QUANTITY_PHRASES = "quantities.phrases"


class EventCoder:
    """Appends one Event per codable trigger to `ctx.result.events` (date/location/counts come later)."""

    def __init__(self, lexicon_dir: str | None = None) -> None:
        self.lexicon = load_lexicon(lexicon_dir)

    def casualties(self, ctx: DocContext) -> list[tuple[int, int, int | None]]:
        """(condition token, counted token, best) of the deaths and injuries the quantities stage found."""
        kinds = self.lexicon.cue_set("casualty_kinds")
        stored = ctx.shared.get(QUANTITY_PHRASES) or []
        if isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], Doc):
            stored = stored[1]  # (doc, links), as the quantities stage stores it
        phrases = [link[-1] if isinstance(link, tuple) else link for link in stored]
        return [
            (phrase.condition, phrase.root, phrase.best)
            for phrase in phrases
            if getattr(phrase, "kind", None) in kinds and getattr(phrase, "condition", None) is not None
        ]

    def __call__(self, ctx: DocContext) -> None:
        finder = PartyFinder(
            ctx.doc,
            ctx.shared.get("actor_by_token") or {},
            ctx.result.actors,
            ctx.result.places,
            self.lexicon.cue_set("pair_dets"),
            self.lexicon.cue_set("speech_verbs"),
            self.lexicon.cue_set("stance_nouns"),
        )
        coder = SentenceCoder(self.lexicon, finder, ctx.result.doc_id, ctx.document.published_at, self.casualties(ctx))
        for sentence in ctx.doc.sents:
            ctx.result.events.extend(coder.code_sentence(sentence))
