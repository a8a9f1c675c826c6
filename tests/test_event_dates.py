"""Which expression of its sentence dates an event, and when the publication day must not (event_dates.py)."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-03-14"  # a Thursday


@pytest.fixture(scope="module")
def pipeline():
    """The dater's work on each mention, before `event_merge` folds mentions together."""
    from eventwire.pipeline import DEFAULT_COMPONENTS, Pipeline

    return Pipeline(
        components=[name for name in DEFAULT_COMPONENTS if name != "event_merge"],
        config={"event_confidence": {"decide": False}},  # every candidate kept: the decision is tested apart
    )


def _event(pipeline, text: str, trigger: str, published_at: str | None = PUBLISHED) -> dict:
    result = pipeline.extract(text, published_at=published_at)
    return next(event for event in result["events"] if event["trigger"]["text"] == trigger)


def _dated_by(text: str, event: dict) -> str:
    return text[event["date"]["start"] : event["date"]["end"]]


def test_a_possible_act_takes_no_publication_day(pipeline):
    request = _event(pipeline, "The opposition could request a recount before the court.", "request")
    assert request["status"] == "hypothetical"
    assert request["date"] is None


def test_a_when_clause_after_a_day_takes_that_day(pipeline):
    text = "Unlike Tuesday, when police detained 40 students, the march on Wednesday passed quietly."
    detained = _event(pipeline, text, "detained")
    assert detained["date"]["value"] == "2024-03-12" and _dated_by(text, detained) == "Tuesday"


def test_a_year_after_when_dates_the_clause(pipeline):
    text = "Rebels failed to take the capital in 1987 when the army repelled their offensive."
    offensive = _event(pipeline, text, "offensive")
    assert offensive["date"]["value"] == "1987"
    assert offensive["status"] == "historical"


def test_an_attended_rally_takes_the_verbs_day(pipeline):
    text = "The mayor attended a rally Friday by nurses outside the city hospital."
    rally = _event(pipeline, text, "rally")
    assert rally["date"]["value"] == "2024-03-08" and _dated_by(text, rally) == "Friday"


def test_a_later_coordinated_verbs_day_is_its_own(pipeline):
    text = "Farmers planned a march on Saturday and were planning to block the bridge on Monday."
    march = _event(pipeline, text, "march")
    assert _dated_by(text, march) == "Saturday"


def test_a_year_before_a_noun_dates_that_noun_not_the_verb(pipeline):
    condemned = _event(pipeline, "The minister condemned the 2019 coup in the capital.", "condemned")
    assert condemned["date"]["value"] != "2019"


def test_without_publication_date_a_month_dates_the_coordinated_acts(pipeline):
    text = "Police detained the editor in March 2016, charged him with fraud, and a judge jailed him."
    for trigger in ("detained", "charged", "jailed"):
        event = _event(pipeline, text, trigger, published_at=None)
        assert event["date"]["value"] == "2016-03" and event["date"]["source"] == "text"
        assert _dated_by(text, event) == "March 2016"


def test_a_sentence_naming_only_old_dates_gives_no_publication_day(pipeline):
    text = "Her cousin, who was jailed as a dissident in the 1970s, fled in 1981."
    jailed = _event(pipeline, text, "jailed")
    assert jailed["date"] is None or jailed["date"]["source"] != "published_at"


def test_a_recent_date_beside_an_old_one_keeps_the_old_one_out(pipeline):
    text = "Last week the police joined federal agents to investigate a string of arson attacks dating to 2009."
    investigate = _event(pipeline, text, "investigate")
    assert investigate["date"]["value"] != "2009"


def test_shortly_after_keeps_the_day_but_after_alone_does_not(pipeline):
    near = "A guard was stabbed outside the embassy shortly after the ambassador left on Monday."
    stabbed = _event(pipeline, near, "stabbed")
    assert stabbed["date"]["value"] == "2024-03-11" and _dated_by(near, stabbed) == "Monday"
    later = _event(pipeline, "The man was freed after his arrest on Monday.", "freed")
    assert later["date"]["value"] != "2024-03-11"


def test_without_publication_date_a_date_stamp_anchors_the_weekdays(pipeline):
    text = "By Jane Roe, The Daily Planet March 31, 2018 2:36 pm. Police arrested two men on Friday near the pier."
    arrested = _event(pipeline, text, "arrested", published_at=None)
    assert arrested["date"]["value"] == "2018-03-30" and arrested["date"]["source"] == "text"
    posted = "Posted 06 April 2018. Police detained the coach on Wednesday."
    assert _event(pipeline, posted, "detained", published_at=None)["date"]["value"] == "2018-04-04"


def test_a_date_in_the_story_is_no_stamp_and_a_stamp_dates_nothing_by_itself(pipeline):
    caption = "Fans gathered at the stadium on March 31, 2018. Police arrested two men on Friday outside the stadium."
    assert _event(pipeline, caption, "arrested", published_at=None)["date"]["value"] == "XXXX-WXX-5"
    stamped = "Published Saturday, March 31, 2018. Officials said talks with the union had collapsed."
    events = pipeline.extract(stamped)["events"]
    assert all(event["date"] is None or event["date"]["source"] != "dateline" for event in events)


def test_a_year_on_a_noun_or_opening_a_noun_phrase_dates_no_act(pipeline):
    law = "The government asked the Supreme Court for its opinion on the scheme under the Water Disputes Act of 1956."
    assert _event(pipeline, law, "asked", published_at=None)["date"] is None
    fair = "The 2018 edition of the fair will gather ministers to discuss trade."
    assert all(event["date"] is None for event in pipeline.extract(fair)["events"])


def test_an_act_still_to_come_takes_no_publication_day(pipeline):
    text = "Since the ruling was published on Monday, the farmers have said they will appeal the verdict."
    appeal = _event(pipeline, text, "appeal")
    assert appeal["status"] == "future"
    assert appeal["date"] is None


def test_an_act_in_the_past_perfect_takes_no_publication_day(pipeline):
    text = "Police said the rebels had attacked the convoy near the border."
    attacked = _event(pipeline, text, "attacked")
    assert attacked["date"] is None or attacked["date"]["source"] != "published_at"


def test_an_act_told_by_an_earlier_report_takes_no_publication_day(pipeline):
    text = "Officials said last week that police had detained nine students."
    detained = _event(pipeline, text, "detained")
    assert detained["date"] is None or detained["date"]["value"] != PUBLISHED
    told = "Officials said on Thursday that police detained nine students."
    assert _event(pipeline, told, "detained")["date"]["value"] == PUBLISHED  # told on the report's day: that day


def test_a_coordinated_toll_shares_the_attacks_day(pipeline):
    text = "Four people were killed and at least 30 injured in a bomb attack on Tuesday near the main market."
    killed = _event(pipeline, text, "killed")
    assert killed["date"]["value"] == "2024-03-12" and _dated_by(text, killed) == "Tuesday"


def test_a_week_named_once_dates_the_act(pipeline):
    text = "Over the weekend, the party continued to call for early elections."
    call = _event(pipeline, text, "call")
    assert call["date"]["value"].startswith("2024-W10") and _dated_by(text, call) == "the weekend"


def test_a_participle_of_saying_takes_the_time_of_the_verb_it_hangs_on(pipeline):
    text = "The mayor wrote to the governor earlier this week, saying she rejects the new budget."
    rejects = _event(pipeline, text, "rejects")
    assert _dated_by(text, rejects) == "earlier this week"


def test_without_publication_date_a_weekday_night_dates_the_act(pipeline):
    text = "The governor signed a decree on Wednesday night to deploy the guard."
    # the act a signed decree orders is the event ("to deploy the guard"), not the signing
    deployed = _event(pipeline, text, "deploy", published_at=None)
    assert deployed["date"]["value"] == "XXXX-WXX-3" and deployed["date"]["source"] == "unresolved"


def test_the_time_of_a_reporting_clause_dates_no_act(pipeline):
    text = "At least 12 were killed and 40 injured, officials said as the curfew began Tuesday."
    killed = _event(pipeline, text, "killed")
    assert killed["date"] is None or killed["date"]["text"] != "Tuesday"


def test_an_act_an_anniversary_recalls_takes_neither_that_day_nor_the_publication_day(pipeline):
    text = "Many feared the deal would fail today, the 40th anniversary of the invasion of Cuba by exiles."
    invasion = _event(pipeline, text, "invasion")
    assert invasion["date"] is None


def test_a_repeated_act_takes_no_publication_day(pipeline):
    text = "The activist has been detained more than a dozen times during protests in four provinces."
    detained = _event(pipeline, text, "detained")
    assert detained["date"] is None
    once = _event(pipeline, "The activist was detained during protests in four provinces.", "detained")
    assert once["date"]["source"] == "published_at"  # told once: the report's day, and said so


def test_a_lasting_act_takes_no_publication_day(pipeline):
    accused = _event(pipeline, "Kabul has long accused Pakistani spies of sheltering the militants.", "accused")
    assert accused["date"] is None
    once = _event(pipeline, "Kabul accused Pakistani spies of sheltering the militants.", "accused")
    assert once["date"]["source"] == "published_at"


def test_an_act_done_some_days_before_takes_no_publication_day(pipeline):
    urged = _event(pipeline, "Zendan lawmakers recently urged the government to cut off aid to Ruritania.", "urged")
    assert urged["date"] is None
    dated = _event(pipeline, "Zendan lawmakers recently urged the government on Monday to cut off aid.", "urged")
    assert dated["date"]["source"] == "text"


def test_a_week_does_not_date_a_possible_act(pipeline):
    text = "Last week, officials sought to have the farmers sign an agreement to leave the land."
    sign = _event(pipeline, text, "sign")
    assert sign["status"] == "hypothetical" and sign["date"] is None


def test_a_relative_clause_staging_a_nominal_act_dates_it(pipeline):
    text = "The minister repeated his government's view of the accord, which was announced on Monday."
    accord = _event(pipeline, text, "accord")
    assert accord["date"]["value"] == "2024-03-11" and _dated_by(text, accord) == "Monday"


def test_a_sentence_opening_on_a_day_dates_the_next_sentences_act(pipeline):
    text = "On March 2, the two envoys had just left a meeting near the port. They were walking when a mine exploded."
    exploded = _event(pipeline, text, "exploded")
    assert exploded["date"]["value"] == "2024-03-02" and exploded["date"]["provenance"] == "adjacent"
    # an act told in the present perfect is not that scene's
    text = "On March 2, the two envoys had just left a meeting near the port. The army has shelled the town."
    assert _event(pipeline, text, "shelled")["date"]["value"] == PUBLISHED


def test_an_act_in_a_clause_ordering_another_takes_no_publication_day(pipeline):
    text = "The guards were asleep in the barracks when the rebels attacked the convoy, the colonel said."
    attacked = _event(pipeline, text, "attacked")
    assert attacked["date"] is None or attacked["date"]["source"] != "published_at"
    # the same act as the sentence's main clause is the report's own
    main = _event(pipeline, "The rebels attacked the convoy near the border, the colonel said.", "attacked")
    assert main["date"]["source"] == "published_at"


def test_an_act_in_a_clause_ordering_another_keeps_its_own_day(pipeline):
    text = "The guards fled after the rebels attacked the convoy on Tuesday."
    attacked = _event(pipeline, text, "attacked")
    assert _dated_by(text, attacked) == "Tuesday"


def test_the_day_of_the_subject_noun_dates_the_act_its_clause_tells(pipeline):
    text = "The March 3 explosion at the depot was the worst in years and left 12 people dead and 40 injured."
    injured = _event(pipeline, text, "injured")
    assert _dated_by(text, injured) == "March 3"
    # a noun elsewhere in the sentence keeps its day to itself
    other = "Rebels attacked the convoy that carried aid for the March 3 flood victims."
    attacked = _event(pipeline, other, "attacked")
    assert attacked["date"] is None or attacked["date"]["text"] != "March 3"


def test_a_verb_that_only_carries_out_its_object_lends_it_its_day(pipeline):
    text = "Over the weekend, the union raised accusations against the mayor."
    accusations = _event(pipeline, text, "accusations")
    assert _dated_by(text, accusations) == "the weekend"
    assert accusations["date"]["precision"] == "week"


def test_a_sentence_telling_an_earlier_day_of_another_act_gives_no_publication_day(pipeline):
    text = "The kidnappers demanded a ransom, but the talks broke off on Monday."
    demanded = _event(pipeline, text, "demanded")
    assert demanded["date"] is None or demanded["date"]["source"] != "published_at"
    # a day of a noun ("the March 2 vote") is not another act's telling
    noun = "The opposition demanded a recount of the March 2 vote."
    recount = _event(pipeline, noun, "demanded")
    assert recount["date"] is not None and recount["date"]["source"] == "published_at"
    # nor a figure's year ("trade fell ... in 2019")
    year = "The minister signed a trade deal with Chile, whose exports fell sharply in 2019."
    signed = _event(pipeline, year, "signed")
    assert signed["date"] is not None and signed["date"]["source"] == "published_at"


def test_a_day_to_come_does_not_date_a_done_act(pipeline):
    """A sentence's only day lies after the report's: it dates an act still to come, never one told as done."""
    text = "The foreign minister has invited his counterparts to a ceremony on March 22."
    invited = _event(pipeline, text, "invited")
    assert invited["date"]["value"] == PUBLISHED and invited["date"]["source"] == "published_at"
    future = "The foreign minister will invite his counterparts to a ceremony on March 22."
    invite = _event(pipeline, future, "invite")
    assert invite["date"]["value"] == "2024-03-22" and _dated_by(future, invite) == "March 22"


def test_a_toll_without_a_time_counts_the_reports_dated_attack(pipeline):
    """A toll told later without a time of its own takes the day of the report's one dated attack, not the
    publication day; with two attack days in the report it takes neither."""
    lead = "Gunmen attacked a crowded market in Kano on March 2, officials said. The governor visited the town. "
    toll = "Of those killed, nine were killed near the main gate."
    killed = _event(pipeline, lead + toll, "killed")
    assert killed["date"]["value"] == "2024-03-02" and killed["date"]["provenance"] == "reference"
    second = "Gunmen attacked a crowded market in Kano on March 2. Bandits attacked a bus in Zaria on March 5. "
    assert _event(pipeline, second + toll, "killed")["date"]["provenance"] != "reference"


def test_an_act_counted_from_another_takes_neither_the_sentences_date_nor_a_neighbours(pipeline):
    later = "The activist arrived in the capital in 2009 and was later granted asylum by the government."
    assert _event(pipeline, later, "granted")["date"] is None
    spans = "The gunman was killed in a shootout with police three days after the bombing."
    assert _event(pipeline, spans, "killed")["date"] is None
    since = "Troops detained four men on Tuesday. Two of the men have since been released from custody."
    assert _event(pipeline, since, "released")["date"] is None
    # the same acts told without the sequel keep their dates
    plain = "The gunman was killed in a shootout with police hours after the bombing."
    assert _event(pipeline, plain, "killed")["date"]["source"] == "published_at"
    own = "Troops detained four men on Tuesday and later released two of them on Wednesday."
    assert _event(pipeline, own, "released")["date"]["value"] == "2024-03-13"


def test_a_photo_captions_date_dates_no_neighbouring_line(pipeline):
    story = "Clashes near the border camp\nPolice detained protesters near the camp{sep}Feb. 23, 2017{end}\n"
    story += "Five people were injured in the clashes\n"
    # a sentence of the story lends its day to the next line that goes on about it ...
    told = story.format(sep=" on ", end=".")
    assert _event(pipeline, told, "injured", "2017-02-25")["date"]["provenance"] == "adjacent"
    # ... a caption's closing date, the photo's, does not
    caption = story.format(sep=", ", end="")
    assert _event(pipeline, caption, "injured", "2017-02-25")["date"]["source"] == "published_at"


def test_a_date_in_a_clause_the_trigger_governs_dates_that_clauses_act(pipeline):
    embedded = "Prosecutors have accused the driver of setting fire to the depot on March 2."
    accused = _event(pipeline, embedded, "accused")
    assert accused["date"] is None or accused["date"]["value"] != "2024-03-02"
    own = "Prosecutors accused the driver on Monday of setting fire to the depot."
    assert _event(pipeline, own, "accused")["date"]["value"] == "2024-03-11"


def test_a_day_hung_on_a_noun_that_counts_the_acts_dates_them(pipeline):
    text = "A wave of attacks across Syria on Monday killed 30 people in the deadliest day in years."
    attacks = _event(pipeline, text, "attacks")
    assert attacks["date"]["value"] == "2024-03-11" and _dated_by(text, attacks) == "Monday"


def test_a_gerund_the_parse_hangs_on_a_place_preposition_keeps_the_day_for_the_act(pipeline):
    text = "Police fired teargas at protesting students at the university on Monday hours after the arrest."
    fired = _event(pipeline, text, "fired")
    assert fired["date"]["value"] == "2024-03-11" and _dated_by(text, fired) == "Monday"


def test_a_protest_staged_on_a_weekday_takes_that_day(pipeline):
    events = pipeline.extract("Students staged a protest on Monday.", published_at="2013-08-21")["events"]
    assert [(e["type"], e["date"]["value"]) for e in events] == [("PROTEST", "2013-08-19")]
