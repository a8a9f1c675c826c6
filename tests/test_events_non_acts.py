"""Non-acts of issue 14 (slice non): page furniture, questions, hoped or foreseen outcomes, acts only drawn
near, games and drills. Sentences are invented; parties come from tests/test_events.py."""

from __future__ import annotations

import pytest

from tests.test_events import code


def kinds(nlp, coder, text: str) -> list[tuple[str, str]]:
    return [(event.type, event.trigger.text) for event in code(nlp, coder, text)]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Zendan troops shelled the port on Monday.\n\n==See also==\n* 2009 Zenda harbour bombing\n", "bombing"),
        ("Zendan troops shelled the port on Monday.\n\nRelated:\nRuritanian army attacks rebel camp\n", "attacks"),
        ("Zendan troops shelled the port.\n* Ruritanian embassy bombing\n* Zenda border clashes\n", "bombing"),
        (
            "Senator Anna KovacKovac on Zenda talks | Zendan rebels attack border post MORE criticised the plan.",
            "attack",
        ),
        ("1:29 Zendan rebels attack a border post 0:50 Ruritania hosts a fair 1:02 A storm hits the coast", "attack"),
        ("The Zendan weekly sends a briefing each morning. You can sign up to receive it here.", "sign up"),
        ('"If Ruritania attacked the convoy, why did nobody see it?" the Zendan minister said.', "attacked"),
        ('"Why fight a war?" asked a Zendan farmer on Monday.', "asked"),
        ("Ruritania hopes its troops will push the rebels out, leaving their guns destroyed.", "destroyed"),
        ("The Zendan army expects that thousands of rebels will surrender over the next days.", "surrender"),
        ("Officials say the Zendan envoy is on the verge of a breakthrough with the rebels.", "breakthrough"),
        ('A Zendan general told reporters: "We talk about precision warfare with regards to Ruritania."', "talk"),
        ("The Ruritanian capital will host the semi-finals and the final in July.", "host"),
        ("Zendan police are factoring drones into their war games, a Ruritanian expert said.", "war games"),
        ("All Ruritanian victims were treated and released by Sunday morning, the Zendan governor said.", "released"),
    ],
)
def test_non_acts_yield_no_event(nlp, coder, text, trigger):
    found = kinds(nlp, coder, text)
    assert not any(trigger in words for _, words in found), found


@pytest.mark.parametrize(
    ("text", "category", "trigger"),
    [
        (
            "Zendan troops shelled the port on Monday.\n\n==See also==\n* 2009 Zenda harbour bombing\n",
            "ASSAULT",
            "shelled",
        ),
        ("Ruritania hopes to reach a deal with Zenda.", "AGREE", "deal"),
        ("The Zendan minister expected the summit with Ruritania would settle the dispute.", "CONSULT", "summit"),
        ("Ruritania and Zenda held joint military exercises near the border on Monday.", "COOPERATE", "exercises"),
        ("Ruritanian and Zendan warships began ten days of war games on Monday.", "COOPERATE", "war games"),
        ("Ruritanian police arrested the Zendan envoy on Monday.", "COERCE", "arrested"),
        (
            "We talked with the Zendan foreign minister about the border on Monday, the Ruritanian envoy said.",
            "CONSULT",
            "talked",
        ),
        ("Zendan police arrested the Ruritanian envoy at 10:30 a.m., 11:15 a.m. and 12:40 p.m.", "COERCE", "arrested"),
        ("The Zendan court released the Ruritanian journalist from prison on Monday.", "RETREAT", "released"),
    ],
)
def test_acts_beside_them_stay(nlp, coder, text, category, trigger):
    found = kinds(nlp, coder, text)
    assert any(kind == category and trigger in words for kind, words in found), found
