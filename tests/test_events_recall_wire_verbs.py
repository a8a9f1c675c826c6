"""Wire-report acts the coder used to miss (issue 14, recall; session 23): people captured by forces or by police,
ground captured by its share, property set on fire when the parse hangs the phrase on the object, projectiles that
crash or slam into a target, forces entering a place, operations stepped up, an act a disapproval or a backing
names; and (issue 15) no country of the sentence given as the people an arrest takes.

Sentences are invented; parties are injected as the actor resolver would give them (test_events.code).
"""

from __future__ import annotations

import pytest
from test_events import code, kinds

from tests.test_events_parties import events_of


def of_type(events, category: str):
    return [event for event in events if event.type == category]


@pytest.mark.parametrize(
    ("sentence", "category", "mode"),
    [
        ("Soysal was captured on July 16 by Ruritanian agents in Zenda.", "COERCE", "arrest"),
        ("Gusmao was captured by Ruritanian troops and spent seven years in jail.", "COERCE", "arrest"),
        ("After a long search, police captured two top cult scientists on Wednesday.", "COERCE", "arrest"),
        ("The 15 were captured on Friday in the northern Gulf.", "COERCE", "arrest"),
        ("Montesinos was captured eight months later in Zenda.", "COERCE", "arrest"),
        ("Last weekend a Ruritanian ship captured two in the Arabian Sea.", "COERCE", "arrest"),
        ("Bordurian terrorists captured three new people on the road to Zenda.", "ASSAULT", "abduct"),
        ("Inmates in the Zenda prison captured 25 guards on Monday.", "ASSAULT", "abduct"),
        ("Within weeks Bordurian units had captured 70 percent of Ruritania.", "ASSAULT", None),
        ("Bordurian rebels captured control of the province in June.", "ASSAULT", None),
        ("The two inmates and their accomplice have been captured in Zenda.", "COERCE", "arrest"),
    ],
)
def test_people_and_ground_captured_are_acts(nlp, coder, sentence, category, mode):
    events = code(nlp, coder, sentence)
    assert (category, mode, "captured") in kinds(events), kinds(events)


@pytest.mark.parametrize(
    "sentence",
    [
        "Singh captured his second title of the season on Monday.",
        "The bowler captured three wickets before lunch.",
        "The moment was captured on camera by a passer-by.",
        "The books have captured the hearts of readers around the world.",
    ],
)
def test_a_title_a_picture_or_hearts_captured_are_no_act(nlp, coder, sentence):
    assert not code(nlp, coder, sentence), kinds(code(nlp, coder, sentence))


def test_those_taken_are_the_arrests_recipient_not_a_country_named_beside(nlp, coder):
    events = code(nlp, coder, "The 15 were captured on Friday in what Ruritania insists were its territorial waters.")
    [arrest] = of_type(events, "COERCE")
    assert arrest.recipient is None, arrest.recipient


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("Bordurian rebels set two trucks and a bus on fire.", "destroy"),
        ("The rebels set 28 homes ablaze.", "destroy"),
    ],
)
def test_property_set_on_fire_however_the_parse_hangs_it(nlp, coder, sentence, mode):
    events = code(nlp, coder, sentence)
    assert any(event.mode == mode and event.trigger.text == "set" for event in events), kinds(events)


@pytest.mark.parametrize(
    "sentence",
    [
        "Soldiers patrolled the streets while artillery rounds crashed into rebel positions in the hills.",
        "Two rockets slammed into the Zendan base overnight.",
        "Shells rained down on the city of Zenda.",
        "Ruritanian artillery pounded rebel positions near the town.",
    ],
)
def test_projectiles_that_crash_or_slam_into_a_target_are_an_attack(nlp, coder, sentence):
    events = code(nlp, coder, sentence)
    assert of_type(events, "ASSAULT") and not of_type(events, "ACCUSE"), kinds(events)


@pytest.mark.parametrize(
    "sentence", ["The Ruritanian minister slammed the decision.", "He pounded the table in anger."]
)
def test_words_slammed_and_a_table_pounded_are_no_attack(nlp, coder, sentence):
    assert not of_type(code(nlp, coder, sentence), "ASSAULT"), kinds(code(nlp, coder, sentence))


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Some 50 Ruritanian forces have entered Zenda through Borduria.", "MOBILIZE"),
        ("A convoy of Ruritanian tanks crossed the border and entered Zenda on Friday.", "MOBILIZE"),
        ("The Bordurian troops entered the rebel stronghold on Monday.", "ASSAULT"),
        ("Ruritanian forces liberated almost 35 km of territory along the highway.", "ASSAULT"),
        ("Ruritanian and Bordurian forces have stepped up military operations in the rebel-held area.", "ASSAULT"),
        ("Bordurian rebels have launched a counterattack in rural Zenda.", "ASSAULT"),
        ("Ruritanian troops counterattacked from Borduria on Monday.", "ASSAULT"),
        ("Bordurian troops took the key opposition stronghold of Zenda.", "ASSAULT"),
        ("Student leaders in Zenda commandeered a few Ruritanian buses.", "COERCE"),
        ("The dawn-to-dusk shutdown affected normal life in Zenda.", "PROTEST"),
    ],
)
def test_forces_entering_taking_or_stepping_up_operations(nlp, coder, sentence, category):
    assert of_type(code(nlp, coder, sentence), category), kinds(code(nlp, coder, sentence))


@pytest.mark.parametrize("sentence", ["The students entered the hall on Monday.", "He took the city bus to Zenda."])
def test_students_entering_a_hall_or_a_bus_taken_is_no_act(nlp, coder, sentence):
    assert not code(nlp, coder, sentence), kinds(code(nlp, coder, sentence))


def test_a_storming_condemned_is_an_act_of_its_own(nlp, coder):
    events = code(
        nlp, coder, "The Ruritanian leader condemned the violent storming of the Zendan legislature.", passing=True
    )
    assert ("ASSAULT", None, "storming") in kinds(events), kinds(events)


@pytest.mark.parametrize(
    ("sentence", "protested"),
    [
        ("Hundreds of lawyers in Zenda are supporting Hazare's strike.", True),
        ("The Zendan union backed the walkout on Monday.", True),
        ("The Zendan union backed a strike.", False),
    ],
)
def test_a_backed_protest_named_as_one_took_place(nlp, coder, sentence, protested):
    events = code(nlp, coder, sentence)
    assert bool(of_type(events, "PROTEST")) == protested, kinds(events)


@pytest.mark.parametrize(
    "sentence",
    [
        "A missile destroyed a suspected militant hide-out in northern Zenda on Tuesday.",
        "An attacker detonated a bomb among Ruritanian fans celebrating a win over Borduria.",
    ],
)
def test_a_doer_named_but_unknown_is_not_replaced_by_a_country_beside_it(nlp, coder, sentence):
    attacks = of_type(code(nlp, coder, sentence), "ASSAULT")
    assert attacks and all(attack.actor is None for attack in attacks), [attack.actor for attack in attacks]


def test_a_named_doer_is_still_the_actor(nlp, coder):
    [attack] = of_type(code(nlp, coder, "Ruritanian forces destroyed a rebel hide-out in Zenda on Tuesday."), "ASSAULT")
    assert attack.actor is not None and attack.actor.country == "RUR", attack.actor


def test_an_abduction_and_a_rape_joined_to_an_attack_are_acts_of_their_own(pipeline):
    events = events_of(
        pipeline,
        "Ruritanian militants attacked a group of conservation workers, killed ten, kidnapped two and raped a woman.",
    )
    modes = sorted(str(event["mode"]) for event in events if event["type"] == "ASSAULT")
    assert {"abduct", "sexual"} <= set(modes) and len(modes) == 3, modes


def test_a_killing_joined_to_an_attack_stays_the_attacks_outcome(pipeline):
    events = events_of(pipeline, "Ruritanian gunmen attacked the village of Zenda and killed five people.")
    assert len([event for event in events if event["type"] == "ASSAULT"]) == 1, events


def test_who_after_a_name_is_that_person(nlp, coder):
    events = code(nlp, coder, "Najib, who denies any wrongdoing, has fired critics within the government.")
    [denial] = of_type(events, "REJECT")
    assert denial.actor is not None and denial.actor.text != "who", denial.actor


@pytest.mark.parametrize(
    "sentence", ["Ruritanian doctor shot at in Zenda clinic", "Zendan party leader shot dead in Zenda"]
)
def test_a_headlines_passive_without_its_auxiliary_names_the_victim(nlp, coder, sentence):
    [attack] = of_type(code(nlp, coder, sentence), "ASSAULT")
    assert attack.actor is None and attack.recipient is not None, (attack.actor, attack.recipient)


def test_an_active_verb_with_its_object_keeps_its_doer(nlp, coder):
    [attack] = of_type(code(nlp, coder, "Ruritanian police shot dead two robbers in Zenda."), "ASSAULT")
    assert attack.actor is not None and attack.actor.country == "RUR", attack.actor


@pytest.mark.parametrize(
    "sentence",
    [
        "The Zendan singer shot to sudden fame after the video.",
        "Crude futures shot up to almost 75 dollars a barrel as traders fretted about Ruritania.",
    ],
)
def test_prices_or_people_shooting_up_or_to_fame_fire_no_shot(nlp, coder, sentence):
    assert not of_type(code(nlp, coder, sentence), "ASSAULT"), kinds(code(nlp, coder, sentence))


def test_gunmen_shooting_up_a_market_did_fire(nlp, coder):
    assert of_type(code(nlp, coder, "Ruritanian gunmen shot up the village market on Monday."), "ASSAULT")


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("A missile destroyed a suspected militant hide-out in northern Zenda on Tuesday.", "heavy-weapons"),
        ("Two rockets hit a Ruritanian enclave in southern Zenda on Monday.", "heavy-weapons"),
        ("The September blast destroyed four shops in Zenda.", "explosives"),
    ],
)
def test_a_weapon_that_is_the_subject_of_the_attack_verb_is_one_attack(nlp, coder, sentence, mode):
    attacks = of_type(code(nlp, coder, sentence), "ASSAULT")
    assert [attack.mode for attack in attacks] == [mode], kinds(attacks)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ruritanian workers went on strike to protest the layoffs.",
        "Schools remained closed in Zenda following a shutdown call given by the union to protest the lathicharge.",
    ],
)
def test_to_protest_after_a_strike_is_its_purpose_not_another_protest(nlp, coder, sentence):
    assert len(of_type(code(nlp, coder, sentence), "PROTEST")) == 1, kinds(code(nlp, coder, sentence))
