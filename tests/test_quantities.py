"""Counts of people (eventwire.extract.quantities) and the casualties evaluation, on invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.context import DocContext
from eventwire.evaluate.casualties import event_value, within_tolerance
from eventwire.extract.quantities import CountExtractor, EventCounter
from eventwire.extract.quantities.numbers import find_numbers
from eventwire.model import Count, DocResult, Document, Event, Evidence, Span


@pytest.fixture(scope="module")
def extractor():
    return CountExtractor()


@pytest.fixture(scope="module")
def counter():
    return EventCounter()


def make_ctx(nlp, text: str) -> DocContext:
    document = Document(id="t", text=text)
    return DocContext(document, nlp(text), DocResult(doc_id="t"))


def counts_in(nlp, extractor, text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    ctx = make_ctx(nlp, text)
    extractor(ctx)
    return [(q.kind, q.low, q.best, q.high) for q in ctx.result.quantities]


def event_at(text: str, trigger: str, type_: str, event_id: str = "e1") -> Event:
    start = text.index(trigger)
    return Event(
        id=event_id,
        type=type_,
        trigger=Span(trigger, start, start + len(trigger)),
        evidence=Evidence(text, 0, len(text)),
    )


# --- numbers ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("There were twenty-one of them.", (21, 21, 21)),
        ("There were 1,200 of them.", (1200, 1200, 1200)),
        ("There were two hundred and fifty of them.", (250, 250, 250)),
        ("There were two dozen of them.", (24, 24, 24)),
        ("There were at least 12 of them.", (12, 12, None)),
        ("There were up to 30 of them.", (None, 30, 30)),
        ("There were about 40 of them.", (None, 40, None)),
        ("There were 10 to 15 of them.", (10, 10, 15)),
        ("There were between 6 and 8 of them.", (6, 6, 8)),
        ("There were dozens of them.", (24, None, None)),
        ("There were a handful of them.", (3, None, 5)),
        ("There were a dozen of them.", (12, 12, 12)),
        ("There were eleven (11) of them.", (11, 11, 11)),
        ("There were over a hundred of them.", (100, 100, None)),
        ("There were a hundred thousand of them.", (100000, 100000, 100000)),
    ],
)
def test_number_values(nlp, text, value):
    (number,) = find_numbers(nlp(text))
    assert (number.low, number.best, number.high) == value


# --- counts ---------------------------------------------------------------------------------------------------


def test_strike_sentence_dead_and_vague_wounded(nlp, extractor):
    text = (
        "A drone strike on the city of Tarnovo, over 1,000 kilometres from the front, "
        "left three people dead and dozens wounded after a 12-day lull."
    )
    assert counts_in(nlp, extractor, text) == [("dead", 3, 3, 3), ("injured", 24, None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "The convoy drove over 1,000 kilometres to the border.",
        "The truce ended a 12-day conflict between the two states.",
        "The war has killed tens of thousands of people since 2011.",
        "Rebels have killed 300 people so far this year.",
        "Gunmen attacked the town, resulting in unspecified casualties.",
        "A 25-year-old trader paid 500 dollars in 2019.",
        "No one was killed, although the blast could have killed hundreds.",
        "Three gunmen stormed the market.",
        "More than 1,500 people have been killed since the fighting began in April.",
        "The conflict has displaced more than 2 million people and killed at least 10,000.",
        "Rebels tried to kill the governor.",
        "Three bedrooms occupy the top floor.",
        "Tariffs risk hurting the two economies.",
        "Officials said the bombing killed no one.",
        "The overall death toll of the war stands at 300,000.",
        "The number of people killed in the conflict has reached 10,000.",
        "The death toll since 2011 has risen to 400,000.",
        "It remains unclear whether a soldier was killed.",
    ],
)
def test_no_count_from_unrelated_or_cumulative_figures(nlp, extractor, text):
    assert counts_in(nlp, extractor, text) == []


def test_sum_over_groups_keeps_the_split(nlp, extractor):
    ctx = make_ctx(nlp, "Two soldiers and three civilians were killed in the ambush.")
    extractor(ctx)
    (quantity,) = ctx.result.quantities
    assert (quantity.kind, quantity.best) == ("dead", 5)
    assert [p.best for p in quantity.parts] == [2, 3]
    assert quantity.parts[0].text == "Two soldiers"


def test_subset_is_not_added(nlp, extractor):
    text = "At least 4 police and 39 villagers were killed, including 10 traders."
    assert counts_in(nlp, extractor, text) == [("dead", 43, 43, None)]


def test_perpetrators_are_not_victims(nlp, extractor):
    text = "Two armed men on motorcycles killed three farmers and wounded a herder."
    assert counts_in(nlp, extractor, text) == [("dead", 3, 3, 3), ("injured", 1, 1, 1)]


def test_alternatives_take_the_conservative_figure(nlp, extractor):
    text = "Reports said either 6 soldiers or a single major were killed."
    assert counts_in(nlp, extractor, text) == [("dead", 1, 1, 6)]


def test_short_since_is_not_cumulative_and_bystanders_are_not_the_dead(nlp, extractor):
    text = "A doctor said the attack killed 3 and injured 12, bringing the number killed this year to 150."
    assert counts_in(nlp, extractor, text) == [("dead", 3, 3, 3), ("injured", 12, 12, 12)]
    assert counts_in(nlp, extractor, "Police fired on the crowd, killing five since Monday.") == [("dead", 5, 5, 5)]


def test_earlier_toll_is_not_a_second_count(nlp, extractor):
    text = "The bombing killed 80 people, the ministry said, revising an earlier toll of 65."
    assert counts_in(nlp, extractor, text) == [("dead", 80, 80, 80)]


@pytest.mark.parametrize(
    "text, value, revision",
    [
        ("The death toll from the attack reached 20.", 20, True),
        ("Hospital sources said the toll was 27.", 27, False),
        ("Residents put the toll at 20.", 20, False),
    ],
)
def test_toll_statements(nlp, extractor, text, value, revision):
    ctx = make_ctx(nlp, text)
    extractor(ctx)
    assert [(q.kind, q.best, q.revision) for q in ctx.result.quantities] == [("dead", value, revision)]


def test_a_count_dated_to_an_earlier_year_is_background(nlp, extractor):
    text = "Gunmen killed 5 people on Monday. A similar attack in 2014 killed 20 people."
    ctx = make_ctx(nlp, text)
    ctx.document.published_at = date(2016, 6, 1)
    extractor(ctx)
    assert [q.best for q in ctx.result.quantities] == [5]


def test_correction_is_a_revision(nlp, extractor):
    ctx = make_ctx(nlp, "Five people died in the blast. The death toll later rose to seven.")
    extractor(ctx)
    assert [(q.kind, q.best, q.revision) for q in ctx.result.quantities] == [("dead", 5, False), ("dead", 7, True)]
    ctx = make_ctx(nlp, "Four more bodies were recovered on Sunday, bringing the death toll to 23.")
    extractor(ctx)
    assert [(q.kind, q.best, q.revision) for q in ctx.result.quantities] == [("dead", 4, False), ("dead", 23, True)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police arrested 35 students after the march.", [("arrested", 35, 35, 35)]),
        ("About 2,000 villagers fled their homes.", [("displaced", None, 2000, None)]),
        ("Three fishermen remain missing.", [("missing", 3, 3, 3)]),
        ("More than 3,000 students protested outside the ministry.", [("size", 3000, 3000, None)]),
        ("A crowd of 500 marched to parliament.", [("size", 500, 500, 500)]),
        ("A soldier was killed and another wounded.", [("dead", 1, 1, 1)]),
        ("Gunmen shot dead a village chief.", [("dead", 1, 1, 1)]),
        ("12 killed and four injured in a suicide bombing.", [("dead", 12, 12, 12), ("injured", 4, 4, 4)]),
        ("Between 1 and 4 guards were killed.", [("dead", 1, 1, 4)]),
        ("Searchers recovered 5 bodies from the river.", [("dead", 5, 5, 5)]),
        ("Two attackers detonated explosives at the gate, killing themselves.", [("dead", 2, 2, 2)]),
        ("Two exile leaders and 133 other people were arrested.", [("arrested", 135, 135, 135)]),
        ("Two officers were among the 14 people wounded in the blast.", [("injured", 14, 14, 14)]),
        ("He was one of 14 people killed in the stampede.", [("dead", 14, 14, 14)]),
        ("Two of the six hostages were killed.", [("dead", 2, 2, 2)]),
        ("Some 3,000 people took part in the march.", [("size", None, 3000, None)]),
        ("The bombings claimed at least 217 lives.", [("dead", 217, 217, None)]),
        ("Protesters numbered about 5,000, police said.", [("size", None, 5000, None)]),
        ("They were told not to start killing one another.", []),
        ("Eleven villagers lost their lives in the stampede.", [("dead", 11, 11, 11)]),
        ("The bodies of 14 fishermen were found near the shore.", [("dead", 14, 14, 14)]),
        ("The body of a man was found near the shore.", [("dead", 1, 1, 1)]),
        ("The blast claimed the lives of 9 soldiers.", [("dead", 9, 9, 9)]),
        ("Three people succumbed to their injuries.", [("dead", 3, 3, 3)]),
        ("In a separate incident, gunmen shot dead 3 traders.", [("dead", 3, 3, 3)]),
        ("Two men were summarily shot by a militia.", [("dead", 2, 2, 2)]),
        ("Clan fighting has left 17 people dead over the past week.", [("dead", 17, 17, 17)]),
        ("Attacks left 2 killed and 4 injured in the north.", [("dead", 2, 2, 2), ("injured", 4, 4, 4)]),
        ("Six reported Boko Haram dead after the raid.", [("dead", 6, 6, 6)]),
        ("Three were killed on Monday and another two on Tuesday.", [("dead", 3, 3, 3), ("dead", 2, 2, 2)]),
        ("Karim Sora, a leading member of the group, was killed in the raid.", [("dead", 1, 1, 1)]),
        ("Abu al-Masri was killed in the raid.", [("dead", 1, 1, 1)]),
        ("Five members of one family were killed when a shell hit their house.", [("dead", 5, 5, 5)]),
        ("Police arrested the man who killed the trader.", [("arrested", 1, 1, 1), ("dead", 1, 1, 1)]),
        ("Three men were shot dead, and two of the bodies were dumped on a road.", [("dead", 3, 3, 3)]),
        ("Riots broke out following the deaths of two students.", []),
        # typos with a tripled letter, subjects the parse loses, possessives, names with 'a'
        ("Bandits attacked a bus, killling 31 passengers.", [("dead", 31, 31, 31)]),
        ("Two Boko Haram suicide bombers detonate at a mosque, killing only themselves.", [("dead", 2, 2, 2)]),
        (
            "Police said 40 Garabulli men were killed in the clash and 18 Misratan's dead.",
            [("dead", 40, 40, 40), ("dead", 18, 18, 18)],
        ),
        ("Clashes between herders killed four Fulanis and a Konkomba in the district.", [("dead", 5, 5, 5)]),
        ("The Toyota was damaged and a Konkomba left the village.", []),
        ("Two soldiers were wounded in the ambush and later died.", [("dead", 2, 2, 2)]),
        ("Fighting has forced some 50,000 people to flee their homes.", [("displaced", None, 50000, None)]),
        ("The war has forced 2 million people to flee.", []),
        ("Seven policemen were among those killed.", [("dead", 7, 7, None)]),
        ("Two children were among the dead.", [("dead", 2, 2, None)]),
        # a running total is no count of this event
        (
            "Two people were killed in the attack, bringing to 45 the number of civilians killed this month.",
            [("dead", 2, 2, 2)],
        ),
    ],
)
def test_count_kinds(nlp, extractor, text, expected):
    assert counts_in(nlp, extractor, text) == expected


# --- event counter --------------------------------------------------------------------------------------------


def run_both(nlp, extractor, counter, text: str, events: list[Event]) -> list[Event]:
    ctx = make_ctx(nlp, text)
    extractor(ctx)
    ctx.result.events.extend(events)
    counter(ctx)
    return ctx.result.events


def test_counts_go_to_the_attack_not_the_call(nlp, extractor, counter):
    text = (
        "The two presidents held a phone call on Tuesday. On the same day a drone strike on the city "
        "left three people dead and dozens wounded, according to the regional governor."
    )
    call, strike = run_both(
        nlp,
        extractor,
        counter,
        text,
        [event_at(text, "call", "CONSULT", "c"), event_at(text, "strike", "ASSAULT", "s")],
    )
    assert call.dead is None and call.injured is None and call.counts == {}
    assert (strike.dead.low, strike.dead.best, strike.dead.high) == (3, 3, 3)
    assert strike.injured.low == 24 and strike.injured.best is None
    assert strike.dead.attribution.text == "the regional governor"
    assert text[strike.dead.start : strike.dead.end] == strike.dead.text


def test_count_in_relative_clause_stays_off_the_protest(nlp, extractor, counter):
    text = "Up to 100 students demonstrated on Tuesday in Ostrava, where 24 people were killed in riots last March."
    (protest,) = run_both(nlp, extractor, counter, text, [event_at(text, "demonstrated", "PROTEST")])
    assert protest.dead is None
    assert protest.counts["size"].best == 100


def test_count_in_next_sentence_joins_the_attack_and_revision_wins(nlp, extractor, counter):
    text = "Gunmen attacked a convoy near the border. Four guards were killed. The toll later rose to six."
    (attack,) = run_both(nlp, extractor, counter, text, [event_at(text, "attacked", "ASSAULT")])
    assert attack.dead.best == 6


def test_arrests_and_reporter(nlp, extractor, counter):
    text = "Police opened fire on the protesters, killing one person and arresting 12, security sources said."
    (event,) = run_both(nlp, extractor, counter, text, [event_at(text, "opened fire", "ASSAULT")])
    assert event.dead.best == 1
    assert event.counts["arrested"].best == 12
    assert event.dead.attribution.text == "security sources"


def test_a_verb_without_a_statement_is_no_teller(nlp, extractor, counter):
    text = "The bombings claimed at least 217 lives and injured nearly 5,000."
    (event,) = run_both(nlp, extractor, counter, text, [event_at(text, "bombings", "ASSAULT")])
    assert (event.dead.best, event.injured.high) == (217, 5000)
    assert event.dead.attribution is None


@pytest.mark.parametrize(
    "text, dead",
    [
        # two sources give figures for the same victims: the lowest (ACLED's conservative rule)
        ("Gunmen attacked the village, killing 7 people, police said. Residents said 11 people died.", 7),
        ("Gunmen attacked the village. At least 12 people were killed, though local sources said 30 died.", 12),
        ("Gunmen attacked the village. Officials said 12 people were killed, while residents put the toll at 20.", 12),
        (
            "Gunmen attacked the post. Two guards were killed, according to the army, while rebel media "
            "talked about the death of 10 guards.",
            2,
        ),
        # a count in a clause about another moment is not this event's
        (
            "Two journalists were attacked and killed Saturday in the capital, "
            "hours after four officials were shot dead.",
            2,
        ),
        (
            "Gunmen attacked the post. Either 6 soldiers or a single major were killed, "
            "while 6 rebels died (7 fatalities).",
            7,
        ),
        # distinct groups, or a later sentence that says it adds, still add up
        ("Gunmen attacked the village. Police said 12 soldiers were killed and residents said 4 civilians died.", 16),
        ("Gunmen attacked the village. Five people were killed. Another 3 died in hospital.", 8),
        ("Gunmen attacked the village, killing 3 people on Monday and another 4 on Tuesday.", 7),
        ("Gunmen attacked the village. Three attackers were killed. Two police officers died.", 5),
        ("Gunmen attacked the village, killing 4 soldiers and causing 3 deaths among civilians.", 7),
        # a later figure without a new source details or restates the total: the larger stands
        ("Gunmen attacked the village. Three soldiers were killed. Seven people died in the attack.", 7),
    ],
)
def test_several_figures_on_one_event(nlp, extractor, counter, text, dead):
    (event,) = run_both(nlp, extractor, counter, text, [event_at(text, "attacked", "ASSAULT")])
    assert event.dead.best == dead


def test_the_lowest_figure_keeps_its_own_teller(nlp, extractor, counter):
    text = "Gunmen attacked the village. At least 12 people were killed, though local sources said 30 died."
    (event,) = run_both(nlp, extractor, counter, text, [event_at(text, "attacked", "ASSAULT")])
    assert event.dead.best == 12 and event.dead.attribution is None
    text = "Gunmen attacked the village. Local sources said 30 people died, while police said 12 were killed."
    (event,) = run_both(nlp, extractor, counter, text, [event_at(text, "attacked", "ASSAULT")])
    assert event.dead.best == 12 and event.dead.attribution.text == "police"


def test_counts_go_to_their_own_event_in_a_sentence(nlp, extractor, counter):
    text = "An airstrike killed 7 civilians in the north, while a roadside bomb killed 2 soldiers in the south."
    events = [event_at(text, "airstrike", "ASSAULT", "a"), event_at(text, "bomb", "ASSAULT", "b")]
    airstrike, bomb = run_both(nlp, extractor, counter, text, events)
    assert (airstrike.dead.best, bomb.dead.best) == (7, 2)


def test_a_total_over_several_events_yields_to_their_own_figures(nlp, extractor, counter):
    text = "Fourteen rebels were killed near the border. A total of eighteen rebels were killed in the two operations."
    events = [event_at(text, "killed", "ASSAULT", "a"), event_at(text, "killed in the two", "ASSAULT", "b")]
    first, second = run_both(nlp, extractor, counter, text, events)
    assert first.dead.best == 14 and second.dead is None
    text = "Gunmen attacked two villages. Thirty people were killed in the two attacks."
    (event,) = run_both(nlp, extractor, counter, text, [event_at(text, "attacked", "ASSAULT")])
    assert event.dead.best == 30  # the only figure stands


def test_a_toll_told_of_the_attack_joins_it(nlp, extractor, counter):
    text = "Rebels attacked the town and killed 11 people and a teacher. An assailant was also killed in the attack."
    events = [event_at(text, "attacked", "ASSAULT", "a"), event_at(text, "killed in", "ASSAULT", "b")]
    attack, toll_only = run_both(nlp, extractor, counter, text, events)
    assert attack.dead.best == 13 and toll_only.dead is None
    text = "Gunmen attacked a church. Separately, a bomb exploded in the market; 5 were killed in the blast."
    events = [event_at(text, "attacked", "ASSAULT", "a"), event_at(text, "killed", "ASSAULT", "b")]
    church, market = run_both(nlp, extractor, counter, text, events)
    assert church.dead is None and market.dead.best == 5


def test_counter_never_reads_another_documents_counts(nlp, extractor, counter):
    first = make_ctx(nlp, "Gunmen attacked the village, killing 40 people.")
    extractor(first)
    text = "Gunmen attacked the market, killing 3 people."
    second = make_ctx(nlp, text)  # each document's context holds its own counts: the 40 cannot leak
    extractor(second)
    second.result.events.append(event_at(text, "attacked", "ASSAULT"))
    counter(second)
    assert second.result.events[0].dead.best == 3
    assert [link[0].best for link in first.count_links] == [40]


def test_no_events_no_counts(nlp, extractor, counter):
    assert run_both(nlp, extractor, counter, "Three people were killed.", []) == []


# --- evaluation reading ---------------------------------------------------------------------------------------


def test_document_fatalities_follow_the_contract():
    result = DocResult(doc_id="d")
    assert event_value(result, "dead") == 0
    first, second = event_at("x attack y", "attack", "ASSAULT"), event_at("x attack y", "attack", "ASSAULT", "e2")
    first.dead, second.dead = Count(low=24), Count(3, 3, 3)
    result.events = [first, second]
    assert event_value(result, "dead") == 24
    assert within_tolerance(11, 10) and not within_tolerance(13, 10)


def test_miss_reasons_separate_acled_conventions_from_our_misses():
    from eventwire.evaluate.casualties import Row, is_imputed, miss_reason
    from eventwire.model import Quantity

    doc = Document(id="r", text="Gunmen attacked the village, killing several people.")
    vague = DocResult(doc_id="r", quantities=[Quantity("several", 0, 7, kind="dead", low=3)])
    assert is_imputed(Row(doc, 10), vague)
    assert miss_reason(Row(doc, 10), 3, vague).startswith("ACLED imputed")
    assert miss_reason(Row(doc, 4, shared_note=True, note_total=9), 9, vague).startswith("ACLED split")
    assert miss_reason(Row(doc, 4, shared_note=True, note_total=9), 12, vague).startswith("a report ACLED split")
    assert miss_reason(Row(doc, 0, shared_note=True, note_total=9), 9, vague).startswith("ACLED split")
    assert miss_reason(Row(doc, 0), 9, vague).startswith("dead where ACLED codes none")
    assert is_imputed(Row(doc, 5, shared_note=True, note_total=10), DocResult(doc_id="r"))
    exact = DocResult(doc_id="r", quantities=[Quantity("five", 0, 4, kind="dead", low=5, best=5, high=5)])
    assert miss_reason(Row(doc, 4), 5, exact).startswith("we read a larger")
    assert miss_reason(Row(doc, 4), 0, exact).startswith("a dead count, but no")


def test_imputation_needs_a_note_that_puts_no_figure_on_people():
    from eventwire.evaluate.casualties import Row, is_imputed

    nothing = DocResult(doc_id="r")
    unspecified = Document(id="r", text="Casualties reported, numbers not known.")
    assert is_imputed(Row(unspecified, 10), nothing)
    typo = Document(id="r", text="A total of four soldiers were and ten others wounded.")
    assert not is_imputed(Row(typo, 1, shared_note=True, note_total=3), nothing)
    assert not is_imputed(Row(unspecified, 4), nothing)


def test_rows_of_one_report_share_its_opening():
    from eventwire.evaluate.casualties import report_key

    lead = "Clashes between soldiers and rebels in the Busari and Kalbaria areas of Wau."
    first = report_key("South Sudan", lead + " At least 43 killed. (22 coded for June 24.)")
    second = report_key("South Sudan", lead + "  At least 43 killed.")
    assert first == second
    short = report_key("Chad", "Clashes resumed. Two soldiers were killed in Abeche.")
    other = report_key("Chad", "Clashes resumed. Rebels shelled the airport of Faya.")
    assert short != other


def test_a_row_of_another_event_in_the_note_is_ours_but_named():
    from eventwire.evaluate.casualties import OTHER_EVENT, Row, miss_reason

    text = "A bomb killed 11 people. Two died in a counter attack."
    bomb, counter = event_at(text, "bomb", "ASSAULT", "a"), event_at(text, "counter attack", "ASSAULT", "b")
    bomb.dead, counter.dead = Count(11, 11, 11), Count(2, 2, 2)
    result = DocResult(doc_id="r", events=[bomb, counter])
    assert miss_reason(Row(Document(id="r", text=text), 2), 11, result) == OTHER_EVENT


def test_acled_report_separates_splits_and_imputations():
    from eventwire.evaluate.casualties import Row, evaluate_acled

    def result(dead: int | None) -> DocResult:
        out = DocResult(doc_id="r")
        if dead is not None:
            event = event_at("x attack y", "attack", "ASSAULT")
            event.dead = Count(dead, dead, dead)
            out.events = [event]
        return out

    doc = Document(id="r", text="x attack y")
    scored = [
        (Row(doc, 5), result(5)),  # hit
        (Row(doc, 4, shared_note=True, note_total=9), result(9)),  # ACLED split 9 into 4 + 5
        (Row(doc, 10), result(None)),  # ACLED imputed 10
        (Row(doc, 2), result(None)),  # our miss
    ]
    report = evaluate_acled(scored)
    assert (report.by_events.positive_exact, report.by_events.positive) == (1, 4)
    assert (report.unexplained.positive_exact, report.unexplained.positive) == (1, 2)
    assert (report.plain.positive_exact, report.plain.positive) == (1, 2)
    assert [m.reason[:11] for m in report.misses] == ["ACLED split", "ACLED imput", "no dead cou"]


# --- robustness ----------------------------------------------------------------------------------------------

ODD_INPUTS = [
    "",
    "12",
    "killed",
    "of",
    "Three people were killed and the bodies of",
    "The toll rose to",
    "At least",
    "Between 5 and",
    "Fighting left 12",
    "Fighting left 12 dead",
    "12 12 12 12 12 12",
    "1,000,000,000,000 people were killed.",
    "1" * 400 + " people were killed.",
    "5-" + "9" * 50 + " people died.",
    "-5 people were killed.",
    "Zero people were killed.",
    "0 people were killed.",
    "١٢ people were killed.",
    "１２ people were killed.",
    "²³ people were killed.",
    "million " * 30 + "people died.",
    " and ".join(f"{i} soldiers" for i in range(1, 120)) + " were killed.",
    ", ".join(str(i) for i in range(300)) + " people were killed.",
    "killed " * 200,
    "(((12 killed)))",
    "“Two” “killed”\n\n\n",
    "Eleven (11",
    "Eleven (",
    "over a",
    "a hundred",
    "killing only themselves",
]


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_inputs_never_raise(nlp, extractor, counter, text):
    ctx = make_ctx(nlp, text)
    extractor(ctx)
    if text:
        ctx.result.events.append(event_at(text, text[0], "ASSAULT"))
    counter(ctx)
    for quantity in ctx.result.quantities:
        values = [v for v in (quantity.low, quantity.best, quantity.high) if v is not None]
        assert all(0 <= v <= 10**10 for v in values)
        assert text[quantity.start : quantity.end] == quantity.text


def test_unicode_digits_and_zero_values(nlp, extractor):
    assert counts_in(nlp, extractor, "١٢ people were killed.") == [("dead", 12, 12, 12)]
    assert counts_in(nlp, extractor, "Zero people were killed.") == [("dead", 0, 0, 0)]
    assert counts_in(nlp, extractor, "1,000,000,000,000 people were killed.") == []
    assert counts_in(nlp, extractor, "1" * 400 + " people were killed.") == []


@pytest.mark.shared
def test_acled_evaluation_runs(shared_dir):
    from click.testing import CliRunner

    from eventwire.evaluate.casualties import command

    path = shared_dir / "data" / "dev" / "acled-africa-2016"
    result = CliRunner().invoke(command, ["--gold", "acled", str(path), "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "zero/non-zero" in result.output
