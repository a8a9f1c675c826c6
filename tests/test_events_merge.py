"""One event per act within a document (events/merge.py) and background acts dated by their own
words, never by the publication day. Sentences are invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.extract.events.acts import act_names, counted_over_a_span, restated_subject
from eventwire.extract.events.arguments import one_party
from eventwire.extract.events.merge import (
    abbreviates,
    better_date,
    clock_only,
    locations_conflict,
    merge_document,
    one_family,
    one_place,
    one_teller,
    one_time,
    parties_agree,
)
from eventwire.model import Count, Event, EventDate, EventLocation, Evidence, Party, Place, Span


def extract(pipeline, text: str, published_at: str = "2025-06-12") -> list[dict]:
    return pipeline.extract(text, published_at=published_at)["events"]


def of_type(events: list[dict], category: str) -> list[dict]:
    return [event for event in events if event["type"] == category]


def test_an_arrest_told_twice_is_one_event_with_both_mentions(pipeline):
    text = (
        "Police in Lyon rounded up four Zendan smugglers on Tuesday. "
        "The four men were arrested at a warehouse near the river, a spokesman said."
    )
    arrests = of_type(extract(pipeline, text), "COERCE")
    assert len(arrests) == 1, arrests
    assert [m["trigger"]["text"] for m in arrests[0]["mentions"]] == ["rounded up", "arrested"]


def test_the_victims_death_is_the_outcome_of_the_stabbing(pipeline):
    text = (
        "A man stabbed the baker Tomas Verlaine outside his shop in Lyon on Monday. "
        "Verlaine was pronounced dead at the hospital two hours later."
    )
    assaults = of_type(extract(pipeline, text), "ASSAULT")
    assert len(assaults) == 1, [a["trigger"]["text"] for a in assaults]
    assert assaults[0]["dead"]["best"] == 1
    assert len(assaults[0]["mentions"]) == 2


def test_two_bombings_in_two_cities_stay_two(pipeline):
    text = (
        "A car bomb exploded outside the Ruritanian embassy in Lyon on Friday, killing six people. "
        "Another car bomb killed nine people outside the Ruritanian consulate in Marseille the same day."
    )
    assert len(of_type(extract(pipeline, text), "ASSAULT")) == 2


def test_a_definite_blast_told_with_its_town_places_the_act_it_repeats(pipeline):
    text = (
        "A bomb went off near the embassy, killing 40 people. "
        "The blast in Kampala occurred at noon, an hour after an explosion in Lusaka. "
        "The toll in the Lusaka blast rose to 12."
    )
    places = sorted((a["location"] or {}).get("name") for a in of_type(extract(pipeline, text), "ASSAULT"))
    assert places == ["Kampala", "Lusaka"]


def test_parties_under_different_names_keep_two_acts_apart():
    def person(name: str) -> Party:
        return Party(name, 0, len(name), name=name, country="FRA", sector="CVL", confidence=0.8)

    assert parties_agree(person("Marek Dolny"), person("Ilse Varga")) == (False, False)
    assert parties_agree(person("Marek Dolny"), person("Dolny")) == (True, True)
    france = Party("France", 0, 6, name="France", country="FRA", confidence=0.9)
    assert parties_agree(france, person("Dolny")) == (True, False)
    assert parties_agree(Party("he", 0, 2, country="FRA", confidence=0.6), person("Ilse Varga")) == (True, False)


def event(trigger: str, start: int, sentence: int, dead: int | None = None, date: EventDate | None = None) -> Event:
    return Event(
        id=f"t-e{start}",
        type="ASSAULT",
        trigger=Span(trigger, start, start + len(trigger)),
        evidence=Evidence("x" * 10, sentence, sentence + 10),
        mode="explosives",
        actor=Party("Zendan rebels", 0, 5, country="ZEN", sector="REB", confidence=0.9),
        dead=Count(best=dead) if dead is not None else None,
        date=date,
    )


def test_merged_counts_take_the_largest_figure_never_the_sum():
    text = " " * 200
    merged = merge_document([event("bombing", 2, 0, dead=12), event("bombing", 52, 50, dead=14)], text)
    assert len(merged) == 1
    assert merged[0].dead.best == 14


def test_acts_with_different_dates_from_the_text_stay_apart():
    text = " " * 200
    monday = EventDate("2025-06-09", "day", "Monday", 0, 6)
    june_1 = EventDate("2025-06-01", "day", "June 1", 0, 6)
    merged = merge_document([event("bombing", 2, 0, date=monday), event("bombing", 52, 50, date=june_1)], text)
    assert len(merged) == 2


def only_event(pipeline, text: str, category: str) -> dict:
    found = of_type(extract(pipeline, text), category)
    assert len(found) == 1, [(e["trigger"]["text"], e["status"]) for e in found]
    return found[0]


def test_an_act_told_in_the_pluperfect_is_history_not_dated_by_the_publication_day(pipeline):
    arrest = only_event(pipeline, "Marek Dolny had been arrested by the Zendan police.", "COERCE")
    assert arrest["status"] == "historical"
    assert arrest["date"] is None or arrest["date"]["source"] != "published_at"


def test_the_pluperfect_of_reported_speech_stays_the_news(pipeline):
    arrest = only_event(pipeline, "The Zendan police said they had arrested four smugglers.", "COERCE")
    assert arrest["status"] == "asserted"


def test_an_act_repeated_since_a_year_is_history(pipeline):
    text = "Dolny has been arrested by the Zendan police in three countries since 2015."
    arrest = only_event(pipeline, text, "COERCE")
    assert arrest["status"] == "historical"
    assert arrest["date"] is None or arrest["date"]["value"] != "2025-06-12"


def test_a_past_date_opening_the_sentence_dates_its_acts(pipeline):
    text = "But in June last year, the Zendan leadership split, and Dolny was arrested by the police."
    arrest = only_event(pipeline, text, "COERCE")
    date = arrest["date"]
    assert (arrest["status"], date["value"], date["provenance"]) == ("historical", "2024-06", "sentence")
    assert text[date["start"] : date["end"]] == date["text"]


def test_a_background_act_told_again_is_merged_and_keeps_its_date(pipeline):
    text = (
        "The rebels kidnapped two engineers near Lyon in March 2019. "
        "The engineers had worked for a French charity when they were kidnapped."
    )
    kidnapping = only_event(pipeline, text, "ASSAULT")
    assert (kidnapping["status"], kidnapping["date"]["value"]) == ("historical", "2019-03")
    assert len(kidnapping["mentions"]) == 2


def test_an_act_told_as_a_further_one_stays_apart(pipeline):
    text = (
        "The Zendan police arrested four smugglers at the port on Tuesday. "
        "The police also arrested two customs officers at the port."
    )
    assert len(of_type(extract(pipeline, text), "COERCE")) == 2


def test_a_victim_named_again_after_a_pronoun_is_one_act(pipeline):
    text = (
        "Tomas Verlaine left the court in Lyon on Monday. Minutes later he was stabbed in the street. "
        "Police said Verlaine was attacked by two men."
    )
    assaults = of_type(extract(pipeline, text), "ASSAULT")
    assert len(assaults) == 1, [a["trigger"]["text"] for a in assaults]
    assert [m["trigger"]["text"] for m in assaults[0]["mentions"]] == ["stabbed", "attacked"]
    assert assaults[0]["actor"]["text"] == "men"


def test_a_pronoun_resolved_to_a_person_ties_only_the_same_name():
    keller = Party("Anton Keller", 0, 12, name="Anton Keller", country="FRA", confidence=0.8)
    he = Party("he", 20, 22, name="Anton Keller", country="FRA", confidence=0.6, kind="coref")
    she = Party("she", 20, 23, name="Ilse Varga", country="FRA", confidence=0.6, kind="coref")
    assert parties_agree(keller, he, resolved=True) == (True, True)
    assert parties_agree(keller, she, resolved=True) == (True, False)  # a wrong resolution keeps nothing apart
    assert parties_agree(keller, he) == (True, False)


def place(name: str, geonameid: int, lat: float, lon: float, admin1: str = "75") -> EventLocation:
    return EventLocation(geonameid, name, lat, lon, "ZEN", admin1=admin1, precision=1)


def test_a_city_and_its_borough_are_one_place_two_towns_are_not():
    city, borough = place("Ostrava", 1, 49.83, 18.28), place("Poruba", 2, 49.82, 18.17)
    far_town = place("Brno", 3, 49.19, 16.61)
    assert not locations_conflict(city, borough)
    assert locations_conflict(city, far_town)
    assert locations_conflict(city, place("Poruba", 2, 49.82, 18.17, admin1="80"))


def test_an_accord_named_again_by_the_agreement_is_one_act(pipeline):
    text = (
        "The Zendan and Ruritanian ministers signed a trade agreement in Lyon on Monday. "
        "Officials said the agreement would cut duties on grain."
    )
    events = extract(pipeline, text)
    assert len(events) == 1, [(e["type"], e["trigger"]["text"]) for e in events]
    assert [m["trigger"]["text"] for m in events[0]["mentions"]] == ["signed", "agreement"]


def test_a_report_day_fallback_does_not_date_a_mention_the_dater_left_undated():
    report_day = EventDate("2025-06-10", "day", None, None, None, "published_at", "published_at")
    friday = EventDate("2025-06-06", "day", "Friday", 0, 6)
    assert better_date(report_day, None) is None
    assert better_date(None, report_day) is None
    assert better_date(None, friday) is friday
    assert better_date(report_day, friday) is friday


def test_a_stance_told_again_by_its_holder_is_one_act(pipeline):
    text = (
        "Estonia blamed Russia on Monday for the cyber attacks on its power grid. "
        "In a statement read on state television, Estonia accused Russia of trying to sow chaos."
    )
    accusations = of_type(extract(pipeline, text), "ACCUSE")
    assert len(accusations) == 1, [a["trigger"]["text"] for a in accusations]
    assert [m["trigger"]["text"] for m in accusations[0]["mentions"]] == ["blamed", "accused"]


def test_one_holder_accusing_two_countries_makes_two_acts(pipeline):
    text = (
        "Estonia blamed Russia on Monday for the cyber attacks on its power grid. "
        "In a statement read on state television, Estonia accused Belarus of trying to sow chaos."
    )
    assert len(of_type(extract(pipeline, text), "ACCUSE")) == 2


def test_trigger_words_of_one_family():
    assert one_family("seize", "seizure") and one_family("bomb", "bombing") and one_family("propose", "proposal")
    assert not one_family("protest", "protect") and not one_family("attack", "arrest")


def test_dates_partly_unknown_agree_with_a_full_date():
    assert one_time("XXXX-04-04", "2018-04-04") and one_time("2022-02", "2022-02-24")
    assert not one_time("2018-04-05", "XXXX-04-04") and one_time("XXXX-WXX-2", "2018-04-04")


def test_a_province_and_its_town_are_one_place_two_provinces_are_not():
    def place(name: str, admin1: str, code: str = "PPL", lat: float = 52.0, lon: float = -4.0) -> Place:
        return Place(name, 0, len(name), name=name, country="GBR", admin1=admin1, feature_code=code, lat=lat, lon=lon)

    assert one_place(place("Wales", "Wales", "ADM1"), place("Aberaeron", "Wales"))
    assert not one_place(place("Aberaeron", "Wales"), place("Leeds", "England", lat=53.8, lon=-1.5))


def test_initials_name_the_same_party():
    def body(text: str) -> Party:
        return Party(text, 0, len(text), name=text, country="USA", sector="GOV", confidence=0.8)

    assert parties_agree(body("INS"), body("Immigration and Naturalization Service")) == (True, True)
    assert not abbreviates(body("FBI"), body("Drug Enforcement Administration"))


def test_a_name_told_by_an_earlier_mention_ties_a_later_one(pipeline):
    text = (
        "Police charged a Lakeside man with murder on Friday. "
        "Oskar P. Lindqvist, 41, was charged with murder by police in Lakeside. "
        "Lindqvist is accused of stabbing the bartender twice."
    )
    charges = of_type(extract(pipeline, text), "ACCUSE")
    assert len(charges) == 1, [c["trigger"]["text"] for c in charges]


def test_a_victim_described_again_ties_two_mentions_of_one_attack(pipeline):
    lead = "Two youths attacked a man in Denver on Tuesday night. "
    again = lead + "Witnesses said the youths assaulted the man for ten minutes."
    assert len(of_type(extract(pipeline, again), "ASSAULT")) == 1
    other = lead + "Witnesses said the youths assaulted a woman for ten minutes."
    assert len(of_type(extract(pipeline, other), "ASSAULT")) == 2


def test_two_people_calling_for_one_release_stay_two_calls(pipeline):
    text = (
        '"They must free my brother at once," Marta Kovel said on Monday. '
        "The prisoner Ivo Kovel should be released and sent home, his lawyer Anton Brisk said."
    )
    requests = of_type(extract(pipeline, text), "REQUEST")
    assert len(requests) == 2, [(r["trigger"]["text"], r["actor"]) for r in requests]


def test_a_clock_time_names_no_day_to_keep_a_historical_act_apart(pipeline):
    text = (
        "Dr. Arlen Petrov ran the town's only clinic before he was shot dead last Oct. 12 at his home in Lyon. "
        "Petrov, 51, was shot at 9 p.m. as he stood in the kitchen of his home in Lyon."
    )
    assaults = of_type(extract(pipeline, text, published_at="2025-04-02"), "ASSAULT")
    assert len(assaults) == 1, [(a["trigger"]["text"], a["date"]) for a in assaults]
    assert assaults[0]["date"]["value"].endswith("-10-12")


def test_a_clock_time_alone_is_no_calendar_date():
    assert clock_only("10 p.m") and clock_only("at 10:30 a.m.") and clock_only("around noon")
    assert not clock_only("Tuesday at 10 p.m.") and not clock_only("Oct. 12") and not clock_only(None)


def test_the_decision_to_prosecute_points_back_to_the_charges(pipeline):
    text = (
        "The former mayor Oskar Lenn is charged with fraud over a harbour contract. "
        "On Friday his lawyers said they would challenge the decision to prosecute."
    )
    charges = of_type(extract(pipeline, text), "ACCUSE")
    assert len(charges) == 1, [(c["trigger"]["text"], c["actor"]) for c in charges]
    assert charges[0]["date"] is None or charges[0]["date"]["provenance"] != "text"


def test_two_tellers_of_one_country_and_sector_are_one_teller_a_pronoun_is_not():
    diplomat = Party(text="the top Zendan diplomat", start=0, end=23, country="ZEN", sector="GOV", confidence=0.8)
    minister = Party(text="Ivo Dran", start=50, end=58, country="ZEN", sector="GOV", confidence=0.7)
    activist = Party(text="Mara Lund", start=70, end=79, country="ZEN", sector="ACT", confidence=0.7)
    pronoun = Party(text="she", start=90, end=93, country="ZEN", sector="GOV", confidence=0.6, kind="coref")
    assert one_teller(diplomat, minister)
    assert not one_teller(diplomat, activist) and not one_teller(minister, pronoun)


def test_another_victim_killed_in_the_attack_is_that_attack(pipeline):
    text = (
        "A roadside bomb struck a police convoy near Varnow on Tuesday, killing the district chief Anton Melk. "
        "A local police commander was also killed, officials said."
    )
    assaults = of_type(extract(pipeline, text), "ASSAULT")
    assert len(assaults) == 1, [a["trigger"]["text"] for a in assaults]
    assert len(assaults[0]["mentions"]) == 2


def test_a_later_death_from_the_blast_keeps_the_attack_and_its_date(pipeline):
    text = (
        "A car bomb exploded outside a cafe in Varnow on 3 May 2019, killing four people. "
        "A fifth victim died in 2021 of wounds suffered in the blast."
    )
    assaults = of_type(extract(pipeline, text), "ASSAULT")
    assert len(assaults) == 1, [a["trigger"]["text"] for a in assaults]
    assert assaults[0]["date"]["value"] == "2019-05-03"


def test_an_earlier_attack_of_another_kind_stays_apart_from_the_victims_told_again(pipeline):
    text = (
        "A roadside bomb killed an army colonel near Varnow on Tuesday. "
        "A militia commander was also killed. "
        "In 2017 a general was killed in the same province by mortar fire from the rebels."
    )
    assaults = of_type(extract(pipeline, text), "ASSAULT")
    assert len(assaults) == 2, [a["trigger"]["text"] for a in assaults]


def test_a_victims_country_only_guessed_from_the_story_sets_no_two_victims_apart():
    told = Party("Varnian major general", 0, 21, country="VAR", sector="MIL", confidence=0.8)
    guessed = Party("major general", 0, 13, country="OST", sector="MIL", confidence=0.35)
    other = Party("Ostravan colonel", 0, 16, country="OST", sector="MIL", confidence=0.8)
    assert parties_agree(told, guessed, victims=True)[0]
    assert not parties_agree(told, guessed)[0]
    assert parties_agree(told, other) == (False, False)


def test_one_victim_described_twice_in_one_sentence_and_an_unresolved_week_are_one_killing():
    text = " " * 200
    this_week = EventDate("XXXX-WXX", "year", "this week", 60, 69, provenance="text", source="unresolved")

    def killings(victim: Party) -> list[Event]:
        first = replace(event("kills", 2, 0), actor=None)
        first.recipient = Party("Varnian major general", 10, 31, country="VAR", sector="MIL", confidence=0.8)
        return [first, replace(event("killed", 52, 0, date=this_week), actor=None, recipient=victim)]

    general = Party("a major general", 40, 55, country="VAR", sector="MIL", confidence=0.35)
    officer = Party("a police officer", 40, 56, country="VAR", sector="COP", confidence=0.35)
    assert len(merge_document(killings(general), text)) == 1
    assert len(merge_document(killings(officer), text)) == 2


def test_the_news_blast_is_not_the_bombing_told_as_history(pipeline):
    text = (
        "Two bombs exploded at the Varnow marathon in 2013, killing three people. "
        "Investigators said the blast in Ostrav injured 29 people."
    )
    assaults = of_type(extract(pipeline, text), "ASSAULT")
    assert len(assaults) == 2, [(a["trigger"]["text"], a["status"]) for a in assaults]


def test_a_separate_attack_is_another_act(pipeline):
    text = (
        "A bomb exploded in a market in Ostrav on Saturday, injuring nine people. "
        "The explosion coincided with a separate attack in Ostrav on Saturday in which a man stabbed four people."
    )
    assaults = of_type(extract(pipeline, text), "ASSAULT")
    assert len(assaults) >= 2, [a["trigger"]["text"] for a in assaults]


def test_a_victim_told_by_office_and_by_titled_name_is_one_person():
    text = " " * 200

    def attacks(victim: Party) -> list[Event]:
        first = replace(event("attack", 2, 0), actor=None, mode=None)
        first.recipient = Party("Ruritania's president", 10, 31, country="RUR", sector="GOV", confidence=0.8)
        return [first, replace(event("assassinate", 52, 50), actor=None, mode=None, recipient=victim)]

    president = Party("President Anna Varga", 60, 80, country="RUR", sector="GOV", confidence=0.9)
    minister = Party("Minister Ilse Dolny", 60, 79, country="RUR", sector="GOV", confidence=0.9)
    assert len(merge_document(attacks(president), text)) == 1
    assert len(merge_document(attacks(minister), text)) == 2


def test_a_tally_over_years_neither_swallows_the_attack_nor_lends_it_its_count(pipeline):
    # the tally itself is no act since the nineteenth session (nonevents.toll_over_years)
    text = (
        "Since 2019, nearly 300 soldiers have been killed in the Varno hills. "
        "Last week, Kessite fighters killed three soldiers and wounded six others near Varno."
    )
    attacks = of_type(extract(pipeline, text), "ASSAULT")
    assert len(attacks) == 1, [(a["trigger"]["text"], a["dead"]) for a in attacks]
    attack = attacks[0]
    assert "fighters" in attack["evidence"]["sentence"]
    assert attack["dead"]["best"] == 3 and not attack["mentions"]


def test_a_toll_by_the_end_of_a_year_lends_the_bombing_no_count(pipeline):
    text = "A car bomb killed nine people at the bus station in Tarvik. By the end of 1999, 412 had been killed."
    attacks = of_type(extract(pipeline, text), "ASSAULT")
    bombing = next(a for a in attacks if "bomb" in a["evidence"]["sentence"])
    assert bombing["dead"]["best"] == 9, [(a["trigger"]["text"], a["dead"], len(a["mentions"])) for a in attacks]


def test_what_a_mention_says_of_its_act(nlp):
    doc = nlp("The Moravek Cafe bombing was an attack on a Tarvik cafe. By the end of 1999, 412 had been killed.")
    attack = next(token for token in doc if token.text == "attack")
    assert restated_subject(attack).text == "bombing"
    assert restated_subject(next(token for token in doc if token.text == "cafe")) is None
    assert act_names(next(token for token in doc if token.text == "bombing")) >= {"Moravek"}
    assert counted_over_a_span(next(token for token in doc if token.text == "killed"))
    one_day = nlp("By the end of the day, 12 people had been killed in Tarvik.")
    assert not counted_over_a_span(next(token for token in one_day if token.text == "killed"))


def test_an_attack_named_again_in_another_frame_is_that_attack(pipeline):
    text = (
        "The Moravek Cafe bombing killed 11 people in Tarvik on 13 May 1981. "
        "Two suspects were never tried for the Moravek bombing, as they were released in June 1985."
    )
    attacks = of_type(extract(pipeline, text), "ASSAULT")
    assert len(attacks) == 1, [(a["trigger"]["text"], a["status"]) for a in attacks]


def test_a_named_victim_shot_last_fall_and_shot_again_undated_is_one_attack(pipeline):
    text = (
        "Dr. Ilse Varga was heating soup in her kitchen last fall when she was gunned down by a sniper. "
        "Varga, 52, was shot with a rifle."
    )
    attacks = of_type(extract(pipeline, text), "ASSAULT")
    assert len(attacks) == 1, [(a["trigger"]["text"], a["recipient"]) for a in attacks]


def test_a_death_told_with_an_attack_of_its_own_is_no_outcome_of_another(pipeline):
    text = (
        "A parcel bomb exploded on a Tarvik street on Friday, wounding 13 people. "
        "Officials said 13 people had suffered minor injuries but 11 were still in hospital on Saturday. "
        "Five people were killed in December in an attack on the Christmas market in Varno."
    )
    attacks = of_type(extract(pipeline, text), "ASSAULT")
    market = [a for a in attacks if "market" in a["evidence"]["sentence"]]
    assert len(market) == 1 and market[0]["dead"]["best"] == 5, [(a["trigger"]["text"], a["dead"]) for a in attacks]
    assert all((a["dead"] or {}).get("best") != 5 for a in attacks if a is not market[0])


def test_an_attacks_victims_whose_roles_were_only_guessed_are_not_set_apart():
    def victim(text: str, sector: str) -> Party:
        return Party(text, 0, len(text), country="FRA", sector=sector, confidence=0.35)

    official, child = victim("Varga", "GOV"), victim("the child", "CVL")
    assert parties_agree(official, child, victims=True)[0]
    assert not parties_agree(official, child)[0]
    officer = Party("a French officer", 0, 16, country="FRA", sector="MIL", confidence=0.8)
    assert not parties_agree(officer, child, victims=True)[0]  # one role told, not guessed
    minister = Party("the minister", 0, 12, country="FRA", sector="GOV", confidence=0.9)
    court = Party("the court", 0, 9, country="FRA", sector="JUD", confidence=0.9)
    assert not parties_agree(minister, court, victims=True)[0]


def test_a_possessed_act_noun_retells_the_act(pipeline):
    text = (
        "Gunmen shot dead a radio host outside his home on Sunday. "
        "His killing drew wide anger among reporters ahead of the 2027 vote."
    )
    attacks = of_type(extract(pipeline, text), "ASSAULT")
    assert len(attacks) == 1, attacks
    assert [m["trigger"]["text"] for m in attacks[0]["mentions"]] == ["shot", "killing"]


def test_a_possessed_meeting_is_not_taken_for_the_call_before_it():
    from eventwire.extract.events.merge import possessive_pronoun
    from eventwire.nlp.parse import load_nlp

    doc = load_nlp()("The ministers flew back to Velmora for their emergency meeting.")
    meeting = next(token for token in doc if token.lower_ == "meeting")
    assert possessive_pronoun(meeting) is not None  # the meeting is possessed, yet CONSULT is no possessed act


def test_the_headline_act_told_again_in_the_story_is_one_event(pipeline):
    text = (
        "Court Convicts Friend of Bomb Plot Suspect\n"
        "A court has convicted a friend of the bomb plot suspect for hiding evidence of last year's blast.\n"
        "He faces ten years in prison."
    )
    convictions = of_type(extract(pipeline, text), "SANCTION")
    assert len(convictions) == 1, convictions
    assert len(convictions[0]["mentions"]) == 2


def test_a_headline_is_a_first_line_in_title_case():
    from eventwire.extract.events.merge import headline_end

    assert headline_end("Court Convicts Driver of Velmora Bomb Plot\nA court has convicted a driver.") == 42
    assert headline_end("A court has convicted a driver on Monday.\nHe faces ten years.") == 0
    glued = "Court Convicts Driver of Velmora Bomb Plot-VELMORA — -A court has convicted a driver."
    assert headline_end(glued) == 42  # a headline glued to its story's dateline (scraped pages)


def test_the_act_of_a_headline_glued_to_its_dateline_and_told_again_is_one_event(pipeline):
    text = (
        "Ruritania Says Zendan Army Attacked Its Forces-ZENDA — -Ruritania said Tuesday that Zendan troops attacked "
        "its forces in the east."
    )
    attacks = of_type(extract(pipeline, text), "ASSAULT")
    assert len(attacks) == 1, attacks
    assert len(attacks[0]["mentions"]) == 2


def test_a_protest_told_twice_on_one_day_is_one_act_on_two_days_two(pipeline):
    one_day = (
        "Thousands marched against the coup in the capital on Saturday.\n"
        "Meanwhile, several hundred citizens took to the streets Saturday to voice their anger at the coup."
    )
    two_days = (
        "Thousands marched against the coup in the capital on Saturday.\n"
        "On Sunday, several hundred citizens took to the streets to voice their anger at the coup."
    )
    assert len(of_type(extract(pipeline, one_day), "PROTEST")) == 1
    assert len(of_type(extract(pipeline, two_days), "PROTEST")) == 2


def test_a_province_and_a_town_of_it_are_one_event_location_another_provinces_town_is_not():
    province = replace(place("Velm Province", 10, 49.0, 17.0), precision=4)
    town = place("Velmora", 11, 49.9, 18.3)  # over 25 km from the province's centre, inside it
    assert not locations_conflict(province, town)
    assert locations_conflict(province, place("Ostrava", 12, 49.83, 18.28, admin1="80"))


def test_a_clause_whose_subject_names_the_attack_again_tells_that_attack():
    from eventwire.extract.events.merge import act_as_subject
    from eventwire.nlp.parse import load_nlp

    nlp = load_nlp()

    def verb(text: str):
        return next(token for token in nlp(text) if token.lower_ == "targeted")

    assert act_as_subject(verb("The Taliban bombing targeted the governor's convoy."), "ASSAULT")
    assert not act_as_subject(verb("Rebel fighters targeted the governor's convoy."), "ASSAULT")
    assert not act_as_subject(verb("A second bombing targeted the governor's convoy."), "ASSAULT")


def test_a_role_filled_from_another_mention_is_never_the_other_role_party():
    suspect = Party("Orvik", 0, 5, name="Tomas Orvik", country="NOR", sector="CVL", confidence=0.8)
    first = replace(event("bombing", 2, 0), actor=None, recipient=suspect)
    later = replace(event("bombing", 52, 50), actor=replace(suspect, start=50, end=55), recipient=None)
    merged = merge_document([first, later], " " * 200)
    assert len(merged) == 1
    assert merged[0].recipient == suspect and merged[0].actor is None


def test_one_party_is_one_span_one_entry_the_same_words_or_a_pronoun_for_the_same_person():
    def party(text: str, start: int, kind: str = "mention", name: str = "Lena Marsk") -> Party:
        return Party(text, start, start + len(text), name=name, country="SWE", sector="GOV", confidence=0.8, kind=kind)

    assert one_party(party("kidnappers", 0), party("the kidnappers", 40, kind="coref"))
    assert one_party(party("Marsk", 0), party("she", 40, kind="coref"))
    assert not one_party(party("Marsk", 0), party("Per Holm", 40, name="Per Holm"))
    police = Party("police", 0, 6, name="Sweden", country="SWE", sector="COP", confidence=0.8)
    assert not one_party(police, replace(police, text="they", start=40, end=44, kind="coref"))


def test_an_act_named_twice_in_one_clause_is_one_event(pipeline):
    text = "Textile workers staged demonstrations in Varna on Monday in protest against the new wage rules."
    protests = of_type(extract(pipeline, text), "PROTEST")
    assert len(protests) == 1, [p["trigger"]["text"] for p in protests]
    assert [m["trigger"]["text"] for m in protests[0]["mentions"]] == ["demonstrations", "protest"]
    strike = of_type(extract(pipeline, "Dock workers were on strike for 40 days protesting the low wages."), "PROTEST")
    assert [m["trigger"]["text"] for m in strike[0]["mentions"]] == ["strike", "protesting"], strike


def test_an_injury_told_with_the_act_its_clause_tells_is_that_act(pipeline):
    text = "Four border guards were injured when villagers threw stones at the Tarvik checkpoint, officials said."
    events = extract(pipeline, text)
    assert len(events) == 1, [(e["type"], e["trigger"]["text"]) for e in events]
    assert [m["trigger"]["text"] for m in events[0]["mentions"]] == ["injured", "threw"]


def test_signing_an_accord_already_told_is_that_accord(pipeline):
    signed = (
        "Ruritania and Moldavia reached a trade agreement on Monday. "
        "The agreement was signed by the two foreign ministers in Tarvik."
    )
    events = extract(pipeline, signed)
    assert [e["type"] for e in events] == ["AGREE"], [(e["type"], e["trigger"]["text"]) for e in events]
    assert [m["trigger"]["text"] for m in events[0]["mentions"]] == ["trade agreement", "signed"]
    another = (
        "Ruritania and Moldavia reached a trade agreement on Monday. "
        "The two foreign ministers signed a new trade agreement with Ostravia."
    )
    assert len(extract(pipeline, another)) == 2


def test_verbs_joined_by_and_tell_one_act_of_one_manner(pipeline):
    events = extract(pipeline, "Rioters ransacked and torched six shops in Tarvik on Sunday.")
    joined = [e for e in events if e["trigger"]["text"] == "ransacked"]
    assert [m["trigger"]["text"] for m in joined[0]["mentions"]] == ["ransacked", "torched"], events


def test_a_new_investigation_told_of_a_planned_one_is_that_plan_a_new_arrest_is_another(pipeline):
    planned = (
        "The Ruritanian government will open an investigation into the deportations. "
        "The prime minister said the new investigation will look at all the expulsions."
    )
    assert len(of_type(extract(pipeline, planned), "ACCUSE")) == 1
    done = "Police arrested the Tarvik mayor on Monday. A new arrest of the mayor followed on Friday."
    assert len(of_type(extract(pipeline, done), "COERCE")) == 2


def test_what_links_two_act_words_in_one_clause(nlp):
    from eventwire.extract.events.acts import accord_signed, act_words, advcl_links, clause_heads

    def word(doc, text: str):
        return next(token for token in doc if token.text == text)

    doc = nlp("Textile workers staged demonstrations in Varna in protest against the new wage rules.")
    assert clause_heads(word(doc, "protest")) & act_words(word(doc, "demonstrations"))
    reprisal = nlp("Rebels shelled the village after soldiers shelled their camp.")
    shelled = [token for token in reprisal if token.text == "shelled"]
    assert not clause_heads(shelled[1]) & act_words(shelled[0])
    campaign = nlp("Troops carried out an assault in their new offensive.")
    assert not clause_heads(word(campaign, "offensive")) & act_words(word(campaign, "assault"))
    hurt = nlp("Four guards were injured when villagers threw stones.")
    assert advcl_links(word(hurt, "threw"))
    signed = nlp("The accord was negotiated for months and finally signed by both ministers.")
    assert accord_signed(word(signed, "signed")).text == "accord"
    assert accord_signed(word(nlp("The ministers met in Tarvik."), "met")) is None


def test_a_verdict_told_twice_in_one_manner_is_one_sanction(pipeline):
    text = "A Tarvik trader was convicted of fraud on Monday. A jury found him guilty of bribing two customs officers."
    sanctions = of_type(extract(pipeline, text), "SANCTION")
    assert len(sanctions) == 1, [s["trigger"]["text"] for s in sanctions]
    assert [m["trigger"]["text"] for m in sanctions[0]["mentions"]] == ["convicted", "found"]
    two = "A Tarvik court convicted Ivo Brandt of fraud. The court also convicted Maria Kolar of bribery."
    assert len(of_type(extract(pipeline, two), "SANCTION")) == 2


def test_an_act_first_told_in_passing_then_as_news_is_one_event_told_by_the_news(pipeline):
    """The passing mention ('after soldiers arrested ...') and the sentence that tells the act are one event,
    whose trigger and sentence are the news mention's: not an act told only in passing."""
    text = (
        "The crowd left after Ruritanian soldiers arrested two reporters in Strel. "
        "Ruritanian soldiers arrested the two reporters in Strel on Monday."
    )
    [arrest] = of_type(extract(pipeline, text), "COERCE")
    assert not arrest["background"] and len(arrest["mentions"]) == 2
    assert arrest["trigger"]["start"] == text.index("arrested", text.index("Monday") - 40)
    assert arrest["evidence"]["sentence"].endswith("on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of students rallied in Cairo on Saturday against the exam rules. "
        "Students marched to the ministry in Cairo, chanting slogans against the minister.",
        "Women's rights activists held demonstrations in Tokyo on Saturday against the new law. "
        "Hundreds of people marched through central Tokyo carrying banners.",
    ],
)
def test_a_rally_told_again_as_a_march_is_one_act(pipeline, text):
    assert len(of_type(extract(pipeline, text), "PROTEST")) == 1


def test_protests_in_two_cities_stay_two(pipeline):
    text = "Thousands of students rallied in Cairo on Saturday. A protest in Alexandria drew hundreds on Sunday."
    assert len(of_type(extract(pipeline, text), "PROTEST")) == 2
