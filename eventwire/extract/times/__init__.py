"""times extractor (placeholder until its issue's work lands)."""

from eventwire.pipeline import DocContext


class TimeTagger:
    def __call__(self, ctx: "DocContext") -> None:
        return None


class EventDater:
    def __call__(self, ctx: "DocContext") -> None:
        return None
