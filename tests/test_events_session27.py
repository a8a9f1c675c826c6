"""Second acts told beside a first one (issues 14 and 15, session 27).

- A verb joined to an act, or a clause set against it ('while ...'), whose own doer is another party tells another
  act ('troops shot six rioters, and police stormed the site'); the same doer, a pronoun for it, or a toll told
  with the attack that caused it stay one act.
- The subject of a verb that carries an act out owns the act its possessive names ('the army continued its
  offensive'), even with a backer named between them.
- A toll joined to another ('two were killed and six wounded when gunmen opened fire') takes the doer of the clause
  on either; the subject the parser hangs on an auxiliary is the verb's own.
- Attackers the resolver knows stay the attackers when a place is named with them; a group in apposition to a
  place the parser took for the subject is the doer.

Sentences are invented; the whole pipeline runs (test_events_parties.events_of).
"""

from __future__ import annotations

import pytest

from tests.test_events_parties import events_of
from tests.test_events_parties import text as text_of


@pytest.mark.parametrize(
    ("sentence", "doers"),
    [
        (
            "Soldiers shot two protesters in the north, and police stormed the mosque in the capital.",
            {"Soldiers", "police"},
        ),
        (
            "The airbase was captured by rebels on Sunday, while government troops launched an offensive in the east.",
            {"rebels", "troops"},
        ),
    ],
)
def test_a_second_doer_tells_a_second_act(pipeline, sentence, doers):
    events = [e for e in events_of(pipeline, sentence) if e["type"] == "ASSAULT"]
    assert len(events) == 2, [(e["trigger"]["text"], text_of(e["actor"])) for e in events]
    assert {text_of(e["actor"]).split()[-1] for e in events} == {d.split()[-1] for d in doers}


@pytest.mark.parametrize(
    "sentence",
    [
        "Soldiers shot two protesters in the north and then stormed the mosque.",  # one doer
        "Soldiers shot two protesters in the north, and they stormed the mosque.",  # a pronoun for it
        "Five people were killed and four others wounded when a missile hit a house.",  # a toll and its cause
        "Three people were wounded when gunmen opened fire on a bus.",
    ],
)
def test_one_doer_or_a_toll_is_one_act(pipeline, sentence):
    assert len([e for e in events_of(pipeline, sentence) if e["type"] == "ASSAULT"]) == 1


@pytest.mark.parametrize(
    ("sentence", "category", "doer"),
    [
        ("The Syrian army, backed by Hezbollah, continued their offensive in southern Aleppo.", "ASSAULT", "army"),
        ("The angry farmers continued their protest till late in the evening.", "PROTEST", "farmers"),
        ("As the workers intensified their strike, traffic built up on the road.", "PROTEST", "workers"),
    ],
)
def test_the_subject_that_carries_an_act_out_owns_it(pipeline, sentence, category, doer):
    event = next(e for e in events_of(pipeline, sentence) if e["type"] == category)
    assert text_of(event["actor"]).endswith(doer)


@pytest.mark.parametrize(
    ("sentence", "doer"),
    [
        ("Two women were killed and six people were wounded when government forces fired on a crowd.", "forces"),
        (
            "Many civilians were killed or wounded when a suicide bomber detonated his explosives in the market.",
            "bomber",
        ),
    ],
)
def test_a_toll_joined_to_another_takes_the_doer_of_their_clause(pipeline, sentence, doer):
    event = next(e for e in events_of(pipeline, sentence) if e["type"] == "ASSAULT")
    assert text_of(event["actor"]).endswith(doer)


def test_a_second_toll_names_no_doer(pipeline):
    """'two others wounded in a bomb attack': the wounded are no attackers."""
    events = events_of(pipeline, "Two soldiers were killed and two others wounded in a roadside bomb attack in Mosul.")
    assert all(text_of(e["actor"]) != "others" for e in events)


def test_a_subject_hung_on_the_auxiliary_is_the_doer(pipeline):
    event = next(e for e in events_of(pipeline, "Security forces were patrolling Senegal's capital Thursday.") if e)
    assert text_of(event["actor"]) == "Security forces"


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("The senator denigrated the family of the fallen soldier on Sunday.", "ACCUSE"),
        ("The minister cautioned Iran against any escalation.", "REQUEST"),
    ],
)
def test_words_of_contempt_and_caution(pipeline, sentence, category):
    assert category in {e["type"] for e in events_of(pipeline, sentence)}


def test_known_attackers_named_with_a_place_stay_the_attackers(pipeline):
    """'shot by two gunmen outside their shop in Karachi': the gunmen, not the town."""
    sentence = "Two shopkeepers were shot to death by two unidentified gunmen outside their shop in Karachi."
    event = next(e for e in events_of(pipeline, sentence) if e["type"] == "ASSAULT")
    assert text_of(event["actor"]).endswith("gunmen")


def test_a_doer_in_apposition_to_a_misparsed_place_subject(pipeline):
    """The parser takes 'countryside' for the subject and hangs the group on it as an apposition."""
    sentence = (
        "On Thursday morning in the Deir Ezzor Governorate’s northwestern countryside, the Islamic State of Iraq and "
        "Al-Sham (ISIS) launched a powerful assault at the Al-Baghayliyah District."
    )
    event = next(e for e in events_of(pipeline, sentence) if e["type"] == "ASSAULT")
    assert "Islamic State" in text_of(event["actor"])


@pytest.mark.parametrize(
    "sentence",
    [
        "The opposition candidate captured the governorship in Sunday's election.",
        "After the defeat, the team regained lost hope.",
        "The ruling party regained power in the 2010 election.",
    ],
)
def test_offices_won_and_hopes_regained_are_no_ground_taken(pipeline, sentence):
    assert "ASSAULT" not in {e["type"] for e in events_of(pipeline, sentence)}


def test_ground_regained_stays_an_assault(pipeline):
    assert "ASSAULT" in {e["type"] for e in events_of(pipeline, "The army regained control of the town on Monday.")}
