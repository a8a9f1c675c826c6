"""The tables, in portable SQL types (TEXT, INTEGER, BIGINT, DOUBLE PRECISION, DATE, TIMESTAMP).

Each table is an ordered list of (column, type); `rows.py` builds tuples in this order
and the exporters read the same names. Documents are keyed by `content_id` (hash of
text + source, see eventwire.model.content_hash); every other table refers to it.
Span offsets are `*_start` / `*_end` (Python str offsets into documents.text).
"""

from __future__ import annotations

SCHEMA_VERSION = "1"

Columns = list[tuple[str, str]]

DOCUMENT_COLUMNS: Columns = [
    ("content_id", "TEXT PRIMARY KEY"),
    ("doc_id", "TEXT NOT NULL"),
    ("ingest_seq", "BIGINT NOT NULL"),
    ("title", "TEXT"),
    ("url", "TEXT"),
    ("source", "TEXT"),
    ("published_at", "DATE"),
    ("text", "TEXT NOT NULL"),
    ("ingested_at", "TIMESTAMP NOT NULL"),
    ("n_events", "INTEGER NOT NULL"),
    ("warnings", "TEXT"),
    # The full `eventwire extract` output of the document, so exports reproduce it exactly.
    ("result_json", "TEXT NOT NULL"),
]


def _party_columns(prefix: str) -> Columns:
    return [
        (f"{prefix}_text", "TEXT"),
        (f"{prefix}_start", "INTEGER"),
        (f"{prefix}_end", "INTEGER"),
        (f"{prefix}_name", "TEXT"),
        (f"{prefix}_country", "TEXT"),
        (f"{prefix}_sector", "TEXT"),
        (f"{prefix}_kb_id", "TEXT"),
    ]


def _count_columns(prefix: str) -> Columns:
    # BIGINT: a displaced-people figure may pass 2**31.
    return [(f"{prefix}_low", "BIGINT"), (f"{prefix}_best", "BIGINT"), (f"{prefix}_high", "BIGINT")]


EVENT_COLUMNS: Columns = [
    ("content_id", "TEXT NOT NULL"),
    ("event_index", "INTEGER NOT NULL"),
    ("doc_id", "TEXT NOT NULL"),
    ("event_id", "TEXT"),
    ("type", "TEXT NOT NULL"),
    ("mode", "TEXT"),
    ("context", "TEXT"),  # the context list joined by ';'
    ("status", "TEXT"),
    ("confidence", "DOUBLE PRECISION"),
    ("trigger_text", "TEXT"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("evidence_sentence", "TEXT"),
    ("evidence_start", "INTEGER"),
    ("evidence_end", "INTEGER"),
    *_party_columns("actor"),
    *_party_columns("recipient"),
    ("date_value", "TEXT"),
    ("date_precision", "TEXT"),
    ("date_text", "TEXT"),
    # The period date_value covers, for --since/--until (a month runs from its 1st to its last day).
    ("date_start", "DATE"),
    ("date_end", "DATE"),
    ("location_name", "TEXT"),
    ("location_geonameid", "BIGINT"),
    ("location_lat", "DOUBLE PRECISION"),
    ("location_lon", "DOUBLE PRECISION"),
    ("location_country", "TEXT"),
    ("location_admin1", "TEXT"),
    ("location_precision", "INTEGER"),
    ("location_text", "TEXT"),
    *_count_columns("dead"),
    *_count_columns("injured"),
    ("acled_event_type", "TEXT"),
    ("acled_sub_event_type", "TEXT"),
    ("cameo", "TEXT"),
    ("attribution_text", "TEXT"),
    ("attribution_start", "INTEGER"),
    ("attribution_end", "INTEGER"),
    ("attribution_actor", "TEXT"),
]

SPAN_COLUMNS: Columns = [
    ("content_id", "TEXT NOT NULL"),
    ("mention_index", "INTEGER NOT NULL"),
    ("text", "TEXT"),
    ("span_start", "INTEGER"),
    ("span_end", "INTEGER"),
]

PARTY_COLUMNS: Columns = [
    *SPAN_COLUMNS,
    ("name", "TEXT"),
    ("country", "TEXT"),
    ("sector", "TEXT"),
    ("kb_id", "TEXT"),
    ("kind", "TEXT"),
    ("confidence", "DOUBLE PRECISION"),
]

PLACE_COLUMNS: Columns = [
    *SPAN_COLUMNS,
    ("geonameid", "BIGINT"),
    ("name", "TEXT"),
    ("lat", "DOUBLE PRECISION"),
    ("lon", "DOUBLE PRECISION"),
    ("country", "TEXT"),
    ("admin1", "TEXT"),
    ("feature_code", "TEXT"),
    ("role", "TEXT"),
    ("confidence", "DOUBLE PRECISION"),
]

TIME_COLUMNS: Columns = [
    *SPAN_COLUMNS,
    ("value", "TEXT"),
    ("type", "TEXT"),
    ("modifier", "TEXT"),
]

QUANTITY_COLUMNS: Columns = [
    *SPAN_COLUMNS,
    ("kind", "TEXT"),
    ("low", "BIGINT"),
    ("best", "BIGINT"),
    ("high", "BIGINT"),
]

# One row per event field that has a span: which characters support which value.
EVIDENCE_COLUMNS: Columns = [
    ("content_id", "TEXT NOT NULL"),
    ("event_index", "INTEGER NOT NULL"),
    ("field_name", "TEXT NOT NULL"),  # trigger, sentence, actor, recipient, date, location, dead, ...
    ("text", "TEXT"),
    ("span_start", "INTEGER"),
    ("span_end", "INTEGER"),
]

TABLES: dict[str, Columns] = {
    "documents": DOCUMENT_COLUMNS,
    "events": EVENT_COLUMNS,
    "parties": PARTY_COLUMNS,
    "places": PLACE_COLUMNS,
    "times": TIME_COLUMNS,
    "quantities": QUANTITY_COLUMNS,
    "evidence": EVIDENCE_COLUMNS,
}

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "events": ("content_id", "event_index"),
    "parties": ("content_id", "mention_index"),
    "places": ("content_id", "mention_index"),
    "times": ("content_id", "mention_index"),
    "quantities": ("content_id", "mention_index"),
    "evidence": ("content_id", "event_index", "field_name"),
}


def create_statements() -> list[str]:
    """CREATE TABLE statements, safe to run on an existing database (no secondary indexes:
    DuckDB's min/max zone maps serve the filters; a server store may add its own)."""
    statements = ["CREATE TABLE IF NOT EXISTS eventwire_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"]
    for table, columns in TABLES.items():
        body = [f"{name} {sql_type}" for name, sql_type in columns]
        if table in PRIMARY_KEYS:
            body.append(f"PRIMARY KEY ({', '.join(PRIMARY_KEYS[table])})")
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(body)})")
    return statements


def column_names(table: str) -> list[str]:
    return [name for name, _ in TABLES[table]]


# Arrow type names (pyarrow factory functions) for the SQL types, for bulk loads and Parquet.
ARROW_TYPE_NAMES = {
    "TEXT": "string",
    "INTEGER": "int32",
    "BIGINT": "int64",
    "DOUBLE PRECISION": "float64",
    "DATE": "date32",
    "TIMESTAMP": "timestamp",
}


def arrow_type(sql_type: str):
    """The Arrow type of a column declared `sql_type` ('TEXT NOT NULL' → string)."""
    import pyarrow as pa

    base = next(name for name in ARROW_TYPE_NAMES if sql_type.startswith(name))
    return pa.timestamp("us") if base == "TIMESTAMP" else getattr(pa, ARROW_TYPE_NAMES[base])()
