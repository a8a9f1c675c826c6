"""Acts the recall lists of the eighth-session audits missed (issue 14, recall; session 9): a party
charged with no "with" ("charged Zenda after the riot"), a court's remand in custody, charges reinstated,
forces heading for a theatre, objects thrown at people, a court decision appealed (a REJECT, not a
request), a deadline lifted, a memorandum of understanding, surveillance imposed, a manhunt; the doer of
a nominal act named by a participle's "by" ("protests organised by the opposition"); and what a named
party does in a relative clause set off by a comma ("Wang, who is visiting Ruritania").

Sentences are invented; parties are injected as the actor resolver would give them (test_events.code).
"""

from __future__ import annotations

import pytest
from test_events import code, kinds


@pytest.mark.parametrize(
    ("text", "category", "mode", "trigger"),
    [
        ("The Zendan league also charged Ruritania after objects were thrown.", "ACCUSE", "allege", "charged"),
        ("Zendan police charged two men over the robbery.", "ACCUSE", "allege", "charged"),
        ("A Zendan man was remanded in custody on Thursday.", "COERCE", "arrest", "remanded"),
        ("Zendan prosecutors reinstated the charges against Ruritania.", "ACCUSE", "allege", "reinstated"),
        ("A Zendan aircraft carrier could head for Ruritania within days.", "MOBILIZE", "troops", "head"),
        ("Zendan fans threw objects at the Ruritanian players.", "ASSAULT", "primitive", "threw"),
        ("The Zendan family said it would appeal the Ruritanian court's decision.", "REJECT", None, "appeal"),
        ("The Zendan minister lifted the deadline on Friday.", "CONCEDE", None, "lifted"),
        ("Zenda and Ruritania signed a memorandum of understanding on trade.", "AGREE", None, "memorandum"),
        ("Ruritanian police organised a manhunt for the Zendan fugitive.", "ACCUSE", "investigate", "manhunt"),
        ("Protests organised by the Zendan opposition drew thousands in Strel on Monday.", "PROTEST", None, "Protests"),
        ("Ties are good, said Wang, who is visiting Ruritania as the envoy of Zenda.", "CONSULT", None, "visiting"),
    ],
)
def test_acts_once_missed_are_coded(nlp, coder, text, category, mode, trigger):
    found = kinds(code(nlp, coder, text))
    assert any((kind, word) == (category, trigger) and mode in (None, got) for kind, got, word in found), found


def test_an_appeal_to_a_party_stays_a_request(nlp, coder):
    found = kinds(code(nlp, coder, "Zenda appealed to Ruritania to release the prisoners."))
    assert ("REQUEST", "appealed") in [(kind, word) for kind, _, word in found], found


def test_the_doer_named_by_a_participle_is_the_actor(nlp, coder):
    events = code(nlp, coder, "In Ruritania, protests organised by Zendan students drew thousands on Monday.")
    protest = next(event for event in events if event.type == "PROTEST")
    assert protest.actor is not None and protest.actor.country == "ZEN", protest.actor


@pytest.mark.parametrize(
    "text",
    [
        "The Zendan hotel charged guests fifty dollars a night.",  # a price, no charge against a party
        "Ruritanian voters threw their support behind the Zendan candidate.",  # support thrown: no object hurled
        "The Zendan camp is kept under surveillance with cameras.",  # a standing watch on a place
        "Zendan students headed for the Ruritanian beaches.",  # no forces on the move
        "Countries that expelled Ruritanian diplomats include Zenda.",  # restrictive: picks out whom
        "Wang, who expelled Ruritanian diplomats, is retiring from Zenda.",  # a past act of a person, undated
    ],
)
def test_everyday_readings_of_the_new_words_are_no_events(nlp, coder, text):
    found = kinds(code(nlp, coder, text))
    assert not [k for k in found if k[0] in ("ACCUSE", "ASSAULT", "COERCE", "MOBILIZE", "SANCTION")], found


@pytest.mark.parametrize(
    ("text", "category", "trigger"),
    [
        ("The dispute began after Zenda accused Ruritania of the attack in early March.", "ACCUSE", "accused"),
        ("The envoy carried a letter from Zenda, with whom the Ruritanian king met Monday.", "CONSULT", "met"),
        ("The move aimed at Zenda, which had condemned the Ruritanian invasion on Aug. 2.", "ACCUSE", "condemned"),
    ],
)
def test_dated_past_acts_in_background_clauses_are_coded(nlp, coder, text, category, trigger):
    found = kinds(code(nlp, coder, text))
    assert (category, trigger) in [(kind, word) for kind, _, word in found], found


@pytest.mark.parametrize(
    "text",
    [
        "The dispute began after Zenda accused Ruritania of the attack.",  # no date of its own
        "Zendan marchers, who protest each July in Strel, came back.",  # a habit
        "Ruritanian families will leave if Zenda fails to file an appeal within 14 days.",  # a span, an 'if'
        "Zendan students marched in Strel, where 28 people were killed in riots last March.",  # a place described
    ],
)
def test_undated_or_habitual_background_acts_stay_background(nlp, coder, text):
    found = kinds(code(nlp, coder, text))
    assert not [k for k in found if k[0] in ("ACCUSE", "ASSAULT", "REJECT") or k[2] == "protest"], found
