"""Time rules read in their sentence: rates, eras, ranges, recurring weekdays, Easter, spoken dates and clock
times, participles, "the Nth day", day offsets."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.times.calendar import easter_sunday
from eventwire.extract.times.lexicon import load_lexicon
from eventwire.extract.times.normalize import NormContext, normalize

PUBLISHED = date(2025, 7, 1)  # a Tuesday
REPORT = date(1989, 10, 30)  # a Monday
WINTER_REPORT = date(1998, 2, 13)  # a Friday


@pytest.fixture(scope="module")
def tagger():
    from eventwire.extract.times import TimeTagger

    return TimeTagger()


def tags(nlp, tagger, text: str, published: date = PUBLISHED) -> dict[str, tuple[str | None, str, str | None]]:
    return {t.text: (t.value, t.type, t.mod) for t in tagger.tag(nlp(text), published)}


def test_the_unit_of_a_rate_is_not_a_time(nlp, tagger) -> None:
    text = (
        "The plan saves $500 million a year. Qantas flies four flights a week. Rooms cost $35 a night. "
        "Revenue should grow 20% annually and the plant makes 10,000 units annually."
    )
    assert tags(nlp, tagger, text) == {}
    kept = tags(nlp, tagger, "It earned $5 million in a year. Sales rose 10% a year ago. Crowds gather daily.")
    assert kept["a year"][0] == "P1Y"  # "in a year": a length, not a rate
    assert kept["a year ago"][0] == "2024"
    assert kept["daily"] == ("P1D", "SET", None)


def test_a_year_before_a_time_unit_is_not_a_quantity(nlp, tagger) -> None:
    found = tags(nlp, tagger, "He was born in 1989 a year before the war.")
    assert found["a year"][0] == "P1Y"


def test_today_naming_the_era_is_not_a_day(nlp, tagger) -> None:
    text = "The case is for today's youth what the war was for their parents. In today's modern society, all is fast."
    assert tags(nlp, tagger, text) == {}
    assert tags(nlp, tagger, "I would choose the leaders of tomorrow.") == {}
    kept = tags(nlp, tagger, "The offer ran in today's editions, and tomorrow's vote matters.")
    assert kept["today"][0] == "2025-07-01" and kept["tomorrow"][0] == "2025-07-02"


def test_every_quarter_is_valued_like_quarterly() -> None:
    norm = normalize("every quarter", NormContext(PUBLISHED))
    assert norm is not None and (norm.value, norm.type) == ("P1Q", "SET")


def test_a_quantity_mod_before_a_framed_count_stays_inside(nlp, tagger) -> None:
    found = tags(nlp, tagger, "Prices were cut for at least the past 18 months.", REPORT)
    assert found["at least the past 18 months"] == ("P18M", "DURATION", "EQUAL_OR_MORE")
    half = tags(nlp, tagger, "The slump will last through at least the first two quarters of 1990.", REPORT)
    assert half["at least the first two quarters of 1990"][0] == "1990-H1"
    assert (
        tags(nlp, tagger, "Profits fell in the last two quarters of 1988.", REPORT)["the last two quarters of 1988"][0]
        == "1988-H2"
    )
    # "over" is a preposition there, not a mod
    assert "the past 20 years" in tags(nlp, tagger, "He has held jobs over the past 20 years.")


def test_units_ahead_are_a_vague_future_length(nlp, tagger) -> None:
    found = tags(nlp, tagger, "Funds may sell bonds in the weeks ahead. The year ahead looks bright.")
    assert found["the weeks ahead"] == ("PXW", "DURATION", None)
    assert found["The year ahead"] == ("P1Y", "DURATION", None)


def test_a_year_after_pre_or_post_is_read(nlp, tagger) -> None:
    found = tags(nlp, tagger, "The post-1959 politics split families.")
    assert found["1959"][0] == "1959"


def test_trading_days_are_days(nlp, tagger) -> None:
    found = tags(
        nlp, tagger, "Eight trading days after the crash, the index recovered. Payment takes five business days."
    )
    assert found["Eight trading days"][0] == "P8D"
    assert found["five business days"][0] == "P5D"


def test_a_range_is_one_duration_valued_by_its_first_end(nlp, tagger) -> None:
    found = tags(nlp, tagger, "Shipments resume within two to three weeks. He stayed two or three days.")
    assert found["two to three weeks"][0] == "P2W"
    assert found["two or three days"][0] == "P2D"
    assert "3 years ago" in tags(nlp, tagger, "The vote was 5 to 3 years ago.")  # a score, not a range


def test_centuries_keep_their_scale() -> None:
    assert normalize("centuries", NormContext(PUBLISHED)).value == "PXC"  # type: ignore[union-attr]
    assert normalize("decades", NormContext(PUBLISHED)).value == "PXY"  # type: ignore[union-attr]


def test_one_day_before_a_verb_is_some_day_to_come(nlp, tagger) -> None:
    assert tags(nlp, tagger, "Islam will one day be the second largest religion.")["one day"][0] == "FUTURE_REF"
    assert tags(nlp, tagger, "He had been in the job one day.")["one day"][0] == "P1D"


def test_an_hour_in_the_morning_is_a_clock_time_dated_by_its_sentence(nlp, tagger) -> None:
    found = tags(nlp, tagger, "The father will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.")
    assert found["4 in the morning"] == ("2025-07-03T04:00", "TIME", None)
    assert tags(nlp, tagger, "The meeting starts at 3 in the afternoon.")["3 in the afternoon"][0] == "2025-07-01T15:00"


def test_the_years_after_a_preposition_are_some_years(nlp, tagger) -> None:
    found = tags(nlp, tagger, "In the years that followed, the rebels won. Over the years many patients died.")
    assert found == {"the years": ("PXY", "DURATION", None)}
    assert tags(nlp, tagger, "His car was seen in the weeks before the shooting.") == {}


def test_easter_and_holiday_weeks() -> None:
    assert easter_sunday(2000) == date(2000, 4, 23)
    assert easter_sunday(2025) == date(2025, 4, 20)
    assert easter_sunday(2024) == date(2024, 3, 31)
    context = NormContext(date(2000, 4, 17), "past")
    assert normalize("Easter week", context).value == "2000-W16"  # type: ignore[union-attr]
    assert normalize("Good Friday", NormContext(PUBLISHED)).value == "2025-04-18"  # type: ignore[union-attr]
    assert normalize("Easter", NormContext(PUBLISHED, "future")).value == "2026-04-05"  # type: ignore[union-attr]


def test_plural_weekdays_recur(nlp, tagger) -> None:
    found = tags(nlp, tagger, "New flights leave on Monday and Tuesday nights. The shop closes on Sundays.")
    assert found["Monday"] == ("XXXX-WXX-1TNI", "SET", None)
    assert found["Tuesday nights"] == ("XXXX-WXX-2TNI", "SET", None)
    assert found["Sundays"] == ("XXXX-WXX-7", "SET", None)


def test_a_modal_perfect_looks_back(nlp, tagger) -> None:
    found = tags(nlp, tagger, "Worry may have been responsible for a drop in the stock on Wednesday.")
    assert found["Wednesday"][0] == "2025-06-25"
    assert tags(nlp, tagger, "He may arrive on Wednesday.")["Wednesday"][0] == "2025-07-02"


def test_the_day_after_steps_from_the_last_day(nlp, tagger) -> None:
    found = tagger.tag(nlp("He was killed on June 3. Two men came to his house the day after his death."), PUBLISHED)
    assert [t.value for t in found if t.text == "the day"] == ["2025-06-04"]
    apposition = tagger.tag(nlp("Eight days after June 12, the day before the crash, stocks fell."), PUBLISHED)
    assert [t.value for t in apposition if t.text == "the day"] == ["2025-06-12"]


def test_lexicon_words_stay_strings() -> None:
    lex = load_lexicon()
    assert "on" in lex.leading_trim  # YAML would read a bare `on` as true
    assert all(isinstance(word, str) for word in lex.leading_trim)


def test_last_month_name_just_past_and_last_season_are_a_year_back() -> None:
    march = NormContext(date(1998, 3, 1), "past")
    assert normalize("last February", march).value == "1997-02"  # type: ignore[union-attr]
    assert normalize("last October", march).value == "1997-10"  # type: ignore[union-attr]
    october = NormContext(date(1989, 10, 30), "past")
    assert normalize("last April", october).value == "1989-04"  # type: ignore[union-attr]
    assert normalize("last spring", october).value == "1988-SP"  # type: ignore[union-attr]
    assert normalize("this past spring", october).value == "1989-SP"  # type: ignore[union-attr]
    assert normalize("last fall", NormContext(date(1998, 2, 6), "past")).value == "1997-FA"  # type: ignore[union-attr]


def test_recurring_seasons(nlp, tagger) -> None:
    found = tags(nlp, tagger, "Violence flared for the past three summers. Marches are held every summer.")
    assert found["the past three summers"] == ("XXXX-SU", "SET", None)
    assert found["every summer"] == ("XXXX-SU", "SET", None)


def test_future_units_are_the_future(nlp, tagger) -> None:
    found = tags(nlp, tagger, "The losses will cut tax payments in future quarters.")
    assert found["future quarters"] == ("FUTURE_REF", "DATE", None)


def test_a_frequency_is_a_set_of_its_unit(nlp, tagger) -> None:
    found = tags(nlp, tagger, "The club meets twice a week and pays $5 twice a year. Take it three times a day.")
    assert found["twice a week"] == ("P1W", "SET", None)
    assert found["twice a year"] == ("P1Y", "SET", None)  # not a rate: the count is a frequency
    assert found["three times a day"] == ("P1D", "SET", None)


def test_a_unit_before_after_or_before_is_an_offset_not_a_rate(nlp, tagger) -> None:
    found = tags(nlp, tagger, "Turnout fell to 45% a week after the vote.")
    assert found["a week"][0] == "P1W"


def test_a_month_ending_a_range_takes_the_year_of_its_start(nlp, tagger) -> None:
    found = tags(nlp, tagger, "Sales were flat this year through May.", date(2025, 7, 30))
    assert found["May"][0] == "2025-05"  # not next May, though "through" usually looks forward
    winter = tags(nlp, tagger, "Prices rose from November 2024 to February.")
    assert winter["February"][0] == "2025-02"  # a month before the start's month: the next year


def test_a_day_before_to_is_not_a_range_start(nlp, tagger) -> None:
    found = tags(nlp, tagger, "After a revision Friday to December's figures, the jobs data looked stronger.")
    assert found["December"][0] == "2024-12"


def test_a_bare_participle_takes_the_tense_of_its_clause(nlp, tagger) -> None:
    text = "Two new flights would leave on Monday nights, with the third departing each Thursday from August 6."
    found = tags(nlp, tagger, text, WINTER_REPORT)
    assert found["August 6"][0] == "1998-08-06"  # future, not the August before the report


def test_the_nth_day_said_of_today_is_the_publication_day(nlp, tagger) -> None:
    found = tags(nlp, tagger, "In the capital, today is the eighth day of the blockade.")
    assert found["the eighth day"] == ("2025-07-01", "DATE", None)
    assert "the second day" in tags(nlp, tagger, "It's the second day of an offensive by the army.")
    # said of the past, the Nth day needs the story's timeline: not tagged
    assert "the second day" not in tags(nlp, tagger, "It was the second day of the strike.")


def test_the_day_before_a_named_day_is_one_expression(nlp, tagger) -> None:
    found = tags(nlp, tagger, "The day before last Tuesday's hearing, he flew to Miami.")
    assert found["The day before last Tuesday"][0] == "2025-06-23"
    after = tags(nlp, tagger, "They met on the day after Christmas.")
    assert after["the day after Christmas"][0] == "2024-12-26"


def test_a_doubled_article_does_not_hide_the_expression(nlp, tagger) -> None:
    found = tags(nlp, tagger, "The offer is scheduled to expire at the the end of November.")
    assert found["the end of November"] == ("2025-11", "DATE", "END")


def test_spoken_ordinal_days(nlp, tagger) -> None:
    found = tags(nlp, tagger, "Women's Day is this coming Sunday, March eighth.", date(1998, 3, 5))
    assert found == {"this coming Sunday, March eighth": ("1998-03-08", "DATE", None)}  # one expression
    assert tags(nlp, tagger, "The vote was held on May first.")["May first"][0] == "2025-05-01"
    assert "third-quarter" in tags(nlp, tagger, "In March third-quarter sales were flat.")


def test_quarters_of_a_relative_or_possessive_year(nlp, tagger) -> None:
    found = tags(nlp, tagger, "Sales rose in fiscal 1999's first quarter and will in the first quarter of next year.")
    assert found["fiscal 1999's first quarter"][0] == "1999-Q1"
    assert found["the first quarter of next year"][0] == "2026-Q1"
    assert (
        tags(nlp, tagger, "Profit fell in the second half of last year.")["the second half of last year"][0]
        == "2024-H2"
    )


def test_the_same_day_refers_back_and_is_dropped_when_generic(nlp, tagger) -> None:
    found = tags(nlp, tagger, "The bomb exploded on June 3. He was arrested the same day.")
    assert found["the same day"][0] == "2025-06-03"
    assert tags(nlp, tagger, "Traders who buy and sell the same day pay less.") == {}


def test_counted_forward_from_now(nlp, tagger) -> None:
    found = tags(nlp, tagger, "He will return two weeks from now, and the plant opens a year from now.")
    assert found["two weeks from now"] == ("2025-W29", "DATE", None)
    assert found["a year from now"][0] == "2026"


def test_the_year_ago_quarter_with_no_quarter_named(nlp, tagger) -> None:
    found = tags(nlp, tagger, "The firm earned $3 million in the year-ago quarter.")
    assert found["the year-ago quarter"][0] == "2024-Q2"  # the last quarter over, a year back


def test_last_and_next_before_a_fixed_holiday(nlp, tagger) -> None:
    assert tags(nlp, tagger, "He visited last Christmas.")["last Christmas"][0] == "2024-12-25"
    assert tags(nlp, tagger, "We will meet next Christmas.")["next Christmas"][0] == "2025-12-25"


def test_a_month_abbreviated_without_its_dot_before_a_day(nlp, tagger) -> None:
    found = tags(nlp, tagger, "The court ruled on Apr 5 that the vote stands, and again on Dec 3, 2024.")
    assert found["Apr 5"][0] == "2025-04-05"
    assert found["Dec 3, 2024"][0] == "2024-12-03"
    parade = tags(nlp, tagger, "The army parade was held on 1st Oct 2017 in the capital.")
    assert parade["1st Oct 2017"][0] == "2017-10-01"
    assert tags(nlp, tagger, "Nothing will mar 5 years of work.") == {"5 years": ("P5Y", "DURATION", None)}


def test_the_day_in_brackets_gives_the_word_before_it_its_value(nlp, tagger) -> None:
    found = tags(nlp, tagger, "The minister resigned yesterday (29 June) after the vote.")
    assert found["yesterday"][0] == found["29 June"][0] == "2025-06-29"
    unanchored = tags(nlp, tagger, "The minister resigned on Wednesday (April 4th) after the vote.", published=None)
    assert unanchored["Wednesday"][0] == "XXXX-04-04"
