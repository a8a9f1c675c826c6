"""Speech and legal acts the recall lists of the session-9 and -10 audits missed (issue 14, slice spk):
criticism told with other verbs ("assailed", "mocked") or voiced as alarm, frustration or concern (session 15), a
legislature impeaching, a court reversing a decision, a fine or a charge challenged in court, a denunciation
published, a denial issued; and a party saying it was not responsible for an act, which denies the blame (REJECT),
not blames itself.

Sentences are invented; parties are injected as the actor resolver would give them (test_events.code).
"""

from __future__ import annotations

import pytest
from test_events import code, kinds


@pytest.mark.parametrize(
    ("text", "category", "mode", "trigger"),
    [
        ("Zendan officials assailed Ruritania for holding the vote.", "ACCUSE", "disapprove", "assailed"),
        ("The Zendan minister mocked the Ruritanian proposal on Monday.", "ACCUSE", "disapprove", "mocked"),
        ("The Zendan parliament voted to impeach the president in May.", "ACCUSE", "allege", "impeach"),
        ("A Zendan appeals court reversed the decision on Friday.", "REJECT", None, "reversed"),
        ("The Zendan party said it would challenge the fine in court.", "REJECT", None, "challenge"),
        ("In 1981 a Zendan writer published a denunciation of Ruritania.", "ACCUSE", "disapprove", "denunciation"),
        ("The Zendan ministry issued a denial of the Ruritanian reports.", "REJECT", None, "denial"),
        ("The Zendan plan drew a sharp rebuke from Ruritania on Monday.", "ACCUSE", "disapprove", "rebuke"),
        ("The Zendan envoy expressed impatience at Ruritania's failure to act.", "ACCUSE", "disapprove", "impatience"),
        ("The Zendan committee expressed alarm at Ruritania's arrests of reporters.", "ACCUSE", "disapprove", "alarm"),
        ("The Zendan minister voiced frustration with the Ruritanian talks.", "ACCUSE", "disapprove", "frustration"),
        ("Zenda has expressed concern about a base Ruritania runs nearby.", "ACCUSE", "disapprove", "concern"),
        ("The Zendan family expressed dissatisfaction with the verdict.", "ACCUSE", "disapprove", "dissatisfaction"),
        # session 19: a directive told by 'told X to': the teller requests, the act it names is its content
        ("Zendan commanders told the Ruritanian rebels to withdraw on Tuesday.", "REQUEST", "yield", "told"),
        ("The Zendan army told Ruritanian residents to evacuate the town within 48 hours.", "REQUEST", None, "told"),
        ("The Zendan adviser counseled Ruritania against signing the treaty.", "REQUEST", None, "counseled"),
        ("The Zendan prosecutor said an inquiry has been opened.", "ACCUSE", "investigate", "inquiry"),
    ],
)
def test_speech_and_legal_acts_are_coded(nlp, coder, text, category, mode, trigger):
    found = kinds(code(nlp, coder, text))
    assert any((kind, word) == (category, trigger) and mode in (None, got) for kind, got, word in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The Zendan judge reversed the car into the driveway.",  # no decision undone
        "Zendan students challenged the champion in the final.",  # a contest, no court
        "The Zendan writer lived in denial for years.",  # a state of mind, no denial issued
        "The Zendan envoy expressed concern for the safety of the Ruritanian hostages.",  # sympathy, no blame
        "The Zendan offensive is raising concerns about the civilians in the town.",  # raised by a thing, no party
    ],
)
def test_everyday_senses_stay_out(nlp, coder, text):
    found = kinds(code(nlp, coder, text))
    assert not [kind for kind, _, _ in found if kind in ("REJECT", "ACCUSE")], found


def test_saying_it_was_not_responsible_denies_the_blame(nlp, coder):
    events = code(nlp, coder, "The Zendan group said in a statement it was not responsible for the attack.")
    stance = next(event for event in events if event.trigger.text == "responsible")
    assert (stance.type, stance.status) == ("REJECT", "asserted"), stance


def test_claiming_responsibility_stays_a_blame(nlp, coder):
    events = code(nlp, coder, "The Zendan group said it was responsible for the attack.")
    stance = next(event for event in events if event.trigger.text == "responsible")
    assert stance.type == "ACCUSE", stance


def test_a_concessive_clause_states_a_fact(nlp, coder):
    events = code(nlp, coder, "Nobody knows who fired, though Zendan villagers have blamed Ruritania.")
    assert ("ACCUSE", "blamed") in [(kind, word) for kind, _, word in kinds(events)], kinds(events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Zendan police asked people to stay inside, although officers did not evacuate the area.", "evacuate"),
        ("The Zendan embassy was damaged, though Ruritania may have to raze it.", "raze"),
    ],
)
def test_a_negated_or_modal_concessive_clause_stays_background(nlp, coder, text, trigger):
    assert trigger not in [word for _, _, word in kinds(code(nlp, coder, text))]


def test_a_concessive_clause_of_what_a_party_has_stays_background(nlp, coder):
    text = "Zenda forced the Ruritanian agency out, although it had millions of unspent donations."
    assert "donations" not in [word for _, _, word in kinds(code(nlp, coder, text))]


def test_a_rebuke_drawn_from_a_party_is_that_party_s(nlp, coder):
    events = code(nlp, coder, "The Zendan plan drew a sharp rebuke from Ruritania on Monday.")
    rebuke = next(event for event in events if event.trigger.text == "rebuke")
    assert rebuke.actor is not None and rebuke.actor.country == "RUR", rebuke.actor


def test_who_faces_charges_is_charged_not_the_accuser(nlp, coder):
    events = code(nlp, coder, "Two Zendan suspects are facing charges over the riot.")
    charge = next(event for event in events if event.trigger.text == "charges")
    assert charge.type == "ACCUSE" and charge.recipient is not None and charge.recipient.country == "ZEN", charge
    assert charge.actor is None or charge.actor.country != "ZEN", charge.actor


@pytest.mark.parametrize(
    "text",
    [
        "The Zendan president said Ruritania violated the ceasefire.",
        "The Zendan ministry said the Ruritanian sanctions were illegal.",
        "The Zendan president said the downing of the plane was an act of betrayal by Ruritania.",
    ],
)
def test_saying_a_party_did_wrong_accuses_it(nlp, coder, text):
    assert "ACCUSE" in [e.type for e in code(nlp, coder, text)]


def test_an_act_said_to_be_wrong_stays_an_act_and_descriptions_or_onlookers_accuse_no_one(nlp, coder):
    told = kinds(code(nlp, coder, "The Zendan ministry said Ruritanian troops illegally shelled the town on Monday."))
    assert "ACCUSE" in [t for t, _, _ in told] and "ASSAULT" in [t for t, _, _ in told], told
    for text in (
        "Zenda said it had granted asylum to rebels who entered the country illegally.",
        "Analysts said Ruritania violated the ceasefire.",
        "The Zendan minister said Ruritania did not violate the ceasefire.",
        "The Zendan police said they received eight thousand reports of crimes last year.",
        "The Zendan minister said the talks were constructive.",
    ):
        assert "ACCUSE" not in [e.type for e in code(nlp, coder, text)], text


def test_an_accusation_told_by_its_word_is_not_told_again_by_what_is_said(nlp, coder):
    text = "The Zendan minister accused Ruritania of blocking broadcasts and said its media were broadcasting lies."
    assert [(t, w) for t, _, w in kinds(code(nlp, coder, text)) if t == "ACCUSE"] == [("ACCUSE", "accused")]


# Session 17: verdicts told by naming what a party did, displeasure or fault told in speech, criticism held
# ("critical of"), a leader spoken to, a border closed, force promised in answer; and a preposition before "called"
# that belongs to the sentence, not to an appeal.
@pytest.mark.parametrize(
    ("text", "category", "trigger"),
    [
        ("The Zendan minister called the Ruritanian arrests illegal.", "ACCUSE", "called"),
        ('Zenda called the Ruritanian move "foreign meddling."', "ACCUSE", "called"),
        ("The Zendan bishop described the Ruritanian raid as despicable.", "ACCUSE", "described"),
        ("The Zendan minister said he was appalled by the Ruritanian decision.", "ACCUSE", "said"),
        ("The Zendan minister said the Ruritanian decision was a mistake.", "ACCUSE", "said"),
        ("Zenda has been highly critical of Ruritania.", "ACCUSE", "critical"),
        ("The Zendan president spoke on Saturday to the Ruritanian president.", "CONSULT", "spoke"),
        ("Ruritania closed its border with Zenda on Monday.", "COERCE", "closed"),
        ("Zenda said it would respond decisively to any Ruritanian attack.", "THREATEN", "respond"),
        ("Ruritania called on Zenda to withdraw its troops.", "REQUEST", "called"),
    ],
)
def test_verdicts_displeasure_criticism_calls_closures_and_threats_of_force_are_coded(
    nlp, coder, text, category, trigger
):
    assert (category, trigger) in [(t, w) for t, _, w in kinds(code(nlp, coder, text))]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("On its website, the Zendan channel called the Ruritanian move a surprise.", "REQUEST"),
        ("For its part, the Zendan government called the Ruritanian offer generous.", "REQUEST"),
        ("The Zendan minister said it was unfortunate that it rained.", "ACCUSE"),
        ("The Zendan president spoke to reporters in the capital.", "CONSULT"),
        ("Speaking to a Ruritanian newspaper, the Zendan president praised the army.", "CONSULT"),
        ("The Zendan shop closed its doors on Monday.", "COERCE"),
        ("The Zendan minister responded to questions from Ruritania.", "ASSAULT"),
        ("The Zendan president told reporters to expect a deal with Ruritania soon.", "REQUEST"),  # no directive
        ("The caravan of Ruritanian migrants in Zenda had begun to disperse.", "ASSAULT"),  # no one dispersed it
    ],
)
def test_asides_questions_answered_shops_closed_and_weather_are_no_such_acts(nlp, coder, text, category):
    assert category not in [e.type for e in code(nlp, coder, text)]


@pytest.mark.parametrize(
    ("text", "category", "trigger"),
    [
        (
            "The Zendan cleric denied any role in the coup and dismissed Ruritania's calls for his extradition.",
            "REJECT",
            "dismissed",
        ),
        (
            "Zendan students protested the exam rules and demanded that Ruritania cancel the new fees.",
            "REQUEST",
            "demanded",
        ),
        ("Zenda condemned the Ruritanian raid on Monday but also criticized the rebels.", "ACCUSE", "criticized"),
    ],
)
def test_a_statement_joined_with_a_tense_of_its_own_is_a_second_act(nlp, coder, text, category, trigger):
    assert (category, trigger) in {(event.type, event.trigger.text) for event in code(nlp, coder, text)}


def test_a_statement_joined_without_a_tense_of_its_own_stays_the_content(nlp, coder):
    text = "Zenda urged Ruritania to withdraw its troops and to release the prisoners."
    assert "release" not in {event.trigger.text for event in code(nlp, coder, text)}
