"""Export formats. Each writer streams from the store to a binary stream and returns how
many records it wrote.

- jsonl: one line per DOCUMENT, exactly the `eventwire extract` output stored for it (the
  contract round-trips); filters pick the documents holding a matching event.
- csv, parquet: one flat row per EVENT (events table columns + the document's
  published_at, title, url, source).
- geojson: a FeatureCollection of the located events, Point [lon, lat], the flat row as properties.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from itertools import islice
from typing import Any, BinaryIO

from eventwire.store import EventFilters, EventRow, EventStore
from eventwire.store.schema import TABLES, arrow_type
from eventwire.store.sql_store import DOCUMENT_FIELDS, EVENT_ROW_COLUMNS

Writer = Callable[[EventStore, EventFilters, BinaryIO], int]
PARQUET_BATCH_ROWS = 10_000


def _plain(value: Any) -> Any:
    """JSON/CSV-friendly value: dates as ISO strings."""
    return value.isoformat() if isinstance(value, date | datetime) else value


def write_jsonl(store: EventStore, filters: EventFilters, out: BinaryIO) -> int:
    written = 0
    for result in store.iter_results(filters):
        out.write(json.dumps(result, ensure_ascii=False).encode("utf-8") + b"\n")
        written += 1
    return written


def write_csv(store: EventStore, filters: EventFilters, out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(EVENT_ROW_COLUMNS)
    written = 0
    for row in store.iter_events(filters):
        writer.writerow([_plain(row[name]) for name in EVENT_ROW_COLUMNS])
        written += 1
    text.flush()
    text.detach()  # leave `out` open for the caller
    return written


def parquet_schema():
    """The flat event row as an Arrow schema, from the SQL column types."""
    import pyarrow as pa

    sql_types = dict(TABLES["events"]) | {name: dict(TABLES["documents"])[name] for name in DOCUMENT_FIELDS}
    return pa.schema([pa.field(name, arrow_type(sql_types[name])) for name in EVENT_ROW_COLUMNS])


def write_parquet(store: EventStore, filters: EventFilters, out: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    rows = store.iter_events(filters)
    written = 0
    with pq.ParquetWriter(out, schema) as writer:
        while batch := list(islice(rows, PARQUET_BATCH_ROWS)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            written += len(batch)
        if not written:
            writer.write_table(schema.empty_table())
    return written


def event_feature(row: EventRow) -> dict[str, Any] | None:
    """A GeoJSON Point feature for a located event; None when it has no coordinates."""
    lat, lon = row.get("location_lat"), row.get("location_lon")
    if lat is None or lon is None:
        return None
    properties = {name: _plain(value) for name, value in row.items() if name not in ("location_lat", "location_lon")}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


def write_geojson(store: EventStore, filters: EventFilters, out: BinaryIO) -> int:
    out.write(b'{"type": "FeatureCollection", "features": [\n')
    written = 0
    for row in store.iter_events(replace(filters, located=True)):
        feature = event_feature(row)
        if feature is None:
            continue
        out.write((b",\n" if written else b"") + json.dumps(feature, ensure_ascii=False).encode("utf-8"))
        written += 1
    out.write(b"\n]}\n")
    return written


FORMATS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
    "geojson": write_geojson,
}
