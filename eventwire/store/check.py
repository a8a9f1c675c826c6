"""`eventwire check`: is a store whole? Each check reads the database and says what is wrong.

- schema: every table is there, at the schema version this code writes;
- keys: document ids are unique; no row of another table points at a missing document,
  no evidence row at a missing event;
- counts: each document's `n_events` equals its rows in `events`, and its rows in every table
  agree with its stored extract output (a half-stored document shows here);
- spans: every evidence and mention span is exactly its document's text at those offsets.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from eventwire.store.schema import SCHEMA_VERSION, TABLES
from eventwire.store.sql_store import SqlEventStore

MENTION_TABLES = ("parties", "places", "times", "quantities")
SHOWN = 3  # examples named per failed check


@dataclass
class Finding:
    check: str
    ok: bool
    detail: str

    def __str__(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'} {self.check}: {self.detail}"


def check_store(store: SqlEventStore) -> list[Finding]:
    """Run every check; a check the database cannot answer fails with the database's reason."""
    findings = []
    for name, check in CHECKS.items():
        try:
            findings.append(Finding(name, *check(store)))
        except Exception as exc:  # a damaged file fails here, page by page
            findings.append(Finding(name, False, f"cannot read the database: {type(exc).__name__}: {exc}"))
            if name == "schema":
                break
    return findings


def _schema(store: SqlEventStore) -> tuple[bool, str]:
    present = {name for (name,) in store._execute("SELECT table_name FROM information_schema.tables")}
    missing = [table for table in ["eventwire_meta", *TABLES] if table not in present]
    if missing:
        return False, f"missing tables: {', '.join(missing)} (not an eventwire database?)"
    version = store._execute("SELECT value FROM eventwire_meta WHERE key = 'schema_version'")
    if not version or version[0][0] != SCHEMA_VERSION:
        return False, f"schema version {version[0][0] if version else None!r}, this eventwire writes {SCHEMA_VERSION!r}"
    documents, events = store.count_documents(), store._execute("SELECT count(*) FROM events")[0][0]
    return True, f"version {SCHEMA_VERSION}; {documents} documents, {events} events"


def _keys(store: SqlEventStore) -> tuple[bool, str]:
    problems = []
    duplicated = store._execute(
        "SELECT doc_id, count(*) FROM documents GROUP BY doc_id HAVING count(*) > 1 ORDER BY doc_id LIMIT ?", [SHOWN]
    )
    if duplicated:
        problems.append(f"document ids used more than once: {', '.join(repr(doc_id) for doc_id, _ in duplicated)}")
    for table in [*TABLES][1:]:
        orphans = store._execute(
            f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
            "(SELECT 1 FROM documents d WHERE d.content_id = t.content_id)"
        )[0][0]
        if orphans:
            problems.append(f"{orphans} {table} rows without their document")
    orphans = store._execute(
        "SELECT count(*) FROM evidence v WHERE NOT EXISTS "
        "(SELECT 1 FROM events e WHERE e.content_id = v.content_id AND e.event_index = v.event_index)"
    )[0][0]
    if orphans:
        problems.append(f"{orphans} evidence rows without their event")
    return not problems, "; ".join(problems) or "document ids unique, every row's document and event exist"


def _mention_counts(store: SqlEventStore) -> dict[str, dict[str, int]]:
    """Rows per document in each mention table, keyed by the extract output's field for them."""
    fields = {"parties": "actors", "places": "places", "times": "times", "quantities": "quantities"}
    return {
        fields[table]: dict(store._execute(f"SELECT content_id, count(*) FROM {table} GROUP BY content_id"))
        for table in MENTION_TABLES
    }


def _counts(store: SqlEventStore) -> tuple[bool, str]:
    mentions = _mention_counts(store)
    wrong = store._execute(
        "SELECT d.doc_id, d.n_events, (SELECT count(*) FROM events e WHERE e.content_id = d.content_id) AS n "
        "FROM documents d WHERE d.n_events <> (SELECT count(*) FROM events e WHERE e.content_id = d.content_id) "
        "ORDER BY d.ingest_seq"
    )
    problems = [f"{doc_id!r} says {claimed} events, {found} stored" for doc_id, claimed, found in wrong]
    rows = store._iter_rows("SELECT content_id, doc_id, n_events, result_json FROM documents", [])
    for content_id, doc_id, n_events, text in rows:
        try:
            result = json.loads(text)
            stored = len(result["events"])
            lengths = {field: len(result[field]) for field in mentions}
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"{doc_id!r}: stored extract output unreadable ({type(exc).__name__})")
            continue
        if stored != n_events:
            problems.append(f"{doc_id!r}: extract output has {stored} events, n_events {n_events}")
        for field, length in lengths.items():
            if mentions[field].get(content_id, 0) != length:
                problems.append(
                    f"{doc_id!r}: {mentions[field].get(content_id, 0)} {field} rows, {length} in its output"
                )
    shown = "; ".join(problems[:SHOWN]) + (f" (and {len(problems) - SHOWN} more)" if len(problems) > SHOWN else "")
    return not problems, shown or "every document's event count agrees with its rows and its extract output"


def _spans(store: SqlEventStore) -> tuple[bool, str]:
    """Offsets are Python str offsets (code points), as DuckDB's substring counts them."""
    checked, bad = 0, []
    sources = [("evidence", "field_name")] + [(table, "mention_index") for table in MENTION_TABLES]
    for table, label in sources:
        rows = store._execute(
            f"SELECT count(*), count(*) FILTER (WHERE NOT ({_SPAN_MATCHES})) FROM {table} s "
            f"JOIN documents d ON d.content_id = s.content_id WHERE s.span_start IS NOT NULL"
        )
        total, mismatched = rows[0]
        checked += total
        if mismatched:
            first = store._execute(
                f"SELECT d.doc_id, s.{label} FROM {table} s JOIN documents d ON d.content_id = s.content_id "
                f"WHERE s.span_start IS NOT NULL AND NOT ({_SPAN_MATCHES}) LIMIT ?",
                [SHOWN],
            )
            examples = ", ".join(f"{doc_id!r} {where}" for doc_id, where in first)
            bad.append(f"{mismatched} {table} spans differ from the text (e.g. {examples})")
    return not bad, "; ".join(bad) or f"{checked} spans match their documents' text"


_SPAN_MATCHES = (
    "s.span_start >= 0 AND s.span_end >= s.span_start AND s.span_end <= length(d.text)"
    " AND substring(d.text, s.span_start + 1, s.span_end - s.span_start) = coalesce(s.text, '')"
)

CHECKS: dict[str, Callable[[SqlEventStore], tuple[bool, str]]] = {
    "schema": _schema,
    "keys": _keys,
    "counts": _counts,
    "spans": _spans,
}
