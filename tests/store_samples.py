"""Hand-built documents and extraction results (invented articles) for the store and export tests.

No spaCy: every span is found in the text with str.index, so offsets are right by construction.
"""

from __future__ import annotations

from datetime import date

from eventwire.model import (
    Attribution,
    Count,
    DocResult,
    Document,
    Event,
    EventDate,
    EventLocation,
    Evidence,
    Party,
    Place,
    Quantity,
    Span,
    TimeExpr,
)

CLASH_TEXT = (
    "Rebels attacked an army convoy near Goma on 3 March 2025, killing five soldiers and wounding 12 others, "
    "the Congolese army said. Aid groups asked for calm."
)
TALKS_TEXT = "The foreign ministers of Chile and Peru met in Lima in June 2025 to discuss a fishing dispute."
QUIET_TEXT = "The city council approved a new budget for public libraries on Thursday."

GOMA = (-1.67409, 29.22845)
LIMA = (-12.04318, -77.02824)


def span(text: str, piece: str, after: int = 0) -> tuple[str, int, int]:
    start = text.index(piece, after)
    return piece, start, start + len(piece)


def sentence_of(text: str, piece: str) -> Evidence:
    start = text.index(piece)
    first = text.rfind(". ", 0, start)
    first = 0 if first < 0 else first + 2
    last = text.find(". ", start)
    last = len(text) if last < 0 else last + 1
    return Evidence(text[first:last], first, last)


def clash() -> tuple[Document, DocResult]:
    text = CLASH_TEXT
    document = Document("clash-1", text, date(2025, 3, 4), title="Convoy attacked", source="invented-wire")
    rebels = Party(*span(text, "Rebels"), name="rebels", country="COD", sector="REB")
    army = Party(*span(text, "army convoy"), name="Congolese army", country="COD", sector="MIL")
    teller = Party(*span(text, "the Congolese army"), name="Congolese army", country="COD", sector="MIL")
    goma = Place(*span(text, "Goma"), geonameid=217831, name="Goma", lat=GOMA[0], lon=GOMA[1], country="COD")
    when = TimeExpr(*span(text, "3 March 2025"), value="2025-03-03")
    dead = Quantity(*span(text, "five soldiers"), kind="dead", low=5, best=5, high=5)
    event = Event(
        id="e1",
        type="ASSAULT",
        mode="ground",
        trigger=Span(*span(text, "attacked")),
        evidence=sentence_of(text, "attacked"),
        actor=rebels,
        recipient=army,
        date=EventDate("2025-03-03", "day", *span(text, "3 March 2025")),
        location=EventLocation(217831, "Goma", GOMA[0], GOMA[1], "COD", None, 1, *span(text, "Goma")),
        dead=Count(5, 5, 5, *span(text, "five soldiers")),
        injured=Count(12, 12, 12, *span(text, "12 others")),
        attribution=Attribution(*span(text, "the Congolese army said"), actor=teller),
        acled={"event_type": "Battles", "sub_event_type": "Armed clash"},
        cameo="19",
        confidence=0.8,
    )
    appeal = Event(
        id="e2",
        type="REQUEST",
        trigger=Span(*span(text, "asked")),
        evidence=sentence_of(text, "asked"),
        actor=Party(*span(text, "Aid groups"), name="aid groups", sector="NGO"),
    )
    result = DocResult(
        doc_id=document.id,
        published_at=document.published_at,
        actors=[rebels, army, teller],
        places=[goma],
        times=[when],
        quantities=[dead],
        events=[event, appeal],
    )
    return document, result


def talks() -> tuple[Document, DocResult]:
    text = TALKS_TEXT
    document = Document("talks-1", text, date(2025, 7, 2), source="invented-wire")
    chile = Party(*span(text, "Chile"), name="Chile", country="CHL", sector="GOV")
    peru = Party(*span(text, "Peru"), name="Peru", country="PER", sector="GOV")
    lima = Place(*span(text, "Lima"), geonameid=3936456, name="Lima", lat=LIMA[0], lon=LIMA[1], country="PER")
    event = Event(
        id="e1",
        type="CONSULT",
        trigger=Span(*span(text, "met")),
        evidence=sentence_of(text, "met"),
        actor=chile,
        recipient=peru,
        date=EventDate("2025-06", "month", *span(text, "June 2025")),
        location=EventLocation(3936456, "Lima", LIMA[0], LIMA[1], "PER", None, 1, *span(text, "Lima")),
        context=["economic", "diplomatic"],
    )
    result = DocResult(
        doc_id=document.id,
        published_at=document.published_at,
        actors=[chile, peru],
        places=[lima],
        times=[TimeExpr(*span(text, "June 2025"), value="2025-06")],
        events=[event],
    )
    return document, result


def quiet() -> tuple[Document, DocResult]:
    document = Document("quiet-1", QUIET_TEXT, None, source="invented-wire")
    result = DocResult(doc_id=document.id, warnings=["published_at unknown: relative dates stay unresolved"])
    return document, result


def sample_results() -> list[tuple[Document, DocResult]]:
    return [clash(), talks(), quiet()]
