"""Event coder, rules side of issue 14: non-events kept out, accidents and disasters not coded as
attacks, the ACLED taxonomy (sub-event, event and disorder type), CAMEO codes by mode, and one
event per act within a document. Sentences are invented; parties come from tests/test_events.py."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.evaluate.acled_types import SUB_EVENT_TYPES, iso_date, predicted_sub_type, print_table
from eventwire.extract.events.lexicon import load_lexicon
from eventwire.extract.events.merge import merge_document
from tests.test_events import code, only


def events_of(nlp, coder, text: str) -> list[tuple[str, str]]:
    return [(event.type, event.trigger.text) for event in code(nlp, coder, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian opposition leader launched a scathing attack on the government of Zenda.",
        "The Ruritanian ministry declined to comment on the report from Zenda.",
        "Ruritania did not respond to a request for comment from Zenda.",
        "The Zendan ministry released a statement on Ruritania.",
        "Ruritanian officials said they lost contact with Zenda on Monday.",
        "No one was injured in Zenda.",
        "Three Ruritanian tourists were killed in a road accident in Zenda.",
        "A tsunami killed hundreds of people in Zenda.",
    ],
)
def test_non_events_yield_no_asserted_event(nlp, coder, text):
    asserted = [event for event in code(nlp, coder, text) if event.status == "asserted"]
    assert asserted == [], [(e.type, e.trigger.text) for e in asserted]


def test_a_trade_war_is_no_assault_but_a_threat_in_it_is_a_threat(nlp, coder):
    war = events_of(nlp, coder, "Ruritania is waging a trade war with Zenda and vowed to fight back.")
    assert "ASSAULT" not in [kind for kind, _ in war]
    assert ("THREATEN", "vowed") in war
    tariffs = events_of(nlp, coder, "Ruritania threatened on Monday to impose new tariffs on imports from Zenda.")
    assert ("THREATEN", "threatened") in tariffs


def test_a_rebuke_for_comments_is_no_declined_comment(nlp, coder):
    told = code(nlp, coder, "The Ruritanian opposition chastised Zenda for the comments it made on Tuesday.")
    assert [(event.type, event.status) for event in told] == [("ACCUSE", "asserted")]


def test_sharing_a_view_is_no_agreement_but_an_accord_is(nlp, coder):
    assert events_of(nlp, coder, "The Ruritanian senator agreed with her interviewer that taxes were too high.") == []
    accord = events_of(nlp, coder, "Ruritania agreed with Zenda on a ceasefire on Monday.")
    assert ("AGREE", "agreed") in accord


def test_an_accord_named_is_no_act_but_one_made_is(nlp, coder):
    named_only = ("Critics in Zenda say the Ruritania deal failed.", "Under the agreement, Zendan troops go home.")
    for named in named_only:
        assert [e for e in events_of(nlp, coder, named) if e[0] == "AGREE"] == [], named
    for made in ("Ruritania and Zenda reached an agreement on Monday.", "Zenda took a plea deal in Ruritania."):
        assert ("AGREE", "agreement" if "agreement" in made else "plea deal") in events_of(nlp, coder, made), made


def test_protesters_clashing_with_police_riot_while_armed_groups_fight(nlp, coder):
    assert ("PROTEST", "clashed") in events_of(nlp, coder, "Ruritanian protesters clashed with police in Zenda.")
    assert ("ASSAULT", "clashed") in events_of(nlp, coder, "Ruritanian rebels clashed with Zendan soldiers.")


def test_wishes_obligations_and_questions_are_not_asserted(nlp, coder):
    for text in (
        "We hope Ruritania and Zenda will coordinate their work.",
        "It is imperative that Ruritania resume negotiations with Zenda.",
        "Will Ruritania attack Zenda?",
    ):
        statuses = {event.status for event in code(nlp, coder, text)}
        assert "asserted" not in statuses, text  # a hope for others' acts and a question are dropped (slice non)
    assert {e.status for e in code(nlp, coder, "It is imperative that Ruritania resume negotiations with Zenda.")} == {
        "hypothetical"
    }


def test_a_real_attack_beside_an_accident_word_is_kept(nlp, coder):
    events = code(nlp, coder, "A Ruritanian army vehicle struck a roadside bomb in Zenda, killing two soldiers.")
    assert [e.acled["sub_event_type"] for e in events if e.type == "ASSAULT"] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Ruritanian forces fired mortars at Zendan positions.", "Shelling/artillery/missile attack"),
        ("Ruritanian forces exchanged fire with Zendan troops.", "Armed clash"),
        ("Ruritanian gunmen attacked villagers in Zenda.", "Attack"),
        ("Ruritanian troops recaptured the town from Zendan rebels.", "Government regains territory"),
        ("Ruritanian police arrested five Zendan activists.", "Arrests"),
        ("Ruritanian forces shot down a Zendan drone.", "Disrupted weapons use"),
        ("Ruritanian forces established a base in Zenda.", "Headquarters or base established"),
        ("Hundreds of Zendan students protested against Ruritania.", "Peaceful protest"),
        ("Zendan protesters threw stones at Ruritanian police.", "Violent demonstration"),
    ],
)
def test_acled_sub_event_types(nlp, coder, text, sub_event_type):
    mapped = [event.acled for event in code(nlp, coder, text) if event.acled]
    assert mapped, text
    event_type, disorder_type = SUB_EVENT_TYPES[sub_event_type]
    assert mapped[0] == {"event_type": event_type, "sub_event_type": sub_event_type, "disorder_type": disorder_type}


def test_every_acled_rule_names_one_of_the_25_types():
    mappings = load_lexicon().mappings
    table = mappings["acled_sub_event_types"]
    assert {name: tuple(pair) for name, pair in table.items()} == SUB_EVENT_TYPES
    assert {rule["sub"] for rule in mappings["acled_rules"]} <= set(table)


def test_cameo_codes_follow_the_mode(nlp, coder):
    codes = {e.type: e.cameo for e in code(nlp, coder, "Ruritanian police arrested five Zendan activists.")}
    assert codes == {"COERCE": "173"}
    codes = {e.type: e.cameo for e in code(nlp, coder, "Zendan workers went on a hunger strike against Ruritania.")}
    assert codes == {"PROTEST": "142"}


def test_repeated_mentions_of_one_act_are_one_event(nlp, coder):
    text = (
        "Ruritanian forces attacked Zenda on Monday. "
        "The attack on Zenda was the worst this year, officials said. "
        "Borduria condemned Syldavia."
    )
    events = merge_document(code(nlp, coder, text), text)
    assaults = [event for event in events if event.type == "ASSAULT"]
    assert len(assaults) == 1
    assert [m.trigger.text for m in assaults[0].mentions] == ["attacked", "attack"]
    assert [event.id for event in events] == [f"t-e{n}" for n in range(1, len(events) + 1)]


def test_two_attacks_on_different_targets_stay_two(nlp, coder):
    text = "Ruritanian forces attacked Zenda. Ruritanian forces attacked Borduria."
    events = merge_document(code(nlp, coder, text), text)
    assert len([event for event in events if event.type == "ASSAULT"]) == 2


def test_acled_scoring_counts_no_event_as_a_miss(capsys):
    negated = {"events": [{"status": "negated", "acled": {"sub_event_type": "Attack"}}]}
    assert predicted_sub_type(negated) == "(no event)"
    macro = print_table(["Attack", "Arrests"], ["Attack", "(no event)"], list(SUB_EVENT_TYPES), "t")
    assert macro == pytest.approx(0.5)
    assert iso_date("9-May-20") == "2020-05-09"


def test_passive_and_nominal_roles(nlp, coder):
    curfew = only_type(code(nlp, coder, "A curfew was imposed in Zenda by Ruritania."), "COERCE")
    assert (curfew.actor.country, curfew.status) == ("RUR", "asserted")
    abduction = only_type(code(nlp, coder, "Zenda's abduction by Ruritania was condemned."), "ASSAULT")
    assert (abduction.actor.country, abduction.recipient.country) == ("RUR", "ZEN")
    detained = code(nlp, coder, "Ruritania said five Zendan citizens who were detained would appear in court.")
    assert [(e.type, e.mode) for e in detained if e.type == "COERCE"] == [("COERCE", "arrest")]


def test_advice_is_a_request_not_the_act_advised(nlp, coder):
    events = code(nlp, coder, "Ruritania advised Zenda to withdraw its troops.")
    assert [(e.type, e.recipient.country) for e in events] == [("REQUEST", "ZEN")]


def only_type(events, category):
    found = [event for event in events if event.type == category]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


# --- issue 14, slice 14n: what a consumer keeping `status = asserted` must not get ---
LEAD = "The Zendan president visited Ruritania. "  # a first sentence: what follows is the body of a report


def coded_as(nlp, coder, text: str, trigger: str) -> list[tuple[str, str]]:
    """(category, status) of the events the word `trigger` gives after the lead sentence."""
    start = len(LEAD) if text.startswith(LEAD) else 0
    events = code(nlp, coder, text)
    return [(e.type, e.status) for e in events if e.trigger.text == trigger and e.trigger.start >= start]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # questions asked, not requests made
        (LEAD + "When asked about the border, the Ruritanian minister smiled.", "asked"),
        (LEAD + "Asked whether Zenda would withdraw, the Ruritanian minister said nothing.", "Asked"),
        # figurative and idiomatic uses
        (LEAD + "The Ruritanian decision was met with outrage by Zenda.", "met"),
        (LEAD + "The Ruritanian minister called in sick on Monday.", "called"),
        (LEAD + "The Ruritanian ambassador was released from hospital on Monday.", "released"),
        (LEAD + "The new rules free Ruritania from the burden of paying Zenda.", "free"),
        (LEAD + "It was the clearest demonstration of the fact that Ruritania and Zenda are close.", "demonstration"),
        (LEAD + "This was demonstrated by the Ruritanian decision on Zenda.", "demonstrated"),
        (LEAD + "The Ruritanian family's fragile truce with Zenda collapsed.", "truce"),
        (LEAD + "The Ruritanian minister felt threatened by Zenda.", "threatened"),
        # speech about speech, opinion, everyday chat
        (LEAD + "A Ruritanian spokesman, speaking on condition of anonymity, said Zenda was calm.", "speaking"),
        (LEAD + "A Ruritanian official, speaking to reporters, said Zenda was calm.", "speaking"),
        (LEAD + "The Ruritanian minister declined to elaborate on the plan for Zenda.", "declined"),
        (LEAD + "Polls show public support for Zenda rising in Ruritania.", "support"),
        (LEAD + "The Ruritanian mayor chatted and talked with her customers in Zenda.", "talked"),
        # habits, rules and standing facts told in the present
        (LEAD + "The Ruritanian minister sometimes talks to Zendan officials.", "talks"),
        (LEAD + "Zendan migrants are detained in overcrowded cells in Ruritania.", "detained"),
        (LEAD + "The new Ruritanian office allows Zendan traders to file papers online.", "allows"),
        (LEAD + "The Ruritanian fair is supported by the Zendan police.", "supported"),
        # a question after a quote, people named by a participle, pleas, documents, figurative targets
        (LEAD + '"Why now?" the Ruritanian minister asked.', "asked"),
        (LEAD + "The police could not identify an accused in Zenda.", "accused"),
        (LEAD + "Three Zendan men have pleaded not guilty to murder in Ruritania.", "pleaded"),
        (LEAD + "The Ruritanian plan still calls for Zenda to sell its ports.", "calls"),
        (LEAD + "The rape case against the Ruritanian officer was withdrawn in Zenda.", "withdrawn"),
        (LEAD + "The Ruritanian suspect signed a confession in Zenda.", "signed"),
        (LEAD + "This is an assault not only on Zendan doctors but on the rights of all Ruritanians.", "assault"),
        (LEAD + '"Zenda must not have written the letter," said a Ruritanian spokesman.', "said"),
        (LEAD + '"We think this is a superior deal," said a Ruritanian investor.', "deal"),
        (LEAD + "The Ruritanian police said it did not appear that anyone else was injured in Zenda.", "injured"),
        (LEAD + "Ten Zendan migrants died when their boat sank off Ruritania.", "died"),
        (LEAD + "The Ruritanian journalist is committed to asking the hard questions of Zenda.", "asking"),
        (LEAD + "The Zendan leader says the push east signifies a rejection of Ruritania.", "rejection"),
        (LEAD + "The rabbi said Ruritanians are prohibited from killing one another.", "killing"),
        # the headline of another story linked from the page
        (LEAD + "Read more: Zenda expelled Ruritanian diplomats last year.", "expelled"),
    ],
)
def test_non_acts_are_not_coded(nlp, coder, text, trigger):
    coded = coded_as(nlp, coder, text, trigger)
    assert coded == [], coded


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (LEAD + "The Zendan refugees face the threat of detention and deportation by Ruritania.", "detention"),
        (LEAD + "The Ruritanian envoy may have been trying to impress Zenda by attacking the rebels.", "attacking"),
        (LEAD + "Critics wondered why Zenda is not made to allow Ruritanian observers in.", "allow"),
        (LEAD + "The Ruritanian minister has not visited Zenda.", "visited"),
        (LEAD + "The Ruritanian envoys were not able to meet Zendan officials.", "meet"),
        (LEAD + '"Avoid being used by Zendan agents to attack Ruritania," the minister said.', "attack"),
        (LEAD + "The Ruritanian army limited the rebels' capacity to launch attacks on Zenda.", "attacks"),
        (LEAD + "The Zendan convoy was likely to be attacked by Ruritania.", "attacked"),
        (LEAD + "Ruritania sought to show support for Zenda.", "support"),
        (LEAD + "It is the ideal location to host a Zendan summit.", "host"),
        (LEAD + "The Ruritanian expo will gather Zendan experts to discuss trends.", "discuss"),
        (LEAD + '"Zenda has the right to defend itself against Ruritania," he said.', "defend"),
        (LEAD + '"The Ruritanian president has no support here now."', "support"),
        (LEAD + "The rabbi called the talk about killing the Zendan president nonsense.", "killing"),
        (LEAD + "She said that she looked forward to visiting Zenda.", "visiting"),
        (LEAD + "The Ruritanian and Zendan governments are to agree border controls this year.", "agree"),
        (LEAD + "The Ruritanian office has the power to investigate Zendan officials.", "investigate"),
        (LEAD + "Ruritanians want to meet Zendan officials without being required to surrender the boy.", "surrender"),
    ],
)
def test_possibilities_questions_and_negations_are_not_asserted(nlp, coder, text, trigger):
    coded = coded_as(nlp, coder, text, trigger)
    assert all(status != "asserted" for _, status in coded), coded
    assert all(category != "REJECT" for category, _ in coded), coded  # not doing is no refusal


@pytest.mark.parametrize(
    ("text", "category", "trigger"),
    [
        ("Ruritania asked Zenda to release the prisoners.", "REQUEST", "asked"),
        ("Ruritania asked Zenda for help.", "REQUEST", "asked"),
        ("The Ruritanian president met with Zendan leaders.", "CONSULT", "met"),
        ("Ruritania released the Zendan prisoners from jail.", "RETREAT", "released"),
        ("Ruritanian students held a demonstration against Zenda.", "PROTEST", "demonstration"),
        ("Ruritanian police arrest two Zendan activists.", "COERCE", "arrest"),  # a present-tense headline
        (LEAD + "Ruritanian police arrested two Zendan activists on Monday.", "COERCE", "arrested"),
        (LEAD + "Ruritanian soldiers routinely beat Zendan detainees, a court was told.", "ASSAULT", "beat"),
        (LEAD + "Ruritania accuses Zenda of shelling the border.", "ACCUSE", "accuses"),
        (LEAD + "Ruritania will not meet Zenda.", "REJECT", "meet"),
        (LEAD + "Ruritania did not sign the treaty with Zenda.", "REJECT", "sign"),
        (LEAD + "Ruritania said Zenda must withdraw its troops.", "REQUEST", "said"),
        ("Ruritania asked Zenda's help with the refugees.", "REQUEST", "asked"),
        ("Ruritania signed a treaty with Zenda.", "SUPPORT", "signed"),
        (LEAD + "Ruritanian police stopped the protesters from marching to the Zendan embassy.", "PROTEST", "marching"),
        (LEAD + "Ruritanian troops attacked Zenda without warning.", "ASSAULT", "attacked"),
        (LEAD + "Zenda protested the Ruritanian decision to deploy troops at the border.", "MOBILIZE", "deploy"),
        (LEAD + "The Zendan senate passed a resolution calling for talks with Ruritania.", "REQUEST", "calling"),
        (LEAD + "Zendan imports will continue to be banned in Ruritania.", "COERCE", "banned"),
        (LEAD + "More Ruritanian troops attacked Zenda on Monday.", "ASSAULT", "attacked"),
        ("The Ruritanian delegation withdrew from the Zendan town.", "RETREAT", "withdrew"),
    ],
)
def test_real_acts_beside_those_patterns_stay_asserted(nlp, coder, text, category, trigger):
    coded = coded_as(nlp, coder, text, trigger)
    assert (category, "asserted") in coded, coded


def status_of(nlp, coder, text: str, trigger: str, published_at=None) -> str:
    told = [event for event in code(nlp, coder, text, published_at=published_at) if event.trigger.text == trigger]
    assert told, [(event.type, event.trigger.text) for event in code(nlp, coder, text, published_at=published_at)]
    return told[0].status


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # no publication date: the latest year the article names stands for the report's
        ("In 1998, Ruritanian troops invaded Zenda. The two countries signed a treaty in 2016.", "invaded"),
        ("Ruritania recalled the 1999 invasion of Zenda. Talks resumed in 2017.", "invasion"),
        ("Ruritania's president met Zendan leaders in 2003 and signed a trade deal. Talks failed in 2012.", "signed"),
    ],
)
def test_an_act_dated_by_an_earlier_year_is_history(nlp, coder, text, trigger):
    assert status_of(nlp, coder, text, trigger) == "historical"


def test_an_act_dated_to_the_day_in_the_latest_year_stays_asserted(nlp, coder):
    text = "Ruritanian troops invaded Zenda on 12 May 2016. The 1998 treaty was broken."
    assert status_of(nlp, coder, text, "invaded") == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian minister declined to discuss details of the Zendan plan.",
        "A Zendan spokesman refused to say whether Ruritania had been warned.",
        "The Ruritanian candidate addressed a campaign rally in the Zendan capital.",
        "Thousands of Ruritanians attended an election-eve rally in the Zendan capital.",
        "Thousands attended a rally for the Ruritanian party's presidential candidate in Zenda.",
        "The Ruritanian candidate visited the Zendan capital on Tuesday to court voters.",
        "The Ruritanian supreme court struck down the Zendan ban on Monday.",
        "The airline suspended all its flights to the Zendan capital.",
        "Ruritania's new missiles can destroy Zendan warships.",
        "The Zendan air defence system is able to intercept Ruritanian missiles.",
        "A Zendan interviewer asked the Ruritanian minister how to end the crisis.",
        '"No one should doubt our resolve," the Ruritanian president said.',
        '"A child should be with his parents," the Zendan minister said.',
    ],
)
def test_press_refusals_rallies_capabilities_and_maxims_are_no_asserted_act(nlp, coder, text):
    asserted = [event for event in code(nlp, coder, text) if event.status == "asserted"]
    assert asserted == [], [(e.type, e.trigger.text) for e in asserted]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ruritania refused to discuss a ceasefire with Zenda.", "REJECT"),
        ("Zendan students rallied against the Ruritanian campaign of arrests.", "PROTEST"),
        ("Zendan students held a rally for the release of the Ruritanian candidate.", "PROTEST"),
        ("The Ruritanian president visited Zenda on Tuesday for talks.", "CONSULT"),
        ("Ruritanian troops struck down the Zendan fighters.", "ASSAULT"),
        ("Ruritania suspended flights to Zenda on Tuesday.", "SANCTION"),
        ("Ruritanian troops were able to destroy the Zendan bridge.", "ASSAULT"),
        ('"Zenda should withdraw its troops," the Ruritanian president said.', "REQUEST"),
    ],
)
def test_a_refusal_between_parties_and_an_ability_used_stay_acts(nlp, coder, text, category):
    assert only(code(nlp, coder, text), category).status == "asserted"


def test_a_modal_on_the_first_verb_of_a_coordination_leaves_a_finite_second_one_alone(nlp, coder):
    text = "The Zendan ministry said it could not comment on the case but noted that police had arrested two men."
    assert status_of(nlp, coder, text, "arrested", published_at=date(2025, 6, 1)) == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "Perhaps Ruritanian soldiers killed them in Zenda.",
        "Officials in Zenda believe Ruritanian troops attacked the village.",
        "The Zendan justice ministry is working to seize the assets of Ruritania.",
        "The Ruritanian minister is considering urging Zenda to withdraw its troops.",
        "Any decision to expel Ruritania must be agreed by Zenda.",
        "Ruritania sees no hope for talks until sanctions force Zenda to withdraw its army.",
        '"If you put a group of saints in this camp, they will end up fighting," the Zendan official said.',
    ],
)
def test_guessed_or_pending_acts_are_not_asserted(nlp, coder, text):
    told = code(nlp, coder, text)
    assert told and all(event.status == "hypothetical" for event in told), [(e.type, e.status) for e in told]


@pytest.mark.parametrize(
    "text",
    [
        "It is far more difficult to attack a state than to kill an individual in Zenda.",
        "Asking Zendan lawmakers to vote on the plan is like polling billionaires.",
        "Eight Ruritanian suspects are in custody in Zenda, police said.",
        "Ruritania has often collaborated with Zenda in recent years.",
        "By 2020 the number imprisoned in Zenda had dropped to 22,000.",
        "The Ruritanian relatives have fought to keep the boy in Zenda.",
        "The Zendan officials, who requested anonymity, spoke on Monday.",
        "The Zendan government called the delay another concession to Ruritania.",
        "Ruritania treasured the traditional friendship and efficient cooperation with Zenda.",
        "Ruritania still recognizes the British monarch as its head of state.",
        "The Zendan psychologist agrees.",
        "The militants talked about the importance of striking Zenda.",
        "Ruritania has questioned the merit of deploying troops in Zenda.",
        "Three Zendan groups should take the leading role in fighting the Ruritanian rebels.",
        "The Zendan newspaper stressed the need for an independent investigation into the Ruritanian raid.",
        "Violence obscures any message of peaceful protest, the Zendan minister said.",
        "The Zendan premier said Zenda still faces challenges, including destroying Ruritanian rebel cells.",
        "The Ruritanian president is striking a blow for the principle that might does not make right.",
    ],
)
def test_judgements_states_records_and_tallies_are_no_acts(nlp, coder, text):
    assert [(e.type, e.trigger.text) for e in code(nlp, coder, text) if e.status == "asserted"] == []


def test_the_acts_beside_them_stay_asserted(nlp, coder):
    for text in (
        "Police in Zenda arrested eight Ruritanian suspects on Monday.",
        "Police said Ruritanian troops attacked Zenda on Monday.",
        "Zendan police detained eight Ruritanian suspects on Monday.",
        "A Ruritanian man is in custody after pointing a gun at Zendan police on Monday.",
        "Ruritanian troops tried to storm the parliament of Zenda on Monday.",
        "Ruritania collaborated with Zenda on the inquiry last week.",
        "Ruritanian troops fought in the city until Zendan police arrived.",
        "Ruritania and Zenda agreed on Monday.",
        "Zendan police struck the protesters with batons on Monday.",
        "Ruritanian troops went to fight in Zenda on Monday.",
        "On 9 May, suspected Ruritanian militants killed six civilians in Zenda.",
        "The Ruritanian president talked with Zenda about the crisis on Monday.",
        "The Ruritanian commander played a key role in the attack on the Zendan embassy on Monday.",
    ):
        told = code(nlp, coder, text)
        assert any(event.status == "asserted" for event in told), (text, [(e.type, e.status) for e in told])


@pytest.mark.parametrize(
    "text",
    [
        "The Zendan court neither approves nor disapproves the decision of Ruritania.",
        "Ruritania is not going to let Zenda massacre people with impunity.",
        "I do not know enough to really discuss it with Zenda.",
        "There is not space here to discuss the Ruritanian proposal with Zenda.",
    ],
)
def test_negation_reaches_the_act(nlp, coder, text):
    told = code(nlp, coder, text)
    assert told and all(event.status == "negated" for event in told), [(e.type, e.status) for e in told]


@pytest.mark.parametrize(
    "text",
    [
        "Zenda said it will begin withdrawing troops from Ruritania on Friday.",
        "Ruritania made visits with the aim of allowing Zenda to play a role.",
        '"We are going to fight them," the Ruritanian commander said of the Zendan rebels.',
        "The Ruritanian leader says he and Zenda will stand together on arresting the terrorists.",
    ],
)
def test_an_act_begun_in_the_future_or_aimed_at_is_future(nlp, coder, text):
    acts = ("withdrawing", "allowing", "fight", "arresting")
    told = [event for event in code(nlp, coder, text) if event.trigger.text in acts]
    assert told and all(event.status == "future" for event in told), [(e.type, e.status) for e in told]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a fight over a stake that is no ground, or a contest of words or votes
        (LEAD + "Ruritania's biggest bank won the takeover battle for the Zendan insurer.", "takeover battle"),
        (LEAD + "The two Ruritanian firms are locked in a fierce battle for the shares of a Zendan insurer.", "battle"),
        (LEAD + "The rival Ruritanian parties fought a bitter battle over the nomination.", "fought"),
        (LEAD + "The Ruritanian senator attacked the Zendan president during the televised debate.", "attacked"),
        (LEAD + "In a speech on Monday, the Ruritanian president attacked the Zendan prime minister.", "attacked"),
        (LEAD + "The Ruritanian president launched an attack on the Zendan leader in an interview.", "attack"),
        (LEAD + "The Ruritanian ruling party beat the Zendan opposition in the election.", "beat"),
        (LEAD + "The two Ruritanian parties are locked in a battle for public opinion in Zenda.", "battle"),
        (LEAD + "The Ruritanian defense spending battle dragged on for months.", "spending battle"),
        (LEAD + "The Ruritanian senator viciously attacked the Zendan president verbally.", "attacked"),
        (LEAD + "The Ruritanian prime minister clashed with members of his own cabinet over Zenda.", "clashed"),
        (LEAD + "The Ruritanian opposition said Zendan trade practices have destroyed Ruritanian jobs.", "destroyed"),
        (LEAD + "The Ruritanian data support the theory of a Zendan economist.", "support"),
        (LEAD + "There is no evidence to support the Zendan claim about Ruritania.", "support"),
        # a word of the act used for something else: a withdrawal, a duty, tensions eased
        (LEAD + "Ruritania is backing out of the agreement with Zenda.", "backing"),
        (LEAD + "The Ruritanian general was charged with overseeing the reconstruction of Zenda.", "charged"),
        (LEAD + "The Ruritanian officer was charged with the task of protecting Zendan refugees.", "charged"),
        (LEAD + "The Ruritanian governor worked on defusing tensions with Zenda.", "defusing"),
        # a trigger noun naming a kind of thing; deaths in an accident
        (LEAD + "Ruritania sent support ships to the coast of Zenda.", "support"),
        (LEAD + "Ruritania bought attack helicopters from Zenda.", "attack"),
        (LEAD + "Four Zendan fishermen died when their boat capsized off Ruritania.", "died"),
    ],
)
def test_contests_duties_and_accidents_are_no_acts(nlp, coder, text, trigger):
    coded = coded_as(nlp, coder, text, trigger)
    assert coded == [], coded


@pytest.mark.parametrize(
    ("text", "category", "trigger"),
    [
        (LEAD + "The Ruritanian army fought a fierce battle with Zendan rebels over the town.", "ASSAULT", "fought"),
        (LEAD + "Ruritanian gunmen killed five Zendan farmers in a fight over land.", "ASSAULT", "killed"),
        (LEAD + "Ruritanian troops attacked a Zendan village hours after the televised debate.", "ASSAULT", "attacked"),
        (LEAD + "Ruritanian gunmen attacked a polling station in Zenda during the election.", "ASSAULT", "attacked"),
        (LEAD + "Rebels fired a rocket at a Zendan boat, killing four people before it sank.", "ASSAULT", "fired"),
        (LEAD + "The Ruritanian general was charged with murdering three Zendan villagers.", "ACCUSE", "charged"),
        (LEAD + "Ruritania backed the Zendan government's plan.", "SUPPORT", "backed"),
        (LEAD + "Ruritanian soldiers defused a bomb planted by Zendan rebels.", "COERCE", "defused"),
        (LEAD + "Ruritanian police clashed with Zendan protesters outside the embassy.", "ASSAULT", "clashed"),
        (LEAD + "Ruritanian soldiers attacked their own commander in Zenda.", "ASSAULT", "attacked"),
        (
            # a clash between police and a crowd is a riot (decide.py `act_by_doer`); it stays an act
            LEAD + "Post-election clashes between Ruritanian police and Zendan protesters left two dead.",
            "PROTEST",
            "-election clashes",
        ),
        (LEAD + "Ruritanian police clashed with Zendan protesters over the election results.", "ASSAULT", "clashed"),
        (LEAD + "Ruritanian troops fought Zendan rebels for control of the market town.", "ASSAULT", "fought"),
        (LEAD + "The Ruritanian parliament voted to support the Zendan government.", "SUPPORT", "support"),
    ],
)
def test_real_fights_charges_and_backing_stay_acts(nlp, coder, text, category, trigger):
    coded = coded_as(nlp, coder, text, trigger)
    assert (category, "asserted") in coded, coded


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a readiness named, supposed or held by nobody in particular; an outcome only foreseen
        (LEAD + "Few Ruritanian shopkeepers are willing to serve the Zendan migrants.", "willing"),
        (LEAD + "Analysts doubt that Ruritania would be willing to help Zenda.", "willing"),
        (LEAD + "The vote raises questions about Ruritania's willingness to support Zenda.", "support"),
        (LEAD + "Given Ruritania's eagerness to support the Zendan government, the vote was a surprise.", "support"),
        (LEAD + "The Ruritanian president said he is optimistic that a deal with Zenda can be reached.", "deal"),
    ],
)
def test_kinds_names_and_mere_attitudes_are_no_acts(nlp, coder, text, trigger):
    coded = coded_as(nlp, coder, text, trigger)
    assert coded == [], coded


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (LEAD + "Ruritania expressed its willingness to support the Zendan government.", "support"),
        (LEAD + "The Ruritanian president said he was willing to meet the Zendan leader.", "willing"),
        (LEAD + "The Ruritanian government said it stands ready to negotiate with Zenda.", "negotiate"),
    ],
)
def test_a_readiness_stated_by_its_holder_stays_an_intent(nlp, coder, text, trigger):
    coded = coded_as(nlp, coder, text, trigger)
    assert coded and coded[0][0] == "AGREE", coded


@pytest.mark.parametrize(
    ("text", "word", "a_kind"),
    [
        ("Ruritania sent support ships to Zenda.", "support", True),
        ("The Zendan relatives could drop the asylum request.", "asylum", True),
        ("The United States Justice Department charged him.", "Justice", True),
        ("The Ruritanian bombing victims were flown to Zenda.", "bombing", False),
        ("Ruritanian troops attacked Zenda.", "attacked", False),
        ("Ruritania sent support to Zenda.", "support", False),
    ],
)
def test_an_act_word_modifying_a_noun_or_inside_a_name_names_a_kind(nlp, text, word, a_kind):
    from types import SimpleNamespace

    from eventwire.extract.events.nonevents import names_a_kind

    token = next(t for t in nlp(text) if t.text == word)
    trigger = SimpleNamespace(token=token, nominal=token.pos_ in ("NOUN", "PROPN"))
    assert names_a_kind(SimpleNamespace(trigger=trigger), load_lexicon()) is a_kind


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (LEAD + "Ruritania should release all the Zendan prisoners.", "release"),
        (LEAD + "He should never have been arrested or prosecuted by Ruritania.", "prosecuted"),
        (LEAD + "Any plan to expel Zendan diplomats must be agreed by the Ruritanian parliament.", "agreed"),
        (LEAD + "The Zendan rebels must not be allowed to succeed in Ruritania.", "allowed"),
    ],
)
def test_what_must_or_should_be_done_is_no_act(nlp, coder, text, trigger):
    coded = coded_as(nlp, coder, text, trigger)
    assert coded == [], coded


def test_who_says_it_must_be_done_still_requests_it(nlp, coder):
    told = events_of(nlp, coder, LEAD + "Zenda said Ruritania must release the prisoners.")
    assert ("REQUEST", "said") in told, told


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Ruritania said it was going to fight it.",
        LEAD + "Ruritanian firefighters battled the flames near the Zendan border.",
    ],
)
def test_a_fight_against_a_thing_is_no_combat(nlp, coder, text):
    told = events_of(nlp, coder, text)
    assert not [word for _, word in told if word in ("fight", "battled")], told


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Ruritanian troops fought Zendan rebels near the border.",
        LEAD + "Ruritanian troops fought a fierce battle with Zendan rebels.",
    ],
)
def test_a_fight_against_a_party_stays_combat(nlp, coder, text):
    assert ("ASSAULT", "fought") in events_of(nlp, coder, text)


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Ruritania and Zenda agreed that the situation in the region is dangerous.",
        LEAD + "Both Ruritania and Zenda agree that the crisis requires a political solution.",
    ],
)
def test_agreeing_that_things_are_so_is_a_view_not_an_accord(nlp, coder, text):
    assert "AGREE" not in [kind for kind, _ in events_of(nlp, coder, text)]


def test_agreeing_that_something_will_be_done_is_an_accord(nlp, coder):
    told = events_of(nlp, coder, LEAD + "Ruritania and Zenda agreed that their troops would withdraw from the border.")
    assert ("AGREE", "agreed") in told, told


def test_a_threat_made_is_asserted_and_one_to_come_is_future(nlp, coder):
    made = [(e.type, e.status) for e in code(nlp, coder, LEAD + "Ruritania vowed on Friday to attack Zenda.")]
    assert ("THREATEN", "asserted") in made, made
    to_come = [(e.type, e.status) for e in code(nlp, coder, LEAD + "Ruritania will attack Zenda.")]
    assert ("THREATEN", "future") in to_come, to_come


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "A gas explosion at a Ruritanian mine killed 20 workers.",
        LEAD + "Ruritania's biggest bank attacked the Zendan insurer's bid in court filings.",
    ],
)
def test_industrial_accidents_and_business_contests_are_no_assault(nlp, coder, text):
    assert "ASSAULT" not in [kind for kind, _ in events_of(nlp, coder, text)]


def test_fire_opened_on_people_stays_an_assault(nlp, coder):
    told = events_of(nlp, coder, LEAD + "Ruritanian police opened fire on Zendan protesters, killing one person.")
    assert "ASSAULT" in [kind for kind, _ in told], told


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (LEAD + "The Zendan family now faces the threat of detention in Ruritania.", "detention"),
        (LEAD + "Ruritania has practically no means of pressuring Zenda.", "pressuring"),
        (LEAD + "There is no record of a Ruritanian air strike on Zenda on that day.", "air strike"),
    ],
)
def test_an_act_faced_or_lacked_as_a_possibility_is_none(nlp, coder, text, trigger):
    coded = coded_as(nlp, coder, text, trigger)
    assert coded == [], coded


def test_a_possibility_put_forward_stays_hypothetical(nlp, coder):
    coded = coded_as(nlp, coder, LEAD + "Ruritania held out the prospect of more aid to Zenda.", "aid")
    assert coded == [("AID", "hypothetical")], coded


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (LEAD + "Zendan growth reflects positive and self-reinforcing economic forces.", "reinforcing"),
        (LEAD + "The Ruritanian manufacturing sector is going to start getting beat up next year.", "beat up"),
        (LEAD + "Lower rates have allowed Zendan firms to keep investing in machines.", "allowed"),
        (LEAD + "Keeping Ruritanian ferries safe requires coordination across the whole fleet.", "coordination"),
        (LEAD + "The Zendan poet has had no contact with the outside world since 2019.", "contact"),
        (LEAD + "The 1990 resolution calls for the deployment of Ruritanian troops along the river.", "deployment"),
        (LEAD + "The 1990 resolution calls for the deployment of Ruritanian troops along the river.", "calls"),
        (LEAD + "In a statement released after the vote, Zenda thanked its voters.", "released"),
        (LEAD + "Most of these old land disputes have been fought in the courts.", "fought"),
        (LEAD + "The demand for workers led Zendan employers to raise wages.", "demand"),
        (LEAD + "The Zendan sergeant was brave and ever ready for more.", "ready"),
        (LEAD + "Weak Ruritanian economies will lead to decreased demand for Zendan exports.", "demand"),
    ],
)
def test_economy_requirements_lacks_document_content_are_no_acts(nlp, coder, text, trigger):
    coded = coded_as(nlp, coder, text, trigger)
    assert coded == [], coded


@pytest.mark.parametrize(
    ("text", "trigger", "category"),
    [
        (LEAD + "Ruritanian rebels fought Zendan troops near the river.", "fought", "ASSAULT"),
        (LEAD + "Ruritania said it was ready to negotiate with Zenda.", "ready", "AGREE"),
        (LEAD + "The Zendan envoy is ready at a moment's notice to come to Ruritania, he said.", "ready", "AGREE"),
        (LEAD + "Ruritania requested the deployment of Zendan troops along the river.", "requested", "REQUEST"),
        (LEAD + "The Zendan protesters' demand for his release was rejected by Ruritania.", "demand", "REQUEST"),
    ],
)
def test_acts_of_parties_stay(nlp, coder, text, trigger, category):
    assert category in [kind for kind, _ in coded_as(nlp, coder, text, trigger)]


# Session 16's classes: each case a state, a venue, commentary, a trend or a forecast (no event of the category),
# beside the act of the same words that stays.
SESSION_16_NON_ACTS = [
    ("The Zendan fighters lack ammunition and outside support.", ("SUPPORT", "AID")),
    ("The Ruritanian government remains dependent on the support of Zendan militias.", ("SUPPORT", "AID")),
    ("The Zendan rebels rely on the backing of Ruritania.", ("SUPPORT", "AID")),
    ("Ruritania has not answered questions about its alleged support to the Zendan rebels.", ("SUPPORT", "AID")),
    ("The Zendan demonstrators had international support.", ("SUPPORT", "AID")),
    ("The Zendan candidate speaks during a rally in the capital on Monday.", ("PROTEST",)),
    ("The Zendan president told a rally in the capital on Monday that the economy was growing.", ("PROTEST",)),
    ("Experts said Ruritania must do more to help Zenda.", ("REQUEST",)),
    ('"We must commit ourselves to both goals," the Zendan minister said.', ("REQUEST",)),
    ("Rising attacks on Zendan journalists worry Ruritania.", ("ASSAULT",)),
    ("The result was a sharp increase in attacks on Zendan mosques.", ("ASSAULT",)),
    ("Zendan aid groups warned last week that the food stocks will run out.", ("THREATEN",)),
    ("Ruritanian officials warned that the crisis would deepen.", ("THREATEN",)),
]
SESSION_16_ACTS = [
    ("Ruritanian officials expressed their support for the Zendan army on Monday.", ("SUPPORT", "AID")),
    ("The Zendan reporters have received widespread support from Ruritania.", ("SUPPORT", "AID")),
    ("Ruritania announced new aid for Zenda on Friday.", ("SUPPORT", "AID")),
    ("The Zendan opposition leader spoke at a rally against the electoral commission on Monday.", ("PROTEST",)),
    ("The Zendan opposition leader addressed an anti-government rally on Monday.", ("PROTEST",)),
    ("The Zendan president said Ruritania must withdraw its troops.", ("REQUEST",)),
    ('"You must release them," the Zendan minister told the Ruritanian envoy.', ("REQUEST",)),
    ("Ruritanian militants carried out repeated attacks on the Zendan base on Monday.", ("ASSAULT",)),
    ("On 6 May, shells fired by Ruritanian forces fell in a Zendan village.", ("ASSAULT",)),
    ("Zenda warned it would retaliate against any Ruritanian attack.", ("THREATEN",)),
    ("Zenda warned there would be consequences for Ruritania.", ("THREATEN",)),
]


@pytest.mark.parametrize(("text", "categories"), SESSION_16_NON_ACTS)
def test_support_held_a_speakers_rally_commentary_trends_and_forecasts_are_no_acts(nlp, coder, text, categories):
    assert [(e.type, e.trigger.text) for e in code(nlp, coder, text) if e.type in categories] == []


@pytest.mark.parametrize(("text", "categories"), SESSION_16_ACTS)
def test_support_given_a_protest_rally_demands_dated_attacks_and_threats_stay(nlp, coder, text, categories):
    assert any(e.type in categories for e in code(nlp, coder, text))


# Session 17: trigger senses that readers judged wrong in nearly every labelled use (progress as an accord, "lend"
# as a figure of speech, an office sworn into, reinforcing an idea, details or a glimpse "offered").
SESSION_17_NON_ACTS = [
    ("The Zendan and Ruritanian negotiators have made progress in the talks.", ("AGREE",)),
    ("The Ruritanian report lends credence to the Zendan claims.", ("AID",)),
    ("The Zendan president was sworn in for a second term on Thursday.", ("AGREE",)),
    ("The attack reinforced the view that Ruritania is unsafe.", ("MOBILIZE",)),
    ("The Zendan minister offered few details of the Ruritanian plan.", ("AGREE",)),
]
SESSION_17_ACTS = [
    ("Ruritania lent 2 billion dollars to Zenda on Monday.", ("AID",)),
    ("Ruritania lent its support to the Zendan army on Monday.", ("SUPPORT",)),
    ("The Zendan rebels swore to free the Ruritanian hostages.", ("AGREE",)),
    ("Ruritania reinforced its troops on the Zendan border on Monday.", ("MOBILIZE",)),
    ("Ruritania offered Zenda a loan on Monday.", ("AGREE",)),
]


@pytest.mark.parametrize(("text", "categories"), SESSION_17_NON_ACTS)
def test_progress_figures_of_speech_and_inaugurations_are_no_acts(nlp, coder, text, categories):
    assert [(e.type, e.trigger.text) for e in code(nlp, coder, text) if e.type in categories] == []


@pytest.mark.parametrize(("text", "categories"), SESSION_17_ACTS)
def test_loans_support_lent_vows_and_reinforcements_stay(nlp, coder, text, categories):
    assert any(e.type in categories for e in code(nlp, coder, text))


# Session 19: a warning is a threat only of the warner's own act (audits 15-21 judged the rest THREATEN wrongly):
# a party warned against an act is asked not to do it; a crisis, or harm another party would do, is forecast.
WARNINGS = [
    ("Zenda warned that it would cut off gas to Ruritania next month.", "THREATEN"),
    ("The Zendan rebel leader warned that his followers will storm the Ruritanian border.", "THREATEN"),
    ("Ruritania warned of retaliation against Zenda.", "THREATEN"),
    ("The Zendan minister warned Ruritania against going too far.", "REQUEST"),
    ("Zendan aid agencies are warning of a likely humanitarian crisis.", None),
    ("The Zendan president warned that a Ruritanian government would slash social benefits.", None),
]


@pytest.mark.parametrize(("text", "category"), WARNINGS)
def test_a_warning_threatens_only_the_warners_own_act(nlp, coder, text, category):
    warned = [e.type for e in code(nlp, coder, text) if e.trigger.text.startswith("warn")]
    assert warned == ([category] if category else []), warned


# Session 19: things released are no release; a striking resemblance strikes no one; volunteers mobilized, buildings
# evacuated and one soldier's tour of duty are no mobilization or aid. Beside them, releases of people, forces
# mobilized or deployed and people evacuated stay.
SESSION_19_NON_ACTS = [
    ("The Zendan commissioner released nearly 20 aid proposals on Monday.", "RETREAT"),
    ("The audio that was released by Zenda involved only Ruritanian warnings.", "RETREAT"),
    ("Zendan craftsmen have released a limited series of gold coins.", "RETREAT"),
    ("His resemblance to the Zendan president was striking.", "ASSAULT"),
    ("The Zendan campaign has mobilized 41,000 volunteers.", "MOBILIZE"),
    ("In Zenda the Ruritanian group has evacuated landmark buildings.", "AID"),
    ("He was deployed to Ruritania from November 2013 to July 2014.", "MOBILIZE"),
]
SESSION_19_ACTS = [
    ("Ruritanian rebels released 20 Zendan hostages on Monday.", "RETREAT"),
    ("The majority of the Zendan detainees were released on bail on Monday.", "RETREAT"),
    ("Ruritania mobilized 300,000 reservists on Wednesday.", "MOBILIZE"),
    ("Zendan soldiers evacuated 200 Ruritanian civilians from the town on Monday.", "AID"),
    ("Ruritania deployed 10,000 troops to the Zendan border on Monday.", "MOBILIZE"),
]


@pytest.mark.parametrize(("text", "category"), SESSION_19_NON_ACTS)
def test_things_released_volunteers_mobilized_and_one_tour_of_duty_are_no_acts(nlp, coder, text, category):
    assert category not in [e.type for e in code(nlp, coder, text) if e.status == "asserted"]


@pytest.mark.parametrize(("text", "category"), SESSION_19_ACTS)
def test_people_released_and_deaths_by_violence_stay(nlp, coder, text, category):
    assert category in [e.type for e in code(nlp, coder, text)]


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        (
            "Also Sunday, the bodies of 40 people thought to be migrants were discovered on beaches near the city.",
            False,
        ),
        ("At least 2,349 have died making the journey, the agency said.", False),
        ("His mother died trying to get the boy to Zenda.", False),
        ("Eleven people died in the blast in the Zendan capital on Monday.", True),
        ("Two soldiers died in the fighting in the Zendan capital on Monday.", True),
        ("Zendan jets bombed the village of Kopere on Monday. Two farmers died.", True),
        ("Two are dead near the Zendan trading centre over a land dispute. Violence continued in the area.", True),
        ("Elian has been the subject of an international custody battle. His mother died at home.", False),
        ("Two Zendan soldiers were killed in Ruritania on Monday.", True),
    ],
)
def test_deaths_are_an_attack_only_when_told_with_violence(pipeline, text, attack):
    assert any(e["type"] == "ASSAULT" for e in pipeline.extract(text)["events"]) == attack


@pytest.mark.parametrize(
    ("text", "concession"),
    [
        ("The Zendan commanders said they had pulled back to allow Ruritanian forces to move forward.", False),
        ("There are no safe routes in place to allow people to escape, the Zendan aid group said.", False),
        ("Ruritania has given the Zendan movement new life, allowing liberals and Islamists to unite.", False),
        ("The Zendan minister allowed the Ruritanian opposition leader to hold a rally on Friday.", True),
    ],
)
def test_a_permission_told_as_a_purpose_or_effect_is_no_concession(nlp, coder, text, concession):
    assert ("CONCEDE" in [e.type for e in code(nlp, coder, text)]) == concession


@pytest.mark.parametrize(
    ("text", "support"),
    [
        ("Some 700 Ruritanian troops had crossed into Zenda that day to back up rebel forces.", False),
        ("The Zendan candidate spoke on the campaign trail to persuade Ruritanian voters to support him.", False),
        ("Ruritania continues to arm and support the Zendan rebels, an official said.", False),
        ("The Zendan report includes video recordings made by survivors to support much of the testimony.", False),
        ("Thousands of Ruritanians turned out to support the Zendan president as he arrived at the court.", True),
        ("Backing the Ruritanian report, the Zendan envoy said rights had declined.", True),
        ("Ruritania supported the Zendan plan on Monday.", True),
    ],
)
def test_support_as_a_purpose_or_a_standing_stance_is_no_act(nlp, coder, text, support):
    assert ("SUPPORT" in [e.type for e in code(nlp, coder, text)]) == support


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("At least 2,590 Zendan civilians have been killed by Ruritanian strikes since 2014.", False),
        ("Ruritanian chemical weapons have killed hundreds of Zendans since the start of the conflict.", False),
        ("Ruritanian bombers killed more than 1,000 Zendans between June 2014 and April 2016.", False),
        ("About 80 Zendan civilians have been killed by Ruritanian troops since July.", True),
        ("Ruritanian militants killed five Zendan soldiers on Monday.", True),
    ],
)
def test_deaths_counted_over_years_are_a_tally(pipeline, text, attack):
    assert any(e["type"] == "ASSAULT" for e in pipeline.extract(text)["events"]) == attack


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Zendan militias have vowed revenge for the execution of the Ruritanian cleric.", "THREATEN"),
        ("The Zendan rebels vowed retaliation against Ruritania.", "THREATEN"),
        ("The Zendan president vowed to rebuild the city.", "AGREE"),
        ("The Zendan suspect swore at the Ruritanian officer.", None),
    ],
)
def test_force_vowed_is_a_threat_and_swearing_at_someone_no_promise(nlp, coder, text, category):
    vowed = [e.type for e in code(nlp, coder, text) if e.trigger.text in ("vowed", "swore")]
    assert vowed == ([category] if category else []), vowed
