"""Main acts the lexicon used to miss (issue 14, recall; session 8): weapons pointed at someone, people
taken or held hostage, people captured (fighters or civilians: an abduction; a suspect: an arrest), and a
denial told in a relative clause on the charge ("a charge that Zenda denies").

Sentences are invented; parties are injected as the actor resolver would give them (test_events.code).
"""

from __future__ import annotations

import pytest
from test_events import code, kinds

ARRESTS_AT_PROTEST = "Zendan police arrested 20 people at a protest against the Ruritanian coup on Saturday."


@pytest.mark.parametrize(
    ("text", "category", "mode", "trigger"),
    [
        ("The Ruritanian gunman pointed a rifle at the Zendan guards.", "THREATEN", "violence", "pointed"),
        ("Ruritanian rebels took two Zendan engineers hostage on Monday.", "ASSAULT", "abduct", "took"),
        ("Two Zendan engineers were taken hostage by Ruritanian rebels.", "ASSAULT", "abduct", "taken"),
        ("Ruritanian militants are holding four Zendan sailors hostage.", "ASSAULT", "abduct", "holding"),
        ("Ruritanian rebels captured three Zendan soldiers near the border.", "ASSAULT", "abduct", "captured"),
        ("Three Zendan soldiers were captured by Ruritanian rebels.", "ASSAULT", "abduct", "captured"),
        ("Zendan police captured the fugitive in Ruritania on Friday.", "COERCE", "arrest", "captured"),
        ("Two Ruritanian suicide bombers targeted a Zendan market on Monday.", "ASSAULT", None, "targeted"),
        ("A Zendan policeman hit a Ruritanian migrant at the stadium.", "ASSAULT", "beat", "hit"),
        ("The Ruritanian terrorist who attacked the Zendan club has been captured.", "COERCE", "arrest", "captured"),
        ("Zenda rebuilt the Ruritanian mosque bombed by rebels last week.", "ASSAULT", None, "bombed"),
        (
            "The Zendan minister, speaking at a joint news conference with the Ruritanian envoy, said ties were good.",
            "CONSULT",
            None,
            "news conference",
        ),
        (ARRESTS_AT_PROTEST, "PROTEST", None, "protest"),
        (ARRESTS_AT_PROTEST, "COERCE", "arrest", "arrested"),
        ("Ruritania says Zenda was behind the bombing, a charge that Zenda denies.", "REJECT", None, "denies"),
        ("The Zendan minister faces Ruritanian allegations of fraud, which he denies.", "REJECT", None, "denies"),
    ],
)
def test_main_acts_once_missed_are_coded(nlp, coder, text, category, mode, trigger):
    found = kinds(code(nlp, coder, text))
    assert any((kind, word) == (category, trigger) and mode in (None, got) for kind, got, word in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian minister pointed out that Zenda had paid.",  # pointed out: a remark
        "The Zendan report points at Ruritanian farm subsidies.",  # no weapon
        "The Ruritanian photographer captured the Zendan parade on film.",  # captured on film
        "Zendan voters captured the mood of the Ruritanian campaign.",  # no person captured
        "Ruritania took the Zendan proposal seriously.",  # took, no hostage
        "The new Zendan tax targeted Ruritanian small businesses.",  # targeted, no attacker
        "The Zendan police hit a wall in the Ruritanian inquiry.",  # hit, no person
        "Zenda rebuilt the Ruritanian mosque bombed during the war.",  # a participle with no doer or date
        "He is seen in a photo released by Zendan police on Monday.",  # a document released, no act
        "Zendan investors, betting on a clash between two Ruritanian firms, bought shares.",  # a bet, no act
    ],
)
def test_everyday_readings_of_the_new_words_are_no_events(nlp, coder, text):
    found = kinds(code(nlp, coder, text))
    assert not [k for k in found if k[0] in ("ASSAULT", "THREATEN", "COERCE", "RETREAT")], found


@pytest.mark.parametrize(
    "text",
    [
        "A Ruritanian project that denies the Zendan famine was advertised.",  # the relative pronoun denies
        "Zendan voters who dispute the Ruritanian result are few.",  # a kind of people, no denial told
        "The Zendan treaty that Ruritania denied in 1990 was signed.",  # a past denial: background
    ],
)
def test_denials_in_relative_clauses_of_no_party_stay_background(nlp, coder, text):
    found = kinds(code(nlp, coder, text))
    assert not [k for k in found if k[0] == "REJECT"], found


def test_the_police_at_a_protest_are_not_its_protesters(nlp, coder):
    events = code(nlp, coder, ARRESTS_AT_PROTEST)
    protest = next(event for event in events if event.type == "PROTEST")
    assert protest.actor is None or "police" not in protest.actor.text.lower(), protest.actor


def test_outrage_at_an_act_tells_the_act_with_its_own_doer(nlp, coder):
    """Session 22: a disapproval presupposes the act it is about; the disapprover did not do it."""
    events = code(nlp, coder, "Zendan officials expressed outrage at the Ruritanian attack on the border.")
    assert [e for e in events if e.type == "ACCUSE"], kinds(events)
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.actor is not None and attack.actor.country == "RUR", attack.actor
