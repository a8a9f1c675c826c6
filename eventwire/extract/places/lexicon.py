"""The places stage's editable word lists (data/*.yaml, data/stopnames.txt), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.knowledge import Knowledge, package_file


def place_data(name: str) -> Knowledge:
    """One of the places stage's YAML files (data/NAME)."""
    return package_file("eventwire.extract.places", "data", name)


def _data_text(name: str) -> str:
    return resources.files("eventwire.extract.places").joinpath("data", name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class PlaceLexicon:
    nouns_before_of: dict[str, str]
    nouns_after: dict[str, str]
    quarter_nouns: frozenset[str]
    region_words: dict[str, dict[str, list[float]]]
    region_margin: float
    stopnames: frozenset[str]
    seats_of_government: dict[str, str]
    macro_regions: frozenset[str]
    feature_words: frozenset[str]
    facility_words: frozenset[str]
    institution_words: frozenset[str]
    area_nouns: frozenset[str]
    target_verbs: frozenset[str]
    target_nouns: frozenset[str]
    site_nouns: frozenset[str]
    site_words: frozenset[str]
    name_particles: frozenset[str]
    compass_names: frozenset[str]


@lru_cache(maxsize=1)
def place_lexicon() -> PlaceLexicon:
    descriptors = place_data("descriptors.yaml")
    seats = place_data("seats.yaml")
    stopnames = {
        line.strip().lower()
        for line in _data_text("stopnames.txt").splitlines()
        if line.strip() and not line.startswith("#")
    }
    return PlaceLexicon(
        nouns_before_of=descriptors["nouns_before_of"],
        nouns_after=descriptors["nouns_after"],
        quarter_nouns=frozenset(descriptors["quarter_nouns"]),
        region_words=descriptors["region_words"],
        region_margin=float(descriptors["region_margin"]),
        stopnames=frozenset(stopnames),
        seats_of_government=dict(seats["seats_of_government"]),
        macro_regions=frozenset(name.lower() for name in descriptors["macro_regions"]),
        feature_words=frozenset(descriptors["feature_words"]),
        facility_words=frozenset(descriptors["facility_words"]),
        institution_words=frozenset(descriptors["institution_words"]),
        area_nouns=package_file("eventwire.extract", "data", "place_nouns.yaml").words("area_nouns"),
        target_verbs=frozenset(descriptors["target_verbs"]),
        target_nouns=frozenset(descriptors["target_nouns"]),
        site_nouns=frozenset(descriptors["site_nouns"]),
        site_words=frozenset(descriptors["site_words"]),
        name_particles=frozenset(descriptors["name_particles"]),
        compass_names=frozenset(descriptors["compass_names"]),
    )


def is_seat_of_government(text: str) -> bool:
    """ "Kremlin", "White House": named for the government that sits there (always an actor)."""
    return text.strip() in place_lexicon().seats_of_government
