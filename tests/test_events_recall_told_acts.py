"""Acts the coder used to miss (issue 14, recall; session 22): a strike or a rally named with 'the' and no one
taking part, an act a disapproval is about ('condemned the bombing'), a belief that a party stood behind an act,
and single words of the lexicon (firing opened, police rushed to a scene, barricades built, a suspect questioned).

Sentences are invented; parties are injected as the actor resolver would give them (test_events.code), or run
through the whole pipeline where a real place matters (events_of).
"""

from __future__ import annotations

import pytest
from test_events import code, kinds

from tests.test_events_parties import events_of


def of_type(events, category: str):
    return [event for event in events if event.type == category]


@pytest.mark.parametrize(
    "sentence",
    [
        "The most visible impact of the strike was on the transport sector.",
        "The march was intercepted at the crossroads and the marchers were taken into custody.",
        "Residents recalled Saturday's rally outside the town hall.",
    ],
)
def test_the_first_definite_mention_of_a_protest_is_one_that_took_place(nlp, coder, sentence):
    [protest] = of_type(code(nlp, coder, sentence), "PROTEST")
    assert protest.status == "asserted"


@pytest.mark.parametrize(
    "sentence",
    ["Workers have the right to strike.", "A strike is the last resort of a worker.", "The strikes killed ten people."],
)
def test_a_generic_or_armed_strike_is_no_walkout(nlp, coder, sentence):
    assert not of_type(code(nlp, coder, sentence), "PROTEST"), kinds(code(nlp, coder, sentence))


def test_a_protest_named_alone_takes_no_party_from_beside_it(nlp, coder):
    events = code(nlp, coder, "The protests were initially focused on a bill to extradite people to Ruritania.")
    [protest] = of_type(events, "PROTEST")
    assert protest.actor is None and protest.recipient is None, (protest.actor, protest.recipient)


@pytest.mark.parametrize(
    ("sentence", "category", "mode"),
    [
        ("Ruritanian rebels opened indiscriminate firing on the convoy.", "ASSAULT", "firearms"),
        ("Ruritanian fighters were firing from the rooftops.", "ASSAULT", "firearms"),
        ("Police firing on the crowd killed two people in Zenda.", "ASSAULT", None),
        ("Ruritanian rebels blasted a railway track near the border on Monday.", "ASSAULT", "explosives"),
        ("Ruritanian forces leveled dozens of houses in the village.", "COERCE", "destroy"),
        ("Military operations against the Ruritanian rebels continued on Monday.", "ASSAULT", None),
        ("Demonstrators built makeshift barricades on the highway.", "PROTEST", "obstruct"),
        ("Protests rocked the Zendan capital on Monday.", "PROTEST", None),
        ("On learning about the incident, the local police rushed to the spot.", "MOBILIZE", "police"),
        ("The suspect was arrested and he was later questioned.", "ACCUSE", "investigate"),
        ("The Zendan police registered an offence of attempt to murder against the two men.", "ACCUSE", "allege"),
        ("Both sides were raining bombs on each other near the Zendan border.", "ASSAULT", "explosives"),
        ("The Ruritanian journalist was hit in the face by a police officer.", "ASSAULT", "beat"),
        ("Another blast was triggered at a college in Zenda but no one was injured.", "ASSAULT", "explosives"),
        ("The first landmine blast was targetted at a Zendan police party.", "ASSAULT", "explosives"),
        ("The Ruritanian leader described Zendan troops there as occupiers.", "ACCUSE", "disapprove"),
        ("The Ruritanian opposition dubbed the Zendan leaders criminals.", "ACCUSE", "disapprove"),
        ("Four Ruritanian activists were placed in criminal detention on Saturday.", "COERCE", "arrest"),
        ("Ruritanian rebels desecrated the bodies of fallen Zendan pilots.", "ASSAULT", None),
        ("Ruritanian activists desecrated the statue of a Zendan leader.", "PROTEST", "riot"),
        ("The protesters broke in through a side door of the Zendan parliament.", "PROTEST", "riot"),
    ],
)
def test_acts_the_lexicon_names(nlp, coder, sentence, category, mode):
    found = kinds(code(nlp, coder, sentence))
    assert [k for k in found if k[0] == category and (mode is None or k[1] == mode)], found


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("The firing of the director angered the staff.", "ASSAULT"),
        ("The Zendan senator blasted the decision on Monday.", "ASSAULT"),
        ("The surgeon said the operation was a success.", "ASSAULT"),
        ("The fight against corruption continues.", "ASSAULT"),
        ("The decision was questioned by critics.", "ACCUSE"),
        ("He was prevented from throwing a barricade at a bus.", "PROTEST"),
    ],
)
def test_the_same_words_telling_no_act(nlp, coder, sentence, category):
    assert not of_type(code(nlp, coder, sentence), category), kinds(code(nlp, coder, sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Zenda believes the Ruritanian leader ordered the killing of his rival.",
        "Zendan officials suspect Ruritanian agents were behind the bombing.",
        "The Zendan minister said Ruritania was behind the attack.",
    ],
)
def test_a_belief_that_a_party_stood_behind_an_act_blames_it(nlp, coder, sentence):
    [blame] = of_type(code(nlp, coder, sentence), "ACCUSE")
    assert (blame.actor.country, blame.recipient.country) == ("ZEN", "RUR"), (blame.actor, blame.recipient)


@pytest.mark.parametrize(
    "sentence",
    [
        "Zendan police believe the gunmen fled to the hills.",
        "Zendan officials suspect a link between all the bombings.",
        "The Zendan minister said the problems are now behind the firm.",
        "The Zendan minister said voters are behind the Ruritanian candidate.",
    ],
)
def test_a_belief_or_a_position_that_blames_no_one(nlp, coder, sentence):
    assert not of_type(code(nlp, coder, sentence), "ACCUSE"), kinds(code(nlp, coder, sentence))


@pytest.mark.parametrize(
    ("sentence", "stance", "category"),
    [
        ("The Zendan government condemned the bombing of the Ruritanian embassy.", "ACCUSE", "ASSAULT"),
        ("Zenda condemned the arrest of the Ruritanian editor on Monday.", "ACCUSE", "COERCE"),
        ("Zendan students protested the arrest of the Ruritanian editor on Monday.", "PROTEST", "COERCE"),
    ],
)
def test_a_condemned_act_took_place_and_the_condemner_did_not_do_it(nlp, coder, sentence, stance, category):
    events = code(nlp, coder, sentence)
    assert of_type(events, stance), kinds(events)
    [act] = of_type(events, category)
    assert act.actor is None or act.actor.country != "ZEN", act.actor


def test_a_condemned_generic_is_no_act(nlp, coder):
    assert not of_type(code(nlp, coder, "Zenda condemned the use of force."), "ASSAULT")


def test_a_protest_against_a_threatened_act_does_not_tell_it_as_done(nlp, coder):
    events = code(nlp, coder, "Thousands of Zendans marched to protest a threatened Ruritanian invasion of Zenda.")
    assert not [e for e in of_type(events, "ASSAULT") if e.status == "asserted"], kinds(events)


def test_a_town_beside_an_act_is_no_recipient_but_a_capital_of_a_state_dealing_is(pipeline):
    def recipient(sentence: str, category: str) -> str:
        events = [e for e in events_of(pipeline, sentence) if e["type"] == category]
        assert events, sentence
        return " ".join((event["recipient"] or {}).get("text") or "" for event in events)

    assert "Aleppo" not in recipient("Airstrikes hit rebel-held areas in Aleppo on Monday.", "ASSAULT")
    assert "London" not in recipient("The minister resigned in London on Monday.", "RETREAT")
    assert recipient("Saudi Arabia severed diplomatic ties with Tehran on Monday.", "SANCTION") == "Tehran"


@pytest.mark.parametrize(
    "sentence", ["The rally was cancelled on Monday.", "The strike was called off.", "The march was postponed."]
)
def test_a_protest_called_off_did_not_take_place(nlp, coder, sentence):
    assert not [e for e in of_type(code(nlp, coder, sentence), "PROTEST") if e.status == "asserted"]


def test_a_planned_act_carried_out_took_place(nlp, coder):
    events = code(nlp, coder, "Ruritania today mounted its long-threatened invasion of Zenda.")
    assert [e for e in of_type(events, "ASSAULT") if e.status == "asserted"], kinds(events)
