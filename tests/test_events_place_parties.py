"""Places, tellers and pursuers as parties of an attack, on invented sentences.

A town is where an attack happened, not who struck nor who was struck (unless the act is aimed at the
town itself); who names an act ('what the president called an attack') or hunts its doer did not do it.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.ingest import make_document
from eventwire.nlp import parse

TWO_ATTACKS = "The explosion in Leeds coincided with a separate attack in Manchester, where a man stabbed four people."


def assaults(pipeline, text: str) -> list[dict]:
    document = make_document(text, doc_id="t", published_at=date(2025, 6, 1))
    [(document, doc)] = list(parse(pipeline.nlp, [document], batch_size=1))
    events = [e for e in pipeline.run_components(document, doc).to_dict()["events"] if e["type"] == "ASSAULT"]
    assert events, text
    return events


def texts(events: list[dict], field: str) -> list[str]:
    return [(event.get(field) or {}).get("text") or "" for event in events]


@pytest.mark.parametrize(
    ("sentence", "town"),
    [
        ("A roadside bomb near the town of Tikrit wounded three soldiers on Monday.", "Tikrit"),
        (TWO_ATTACKS, "Leeds"),
    ],
)
def test_a_town_is_never_the_attacker(pipeline, sentence, town):
    assert town not in " ".join(texts(assaults(pipeline, sentence), "actor"))


@pytest.mark.parametrize(
    ("sentence", "town"),
    [
        ("Two bombs exploded at the Boston Marathon on Monday, police said.", "Boston"),
        (TWO_ATTACKS, "Manchester"),
    ],
)
def test_the_site_of_an_attack_is_not_its_recipient(pipeline, sentence, town):
    assert town not in " ".join(texts(assaults(pipeline, sentence), "recipient"))


def test_a_town_attacked_as_the_object_stays_the_recipient(pipeline):
    [event] = assaults(pipeline, "Rebels shelled Kharkiv on Tuesday.")
    assert event["recipient"]["country"] == "UKR"


def test_the_people_struck_at_a_town_are_the_recipient(pipeline):
    [event] = assaults(pipeline, "Gunmen shot dead a shopkeeper in Kaduna on Sunday.")
    assert "shopkeeper" in event["recipient"]["text"]
    assert event["recipient"]["country"] == "NGA"


def test_who_names_an_act_an_attack_did_not_do_it(pipeline):
    events = assaults(pipeline, "A blast hit a cafe in Lyon on Friday, in what the French president called an attack.")
    assert not any("president" in text for text in texts(events, "actor") + texts(events, "recipient"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Police are hunting a suspect believed to have planted the bomb that wounded nine people in Leeds on Friday.",
        "Detectives searched for the gunmen who attacked a bus in Lahore on Friday.",
    ],
)
def test_who_hunts_an_attacker_did_not_attack(pipeline, sentence):
    events = assaults(pipeline, sentence)
    assert not any(text.lower().startswith(("police", "detectives")) for text in texts(events, "actor"))


def test_kin_named_by_a_person_is_the_party_not_the_person(pipeline):
    text = "Police in Uganda arrested the wife of opposition leader Kizza Besigye on Monday."
    document = make_document(text, doc_id="t", published_at=date(2025, 6, 1))
    [(document, doc)] = list(parse(pipeline.nlp, [document], batch_size=1))
    [event] = [e for e in pipeline.run_components(document, doc).to_dict()["events"] if e["type"] == "COERCE"]
    assert event["recipient"]["text"].startswith("the wife of")
    assert event["recipient"]["country"] == "UGA"


def test_a_town_is_no_doer_of_any_act(pipeline):
    text = "A tense crowd gathered after a man was shot dead on Wednesday in the Flatbush neighborhood of Brooklyn."
    [gathered] = [e for e in pipeline.extract(text)["events"] if e["trigger"]["text"] == "gathered"]
    assert gathered["actor"] is None or gathered["actor"]["text"] != "Brooklyn"


def test_a_capital_hosting_talks_is_its_government(pipeline):
    text = "On Wednesday, Moscow hosted a second round of peace talks on Afghanistan."
    [hosted] = [e for e in pipeline.extract(text)["events"] if e["trigger"]["text"] == "hosted"]
    assert hosted["actor"]["text"] == "Moscow"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Police Superintendent Pedro Toledo urged people to stay alert.", None),
        ("Troops entered Toledo on Monday after a week of clashes.", "Toledo"),
    ],
)
def test_a_town_name_after_a_first_name_is_a_surname(pipeline, text, place):
    places = [p["text"] for p in pipeline.extract(text)["places"]]
    assert places == ([place] if place else [])
