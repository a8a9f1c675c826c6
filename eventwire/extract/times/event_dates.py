"""EventDater: the `event_dates` component. Gives each event a date with its precision.

The date comes from the time expression that governs the event in the parse: one attached
to the trigger ("the invasion in February 2022"), to the verb whose subject or object the
trigger is ("the contact came in April 2024"), or one whose clause holds the trigger ("April
2024, when ... met"). Dates win over durations; expressions that open or close an interval
("since September 2022", "until June") are not the event's own time and are skipped.
Without such an expression an event whose sentence has no time expression at all takes the
date of the neighbouring sentence of the same report (provenance "adjacent", places/adjacent.py),
else the dateline's day (source "dateline"), else the publication date (source and provenance
"published_at"). An asserted event whose date ends well before the publication date
becomes "historical".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from eventwire.extract.places.adjacent import borrow, is_definite_noun, trigger_lemma
from eventwire.extract.times.calendar import add_months, parse_value_date, precision_of
from eventwire.extract.times.dateline import dateline_date
from eventwire.extract.times.lexicon import load_lexicon, time_words
from eventwire.model import Event, EventDate, TimeExpr
from eventwire.registry import component

# An event dated this many days or more before the publication date is historical.
HISTORICAL_AFTER_DAYS = 31
INTERVAL_PREPS = time_words().words("interval_preps")
SPEECH_TYPES = time_words().words("speech_types")
REPORTING_VERBS = time_words().words("reporting_verbs")
# A nominal trigger in one of these roles takes the time of the verb it hangs on.
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd"}
RESOLVED_DATE = re.compile(r"^\d{3,4}(?:-(?:\d{2}|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?(?:-\d{2})?$")


@component("event_dates", requires=["result.events", "result.times"])
class EventDater:
    def __call__(self, ctx) -> None:
        times = ctx.result.times
        dated: dict[tuple[str, str], EventDate] = {}
        for event in ctx.result.events:
            date_event(event, times, ctx.doc, ctx.document.published_at, dated)
            if event.date is not None and event.date.provenance == "text":
                dated[mention_key(event, ctx.doc)] = event.date
        date_from_adjacent(ctx.doc, ctx.result.events, times)
        dateline = dateline_date(ctx.document.text, times)
        if dateline is not None:
            for event in ctx.result.events:
                if event.status != "historical" and (event.date is None or event.date.source == "published_at"):
                    event.date = dateline  # a background act is not dated by the dateline's day


def date_from_adjacent(doc: Doc, events: list[Event], times: list[TimeExpr]) -> None:
    """Events whose sentence has no time expression take the date of the same report's neighbouring
    sentence (places/adjacent.py); a historical event lends none ("In 2005 ... He was sentenced")."""

    def has_time(start: int, end: int) -> bool:
        return any(start <= t.start < end and t.type in ("DATE", "TIME") for t in times)

    def own(event: Event) -> EventDate | None:
        usable = event.date is not None and event.date.provenance == "text" and event.status != "historical"
        return event.date if usable else None

    for i, borrowed in borrow(doc, events, own, has_time, lambda d: d.value).items():
        if events[i].status != "historical" and (events[i].date is None or events[i].date.source == "published_at"):
            events[i].date = replace(borrowed, provenance="adjacent")


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
    governing = governing_time(event, times, doc) or reporting_time(event, times, doc)
    earlier = (dated or {}).get(mention_key(event, doc))
    if governing is None and earlier is not None and is_definite_noun(doc, event):
        event.date = replace(earlier, provenance="reference", source="text")
        if event.status == "asserted" and is_well_before(earlier.value, published_at):
            event.status = "historical"
        return
    if governing is not None:
        event.date = EventDate(
            governing.value,
            precision_of(governing.value) or "year",
            governing.text,
            governing.start,
            governing.end,
            "text",
            "text",
        )
        if event.status == "asserted" and is_well_before(governing.value, published_at):
            event.status = "historical"
    elif (past := background_date(event, times, doc, published_at)) is not None:
        event.date, event.status = past, "historical" if event.status == "asserted" else event.status
    elif published_at is not None and event.status != "historical":
        event.date = EventDate(published_at.isoformat(), "day", None, None, None, "published_at", "published_at")


def background_date(event: Event, times: list[TimeExpr], doc: Doc, published_at: date | None) -> EventDate | None:
    """A past act's date from its sentence when the parse attaches none to it (provenance "sentence"):
    an act told as history takes the sentence's one past date ('the late 1970s', 'In 1996 ...'); any
    act takes a past date that opens its sentence ('In June last year, ... and Pol Pot was arrested')."""
    sentence = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    if published_at is None or sentence is None or len(sentence) == 0:
        return None
    past = [
        t
        for t in times
        if event.evidence.start <= t.start < event.evidence.end
        and t.type in ("DATE", "TIME")
        and is_resolved(t.value)
        and is_well_before(t.value, published_at)
        and not opens_interval(t, doc)
    ]
    if len({t.value for t in past}) != 1:
        return None
    found = past[0]
    fronted = found.start <= sentence[min(2, len(sentence) - 1)].idx
    if event.status != "historical" and not fronted:
        return None
    precision = precision_of(found.value) or "year"
    return EventDate(found.value, precision, found.text, found.start, found.end, "sentence", "text")


def opens_interval(time_expr: TimeExpr, doc: Doc) -> bool:
    """'since 1993', 'until June': the expression bounds a period; it is not an act's own date."""
    span = doc.char_span(time_expr.start, time_expr.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    return attachment(span.root)[1] in INTERVAL_PREPS or span[0].lower_ in INTERVAL_PREPS


def reporting_time(event: Event, times: list[TimeExpr], doc: Doc) -> TimeExpr | None:
    """For an act done by saying it (`speech_types`), the time of the reporting verb above it."""
    if event.type not in SPEECH_TYPES:
        return None
    trigger_span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trigger_span is None or len(trigger_span) == 0:
        return None
    for ancestor in trigger_span.root.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in REPORTING_VERBS:
            return governing_time(event, times, doc, ancestor)
    return None


def governing_time(event: Event, times: list[TimeExpr], doc: Doc, trigger: Token | None = None) -> TimeExpr | None:
    """The dated expression in the event's sentence that the parse attaches to the event (or to `trigger`)."""
    sentence_start, sentence_end = event.evidence.start, event.evidence.end
    if trigger is None:
        trigger_span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger_span is None or len(trigger_span) == 0:
            return None
        trigger = trigger_span.root
    best: tuple[int, TimeExpr] | None = None
    for time_expr in times:
        if not (sentence_start <= time_expr.start and time_expr.end <= sentence_end):
            continue
        if time_expr.type not in ("DATE", "TIME") or not is_resolved(time_expr.value):
            continue
        span = doc.char_span(time_expr.start, time_expr.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        host, preposition = attachment(span.root)
        if preposition in INTERVAL_PREPS or any(t.lower_ in INTERVAL_PREPS for t in span[:1]):
            continue
        if not governs(host, span.root, trigger):
            continue
        distance = abs(span.root.i - trigger.i)
        if best is None or distance < best[0]:
            best = (distance, time_expr)
    return best[1] if best else None


def mention_key(event: Event, doc: Doc) -> tuple[str, str]:
    return event.type, trigger_lemma(doc, event)


def is_resolved(value: str | None) -> bool:
    """A calendar value (not PRESENT_REF, not a value with X)."""
    return bool(value) and "X" not in value and bool(RESOLVED_DATE.match(value.split("T")[0]))


def attachment(root: Token) -> tuple[Token, str | None]:
    """The word a time expression modifies, and the preposition in between ('in', 'on', None)."""
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head.head, root.head.lower_
    if root.dep_ == "pobj" and root.head.pos_ == "ADP":
        return root.head.head, root.head.lower_
    return root.head, None


def governs(host: Token, time_root: Token, trigger: Token) -> bool:
    """True when the expression is the trigger's own time (see the module docstring)."""
    if host.i == trigger.i:
        return True
    if trigger.pos_ not in ("VERB", "AUX") and trigger.dep_ in ARGUMENT_DEPS and host.i == trigger.head.i:
        # "the strike left three dead on Tuesday" yes; "debated the invasion today" only for light verbs.
        return trigger.dep_ in ("nsubj", "nsubjpass") or host.lemma_.lower() in load_lexicon().light_verbs
    # "held a call on Tuesday": the parse may hang the date on the verb's object.
    if host.head.i == trigger.i and host.dep_ in ("dobj", "attr", "oprd"):
        return True
    # "in April 2024, when the ministers met": the trigger sits in a clause on the expression.
    return trigger.i != time_root.i and time_root.left_edge.i <= trigger.i <= time_root.right_edge.i


def period_end(value: str) -> date | None:
    """The last day of the period a resolved value names."""
    start = parse_value_date(value)
    if start is None:
        return None
    precision = precision_of(value)
    if re.match(r"^\d{3}$", value):
        return date(int(value) * 10 + 9, 12, 31)
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
