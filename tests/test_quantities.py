"""Counts of people (eventwire.extract.quantities) and the casualties evaluation, on invented sentences."""

from __future__ import annotations

import pytest

from eventwire.evaluate.casualties import event_value, within_tolerance
from eventwire.extract.quantities import CountExtractor, EventCounter
from eventwire.extract.quantities.numbers import find_numbers
from eventwire.model import Count, DocResult, Document, Event, Evidence, Span
from eventwire.nlp import load_nlp
from eventwire.pipeline import DocContext


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


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


def test_correction_is_a_revision(nlp, extractor):
    ctx = make_ctx(nlp, "Five people died in the blast. The death toll later rose to seven.")
    extractor(ctx)
    assert [(q.kind, q.best, q.revision) for q in ctx.result.quantities] == [("dead", 5, False), ("dead", 7, True)]


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
    assert miss_reason(Row(doc, 4, shared_note=True), 9, vague).startswith("ACLED split")
    exact = DocResult(doc_id="r", quantities=[Quantity("five", 0, 4, kind="dead", low=5, best=5, high=5)])
    assert miss_reason(Row(doc, 4), 5, exact).startswith("we read a larger")
    assert miss_reason(Row(doc, 4), 0, exact).startswith("a dead count, but no")


@pytest.mark.shared
def test_acled_evaluation_runs(shared_dir):
    from click.testing import CliRunner

    from eventwire.evaluate.casualties import command

    path = shared_dir / "data" / "dev" / "acled-africa-2016"
    result = CliRunner().invoke(command, ["--gold", "acled", str(path), "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "zero/non-zero" in result.output
