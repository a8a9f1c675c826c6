"""Status, issue 14 (slice seg): a question, modal, wish or condition governs its own clause, not a clause with a
tense of its own beside it; a demand in the subjunctive and a thing's 'should' are not acts; a wish to thank,
said by its holder, is the thanks. Sentences are invented; parties come from tests/test_events.py."""

from __future__ import annotations

import pytest

from tests.test_events import code


def statuses(nlp, coder, text: str, trigger: str) -> list[str]:
    return [event.status for event in code(nlp, coder, text) if event.trigger.text == trigger]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a finite verb coordinated after a modal has its own mood
        ("Ruritania may impose sanctions on Zenda, and its troops attacked the border town on Monday.", "attacked"),
        # a past clause of time or cause is told as fact under a modal
        ("Ruritania could impose sanctions after Zendan troops attacked the border town on Monday.", "attacked"),
        # a statement coordinated with a question is no question
        ("Ruritanian troops shelled Zenda on Monday, but will the talks resume?", "shelled"),
    ],
)
def test_a_clause_with_a_tense_of_its_own_keeps_its_own_mood(nlp, coder, text, trigger):
    assert statuses(nlp, coder, text, trigger) == ["asserted"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ruritania could impose sanctions on Zenda and attack its ports.", "attack"),  # a shared modal
        ("Will Ruritanian troops shell Zenda again, and will Zenda respond?", "shell"),  # the question itself
    ],
)
def test_a_shared_modal_or_the_question_itself_still_governs(nlp, coder, text, trigger):
    assert "asserted" not in statuses(nlp, coder, text, trigger)


def test_a_reason_inside_advice_is_not_told_as_fact(nlp, coder):
    text = "Zenda says Ruritania should withdraw because its troops attacked the border town."
    assert "asserted" not in statuses(nlp, coder, text, "attacked")


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian officials insisted that Zendan troops be withdrawn from the border.",
        "Ruritania demanded that Zendan police release the protesters, and Zenda refused.",
    ],
)
def test_a_subjunctive_clause_tells_a_demand_not_an_act(nlp, coder, text):
    trigger = "withdrawn" if "withdrawn" in text else "release"
    assert "asserted" not in statuses(nlp, coder, text, trigger)


@pytest.mark.parametrize(
    "text",
    [
        '"I want to thank Zenda for its help," the Ruritanian minister said.',
        "The Ruritanian minister said she wanted to thank Zenda for its help.",
    ],
)
def test_a_wish_to_thank_said_by_its_holder_is_the_thanks(nlp, coder, text):
    assert statuses(nlp, coder, text, "thank") == ["asserted"]


def test_a_wish_to_thank_held_by_others_stays_a_wish(nlp, coder):
    text = "Ruritanian protesters want to thank Zenda at a rally tomorrow."
    assert "asserted" not in statuses(nlp, coder, text, "thank")


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian minister said the reports should have no bearing on the case against Zenda.",
        "The Ruritanian minister said the issue must be dealt with stage by stage with Zenda.",
        "The Ruritanian minister said that should help Zenda.",
    ],
)
def test_a_should_of_a_thing_is_an_opinion_not_a_request(nlp, coder, text):
    assert "REQUEST" not in [event.type for event in code(nlp, coder, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian minister said Zenda must withdraw its troops.",
        "The Ruritanian minister said all sides should work toward a settlement with Zenda.",
        "The Ruritanian minister said the coalition must investigate the Zendan raid.",
    ],
)
def test_a_should_of_a_party_stays_a_request(nlp, coder, text):
    assert "REQUEST" in [event.type for event in code(nlp, coder, text)]


def test_a_present_outcome_of_a_condition_is_supposed(nlp, coder):
    text = "If Zenda withdraws its troops, Ruritania welcomes the move and lifts its sanctions on Zenda."
    assert "asserted" not in statuses(nlp, coder, text, "lifts")


def test_a_threat_made_on_a_condition_is_a_threat_made(nlp, coder):
    text = "Ruritania threatens Zenda with sanctions if it does not withdraw its troops."
    assert statuses(nlp, coder, text, "threatens") == ["asserted"]
