"""Place and date borrowed from the neighbouring sentence of the same report; dateline dates; the new fields."""

from __future__ import annotations

import pytest

from eventwire.model import EventDate, EventLocation


@pytest.fixture(scope="module")
def pipeline():
    """The linkers' work on each mention, before `event_merge` folds a consequence into its attack."""
    from eventwire.pipeline import DEFAULT_COMPONENTS, Pipeline

    return Pipeline(
        components=[name for name in DEFAULT_COMPONENTS if name != "event_merge"],
        config={"event_confidence": {"decide": False}},  # every candidate kept: the decision is tested apart
    )


def _no_town(location: dict | None) -> bool:
    """No town: at most the one country all the report's places lie in (`locate_in_the_story_country`)."""
    return location is None or (location["name"] == "Australia" and location["precision"] == 6)


def _events(pipeline, text: str, published_at: str = "2024-03-14") -> dict[str, dict]:
    result = pipeline.extract(text, published_at=published_at)
    return {event["trigger"]["text"]: event for event in result["events"]}


def test_next_sentence_of_the_report_places_and_dates_a_consequence(pipeline):
    text = "Protesters clashed with police in Dhaka on Sunday. At least 20 people were injured, officials said."
    injured = _events(pipeline, text)["injured"]
    assert injured["location"]["name"] == "Dhaka"
    assert injured["location"]["source"] == "adjacent"
    assert text[injured["location"]["start"] : injured["location"]["end"]] == "Dhaka"
    assert injured["date"]["value"] == "2024-03-10"
    assert injured["date"]["source"] == "text" and injured["date"]["provenance"] == "adjacent"


def test_a_sentence_with_its_own_place_borrows_nothing(pipeline):
    text = "Protesters clashed with police in Dhaka on Sunday. In Chittagong, 20 people were injured."
    injured = _events(pipeline, text)["injured"]
    assert injured["location"] is None or injured["location"]["source"] == "sentence"


def test_previous_sentence_with_two_places_lends_none(pipeline):
    text = "Troops shelled Kharkiv and rebels attacked Donetsk on Sunday. Two civilians were killed."
    killed = _events(pipeline, text)["killed"]
    assert killed["location"] is None


def test_historical_event_lends_no_date(pipeline):
    text = "In 2005 a gunman killed three people at the courthouse. Two others were injured."
    injured = _events(pipeline, text)["injured"]
    assert injured["date"]["source"] == "published_at"


def test_dateline_dates_an_undated_event(pipeline):
    text = "KYIV, March 12 (Reuters) - Russian drones struck an apartment block, killing four people."
    struck = _events(pipeline, text)["struck"]
    assert struck["date"]["value"] == "2024-03-12"
    assert struck["date"]["source"] == "dateline"
    assert text[struck["date"]["start"] : struck["date"]["end"]] == "March 12"


def test_publication_date_fallback_says_so(pipeline):
    struck = _events(pipeline, "Russian drones struck an apartment block, killing four people.")["struck"]
    assert struck["date"] == {**struck["date"], "value": "2024-03-14", "source": "published_at", "text": None}


def test_precision_has_a_name():
    location = EventLocation(geonameid=1, name="X", lat=0.0, lon=0.0, country="UKR", precision=3)
    assert location.precision_name == "district"
    assert EventLocation(None, "Y", None, None, None, precision=6).precision_name == "country"
    assert EventDate("2024-03-14", "day").source == "text"


def test_act_done_by_saying_takes_the_reporting_verbs_date(pipeline):
    text = "Hamas said Tuesday it rejects the proposal. The ministry said on Monday that rebels attacked a convoy."
    events = _events(pipeline, text, published_at="1998-03-05")
    assert events["rejects"]["date"]["value"] == "1998-03-03"
    assert events["rejects"]["date"]["text"] == "Tuesday"
    # an attack reported on Monday did not necessarily happen on Monday, and not on Thursday's publication day either
    assert events["attacked"]["date"] is None


def test_quarter_named_with_its_town_takes_the_towns_point(pipeline):
    text = "Security forces raided homes in Cairo's Matareya district. A man was stabbed in Hackney, east London."
    events = _events(pipeline, text)
    raided, stabbed = events["raided"]["location"], events["stabbed"]["location"]
    assert raided["text"] == "Matareya" and raided["country"] == "EGY" and raided["precision_name"] == "near"
    assert stabbed["text"] == "Hackney" and stabbed["country"] == "GBR"


def test_district_of_a_town_is_not_a_namesake_abroad(pipeline):
    result = pipeline.extract("Police fired tear gas at protesters in the Cairo district of Heliopolis.")
    assert {place["country"] for place in result["places"]} == {"EGY"}
    assert "Cairo" in {place["text"] for place in result["places"]}


@pytest.mark.parametrize(
    ("text", "quarter", "country"),
    [
        ("A house in Gaza City's southern neighbourhood of Zeitun was hit by two missiles.", "Zeitun", "PSE"),
        ("A car bomb exploded in Baghdad's northwestern neighborhood of Hurriyah, killing ten.", "Hurriyah", "IRQ"),
    ],
)
def test_a_towns_neighbourhood_told_with_of_lies_in_the_towns_country(pipeline, text, quarter, country):
    """'Y's (region word) neighbourhood of X': no namesake abroad (Zejtun, Malta); the quarter borrows Y's point."""
    places = {place["text"]: place for place in pipeline.extract(text)["places"]}
    assert quarter in places and places[quarter]["country"] == country, places


def test_next_sentence_naming_the_act_again_places_it(pipeline):
    text = "Gunmen attacked a police station on Sunday. The attack took place in Maiduguri, officials said."
    attacked = _events(pipeline, text)["attacked"]
    assert attacked["location"]["name"] == "Maiduguri" and attacked["location"]["source"] == "adjacent"


def test_a_new_act_does_not_take_the_previous_acts_place(pipeline):
    text = (
        "The embassy bombings, on Aug. 7, killed 247 people in Kenya. "
        "Officials linked the sites struck overnight with the bombings."
    )
    assert _events(pipeline, text, "1998-08-20")["struck"]["location"] is None


def test_the_town_points_back_to_the_previous_sentence(pipeline):
    text = "Fighting broke out near Huliaipole. Russian troops shelled the town, killing two civilians."
    shelled = _events(pipeline, text)["shelled"]
    assert shelled["location"]["name"] == "Hulyaypole" and shelled["location"]["source"] == "adjacent"


def test_town_inside_a_nominal_trigger_places_the_act(pipeline):
    events = _events(pipeline, "Delegates left the Geneva talks on Friday without a deal.")
    talks = next(event for trigger, event in events.items() if "talks" in trigger)
    assert talks["location"]["name"] == "Geneva"


def test_country_across_the_border_is_not_the_scene(pipeline):
    events = _events(pipeline, "Troops clashed with rebels along the border with Thailand on Monday.")
    assert events["clashed"]["location"] is None


def test_dateline_anchors_relative_dates_when_the_publication_date_is_unknown(pipeline):
    text = "TIJUANA, MARCH 29, 2018 -- The government announced Monday that troops arrested 12 smugglers."
    result = pipeline.extract(text)
    assert "2018-03-26" in {t["value"] for t in result["times"] if t["text"] == "Monday"}


def test_an_opening_dash_is_no_dateline(pipeline):
    text = "On Tuesday - the day after the vote - protesters marched. Police arrested 12 people."
    arrested = _events(pipeline, text)["arrested"]
    assert arrested["date"]["source"] != "dateline"


def test_the_one_day_of_the_sentence_dates_an_event_the_parse_does_not_link_it_to(pipeline):
    text = "Officers answering reports of a man waving a knife on Wednesday shot him outside a bakery."
    shot = _events(pipeline, text)["shot"]
    assert shot["date"]["value"] == "2024-03-13"
    assert shot["date"]["source"] == "text" and shot["date"]["provenance"] == "sentence"
    assert text[shot["date"]["start"] : shot["date"]["end"]] == "Wednesday"


def test_a_day_of_another_act_of_the_sentence_does_not_date_the_event(pipeline):
    said = _events(pipeline, "Rebels ambushed an army convoy near the river, the governor said on Monday.")["ambushed"]
    # told on Monday, so not on Thursday's publication day either (event_dates.off_report_day)
    assert said["date"] is None
    since = _events(pipeline, "The envoy has criticised the council often since he arrived on March 2.")
    assert all((event["date"] or {}).get("value") != "2024-03-02" for event in since.values())


def test_without_a_publication_date_a_relative_day_dates_the_event_unresolved(pipeline):
    result = pipeline.extract("Police arrested two protesters on Wednesday in the old town.")
    arrested = next(event for event in result["events"] if event["trigger"]["text"] == "arrested")
    assert arrested["date"]["value"] == "XXXX-WXX-3"
    assert arrested["date"]["source"] == "unresolved"
    assert arrested["date"]["text"] == "Wednesday"
    vague = pipeline.extract("Police arrested two protesters yesterday in the old town.")["events"]
    assert all(event["date"] is None for event in vague)


def test_dateline_places_an_event_nothing_else_places(pipeline):
    text = "CANBERRA, Australia (AP) _ The treasurer promised on Tuesday to cut the fuel levy by half."
    promised = _events(pipeline, text)["promised"]
    assert promised["location"]["name"] == "Canberra"
    assert promised["location"]["source"] == "dateline"
    assert text[promised["location"]["start"] : promised["location"]["end"]] == "CANBERRA"


def test_a_town_after_a_papers_date_stamp_is_the_dateline(pipeline):
    text = (
        "Traders shut shops in protest 02nd September 2010 04:30 AM HYDERABAD : Police arrested "
        "three traders near the market on Wednesday."
    )
    arrested = _events(pipeline, text)["arrested"]
    assert arrested["location"]["name"] == "Hyderabad" and arrested["location"]["source"] == "dateline"
    assert arrested["actor"]["country"] == "IND"
    assert (arrested["recipient"] or {}).get("text") != "HYDERABAD"  # the dateline is no party


def test_dateline_lends_nothing_when_the_report_names_another_town_of_its_country(pipeline):
    text = (
        "CANBERRA, Australia (AP) _ The treasurer promised on Tuesday to cut the fuel levy by half. "
        "Farmers had protested against the levy in Perth."
    )
    assert _no_town(_events(pipeline, text)["promised"]["location"])


def test_dateline_places_a_lead_statement_whose_paragraph_names_no_other_town(pipeline):
    """Another town of the country later in the report does not unplace what the lead says was said at home."""
    lead = "CANBERRA, Australia (AP) _\n\nThe Australian prime minister promised on Tuesday to cut the fuel levy."
    later = "\n\nFarmers had protested against the levy in Perth last year."
    promised = _events(pipeline, lead + later)["promised"]
    assert promised["location"]["name"] == "Canberra" and promised["location"]["source"] == "dateline"
    same_paragraph = lead + " Farmers had protested against the levy in Perth last year."
    assert _no_town(_events(pipeline, same_paragraph)["promised"]["location"])
    filler = "\n\nThe levy was raised twice. Its revenue fell. Trucks paid most of it. Buses paid the rest."
    beyond_the_lead = "CANBERRA, Australia (AP) _" + filler + lead.split("_", 1)[1] + later
    assert _no_town(_events(pipeline, beyond_the_lead)["promised"]["location"])


def test_dateline_places_a_lead_statement_by_a_speaker_of_no_known_country(pipeline):
    """Places abroad named later do not unplace what the lead says; deeper in the report they do."""
    statement = "The harbour trust denied on Tuesday that the files were lost."
    abroad = "\n\nSimilar disputes arose in Fiji and in Samoa last year."
    denied = _events(pipeline, "CANBERRA, Australia (AP) _\n\n" + statement + abroad)["denied"]
    assert denied["actor"] is None or denied["actor"]["country"] is None
    assert denied["location"]["name"] == "Canberra" and denied["location"]["source"] == "dateline"
    filler = "The levy was raised twice. Its revenue fell. Trucks paid most of it. Buses paid the rest.\n\n"
    deeper = "CANBERRA, Australia (AP) _\n\n" + filler + statement + abroad
    assert _events(pipeline, deeper)["denied"]["location"] is None


def test_a_dateline_after_the_byline_on_the_same_line(pipeline):
    text = (
        "By Jane Roe and Tom Poe, Associated Press CANBERRA (AP) — The Australian treasurer promised on Tuesday to "
        "cut the fuel levy by half."
    )
    promised = _events(pipeline, text)["promised"]
    assert promised["location"]["name"] == "Canberra" and promised["location"]["source"] == "dateline"
    assert text[promised["location"]["start"] : promised["location"]["end"]] == "CANBERRA"


def test_a_sentence_telling_where_it_happened_places_the_act_before_it(pipeline):
    text = "Gunmen shot a shopkeeper on Friday. It happened outside a market in the Mitte district of Berlin."
    shot = _events(pipeline, text)["shot"]
    assert shot["location"]["source"] == "adjacent"
    assert shot["location"]["name"] in ("Mitte", "Berlin")


def test_dateline_of_a_case_degenerate_report_places_its_events(pipeline):
    text = "CANBERRA, Australia (AP) _ The treasurer promised on Tuesday to cut the fuel levy by half."
    for variant in (text.upper(), text.lower()):
        events = pipeline.extract(variant, published_at="2024-03-14")["events"]
        promised = next(e for e in events if e["trigger"]["text"].lower() == "promised")
        assert promised["location"]["name"] == "Canberra" and promised["location"]["source"] == "dateline"


def test_dateline_places_a_statement_about_places_abroad(pipeline):
    """The places a statement is about are not where its speaker was: the dateline places it."""
    text = "CANBERRA, Australia (AP) _ The Australian prime minister condemned the raids on villages in Fiji."
    condemned = _events(pipeline, text)["condemned"]
    assert condemned["location"]["name"] == "Canberra" and condemned["location"]["source"] == "dateline"


def test_dateline_yields_to_where_the_speaker_spoke(pipeline):
    text = "CANBERRA, Australia (AP) _ The Australian premier, speaking in Jakarta, condemned the raids in Fiji."
    condemned = _events(pipeline, text)["condemned"]
    assert condemned["location"] is None or condemned["location"]["source"] != "dateline"


def test_a_town_and_a_colon_opening_the_report_is_its_dateline(pipeline):
    text = "Lusaka: The electoral commission asked the parties to file their accounts within a month."
    asked = _events(pipeline, text)["asked"]
    assert asked["location"]["name"] == "Lusaka" and asked["location"]["source"] == "dateline"
    assert _events(pipeline, "Update: " + text[len("Lusaka: ") :])["asked"]["location"] is None


LOCAL_REPORT = (
    "A fire destroyed a warehouse in Dayton on Monday, officials said. The owners had stored paint in it for years. "
    "{middle} On Tuesday the council demanded an inquiry into the blaze."
)


def test_a_report_about_one_town_places_its_events_there(pipeline):
    """No dateline, but the lead names one town and the report no other: events nothing else places take it."""
    text = LOCAL_REPORT.format(middle="Neighbours said the smoke lasted all night.")
    demanded = _events(pipeline, text)["demanded"]
    assert demanded["location"]["name"] == "Dayton" and demanded["location"]["source"] == "report"
    assert text[demanded["location"]["start"] : demanded["location"]["end"]] == "Dayton"


def test_a_report_naming_a_second_town_lends_neither(pipeline):
    text = LOCAL_REPORT.format(middle="Crews from Columbus helped.")
    assert _events(pipeline, text)["demanded"]["location"] is None


def test_the_report_town_does_not_overrule_its_own_sentence(pipeline):
    """Where the event's sentence names the town itself, the locator had its say there."""
    text = "Residents of Dayton said the council demanded an inquiry into the blaze. Neighbours said it lasted all day."
    assert _events(pipeline, text)["demanded"]["location"] is None


def test_there_points_to_the_one_place_of_the_sentence_before(pipeline):
    text = "Officers traced the stolen van to a farm near Ballarat. It was there that two men were arrested on Friday."
    arrested = _events(pipeline, text)["arrested"]
    assert arrested["location"]["name"] == "Ballarat" and arrested["location"]["source"] == "adjacent"
    two = text.replace("near Ballarat", "near Ballarat or Geelong")
    assert _events(pipeline, two)["arrested"]["location"] is None


def test_a_place_at_the_end_of_the_triggers_locative_chain_places_it(pipeline):
    text = "Four guards were killed in a rocket attack on Sunday outside the customs office in the port of Mombasa."
    killed = _events(pipeline, text)["killed"]
    assert killed["location"]["name"] == "Mombasa" and killed["location"]["source"] == "sentence"


def test_dateline_places_the_lead_act_whatever_the_report_names_abroad(pipeline):
    """The lead tells the news where the report was filed; a foreign actor's act, or one the lead's own
    sentence places elsewhere, is not placed so."""
    later = "\n\nThe same crew had been fined in Fiji last year."
    own = "CANBERRA, Australia (AP) _\n\nThe Australian navy seized a fishing boat on Tuesday." + later
    seized = _events(pipeline, own)["seized"]
    assert seized["location"]["name"] == "Canberra" and seized["location"]["source"] == "dateline"
    foreign = "CANBERRA, Australia (AP) _\n\nThe Fijian navy seized an Australian fishing boat on Tuesday." + later
    assert (_events(pipeline, foreign)["seized"]["location"] or {}).get("source") != "dateline"
    elsewhere = "CANBERRA, Australia (AP) _\n\nThe Australian navy seized a fishing boat near Suva on Tuesday." + later
    assert _events(pipeline, elsewhere)["seized"]["location"]["name"] == "Suva"


def test_a_suburb_the_lead_names_places_the_story_acts_instead_of_the_dateline(pipeline):
    """A part or suburb of the dateline's town where the lead says it happened is where the story's acts were;
    its statements stay at the dateline, and two such towns leave the dateline."""
    lead = "CANBERRA, Australia (AP) _\n\nA man smashed the windows of a parked car on Tuesday in Queanbeyan."
    rest = "\n\nPolice arrested the man a day later. The prime minister condemned the attack."
    events = _events(pipeline, lead + rest)
    assert (
        events["arrested"]["location"]["name"] == "Queanbeyan" and events["arrested"]["location"]["source"] == "report"
    )
    assert events["condemned"]["location"]["name"] == "Canberra"
    two = _events(pipeline, lead + " His brother lives in Belconnen." + rest)
    assert two["arrested"]["location"]["name"] == "Canberra"


def test_a_dateline_name_ner_calls_a_nationality_is_still_the_datelines_town(pipeline):
    """ "BUFFALO" reads as a group of people to the small model; opening a dateline it is the town."""
    text = "BUFFALO, N.Y. (AP) -- A man was charged with murder Thursday in the slaying of a doctor."
    charged = _events(pipeline, text)["charged"]
    assert charged["location"]["name"] == "Buffalo" and charged["location"]["source"] == "dateline"
    assert text[charged["location"]["start"] : charged["location"]["end"]] == "BUFFALO"


def test_dateline_places_the_lead_of_a_one_paragraph_report(pipeline):
    """A report without line breaks has no paragraphs: a town named three sentences on does not unplace the lead;
    one in the next sentence still does."""
    lead = "CANBERRA, Australia (AP) _ The Australian treasurer promised on Tuesday to cut the fuel levy by half."
    later = " The levy was raised twice. Its revenue fell. Farmers had protested against the levy in Perth."
    promised = _events(pipeline, lead + later)["promised"]
    assert promised["location"]["name"] == "Canberra" and promised["location"]["source"] == "dateline"
    next_sentence = lead + " Farmers had protested against the levy in Perth."
    assert _no_town(_events(pipeline, next_sentence)["promised"]["location"])


def _context(pipeline, text: str):
    from eventwire.ingest import make_document
    from eventwire.nlp.parse import parse

    document, doc = next(parse(pipeline.nlp, [make_document(text, published_at="2024-03-14")]))
    return pipeline.run_context(document, doc)


def test_a_place_across_a_border_is_another_place_than_the_datelines(pipeline):
    """ "a village bordering Switzerland" lies outside Switzerland: it does not stand for the dateline's country."""
    from eventwire.extract.places.event_location import _beyond_a_border

    ctx = _context(pipeline, "GENEVA, Switzerland (AP) _ Police seized a car bomb in a village bordering Switzerland.")
    border = [m for m in ctx.place_mentions if m.place.text == "Switzerland" and m.place.start > 30]
    assert border and _beyond_a_border(ctx.doc, border[0])
    ctx = _context(pipeline, "GENEVA, Switzerland (AP) _ Police seized a car bomb in a village in Switzerland.")
    inside = [m for m in ctx.place_mentions if m.place.text == "Switzerland" and m.place.start > 30]
    assert inside and not _beyond_a_border(ctx.doc, inside[0])


def test_a_piece_of_the_datelines_name_is_no_dateline(pipeline):
    """ "ST. LOUIS –": the town the name opens with, never a town named like its last word ("LOUIS")."""
    from eventwire.extract.places.dateline import dateline_place

    text = "ST. LOUIS – St. Louis Police said its officers arrested two men suspected of stealing cars."
    ctx = _context(pipeline, text)
    home = dateline_place(text, ctx.place_mentions)
    assert home is None or home.place.start == 0
    nairobi = "NAIROBI, Kenya (AP) _ Police arrested two men suspected of stealing cars."
    assert dateline_place(nairobi, _context(pipeline, nairobi).place_mentions).place.name == "Nairobi"


def test_a_reports_local_police_act_in_their_town(pipeline):
    """ "Police in the city of Lyon were searching ... Police have urged people to avoid the area": the lead names
    the police as one town's; a report naming two towns' police lends neither."""
    lead = "Police in the city of Cusco were searching for a man who left a bomb near a bakery on Friday."
    later = " Officials in Lima said the device was crude. Police have urged people to avoid the area."
    urged = _events(pipeline, lead + later)["urged"]
    assert urged["location"]["name"] == "Cusco" and urged["location"]["source"] == "report"
    two = lead + " Police in Arequipa joined the search." + later
    assert _events(pipeline, two)["urged"]["location"] is None


STORY_IN_ONE_COUNTRY = (
    "Farmers in Kenya blocked a highway near Nakuru on Monday. Police in Eldoret detained twelve of them. "
    "{more}On Tuesday the farmers' union demanded their release."
)


def test_a_report_whose_places_lie_in_one_country_places_its_other_acts_there(pipeline):
    """Two towns, so no one town is the report's; all its places lie in Kenya: the country, no finer."""
    text = STORY_IN_ONE_COUNTRY.format(more="")
    demanded = _events(pipeline, text)["demanded"]["location"]
    assert demanded["name"] == "Kenya" and demanded["precision"] == 6 and demanded["source"] == "report"
    assert text[demanded["start"] : demanded["end"]] == "Kenya"


def test_a_report_reaching_abroad_lends_no_country(pipeline):
    abroad = STORY_IN_ONE_COUNTRY.format(more="Similar protests were held in Uganda. ")
    assert _events(pipeline, abroad)["demanded"]["location"] is None
    told_as_abroad = STORY_IN_ONE_COUNTRY.format(more="").replace("their release", "their release from a jail abroad")
    assert _events(pipeline, told_as_abroad)["demanded"]["location"] is None


def test_a_foreign_actor_takes_no_country_of_the_report(pipeline):
    text = STORY_IN_ONE_COUNTRY.format(more="").replace("the farmers' union", "the Ugandan government")
    assert _events(pipeline, text)["demanded"]["location"] is None


def test_a_dateline_after_a_headline_joined_by_a_hyphen(pipeline):
    """ "Headline-TOWN — text" (a wire's headline run into its dateline on the first line)."""
    text = "Farm Levy Halved After Protests-CANBERRA — The treasurer promised on Tuesday to cut the fuel levy by half."
    promised = _events(pipeline, text)["promised"]
    assert promised["location"]["name"] == "Canberra" and promised["location"]["source"] == "dateline"
    assert text[promised["location"]["start"] : promised["location"]["end"]] == "CANBERRA"
    inside = "Farm levy halved. The treasurer, a self-declared fan of AC-DC — promised on Tuesday to cut the levy."
    assert (_events(pipeline, inside)["promised"]["location"] or {}).get("source") != "dateline"


@pytest.mark.parametrize(
    ("actor", "country"), [("Australian farmers", "Australia"), ("Australian troops", None), ("Fijian farmers", None)]
)
def test_a_dateline_gives_its_country_to_the_acts_of_its_own_actors(pipeline, actor, country):
    """A report naming places abroad: its own country's actors act at home (not its armed forces), others not."""
    text = (
        "CANBERRA, Australia (AP) _ The treasurer promised on Tuesday to cut the fuel levy by half. "
        f"Similar levies were cut in Fiji last year. {actor} blockaded a highway on Wednesday."
    )
    location = _events(pipeline, text)["blockaded"]["location"]
    assert (location["name"] if location else None) == country
    assert location is None or (location["precision"] == 6 and location["source"] == "dateline")
