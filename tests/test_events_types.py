"""The category a sense gives, read from its arguments and frame (triggers.yaml, decide.py).
Sentences are invented."""

from __future__ import annotations

import pytest


def types(pipeline, text: str) -> list[tuple[str, str | None, str]]:
    events = pipeline.extract(text, published_at="2025-06-12")["events"]
    return [(event["type"], event["mode"], event["status"]) for event in events]


@pytest.mark.parametrize(
    "text",
    [
        "President Lorca vowed to find the gunmen and bring them to justice.",
        "The governor of Tarn promised to bring the killers to justice.",
    ],
)
def test_a_vow_to_pursue_the_perpetrators_is_a_threat(pipeline, text):
    assert [t for t, _, _ in types(pipeline, text)] == ["THREATEN"]


def test_a_vow_to_build_stays_an_intent_to_cooperate(pipeline):
    assert [t for t, _, _ in types(pipeline, "The minister of Tarn vowed to build new schools.")] == ["AGREE"]


@pytest.mark.parametrize(
    "text",
    ["Norway has expelled 12 of the Ruritanian diplomats.", "Hundreds of diplomats were expelled from Zendia."],
)
def test_counted_diplomats_expelled_are_a_sanction(pipeline, text):
    assert types(pipeline, text)[0][:2] == ("SANCTION", "expel")


def test_a_proposal_of_sanctions_is_a_threat_not_an_offer(pipeline):
    text = "The Zendan government announced a proposal for sanctions against Ruritania."
    assert [t for t, _, _ in types(pipeline, text)] == ["THREATEN"]


def test_a_planned_summit_is_a_meeting_told_as_future(pipeline):
    assert types(pipeline, "A summit of Zendan and Ruritanian leaders is planned for April in Lyon.") == [
        ("CONSULT", "multilateral", "future")
    ]


def test_calls_for_a_return_are_a_request_even_when_the_clause_hangs_on_the_verb(pipeline):
    text = "Keller has repeated his calls for his son to be returned to him in Zendia."
    assert [t for t, _, _ in types(pipeline, text)] == ["REQUEST"]


def test_a_planned_deployment_is_a_mobilisation_told_as_future(pipeline):
    assert types(pipeline, "Zendia will deploy 3,000 troops to the border next week.") == [
        ("MOBILIZE", "troops", "future")
    ]


def test_welcoming_a_visiting_leader_is_hosting_a_decision_is_support(pipeline):
    visit = types(pipeline, "President Varga welcomed the Zendan prime minister Olaf Brandt in Lyon on Monday.")
    assert visit[0][:2] == ("CONSULT", "visit")
    assert types(pipeline, "The Zendan government welcomed the decision of the court.")[0][0] == "SUPPORT"


def test_forces_committed_to_a_mission_are_a_mobilisation(pipeline):
    text = "Portugal committed 300 soldiers to the peacekeeping force on Monday."
    assert [t for t, _, _ in types(pipeline, text)] == ["MOBILIZE"]


def test_a_commitment_to_a_goal_stays_an_intent(pipeline):
    assert "AGREE" in [t for t, _, _ in types(pipeline, "Portugal committed to cutting emissions by half.")]


def test_support_in_arms_is_aid_and_support_in_words_is_support(pipeline):
    aid = "During the offensive, the United States gave air support to a coalition of Kurdish militias."
    assert [t for t, _, _ in types(pipeline, aid)] == ["AID"]
    assert "SUPPORT" in [t for t, _, _ in types(pipeline, "Germany voiced its support for Lithuania on Tuesday.")]


def test_a_signed_petition_is_its_demand(pipeline):
    text = "Over 40 senators signed a petition demanding that the minister resign."
    assert [t for t, _, _ in types(pipeline, text)] == ["REQUEST"]


def test_a_signed_decree_is_what_it_orders_not_an_accord(pipeline):
    text = "President Ruto signed a decree allowing the deployment of troops to the border."
    assert [t for t, _, _ in types(pipeline, text)] == ["MOBILIZE"]
    assert [t for t, _, _ in types(pipeline, "Chile and Peru signed a trade agreement in Lima.")] == ["SUPPORT"]


def test_money_offered_for_information_is_an_appeal_not_a_threat(pipeline):
    text = "A total of $40,000 is being offered for information leading to the arrest of the gunman."
    assert [t for t, _, _ in types(pipeline, text)] == ["REQUEST"]


def test_a_planned_demonstration_is_a_protest_told_as_future(pipeline):
    planned = "Farmers planned a large demonstration in Lyon on Saturday."
    assert types(pipeline, planned) == [("PROTEST", "demo", "future")]
    assert [t for t, _, _ in types(pipeline, "The unions said they would boycott the talks.")] == ["THREATEN"]


# Who does the act decides its category (decide.py `act_by_doer`, cues.yaml `crowd_doers`, `armed_groups`).
@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Angry protesters torched two buses in Varna on Monday.", "riot"),
        ("About ten cars were burnt and six damaged by the protesters in Varna.", "riot"),
        ("Striking students ransacked the college office in Varna.", "riot"),
        ("Villagers clashed with the police in Varna on Monday.", "riot"),
        ("Farmers staged a road blockade in Varna on Monday.", "obstruct"),
    ],
)
def test_force_done_by_a_crowd_is_a_riot(pipeline, text, mode):
    assert ("PROTEST", mode) in [(t, m) for t, m, _ in types(pipeline, text)]
    assert "ASSAULT" not in [t for t, _, _ in types(pipeline, text)]


def test_a_crowd_attacking_a_person_stays_an_assault(pipeline):
    text = "Party workers attacked a rival councillor in Varna on Monday."
    assert [t for t, _, _ in types(pipeline, text)] == ["ASSAULT"]


def test_two_groups_of_students_fighting_is_no_riot(pipeline):
    text = "Two groups of students clashed near the college in Varna, leaving four injured."
    assert "PROTEST" not in [t for t, _, _ in types(pipeline, text)]


def test_property_destroyed_by_an_armed_group_is_an_assault(pipeline):
    text = "Maoists blew up a telephone exchange in Varna district on Sunday."
    assert types(pipeline, text)[0][:2] == ("ASSAULT", "destroy")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Shops stayed shut across Zendia following a 48-hour bandh call by the Zendan Workers Party.", "PROTEST"),
        ("Striking workers of the Varna port will not return to work.", "PROTEST"),
        ("The students joined the fast in response to a call by the Varna action committee.", "REQUEST"),
    ],
)
def test_strikes_and_calls_for_them_are_no_phone_calls_or_attacks(pipeline, text, category):
    found = [t for t, _, _ in types(pipeline, text)]
    assert category in found and "CONSULT" not in found and "ASSAULT" not in found


def test_a_ban_on_imports_is_a_sanction(pipeline):
    text = "Zendia is extending its ban on imports of food from Ruritania through the end of the year."
    assert types(pipeline, text)[0][0] == "SANCTION"
