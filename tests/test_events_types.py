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
