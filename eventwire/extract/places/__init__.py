"""places extractor (placeholder until its issue's work lands)."""

from eventwire.pipeline import DocContext


class PlaceResolver:
    def __call__(self, ctx: "DocContext") -> None:
        return None


class EventLocator:
    def __call__(self, ctx: "DocContext") -> None:
        return None
