"""Issue 14 (slice nst): acts that did not happen stay out. The content of a request coordinated after its
first verb, an act set aside ('rather than', 'instead of', 'without'), acts named as a kind by a vague
quantity, and a power or capability. Sentences are invented; parties come from tests/test_events.py."""

from __future__ import annotations

import pytest

from tests.test_events import code


def told(nlp, coder, text: str) -> list[tuple[str, str, str]]:
    return [(event.type, event.trigger.text, event.status) for event in code(nlp, coder, text)]


def words_of(nlp, coder, text: str) -> list[str]:
    return [event.trigger.text for event in code(nlp, coder, text)]


def test_a_verb_coordinated_with_the_content_of_a_request_is_content_too(nlp, coder):
    asked = told(nlp, coder, "Ruritania asked Zenda to arrest the rebel commander and provide information about him.")
    assert ("REQUEST", "asked", "asserted") in asked
    assert [word for _, word, _ in asked if word in ("provide", "arrest")] == []


def test_a_finite_verb_coordinated_after_a_request_is_an_act_of_its_own(nlp, coder):
    events = told(nlp, coder, "Ruritania asked Zenda to meet on Friday, and Zendan troops attacked the border town.")
    assert ("ASSAULT", "attacked", "asserted") in events


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rather than a clash between Ruritania and Zenda, the dispute is a quarrel between two families.", "clash"),
        ("Instead of talks with Zenda, the Ruritanian army launched an offensive.", "talks"),
        ("Ruritanian troops chose to withdraw rather than attack the Zendan town.", "attack"),
        ("The Zendan minister served for a decade without any accusation of fraud from Ruritania.", "accusation"),
    ],
)
def test_an_act_set_aside_is_negated(nlp, coder, text, trigger):
    statuses = [status for _, word, status in told(nlp, coder, text) if word == trigger]
    assert statuses in ([], ["negated"]), statuses
    assert not any(word == trigger and status == "asserted" for _, word, status in told(nlp, coder, text))


def test_the_act_done_instead_stays_asserted(nlp, coder):
    events = told(nlp, coder, "Instead of talks with Zenda, the Ruritanian army launched an offensive.")
    assert ("ASSAULT", "offensive", "asserted") in events


@pytest.mark.parametrize(
    "text",
    [
        "The Zendan border region sees frequent attacks on Ruritanian police officers.",
        "Zenda has seen numerous bombings targeted at the Ruritanian army.",
    ],
)
def test_acts_counted_by_a_vague_quantity_outside_the_past_are_a_kind(nlp, coder, text):
    assert [w for w in words_of(nlp, coder, text) if w in ("attacks", "bombings")] == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Several attacks by Zendan rebels killed 20 Ruritanian soldiers.", "attacks"),
        ("Zendan rebels have launched several attacks on the Ruritanian base this week.", "attacks"),
    ],
)
def test_acts_counted_vaguely_but_told_in_the_past_or_dated_stay(nlp, coder, text, trigger):
    assert trigger in words_of(nlp, coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian commission has the power to investigate Zendan officials.",
        "Officials said the Ruritanian minister can allow the Zendan refugees to return.",
    ],
)
def test_a_power_or_capability_is_no_act(nlp, coder, text):
    assert [(kind, word) for kind, word, _ in told(nlp, coder, text) if kind in ("ACCUSE", "CONCEDE")] == []


@pytest.mark.parametrize(
    "text",
    [
        "True to his election promises, the Ruritanian president has taken a hard line against Zenda.",
        "The Zendan proposal intensified the dispute with Ruritania.",
    ],
)
def test_a_promise_or_proposal_named_is_no_act(nlp, coder, text):
    assert [kind for kind, _, _ in told(nlp, coder, text) if kind in ("AGREE", "THREATEN")] == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ruritania on Monday put forward a proposal for a ceasefire with Zenda.", "proposal"),
        ("Zenda is studying Ruritania's offer to withdraw its troops from the border.", "offer"),
    ],
)
def test_a_proposal_put_forward_or_spelled_out_is_an_act(nlp, coder, text, trigger):
    assert trigger in [word for _, word, _ in told(nlp, coder, text)]


def test_the_purpose_of_a_planned_act_is_future(nlp, coder):
    text = "Ruritanians, including the president, planned to join in a march on Sunday to protest against Zenda."
    assert [status for _, word, status in told(nlp, coder, text) if word == "protest"] == ["future"]
    assert not [status for _, word, status in told(nlp, coder, text) if word == "protest" and status == "asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "The Zendan and Ruritanian presidents were due to discuss the border on Wednesday.",
        "The Zendan minister was slated to visit Ruritania on Friday.",
    ],
)
def test_an_act_due_or_slated_is_planned_not_done(nlp, coder, text):
    """'were due to discuss', 'was slated to visit': a timetable tells a plan (session 15; judges of audit 18 marked
    such acts told as held wrong)."""
    assert [status for kind, _, status in told(nlp, coder, text) if kind == "CONSULT"] == ["future"]
