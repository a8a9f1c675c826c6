"""EventDater: the `event_dates` component. Gives each event a date with its precision.

The date comes from the time expression that governs the event in the parse: one attached
to the trigger ("the invasion in February 2022"), to the verb whose subject or object the
trigger is ("the contact came in April 2024"), or one whose clause holds the trigger ("April
2024, when ... met"). Dates win over durations; expressions that open or close an interval
("since September 2022", "until June") are not the event's own time and are skipped.
Without such an expression an event whose sentence has no time expression at all takes the
date of the neighbouring sentence of the same report (provenance "adjacent", places/adjacent.py).
An event the parse links to no expression takes the day its own sentence names when the sentence
names one day only ("Officers responding to a call on Wednesday shot a man": provenance "sentence"),
so an explicit expression wins over the fallbacks: the dateline's day (source "dateline"), else the
publication date (source and provenance "published_at"). Without a publication date or dateline the
relative expressions stay unresolved ("XXXX-03-18", "XXXX-WXX-3"); an event dated by one says so
with source "unresolved". An asserted event whose date ends well before the publication date
becomes "historical". Neither fallback dates an act the text shows is not on the report's day (off_report_day):
history, a possibility, an act still to come ("will appeal"), a repeated one, one in the past perfect, one told by
a report dated earlier ("said last week that ...") or recalled by an anniversary: such an act stays undated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from eventwire.extract.places.adjacent import borrow, is_definite_noun, trigger_lemma
from eventwire.extract.times.calendar import add_months, parse_value_date, precision_of
from eventwire.extract.times.captions import is_caption, line_at
from eventwire.extract.times.dateline import dateline_date, report_date
from eventwire.extract.times.lexicon import load_lexicon, time_words
from eventwire.model import Event, EventDate, TimeExpr
from eventwire.nlp.modals import modal_words
from eventwire.nlp.parse import text_of, tokens_at, trigger_token
from eventwire.nlp.tree import governing_verb, told_in_past
from eventwire.registry import component

# An event dated this many days or more before the publication date is historical.
HISTORICAL_AFTER_DAYS = 31
INTERVAL_PREPS = time_words().words("interval_preps")
SPEECH_TYPES = time_words().words("speech_types")
REPORTING_VERBS = time_words().words("reporting_verbs")
SAME_DAY_WORDS = time_words().words("same_day_words")
# "was later granted", "has since been released", "died three days after the bombing": counted from another act.
SEQUEL_ADVERBS = time_words().words("sequel_adverbs")
OFFSET_PREPS = time_words().words("offset_preps")
COLLECTIVE_NOUNS = time_words().words("collective_nouns")
# Verbs whose date is a person's or a body's background, not the sentence's act ("born on May 3, 1950").
BACKGROUND_TIME_HOSTS = time_words().words("background_time_hosts")
# A nominal trigger in one of these roles takes the time of the verb it hangs on.
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd"}
RESOLVED_DATE = re.compile(r"^\d{3,4}(?:-(?:\d{2}|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?(?:-\d{2}|-WE)?$")
# A date the missing publication date left unresolved (TIMEX3 X's): "XXXX-03-18", "XXXX-WXX-3", "XXXX-06".
# Only those naming a month or a weekday: "XXXX-XX-XX" ("yesterday", "the last day") says nothing of the calendar.
UNRESOLVED_PRECISION = [
    (re.compile(r"^XXXX-\d{2}-\d{2}$|^XXXX-WXX-[1-7]$"), "day"),
    (re.compile(r"^XXXX-\d{2}$"), "month"),
]
# Only a day or week named once in the sentence ("earlier this week") dates an event the parse does not link it to
# (not "in 2005"), unless the date lies well before publication or no publication date says which dates are recent.
SENTENCE_DATE_PRECISIONS = {"day", "week"}
# The precisions of a date that tells the story's days before the report's ("broke off Thursday", "in March").
STORY_PRECISIONS = {"day", "week", "month"}
# Acts the report's own day does not date: one told as history, one that may only happen ("could request a rehearing").
UNDATED_BY_REPORT = {"historical", "hypothetical"}
# Auxiliaries of an act still to come ("will appeal", "would be allowed") and of one told in the past perfect.
FUTURE_ACT_AUX = modal_words("will", "future", "colloquial_future") | time_words().words("future_act_aux")
PLUPERFECT_AUX = time_words().words("pluperfect_aux")
# Auxiliaries of an act not told as done: one to come or one that only may be ("could request").
UNDONE_ACT_AUX = FUTURE_ACT_AUX | modal_words("modal", "could", "can")
ORDERING_MARKS = time_words().words("ordering_marks")
# The event types of a toll and the kinds of its quantities (date_tallies_from_the_attack).
TALLY_TYPES = time_words().words("tally_types")
TALLY_KINDS = time_words().words("tally_kinds")
RECALLING_NOUNS = time_words().words("recalling_nouns")
REPEATED_ACT_WORDS = time_words().words("repeated_act_words")
# Links that keep a word in the clause of the verb above it ("left 20 dead and 120 injured"), not a clause of its own.
SAME_CLAUSE_DEPS = {"conj", "oprd", "dobj", "acomp", "attr"}
# Links of a clause that tells another act inside the trigger's ("accused him of setting off a bomb on Sept. 17",
# "denied that troops fired on Monday"): that clause's date is its act's.
EMBEDDED_ACT_DEPS = {"pcomp", "ccomp"}
# Dependency labels of a time expression that modifies the noun before which it stands ("NATO's 2011 intervention").
PRENOMINAL_DEPS = {"poss", "compound", "nmod", "amod", "nummod"}


@component("event_dates", requires=["result.events", "result.times"])
class EventDater:
    def __call__(self, ctx) -> None:
        times = ctx.result.times
        head = report_date(ctx.document.text, times, ctx.document.published_at)
        # the dateline's (or date stamp's) day is the reporter's, not an expression of the sentence that follows it
        own_times = [t for t in times if head is None or t.start >= (head.end or 0)]
        # only a dateline dates what the text does not: a stamp, often hours or days after the act, anchors "Monday"
        dateline = dateline_date(ctx.document.text, times)
        dated: dict[tuple[str, str], EventDate] = {}
        for event in ctx.result.events:
            date_event(event, own_times, ctx.doc, ctx.document.published_at, dated)
            if event.date is not None and event.date.provenance == "text":
                dated[mention_key(event, ctx.doc)] = event.date
        date_from_adjacent(ctx.doc, ctx.result.events, own_times)
        date_from_scene(ctx.doc, ctx.result.events, own_times, ctx.document.published_at is not None)
        # read when the quantities stage ran before (not declared: the dater works without it)
        date_tallies_from_the_attack(
            ctx.result.events, getattr(ctx, "count_links", None) or [], ctx.document.published_at
        )
        if dateline is not None:
            for event in ctx.result.events:
                # a background act, or one before or after the report's day, is not dated by the dateline's day
                if takes_fallback(event) and not off_report_day(event, own_times, ctx.doc, dateline_day(dateline)):
                    event.date = dateline


def date_tallies_from_the_attack(events: list[Event], count_links: list, published_at: date | None) -> None:
    """A toll told without a time of its own, dated only by the publication day ("Of those killed, 11 were killed in
    Tanzania"), counts the report's attack: when the text dates every attack before it to one day before the
    report's, the toll takes that day (provenance "reference")."""
    tolls = [q for q, _ in count_links if q.kind in TALLY_KINDS]
    dated: list[Event] = []
    for event in events:
        if event.type not in TALLY_TYPES or event.date is None:
            continue
        if event.date.source == "text" and event.date.precision == "day":
            dated.append(event)
            continue
        values = {e.date.value for e in dated}
        if event.date.provenance != "published_at" or len(values) != 1 or published_at is None:
            continue
        attack = dated[-1].date
        told = any(event.evidence.start <= q.start < event.evidence.end for q in tolls)
        if told and parse_value_date(attack.value.split("T")[0]) < published_at:
            event.date = replace(attack, provenance="reference", source="text")
            if event.status == "asserted" and is_well_before(attack.value, published_at):
                event.status = "historical"


def date_from_adjacent(doc: Doc, events: list[Event], times: list[TimeExpr]) -> None:
    """Events whose sentence has no time expression take the date of the same report's neighbouring
    sentence (places/adjacent.py); a historical event lends none ("In 2005 ... He was sentenced")."""

    def has_time(start: int, end: int) -> bool:
        return any(start <= t.start < end and t.type in ("DATE", "TIME") for t in times)

    text = text_of(doc)

    def own(event: Event) -> EventDate | None:
        usable = event.date is not None and event.date.provenance == "text" and event.status != "historical"
        return event.date if usable and not is_caption(text, event.trigger.start, times) else None

    for i, borrowed in borrow(doc, events, own, has_time, lambda d: d.value).items():
        event = events[i]
        if is_caption(text, event.trigger.start, times):
            continue  # a photo caption tells its own moment
        if in_relative_clause(event, doc) or in_past_perfect(event, doc) or told_as_sequel(event, doc, times):
            continue  # "Americans who were killed in the bombing": a participant's background, not the report's act
        if takes_fallback(events[i]):
            events[i].date = replace(borrowed, provenance="adjacent")


def date_from_scene(doc: Doc, events: list[Event], times: list[TimeExpr], anchored: bool) -> None:
    """An act whose sentence names no time, told right after a sentence of the same paragraph that opens on a day
    ("On Aug. 7, the two men had just ended a meeting. They were talking when the bomb went off"), takes that day:
    the opening date sets the scene the next sentence goes on with (provenance "adjacent")."""
    sentences = list(doc.sents)
    starts = [sent.start_char for sent in sentences]
    text = text_of(doc)
    for event in events:
        if not takes_fallback(event) or event.status != "asserted":
            continue
        index = bisect_right(starts, event.trigger.start) - 1
        if index < 1 or "\n\n" in text[sentences[index - 1].end_char : sentences[index].start_char + 1]:
            continue
        sentence, previous = sentences[index], sentences[index - 1]
        if is_caption(text, sentence.start_char, times) or is_caption(text, previous.start_char, times):
            continue  # a photo's day sets no scene for the story
        if any(sentence.start_char <= t.start < sentence.end_char and t.type in ("DATE", "TIME") for t in times):
            continue
        if in_relative_clause(event, doc) or in_past_perfect(event, doc) or told_as_sequel(event, doc, times):
            continue
        if not (told_in_past(sentence.root) and told_in_past(previous.root)):
            continue  # "unjustly imprisoned journalists cast a shadow": a state, not the scene's act
        scene = opening_day(previous, times, doc, anchored)
        if scene is not None:
            value = scene.value or ""
            source = "text" if is_resolved(value) else "unresolved"
            event.date = EventDate(value, date_precision(value), scene.text, scene.start, scene.end, "adjacent", source)


def opening_day(sentence: Span, times: list[TimeExpr], doc: Doc, anchored: bool) -> TimeExpr | None:
    """The day a sentence opens on ("On Aug. 7, ...", "Late Tuesday, ..."), not an interval's end ("Since Monday")."""
    opening = sentence[min(2, len(sentence) - 1)].idx
    for time_expr in times:
        if sentence.start_char <= time_expr.start <= opening and time_expr.type in ("DATE", "TIME"):
            value = time_expr.value or ""
            if is_usable(value, anchored) and date_precision(value) == "day" and not opens_interval(time_expr, doc):
                return time_expr
    return None


def dateline_day(dateline: EventDate) -> date | None:
    return parse_value_date(dateline.value) if is_resolved(dateline.value) else None


def takes_fallback(event: Event) -> bool:
    """Undated, or dated only by the publication day, and neither history nor a mere possibility."""
    return event.status not in UNDATED_BY_REPORT and (event.date is None or event.date.source == "published_at")


def in_relative_clause(event: Event, doc: Doc) -> bool:
    """The trigger lies in a relative clause ("the Americans who were killed in the bombing")."""
    trigger = trigger_token(doc, event)
    return trigger is not None and any(t.dep_ == "relcl" for t in [trigger, *trigger.ancestors])


def date_event(
    event: Event,
    times: list[TimeExpr],
    doc: Doc,
    published_at: date | None,
    dated: dict[tuple[str, str], EventDate] | None = None,
) -> None:
    """Set `event.date` (and maybe status 'historical') from the governing expression.

    `dated` holds the last text-dated event date per (type, trigger lemma): a definite
    nominal trigger with no date of its own ("the invasion" after "the invasion in February
    2022") repeats that event and takes its date (provenance "reference").
    """
    anchored = published_at is not None
    governing = governing_time(event, times, doc, anchored=anchored) or reporting_time(event, times, doc, anchored)
    earlier = (dated or {}).get(mention_key(event, doc))
    if governing is None and earlier is not None and is_definite_noun(doc, event):
        source = "text" if is_resolved(earlier.value) else "unresolved"
        event.date = replace(earlier, provenance="reference", source=source)
        if event.status == "asserted" and is_well_before(earlier.value, published_at):
            event.status = "historical"
        return
    provenance = "text"
    if governing is None:
        governing, provenance = sentence_time(event, times, doc, anchored, published_at), "sentence"
    if governing is not None:
        value = governing.value or ""
        event.date = EventDate(
            value,
            date_precision(value),
            governing.text,
            governing.start,
            governing.end,
            provenance,
            "text" if is_resolved(value) else "unresolved",
        )
        if event.status == "asserted" and is_well_before(value, published_at):
            event.status = "historical"
    elif (past := background_date(event, times, doc, published_at)) is not None:
        event.date = past
        if event.status == "asserted" and is_well_before(past.value, published_at):
            event.status = "historical"
    elif published_at is not None and event.status not in UNDATED_BY_REPORT:
        if tells_only_the_past(event, times, doc, published_at) or off_report_day(event, times, doc, published_at):
            return
        event.date = EventDate(published_at.isoformat(), "day", None, None, None, "published_at", "published_at")


def sentence_time(
    event: Event, times: list[TimeExpr], doc: Doc, anchored: bool = True, published_at: date | None = None
) -> TimeExpr | None:
    """The one day the event's sentence names, when the parse links no expression to the event: not a
    reporting verb's ("police said Wednesday"), an interval's end, or a background verb's ("born on ...").
    A week counts as a day for an act told as done ("Over the weekend, McCaw continued to call for ..."; not "sought
    last week to have the family sign"). A month or year counts too when it lies well before publication
    ("repelled their invasion" in a sentence about 1961) or no publication date is known ("arrested him in May
    2017, charged him and ...")."""
    if told_as_sequel(event, doc, times):
        return None  # "entered in 2010 ... and was later granted asylum": the sentence's date is the earlier act's
    precisions = SENTENCE_DATE_PRECISIONS if event.status != "hypothetical" else SENTENCE_DATE_PRECISIONS - {"week"}
    days: dict[str, TimeExpr] = {}
    past: dict[str, TimeExpr] = {}
    done = told_as_done(event, doc)
    for time_expr in own_sentence_dates(event, times, doc, anchored):
        value = time_expr.value or ""
        if done and is_after(value, published_at):
            continue  # "has invited them to a ceremony on March 12": a day to come is not a done act's
        if date_precision(value) in precisions:
            days.setdefault(value.split("T")[0], time_expr)
        else:
            past.setdefault(value, time_expr)
    if days:
        return next(iter(days.values())) if len(days) == 1 else None
    # "Last week the FBI joined ... shootings dating to 1994": a recent date in the sentence leaves the act undated
    if len(past) == 1 and is_past_calendar_date(value := next(iter(past)), published_at):
        return past[value] if dates_a_verb(past[value], doc) else None  # not "asked the court about the Act of 1956"
    return None


def told_as_done(event: Event, doc: Doc) -> bool:
    """The act's verb is in the simple past or the present perfect ("were invited", "has invited")."""
    trigger = trigger_token(doc, event)
    verb = act_verb(trigger) if trigger is not None else None
    if verb is None or auxiliaries(verb) & UNDONE_ACT_AUX:
        return False
    present_perfect = verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )
    return told_in_past(verb) or present_perfect


def is_after(value: str, published_at: date | None) -> bool:
    """A resolved date that begins after the publication day."""
    start = parse_value_date(value) if published_at is not None and is_resolved(value) else None
    return start is not None and start > published_at


def dates_a_verb(time_expr: TimeExpr, doc: Doc) -> bool:
    """The expression hangs on a verb ("arrested him in May 2017"), not on a noun ("the Act of 1956")."""
    span = tokens_at(doc, time_expr.start, time_expr.end)
    return span is not None and attachment(span.root)[0].pos_ in ("VERB", "AUX")


def is_prenominal(time_expr: TimeExpr, doc: Doc) -> bool:
    """The expression modifies the noun after it ("The 2018 edition of the fair")."""
    span = tokens_at(doc, time_expr.start, time_expr.end)
    return span is not None and span.root.dep_ in PRENOMINAL_DEPS and span.root.head.i > span.root.i


def own_sentence_dates(event: Event, times: list[TimeExpr], doc: Doc, anchored: bool) -> list[TimeExpr]:
    """The dated expressions of the event's sentence that may be its own: none of another act's (dates_another_act)."""
    trigger = trigger_token(doc, event)
    if trigger is None:
        return []
    return [t for t, span in _sentence_dates(event, times, doc, anchored) if not dates_another_act(span.root, trigger)]


def tells_only_the_past(event: Event, times: list[TimeExpr], doc: Doc, published_at: date) -> bool:
    """Every date the event's sentence may give it lies well before publication ("who was imprisoned in the 1960s,
    followed in 1979"): the act is not the report's day, though the sentence does not say which date is its own."""
    own = own_sentence_dates(event, times, doc, True)
    return bool(own) and all(is_well_before(t.value or "", published_at) for t in own)


def off_report_day(event: Event, times: list[TimeExpr], doc: Doc, report_day: date | None) -> bool:
    """The text shows the act is not on the report's day, though it gives it no date of its own: still to come
    ("they will appeal"), repeated ("arrested a dozen times"), told in the past perfect ("said it had sent an
    envoy"), reported by a verb dated before the report's day ("officials said last week that six people were in
    custody"), or recalled by an anniversary."""
    trigger = trigger_token(doc, event)
    if trigger is None:
        return False
    if is_recalled(trigger):
        return True
    verb = act_verb(trigger)
    if verb is None:
        return False
    if event.status == "future" and auxiliaries(verb) & FUTURE_ACT_AUX:
        return True
    if is_repeated(verb) or in_ordering_clause(verb) or told_as_sequel(event, doc, times):
        return True
    if report_day is not None and names_an_earlier_day(event, times, doc, report_day):
        return True
    return told_in_past_perfect(verb) or (report_day is not None and reported_before(trigger, times, doc, report_day))


def names_an_earlier_day(event: Event, times: list[TimeExpr], doc: Doc, report_day: date) -> bool:
    """The act's sentence names a day before the report's for another act ("His kidnappers demanded a ransom, but
    negotiations broke off at noon Thursday"; "filed a lawsuit, but in March a judge ruled against them"): the
    sentence tells the story before the report's day, so that day would be a guess."""
    for time_expr, _ in _sentence_dates(event, times, doc, True):
        if date_precision(time_expr.value or "") not in STORY_PRECISIONS:
            continue  # "trade fell to $2 billion in 1997": a figure's year, not the story's days
        end = period_end((time_expr.value or "").split("T")[0])
        if end is not None and end < report_day and dates_a_verb(time_expr, doc):
            return True
    return False


def is_repeated(verb: Token) -> bool:
    """An act told as repeated ("has been arrested more than a dozen times", "repeatedly detained", "on several
    occasions"), as lasting ("has long accused") or as done some days before ("recently urged"): none of its days
    is the report's."""
    near = [*verb.children, *(t for child in verb.children if child.dep_ == "prep" for t in child.children)]
    return any(t.lower_ in REPEATED_ACT_WORDS and t.dep_ in ("npadvmod", "advmod", "pobj") for t in near)


def told_as_sequel(event: Event, doc: Doc, times: list[TimeExpr]) -> bool:
    """The act is placed after, or a span away from, another moment of the story rather than dated: "was later
    granted asylum", "has since been released", "Days later, he was killed", "died three days after the bombing"
    (`sequel_adverbs`, `offset_preps`; not "hours after", `same_day_words`, nor "later this week", a time of its own).
    """
    trigger = trigger_token(doc, event)
    if trigger is None:
        return False
    verb = act_verb(trigger)
    hosts = [trigger] if verb is None or verb.i == trigger.i else [trigger, verb]
    for child in (child for host in hosts for child in host.children):
        if any(t.start <= child.idx < t.end for t in times):
            continue
        if child.dep_ == "advmod" and child.lower_ in SEQUEL_ADVERBS:
            return True
        if child.dep_ == "prep" and child.lower_ in OFFSET_PREPS and counts_a_span(child):
            return True
    return False


def counts_a_span(preposition: Token) -> bool:
    """ "three days after", "a week before": a span, not "hours after" or "shortly after" (`same_day_words`)."""
    spans = [c for c in preposition.children if c.dep_ in ("npadvmod", "advmod")]
    return any(c.pos_ == "NOUN" for c in spans) and not any(c.lower_ in SAME_DAY_WORDS for c in spans)


def in_ordering_clause(verb: Token) -> bool:
    """The act is told in a clause that places another act against it ("when the shooting occurred, Murray said",
    "after police raided the flat, ..."; `ordering_marks`): a moment of the story, not the report's day."""
    while verb is not None:
        if verb.dep_ == "advcl" and any(
            child.dep_ in ("mark", "advmod") and child.lower_ in ORDERING_MARKS and child.i < verb.i
            for child in verb.children
        ):
            return True
        verb = clause_above(verb) if verb.dep_ != "advcl" else None
    return False


def auxiliaries(verb: Token) -> set[str]:
    return {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}


def in_past_perfect(event: Event, doc: Doc) -> bool:
    """The act's verb, or the verb whose complement clause holds it, is in the past perfect ("it had sent an envoy",
    "they had concluded that Kopp fired the shots"): an act before a past moment of the story."""
    trigger = trigger_token(doc, event)
    return trigger is not None and told_in_past_perfect(act_verb(trigger))


def act_verb(trigger: Token) -> Token | None:
    """The trigger if it is a verb, else the verb that governs it."""
    return trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)


def told_in_past_perfect(verb: Token | None) -> bool:
    while verb is not None:
        if verb.tag_ == "VBN" and auxiliaries(verb) & PLUPERFECT_AUX:
            return True
        verb = clause_above(verb)
    return False


def clause_above(verb: Token) -> Token | None:
    """The verb whose clause holds `verb`'s: through a complement, an adverbial clause or a gerund after a
    preposition ("had been arrested for protesting")."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ not in ("ccomp", "xcomp", "advcl"):
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.i != verb.i else None


def reported_before(trigger: Token, times: list[TimeExpr], doc: Doc, report_day: date) -> bool:
    """The act is told in the clause of a reporting verb dated before the report's day ("said last week that ...")."""
    for ancestor in trigger.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in REPORTING_VERBS:
            if not _in_complement_of(trigger, ancestor):
                return False  # "said Friday in response to U.S. missile attacks": not what was told
            told = _attached_time(ancestor, times, doc)
            end = period_end(told.value or "") if told is not None and is_resolved(told.value) else None
            return end is not None and end < report_day
    return False


def _attached_time(verb: Token, times: list[TimeExpr], doc: Doc) -> TimeExpr | None:
    """The dated expression the parse hangs directly on `verb` ("said last week", "told reporters on Monday")."""
    for time_expr in times:
        span = tokens_at(doc, time_expr.start, time_expr.end)
        if span is not None and time_expr.type in ("DATE", "TIME") and attachment(span.root)[0].i == verb.i:
            return time_expr
    return None


def is_past_calendar_date(value: str, published_at: date | None) -> bool:
    """A calendar date (with its year) well before publication, or any when the publication date is unknown."""
    return is_resolved(value) and (published_at is None or is_well_before(value, published_at))


def dates_another_act(time_root: Token, trigger: Token) -> bool:
    """The expression belongs to some other act of the sentence: a reporting or background verb ("police said
    Wednesday", "born on May 3"), a noun it modifies ("last Friday's bombings"), a relative clause ("who spent
    Sunday night there"; not one on the trigger that only stages it, "the accord, which was announced Friday"), a
    later coordinated verb ("was released and appeared in court the next morning"),
    a phrase ordering another act ("since he arrived on April 6", "after his arrest on Monday"), the verb
    whose complement clause holds the trigger ("reported on Thursday that she had phoned"), or the verb above a
    nominal trigger ("paid tribute Tuesday to bombing victims"); also the time of a reporting verb's clause
    ("officials said as dawn broke Saturday"), and an act an anniversary recalls ("today, the 39th anniversary of the
    invasion")."""
    host, _ = attachment(time_root)
    if host.dep_ == "relcl" and stages(host, trigger):
        return False
    if host.lemma_.lower() in REPORTING_VERBS | BACKGROUND_TIME_HOSTS or is_recalled(trigger):
        return True
    if host.dep_ == "advcl" and host.head.lemma_.lower() in REPORTING_VERBS and host.head.i != trigger.i:
        return True
    if time_root.dep_ in PRENOMINAL_DEPS and host.i != trigger.i and not is_subject_of_act(host, trigger):
        return True
    if _in_complement_of(trigger, host) and host.lemma_.lower() != "be":
        return True  # "reported on Thursday that she had phoned": when told, not done ("it was on July 7 that" is)
    above = host.i != trigger.i and trigger in host.subtree
    if trigger.pos_ in ("NOUN", "PROPN") and above and not collects(host, trigger):
        return True  # "paid tribute Tuesday to bombing victims": the verb's day, not the noun's (see governs)
    for ancestor in [time_root, *time_root.ancestors]:
        if ancestor.i == trigger.i or trigger in ancestor.subtree:
            return False
        if ancestor.dep_ == "relcl" or (ancestor.dep_ == "prep" and orders_another_act(ancestor)):
            return True
        if tells_an_embedded_act(ancestor) and trigger in ancestor.ancestors:
            return True  # "accused him of setting off a bomb on Sept. 17": the bombing's day, not the accusation's
        # a later coordinated verb ("planned a rally on Saturday and were planning to drive on Monday"); not a
        # coordinated count or a bare participle sharing the trigger's auxiliary ("six were killed and 58 injured in
        # an attack on Friday": one act's toll)
        later_verb = ancestor.dep_ == "conj" and ancestor.pos_ in ("VERB", "AUX") and ancestor.i > trigger.i
        if later_verb and not is_bare_participle(ancestor) and trigger in ancestor.head.subtree:
            return True
        if any(child.dep_ == "mark" and orders_another_act(child) for child in ancestor.children):
            return True
    return False


def tells_an_embedded_act(verb: Token) -> bool:
    """A complement clause ("denied that troops fired") or a gerund after "of" ("accused him of setting off a bomb"),
    not a gerund the parse hangs on another preposition ("fired teargas at protesting students")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in EMBEDDED_ACT_DEPS:
        return False
    return verb.dep_ != "pcomp" or verb.head.lower_ == "of"


def is_subject_of_act(noun: Token, trigger: Token) -> bool:
    """The dated noun is the subject of the clause that tells the act ("The August 17 blast ... left 20 dead and 120
    injured", "Saturday's attack killed five"): the noun's day is the act's."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or trigger in noun.subtree:
        return False
    verb = noun.head
    for token in [trigger, *trigger.ancestors]:
        if token.i == verb.i:
            return True
        if token.dep_ not in SAME_CLAUSE_DEPS:
            return False
    return False


def stages(clause_verb: Token, trigger: Token) -> bool:
    """A relative clause on the nominal trigger whose verb only stages the act ("the accord, which was announced
    Friday", "the talks, which began Monday": `light_verbs`) tells when the act itself took place."""
    return clause_verb.head.i == trigger.i and clause_verb.lemma_.lower() in load_lexicon().light_verbs


def is_recalled(trigger: Token) -> bool:
    """A nominal act an anniversary recalls ("the 39th anniversary of the invasion"): no day of the report's."""
    for ancestor in trigger.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in RECALLING_NOUNS:
            return True
    return False


def is_bare_participle(verb: Token) -> bool:
    """A past participle with no auxiliary of its own: the second half of one passive ("were killed and injured")."""
    return verb.tag_ == "VBN" and not auxiliaries(verb)


def orders_another_act(word: Token) -> bool:
    """'after his arrest on Monday', 'since he arrived on April 6': the date is the other act's; not so 'shortly
    after he returned home on Friday', where both fall on the one day (`same_day_words`)."""
    if word.lower_ not in INTERVAL_PREPS:
        return False
    near = [t for t in (word, word.head) for t in t.children if t.dep_ in ("advmod", "npadvmod")]
    return not any(t.lower_ in SAME_DAY_WORDS and t.i < word.i for t in near)


def _sentence_dates(event: Event, times: list[TimeExpr], doc: Doc, anchored: bool):
    """(expression, its tokens) for the dated expressions of the event's sentence that open or close no interval."""
    line_start, line_end = line_at(text_of(doc), event.trigger.start)
    for time_expr in times:
        if not (event.evidence.start <= time_expr.start and time_expr.end <= event.evidence.end):
            continue
        if not (line_start <= time_expr.start and time_expr.end <= line_end):
            continue  # a line break ends the sentence even where the parse runs on ("... July 10, 2016\nPolice said")
        if time_expr.type not in ("DATE", "TIME") or not is_usable(time_expr.value, anchored):
            continue
        if not opens_interval(time_expr, doc):  # also rules out an expression with no tokens
            yield time_expr, tokens_at(doc, time_expr.start, time_expr.end)


def _in_complement_of(trigger: Token, host: Token) -> bool:
    """The trigger lies in a complement clause ("that ...") of the verb `host`."""
    for token in [trigger, *trigger.ancestors]:
        if token.i == host.i:
            return False
        if token.dep_ == "ccomp" and token.head.i == host.i:
            return True
    return False


def background_date(event: Event, times: list[TimeExpr], doc: Doc, published_at: date | None) -> EventDate | None:
    """A past act's date from its sentence when the parse attaches none to it (provenance "sentence"):
    an act told as history takes the sentence's one past date ('the late 1970s', 'In 1996 ...'); any
    act takes a past date that opens its sentence ('In June last year, ... and Pol Pot was arrested'), and
    without a publication date any calendar date that opens it ('In 2014 the neighbours struck a deal')."""
    sentence = tokens_at(doc, event.evidence.start, event.evidence.end)
    if sentence is None or told_as_sequel(event, doc, times):
        return None
    past = [
        t
        for t in times
        if event.evidence.start <= t.start < event.evidence.end
        and t.type in ("DATE", "TIME")
        and is_past_calendar_date(t.value or "", published_at)
        and not opens_interval(t, doc)
    ]
    if len({t.value for t in past}) != 1:
        return None
    found = past[0]
    # "In June last year, ...": opening the sentence, and not a noun's modifier ("The 2018 edition of the fair")
    fronted = found.start <= sentence[min(2, len(sentence) - 1)].idx and not is_prenominal(found, doc)
    if event.status != "historical" and not fronted:
        return None
    precision = precision_of(found.value) or "year"
    return EventDate(found.value, precision, found.text, found.start, found.end, "sentence", "text")


def opens_interval(time_expr: TimeExpr, doc: Doc) -> bool:
    """'since 1993', 'until June': the expression bounds a period; it is not an act's own date."""
    span = tokens_at(doc, time_expr.start, time_expr.end)
    if span is None:
        return True
    return attachment(span.root)[1] in INTERVAL_PREPS or span[0].lower_ in INTERVAL_PREPS


def reporting_time(event: Event, times: list[TimeExpr], doc: Doc, anchored: bool = True) -> TimeExpr | None:
    """For an act done by saying it (`speech_types`), the time of the reporting verb above it."""
    if event.type not in SPEECH_TYPES:
        return None
    trigger = trigger_token(doc, event)
    if trigger is None:
        return None
    for ancestor in trigger.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in REPORTING_VERBS:
            told = governing_time(event, times, doc, ancestor, anchored)
            if told is not None or ancestor.tag_ != "VBG":
                return told
            # "wrote earlier this week, demanding ... and saying he does not recognize ...": the participle's time
            # is that of the verb it hangs on
    return None


def governing_time(
    event: Event, times: list[TimeExpr], doc: Doc, trigger: Token | None = None, anchored: bool = True
) -> TimeExpr | None:
    """The dated expression in the event's sentence that the parse attaches to the event (or to `trigger`).
    Without an anchor (no publication date) unresolved dates count too ("on Wednesday": XXXX-WXX-3)."""
    trigger = trigger or trigger_token(doc, event)
    if trigger is None:
        return None
    if (framed := when_clause_time(trigger, times, doc)) is not None:
        return framed
    best: tuple[int, TimeExpr] | None = None
    for time_expr, span in _sentence_dates(event, times, doc, anchored):
        host, _ = attachment(span.root)
        if not governs(host, span.root, trigger):
            continue
        distance = abs(span.root.i - trigger.i)
        if best is None or distance < best[0]:
            best = (distance, time_expr)
    return best[1] if best else None


def when_clause_time(trigger: Token, times: list[TimeExpr], doc: Doc) -> TimeExpr | None:
    """The expression a "when" clause holding the trigger follows ("In contrast to Thursday, when 133 people were
    arrested"; "until June, when he was arrested"): the clause tells what happened at that time."""
    for token in [trigger, *trigger.ancestors]:
        when = next((c for c in token.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
        if when is None:
            continue
        before = when.i - 1
        while before >= 0 and doc[before].is_punct:
            before -= 1
        if before < 0:
            return None
        return next((t for t in times if t.start <= doc[before].idx < t.end and t.type in ("DATE", "TIME")), None)
    return None


def mention_key(event: Event, doc: Doc) -> tuple[str, str]:
    return event.type, trigger_lemma(doc, event)


def is_resolved(value: str | None) -> bool:
    """A calendar value (not PRESENT_REF, not a value with X)."""
    return bool(value) and "X" not in value and bool(RESOLVED_DATE.match(value.split("T")[0]))


def is_usable(value: str | None, anchored: bool) -> bool:
    """A calendar value, or without an anchor one the missing publication date left unresolved."""
    return is_resolved(value) or (not anchored and date_precision(value or "", unresolved_only=True) is not None)


def date_precision(value: str, unresolved_only: bool = False) -> str | None:
    """day/week/month/year of a resolved value, or of an unresolved one ("XXXX-03-18": day)."""
    day_part = value.split("T")[0]
    for pattern, precision in UNRESOLVED_PRECISION:
        if pattern.match(day_part):
            return precision
    if unresolved_only:
        return None
    return precision_of(value) or "year"


def attachment(root: Token) -> tuple[Token, str | None]:
    """The word a time expression modifies, and the preposition in between ('in', 'on', None)."""
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head.head, root.head.lower_
    if root.dep_ == "pobj" and root.head.pos_ == "ADP":
        return root.head.head, root.head.lower_
    return root.head, None


def governs(host: Token, time_root: Token, trigger: Token) -> bool:
    """True when the expression is the trigger's own time (see the module docstring)."""
    if is_recalled(trigger):
        return False
    if host.i == trigger.i:
        return True
    if trigger.pos_ not in ("VERB", "AUX") and trigger.dep_ in ARGUMENT_DEPS and host.i == trigger.head.i:
        # "the strike left three dead on Tuesday" yes; "debated the invasion today" only for light verbs.
        return trigger.dep_ in ("nsubj", "nsubjpass") or host.lemma_.lower() in load_lexicon().light_verbs
    if collects(host, trigger):
        return True  # "a wave of attacks across Iraq on Monday": the parse hangs the day on "wave"
    # "held a call on Tuesday": the parse may hang the date on the verb's object (not "criticised NATO's 2011 war").
    if host.head.i == trigger.i and host.dep_ in ("dobj", "attr", "oprd") and time_root.dep_ not in PRENOMINAL_DEPS:
        return True
    # "in April 2024, when the ministers met": the trigger sits in a clause on the expression.
    return trigger.i != time_root.i and time_root.left_edge.i <= trigger.i <= time_root.right_edge.i


def collects(noun: Token, trigger: Token) -> bool:
    """The noun only counts the acts of the trigger it governs ("a wave of attacks", "a series of raids":
    `collective_nouns`)."""
    return (
        noun.lemma_.lower() in COLLECTIVE_NOUNS
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ == "of"
        and trigger.head.head.i == noun.i
    )


def period_end(value: str) -> date | None:
    """The last day of the period a resolved value names."""
    if re.match(r"^\d{3}$", value):
        return date(int(value) * 10 + 9, 12, 31)  # a decade ("the 1960s": 196)
    start = parse_value_date(value)
    if start is None:
        return None
    precision = precision_of(value)
    if "-Q" in value:
        return add_months(start, 3) - timedelta(days=1)
    if re.search(r"-(SP|SU|FA|WI)$", value):
        return add_months(start, 3) - timedelta(days=1)
    if precision == "day":
        return start
    if precision == "week":
        return start + timedelta(days=6)
    if precision == "month":
        return add_months(start, 1) - timedelta(days=1)
    return date(start.year, 12, 31)


def is_well_before(value: str, published_at: date | None) -> bool:
    if published_at is None:
        return False
    end = period_end(value)
    return end is not None and (published_at - end).days >= HISTORICAL_AFTER_DAYS
