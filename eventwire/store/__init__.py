"""Store: documents, extraction results and events in a database (DuckDB by default).

from eventwire.store import open_store, EventFilters
with open_store() as store:                       # ./eventwire.duckdb or $EVENTWIRE_DB
    rows = store.query_events(EventFilters(types=("ASSAULT",), country="UKR"))
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from eventwire.store.base import (
    EventFilters,
    EventRow,
    EventStore,
    Near,
    StoreError,
    StoreLocked,
    StoreWriteError,
)
from eventwire.store.load import IngestSummary, ingest_documents

DEFAULT_DB = "eventwire.duckdb"
# Seconds to wait for a database another process holds (it may be between two batches).
DEFAULT_WAIT = 30.0
DB_ENV = "EVENTWIRE_DB"


def default_db_path() -> str:
    """$EVENTWIRE_DB, else eventwire.duckdb in the working directory."""
    return os.environ.get(DB_ENV) or str(Path.cwd() / DEFAULT_DB)


def open_store(
    path: str | Path | None = None,
    read_only: bool = False,
    wait: float = DEFAULT_WAIT,
    on_wait: Callable[[str], None] | None = None,
) -> EventStore:
    """Open (creating unless `read_only`) the store at `path` or the default path; retry a file
    locked by another process for up to `wait` seconds, telling `on_wait` once."""
    from eventwire.store.duckdb_store import DuckDBStore

    extra = {"on_wait": on_wait} if on_wait else {}
    return DuckDBStore(path or default_db_path(), read_only=read_only, wait=wait, **extra)


__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "DEFAULT_WAIT",
    "EventFilters",
    "EventRow",
    "EventStore",
    "IngestSummary",
    "Near",
    "StoreError",
    "StoreLocked",
    "StoreWriteError",
    "default_db_path",
    "ingest_documents",
    "open_store",
]
