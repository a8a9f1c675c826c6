"""'X near Y': a place said to lie by a town is read only where it does; the land around a town is near it (issue 15,
session 27).

Sentences are invented; the whole pipeline runs.
"""

from __future__ import annotations


def test_a_namesake_far_from_the_town_is_not_meant(pipeline):
    """Sur of Oman is not the Sur by Farah: no resolution, and the event lies near Farah."""
    result = pipeline.extract("Five people were killed in Sur near Farah city on Monday.")
    assert [p["country"] for p in result["places"] if p["text"] == "Sur"] == []
    location = next(e["location"] for e in result["events"] if e["location"])
    assert (location["text"], location["country"], location["precision_name"]) == ("Sur", "AFG", "near")


def test_a_town_by_the_town_keeps_its_reading(pipeline):
    result = pipeline.extract("Clashes erupted in Abu Ghraib near Baghdad on Sunday.")
    assert {p["text"]: p["country"] for p in result["places"]}["Abu Ghraib"] == "IRQ"


def test_near_a_country_settles_nothing(pipeline):
    """'near the Turkish border', 'outside Iraq': no town to lie by, the name is read as before."""
    result = pipeline.extract("Fighting raged in Kobani near Turkey on Friday.")
    assert {p["text"]: p["country"] for p in result["places"]}.get("Kobani") == "SYR"


def test_the_countryside_of_a_town_is_near_it(pipeline):
    """'the eastern countryside of Aleppo', 'the Latakia countryside': the land around the town, not its point."""
    for sentence in (
        "The army launched a new assault in the eastern countryside of Aleppo on Tuesday.",
        "Rebels attacked army positions in the Latakia countryside on Monday.",
        "Militants shelled the outskirts of Aleppo on Monday.",
    ):
        location = next(e["location"] for e in pipeline.extract(sentence)["events"] if e["location"])
        assert location["precision_name"] == "near", sentence
    location = next(e["location"] for e in pipeline.extract("Militants shelled Aleppo on Monday.")["events"])
    assert location["precision_name"] == "point"
