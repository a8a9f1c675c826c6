"""Phone calls between named leaders, what is said in them, and spoken attacks (issue 14, recall): 'Putin and
Erdogan spoke by phone', 'in a call with Macron, Zelensky asked...' (named people only: relatives talking by phone
are private life); 'lashed out at', 'called the president a liar', 'branded them terrorists'.

Sentences are invented; parties are injected as the actor resolver would give them (test_events.code).
"""

from __future__ import annotations

from test_events import code


def calls(nlp, coder, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in code(nlp, coder, text) if e.type == "CONSULT"]


def test_named_leaders_speaking_by_phone_is_a_call(nlp, coder):
    text = "Ruritanian President Olaf Brandt and Zendan President Jan Kowalski spoke by phone on Monday."
    assert calls(nlp, coder, text) == [("CONSULT", "phone")]


def test_relatives_speaking_by_phone_are_no_call(nlp, coder):
    assert calls(nlp, coder, "Maria spoke by phone with her son on Monday.") == []


def test_a_call_in_which_a_request_was_made_is_a_call_of_its_own(nlp, coder):
    events = code(nlp, coder, "In a call with Zenda, Ruritania asked for more air defense.")
    assert {e.type for e in events} >= {"CONSULT", "REQUEST"}, [(e.type, e.trigger.text) for e in events]


def test_a_stance_in_a_protest_is_not_split(nlp, coder):
    events = code(nlp, coder, "The Ruritanian minister resigned in protest over the Zendan decision.")
    assert "PROTEST" not in {e.type for e in events}


def accusations(nlp, coder, text: str) -> list[str]:
    return [e.trigger.text for e in code(nlp, coder, text) if e.type == "ACCUSE"]


def test_spoken_attacks_on_a_party_are_accusations(nlp, coder):
    assert accusations(nlp, coder, "The Ruritanian president lashed out at Zenda on Tuesday.") == ["lashed out"]
    assert accusations(nlp, coder, "The Ruritanian minister called the Zendan leader a liar.") == ["called"]
    assert accusations(nlp, coder, "The Ruritanian government branded the protesters terrorists.") == ["branded"]


def test_an_outburst_at_no_one_and_a_phone_call_are_no_accusations(nlp, coder):
    assert accusations(nlp, coder, "The Ruritanian troops might lash out in some way.") == []
    assert accusations(nlp, coder, "The Ruritanian hostage called the terrorists from the bank.") == []
