"""Acts the lexicon used to miss (issue 14, recall; short round r2): people stopped from doing something
('blocked lawyers from visiting him', 'forbade women to work'; what they were stopped from is no act),
a party spied on, and charges dropped.

Sentences are invented; parties are injected as the actor resolver would give them (test_events.code).
"""

from __future__ import annotations

import pytest
from test_events import code


def kinds(events) -> list[tuple[str, str | None, str]]:
    return [(event.type, event.mode, event.trigger.text) for event in events]


@pytest.mark.parametrize(
    ("text", "category", "mode", "trigger"),
    [
        ("Zendan police blocked Ruritanian lawyers from visiting the editor.", "COERCE", "restrict", "blocked"),
        ("The Zendan junta has forbidden Ruritanian women to work.", "COERCE", "ban", "forbidden"),
        ("The Zendan intelligence service spied on Ruritanian diplomats.", "COERCE", None, "spied"),
        ("Zendan prosecutors dropped the charges against the Ruritanian editor.", "CONCEDE", None, "dropped"),
    ],
)
def test_acts_once_missed_are_coded(nlp, coder, text, category, mode, trigger):
    found = kinds(code(nlp, coder, text))
    assert any((kind, word) == (category, trigger) and mode in (None, got) for kind, got, word in found), found


def test_an_act_someone_was_blocked_from_did_not_happen(nlp, coder):
    found = kinds(code(nlp, coder, "Zendan police blocked Ruritanian lawyers from visiting the detained editor."))
    assert not any(word == "visiting" for _, _, word in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Zendan police blocked the road to the Ruritanian embassy.",  # a road blocked: no one stopped from an act
        "The price of Zendan oil dropped sharply.",  # dropped, no case
        "The Zendan minister dropped by the Ruritanian embassy on Monday.",  # a call, no charges
    ],
)
def test_no_restriction_or_concession_without_its_pattern(nlp, coder, text):
    found = kinds(code(nlp, coder, text))
    assert not any((kind, got) in (("COERCE", "restrict"), ("CONCEDE", None)) for kind, got, _ in found), found
