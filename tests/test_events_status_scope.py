"""Event status, issue 14: asserted only for what happened. Undated years, acts named by a definite
noun under a modal, acts that did not come about and statements told as false. Sentences are invented;
parties come from tests/test_events.py."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_events_nonevents import code, status_of


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # no publication date: news names the year of a date only when it is not the current one
        ("In 1998, Ruritanian troops invaded Zenda.", "invaded"),
        ("Ruritanian troops invaded Zenda in March 2016. The 1998 treaty was broken.", "invaded"),
        ("Ruritania recalled the 1999 invasion of Zenda.", "invasion"),
    ],
)
def test_an_undated_report_tells_a_year_as_history(nlp, coder, text, trigger):
    assert status_of(nlp, coder, text, trigger, published_at=None) == "historical"


@pytest.mark.parametrize(
    ("text", "trigger", "published_at"),
    [
        ("Ruritanian troops invaded Zenda on 12 May 2016. The 1998 treaty was broken.", "invaded", None),
        ("Ruritania extended its ban on imports from Zenda through the end of 2026.", "ban", None),
        ("Ruritanian troops invaded Zenda in 2025.", "invaded", date(2025, 6, 1)),
    ],
)
def test_a_day_date_an_open_interval_or_the_current_year_stays_asserted(nlp, coder, text, trigger, published_at):
    assert status_of(nlp, coder, text, trigger, published_at=published_at) == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The withdrawal of Ruritania from the treaty could be more damaging for Zenda.", "withdrawal"),
        ("Ruritania's attack on Zenda could have consequences for the region.", "attack"),
    ],
)
def test_a_definite_act_under_a_modal_is_taken_as_known(nlp, coder, text, trigger):
    assert status_of(nlp, coder, text, trigger) == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A Ruritanian attack on Zenda could have consequences for the region.", "attack"),
        ("Ruritania said the talks with Zenda could go ahead next week.", "talks"),
        ("Ruritanian troops could attack Zenda.", "attack"),
    ],
)
def test_an_indefinite_or_coming_act_under_a_modal_stays_possible(nlp, coder, text, trigger):
    assert status_of(nlp, coder, text, trigger) != "asserted"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Ruritanian governor escaped indictment by Zenda.", "indictment"),
        ("The Ruritanian minister evaded arrest by Zendan police.", "arrest"),
        ("Officials in Ruritania incorrectly stated that Zenda attacked the border post.", "attacked"),
    ],
)
def test_acts_that_did_not_come_about_are_negated(nlp, coder, text, trigger):
    assert status_of(nlp, coder, text, trigger) == "negated"


def test_an_act_itself_called_wrong_happened(nlp, coder):
    text = "Zendan police wrongly arrested the Ruritanian journalist."
    assert status_of(nlp, coder, text, "arrested") == "asserted"


def test_a_finite_verb_coordinated_after_a_wish_has_its_own_mood(nlp, coder):
    text = "The minister said Zenda needed to act quickly and urged Ruritania to release the prisoners."
    assert status_of(nlp, coder, text, "urged") == "asserted"


def test_a_wish_over_both_verbs_of_a_coordination_governs_both(nlp, coder):
    assert status_of(nlp, coder, "It is vital that Ruritania meet Zenda and sign the deal.", "sign") == "hypothetical"


def test_a_definite_act_related_under_a_modal_is_known_and_one_brought_about_is_not(nlp, coder):
    linked = "Police said the bombing in Zenda might be linked to the Ruritanian army."
    assert status_of(nlp, coder, linked, "bombing") == "asserted"
    signed = "Officials said the agreement between Ruritania and Zenda could be signed next week."
    assert status_of(nlp, coder, signed, "agreement") != "asserted"


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Zenda would not have attacked the convoy if Ruritania had not sent troops.", "attacked", "asserted"),
        ("Zenda would have attacked the convoy if Ruritania had not sent troops.", "attacked", "negated"),
        ("Zenda would not attack the convoy if Ruritania sent troops.", "attack", "negated"),
    ],
)
def test_a_past_counterfactual_inverts_its_clause(nlp, coder, text, trigger, status):
    assert status_of(nlp, coder, text, trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Zendan students have been holding protests against Ruritania since 12 March.", "protests"),
    ],
)
def test_an_ongoing_act_is_no_history(nlp, coder, text, trigger):
    assert status_of(nlp, coder, text, trigger) == "asserted"


def test_an_act_repeated_since_a_year_is_history(nlp, coder):
    text = "The Zendan activist has been arrested by Ruritanian police many times since 1990."
    assert status_of(nlp, coder, text, "arrested") == "historical"


def test_a_definite_meeting_under_a_modal_may_still_be_coming(nlp, coder):
    text = "The minister said the summit of Ruritania and Zenda would produce a new initiative."
    assert status_of(nlp, coder, text, "summit") != "asserted"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a neighbour clause about naming, relating or responding does not change the act it names
        (
            "Zendan officials have not officially called the attack on Ruritanian soldiers an act of terrorism.",
            "attack",
        ),
        ("The ministry has not determined whether the riots were related to the bombing in Zenda.", "bombing"),
        ("When Ruritania failed to respond to the Zendan ultimatum, the army crossed the border.", "Zendan ultimatum"),
    ],
)
def test_a_known_act_keeps_its_status_under_a_judging_clause(nlp, coder, text, trigger):
    assert status_of(nlp, coder, text, trigger) == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Zenda has not called the bombing an act of terror, and neither suspect was charged with murder.", "charged"),
        ("Neither soldier was arrested after the clashes.", "arrested"),
        ("Rebels failed to reach an agreement with the government.", "agreement"),
    ],
)
def test_neither_and_a_failed_act_negate(nlp, coder, text, trigger):
    assert status_of(nlp, coder, text, trigger) == "negated"


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("The Zendan president offered condolences to the families of the victims.", "offered", "asserted"),
        ("The Zendan rebel leader pledged allegiance to the Ruritanian army.", "pledged", "asserted"),
        ("The Zendan minister promised aid to the flood victims.", "promised", "future"),
        ("The Zendan minister will offer condolences to the families.", "offer", "future"),
        ("The Zendan minister vowed to send aid to the flood victims.", "vowed", "future"),
    ],
)
def test_an_offer_made_is_told_as_done(nlp, coder, text, trigger, status):
    assert status_of(nlp, coder, text, trigger) == status


def test_a_clause_with_its_own_subject_is_not_ordered(nlp, coder):
    text = "Advertisement\nNo one has claimed responsibility for the bombings in Zenda that killed three people."
    assert status_of(nlp, coder, text, "bombings") == "asserted"


def test_an_act_expected_by_schedule_is_future_and_one_foreseen_is_possible(nlp, coder):
    assert status_of(nlp, coder, "The Zendan president is expected to meet the Ruritanian envoy today.", "meet") == (
        "future"
    )
    foreseen = [
        e
        for e in code(nlp, coder, "The rebels expect that Zendan troops will attack the town.")
        if e.trigger.text == "attack"
    ]
    assert all(event.status == "hypothetical" for event in foreseen)  # or no event: a forecast is no act (slice non)


def test_a_negation_does_not_pass_through_a_contrast(nlp, coder):
    text = "The group said it was not responsible for the raid, unlike the car bombing in Zenda that it claimed."
    assert status_of(nlp, coder, text, "car bombing") == "asserted"


def test_a_definite_act_inside_the_subject_is_known(nlp, coder):
    text = "Zendan planners have long assumed that the early stage of the ground attack would be the easiest part."
    assert not [e for e in code(nlp, coder, text) if e.status == "hypothetical"]
    assert status_of(nlp, coder, "The start of the talks could be delayed.", "talks") == "hypothetical"


def test_an_act_stopped_short_of_did_not_happen(nlp, coder):
    text = "Zenda stopped short of imposing sanctions on Ruritania on Monday."
    assert status_of(nlp, coder, text, "sanctions") == "negated"
    assert status_of(nlp, coder, "The Zendan minister fell short of condemning the attack.", "condemning") == "negated"
    assert status_of(nlp, coder, "Zenda imposed sanctions on Ruritania, short of a full embargo.", "sanctions") == (
        "asserted"
    )


def _asserted(pipeline, text: str, trigger: str) -> list[str]:
    return [
        e["type"]
        for e in pipeline.extract(text)["events"]
        if e["trigger"]["text"] == trigger and e["status"] == "asserted"
    ]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The FBI offers a reward for information that leads to the arrest of the bomber.", "arrest"),
        (
            "The State Department posted $2 million for information leading to the capture of the rebel leader.",
            "capture",
        ),
        ("Police want tips that lead to the arrest and conviction of the gunmen who attacked the mosque.", "arrest"),
    ],
)
def test_an_act_information_is_sought_for_has_not_happened(pipeline, text, trigger):
    assert _asserted(pipeline, text, trigger) == []


def test_information_that_led_to_an_arrest_tells_the_arrest(pipeline):
    text = "Information from an informant led to the arrest of three men in Kabul on Monday, police said."
    assert _asserted(pipeline, text, "arrest") == ["COERCE"]
