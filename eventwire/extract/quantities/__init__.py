"""quantities extractor (placeholder until its issue's work lands)."""

from eventwire.pipeline import DocContext


class CountExtractor:
    def __call__(self, ctx: "DocContext") -> None:
        return None


class EventCounter:
    def __call__(self, ctx: "DocContext") -> None:
        return None
