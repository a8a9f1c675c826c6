"""Read queries for the web API, in plain SQL over a `SqlEventStore`'s tables.

They extend the store's filters (`eventwire.store.sql_store.filter_conditions`) with what an
analyst's page needs: ACLED type, dyad, bounding box, status, minimum confidence, sorting
and paging, and aggregates (timeline, counts, actor graph). Each function takes `run`, a
callable `(sql, params) -> rows` such as `SqlEventStore._execute`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from eventwire.knowledge import read_yaml
from eventwire.store.base import EventFilters
from eventwire.store.schema import column_names
from eventwire.store.sql_store import DOCUMENT_FIELDS, EVENT_ROW_COLUMNS, filter_conditions

Run = Callable[[str, list[Any]], list[tuple[Any, ...]]]

QUAD_CLASSES_FILE = Path(__file__).with_name("quad_classes.yaml")
EVENT_DATE = "coalesce(e.date_start, d.published_at)"
# Sort keys the API accepts, each with the SQL it orders by ('-key' sorts descending).
SORTS = {
    "date": EVENT_DATE,
    "published": "d.published_at",
    "type": "e.type",
    "country": "e.location_country",
    "actor": "e.actor_country",
    "dead": "e.dead_best",
    "injured": "e.injured_best",
    "confidence": "e.confidence",
}
COUNT_KEYS = {
    "day": f"CAST({EVENT_DATE} AS DATE)",
    "week": f"CAST(date_trunc('week', {EVENT_DATE}) AS DATE)",
    "month": f"CAST(date_trunc('month', {EVENT_DATE}) AS DATE)",
    "type": "e.type",
    "country": "e.location_country",
    "acled_type": "e.acled_event_type",
    "status": "e.status",
}
FROM_EVENTS = " FROM events e JOIN documents d ON d.content_id = e.content_id"


@cache
def quad_classes() -> dict[str, str]:
    """PLOVER type -> quad class (verbal_cooperation ... material_conflict), from quad_classes.yaml."""
    table = read_yaml(QUAD_CLASSES_FILE.read_text(encoding="utf-8"))
    return {kind.upper(): quad for quad, kinds in table.items() for kind in kinds}


def quad_class(event_type: str | None) -> str:
    return quad_classes().get((event_type or "").upper(), "other")


@dataclass(frozen=True, kw_only=True)
class EventQuery:
    """The store's filters plus the page's own; None or empty selects all."""

    base: EventFilters = field(default_factory=EventFilters)
    acled_types: tuple[str, ...] = ()
    dyad: tuple[str, str] | None = None  # (actor, recipient): country code or name substring each
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)
    statuses: tuple[str, ...] = ()
    min_confidence: float | None = None


def conditions(query: EventQuery) -> tuple[list[str], list[Any]]:
    """SQL conditions on `events e` and their parameters."""
    where, params = filter_conditions(query.base)
    if query.acled_types:
        where.append(f"lower(e.acled_event_type) IN ({', '.join('?' for _ in query.acled_types)})")
        params += [kind.lower() for kind in query.acled_types]
    if query.dyad:
        for role, value in zip(("actor", "recipient"), query.dyad, strict=True):
            where.append(f"(e.{role}_country = ? OR strpos(lower(e.{role}_name), lower(?)) > 0)")
            params += [value.upper(), value]
    if query.bbox:
        west, south, east, north = query.bbox
        where.append("e.location_lat BETWEEN ? AND ?")
        params += [south, north]
        # A box across the antimeridian (west > east) wraps around it.
        joiner = "AND" if west <= east else "OR"
        where.append(f"(e.location_lon >= ? {joiner} e.location_lon <= ?)")
        params += [west, east]
    if query.statuses:
        where.append(f"lower(e.status) IN ({', '.join('?' for _ in query.statuses)})")
        params += [status.lower() for status in query.statuses]
    if query.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(query.min_confidence)
    return where, params


def _where(where: list[str]) -> str:
    return f" WHERE {' AND '.join(where)}" if where else ""


def event_row(values: tuple[Any, ...]) -> dict[str, Any]:
    """A flat event row with its API key and quad class."""
    row = dict(zip(EVENT_ROW_COLUMNS, values, strict=True))
    row["key"] = f"{row['content_id']}/{row['event_index']}"
    row["quad_class"] = quad_class(row["type"])
    return row


SELECT_EVENT = "SELECT " + ", ".join(
    [f"e.{name}" for name in column_names("events")] + [f"d.{name}" for name in DOCUMENT_FIELDS]
)


def list_events(run: Run, query: EventQuery, sort: str = "date", limit: int = 100, offset: int = 0) -> dict:
    """One page of matching events and the total count."""
    where, params = conditions(query)
    total = run(f"SELECT count(*) FROM events e{_where(where)}", params)[0][0]  # conditions are on `e` only
    descending = sort.startswith("-")
    order = SORTS[sort.lstrip("-")]
    sql = (
        f"{SELECT_EVENT}{FROM_EVENTS}{_where(where)}"
        f" ORDER BY {order} {'DESC' if descending else 'ASC'} NULLS LAST, d.ingest_seq, e.event_index"
        " LIMIT ? OFFSET ?"
    )
    rows = [event_row(values) for values in run(sql, [*params, limit, offset])]
    return {"total": total, "limit": limit, "offset": offset, "events": rows}


HARD_WRAP_CHARS = 100
MAX_PARAGRAPH_CHARS = 3000


def paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph holding [start, end): one line, unless the text is hard-wrapped (short
    lines) with blank lines between paragraphs; at most MAX_PARAGRAPH_CHARS around the span."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    wrapped = "\n\n" in text and lengths and lengths[len(lengths) // 2] < HARD_WRAP_CHARS
    separator = "\n\n" if wrapped else "\n"
    first = text.rfind(separator, 0, start)
    last = text.find(separator, end)
    first = 0 if first < 0 else first + len(separator)
    last = len(text) if last < 0 else last
    margin = max(0, (MAX_PARAGRAPH_CHARS - (end - start)) // 2)
    return max(first, start - margin), min(last, end + margin)


def event_detail(run: Run, content_id: str, event_index: int) -> dict | None:
    """One event with its evidence spans, the paragraph its sentence sits in, and its document."""
    rows = run(f"{SELECT_EVENT}{FROM_EVENTS} WHERE e.content_id = ? AND e.event_index = ?", [content_id, event_index])
    if not rows:
        return None
    event = event_row(rows[0])
    text = run("SELECT text FROM documents WHERE content_id = ?", [content_id])[0][0]
    evidence = [
        {"field": name, "text": span_text, "start": start, "end": end}
        for name, span_text, start, end in run(
            "SELECT field_name, text, span_start, span_end FROM evidence"
            " WHERE content_id = ? AND event_index = ? ORDER BY span_start NULLS LAST, field_name",
            [content_id, event_index],
        )
    ]
    paragraph = None
    if event["evidence_start"] is not None and event["evidence_end"] is not None:
        first, last = paragraph_around(text, event["evidence_start"], event["evidence_end"])
        paragraph = {"text": text[first:last], "start": first, "end": last}
    # Without cross-article linking each event is its own single mention; linked clusters would add theirs.
    mention = {
        key: event[key]
        for key in ("key", "doc_id", "title", "url", "source", "published_at", "evidence_sentence", "status")
    }
    mention["attribution"] = event["attribution_text"]
    return {"event": event, "evidence": evidence, "paragraph": paragraph, "mentions": [mention], "disagreements": []}


DOCUMENT_LIST_COLUMNS = ["content_id", "doc_id", "ingest_seq", "title", "url", "source", "published_at", "n_events"]


def list_documents(run: Run, limit: int = 100, offset: int = 0) -> dict:
    total = run("SELECT count(*) FROM documents", [])[0][0]
    rows = run(
        f"SELECT {', '.join(DOCUMENT_LIST_COLUMNS)} FROM documents ORDER BY ingest_seq LIMIT ? OFFSET ?",
        [limit, offset],
    )
    documents = [dict(zip(DOCUMENT_LIST_COLUMNS, row, strict=True)) for row in rows]
    return {"total": total, "limit": limit, "offset": offset, "documents": documents}


def document_detail(run: Run, content_id: str) -> dict | None:
    columns = [*DOCUMENT_LIST_COLUMNS, "text", "warnings"]
    rows = run(f"SELECT {', '.join(columns)} FROM documents WHERE content_id = ?", [content_id])
    if not rows:
        return None
    document = dict(zip(columns, rows[0], strict=True))
    events = run(f"{SELECT_EVENT}{FROM_EVENTS} WHERE e.content_id = ? ORDER BY e.event_index", [content_id])
    document["events"] = [event_row(values) for values in events]
    return document


def counts(run: Run, query: EventQuery, by: str) -> list[dict]:
    """Events counted by day, week, month, type, country, ACLED type or status (largest first
    for categories, in time order for periods)."""
    key = COUNT_KEYS[by]
    where, params = conditions(query)
    order = "key NULLS LAST" if by in ("day", "week", "month") else "n DESC, key NULLS LAST"
    rows = run(f"SELECT {key} AS key, count(*) AS n{FROM_EVENTS}{_where(where)} GROUP BY key ORDER BY {order}", params)
    return [{"key": key_value, "n": n} for key_value, n in rows]


# Date precisions as fine as each timeline interval: coarser ones are drawn as approximate.
FINE_ENOUGH = {"day": ("day",), "week": ("day", "week"), "month": ("day", "week", "month")}


def timeline(run: Run, query: EventQuery, interval: str = "day") -> list[dict]:
    """Counts per period and type, for the stacked timeline. An event dated more coarsely than
    the interval (June 2025 on a daily axis sits on 1 June), or undated and placed at its
    publication date, also counts in `approximate`."""
    period = COUNT_KEYS[interval]
    where, params = conditions(query)
    fine = FINE_ENOUGH[interval]
    sql = (
        f"SELECT {period} AS period, e.type, count(*) AS n,"
        f" count(*) FILTER (WHERE e.date_start IS NULL OR e.date_precision IS NULL"
        f" OR e.date_precision NOT IN ({', '.join('?' for _ in fine)})) AS approximate"
        f"{FROM_EVENTS}{_where(where + [f'{EVENT_DATE} IS NOT NULL'])}"
        " GROUP BY period, e.type ORDER BY period, e.type"
    )
    rows = run(sql, [*fine, *params])
    return [{"period": key, "type": kind, "n": n, "approximate": rough} for key, kind, n, rough in rows]


def _party(role: str) -> str:
    """A graph node for a party: its country code, else its name, else its text."""
    return f"coalesce(e.{role}_country, lower(e.{role}_name), lower(e.{role}_text))"


def actor_graph(run: Run, query: EventQuery, max_edges: int = 200) -> dict:
    """Who acts on whom and how often, split by quad class; the `max_edges` busiest pairs."""
    where, params = conditions(query)
    where = [*where, "e.actor_text IS NOT NULL", "e.recipient_text IS NOT NULL"]
    sql = (
        f"SELECT {_party('actor')} AS party_from, {_party('recipient')} AS party_to, e.type, count(*) AS n"
        f"{FROM_EVENTS}{_where(where)} GROUP BY party_from, party_to, e.type"
    )
    edges: dict[tuple[str, str], dict] = {}
    for source, target, kind, n in run(sql, params):
        if source is None or target is None:
            continue
        edge = edges.setdefault((source, target), {"source": source, "target": target, "n": 0, "by_quad": {}})
        edge["n"] += n
        quad = quad_class(kind)
        edge["by_quad"][quad] = edge["by_quad"].get(quad, 0) + n
    busiest = sorted(edges.values(), key=lambda edge: (-edge["n"], edge["source"], edge["target"]))[:max_edges]
    for edge in busiest:
        cooperative = sum(n for quad, n in edge["by_quad"].items() if quad.endswith("cooperation"))
        conflictual = sum(n for quad, n in edge["by_quad"].items() if quad.endswith("conflict"))
        edge["cooperative"], edge["conflictual"] = cooperative, conflictual
    nodes: dict[str, int] = {}
    for edge in busiest:
        for end in (edge["source"], edge["target"]):
            nodes[end] = nodes.get(end, 0) + edge["n"]
    return {
        "nodes": [{"id": node, "n": n} for node, n in sorted(nodes.items(), key=lambda item: (-item[1], item[0]))],
        "edges": busiest,
    }


# What a map mark needs, and no more: reading all event columns triples the time on large stores.
GEO_COLUMNS = [
    "e.content_id", "e.event_index", "e.type", "e.mode", "e.status", "e.date_value", "e.date_precision",
    "e.location_name", "e.location_country", "e.location_precision", "e.location_lat", "e.location_lon",
    "e.dead_best", "e.injured_best", "e.actor_name", "e.recipient_name", "d.title", "d.published_at",
]  # fmt: skip


def geojson(run: Run, query: EventQuery, limit: int = 5000) -> dict:
    """Located matching events as a GeoJSON FeatureCollection of points."""
    where, params = conditions(query)
    where = [*where, "e.location_lat IS NOT NULL", "e.location_lon IS NOT NULL"]
    sql = (
        f"SELECT {', '.join(GEO_COLUMNS)}{FROM_EVENTS}{_where(where)}"
        f" ORDER BY {EVENT_DATE} NULLS LAST, d.ingest_seq, e.event_index LIMIT ?"
    )
    names = [column.split(".", 1)[1] for column in GEO_COLUMNS]
    features = []
    for values in run(sql, [*params, limit]):
        properties = dict(zip(names, values, strict=True))
        lat, lon = properties.pop("location_lat"), properties.pop("location_lon")
        properties["key"] = f"{properties.pop('content_id')}/{properties.pop('event_index')}"
        properties["quad_class"] = quad_class(properties["type"])
        features.append(
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}
        )
    return {"type": "FeatureCollection", "features": features}


def store_status(run: Run) -> dict:
    """What a page polls to see new documents: counts and the last ingest sequence number."""
    documents, last_seq = run("SELECT count(*), coalesce(max(ingest_seq), 0) FROM documents", [])[0]
    events = run("SELECT count(*) FROM events", [])[0][0]
    return {"documents": documents, "events": events, "last_seq": last_seq}
