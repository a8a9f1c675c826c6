"""Candidate scoring for disambiguation: the score terms and the pick of the best candidate.

Prior (population, feature class), match quality (primary name, alias, spelling variant), the mention's own
context (descriptor kind and nationality, "central X", "X, Y" container), the document's countries and regions,
and the kind its neighbours point to. Weights are documented in docs/places.md "Disambiguation".
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from eventwire.extract.places.candidates import AREAS, Candidate, Resolution
from eventwire.extract.places.gazetteer import (
    ADMIN1,
    ADMIN2,
    CONTINENT,
    COUNTRY,
    NATURAL_CODES,
    Gazetteer,
    GazetteerEntry,
    haversine_km,
)
from eventwire.extract.places.toponyms import Mention
from eventwire.extract.places.variants import name_key

if TYPE_CHECKING:
    from eventwire.extract.places.document_context import DocumentContext

EXACT_NAME_BONUS = 2.5  # a primary name over a historic or foreign alias ("Salisbury" the English town, not Harare)
PEER_KIND_BONUS = 4.5  # a region among regions, a country among countries, a container over a town
FEATURE_PRIOR = {COUNTRY: 4.0, CONTINENT: 2.0, ADMIN1: -0.5, ADMIN2: -2.0, "PPLC": 1.5, "PPL": 0.0}
# A sea, river or macro-region (no population) over a town of under about 100,000 of the same name ("Thames").
FEATURE_PRIOR |= dict.fromkeys(NATURAL_CODES, 4.0)
KIND_FEATURES = {
    "P": {"PPL", "PPLC"},
    "ADM1": {ADMIN1, ADMIN2},  # "Laguna province": Philippine provinces are second-level
    "ADM2": {ADMIN1, ADMIN2, "PPL", "PPLC"},
    "PCLI": {COUNTRY},
}
CONTAINER_AGREES = 6.0  # a container bonus this high: the text's "X, Y" settled the answer
TOWN_RADIUS_KM = 40.0  # a neighbourhood or suburb named with its town lies this close to the town's point
NEAR_RADIUS_KM = 100.0  # a place said to be near a town ("X near Farah") lies this close to it
ADMIN2_RADIUS_KM = 100.0  # "Snetterton, Norfolk": a town this close to the district's point lies in it
PART_OF_AREA_BONUS = 2.5  # "central Washington" is the state; "central Moscow" stays the city (region_vs_city)


def countries_named_by_descriptor(gazetteer: Gazetteer, mention: Mention) -> set[str]:
    """ISO3 codes named by the descriptor ("the Russian city of X" -> RUS, "the English city of X" -> GBR)."""
    out = set()
    for word in mention.descriptor_names:
        for entry, _ in gazetteer.lookup(name_key(word)):
            if entry.feature_code in {COUNTRY, ADMIN1}:
                out.add(entry.country)
    return out


def score_candidate(
    candidate: Candidate,
    mention: Mention,
    context: DocumentContext | None,
    descriptor_countries: set[str],
    container: GazetteerEntry | None,
) -> float:
    entry = candidate.entry
    score = math.log10(entry.population + 10) + FEATURE_PRIOR.get(entry.feature_code, 0.0)
    score += {"exact": EXACT_NAME_BONUS, "alias": 0.0}.get(candidate.how, -2.0 + 2.0 * candidate.similarity)
    if mention.kind_hint:
        score += 3.0 if entry.feature_code in KIND_FEATURES.get(mention.kind_hint, set()) else -3.0
    if mention.part_of_area and entry.feature_code in {COUNTRY, ADMIN1, ADMIN2}:
        score += PART_OF_AREA_BONUS
    if descriptor_countries:
        score += 6.0 if entry.country in descriptor_countries else -6.0
    if container is not None:
        score += container_bonus(entry, container)
    if context is not None and entry.feature_code != CONTINENT and entry.feature_code not in NATURAL_CODES:
        score += 5.0 * context.country_weight(entry.country)
        if entry.feature_code == ADMIN2:
            # counties share names across states: the document's main state settles them
            score += 5.0 * context.region_share(entry.country, entry.admin1) * context.evidence()
        elif entry.admin1 and context.admin1s[(entry.country, entry.admin1)] > 0:
            score += 2.0 * context.evidence()
    return score


def container_bonus(entry: GazetteerEntry, container: GazetteerEntry) -> float:
    if container.feature_code == ADMIN2:
        if entry.country != container.country:
            return -4.0
        near = haversine_km(entry.lat, entry.lon, container.lat, container.lon) <= ADMIN2_RADIUS_KM
        return 8.0 if near and entry.admin1 == container.admin1 else (2.0 if entry.admin1 == container.admin1 else 1.0)
    if container.feature_code == COUNTRY:
        return 6.0 if entry.country == container.country else -4.0
    if container.feature_code == ADMIN1:
        same_region = entry.country == container.country and entry.admin1 == container.admin1
        return 8.0 if same_region else (1.0 if entry.country == container.country else -4.0)
    if is_town(container):
        # "Heliopolis, a district of Cairo", "Hackney, east London": a quarter lies next to its town
        return 8.0 if haversine_km(entry.lat, entry.lon, container.lat, container.lon) <= TOWN_RADIUS_KM else 0.0
    return 0.0


def is_town(entry: GazetteerEntry) -> bool:
    return (entry.feature_code or "").startswith("PPL")


def _near_town(entry: GazetteerEntry, town: GazetteerEntry, radius_km: float = TOWN_RADIUS_KM) -> bool:
    """In the town's country, and by the town when the entry is itself a town ("Crown Heights" of Brooklyn, not the
    Crown Heights 110 km up the Hudson)."""
    if entry.country != town.country:
        return False
    return not is_town(entry) or haversine_km(entry.lat, entry.lon, town.lat, town.lon) <= radius_km


def _plausible_here(
    candidate: Candidate,
    mention: Mention,
    context: DocumentContext | None,
    descriptor_countries: set[str],
    container: GazetteerEntry | None,
) -> bool:
    """Weak matches need the document's support (second pass only).

    A spelling variant must lie in a country the document mentions (or its descriptor/container says);
    a district-level name ("Morris County") is not matched to a same-named town in an unmentioned region.
    """
    entry = candidate.entry
    if mention.inside_container and container is not None and is_town(container) and not _near_town(entry, container):
        return False  # a quarter of a town lies in or by the town (else it stays unresolved, at the town)
    if mention.near_container and container is not None and not _near_town(entry, container, NEAR_RADIUS_KM):
        return False  # "Sur near Farah city": not the Sur of Oman
    town_in_town = mention.kind_placed_in and container is not None and is_town(container) and is_town(entry)
    if town_in_town and entry.country != container.country:
        return False  # "Mansour district in Baghdad": not Al Mansurah in Egypt
    if context is None:
        return True
    supported = (
        context.country_share(entry.country) > 0 or entry.country in descriptor_countries or container is not None
    )
    if candidate.how == "variant" and not supported:
        return False
    if mention.kind_hint == "ADM2" and entry.feature_code not in {COUNTRY, ADMIN1, ADMIN2}:
        return container is not None or context.admin1s[(entry.country, entry.admin1)] > 1
    return True


def _region_vs_city(candidate: Candidate, candidates: list[Candidate], mention: Mention) -> float:
    """A name shared by a region and its big city means the city ("Moscow", "New York"),
    unless the text says region ("Moscow region", "the province of X")."""
    entry = candidate.entry
    if entry.feature_code not in AREAS or mention.kind_hint in {"ADM1", "ADM2"}:
        return 0.0
    # a region yields to its big city; a district ("Reading", "Cavan") to any town of its name inside it
    minimum = 100_000 if entry.feature_code == ADMIN1 else 1_000
    has_city = any(
        c.entry.feature_code in {"PPL", "PPLC"}
        and c.entry.country == entry.country
        and c.entry.admin1 == entry.admin1
        and c.entry.population >= minimum
        for c in candidates
    )
    return -3.0 if has_city else 0.0


def _peer_bonus(candidate: Candidate, candidates: list[Candidate], mention: Mention, peers: set[str] | None) -> float:
    """Bonus for the kind the neighbours point to; never where the text or the name settles it
    ("Washington, D.C." has its own container; "New York" the region shares its name with its city)."""
    if not peers or candidate.entry.feature_code not in peers or mention.container is not None:
        return 0.0
    return PEER_KIND_BONUS if _region_vs_city(candidate, candidates, mention) == 0.0 else 0.0


def best_resolution(
    mention: Mention,
    candidates: list[Candidate],
    context: DocumentContext | None,
    gazetteer: Gazetteer,
    first_pass: dict[int, Resolution],
    peer_features: set[str] | None = None,
) -> Resolution:
    """The highest-scoring plausible candidate (ties: the bigger place), or an unresolved answer."""
    if not candidates:
        return Resolution(mention, None, 0.0, "unresolved")
    descriptor_countries = countries_named_by_descriptor(gazetteer, mention)
    container = None
    if mention.container is not None:
        container_resolution = first_pass.get(id(mention.container))
        container = container_resolution.entry if container_resolution else None
        if mention.near_container and (container is None or not is_town(container)):
            container = None  # "near the Syrian border", "outside Iraq": no town to lie by
    candidates = [c for c in candidates if _plausible_here(c, mention, context, descriptor_countries, container)]
    if not candidates:
        return Resolution(mention, None, 0.0, "unresolved")
    scored = [
        (
            score_candidate(c, mention, context, descriptor_countries, container)
            + _region_vs_city(c, candidates, mention)
            + _peer_bonus(c, candidates, mention, peer_features),
            c,
        )
        for c in candidates
    ]
    score, best = max(scored, key=lambda pair: (pair[0], pair[1].entry.population))
    return Resolution(mention, best.entry, score, best.how)
