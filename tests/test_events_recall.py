"""Main acts the lexicon used to miss (issue 14, recall): held for questioning, staff ordered out,
a travel warning lifted, a suspect handed over, condolences, legal action, rebukes, vows to hunt down.

Sentences are invented; parties are injected as the actor resolver would give them (test_events.code).
"""

from __future__ import annotations

import pytest
from test_events import code, kinds

from tests.test_events_parties import events_of, one


@pytest.mark.parametrize(
    ("text", "category", "mode", "trigger"),
    [
        ("Ruritanian police held six Zendan men for questioning on Monday.", "COERCE", "arrest", "held"),
        ("Zenda handed the suspect over to Ruritanian officials on Friday.", "COOPERATE", None, "handed"),
        ("Ruritania lifted its travel warning for Zenda on Tuesday.", "CONCEDE", None, "lifted"),
        ("The Ruritanian minister chastised Zenda over the border closure.", "ACCUSE", "disapprove", "chastised"),
        ("Ruritania vowed to hunt down the men who attacked Zenda.", "THREATEN", None, "vowed"),
        ("A Ruritanian court overturned the Zendan governor's order on Monday.", "REJECT", None, "overturned"),
        ("Ruritanian police kept the marchers from reaching the Zendan consulate.", "COERCE", "restrict", "kept"),
        ("The Ruritanian president sent condolence messages to Zenda.", "SUPPORT", None, "condolence"),
        ("Ruritania announced a gift of medicine to Zenda.", "AID", None, "gift"),
        ("Ruritanian lawyers filed a suit against Zenda in the capital.", "ACCUSE", "allege", "filed"),
        ("Ruritanian prosecutors brought charges against the Zendan minister.", "ACCUSE", "allege", "charges"),
        ("Zenda declared a state of emergency in the north on Monday.", "COERCE", "martial-law", "emergency"),
        ("Zenda expressed its opposition to the Ruritanian plan on Monday.", "REJECT", None, "opposition"),
        ("Ruritanian officials disputed the Zendan claim on Sunday.", "REJECT", None, "disputed"),
        ("Zenda expressed outrage over the Ruritanian raid.", "ACCUSE", "disapprove", "outrage"),
        ("Zendan teachers suspended their strike against Ruritania on Monday.", "CONCEDE", None, "suspended"),
        ("Zendan police took four Ruritanian men into custody.", "COERCE", "arrest", "custody"),
        ("A roadside bomb targeted a Zendan army truck on Monday.", "ASSAULT", "explosives", "targeted"),
        # session 6: crowds held back, volleys of plastic bullets, rewards, charges "over" an act,
        # expulsions from talks, mass executions, calls by phone, envoys summoned, arrivals, firebombs
        ("Zendan riot police held back a crowd of Ruritanian protesters.", "ASSAULT", "crowd-control", "held"),
        (
            "Zendan soldiers fired a volley of plastic bullets at the Ruritanian marchers.",
            "ASSAULT",
            "crowd-control",
            "fired",
        ),
        ("Ruritania offered a reward for information on the Zendan gunmen.", "REQUEST", None, "offered"),
        ("Two Zendan men were charged over the Ruritanian bombing.", "ACCUSE", "allege", "charged"),
        ("The Zendan delegation was expelled from the Ruritanian talks.", "SANCTION", "expel", "expelled"),
        ("Zendan rebels carried out a mass execution of Ruritanian prisoners.", "ASSAULT", None, "execution"),
        ("The Zendan and Ruritanian presidents spoke by phone on Monday.", "CONSULT", "phone", "spoke"),
        ("Zenda summoned the Ruritanian ambassador over the raid.", "ACCUSE", "disapprove", "summoned"),
        ("The Zendan foreign minister arrived in Ruritania on Monday.", "CONSULT", "visit", "arrived"),
        ("Zendan youths firebombed a Ruritanian police car.", "ASSAULT", None, "firebombed"),
        ("Zendan teachers downed tools on Monday over unpaid wages.", "PROTEST", "strike", "downed"),
        ("Zendan nurses walked off the job on Monday.", "PROTEST", "strike", "walked"),
        ("The Zendan president sat down with the Ruritanian premier on Tuesday.", "CONSULT", None, "sat"),
        ("Five Ruritanian activists were picked up by Zendan police on Monday.", "COERCE", "arrest", "picked"),
        ("Zendan security forces broke up a Ruritanian demonstration.", "ASSAULT", "crowd-control", "broke"),
        ("Zendan police dispersed the Ruritanian protesters on Monday.", "ASSAULT", "crowd-control", "dispersed"),
        # session 19: barriers, blacklists, expropriations, boats intercepted, arms given, weapons systems sent
        ("Zenda erected a barbed-wire fence along its border with Ruritania.", "COERCE", "restrict", "erected"),
        ("Ruritanian fighters set up checkpoints on the road to Zenda.", "COERCE", "restrict", "set"),
        ("Zendan prosecutors blacklisted three Ruritanian groups on Monday.", "COERCE", "restrict", "blacklisted"),
        ("The Zendan militia expropriated several Ruritanian warehouses.", "COERCE", "seize", "expropriated"),
        ("The Zendan navy intercepted Ruritanian smugglers' boats on Monday.", "COERCE", "seize", "intercepted"),
        ("Zenda is arming the Ruritanian rebels.", "AID", None, "arming"),
        ("Zenda is sending the S-400 missile system to Ruritania.", "MOBILIZE", "weapons", "sending"),
        ("Zenda announced it was banning the import of Ruritanian gold.", "SANCTION", None, "banning"),
        ("Zenda is tightening restrictions on Ruritanian imports.", "SANCTION", None, "restrictions"),
        ("The Zendan government banned the Ruritanian party on Monday.", "COERCE", "ban", "banned"),
        ("Zendan helicopters evacuated the wounded from the Ruritanian town on Friday.", "AID", None, "evacuated"),
        ("Zenda evacuated its settlements in Ruritania on Monday.", "RETREAT", "withdraw", "evacuated"),
        ("The Ruritanian rally in Zenda was dispersed on Monday.", "ASSAULT", "crowd-control", "dispersed"),
        ("Zendan militants set off a car bomb in Ruritania.", "ASSAULT", "explosives", "set"),
        ("The Zendan foreign minister flew to Ruritania on Monday.", "CONSULT", "visit", "flew"),
        ("Zendan police teargassed Ruritanian protesters on Monday.", "ASSAULT", "crowd-control", "teargassed"),
        ("Zendan police charged the Ruritanian marchers with batons.", "ASSAULT", "crowd-control", "charged"),
        ("Zendan protesters pelted Ruritanian police with stones.", "PROTEST", "riot", "pelted"),
        ("20 Ruritanians arrested in Zendan protest", "COERCE", "arrest", "arrested"),
    ],
)
def test_main_acts_once_missed_are_coded(nlp, coder, text, category, mode, trigger):
    found = kinds(code(nlp, coder, text))
    # the mode is checked where the trigger fixes it; the decision pass may name others ('violence', 'change')
    assert any(
        (kind, word) == (category, trigger) and mode in (None, got)
        for kind, got, text in found
        for word in text.split()
    ), found


def test_a_hunt_vowed_is_a_threat_but_a_pledge_of_help_stays_an_agreement(nlp, coder):
    assert [e.type for e in code(nlp, coder, "Ruritania vowed to help Zenda rebuild the bridge.")] == ["AGREE"]
    assert "THREATEN" in [e.type for e in code(nlp, coder, "Zenda promised to punish Ruritania for the raid.")]


def test_a_guilty_plea_is_no_request_and_the_sentence_after_it_stands(nlp, coder):
    events = code(
        nlp, coder, "The Zendan men pleaded guilty to the arson and were sentenced to ten years by Ruritania."
    )
    assert "REQUEST" not in [e.type for e in events]
    assert ("SANCTION", "convict", "sentenced") in kinds(events)
    plea = code(nlp, coder, "The Zendan envoy pleaded innocent to spying for Ruritania.")
    assert "REQUEST" not in [e.type for e in plea]


def test_staff_ordered_out_is_a_withdrawal_but_ordering_troops_out_is_not(nlp, coder):
    events = code(nlp, coder, "Ruritanian embassy staff were ordered out of Zenda on Sunday.")
    assert ("RETREAT", "withdraw", "ordered") in kinds(events)
    assert "RETREAT" not in [e.type for e in code(nlp, coder, "Ruritania ordered out its army against Zenda.")]
    expelled = code(nlp, coder, "Zenda opened its border to Ruritanian migrants ordered out of Borduria.")
    assert "RETREAT" not in [e.type for e in expelled]
    departure = code(nlp, coder, "Ruritania ordered the departure of its embassy staff from Zenda.")
    assert ("RETREAT", "withdraw", "ordered") in kinds(departure)


def test_a_motion_filed_is_no_accusation(nlp, coder):
    assert "ACCUSE" not in [e.type for e in code(nlp, coder, "Ruritania filed a motion asking Zenda for more time.")]


def test_everyday_readings_of_the_new_words_are_no_events(nlp, coder):
    for text in (
        "Ruritania held a reception for Zendan students.",  # held, no questioning
        "The Ruritanian court overturned nothing and Zenda filed its tax return.",  # no order, no suit
        "Ruritania kept the money in Zendan banks.",  # kept, no 'from'
        "Zenda sent a letter to Ruritania about the fishing quota.",  # a letter, not a condolence
        "Zenda and Ruritania have long disputed the island.",  # a standing quarrel, no claim denied
        "Zenda said it was a simple child custody case for Ruritania.",  # custody, nobody held
    ):
        assert code(nlp, coder, text) == [], text


def test_everyday_readings_of_the_session_6_words_are_no_events(nlp, coder):
    assert "ASSAULT" not in [e.type for e in code(nlp, coder, "Zenda executed the plan with Ruritania on Monday.")]
    called = code(nlp, coder, "Zenda called Ruritania on Tuesday to discuss the border.")
    assert "REQUEST" not in [e.type for e in called]
    assert "COERCE" not in [e.type for e in code(nlp, coder, "Zendan officials held back the Ruritanian report.")]
    live = code(nlp, coder, "Zendan soldiers fired live rounds at Ruritanian marchers.")
    assert "ASSAULT" in [e.type for e in live] and "COERCE" not in [e.type for e in live]


def test_a_date_after_a_preposition_is_no_argument(nlp, coder):
    """'on Monday' is not 'fired on' (shooting) nor 'called on' (an appeal)."""
    assert "ASSAULT" not in [e.type for e in code(nlp, coder, "The Zendan president fired his minister on Monday.")]
    assert "ASSAULT" in [e.type for e in code(nlp, coder, "Zendan soldiers fired on Ruritanian marchers.")]


def test_counted_people_with_a_dated_participle_report_the_act(nlp, coder):
    """'five men detained on Sunday' tells the arrest (the men are its recipient); an undated
    participle or one on things ('the weapons seized last year') stays background."""
    events = code(nlp, coder, "Five Zendan activists detained on Sunday were released by Ruritania on Monday.")
    arrest = next(e for e in events if e.type == "COERCE")
    assert (arrest.mode, arrest.recipient.country) == ("arrest", "ZEN")
    undated = code(nlp, coder, "Ruritania released the Zendan activists detained during the protest.")
    assert "COERCE" not in [e.type for e in undated]
    things = code(nlp, coder, "Zenda will return the Ruritanian weapons seized last year.")
    assert "COERCE" not in [e.type for e in things]


def test_protesters_subject_of_a_protest_verb_are_one_protest(nlp, coder):
    events = code(nlp, coder, "Zendan protesters threw stones at Ruritanian police.")
    assert [(e.type, e.trigger.text) for e in events] == [("PROTEST", "threw")]
    assert (events[0].actor.country, events[0].recipient.country) == ("ZEN", "RUR")


def test_a_protest_broken_up_stays_beside_the_intervention(nlp, coder):
    events = code(nlp, coder, "Zendan police broke up a Ruritanian protest rally on Monday.")
    assert {e.type for e in events} == {"ASSAULT", "PROTEST"}


# People stopped from doing something ('blocked lawyers from visiting him', 'forbade women to work': what they
# were stopped from is no act), a party spied on, charges dropped.
@pytest.mark.parametrize(
    ("text", "category", "mode", "trigger"),
    [
        ("Zendan police blocked Ruritanian lawyers from visiting the editor.", "COERCE", "restrict", "blocked"),
        ("The Zendan junta has forbidden Ruritanian women to work.", "COERCE", "ban", "forbidden"),
        ("The Zendan intelligence service spied on Ruritanian diplomats.", "COERCE", None, "spied"),
        ("Zendan prosecutors dropped the charges against the Ruritanian editor.", "CONCEDE", None, "dropped"),
    ],
)
def test_people_stopped_spied_on_and_charges_dropped_are_coded(nlp, coder, text, category, mode, trigger):
    found = kinds(code(nlp, coder, text))
    assert any((kind, word) == (category, trigger) and mode in (None, got) for kind, got, word in found), found


def test_an_act_someone_was_blocked_from_did_not_happen(nlp, coder):
    found = kinds(code(nlp, coder, "Zendan police blocked Ruritanian lawyers from visiting the detained editor."))
    assert not any(word == "visiting" for _, _, word in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Zendan police blocked the road to the Ruritanian embassy.",  # a road blocked: no one stopped from an act
        "The price of Zendan oil dropped sharply.",  # dropped, no case
        "The Zendan minister dropped by the Ruritanian embassy on Monday.",  # a call, no charges
    ],
)
def test_no_restriction_or_concession_without_its_pattern(nlp, coder, text):
    found = kinds(code(nlp, coder, text))
    assert not any((kind, got) in (("COERCE", "restrict"), ("CONCEDE", None)) for kind, got, _ in found), found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Zenda shipped 250 tents to Ruritanian refugees on Monday.", "shipped"),
        ("The Zendan Red Crescent distributed blankets and food to Ruritanian families.", "distributed"),
        ("Zendan agencies delivered medicine to the besieged Ruritanian town on Thursday.", "delivered"),
    ],
)
def test_relief_handed_over_is_aid(nlp, coder, text, trigger):
    assert ("AID", trigger) in {(event.type, event.trigger.text) for event in code(nlp, coder, text)}


def test_a_letter_delivered_is_no_aid(nlp, coder):
    assert not code(nlp, coder, "A Zendan courier delivered a letter to the Ruritanian embassy.")


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("Zendan police questioned three Ruritanian men in the capital on Thursday.", True),
        ("Zendan investigators interrogated the Ruritanian suspect for hours.", True),
        ("Zendan reporters questioned the Ruritanian decision.", False),
        ("In this book, the Zendan writer interrogates the Ruritanian idea of progress.", False),
    ],
)
def test_questioning_by_investigators_is_an_investigation(nlp, coder, text, coded):
    kinds_found = {(event.type, event.mode) for event in code(nlp, coder, text)}
    assert (("ACCUSE", "investigate") in kinds_found) == coded


@pytest.mark.parametrize(
    ("sentence", "mode", "actor"),
    [
        ("Hundreds of farmers staged a dharna outside the collectorate on Monday.", "demo", "farmers"),
        ("The students gheraoed the vice-chancellor over the fee hike on Monday.", "obstruct", "students"),
        ("The agitation by the farmers entered its tenth day on Friday.", "demo", "farmers"),
        ("Shops stayed shut in the town during a bandh called by the traders on Friday.", "strike", "traders"),
        ("Thousands of workers led a morcha to the collectorate on Monday.", "demo", "workers"),
        ("Lawyers abstained from work on Friday to protest the assault on a colleague.", "strike", ""),
        ("The activists raised slogans against the government on Monday.", "demo", "activists"),
        ("The workers continued their stir for the fifth day on Monday.", "demo", ""),
    ],
)
def test_south_asian_protest_words_are_protests(pipeline, sentence, mode, actor):
    event = one(events_of(pipeline, sentence), "PROTEST")
    assert event["mode"] == mode and actor in ((event["actor"] or {}).get("text") or "")


def test_a_protest_a_party_calls_for_is_its_own_planned_protest(pipeline):
    sentence = "The opposition party has called for a statewide strike on Monday to protest the killing."
    event = one(events_of(pipeline, sentence), "PROTEST")
    assert event["status"] == "future" and event["mode"] == "strike" and "party" in event["actor"]["text"]
    assert not [e for e in events_of(pipeline, sentence) if e["type"] == "REQUEST"]
    # a call on others to join is still a request to them
    asked = "The union called on workers to join the strike."
    assert one(events_of(pipeline, asked), "REQUEST")["recipient"]["text"] == "workers"


@pytest.mark.parametrize(
    ("sentence", "category", "actor"),
    [
        ("The union called a general strike for Friday.", "PROTEST", "union"),  # convened, not named
        ("The opposition called a meeting of its leaders on Sunday.", "CONSULT", "opposition"),
    ],
)
def test_an_act_called_as_the_only_object_is_convened(pipeline, sentence, category, actor):
    assert actor in one(events_of(pipeline, sentence), category)["actor"]["text"]


def test_an_act_there_was_took_place_but_a_count_compared_is_none(pipeline):
    assert [e["type"] for e in events_of(pipeline, "There have been protests in several towns since Sunday.")] == [
        "PROTEST"
    ]
    compared = "There were more murders in March than in any month for more than a decade."
    assert not [e for e in events_of(pipeline, compared) if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("sentence", "category", "mode"),
    [
        ("The gang chased the man and hacked him to death on Sunday.", "ASSAULT", "primitive"),
        ("Hackers hacked the ministry's website on Monday.", "COERCE", "cyber"),
        ("Armed men looted the house of a police officer on Friday.", "COERCE", "seize"),
    ],
)
def test_hacked_to_death_is_a_killing_and_looting_a_seizure(pipeline, sentence, category, mode):
    assert one(events_of(pipeline, sentence), category)["mode"] == mode


def test_an_act_named_as_what_came_before_a_future_clause_is_no_threat(pipeline):
    sentence = "Twenty years after the serial blasts that killed 257 people, the court will deliver its verdict today."
    assert not [e for e in events_of(pipeline, sentence) if e["type"] == "THREATEN"]


def test_an_act_until_which_a_coming_act_goes_on_is_still_to_be_met(pipeline):
    pending = "Addressing the protesters, he said the party would continue its protest until the minister resigned."
    assert not [e for e in events_of(pipeline, pending) if e["type"] == "RETREAT" and e["status"] == "asserted"]
    done = "The minister ruled the state until he resigned in 2010."
    assert one(events_of(pipeline, done), "RETREAT")["status"] in ("asserted", "historical")


def test_approving_a_sale_is_cooperation_and_approving_a_text_support(pipeline):
    sale = "The United States approved the sale of 180 artillery systems to Saudi Arabia on Thursday."
    assert [e["type"] for e in events_of(pipeline, sale)] == ["COOPERATE"]
    text = "Parliament approved the new constitution on Monday."
    assert [e["type"] for e in events_of(pipeline, text)] == ["SUPPORT"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police resorted to a lathi-charge to disperse the crowd on Monday.",
        "Police lathicharged the protesters on Monday.",
    ],
)
def test_a_baton_charge_on_a_crowd_is_crowd_control(pipeline, sentence):
    assert one(events_of(pipeline, sentence), "ASSAULT")["mode"] == "crowd-control"


def test_a_stir_caused_and_an_issue_raised_are_no_protests(pipeline):
    for sentence in ("The film caused a stir in the capital.", "He raised the issue with the minister."):
        assert not events_of(pipeline, sentence)


@pytest.mark.parametrize(
    ("sentence", "category", "mode", "actor"),
    [
        ("Party activists set ablaze an effigy of the chief minister on Monday.", "PROTEST", "demo", "activists"),
        ("Party workers manhandled a constable in the town on Tuesday.", "ASSAULT", "beat", "workers"),
        ("The farmers submitted a memorandum to the district collector on Monday.", "REQUEST", None, "farmers"),
        ("The protesters took out a procession through the town on Monday.", "PROTEST", "demo", "protesters"),
        ("Opposition members walked out of the Assembly on Monday.", "PROTEST", "strike", "Opposition members"),
        ("The opposition staged a walk out in the Assembly on Monday.", "PROTEST", "strike", "opposition"),
        ("The minister held the police responsible for the violence.", "ACCUSE", "allege", "minister"),
        ("The police registered a case against the two leaders on Monday.", "ACCUSE", "allege", "police"),
        ("The protesters pelted stones at the police near the bus stand on Monday.", "PROTEST", "riot", "protesters"),
        ("The stir was led by the district secretary of the farmers' union.", "PROTEST", "demo", "secretary"),
        ("Police stepped up security in the town after the clashes.", "MOBILIZE", "police", "Police"),
    ],
)
def test_south_asian_protest_and_clash_wording(pipeline, sentence, category, mode, actor):
    event = one(events_of(pipeline, sentence), category)
    assert mode in (None, event["mode"]) and actor in ((event["actor"] or {}).get("text") or "")


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands joined the funeral procession of the slain leader on Sunday.",
        "The teenager tried to set himself on fire at home, police said.",
    ],
)
def test_a_funeral_procession_and_a_self_immolation_at_home_are_no_acts(pipeline, sentence):
    assert not [e for e in events_of(pipeline, sentence) if e["type"] in ("PROTEST", "COERCE")]


@pytest.mark.parametrize(
    ("sentence", "category", "mode"),
    [
        ("Gunmen captured two Germans and a Dane near the border on Monday.", "ASSAULT", "abduct"),
        ("He was captured in a raid on a house in the capital in June.", "COERCE", "arrest"),
        ("The rebels captured Lubumbashi last Wednesday.", "ASSAULT", None),
        ("The militants captured weapons and ammunition from the army depot.", "COERCE", "seize"),
        ("Police and paramilitary soldiers patrolled the streets to prevent violence.", "MOBILIZE", None),
    ],
)
def test_people_places_and_arms_captured_and_streets_patrolled(pipeline, sentence, category, mode):
    assert mode in (None, one(events_of(pipeline, sentence), category)["mode"])


@pytest.mark.parametrize(
    "sentence",
    [
        "The bowler captured two wickets during the session.",
        "The novel captured the hearts of readers around the world.",
        "The attack was captured on camera by a passer-by.",
    ],
)
def test_what_a_player_a_book_or_a_camera_captures_is_none(pipeline, sentence):
    assert not [e for e in events_of(pipeline, sentence) if e["trigger"]["text"].startswith("captured")]


def test_gunmen_believed_to_be_of_a_group_did_what_they_did(pipeline):
    sentence = "Gunmen believed to be herders killed five villagers and burned houses in the district on Monday."
    assert one(events_of(pipeline, sentence), "ASSAULT")["status"] == "asserted"


def test_a_bomb_going_off_is_a_bombing_and_an_alarm_nothing(pipeline):
    assert one(events_of(pipeline, "A bomb went off near the market on Monday."), "ASSAULT")["mode"] == "explosives"
    assert not events_of(pipeline, "The alarm went off at noon on Monday.")


def test_a_crowd_storming_a_building_is_no_storm(pipeline):
    sentence = "Seven were killed when police opened fire on protesters attempting to storm the governor's office."
    assert [e for e in events_of(pipeline, sentence) if e["type"] == "ASSAULT"]
    assert not events_of(pipeline, "The storm killed 20 people in the province on Monday.")


def test_forces_capturing_most_of_a_district_take_ground(pipeline):
    sentence = "Government forces captured most of the district on Sunday after heavy fighting."
    assert one(events_of(pipeline, sentence), "ASSAULT")["actor"]["text"] == "Government forces"


@pytest.mark.parametrize(
    ("sentence", "mode", "actor"),
    [
        ("The students were agitating against the committee's recommendations.", "demo", "students"),
        ("Construction workers observed a fast near the railway station on Thursday.", "hunger", "workers"),
        ("Traders observed a bandh in the town on Monday.", "strike", "Traders"),
        ("Nine bank unions took part in the stir on Tuesday.", "demo", "unions"),
    ],
)
def test_agitating_observing_a_fast_or_a_bandh_and_joining_a_stir_are_protests(pipeline, sentence, mode, actor):
    event = one(events_of(pipeline, sentence), "PROTEST")
    assert event["mode"] == mode and actor in event["actor"]["text"]


def test_agitating_for_a_dismissal_inside_a_government_is_no_protest(pipeline):
    sentence = "The chief of staff had agitated for the removal of the national security adviser."
    assert not [e for e in events_of(pipeline, sentence) if e["type"] == "PROTEST"]
