"""Event coder on wire-report wording (ACLED-style snippets): protests, riots, strikes, bombs.

Sentences are invented for these tests.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from eventwire.context import DocContext
from eventwire.evaluate.events import acled_expected, acled_scored_rows
from eventwire.model import DocResult, Document

ACLED_DEV = Path(__file__).resolve().parents[1] / "../shared/data/dev/acled-africa-2016"


def coded(nlp, coder, text: str) -> set[tuple[str, str | None]]:
    """(type, mode) of every event coded in `text`."""
    published_at = date(2025, 6, 1)
    ctx = DocContext(Document(id="t", text=text, published_at=published_at), nlp(text), DocResult("t", published_at))
    coder(ctx)
    return {(event.type, event.mode) for event in ctx.result.events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headline fragments with no verb report the event their noun names
        ("Nurses on strike over unpaid wages.", ("PROTEST", "strike")),
        ("Protests in the capital against rising bread prices.", ("PROTEST", "demo")),
        # "sit-in" split by the parser
        ("Pupils staged a sit-in at the regional school board.", ("PROTEST", "obstruct")),
        # protest participants as subjects
        ("Rioters smashed shop windows in the old town.", ("PROTEST", "riot")),
        ("Looters emptied several warehouses near the port.", ("PROTEST", "riot")),
        ("Protesters gathered outside the town hall on Tuesday.", ("PROTEST", "demo")),
        ("A crowd gathered outside the police station.", ("PROTEST", "demo")),
        ("Hundreds of residents waved placards and chanted slogans outside the court.", ("PROTEST", "demo")),
        # riot signatures
        ("Youths burnt tyres on the main road into the city.", ("PROTEST", "riot")),
        ("Villagers set tyres on fire near the mine.", ("PROTEST", "riot")),
        ("Angry traders went on a looting spree in the market.", ("PROTEST", "riot")),
        ("Supporters vandalised the party headquarters.", ("PROTEST", "riot")),
        # attacks with no named attacker
        ("A roadside bomb exploded near a police checkpoint.", ("ASSAULT", "explosives")),
        ("A grenade was hurled at a minibus carrying soldiers.", ("ASSAULT", "grenade")),  # the clause names the weapon
        ("Rockets hit a residential area of the port city.", ("ASSAULT", "heavy-weapons")),
    ],
)
def test_wire_wording_is_coded(nlp, coder, text: str, expected: tuple[str, str | None]):
    assert expected in coded(nlp, coder, text)


def test_clashes_reported_are_an_event(nlp, coder):
    assert "ASSAULT" in {kind for kind, _ in coded(nlp, coder, "Clashes were reported between herders and farmers.")}


def test_military_strikes_are_assaults_not_walkouts(nlp, coder):
    carried = coded(nlp, coder, "The air force carried out strikes on a militia camp near the border.")
    assert "ASSAULT" in {kind for kind, _ in carried} and ("PROTEST", "strike") not in carried
    killed = coded(nlp, coder, "The strikes killed twelve fighters.")
    assert ("PROTEST", "strike") not in killed and "ASSAULT" in {kind for kind, _ in killed}


def test_labour_strikes_stay_protests(nlp, coder):
    assert ("PROTEST", "strike") in coded(nlp, coder, "Dock workers went on strike over pay cuts.")


def test_misparsed_main_verb_after_a_long_subject_is_coded(nlp, coder):
    text = "Relatives and neighbours of a man who was beaten up, protested outside the police station."
    assert ("PROTEST", "demo") in coded(nlp, coder, text)


def test_new_rules_leave_bystanders_alone(nlp, coder):
    assert coded(nlp, coder, "Ministers gathered in the capital for a summit dinner.") == set()
    assert coded(nlp, coder, "The weather in the capital on Sunday.") == set()
    assert ("PROTEST", "riot") not in coded(nlp, coder, "The company sets tyre prices for the region.")


def test_acled_reader_maps_event_types(tmp_path: Path):
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["data_id", "event_date", "event_type", "notes"])
        writer.writerow(["1", "2016-07-01", "Riots/Protests", "Teachers marched in the capital."])
        writer.writerow(["2", "2016-07-02", "Battle-No change of territory", "Fighting in the north."])
        writer.writerow(["3", "2016-07-03", "Strategic development", "A new governor was sworn in."])
    rows = acled_scored_rows(path)
    assert [(row.doc_id, row.event_type) for row in rows] == [
        ("1", "Riots/Protests"),
        ("2", "Battle-No change of territory"),
    ]
    assert acled_expected("Battle-Government regains territory") == "ASSAULT"
    assert acled_expected("Riots/Protests") == "PROTEST"
    assert acled_expected("Strategic development") is None


@pytest.mark.skipif(not ACLED_DEV.exists(), reason="ACLED dev sample not present")
def test_acled_dev_sample_reads():
    assert len(acled_scored_rows(ACLED_DEV)) > 100
