"""Seas, rivers, ranges and macro-regions (natural_features.yaml): detected, resolved, never finer than they are."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventwire.context import DocContext
from eventwire.extract.actors.geography import place_country
from eventwire.extract.actors.knowledge import load_knowledge
from eventwire.extract.actors.metonymy import MetonymyDecision
from eventwire.extract.places import PlaceResolver
from eventwire.extract.places.event_location import precision_code
from eventwire.extract.places.gazetteer import NATURAL_CODES, load_gazetteer
from eventwire.extract.places.variants import name_key
from eventwire.knowledge import load
from eventwire.model import DocResult, Document

FEATURES_FILE = "eventwire/extract/places/data/natural_features.yaml"


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver()


def places_of(nlp, resolver, text: str) -> dict[str, str]:
    """Each listed place's text and feature code, after the places stage alone."""
    ctx = DocContext(Document(id="t", text=text), nlp(text), DocResult(doc_id="t"))
    ctx.metonymy = MetonymyDecision([], load_knowledge().metonymy)
    resolver(ctx)
    for place in ctx.result.places:
        assert text[place.start : place.end] == place.text
    return {place.text: place.feature_code for place in ctx.result.places}


def test_every_listed_feature_is_in_the_gazetteer_unless_a_country_holds_its_name():
    gazetteer = load_gazetteer()
    for name, (code, lat, lon, *_rest) in load(FEATURES_FILE)["features"].items():
        assert code in NATURAL_CODES and -90 <= lat <= 90 and -180 <= lon <= 180, name
        codes = {entry.feature_code for entry, _primary in gazetteer.lookup(name_key(name))}
        assert code in codes or codes & {"PCLI", "CONT"}, name


def test_a_river_outranks_a_small_town_of_its_name(nlp, resolver):
    found = places_of(nlp, resolver, "Rowers pulled a kayak out of the Thames below the old bridge on Sunday.")
    assert found.get("Thames") == "STM"


def test_a_macro_region_is_detected_and_a_sea_by_its_short_name(nlp, resolver):
    found = places_of(nlp, resolver, "Ministers from the Middle East met as a storm crossed the Mediterranean.")
    assert found.get("Middle East") == "RGN"
    assert found.get("Mediterranean") == "SEA"


def test_a_macro_region_adjective_names_its_region(nlp, resolver):
    found = places_of(nlp, resolver, "A group of Central American farmers reached the border town.")
    assert found.get("Central American") == "RGN"


def test_a_natural_feature_is_never_an_actors_country():
    assert place_country("Mediterranean") is None
    assert place_country("Himalayas") is None


def test_an_event_at_sea_is_placed_on_water_and_a_region_no_finer_than_an_area():
    def mention(code: str) -> SimpleNamespace:
        return SimpleNamespace(resolved=True, place=SimpleNamespace(feature_code=code))

    assert precision_code(mention("SEA"), "in") == 7
    assert precision_code(mention("STM"), "near") == 7
    assert precision_code(mention("RGN"), "in") == 5
    assert precision_code(mention("PPL"), "in") == 1
