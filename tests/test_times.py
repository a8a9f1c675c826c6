"""Time expressions (TimeTagger), their TIMEX3 values, event dates (EventDater) and the scorer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.extract.times.calendar import precision_of
from eventwire.extract.times.normalize import NormContext, normalize
from eventwire.model import Event, Evidence, Span
from eventwire.pipeline import Pipeline

PUBLISHED = date(2025, 7, 1)  # a Tuesday
TBAQ = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "dev" / "tempeval3-tbaq"


def value(text: str, tense: str = "past", anchor: date | None = PUBLISHED) -> tuple[str | None, str, str | None]:
    norm = normalize(text, NormContext(anchor, tense))  # type: ignore[arg-type]
    assert norm is not None, text
    return norm.value, norm.type, norm.mod


# ------------------------------------------------------------------ normalization


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday", ("2025-07-01", "DATE", None)),
        ("Monday", ("2025-06-30", "DATE", None)),
        ("February 2022", ("2022-02", "DATE", None)),
        ("early 2022", ("2022", "DATE", "START")),
        ("late-November", ("2024-11", "DATE", "END")),
        ("last month", ("2025-06", "DATE", None)),
        ("June", ("2025-06", "DATE", None)),
        ("last week", ("2025-W26", "DATE", None)),
        ("this week", ("2025-W27", "DATE", None)),
        ("yesterday", ("2025-06-30", "DATE", None)),
        ("the past year", ("2024", "DATE", None)),
        ("three years ago", ("2022", "DATE", None)),
        ("over two hours", ("PT2H", "DURATION", "MORE_THAN")),
        ("two and a half years", ("P30M", "DURATION", None)),
        ("12-day", ("P12D", "DURATION", None)),
        ("more than three years", ("P3Y", "DURATION", "MORE_THAN")),
        ("the past two months", ("P2M", "DURATION", None)),
        ("several years", ("PXY", "DURATION", None)),
        ("a decade", ("P10Y", "DURATION", None)),
        ("every day", ("P1D", "SET", None)),
        ("each Thursday", ("XXXX-WXX-4", "SET", None)),
        ("weekly", ("P1W", "SET", None)),
        ("recently", ("PAST_REF", "DATE", None)),
        ("now", ("PRESENT_REF", "DATE", None)),
        ("the 1990s", ("199", "DATE", None)),
        ("the mid-1990s", ("199", "DATE", "MID")),
        ("the third quarter", ("2025-Q3", "DATE", None)),
        ("fiscal 1989", ("1989", "DATE", None)),
        ("10:35 a.m.", ("2025-07-01T10:35", "TIME", None)),
        ("Friday morning", ("2025-06-27", "DATE", None)),
        ("this morning", ("2025-07-01TMO", "TIME", None)),
        ("5 1/2 hours", ("PT5H30M", "DURATION", None)),
        ("a minute and a half", ("PT1M30S", "DURATION", None)),
        ("recent years", ("PXY", "DURATION", None)),
        ("February this year", ("2025-02", "DATE", None)),
        ("June 3 last year", ("2024-06-03", "DATE", None)),
        ("March 12, 1999", ("1999-03-12", "DATE", None)),
        ("nineteen ninety-six", ("1996", "DATE", None)),
        ("19/04/2018", ("2018-04-19", "DATE", None)),
        ("4/19/2018", ("2018-04-19", "DATE", None)),
        ("Thanksgiving", ("2024-11-28", "DATE", None)),
        ("the summer of 1998", ("1998-SU", "DATE", None)),
    ],
)
def test_values_against_the_publication_date(text: str, expected: tuple) -> None:
    assert value(text) == expected


def test_weekday_points_forward_in_future_tense() -> None:
    assert value("Friday", tense="future")[0] == "2025-07-04"
    assert value("Tuesday", tense="future")[0] == "2025-07-01"
    assert value("next Tuesday")[0] == "2025-07-08"
    assert value("last Tuesday")[0] == "2025-06-24"


def test_yearless_month_takes_the_nearest_year_unless_tense_says_otherwise() -> None:
    assert value("August")[0] == "2025-08"  # one month ahead: nearest, even in a past-tense report
    assert value("November", tense="past")[0] == "2024-11"
    assert value("November", tense="future")[0] == "2025-11"


def test_a_zero_padded_day_is_a_day() -> None:
    assert value("06 April 2018")[0] == "2018-04-06"
    assert value("April 05, 2018")[0] == "2018-04-05"


def test_no_publication_date_never_guesses_a_date() -> None:
    assert value("Tuesday", anchor=None)[0] == "XXXX-WXX-2"  # TIMEX3: an unanchored weekday
    assert value("June", anchor=None)[0] == "XXXX-06"
    assert value("last month", anchor=None)[0] == "XXXX-XX"
    assert value("February 2022", anchor=None)[0] == "2022-02"
    assert value("two hours", anchor=None)[0] == "PT2H"


def test_non_time_words_are_refused() -> None:
    assert normalize("the talks", NormContext(PUBLISHED)) is None
    assert normalize("1,000 kilometres", NormContext(PUBLISHED)) is None


def test_precision_of_values() -> None:
    assert precision_of("2025-07-01") == "day"
    assert precision_of("2025-W26") == "week"
    assert precision_of("2022-02") == "month"
    assert precision_of("2022") == "year"
    assert precision_of("PAST_REF") is None


# ------------------------------------------------------------------ the tagger on parsed text

SEED_LIKE = (
    "The two leaders held a phone call on Tuesday, their first in over two and a half years. "
    "The call lasted over two hours. Troops invaded in February 2022 and fighting has gone on "
    "for more than three years since then. A 12-day war ended last month. "
    "Officials met in April 2024 and again in early 2022. Prices rise every day, and rose sharply in June. "
    "A 6-year-old boy was hurt. On the day of the talks, a drone struck the city. "
    "Early in March 2018, the plant opened."
)


@pytest.fixture(scope="module")
def tagged(nlp):
    from eventwire.extract.times import TimeTagger

    doc = nlp(SEED_LIKE)
    return doc, {t.text: t for t in TimeTagger().tag(doc, PUBLISHED)}


def test_tagger_finds_and_bounds_expressions(tagged) -> None:
    _, times = tagged
    assert times["Tuesday"].value == "2025-07-01"  # "on" left outside, as in TimeML
    assert times["over two and a half years"].value == "P30M"
    assert times["over two hours"].value == "PT2H"
    assert times["February 2022"].value == "2022-02"
    assert times["more than three years"].mod == "MORE_THAN"
    assert times["12-day"].value == "P12D"
    assert times["last month"].value == "2025-06"
    assert times["April 2024"].value == "2024-04"
    assert times["early 2022"].mod == "START"
    assert times["every day"].type == "SET"
    assert times["June"].value == "2025-06"
    assert times["Early in March 2018"].mod == "START"


def test_tagger_offsets_point_into_the_text(tagged) -> None:
    doc, times = tagged
    for expr in times.values():
        assert doc.text[expr.start : expr.end] == expr.text


def test_ages_are_not_durations(tagged) -> None:
    _, times = tagged
    assert not any("year" in text and "old" in text for text in times)
    assert "6-year" not in times


def test_the_day_refers_back_to_the_last_named_day(tagged) -> None:
    _, times = tagged
    assert times["the day"].value == "2025-07-01"


def tag_list(nlp, text: str, published: date = PUBLISHED) -> list:
    from eventwire.extract.times import TimeTagger

    return TimeTagger().tag(nlp(text), published)


def tag_text(nlp, text: str, published: date = PUBLISHED) -> dict[str, object]:
    return {t.text: t for t in tag_list(nlp, text, published)}


def test_words_in_another_sense_are_not_times(nlp) -> None:
    found = tag_list(
        nlp,
        "Shares began to fall sharply. A second group of rebels joined, and the firm raised its quarterly "
        "dividend. She spoke on the morning talk show and on CBS's Radio Today. The SEC said the march "
        "was peaceful. The store pays staff quarterly.",
    )
    assert not {"fall", "A second", "morning", "the morning", "Today", "SEC", "the march"} & {t.text for t in found}
    quarterly = [t for t in found if t.text == "quarterly"]
    assert len(quarterly) == 1 and quarterly[0].start > 200  # the adverb ("pays staff quarterly") is a SET


def test_quoted_titles_are_not_times(nlp) -> None:
    times = tag_text(nlp, 'He said on ABC\'s "This Week," that talks would resume next week.')
    assert "This Week" not in times
    assert times["next week"].value == "2025-W28"


def test_capitalized_time_words_at_sentence_start_are_kept(nlp) -> None:
    times = tag_text(nlp, "The board met. Today the board voted again. Earlier Friday, lawyers filed a motion.")
    assert times["Today"].value == "2025-07-01"
    assert times["Friday"].value == "2025-06-27"  # "Earlier" stays outside, a TimeML signal


def test_later_stays_outside_a_duration(nlp) -> None:
    times = tag_text(nlp, "The strike came three days later, after the talks collapsed.")
    assert times["three days"].value == "P3D"
    assert times["three days"].type == "DURATION"


def test_deadlines_and_plans_point_forward(nlp) -> None:
    # published on a Tuesday: "Thursday" in a plan or a deadline is the coming one
    times = tag_text(nlp, "The envoy planned to leave on Thursday. The court gave the family until Friday to reply.")
    assert times["Thursday"].value == "2025-07-03"
    assert times["Friday"].value == "2025-07-04"
    times = tag_text(nlp, "The offer had been scheduled to expire Monday. Aid could arrive as early as Saturday.")
    assert times["Monday"].value == "2025-06-30"
    assert times["Saturday"].value == "2025-07-05"


def test_until_after_a_past_perfect_negation_looks_back(nlp) -> None:
    times = tag_text(nlp, "Until Monday, police had not named a suspect.")
    assert times["Monday"].value == "2025-06-30"


def test_references_back_with_earlier_and_later(nlp) -> None:
    times = tag_text(
        nlp, "The rebels struck on March 3, 2021. Later that year, they withdrew. Earlier that day, troops moved."
    )
    assert times["Later that year"].value == "2021"
    assert times["Earlier that day"].value == "2021-03-03"


def test_month_with_relative_year_is_one_expression(nlp) -> None:
    times = tag_text(nlp, "Talks began in February this year and will end in April next year.")
    assert times["February this year"].value == "2025-02"
    assert times["April next year"].value == "2026-04"
    assert "this year" not in times


def test_following_and_previous_step_from_the_last_named_unit(nlp) -> None:
    times = tag_text(
        nlp,
        "The rebels took the town in March 2019. The following year, they lost it. "
        "The envoy arrived on June 4, 2021, and left the next day. The previous day, talks had failed.",
    )
    assert times["The following year"].value == "2020"
    assert times["the next day"].value == "2021-06-05"
    assert times["The previous day"].value == "2021-06-04"  # the day before "the next day"


def test_accounting_periods(nlp) -> None:
    times = tag_text(
        nlp,
        "Profit in the third quarter rose 5% from the 2024 period. For the year ended Sept. 30, sales rose, "
        "and sales in the same period last year were lower. It expects gains in next year's first quarter.",
    )
    assert times["the third quarter"].value == "2025-Q3"
    assert times["the 2024 period"].value == "2024-Q3"
    assert times["the year"].value == "P1Y"
    assert times["the year"].type == "DURATION"
    assert times["the same period last year"].value == "2024-Q3"
    assert times["next year's first quarter"].value == "2026-Q1"


def test_a_forecast_quarter_does_not_replace_the_reported_one(nlp) -> None:
    times = tag_list(
        nlp,
        "Third-quarter profit fell. It expects fourth-quarter earnings to rise. In the latest quarter, "
        "sales fell from a year ago.",
        date(1989, 11, 2),
    )
    values = {t.text: t.value for t in times}
    assert values["the latest quarter"] == "1989-Q3"
    assert values["a year ago"] == "1988-Q3"
    assert value("the latest period")[0] == "2025-Q2"  # no quarter named: the last one over
    assert value("the year-earlier third quarter")[0] == "2024-Q3"
    assert value("the year-ago nine months") == ("P9M", "DURATION", None)
    parts = {t.text: t.value for t in tag_list(nlp, "Revenue fell in the first nine months of the year.")}
    assert parts == {"the first nine months": "P9M", "the year": "2025"}  # the rest of a cluster read alone


def test_plans_point_forward_unless_their_clause_is_past(nlp) -> None:
    values = {
        t.text: t.value
        for t in tag_list(
            nlp,
            "Protesters planned a large rally on Saturday. A memorial service planned for Friday was canceled.",
            date(2000, 1, 5),  # a Wednesday
        )
    }
    assert values["Saturday"] == "2000-01-08"
    assert values["Friday"] == "1999-12-31"
    by_day = {t.text: t.value for t in tag_list(nlp, "By Saturday, power was restored.", date(2000, 1, 5))}
    assert by_day["Saturday"] == "2000-01-01"  # "by" with a past verb is no deadline
    deadline = tag_list(nlp, "The bank aims to pay the loan by Friday.", date(2000, 1, 5))
    assert deadline[0].value == "2000-01-07"
    august = tag_list(nlp, "The festival is held in August.", date(2000, 5, 5))
    assert august[0].value == "2000-08"  # a present passive, not a past: the nearest August


def test_story_offsets_and_the_past_decade_are_durations() -> None:
    assert value("a day earlier") == ("P1D", "DURATION", None)
    assert value("three weeks earlier") == ("P3W", "DURATION", None)
    assert value("a year earlier") == ("2024", "DATE", None)  # financial comparisons stay dates
    assert value("three years ago") == ("2022", "DATE", None)
    assert value("the past decade") == ("P10Y", "DURATION", None)
    assert value("the last decade") == ("201", "DATE", None)


def test_spoken_decades_need_the_article(nlp) -> None:
    values = {t.text: t.value for t in tag_list(nlp, "Crime fell through the nineties. She is in her forties.")}
    assert values == {"the nineties": "199"}


def test_previous_and_following_weekdays_step_from_the_last_day(nlp) -> None:
    values = {
        t.text: t.value
        for t in tag_list(
            nlp,
            "Stocks fell on Friday, down 4% from the previous Friday. The following Monday they rose.",
            date(1989, 11, 1),
        )
    }
    assert values["Friday"] == "1989-10-27"
    assert values["the previous Friday"] == "1989-10-20"
    assert values["following Monday"] == "1989-10-23"  # after the latest day named, the previous Friday
    alone = tag_list(nlp, "The following Monday is a holiday.", date(1989, 11, 1))
    assert alone[0].value == "1989-11-06"  # no day named before: the publication date's neighbour


def test_a_coordinated_day_shares_the_month(nlp) -> None:
    times = tag_list(
        nlp, "The summit is set for April 24 and 25. Polls opened March 3 and 4 people voted.", date(1999, 2, 10)
    )
    assert [(t.text, t.value) for t in times] == [
        ("April 24", "1999-04-24"),
        ("25", "1999-04-25"),
        ("March 3", "1999-03-03"),
    ]


def test_halves_of_a_year_and_the_full_year() -> None:
    assert value("the last half of 1989")[0] == "1989-H2"
    assert value("the second half of 1998") == ("1998-H2", "DATE", None)
    assert value("the first half of the year")[0] == "2025-H1"
    assert value("the second half of March") == ("2025-03", "DATE", "END")  # a month has no halves
    assert value("the full year") == ("2025", "DATE", None)
    assert value("the week of March 6, 2000") == ("2000-W10", "DATE", None)


def test_clock_times_join_their_day(nlp) -> None:
    values = {
        t.text: t.value
        for t in tag_list(
            nlp,
            "The offer runs until 5 p.m. EST, Nov. 6. At mid-afternoon yesterday shares rose. "
            "The blast occurred at about 10:35 a.m. (0735 GMT) Friday. He left at 6 p.m.",
            date(1989, 10, 30),
        )
    }
    assert values["5 p.m. EST, Nov. 6"] == "1989-11-06T17:00"
    assert values["mid-afternoon yesterday"] == "1989-10-29TAF"
    assert values["about 10:35 a.m"] == "1989-10-27T10:35"  # the day its sentence names
    assert values["6 p.m"] == "1989-10-30T18:00"  # no day named: the publication day


# ------------------------------------------------------------------ event dates


def make_event(doc, trigger: str, sentence_hint: str) -> Event:
    sentence = next(s for s in doc.sents if sentence_hint in s.text)
    start = doc.text.index(trigger, sentence.start_char)
    return Event(
        id=f"e-{trigger}",
        type="CONSULT",
        trigger=Span(trigger, start, start + len(trigger)),
        evidence=Evidence(sentence.text, sentence.start_char, sentence.end_char),
    )


@pytest.fixture(scope="module")
def dated(nlp, tagged):
    from eventwire.extract.times.event_dates import date_event

    doc, times = tagged
    events = {
        "held": make_event(doc, "held", "phone call"),
        "invaded": make_event(doc, "invaded", "invaded"),
        "met": make_event(doc, "met", "Officials met"),
        "struck": make_event(doc, "struck", "drone struck"),
        "lasted": make_event(doc, "lasted", "lasted"),
    }
    for event in events.values():
        date_event(event, list(times.values()), doc, PUBLISHED)
    return events


def test_event_dated_by_attached_expression(dated) -> None:
    assert dated["held"].date.value == "2025-07-01"
    assert dated["held"].date.precision == "day"
    assert dated["held"].date.text == "Tuesday"
    assert dated["held"].status == "asserted"


def test_old_event_becomes_historical(dated) -> None:
    assert dated["invaded"].date.value == "2022-02"
    assert dated["invaded"].date.precision == "month"
    assert dated["invaded"].status == "historical"
    assert dated["met"].date.value == "2024-04"
    assert dated["met"].status == "historical"


def test_reference_to_an_earlier_day_carries_its_date(dated) -> None:
    assert dated["struck"].date.value == "2025-07-01"
    assert dated["struck"].date.provenance == "text"


def test_durations_do_not_date_events_and_fallback_is_publication(dated) -> None:
    event = dated["lasted"]
    assert event.date.value == "2025-07-01"
    assert event.date.provenance == "published_at"
    assert event.date.text is None


def test_event_without_publication_date_and_expression_stays_undated(nlp) -> None:
    from eventwire.extract.times.event_dates import date_event

    doc = nlp("The ministers met in the capital.")
    event = make_event(doc, "met", "ministers")
    date_event(event, [], doc, None)
    assert event.date is None


# ------------------------------------------------------------------ the TempEval-3 scorer

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-04" functionInDocument="CREATION_TIME">2001-05-04</TIMEX3></DCT>
<TEXT>
The council met <TIMEX3 tid="t1" type="DATE" value="2001-05-03">Thursday</TIMEX3> for
<TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3> &amp; agreed.
</TEXT>
</TimeML>
"""


def test_timeml_reader_offsets_and_dct(tmp_path: Path) -> None:
    from eventwire.evaluate.gold import read_timeml

    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    gold = read_timeml(path)
    assert gold.published_at == "2001-05-04"
    assert [t.text for t in gold.timexes] == ["Thursday", "three hours"]
    for timex in gold.timexes:
        assert gold.text[timex.start : timex.end] == timex.text
    assert "&amp;" not in gold.text and "& agreed" in gold.text


def test_scoring_counts_strict_relaxed_and_values(tmp_path: Path) -> None:
    from eventwire.evaluate.gold import read_timeml
    from eventwire.evaluate.times import TimexTally, report_rows, score_document

    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    gold = read_timeml(path)
    thursday, hours = gold.timexes
    predicted = [
        {"text": "Thursday", "start": thursday.start, "end": thursday.end, "value": "2001-05-03", "type": "DATE"},
        {"text": "for three hours", "start": hours.start - 4, "end": hours.end, "value": "PT2H", "type": "DURATION"},
        {"text": "agreed", "start": hours.end + 3, "end": hours.end + 9, "value": None, "type": "DATE"},
    ]
    tally = TimexTally()
    score_document(tally, gold, predicted)
    assert (tally.strict, tally.relaxed, tally.value_right, tally.type_right) == (1, 2, 1, 2)
    rows = {name: (p, r, f) for name, p, r, f in report_rows(tally)}
    assert rows["relaxed span"][:2] == pytest.approx((2 / 3, 1.0))
    assert rows["value"][:2] == pytest.approx((1 / 3, 0.5))
    assert rows["value, gold notation variants accepted"] == rows["value"]  # PT2H is no variant of PT3H


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("1949-XX", "1949", True),
        ("1995-XX-XX", "1995", True),
        ("198X", "198", True),
        ("2000-W7", "2000-W07", True),
        ("1989-WXX", "1989-W43", True),
        ("1989-WXX", "1990-W01", False),  # another year
        ("1989-XX", "1989-10", False),  # a month is no notation of the year
        ("2000-W7", "2000-W17", False),
        ("PT3H", "PT2H", False),
        ("1989", None, False),
    ],
)
def test_gold_notation_variants(gold: str, predicted: str | None, same: bool) -> None:
    from eventwire.evaluate.times import same_notation

    assert same_notation(gold, predicted) is same


@pytest.mark.shared
@pytest.mark.skipif(not TBAQ.exists(), reason="../shared TempEval-3 data absent")
def test_tbaq_sample_scores_reasonably() -> None:
    from eventwire.evaluate.gold import iter_timeml
    from eventwire.evaluate.times import evaluate, report_rows

    tally, n_docs, _ = evaluate(iter_timeml(TBAQ, limit=8))
    assert n_docs == 8
    rows = {name: f for name, _, _, f in report_rows(tally)}
    assert rows["relaxed span"] > 0.8
    assert rows["value"] > 0.6


def test_definite_mention_carries_the_earlier_date(nlp) -> None:
    from eventwire.context import DocContext
    from eventwire.extract.times import EventDater, TimeTagger
    from eventwire.model import DocResult, Document

    text = "The invasion in February 2022 shocked Europe. Diplomats still debate the invasion today."
    doc = nlp(text)
    document = Document(id="d", text=text, published_at=PUBLISHED)
    ctx = DocContext(document, doc, DocResult(doc_id="d", published_at=PUBLISHED))
    TimeTagger()(ctx)
    first = make_event(doc, "invasion", "shocked")
    second_start = text.rindex("invasion")
    second = make_event(doc, "invasion", "debate")
    second.trigger = Span("invasion", second_start, second_start + len("invasion"))
    first.type = second.type = "ASSAULT"
    ctx.result.events.extend([first, second])
    EventDater()(ctx)
    assert first.date.value == "2022-02" and first.date.provenance == "text"
    assert second.date.value == "2022-02" and second.date.provenance == "reference"
    assert second.status == "historical"


# ------------------------------------------------------------------ fourth round


def test_an_earlier_quarter_named_later_is_a_comparison(nlp) -> None:
    text = (
        "Third-quarter profit rose 20%. After a weak second quarter, sales recovered. "
        "In the 1989 period, costs were lower than a year ago."
    )
    values = {t.text: t.value for t in tag_list(nlp, text, date(1989, 11, 2))}
    assert values["the 1989 period"] == "1989-Q3"
    assert values["a year ago"] == "1988-Q3"
    fiscal = (
        "Third-quarter profit rose. For its fiscal second quarter, the unit lost money. The latest period was weak."
    )
    assert {t.text: t.value for t in tag_list(nlp, fiscal, date(1989, 11, 2))}["The latest period"] == "1989-Q2"


def test_a_year_earlier_in_a_nine_month_comparison_is_the_year(nlp) -> None:
    text = (
        "Third-quarter net rose. For the nine months, net was $5 million, compared with $4 million a year earlier. "
        "Sales rose from $3 million a year earlier."
    )
    times = tag_list(nlp, text, date(1989, 11, 2))
    earlier = [t.value for t in times if t.text == "a year earlier"]
    assert earlier == ["1988", "1988-Q3"]  # the nine months' year; then the quarter again


def test_current_as_an_adjective_is_the_present(nlp) -> None:
    values = {t.text: t.value for t in tag_list(nlp, "Given current market conditions, the plan waits.")}
    assert values["current"] == "PRESENT_REF"
    assert "current" not in {t.text for t in tag_list(nlp, "The current swept the boat away.")}
    assert "current" not in {t.text for t in tag_list(nlp, "The current account deficit widened.")}
    then = {t.text: t.value for t in tag_list(nlp, "Holders may buy shares at the then current price.")}
    assert then["then current"] == "PAST_REF"


def test_vague_future_phrases(nlp) -> None:
    values = {t.text: t.value for t in tag_list(nlp, "Rates may rise in the near term and fall at a later date.")}
    assert values == {"the near term": "FUTURE_REF", "a later date": "FUTURE_REF"}


def test_greetings_idioms_and_event_names_are_not_times(nlp) -> None:
    text = (
        "Good evening from the capital. Marchers joined the annual March for Life. "
        "For the town, high noon comes today. The Spring of Life rally drew crowds."
    )
    found = {t.text for t in tag_list(nlp, text)}
    assert found == {"today"}
    assert "March" in {t.text for t in tag_list(nlp, "Prices rose in March for the first time.")}
    assert "March" in {t.text for t in tag_list(nlp, "Sales in March for General Motors fell.")}


def test_weekday_evening_keeps_the_part_of_day(nlp) -> None:
    text = "The offer expired Friday evening, and talks began Friday morning."
    values = {t.text: t.value for t in tag_list(nlp, text)}
    assert values["Friday evening"] == "2025-06-27TEV"
    assert values["Friday morning"] == "2025-06-27"


def test_the_next_morning_steps_from_the_last_day(nlp) -> None:
    text = "He was arrested on June 3. He appeared in court the next morning."
    values = {t.text: t.value for t in tag_list(nlp, text)}
    assert values["the next morning"] == "2025-06-04"


def test_that_day_with_no_day_before_is_generic(nlp) -> None:
    found = {t.text for t in tag_list(nlp, "When a rumor hits, traders sell that day and buy later.")}
    assert "that day" not in found


def test_the_morning_is_part_of_the_last_day_named(nlp) -> None:
    text = "Hopes were dashed Friday. Dealers placed orders in the morning."
    values = {t.text: t.value for t in tag_list(nlp, text)}
    assert values["the morning"] == "2025-06-27TMO"
    assert {t.text: t.value for t in tag_list(nlp, "Dealers placed orders in the morning.")}["the morning"] == (
        "2025-07-01TMO"
    )


def test_a_set_word_used_as_a_noun_is_not_a_time(nlp) -> None:
    found = {t.text for t in tag_list(nlp, "The company declared its initial quarterly of five cents a share.")}
    assert "quarterly" not in found
    assert "quarterly" in {t.text for t in tag_list(nlp, "The reserve will be adjusted quarterly.")}


@pytest.mark.parametrize(
    "text",
    [
        "Troops fired on marchers during Bloody Sunday in the old town.",
        "The blasts became known as Black Friday.",
        'The minister said on the "This Week With Jane Roe" programme that talks had failed.',
    ],
)
def test_weekday_in_a_name_is_not_a_date(text):
    times = Pipeline(components=["times"]).extract(text, published_at="2025-07-01")["times"]
    assert not any("day" in t["text"].lower() or "week" in t["text"].lower() for t in times)


def test_weekday_after_a_name_or_time_word_stays_a_date():
    text = "Last Friday the mayor met the envoy. Late Tuesday, Smith Friday signed the bill."
    values = [t["value"] for t in Pipeline(components=["times"]).extract(text, published_at="2025-07-01")["times"]]
    assert "2025-06-27" in values and "2025-07-01" in values
