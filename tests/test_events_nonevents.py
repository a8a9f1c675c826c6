"""Event coder, rules side of issue 14: non-events kept out, accidents and disasters not coded as
attacks, the ACLED taxonomy (sub-event, event and disorder type), CAMEO codes by mode, and one
event per act within a document. Sentences are invented; parties come from tests/test_events.py."""

from __future__ import annotations

import pytest

from eventwire.evaluate.acled_types import SUB_EVENT_TYPES, iso_date, predicted_sub_type, print_table
from eventwire.extract.events.lexicon import load_lexicon
from eventwire.extract.events.merge import merge_document
from tests.test_events import code


def events_of(nlp, coder, text: str) -> list[tuple[str, str]]:
    return [(event.type, event.trigger.text) for event in code(nlp, coder, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian opposition leader launched a scathing attack on the government of Zenda.",
        "Ruritania is waging a trade war with Zenda and vowed to fight back.",
        "The Ruritanian ministry declined to comment on the report from Zenda.",
        "Ruritania did not respond to a request for comment from Zenda.",
        "The Zendan ministry released a statement on Ruritania.",
        "Ruritanian officials said they lost contact with Zenda on Monday.",
        "No one was injured in Zenda.",
        "Three Ruritanian tourists were killed in a road accident in Zenda.",
        "A tsunami killed hundreds of people in Zenda.",
    ],
)
def test_non_events_yield_no_asserted_event(nlp, coder, text):
    asserted = [event for event in code(nlp, coder, text) if event.status == "asserted"]
    assert asserted == [], [(e.type, e.trigger.text) for e in asserted]


def test_wishes_obligations_and_questions_are_not_asserted(nlp, coder):
    for text in (
        "We hope Ruritania and Zenda will coordinate their work.",
        "It is imperative that Ruritania resume negotiations with Zenda.",
        "Will Ruritania attack Zenda?",
    ):
        statuses = {event.status for event in code(nlp, coder, text)}
        assert statuses and "asserted" not in statuses, text


def test_a_real_attack_beside_an_accident_word_is_kept(nlp, coder):
    events = code(nlp, coder, "A Ruritanian army vehicle struck a roadside bomb in Zenda, killing two soldiers.")
    assert [e.acled["sub_event_type"] for e in events if e.type == "ASSAULT"] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Ruritanian forces fired mortars at Zendan positions.", "Shelling/artillery/missile attack"),
        ("Ruritanian forces exchanged fire with Zendan troops.", "Armed clash"),
        ("Ruritanian gunmen attacked villagers in Zenda.", "Attack"),
        ("Ruritanian troops recaptured the town from Zendan rebels.", "Government regains territory"),
        ("Ruritanian police arrested five Zendan activists.", "Arrests"),
        ("Ruritanian forces shot down a Zendan drone.", "Disrupted weapons use"),
        ("Ruritanian forces established a base in Zenda.", "Headquarters or base established"),
        ("Hundreds of Zendan students protested against Ruritania.", "Peaceful protest"),
        ("Zendan protesters threw stones at Ruritanian police.", "Violent demonstration"),
    ],
)
def test_acled_sub_event_types(nlp, coder, text, sub_event_type):
    mapped = [event.acled for event in code(nlp, coder, text) if event.acled]
    assert mapped, text
    event_type, disorder_type = SUB_EVENT_TYPES[sub_event_type]
    assert mapped[0] == {"event_type": event_type, "sub_event_type": sub_event_type, "disorder_type": disorder_type}


def test_every_acled_rule_names_one_of_the_25_types():
    mappings = load_lexicon().mappings
    table = mappings["acled_sub_event_types"]
    assert {name: tuple(pair) for name, pair in table.items()} == SUB_EVENT_TYPES
    assert {rule["sub"] for rule in mappings["acled_rules"]} <= set(table)


def test_cameo_codes_follow_the_mode(nlp, coder):
    codes = {e.type: e.cameo for e in code(nlp, coder, "Ruritanian police arrested five Zendan activists.")}
    assert codes == {"COERCE": "173"}
    codes = {e.type: e.cameo for e in code(nlp, coder, "Zendan workers went on a hunger strike against Ruritania.")}
    assert codes == {"PROTEST": "142"}


def test_repeated_mentions_of_one_act_are_one_event(nlp, coder):
    text = (
        "Ruritanian forces attacked Zenda on Monday. "
        "The attack on Zenda was the worst this year, officials said. "
        "Borduria condemned Syldavia."
    )
    events = merge_document(code(nlp, coder, text), text)
    assaults = [event for event in events if event.type == "ASSAULT"]
    assert len(assaults) == 1
    assert [m.trigger.text for m in assaults[0].mentions] == ["attacked", "attack"]
    assert [event.id for event in events] == [f"t-e{n}" for n in range(1, len(events) + 1)]


def test_two_attacks_on_different_targets_stay_two(nlp, coder):
    text = "Ruritanian forces attacked Zenda. Ruritanian forces attacked Borduria."
    events = merge_document(code(nlp, coder, text), text)
    assert len([event for event in events if event.type == "ASSAULT"]) == 2


def test_acled_scoring_counts_no_event_as_a_miss(capsys):
    negated = {"events": [{"status": "negated", "acled": {"sub_event_type": "Attack"}}]}
    assert predicted_sub_type(negated) == "(no event)"
    macro = print_table(["Attack", "Arrests"], ["Attack", "(no event)"], list(SUB_EVENT_TYPES), "t")
    assert macro == pytest.approx(0.5)
    assert iso_date("9-May-20") == "2020-05-09"


def test_passive_and_nominal_roles(nlp, coder):
    curfew = only_type(code(nlp, coder, "A curfew was imposed in Zenda by Ruritania."), "COERCE")
    assert (curfew.actor.country, curfew.status) == ("RUR", "asserted")
    abduction = only_type(code(nlp, coder, "Zenda's abduction by Ruritania was condemned."), "ASSAULT")
    assert (abduction.actor.country, abduction.recipient.country) == ("RUR", "ZEN")
    detained = code(nlp, coder, "Ruritania said five Zendan citizens who were detained would appear in court.")
    assert [(e.type, e.mode) for e in detained if e.type == "COERCE"] == [("COERCE", "arrest")]


def test_advice_is_a_request_not_the_act_advised(nlp, coder):
    events = code(nlp, coder, "Ruritania advised Zenda to withdraw its troops.")
    assert [(e.type, e.recipient.country) for e in events] == [("REQUEST", "ZEN")]


def only_type(events, category):
    found = [event for event in events if event.type == category]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]
