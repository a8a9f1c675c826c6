"""Who is taken, and words that only look like acts (issues 14 and 15, session 25).

- A person named by a bare surname the parse tags no entity of is the one arrested, captured or charged, not the
  place the sentence names ('Hicks was captured in Afghanistan').
- A killing whose clause tells the attack again takes that attack's doer ('killed when militants ambushed').
- A number heading the people counted stands for them ('four of the suspects were captured').
- A film shot is no gunfire; a contest won is no beating; people the actor tables know are captured (arrested).
- A country before '-backed' names a backer, not the group's home, and is no party of the act; one before '-led'
  names the group's country ('the Saudi-led coalition').
- Misparses that hid an act: signs brandished taken for what was demonstrated, 'fatally shot' taken for a modifier.
- An act 'no longer' done is negated; a state of things 'threatened' (security, sovereignty) is no threat.

Sentences are invented; the whole pipeline runs (test_events_parties.events_of).
"""

from __future__ import annotations

import pytest

from tests.test_events_parties import events_of, one
from tests.test_events_parties import text as text_of


@pytest.mark.parametrize(
    ("sentence", "category", "recipient"),
    [
        ("Hicks was captured in Afghanistan last year.", "COERCE", "Hicks"),
        ("Four of the suspects were captured on Sunday by police.", "COERCE", "suspects"),
    ],
)
def test_the_person_taken_is_the_recipient(pipeline, sentence, category, recipient):
    event = one(events_of(pipeline, sentence), category)
    assert text_of(event["recipient"]) == recipient, event["recipient"]


def test_a_town_taken_stays_the_town(pipeline):
    event = one(events_of(pipeline, "Jaffna was captured by government forces in December 1995."), "COERCE")
    assert text_of(event["recipient"]) == "Jaffna", event["recipient"]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Three soldiers were killed when militants ambushed their convoy.", "militants"),
        ("An official was killed in Mogadishu after he was attacked by gunmen.", "gunmen"),
        ("Six civilians were killed in an Israeli air raid on four houses, police said.", "Israeli"),
    ],
)
def test_the_act_told_again_gives_the_killing_its_doer(pipeline, sentence, actor):
    event = one(events_of(pipeline, sentence), "ASSAULT")
    assert text_of(event["actor"]) == actor, event["actor"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Seven civilians were killed and four others injured when their vehicle hit a mine.",
        "The seven were shot as they tried to ambush a police patrol.",
        "A soldier and a civilian were killed when army troops clashed with gunmen at a mosque.",
        "A helicopter was shot down in Iraq on Thursday, just hours after fighter jets bombed a training camp.",
    ],
)
def test_a_second_toll_a_pronoun_a_clash_or_a_later_act_gives_no_doer(pipeline, sentence):
    event = one(events_of(pipeline, sentence), "ASSAULT")
    assert event["actor"] is None, event["actor"]


def test_a_person_told_with_a_place_keeps_the_resolved_party(pipeline):
    event = one(events_of(pipeline, "Egyptian police arrested Ahmed Hassan, a member of the Brotherhood."), "COERCE")
    assert text_of(event["recipient"]) == "Ahmed Hassan", event["recipient"]


@pytest.mark.parametrize(
    "sentence",
    [
        "It was shot in 2005 in the Bay Area and stars Jake Gyllenhaal as the cartoonist.",
        "They shot the movie in Morocco in 2010.",
    ],
)
def test_a_film_shot_is_no_attack(pipeline, sentence):
    assert not [e for e in events_of(pipeline, sentence) if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The film director was shot dead by gunmen in Karachi.",
        "The documentary shows how soldiers shot protesters in the square.",
        "He was shot outside the cinema on Friday.",
    ],
)
def test_people_shot_near_film_words_stay_an_attack(pipeline, sentence):
    one(events_of(pipeline, sentence), "ASSAULT")


def test_a_contest_won_is_no_beating(pipeline):
    sentence = "On Saturday, Yukari Nakano captured her first Grand Prix victory beating her compatriot Fumie Suguri."
    assert not [e for e in events_of(pipeline, sentence) if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("sentence", "recipient"),
    [
        ("The 61-year-old arsonist was captured by one of the guests outside the bar.", "arsonist"),
        ("Police captured two shoplifters near the market on Friday.", "shoplifters"),
    ],
)
def test_people_the_actor_tables_know_are_captured(pipeline, sentence, recipient):
    event = one(events_of(pipeline, sentence), "COERCE")
    assert recipient in text_of(event["recipient"]), event["recipient"]


@pytest.mark.parametrize(
    "sentence",
    ["The ruling alliance captured power in April.", "The skater captured her first major title in Helsinki."],
)
def test_power_and_titles_captured_are_no_arrest(pipeline, sentence):
    assert not [e for e in events_of(pipeline, sentence) if e["type"] == "COERCE"]


@pytest.mark.parametrize(
    ("sentence", "role", "not_country"),
    [
        ("Turkish-backed rebels attacked Kurdish fighters near Afrin on Sunday.", "actor", "TUR"),
        ("Iranian-backed militias shelled the town on Monday.", "actor", "IRN"),
    ],
)
def test_a_backer_is_not_the_groups_home(pipeline, sentence, role, not_country):
    event = one(events_of(pipeline, sentence), "ASSAULT")
    assert (event[role] or {}).get("country") != not_country, event[role]


def test_a_backer_is_no_recipient(pipeline):
    event = one(events_of(pipeline, "Iranian-backed militias shelled the town on Monday."), "ASSAULT")
    assert event["recipient"] is None or event["recipient"]["country"] != "IRN", event["recipient"]


def test_the_leader_of_a_coalition_names_its_country(pipeline):
    event = one(events_of(pipeline, "The Saudi-led coalition bombed rebel positions on Monday."), "ASSAULT")
    assert (event["actor"] or {}).get("country") == "SAU", event["actor"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 3,000 people demonstrated outside the US consulate, brandishing signs.",
        'In Frankfurt, some 3,000 people demonstrated outside the consulate, brandishing signs with slogans like "We'
        ' want peace".',
    ],
)
def test_signs_brandished_do_not_make_a_demonstration_a_showing(pipeline, sentence):
    one(events_of(pipeline, sentence), "PROTEST")


@pytest.mark.parametrize(
    "sentence", ["Samoa demonstrated their unique flair.", "The vote demonstrated that the party is united."]
)
def test_a_quality_or_a_fact_demonstrated_is_no_protest(pipeline, sentence):
    assert not [e for e in events_of(pipeline, sentence) if e["type"] == "PROTEST"]


def test_a_fatal_shooting_parsed_as_a_modifier_is_still_an_attack(pipeline):
    sentence = "An attacker on the back of a motorcycle fatally shot rubber tapper Waema Mathaeha, 64, police said."
    one(events_of(pipeline, sentence), "ASSAULT")


@pytest.mark.parametrize(
    "sentence", ["American troops no longer patrol the border.", "Police no longer arrest protesters."]
)
def test_an_act_no_longer_done_is_negated(pipeline, sentence):
    assert all(e["status"] == "negated" for e in events_of(pipeline, sentence))


def test_a_state_of_things_threatened_is_no_threat(pipeline):
    sentence = "The deployment of foreign troops has threatened the security and sovereignty of Iraq."
    assert not [e for e in events_of(pipeline, sentence) if e["type"] == "THREATEN"]
    one(events_of(pipeline, "Iran threatened Israel with retaliation on Monday."), "THREATEN")


def test_not_far_from_negates_nothing(pipeline):
    event = one(events_of(pipeline, "The men were captured not far from an army base in Gumbad."), "COERCE")
    assert event["status"] == "asserted", event["status"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [("NATO troops patrolled Kosovo on Monday.", "Kosovo"), ("Police patrolled the streets of Kabul.", "streets")],
)
def test_a_place_patrolled_is_where_not_whom(pipeline, sentence, place):
    event = one(events_of(pipeline, sentence), "MOBILIZE")
    assert place not in text_of(event["recipient"]), event["recipient"]
