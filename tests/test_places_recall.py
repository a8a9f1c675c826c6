"""Toponym detection recall (issue 15, geo): names news writes that detection used to miss."""

from __future__ import annotations

import pytest

from eventwire.context import DocContext
from eventwire.extract.actors.knowledge import load_knowledge
from eventwire.extract.actors.metonymy import MetonymyDecision
from eventwire.extract.places import PlaceResolver
from eventwire.model import DocResult, Document


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver()


def places_of(nlp, resolver, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each listed place's text -> (feature code, country), after the places stage alone."""
    ctx = DocContext(Document(id="t", text=text), nlp(text), DocResult(doc_id="t"))
    ctx.metonymy = MetonymyDecision([], load_knowledge().metonymy)
    resolver(ctx)
    for place in ctx.result.places:
        assert text[place.start : place.end] == place.text
    return {place.text: (place.feature_code, place.country) for place in ctx.result.places}


def test_a_county_closing_an_address_is_a_place_even_when_ner_calls_it_a_person(nlp, resolver):
    text = "The British season. Round 3: 5/6 May at Castle Combe, Kent. Round 4: 2/3 June at Oulton Park, Cheshire."
    places = places_of(nlp, resolver, text)
    assert places.get("Kent") == ("ADM2", "GBR")
    assert places.get("Cheshire") == ("ADM2", "GBR")  # the ceremonial county, named by its largest part


def test_a_list_item_or_a_persons_name_lends_no_address(nlp, resolver):
    places = places_of(nlp, resolver, "The firm hired Tom Baker, Kent. Sales rose at Acme, Beta, Kent.")
    assert "Kent" not in places


def test_an_upper_case_dateline_in_normally_cased_text_is_a_place(nlp, resolver):
    places = places_of(nlp, resolver, "SAN ANTONIO Coach Jim Hale criticised the league on Friday after a loss.")
    assert places.get("SAN ANTONIO") == ("PPL", "USA")
    text = "Mayor Speaks at Grant Event. IMMOKALEE – Mayor Ann Cole praised the new grant on Monday."
    assert places_of(nlp, resolver, text).get("IMMOKALEE") == ("PPL", "USA")


def test_an_upper_case_agency_or_caption_is_no_dateline(nlp, resolver):
    text = "The report was out.\nFBI Director Ann Cole spoke on Monday.\nJEWELL: Ann Cole and Tom Hale at the park."
    assert not {"FBI", "JEWELL"} & set(places_of(nlp, resolver, text))


def test_a_town_opening_an_institutions_name_is_where_it_is(nlp, resolver):
    places = places_of(nlp, resolver, "The man appeared before the Delhi High Court on Monday.")
    assert places.get("Delhi") == ("PPL", "IND")
    places = places_of(nlp, resolver, "She was taken to Colchester General Hospital after the crash.")
    assert places.get("Colchester") == ("PPL", "GBR")


def test_no_town_from_a_street_a_state_or_an_institution_placed_elsewhere(nlp, resolver):
    text = "He lived on Boston Street, studied at Colorado State University and at Washington University in St. Louis."
    places = places_of(nlp, resolver, text)
    assert not {"Boston", "Colorado", "Washington"} & set(places)


def test_a_nationality_inside_an_organisations_name_names_its_nation(nlp, resolver):
    text = "Ann Cole, head of the Association of German Chambers of Commerce and Industry, spoke on Monday."
    assert places_of(nlp, resolver, text).get("German") == ("PCLI", "DEU")


def test_no_nation_from_a_building_or_a_qualified_nationality(nlp, resolver):
    text = "He met staff of the Russian Embassy and of the Latin American Studies Association."
    places = places_of(nlp, resolver, text)
    assert "Russian" not in places
    assert places.get("American") is None


def test_where_a_person_lives_or_a_firm_is_based_is_a_place(nlp, resolver):
    places = places_of(nlp, resolver, "Ann Cole, 45, of Bellmore, was charged on Monday.")
    assert places.get("Bellmore") == ("PPL", "USA")
    places = places_of(nlp, resolver, "The British team signed a Kent-based driver.")
    assert places.get("Kent") == ("ADM2", "GBR")


def test_an_upper_case_datelines_reading_is_carried_to_its_name_in_the_text(nlp, resolver):
    text = "Mayor Speaks at Grant Event. IMMOKALEE – Mayor Ann Cole praised the grant for Immokalee’s new streets."
    places = places_of(nlp, resolver, text)
    assert places.get("IMMOKALEE") == places.get("Immokalee") == ("PPL", "USA")


def test_a_regions_initials_name_it_in_an_article_that_names_it(nlp, resolver):
    text = "Officials in Western Australia met on Monday. Wastewater in WA is treated before release."
    places = places_of(nlp, resolver, text)
    assert places.get("WA") == places.get("Western Australia")
    assert places["WA"][0] == "ADM1"
    assert "WA" not in places_of(nlp, resolver, "Wastewater in WA is treated before release.")


def test_an_institution_named_for_a_person_names_no_town(nlp, resolver):
    text = "Ann Cole, a fellow at George Mason University, spoke in Virginia."
    assert "George" not in places_of(nlp, resolver, text)


def test_a_carried_upper_case_reading_keeps_each_occurrences_own_text():
    """Every place span is the text's own characters, also where an upper-case reading was carried to it."""
    from eventwire.pipeline import Pipeline

    text = (
        "Growers Meet at Harvest Fair. ALLENDALE – Farmers gathered on Friday. The Allendale fair drew "
        "crowds, and Allendale's mayor said Allendale would host it again."
    )
    places = Pipeline(components=["actors", "places"]).extract(text)["places"]
    assert len([p for p in places if p["name"] == "Allendale"]) >= 3
    for place in places:
        assert text[place["start"] : place["end"]] == place["text"]


# ---------------------------------------------------------------- thirteenth session (issue 15, geo)


def test_korea_and_korean_alone_are_south_korea_and_the_north_keeps_its_name(nlp, resolver):
    places = places_of(nlp, resolver, "Fans waved Korean flags as the Korea Football League resumed in Seoul.")
    assert places.get("Korean") == ("PCLI", "KOR")
    assert places.get("Korea") == ("PCLI", "KOR")
    assert places_of(nlp, resolver, "North Korea fired a missile on Monday.").get("North Korea") == ("PCLI", "PRK")


def test_arab_is_the_arab_world_and_a_comma_separated_demonym_counts(nlp, resolver):
    places = places_of(nlp, resolver, "Arab leaders met a Bosnian delegation on Monday to discuss trade.")
    assert places.get("Arab") == ("RGN", None)
    assert places.get("Bosnian") == ("PCLI", "BIH")


def test_the_soviet_union_is_russia_by_geonames_id(nlp, resolver):
    places = places_of(nlp, resolver, "Unlike in the days of the Soviet Union, trade now flows freely.")
    assert places.get("Soviet Union") == ("PCLI", "RUS")


def test_initials_of_a_nation_named_only_by_its_people(nlp, resolver):
    text = "Mining affects millions of South Africans. That SA holds such reserves matters to every chief in SA."
    places = places_of(nlp, resolver, text)
    assert places.get("SA") == ("PCLI", "ZAF")
    assert "South Africans" not in places  # the people are no toponym
    assert "SA" not in places_of(nlp, resolver, "The firm Acme SA reported higher sales on Monday.")


def test_an_upper_case_dateline_with_an_abbreviation(nlp, resolver):
    places = places_of(nlp, resolver, "ST. LOUIS – Police arrested two people suspected of stealing meat.")
    assert places.get("ST. LOUIS") == ("PPL", "USA")
    assert "LOUIS" not in places


def test_a_venue_the_text_puts_in_a_town_is_listed_there(nlp, resolver):
    text = "She spoke at a briefing at the Palais des Glaces in Geneva on Tuesday."
    assert places_of(nlp, resolver, text).get("Palais des Glaces") == (None, "CHE")
    text = "The fair was held yesterday at the Growers Service Centre, in Goodlands."
    assert places_of(nlp, resolver, text).get("Growers Service Centre") == (None, "MUS")
    text = "The convicts were sent to the New Harbour Prison (NHP) in Muntinlupa on Friday."
    assert places_of(nlp, resolver, text).get("New Harbour Prison") == (None, "PHL")


def test_a_name_in_a_town_without_a_site_preposition_is_no_venue(nlp, resolver):
    places = places_of(nlp, resolver, "Officials of Acme Holdings in Geneva denied the report on Tuesday.")
    assert "Acme Holdings" not in places


def test_a_common_word_ner_took_into_a_name_and_a_hyphened_pair_of_nations(nlp, resolver):
    places = places_of(nlp, resolver, "Cooler water in the eastern Pacific equatorial region marks La Nina.")
    assert places.get("Pacific") == ("OCN", None)
    places = places_of(nlp, resolver, "Many Russian-European projects stalled after the sanctions.")
    assert places.get("Russian") == ("PCLI", "RUS")
    assert places.get("European") == ("CONT", None)


def test_an_abbreviation_glued_to_its_hyphened_word(nlp, resolver):
    places = places_of(nlp, resolver, "Nations in the U.S.-led coalition have fought the group in Iraq.")
    assert places.get("U.S.") == ("PCLI", "USA")


def test_a_quarter_ner_calls_a_place_lies_in_the_local_reports_town(nlp, resolver):
    text = "ST. LOUIS – Police arrested two men. They were caught at Smoke Pit, in the Fairhill Heights area, in OT."
    places = places_of(nlp, resolver, text)
    assert places.get("Fairhill Heights") == (None, "USA")  # at St. Louis's point
    assert "OT" not in places  # an acronym is no quarter


def test_a_nationality_ending_a_persons_name_is_no_place(nlp, resolver):
    text = "Police break up any brawls. Abo Arab, a 28-year-old from Damascus, blames the heat."
    places = places_of(nlp, resolver, text)
    assert "Arab" not in places
    assert places_of(nlp, resolver, "Arab leaders met in Cairo on Monday.").get("Arab") == ("RGN", None)


def test_a_bare_in_or_a_title_makes_no_venue_nor_quarter(nlp, resolver):
    text = "WASHINGTON (AP) _ Jets helped end the war in Narnia four years ago, officials in Washington said."
    assert "Narnia" not in places_of(nlp, resolver, text)  # may lie abroad: not at the dateline's point
    text = "Policing has all but vanished, says Tom Hale, a Labour MP in north London."
    assert "MP" not in places_of(nlp, resolver, text)
