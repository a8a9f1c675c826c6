"""Prisoners taken, guessed nationalities, doers told twice and marches (issues 14 and 15, session 26).

- Fighters that the state's forces or a country capture are taken prisoner: an arrest; the same taken by an armed
  group, an abduction. People an armed group seizes are abducted; what anyone seizes otherwise is property.
- A private person the knowledge base does not know carries the story's country only as `guessed_country`; a role
  of a body the knowledge base knows is that body's.
- A band's or a parade's march is no protest; troops that march move. A fight that breaks out between parties
  is theirs; one still going on is no habit. A party described as opposed to something did nothing.
- Attackers named by their weapon ('a suicide car bomber') are doers; the doer of an attack told right after a
  passive toll is the toll's ('were killed after gunmen opened fire'), not that of an act hours later or of a reprisal.

Sentences are invented; the whole pipeline runs (test_events_parties.events_of).
"""

from __future__ import annotations

import pytest

from tests.test_events_parties import events_of, one
from tests.test_events_parties import text as text_of


@pytest.mark.parametrize(
    ("sentence", "category", "mode"),
    [
        ("An army patrol captured the last remaining commander of the rebels on Sunday.", "COERCE", "arrest"),
        ("Colombia captures a rebel commander near the border.", "COERCE", "arrest"),
        ("The guerrilla commander was captured by government troops near the border.", "COERCE", "arrest"),
        ("Soldiers captured three militants after a gunfight in the hills.", "COERCE", "arrest"),
        # guards: taken by an armed group, or with no taker told beside the fellow captives
        ("Rebels captured two soldiers on Monday.", "ASSAULT", "abduct"),
        ("Militants captured a soldier in a raid on an army post.", "ASSAULT", "abduct"),
        ("Two other soldiers, Omar Sawan and Avi Binyan, were captured with Avitan on Saturday.", "ASSAULT", "abduct"),
        # people an armed group seizes are abducted, the police's arrested
        ("Gunmen seized two contractors at their house in Baghdad.", "ASSAULT", "abduct"),
        ("Al-Qaeda fighters seized dozens of villagers in the east.", "ASSAULT", "abduct"),
        ("Two journalists were seized by militants near Mosul.", "ASSAULT", "abduct"),
        ("Police seized the suspect at his home on Friday.", "COERCE", "arrest"),
        # guards: property seized
        ("Police seized 20 kilograms of heroin at the port.", "COERCE", "seize"),
        ("Rebels seized weapons from an army depot.", "COERCE", "seize"),
    ],
)
def test_prisoners_and_hostages_by_who_takes_them(pipeline, sentence, category, mode):
    event = one(events_of(pipeline, sentence), category)
    assert event["mode"] == mode, event


def test_a_private_persons_country_is_only_guessed(pipeline):
    event = one(
        events_of(pipeline, "Gunmen seized Kenneth Morley, a contractor, at his house in Baghdad on Monday."), "ASSAULT"
    )
    assert text_of(event["recipient"]) == "Kenneth Morley", event["recipient"]
    assert event["recipient"]["country"] is None and event["recipient"]["guessed_country"] == "IRQ"


def test_a_country_the_text_tells_is_no_guess(pipeline):
    event = one(events_of(pipeline, "Gunmen seized British engineer Kenneth Morley in Baghdad on Monday."), "ASSAULT")
    assert event["recipient"]["country"] == "GBR", event["recipient"]


@pytest.mark.parametrize(
    ("sentence", "category", "country", "sector"),
    [
        ("Police arrested the leader of the Kurdistan Workers' Party in Nairobi.", "COERCE", "TUR", "REB"),
        ("Police arrested a commander of the FARC in Cali.", "COERCE", "COL", "REB"),
    ],
)
def test_a_role_of_a_named_body_is_that_bodys(pipeline, sentence, category, country, sector):
    recipient = one(events_of(pipeline, sentence), category)["recipient"]
    assert (recipient["country"], recipient["sector"]) == (country, sector), recipient


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("An apparent suicide car bomber detonated outside a police station, injuring seven policemen.", "bomber"),
        ("A suicide attacker killed seven civilians at a market.", "attacker"),
        ("Unknown attackers killed three policemen in the town.", "attackers"),
        ("At least five people were killed after gunmen in plain clothes opened fire on a rally.", "gunmen"),
        ("Two were killed shortly after militants stormed the hotel.", "militants"),
    ],
)
def test_the_attacker_is_the_doer(pipeline, sentence, actor):
    event = one(events_of(pipeline, sentence), "ASSAULT")
    assert actor in text_of(event["actor"]), event["actor"]


@pytest.mark.parametrize(
    ("sentence", "not_actor"),
    [
        ("A helicopter was shot down in western Iraq on Thursday, just hours after jets bombed a camp.", "jets"),
        ("The attacker was forced to detonate his explosives after police fired at his car.", "police"),
    ],
)
def test_an_act_hours_later_or_a_reprisal_has_its_own_doer(pipeline, sentence, not_actor):
    event = next(e for e in events_of(pipeline, sentence) if e["trigger"]["text"] in ("shot down", "detonate"))
    assert not_actor not in text_of(event["actor"]), event["actor"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A military band marched through the square on Sunday.",
        "Soldiers marched in a parade marking Independence Day.",
    ],
)
def test_a_ceremonial_march_is_no_protest(pipeline, sentence):
    assert not [e for e in events_of(pipeline, sentence) if e["type"] == "PROTEST"]


def test_troops_that_march_move(pipeline):
    assert one(events_of(pipeline, "Government troops marched into the rebel-held town."), "MOBILIZE")


def test_a_protest_march_stays(pipeline):
    sentence = "Thousands of people marched through the capital on Sunday to demand the president's resignation."
    assert one(events_of(pipeline, sentence), "PROTEST")


@pytest.mark.parametrize(
    ("sentence", "category", "actor", "recipient"),
    [
        ("Fighting broke out between the army and the rebels in the north.", "ASSAULT", "the army", "the rebels"),
        ("Clashes erupted between police and protesters on Friday.", "PROTEST", "police", "protesters"),
        ("Clashes between the army and the rebels are still ongoing.", "ASSAULT", "the army", "the rebels"),
    ],
)
def test_a_fight_that_breaks_out_or_goes_on_between_parties(pipeline, sentence, category, actor, recipient):
    event = one(events_of(pipeline, sentence), category)
    assert (text_of(event["actor"]), text_of(event["recipient"])) == (actor, recipient), event


def test_a_party_described_as_opposed_did_nothing(pipeline):
    events = events_of(pipeline, "A cleric opposed to the government was arrested on Monday.")
    assert [e["type"] for e in events] == ["COERCE"], events
    assert one(events_of(pipeline, "The opposition opposed the bill in parliament."), "REJECT")


def test_a_private_person_takes_the_country_of_a_title_beside_it(pipeline):
    sentence = "PFLP leader and Palestinian MP, Ahmed Saadat, was captured in a raid on a prison in Jericho."
    recipient = one(events_of(pipeline, sentence), "ASSAULT")["recipient"]
    assert recipient["country"] == "PSE", recipient


def test_a_member_of_a_named_body_is_of_its_country(pipeline):
    sentence = "A member of the Syrian parliament, Mohammed Mamoun, started a hunger strike on Monday."
    actor = one(events_of(pipeline, sentence), "PROTEST")["actor"]
    assert (actor["country"], actor["sector"]) == ("SYR", "LEG"), actor


def test_an_acronym_taken_for_a_person_keeps_the_story_country(pipeline):
    sentence = "Nigerian authorities jailed 52 members of the banned separatist movement (MASSOB) in Lagos."
    recipient = one(events_of(pipeline, sentence), "COERCE")["recipient"]
    assert recipient["country"] == "NGA", recipient
