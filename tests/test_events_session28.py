"""Acts on other things, and the forces that do them (issues 14 and 15, session 28).

- A verb joined to an act of its category, or told after 'after'/'before' on it, that acts on another thing is
  another act ('raided the offices and detained four executives'); its outcome ('and killed three') and the same
  thing again ('and burned it') stay the first act's.
- A nation's people named as the doer of an act of war are its forces ('the Ethiopians captured Burdhubo'); the
  same people protesting stay civilians.
- Warplanes, jets and helicopters named with no country are the military all the same.
- An unresolved pronoun is no evidence that two parties are one.
- An attack, a march or a capture told in a sports report is play, unless someone is hurt or held.
- The armed body that is the subject of a toll's 'when' clause did the act ('was shot as soldiers searched');
  snipers are attackers unless their service is named ('army snipers').
- Trigger words the annotated corpora (RAMS, WikiEvents, M2E2) mark often and the lexicon lacked: intimidate,
  rout (armed men only), skirmish, capitulate, stabbing; words against a party or its act: blasted, disagree with.
- What was seized was taken from its holder ('from Jordan'); the doer of another clause is no recipient guessed.
- A patrol kept up for years, or told of a party doing something else, is a standing state; a bomb made safe by a
  bomb squad is a weapon disrupted; 'the organization called WikiLeaks' names it (in-sample for audit 39).

Sentences are invented; the whole pipeline runs (test_events_parties.events_of).
"""

from __future__ import annotations

import pytest

from eventwire.extract.events.arguments import same_referent
from eventwire.model import Party
from tests.test_events_parties import events_of, one
from tests.test_events_parties import text as text_of


@pytest.mark.parametrize(
    ("sentence", "category", "triggers"),
    [
        (
            "Police raided the offices of the newspaper in Lagos and detained four executives.",
            "COERCE",
            {"raided", "detained"},
        ),
        (
            "The navy captured four fishing vessels and detained their 62 crewmembers.",
            "COERCE",
            {"captured", "detained"},
        ),
        (
            "Israel captured the Golan from Syria in 1967 and annexed the plateau in 1981.",
            "ASSAULT",
            {"captured", "annexed"},
        ),
    ],
)
def test_an_act_on_another_thing_is_another_act(pipeline, sentence, category, triggers):
    events = [e for e in events_of(pipeline, sentence) if e["type"] == category]
    assert {e["trigger"]["text"] for e in events} == triggers


def test_an_act_after_another_on_another_place_is_its_own():
    from eventwire.extract.events.lexicon import load_lexicon
    from eventwire.extract.events.triggers import find_triggers
    from eventwire.nlp import load_nlp

    doc = load_nlp()("The Ethiopians captured Burdhubo on Monday, hours after taking control of Garba Harre.")
    triggers = {t.token.text: t for t in find_triggers(doc[:], load_lexicon())}
    assert triggers["taking"].content_of is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels attacked the town and killed three soldiers.",  # its outcome
        "Rebels attacked the town and took it.",  # the same thing again
    ],
)
def test_an_outcome_or_the_same_thing_stays_one_act(pipeline, sentence):
    assert len([e for e in events_of(pipeline, sentence) if e["type"] == "ASSAULT"]) == 1


@pytest.mark.parametrize(
    ("sentence", "category", "sector"),
    [
        ("The Ethiopians captured Burdhubo on Monday.", "ASSAULT", "MIL"),
        ("The Americans shelled the rebel positions overnight.", "ASSAULT", "MIL"),
        ("Americans protested in Washington on Sunday.", "PROTEST", "CVL"),
    ],
)
def test_a_peoples_act_of_war_is_its_forces(pipeline, sentence, category, sector):
    assert one(events_of(pipeline, sentence), category)["actor"]["sector"] == sector


def test_warplanes_without_a_country_are_the_military(pipeline):
    event = one(events_of(pipeline, "Coalition warplanes struck the town of Raqqa."), "ASSAULT")
    assert text_of(event["actor"]).endswith("warplanes") and event["actor"]["sector"] == "MIL"


def test_units_of_a_party_are_not_the_military(pipeline):
    sentence = "Members of the district units of the Communist Party of India staged a protest."
    assert one(events_of(pipeline, sentence), "PROTEST")["actor"]["sector"] != "MIL"


def test_an_unresolved_pronoun_is_not_the_actor_itself():
    unknown = Party(text="them", start=30, end=34, kind="coref")
    assert not same_referent(unknown, Party(text="they", start=0, end=4, kind="coref"))
    named = Party(text="its", start=30, end=33, kind="coref", name="Chad", country="TCD", sector="GOV")
    assert same_referent(named, Party(text="Chad", start=0, end=4, name="Chad", country="TCD", sector="GOV"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Woods shot a 65 on Friday to take a two-stroke lead at the PGA Championship.",
        "The Texas Rangers held on to beat the Oakland Athletics 6-3 in the sixth inning.",
    ],
)
def test_a_sports_report_tells_no_attack(pipeline, sentence):
    assert not [e for e in events_of(pipeline, sentence) if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Gunmen attacked the cricket team's bus in Lahore, wounding six players.", "ASSAULT"),
        ("Soccer fans clashed with police after the game in Cairo.", "PROTEST"),
        ("Men armed with pointed sticks and golf clubs attacked party members in Tembisa.", "ASSAULT"),
    ],
)
def test_violence_around_a_game_stays(pipeline, sentence, category):
    one(events_of(pipeline, sentence), category)


@pytest.mark.parametrize(
    ("sentence", "doer"),
    [
        ("A boy was shot as soldiers searched the village.", "soldiers"),
        ("Two Maoists were killed when police returned fire, he said.", "police"),
    ],
)
def test_the_force_in_a_tolls_scene_did_it(pipeline, sentence, doer):
    assert text_of(one(events_of(pipeline, sentence), "ASSAULT")["actor"]) == doer


def test_one_side_of_a_clash_in_a_tolls_scene_is_no_doer(pipeline):
    sentence = "A soldier and a civilian were killed when army troops clashed with gunmen at a mosque."
    assert "troops" not in text_of(one(events_of(pipeline, sentence), "ASSAULT")["actor"])


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("Unidentified snipers shot the minister at his home in Colombo.", "REB"),
        ("Army snipers shot two protesters in Cairo.", "MIL"),
        ("Police snipers fired on the crowd in Nairobi.", "COP"),
    ],
)
def test_snipers_take_the_sector_of_their_service(pipeline, sentence, sector):
    assert one(events_of(pipeline, sentence), "ASSAULT")["actor"]["sector"] == sector


@pytest.mark.parametrize(
    ("sentence", "category", "trigger"),
    [
        ("Militiamen intimidated voters outside the polling station in Harare.", "THREATEN", "intimidated"),
        ("The army routed rebel groups near Azaz last month.", "ASSAULT", "routed"),
        ("A skirmish between Indian and Chinese troops left 20 dead.", "ASSAULT", "skirmish"),
        ("The rebels capitulated to government forces on Monday.", "RETREAT", "capitulated"),
        ("The stabbing of a teacher in Lahore on Friday sparked outrage.", "ASSAULT", "stabbing"),
    ],
)
def test_trigger_words_the_annotated_corpora_mark(pipeline, sentence, category, trigger):
    assert trigger in one(events_of(pipeline, sentence), category)["trigger"]["text"]


def test_a_team_routed_is_no_attack(pipeline):
    assert not [e for e in events_of(pipeline, "Liverpool routed Arsenal 5-0 on Sunday.") if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Syrian President Bashar al-Assad on Monday blasted the air strikes.", "blasted"),
        ("Slovenia said it disagreed with the sanctions imposed on Moscow.", "disagreed"),
    ],
)
def test_words_against_a_party_or_its_act_are_criticism(pipeline, sentence, trigger):
    assert trigger in one(events_of(pipeline, sentence), "ACCUSE")["trigger"]["text"]


def test_a_charge_set_off_is_no_criticism(pipeline):
    assert {e["type"] for e in events_of(pipeline, "Maoists blasted a railway track in Jharkhand.")} == {"ASSAULT"}


def test_what_was_seized_was_taken_from_its_holder(pipeline):
    event = one(events_of(pipeline, "Israel seized the West Bank and east Jerusalem from Jordan in 1967."), "COERCE")
    assert text_of(event["recipient"]) == "Jordan"


def test_the_doer_of_another_clause_is_no_recipient_guessed(pipeline):
    sentence = "Reno denied the request, but Manuel Gonzalez didn't back down."
    assert text_of(one(events_of(pipeline, sentence), "REJECT")["recipient"]) != "Manuel Gonzalez"


@pytest.mark.parametrize(
    "sentence",
    [
        "About 15,000 peacekeepers have patrolled Serb-held territories in Croatia since early 1992.",
        "The U.N. force has patrolled southern Lebanon since 1978, serving as a buffer.",
        "Militants fired on CRPF personnel patrolling the area, injuring two of them.",
    ],
)
def test_a_standing_patrol_is_no_news(pipeline, sentence):
    assert not [e for e in events_of(pipeline, sentence) if e["type"] == "MOBILIZE"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ethiopian and Somali forces have been patrolling Mogadishu since Friday, searching all vehicles.",
        "Riot police patrolled major streets in Kampala on Monday.",
    ],
)
def test_a_patrol_sent_is_news(pipeline, sentence):
    one(events_of(pipeline, sentence), "MOBILIZE")


def test_a_bomb_made_safe_is_a_weapon_disrupted(pipeline):
    events = events_of(pipeline, "Bomb squad officers from Poso Police detonated the bomb after they arrived.")
    assert (one(events, "COERCE")["mode"], [e for e in events if e["type"] == "ASSAULT"]) == ("disrupted", [])


@pytest.mark.parametrize(
    ("sentence", "requests"),
    [
        ("The emails were released by the organization called WikiLeaks on the eve of the convention.", 0),
        ("Protesters handed in a letter calling for the release of the activist.", 1),
        ("The meeting held here on Thursday called upon the Government to take stern action.", 1),
    ],
)
def test_a_name_given_is_no_call(pipeline, sentence, requests):
    assert len([e for e in events_of(pipeline, sentence) if e["type"] == "REQUEST"]) == requests
