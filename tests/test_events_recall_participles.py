"""Acts told by a participle or a relative clause on the party doing them (issue 14, recall): 'diplomats condemning the
order', 'exiles protesting in the capital', 'soldiers who arrested two reporters'. A participle on a thing ('a treaty
calling for') or a clause on a place ('the village where soldiers arrested') stays background. A clause of time in
the past told beside or after the news whose subject is a party ('as police arrested two reporters') tells an act;
'after', 'since' and pronouns stay out.

Sentences are invented; parties are injected as the actor resolver would give them (test_events.code).
"""

from __future__ import annotations

import pytest
from test_events import code


def events_of(nlp, coder, text: str, trigger: str):
    return [event for event in code(nlp, coder, text) if event.trigger.text == trigger]


def test_participle_on_a_party_is_that_party_s_act(nlp, coder):
    found = events_of(
        nlp, coder, "The mayor praised Ruritanian diplomats condemning the Zendan crackdown.", "condemning"
    )
    assert [(e.type, e.actor.country if e.actor else None) for e in found] == [("ACCUSE", "RUR")]


def test_participle_on_a_party_keeps_its_place_and_target(nlp, coder):
    text = "Television showed Ruritanian exiles protesting in the capital against Zenda."
    found = events_of(nlp, coder, text, "protesting")
    assert [(e.type, e.actor.country if e.actor else None) for e in found] == [("PROTEST", "RUR")]


def test_participle_on_a_thing_stays_background(nlp, coder):
    text = "Ruritania and Zenda signed a treaty calling for the withdrawal of troops."
    assert events_of(nlp, coder, text, "calling") == []


def test_relative_clause_on_a_party_is_that_party_s_act(nlp, coder):
    text = "The crowd booed Zendan soldiers who arrested two Ruritanian reporters near the square."
    found = events_of(nlp, coder, text, "arrested")
    assert [(e.type, e.actor.country if e.actor else None) for e in found] == [("COERCE", "ZEN")]


@pytest.mark.parametrize(
    "text",
    [
        "The minister visited the Zendan village where soldiers arrested two reporters.",  # a place
        "Zenda punished the Ruritanian towns that arrested two reporters.",  # 'that' picks out whom it means
    ],
)
def test_relative_clause_on_a_place_or_with_that_stays_background(nlp, coder, text):
    assert events_of(nlp, coder, text, "arrested") == []


def test_clause_of_time_in_the_past_with_a_party_subject_is_an_act(nlp, coder):
    text = "The ceremony ended early as Zendan police arrested two Ruritanian reporters."
    found = events_of(nlp, coder, text, "arrested")
    assert [(e.type, e.actor.country if e.actor else None) for e in found] == [("COERCE", "ZEN")]


@pytest.mark.parametrize(
    "text",
    [
        "Zenda has been on alert since Ruritanian soldiers arrested two reporters.",  # a span or a cause
        "The crowd left after Ruritanian soldiers arrested two reporters.",  # what came before, undated
        "The crowd left as they arrested two Zendan reporters.",  # no party named
    ],
)
def test_clause_of_time_before_the_news_or_with_a_pronoun_stays_background(nlp, coder, text):
    assert events_of(nlp, coder, text, "arrested") == []
