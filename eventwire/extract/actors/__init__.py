"""actors extractor (placeholder until its issue's work lands)."""

from eventwire.pipeline import DocContext


class ActorResolver:
    def __call__(self, ctx: "DocContext") -> None:
        return None
