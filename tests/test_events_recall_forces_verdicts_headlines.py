"""Main acts the lexicon and the parse rules used to miss (issue 14, recall; session 7): forces sent,
verdicts, suspects named, bodies convened, parties ordered to disband, poisonings, violence erupting,
headlines told with a participle ('Opposition leader arrested in dawn raid') or opening with a bare
noun ('Curfew imposed in ...'), and a state of emergency declared in the passive.

Sentences are invented; parties are injected as the actor resolver would give them (test_events.code).
"""

from __future__ import annotations

import pytest
from test_events import code, kinds


@pytest.mark.parametrize(
    ("text", "category", "mode", "trigger"),
    [
        ("Ruritania sent troops to the Zendan border on Monday.", "MOBILIZE", "troops", "sent"),
        ("Ruritanian warships were dispatched to Zenda.", "MOBILIZE", "troops", "dispatched"),
        ("Ruritania is bolstering its military presence near Zenda.", "MOBILIZE", "troops", "bolstering"),
        ("A Zendan court found the Ruritanian envoy guilty of spying.", "SANCTION", "convict", "found"),
        ("Zendan police named a Ruritanian suspect in the bombing.", "ACCUSE", "allege", "named"),
        ("Zendan police identified the Ruritanian man as the gunman.", "ACCUSE", "allege", "identified"),
        ("The Zendan cabinet convened on Sunday to discuss the Ruritanian raid.", "CONSULT", None, "convened"),
        ("Zendan authorities ordered the Ruritanian party to disband on Thursday.", "COERCE", "ban", "ordered"),
        ("Zenda poisoned the Ruritanian defector in his flat.", "ASSAULT", None, "poisoned"),
        ("The poisoning of the Ruritanian defector took place in Zenda.", "ASSAULT", None, "poisoning"),
        ("Violence erupted in the Zendan capital after the Ruritanian vote.", "ASSAULT", None, "Violence"),
        ("Gunfire was heard near the Ruritanian embassy in Zenda overnight.", "ASSAULT", "firearms", "Gunfire"),
        ("Curfew imposed in Zenda after Ruritanian raid", "COERCE", "curfew", "Curfew"),
        ("Zendan opposition leader arrested in Ruritanian raid", "COERCE", "arrest", "arrested"),
        ("A state of emergency was declared in Zenda on Monday.", "COERCE", "martial-law", "emergency"),
    ],
)
def test_main_acts_once_missed_are_coded(nlp, coder, text, category, mode, trigger):
    found = kinds(code(nlp, coder, text))
    assert any((kind, word) == (category, trigger) and mode in (None, got) for kind, got, word in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The affair poisoned relations between Zenda and Ruritania.",  # figurative poison
        "A Zendan court found the Ruritanian envoy not guilty of spying.",  # an acquittal, no conviction
        "Zenda found the Ruritanian report useful.",  # found, no verdict
        "Ruritania sent a letter to Zenda about the fishing quota.",  # sent, no forces
        "Zendan farmers boosted their exports to Ruritania.",  # boosted, no forces
        "Zenda named a new ambassador to Ruritania.",  # named, no suspect
        "Zenda ordered new trains from Ruritania.",  # ordered, no party disbanded
    ],
)
def test_everyday_readings_of_the_new_words_are_no_events(nlp, coder, text):
    found = kinds(code(nlp, coder, text))
    assert not [k for k in found if k[0] in ("ASSAULT", "SANCTION", "MOBILIZE", "ACCUSE", "COERCE")], found


def test_a_headline_participle_is_the_act_but_a_body_participle_stays_background(nlp, coder):
    """A line with no finite verb tells its act with a participle; in a sentence with a finite verb
    the participle on a noun ('the activists detained during the protest') is background."""
    headline = code(nlp, coder, "Zendan troops deployed to Ruritanian border")
    assert ("MOBILIZE", "deployed") in [(e.type, e.trigger.text) for e in headline]
    body = code(nlp, coder, "Ruritania released the Zendan activists detained during the protest.")
    assert "COERCE" not in [e.type for e in body]


def test_the_arrested_person_of_a_headline_is_the_recipient(nlp, coder):
    events = code(nlp, coder, "Zendan opposition leader arrested in Ruritania")
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.actor is None or arrest.actor.country != "ZEN"
    assert arrest.recipient is not None and arrest.recipient.country == "ZEN"


def test_an_act_told_after_before_is_news_but_a_nominal_after_before_is_background(nlp, coder):
    """'toured the embassy before meeting with officials': the meeting came later, in the subject's own
    clause; 'before the attack' names an earlier act told as background."""
    later = code(nlp, coder, "The Ruritanian envoy toured the Zendan embassy before meeting with Zendan officials.")
    assert ("CONSULT", "meeting") in [(e.type, e.trigger.text) for e in later]
    earlier = code(nlp, coder, "Before the Zendan attack, Ruritanian rebels had surrounded the town.")
    assert "ASSAULT" not in [e.type for e in earlier]


def test_warrants_and_challenges(nlp, coder):
    warrant = code(nlp, coder, "Zendan authorities issued an arrest warrant for the Ruritanian minister.")
    assert ("ACCUSE", "allege") in [(e.type, e.mode) for e in warrant]
    # The warrant is issued; the arrest it orders has not happened: nothing asserts an arrest.
    pending = code(nlp, coder, "Zenda issued a warrant for the arrest of the Ruritanian envoy.")
    assert ("ACCUSE", "asserted") in [(e.type, e.status) for e in pending]
    assert not [e for e in pending if e.type == "COERCE" and e.status == "asserted"]
    search = code(nlp, coder, "Zendan police obtained a warrant to search the house.")
    assert "ACCUSE" not in [e.type for e in search]
    challenge = code(nlp, coder, "The Zendan opposition challenged the Ruritanian ruling in court.")
    assert "REJECT" in [e.type for e in challenge]
    assert "REJECT" not in [e.type for e in code(nlp, coder, "Zenda faces a challenge from Ruritanian exporters.")]


def test_joining_a_protest_is_the_protest_but_joining_forces_stays_cooperation(nlp, coder):
    strike = code(nlp, coder, "Zendan teachers joined the strike against Ruritania on Monday.")
    assert [e.type for e in strike] == ["PROTEST"]
    forces = code(nlp, coder, "Zenda and Ruritania joined forces against the rebels.")
    assert "COOPERATE" in [e.type for e in forces] and "PROTEST" not in [e.type for e in forces]
    assert not code(nlp, coder, "A Zendan man joined the Ruritanian army in 2004.")
