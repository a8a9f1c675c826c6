"""Fixtures for the web tests: the store samples plus a hostile article (invented), no spaCy.

The hostile article carries what an attacker would put in a news page: a script tag, an
event-handler attribute, a `javascript:` URL and a Unicode right-to-left override.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store_samples import sample_results, span

from eventwire.model import DocResult, Document, Event, EventDate, EventLocation, Evidence, Party, Span
from eventwire.store.duckdb_store import DuckDBStore

HOSTILE_SENTENCE = (
    "Raiders <script>window.__pwned = 1; alert('xss')</script> attacked "
    '<img src=x onerror="window.__pwned = 2"> a market in Kabul on 5 May 2025, '
    "see javascript:window.__pwned=3 and \u202egnp.exe\u202c."
)
HOSTILE_TEXT = HOSTILE_SENTENCE + " Police said nothing."
KABUL = (34.52813, 69.17233)


def hostile() -> tuple[Document, DocResult]:
    text = HOSTILE_TEXT
    document = Document(
        "hostile-1",
        text,
        date(2025, 5, 6),
        title="<script>window.__pwned = 4</script>Market raid",
        url="javascript:window.__pwned=5",
        source='<img src=x onerror="window.__pwned = 6">wire',
    )
    raiders = Party(*span(text, "Raiders"), name='<b onmouseover="window.__pwned=7">Raiders</b>', sector="REB")
    event = Event(
        id="e1",
        type="ASSAULT",
        trigger=Span(*span(text, "attacked")),
        evidence=Evidence(HOSTILE_SENTENCE, 0, len(HOSTILE_SENTENCE)),
        actor=raiders,
        date=EventDate("2025-05-05", "day", *span(text, "5 May 2025")),
        location=EventLocation(1138958, "Kabul", KABUL[0], KABUL[1], "AFG", None, 1, *span(text, "Kabul")),
        confidence=0.7,
    )
    result = DocResult(doc_id=document.id, published_at=document.published_at, actors=[raiders], events=[event])
    return document, result


def web_results() -> list[tuple[Document, DocResult]]:
    return [*sample_results(), hostile()]


def build_store(path: Path | str) -> DuckDBStore:
    store = DuckDBStore(path)
    store.save(web_results())
    return store
