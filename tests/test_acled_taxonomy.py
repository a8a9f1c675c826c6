"""The full ACLED taxonomy (issue 14a): patterns of wire and ACLED-note writing mapped to the
sub-event types the rules produced rarely or never. Sentences are invented."""

from __future__ import annotations

import pytest

from eventwire.evaluate.acled_types import SUB_EVENT_TYPES
from tests.test_events import code


def first_sub_event(nlp, coder, text: str) -> str | None:
    """The sub-event type of the first event with an ACLED mapping that is not negated or hypothetical
    (how the ACLED scorer reads one note)."""
    for event in code(nlp, coder, text):
        if event.acled and event.status not in ("negated", "hypothetical"):
            assert SUB_EVENT_TYPES[event.acled["sub_event_type"]][0] == event.acled["event_type"]
            return event.acled["sub_event_type"]
    return None


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # fire a monitor observed or heard, with no party named
        ("On Monday, the monitors observed a total of 12 explosions near Zenda.", "Shelling/artillery/missile attack"),
        ("Observers recorded 30 shots involving small arms near Zenda.", "Armed clash"),
        ("Monitors observed 40 explosions in both directions of the front near Zenda.", "Armed clash"),
        # fights told as nouns
        ("Ruritanian troops and Zendan rebels engaged in a long firefight near the border.", "Armed clash"),
        ("An exchange of fire took place between Zendan police and gunmen at a checkpoint.", "Armed clash"),
        # ground taken: by who took it
        ("Zendan militants took control of the village after a short battle.", "Non-state actor overtakes territory"),
        ("The Ruritanian army took control of a rebel stronghold near Zenda.", "Government regains territory"),
        # grenades by the clause's weapon, whoever they hit
        ("Gunmen threw a hand grenade at a Zendan police post.", "Grenade"),
        # a rape told beside an attack
        ("Zendan militiamen attacked a village, raped two women and looted shops.", "Sexual violence"),
        # weapons found or destroyed, drones brought down
        ("Zendan police recovered twenty crude bombs from a house.", "Disrupted weapons use"),
        ("Ruritanian troops destroyed an arms depot belonging to the rebels.", "Disrupted weapons use"),
        # forces on the move and digging in
        ("A Ruritanian military convoy entered Zenda on Tuesday.", "Change to group/activity"),
        ("Ruritanian forces established new fortifications east of Zenda.", "Change to group/activity"),
        ("Ruritanian military police conducted a patrol near Zenda.", "Change to group/activity"),
        # warning shots hit no one
        ("Zendan border guards fired warning shots in the air near the village.", "Other"),
        # stones thrown by people who bear no arms
        ("Villagers attacked a Zendan police patrol with stones over a land dispute.", "Mob violence"),
        ("Two thieves were beaten by villagers in Zenda.", "Mob violence"),
    ],
)
def test_acled_patterns(nlp, coder, text, sub_event_type):
    assert first_sub_event(nlp, coder, text) == sub_event_type


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # what the police did, told in the next sentence, is an intervention in the protest
        (
            "Hundreds of teachers protested outside the Zendan ministry. Police intervened and arrested ten of them.",
            "Protest with intervention",
        ),
        ("Dozens of students were dispersed by Zendan police outside the court.", "Protest with intervention"),
        # the arrests a protest is against are its grievance, not an intervention
        (
            "Zendan journalists protested against the arrest of an editor. He was arrested last week.",
            "Peaceful protest",
        ),
        # violence told after the demonstration
        (
            "Residents demonstrated against the Zendan governor. The group set tyres on fire on the main road.",
            "Violent demonstration",
        ),
        # live fire at a protest is excessive force
        (
            "Soldiers fired at protesters during a march in Zenda. The soldiers used live ammunition.",
            "Excessive force against protesters",
        ),
        # vandalism by no crowd is property destruction
        ("Unknown men vandalized an office of the Zendan ruling party.", "Looting/property destruction"),
    ],
)
def test_acled_protest_and_riot_patterns(nlp, coder, text, sub_event_type):
    assert first_sub_event(nlp, coder, text) == sub_event_type


def test_a_protest_with_no_finite_verb_above_it_is_coded(nlp, coder):
    """'A large number of workers protested ...': the parser hangs the verb under the counted noun."""
    told = code(nlp, coder, "A large number of workers protested in Zenda demanding their unpaid wages.")
    assert ("PROTEST", "asserted") in {(event.type, event.status) for event in told}


def test_the_observer_of_fire_is_no_party_of_it(nlp, coder):
    told = code(nlp, coder, "Syldavia observed a total of 20 explosions near the border on Monday.")
    assaults = [event for event in told if event.type == "ASSAULT"]
    assert assaults
    parties = [party.text for event in assaults for party in (event.actor, event.recipient) if party is not None]
    assert "Syldavia" not in parties
