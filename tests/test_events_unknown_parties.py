"""Parties the resolver's tables do not name (issue 15, session 24): a plural noun of people in the doer's or the
victim's place is the party even where the sentence names no place to lend it a country; things in those places
are not; generic agents converted from the Phoenix dictionaries give a sector.

Sentences are invented; the whole pipeline runs (test_events_parties.events_of).
"""

from __future__ import annotations

import pytest

from eventwire.extract.actors.knowledge import load_knowledge
from tests.test_events_parties import events_of, one
from tests.test_events_parties import text as text_of


@pytest.mark.parametrize(
    ("sentence", "category", "actor"),
    [
        ("Two students were beaten by vigilantes on Sunday.", "ASSAULT", "vigilantes"),
        ("A man was shot and killed by prison guards.", "ASSAULT", "prison guards"),
        ("The farmers were attacked by poachers at dawn.", "ASSAULT", "poachers"),
    ],
)
def test_people_the_tables_do_not_name_are_the_doer(pipeline, sentence, category, actor):
    event = one(events_of(pipeline, sentence), category)
    assert text_of(event["actor"]) == actor, event["actor"]
    assert event["actor"]["country"] is None  # no place, no country guessed


def test_people_killed_are_the_recipient(pipeline):
    event = one(events_of(pipeline, "Poachers killed three rangers on Tuesday."), "ASSAULT")
    assert "rangers" in text_of(event["recipient"]), event["recipient"]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("The navy destroyed two oil platforms on Monday.", "ASSAULT"),
        ("Soldiers seized weapons at the checkpoint.", "COERCE"),
    ],
)
def test_things_acted_on_are_no_recipient(pipeline, sentence, category):
    event = one(events_of(pipeline, sentence), category)
    assert event["recipient"] is None or "platforms" not in event["recipient"]["text"], event["recipient"]
    assert event["recipient"] is None or "weapons" not in event["recipient"]["text"], event["recipient"]


def test_a_thing_that_hurts_is_no_doer(pipeline):
    event = one(events_of(pipeline, "Rubber bullets injured three protesters on Friday."), "ASSAULT")
    assert event["actor"] is None, event["actor"]


@pytest.mark.parametrize(
    ("sentence", "actor", "sector"),
    [
        ("Kidnappers abducted a priest on the road.", "Kidnappers", "CRM"),
        ("Looters raided the warehouse overnight.", "Looters", "REB"),
        ("Two smugglers were arrested by jail guards.", "jail guards", "COP"),
    ],
)
def test_phoenix_agents_give_a_sector(pipeline, sentence, actor, sector):
    [event] = [e for e in events_of(pipeline, sentence) if e["actor"]]
    assert (text_of(event["actor"]), event["actor"]["sector"]) == (actor, sector), event["actor"]


def test_roles_yaml_and_titles_win_over_phoenix_agents():
    groups = load_knowledge().roles.groups
    assert groups["kidnapper"] == "CRM"
    assert groups["militia"] == "MIL"  # roles.yaml; Phoenix codes a militia REB
    assert "cabinet secretary" not in groups  # a title: the title reader gives the person a country
    assert "settlement" not in groups  # left out by scripts/phoenix_not_agents.txt
