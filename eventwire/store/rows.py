"""Flatten a (Document, DocResult) into table rows, in the column order of `schema.py`."""

from __future__ import annotations

import calendar
import json
import re
from datetime import date, datetime, timedelta
from typing import Any

from eventwire.model import Count, DocResult, Document, Event, Party
from eventwire.store.schema import TABLES, column_names

Row = tuple[Any, ...]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def date_period(value: str | None) -> tuple[date | None, date | None]:
    """The first and last day a TIMEX3 date value covers ('2025-06' → June 1..30);
    (None, None) for values that name no period (PRESENT_REF, durations)."""
    if not value:
        return None, None
    try:
        if match := _DAY.match(value):
            day = date(*(int(part) for part in match.groups()))
            return day, day
        if match := _WEEK.match(value):
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday, monday + timedelta(days=6)
        if match := _MONTH.match(value):
            year, month = int(match[1]), int(match[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if match := _YEAR.match(value):
            return date(int(match[1]), 1, 1), date(int(match[1]), 12, 31)
    except ValueError:
        pass
    return None, None


def result_json(result: DocResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, default=str)


def document_row(document: Document, result: DocResult, ingest_seq: int, ingested_at: datetime) -> Row:
    values = {
        "content_id": document.content_id,
        "doc_id": document.id,
        "ingest_seq": ingest_seq,
        "title": document.title,
        "url": document.url,
        "source": document.source,
        "published_at": document.published_at,
        "text": document.text,
        "ingested_at": ingested_at,
        "n_events": len(result.events),
        "warnings": "\n".join(result.warnings) or None,
        "result_json": result_json(result),
    }
    return tuple(values[name] for name in column_names("documents"))


def _party_values(prefix: str, party: Party | None) -> dict[str, Any]:
    return {
        f"{prefix}_text": party.text if party else None,
        f"{prefix}_start": party.start if party else None,
        f"{prefix}_end": party.end if party else None,
        f"{prefix}_name": party.name if party else None,
        f"{prefix}_country": party.country if party else None,
        f"{prefix}_sector": party.sector if party else None,
        f"{prefix}_kb_id": party.kb_id if party else None,
    }


def _count_values(prefix: str, count: Count | None) -> dict[str, Any]:
    return {
        f"{prefix}_low": count.low if count else None,
        f"{prefix}_best": count.best if count else None,
        f"{prefix}_high": count.high if count else None,
    }


def event_values(content_id: str, doc_id: str, index: int, event: Event) -> dict[str, Any]:
    """One event as a flat dict keyed by the events table's columns."""
    trigger, evidence, when, where = event.trigger, event.evidence, event.date, event.location
    acled, attribution = event.acled or {}, event.attribution
    date_start, date_end = date_period(when.value if when else None)
    attribution_actor = attribution.actor if attribution else None
    return {
        "content_id": content_id,
        "event_index": index,
        "doc_id": doc_id,
        "event_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "context": ";".join(event.context) or None,
        "status": event.status,
        "confidence": event.confidence,
        "trigger_text": trigger.text if trigger else None,
        "trigger_start": trigger.start if trigger else None,
        "trigger_end": trigger.end if trigger else None,
        "evidence_sentence": evidence.sentence if evidence else None,
        "evidence_start": evidence.start if evidence else None,
        "evidence_end": evidence.end if evidence else None,
        **_party_values("actor", event.actor),
        **_party_values("recipient", event.recipient),
        "date_value": when.value if when else None,
        "date_precision": when.precision if when else None,
        "date_text": when.text if when else None,
        "date_start": date_start,
        "date_end": date_end,
        "location_name": where.name if where else None,
        "location_geonameid": where.geonameid if where else None,
        "location_lat": where.lat if where else None,
        "location_lon": where.lon if where else None,
        "location_country": where.country if where else None,
        "location_admin1": where.admin1 if where else None,
        "location_precision": where.precision if where else None,
        "location_text": where.text if where else None,
        **_count_values("dead", event.dead),
        **_count_values("injured", event.injured),
        "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "cameo": event.cameo,
        "attribution_text": attribution.text if attribution else None,
        "attribution_start": attribution.start if attribution else None,
        "attribution_end": attribution.end if attribution else None,
        "attribution_actor": (attribution_actor.name or attribution_actor.text) if attribution_actor else None,
    }


def evidence_rows(content_id: str, index: int, event: Event) -> list[Row]:
    """Each event field that carries a span, as (content_id, event_index, field, text, start, end)."""
    spans: list[tuple[str, Any]] = [
        ("trigger", event.trigger),
        ("actor", event.actor),
        ("recipient", event.recipient),
        ("date", event.date),
        ("location", event.location),
        ("dead", event.dead),
        ("injured", event.injured),
        ("attribution", event.attribution),
        *((f"counts.{kind}", count) for kind, count in sorted(event.counts.items())),
    ]
    rows: list[Row] = []
    if event.evidence is not None:
        rows.append((content_id, index, "sentence", event.evidence.sentence, event.evidence.start, event.evidence.end))
    for field_name, value in spans:
        start = getattr(value, "start", None)
        if start is not None:
            rows.append((content_id, index, field_name, value.text, start, value.end))
    return rows


def _mention_rows(table: str, content_id: str, mentions: list[Any], renames: dict[str, str]) -> list[Row]:
    """Rows of a mention table (parties, places, times, quantities) from dataclass attributes."""
    rows = []
    fields = column_names(table)[2:]
    for index, mention in enumerate(mentions):
        values = {
            "text": mention.text,
            "span_start": mention.start,
            "span_end": mention.end,
            **{name: getattr(mention, renames.get(name, name), None) for name in fields[3:]},
        }
        rows.append((content_id, index, *(values[name] for name in fields)))
    return rows


def table_rows(document: Document, result: DocResult, ingest_seq: int, ingested_at: datetime) -> dict[str, list[Row]]:
    """Every row one document adds, by table."""
    content_id = document.content_id
    event_columns = column_names("events")
    rows: dict[str, list[Row]] = {table: [] for table in TABLES}
    rows["documents"].append(document_row(document, result, ingest_seq, ingested_at))
    for index, event in enumerate(result.events):
        values = event_values(content_id, document.id, index, event)
        rows["events"].append(tuple(values[name] for name in event_columns))
        rows["evidence"].extend(evidence_rows(content_id, index, event))
    rows["parties"] = _mention_rows("parties", content_id, result.actors, {})
    rows["places"] = _mention_rows("places", content_id, result.places, {})
    rows["times"] = _mention_rows("times", content_id, result.times, {"modifier": "mod"})
    rows["quantities"] = _mention_rows("quantities", content_id, result.quantities, {})
    return rows
