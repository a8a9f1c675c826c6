"""Event coder, issue 14 (slice agr): AGREE, CONSULT and REJECT that are no act between parties — a
readiness for an act of no political kind, a trade of firms, onlookers sharing a view, a source telling
the press nothing — and the status of acts sought or on a timetable. Sentences are invented; parties come
from tests/test_events.py."""

from __future__ import annotations

import pytest

from tests.test_events import code, only


def talk(nlp, coder, text: str) -> list[tuple[str, str, str]]:
    events = code(nlp, coder, text)
    return [(e.type, e.trigger.text, e.status) for e in events if e.type in ("AGREE", "CONSULT", "REJECT")]


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian minister said he was willing to wait as long as it takes.",
        "Zenda said it is prepared to bid for the entire company.",
        "The Ruritanian envoy said she is willing to travel to Strel to see the boy.",
    ],
)
def test_a_readiness_for_no_cooperative_act_is_no_promise(nlp, coder, text):
    assert talk(nlp, coder, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania said it is ready to negotiate with Zenda.",
        "Ruritania is willing to improve relations with Zenda.",
        "Zenda said it was ready to provide aid to Ruritania.",
    ],
)
def test_a_readiness_for_a_cooperative_act_stays_an_intent(nlp, coder, text):
    assert only(code(nlp, coder, text), "AGREE").status == "future"


def test_a_trade_of_firms_is_no_accord_but_a_state_buying_is(nlp, coder):
    assert talk(nlp, coder, "Vexacorp agreed to buy Plumbex for two billion dollars.") == []
    assert talk(nlp, coder, "Vexacorp launched a tender offer for the shares of Plumbex.") == []
    bought = only(code(nlp, coder, "Ruritania agreed to buy fighter jets from Zenda."), "AGREE")
    assert (bought.actor.country, bought.recipient.country) == ("RUR", "ZEN")


def test_onlookers_agreeing_share_a_view_but_parties_agreeing_on_what_will_be_make_an_accord(nlp, coder):
    assert talk(nlp, coder, "Most analysts agree that the Zendan economy will slow next year.") == []
    accord = only(code(nlp, coder, "Ruritania and Zenda agreed that their troops would withdraw by May."), "AGREE")
    assert {accord.actor.country, accord.recipient.country} == {"RUR", "ZEN"}


def test_a_deal_hoped_for_is_not_yet_made(nlp, coder):
    hoped = talk(nlp, coder, "Ruritania hopes to reach a deal with Zenda by March.")
    assert hoped == [("AGREE", "deal", "hypothetical")]
    assert talk(nlp, coder, "Ruritania hopes to agree a deal with Zenda.") == [("AGREE", "agree", "hypothetical")]
    assert talk(nlp, coder, "Ruritania reached a deal with Zenda on Monday.")[0][2] == "asserted"


def test_a_meeting_on_a_timetable_is_a_planned_meeting_not_a_promise(nlp, coder):
    planned = only(code(nlp, coder, "The Ruritanian minister is set to visit Zenda next week."), "CONSULT")
    assert (planned.status, planned.actor.country, planned.recipient.country) == ("future", "RUR", "ZEN")
    assert only(code(nlp, coder, "The Ruritanian minister will visit Zenda next week."), "AGREE").status == "future"


@pytest.mark.parametrize(
    "text",
    ["The Ruritanian police refused to provide details.", "A Zendan spokesman declined to provide a timetable."],
)
def test_a_source_giving_the_press_nothing_refuses_no_party(nlp, coder, text):
    assert talk(nlp, coder, text) == []


def test_a_refusal_to_release_people_stays_a_refusal(nlp, coder):
    assert only(code(nlp, coder, "Ruritania refused to release the Zendan prisoners."), "REJECT")


def test_a_party_unwilling_to_meet_refuses(nlp, coder):
    refusal = only(code(nlp, coder, "Ruritania was unwilling to meet the Zendan envoy."), "REJECT")
    assert (refusal.actor.country, refusal.status) == ("RUR", "asserted")
    assert talk(nlp, coder, "Ruritania is reluctant to negotiate with Zenda.")[0][:1] == ("REJECT",)


def test_an_accord_sought_is_not_made(nlp, coder):
    assert talk(nlp, coder, "Ruritanian negotiators appear to be making headway toward a deal with Zenda.") == []
    reached = talk(nlp, coder, "Ruritania and Zenda reached a deal for the release of prisoners.")
    assert reached[0][:2] == ("AGREE", "deal")


def test_what_a_thing_promises_to_be_is_a_forecast(nlp, coder):
    assert talk(nlp, coder, "The Zendan trade fair promises to be the largest yet.") == []
    assert only(code(nlp, coder, "Ruritania promised to release the Zendan sailors."), "AGREE").status == "future"


def test_what_a_document_offers_is_no_offer_made(nlp, coder):
    assert talk(nlp, coder, "The plan offers Zenda a seat at the table.") == []
    assert only(code(nlp, coder, "Ruritania offered Zenda a seat at the table."), "AGREE").status == "future"


def test_one_person_discussing_a_topic_speaks_but_two_parties_consult(nlp, coder):
    assert talk(nlp, coder, "She resurfaced on television to discuss the firing of the Zendan director.") == []
    assert only(code(nlp, coder, "The Ruritanian and Zendan ministers discussed the border."), "CONSULT")
    assert only(code(nlp, coder, "Ruritania is discussing the terms of the Zendan offer."), "CONSULT")
