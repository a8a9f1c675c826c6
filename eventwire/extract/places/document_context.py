"""Document context for disambiguation: the countries and regions an article's confident places support.

Gathered from the first pass (no context) and used by the second pass's scores (docs/places.md "Disambiguation").
"""

from __future__ import annotations

from collections import Counter

from eventwire.extract.places.candidates import Candidate, Resolution
from eventwire.extract.places.gazetteer import ADMIN1, ADMIN2, COUNTRY, GazetteerEntry
from eventwire.extract.places.scoring import CONTAINER_AGREES, container_bonus
from eventwire.extract.places.toponyms import Mention

CONTEXT_FULL_WEIGHT = 4.0  # mentions' weight (a country counts 2) from which the context counts in full


class DocumentContext:
    """What the document as a whole says: its countries and regions, weighted by mentions."""

    def __init__(self) -> None:
        self.countries: Counter[str] = Counter()
        self.admin1s: Counter[tuple[str, str]] = Counter()

    def add(self, entry: GazetteerEntry, weight: float = 1.0, region_known: bool = True) -> None:
        if entry.country:
            self.countries[entry.country] += weight
        if entry.admin1 and entry.feature_code != COUNTRY and region_known:
            self.admin1s[(entry.country, entry.admin1)] += weight

    def country_share(self, country: str) -> float:
        total = sum(self.countries.values())
        return self.countries[country] / total if total else 0.0

    def region_share(self, country: str, admin1: str | None) -> float:
        total = sum(self.admin1s.values())
        return self.admin1s[(country, admin1)] / total if total and admin1 else 0.0

    def evidence(self) -> float:
        """0..1: how much the document's places say (one "Queens" is thin evidence)."""
        return min(1.0, sum(self.countries.values()) / CONTEXT_FULL_WEIGHT)

    def country_weight(self, country: str) -> float:
        """The country's share, damped while the document names few places."""
        return self.country_share(country) * self.evidence()


def gather_context(
    mentions: list[Mention], candidates: dict[int, list[Candidate]], first: dict[int, Resolution]
) -> DocumentContext:
    """The context of the confident first-pass answers (a country counts twice)."""
    context = DocumentContext()
    for mention in mentions:
        resolution = first[id(mention)]
        if resolution.entry is not None and _counts_for_context(mention, resolution, candidates[id(mention)], first):
            weight = 2.0 if resolution.entry.feature_code == COUNTRY else 1.0
            context.add(resolution.entry, weight, _region_settled(mention, resolution, candidates[id(mention)], first))
    return context


def _counts_for_context(
    mention: Mention, resolution: Resolution, candidates: list[Candidate], first: dict[int, Resolution]
) -> bool:
    """Only confident first-pass answers shape the document context."""
    if resolution.entry.feature_code in {COUNTRY, ADMIN1} or _inside_its_container(mention, resolution, first):
        return True
    if resolution.entry.feature_code == ADMIN2:  # "Pike County": one of many, unless its state is clear
        return len({(c.entry.country, c.entry.admin1) for c in candidates}) == 1
    return len({c.entry.country for c in candidates}) == 1 or resolution.entry.population >= 500_000


def _region_settled(
    mention: Mention, resolution: Resolution, candidates: list[Candidate], first: dict[int, Resolution]
) -> bool:
    """Whether the answer's first-level region is sure too: one "Riverdale" among many in the US says
    the country, not the state."""
    if resolution.entry.feature_code in {COUNTRY, ADMIN1} or _inside_its_container(mention, resolution, first):
        return True
    regions = {(c.entry.country, c.entry.admin1) for c in candidates}
    return len(regions) == 1 or resolution.entry.population >= 500_000


def _inside_its_container(mention: Mention, resolution: Resolution, first: dict[int, Resolution]) -> bool:
    """The text's container agrees with the answer (same country; same region when it names one)."""
    container = first.get(id(mention.container)) if mention.container is not None else None
    if container is None or container.entry is None:
        return False
    return container_bonus(resolution.entry, container.entry) >= CONTAINER_AGREES
