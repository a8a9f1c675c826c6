"""'X district in Y', 'X in the department of Y', 'X village in Y's Z district': the text says which place holds a
name, past the kind of place between them (issue 15, session 28).

Sentences are invented; the whole pipeline runs.
"""

from __future__ import annotations

import pytest


def location_of(pipeline, sentence: str) -> dict:
    return next(e["location"] for e in pipeline.extract(sentence)["events"] if e["location"])


@pytest.mark.parametrize(
    ("sentence", "text", "country"),
    [
        ("Six bus passengers were killed in the Kapilvastu district in western Nepal on Monday.", "Kapilvastu", "NPL"),
        ("Rebels attacked the town of Wamblan in the department of Jinotega on Sunday.", "Wamblan", "NIC"),
        ("Gunmen attacked Zang village in Adamawa State on Friday.", "Zang village", "NGA"),
    ],
)
def test_an_unknown_place_takes_the_region_that_holds_it(pipeline, sentence, text, country):
    location = location_of(pipeline, sentence)
    assert (location["text"], location["country"]) == (text, country)


def test_a_district_in_a_town_is_no_namesake_abroad(pipeline):
    """Al Mansurah of Egypt is not the Mansour district of Baghdad: it stays at Baghdad."""
    location = location_of(pipeline, "A car bomb exploded in Mansour district in western Baghdad on Sunday.")
    assert (location["text"], location["country"], location["precision_name"]) == ("Mansour", "IRQ", "near")


def test_a_district_in_a_state_keeps_its_own_reading(pipeline):
    location = location_of(pipeline, "Militants attacked an army post in Poonch district in Jammu and Kashmir.")
    assert (location["text"], location["country"], location["precision_name"]) == ("Poonch", "IND", "point")


def test_the_possessed_district_is_the_container(pipeline):
    sentence = "Maoists shot dead three persons at Borlagunda village in Andhra Pradesh's Karimnagar district."
    location = location_of(pipeline, sentence)
    assert (location["text"], location["precision_name"]) == ("Borlagunda", "near")


def test_a_town_in_a_district_keeps_its_reading(pipeline):
    """No kind between the name and 'in': a district's namesake town abroad (Bharatpur, Nepal) rules nothing out."""
    result = pipeline.extract("Army and paramilitary forces have been patrolling Bayana in Bharatpur district.")
    assert {p["text"]: p["country"] for p in result["places"]}.get("Bayana") == "IND"


def test_an_article_glued_to_a_name_is_no_place(pipeline):
    """'the Al-Sina'a District': GeoNames knows an 'Al' in Norway; the article opens the name, it is no town."""
    result = pipeline.extract("Earlier today, militants at the Al-Sina’a District launched an attack.")
    assert all(place["country"] != "NOR" for place in result["places"])
    assert all(place["text"] != "Al" for place in result["places"])
