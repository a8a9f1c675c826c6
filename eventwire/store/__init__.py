"""Store: documents, extraction results and events in a database (DuckDB by default).

from eventwire.store import open_store, EventFilters
with open_store() as store:                       # ./eventwire.duckdb or $EVENTWIRE_DB
    rows = store.query_events(EventFilters(types=("ASSAULT",), country="UKR"))
"""

from __future__ import annotations

import os
from pathlib import Path

from eventwire.store.base import EventFilters, EventRow, EventStore, Near
from eventwire.store.load import IngestSummary, ingest_documents

DEFAULT_DB = "eventwire.duckdb"
DB_ENV = "EVENTWIRE_DB"


def default_db_path() -> str:
    """$EVENTWIRE_DB, else eventwire.duckdb in the working directory."""
    return os.environ.get(DB_ENV) or str(Path.cwd() / DEFAULT_DB)


def open_store(path: str | Path | None = None, read_only: bool = False) -> EventStore:
    """Open (creating unless `read_only`) the store at `path` or the default path."""
    from eventwire.store.duckdb_store import DuckDBStore

    return DuckDBStore(path or default_db_path(), read_only=read_only)


__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "EventFilters",
    "EventRow",
    "EventStore",
    "IngestSummary",
    "Near",
    "default_db_path",
    "ingest_documents",
    "open_store",
]
