"""The store logic in plain SQL, shared by every SQL database behind `EventStore`.

A subclass supplies the connection: how to run a statement, stream rows and open a
transaction. Statements use `?` placeholders (DuckDB, SQLite); a driver with another
paramstyle translates them in its `_execute`.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from eventwire.model import DocResult, Document
from eventwire.store.base import EventFilters, EventRow, EventStore
from eventwire.store.rows import Row, table_rows
from eventwire.store.schema import SCHEMA_VERSION, TABLES, column_names, create_statements

EARTH_RADIUS_KM = 6371.0088
# Under PostgreSQL's limit of 65,535 bind parameters per statement.
MAX_PARAMS_PER_INSERT = 30_000
DOCUMENT_FIELDS = ["published_at", "title", "url", "source"]
EVENT_ROW_COLUMNS = column_names("events") + DOCUMENT_FIELDS

HAVERSINE_KM = (
    f"2 * {EARTH_RADIUS_KM} * asin(least(1.0, sqrt("
    "power(sin(radians(e.location_lat - ?) / 2), 2)"
    " + cos(radians(?)) * cos(radians(e.location_lat)) * power(sin(radians(e.location_lon - ?) / 2), 2))))"
)


def _contains(column: str) -> str:
    """Case-insensitive substring test, with no LIKE wildcards to escape."""
    return f"strpos(lower({column}), lower(?)) > 0"


def filter_conditions(filters: EventFilters) -> tuple[list[str], list[Any]]:
    """SQL conditions on the events table (alias `e`) and their parameters."""
    conditions: list[str] = []
    params: list[Any] = []
    if filters.types:
        conditions.append(f"upper(e.type) IN ({', '.join('?' for _ in filters.types)})")
        params += [kind.upper() for kind in filters.types]
    if filters.actor:
        named = [_contains(f"e.{role}_{field}") for role in ("actor", "recipient") for field in ("name", "text")]
        conditions.append(f"(e.actor_country = ? OR e.recipient_country = ? OR {' OR '.join(named)})")
        params += [filters.actor.upper()] * 2 + [filters.actor] * len(named)
    if filters.country:
        conditions.append("e.location_country = ?")
        params.append(filters.country.upper())
    if filters.since:
        conditions.append("e.date_end >= ?")
        params.append(filters.since)
    if filters.until:
        conditions.append("e.date_start <= ?")
        params.append(filters.until)
    if filters.located or filters.near:
        conditions.append("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")
    if filters.near:
        near = filters.near
        conditions.append(f"{HAVERSINE_KM} <= ?")
        params += [near.lat, near.lat, near.lon, near.km]
    if filters.text:
        conditions.append(_contains("e.evidence_sentence"))
        params.append(filters.text)
    return conditions, params


def _where(conditions: list[str]) -> str:
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""


class SqlEventStore(EventStore):
    """`EventStore` over a SQL connection; subclasses provide the four primitives below."""

    @abstractmethod
    def _execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run one statement; return its rows (empty for statements without a result)."""

    @abstractmethod
    def _iter_rows(self, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
        """Stream a query's rows."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """Commit on normal exit, roll back on an exception."""

    def create_schema(self) -> None:
        for statement in create_statements():
            self._execute(statement)
        self._execute(
            "INSERT INTO eventwire_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
            [SCHEMA_VERSION],
        )

    # -- writing -----------------------------------------------------------------------------

    def save(self, results: list[tuple[Document, DocResult]]) -> int:
        with self._transaction():
            new = self._new_only(results)
            if not new:
                return 0
            next_seq = self._execute("SELECT coalesce(max(ingest_seq), 0) FROM documents")[0][0] + 1
            ingested_at = datetime.now(UTC).replace(tzinfo=None)
            rows: dict[str, list[Row]] = {table: [] for table in TABLES}
            for offset, (document, result) in enumerate(new):
                for table, table_part in table_rows(document, result, next_seq + offset, ingested_at).items():
                    rows[table].extend(table_part)
            for table, table_part in rows.items():
                self._insert_many(table, table_part)
            return len(new)

    def _new_only(self, results: list[tuple[Document, DocResult]]) -> list[tuple[Document, DocResult]]:
        """Drop documents already stored, and repeats within the batch (first one wins)."""
        wanted = {document.content_id for document, _ in results}
        stored = self._stored_content_ids(sorted(wanted))
        new, seen = [], set(stored)
        for document, result in results:
            if document.content_id not in seen:
                seen.add(document.content_id)
                new.append((document, result))
        return new

    def _stored_content_ids(self, content_ids: list[str]) -> set[str]:
        if not content_ids:
            return set()
        marks = ", ".join("?" for _ in content_ids)
        found = self._execute(f"SELECT content_id FROM documents WHERE content_id IN ({marks})", content_ids)
        return {content_id for (content_id,) in found}

    def _insert_many(self, table: str, rows: list[Row]) -> None:
        """Multi-row INSERTs: far faster than one statement per row, and portable."""
        if not rows:
            return
        columns = column_names(table)
        row_marks = f"({', '.join('?' for _ in columns)})"
        per_statement = max(1, MAX_PARAMS_PER_INSERT // len(columns))
        for first in range(0, len(rows), per_statement):
            chunk = rows[first : first + per_statement]
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join(row_marks for _ in chunk)}"
            self._execute(sql, [value for row in chunk for value in row])

    # -- reading -----------------------------------------------------------------------------

    def has_document(self, content_id: str) -> bool:
        return bool(self._execute("SELECT 1 FROM documents WHERE content_id = ?", [content_id]))

    def doc_id_owner(self, doc_id: str) -> str | None:
        found = self._execute("SELECT content_id FROM documents WHERE doc_id = ? LIMIT 1", [doc_id])
        return found[0][0] if found else None

    def count_documents(self) -> int:
        return self._execute("SELECT count(*) FROM documents")[0][0]

    def count_events(self, filters: EventFilters | None = None) -> int:
        conditions, params = filter_conditions(filters or EventFilters())
        return self._execute(f"SELECT count(*) FROM events e{_where(conditions)}", params)[0][0]

    def query_events(self, filters: EventFilters | None = None) -> list[EventRow]:
        return list(self.iter_events(filters))

    def iter_events(self, filters: EventFilters | None = None) -> Iterator[EventRow]:
        """Matching events in date order (undated ones by publication date), then document order."""
        filters = filters or EventFilters()
        conditions, params = filter_conditions(filters)
        selected = [f"e.{name}" for name in column_names("events")] + [f"d.{name}" for name in DOCUMENT_FIELDS]
        sql = (
            f"SELECT {', '.join(selected)} FROM events e JOIN documents d ON d.content_id = e.content_id"
            f"{_where(conditions)}"
            " ORDER BY coalesce(e.date_start, d.published_at) NULLS LAST, d.ingest_seq, e.event_index"
        )
        if filters.limit is not None:
            sql += " LIMIT ?"
            params.append(filters.limit)
        for row in self._iter_rows(sql, params):
            yield dict(zip(EVENT_ROW_COLUMNS, row, strict=True))

    def iter_results(self, filters: EventFilters | None = None) -> Iterator[dict[str, Any]]:
        filters = filters or EventFilters()
        conditions, params = filter_conditions(filters)
        sql = "SELECT result_json FROM documents"
        if not filters.selects_all_events:
            sql += f" WHERE content_id IN (SELECT e.content_id FROM events e{_where(conditions)})"
        sql += " ORDER BY ingest_seq"
        if filters.limit is not None:
            sql += " LIMIT ?"
            params.append(filters.limit)
        for (text,) in self._iter_rows(sql, params):
            yield json.loads(text)
