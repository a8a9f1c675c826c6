"""The store interface: what ingest, query and export need from any database.

DuckDB implements it today (`eventwire.store.duckdb_store`); a PostgreSQL store can
follow behind the same interface. Everything crossing it is plain Python: model
objects in, dicts of plain values (str, int, float, date, None) out.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from eventwire.model import DocResult, Document

EventRow = dict[str, Any]


class StoreError(OSError):
    """The database cannot be opened or read: damaged, not a database, missing."""


class StoreLocked(StoreError):
    """Another process holds the database's write lock for longer than we wait."""


class StoreWriteError(StoreError):
    """The database cannot be written (disk full, read-only file or folder): ingest stops."""


@dataclass(frozen=True)
class Near:
    """A circle on the globe: events located within `km` of (lat, lon)."""

    lat: float
    lon: float
    km: float

    @classmethod
    def parse(cls, value: str) -> Near:
        """'lat,lon,km', e.g. '50.45,30.52,100'."""
        parts = [part.strip() for part in value.split(",")]
        if len(parts) != 3:
            raise ValueError(f"expected 'lat,lon,km', got {value!r}")
        try:
            lat, lon, km = (float(part) for part in parts)
        except ValueError:
            raise ValueError(f"expected three numbers 'lat,lon,km', got {value!r}") from None
        if not all(math.isfinite(number) for number in (lat, lon, km)):
            raise ValueError(f"lat, lon and km must be finite numbers, got {value!r}")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
            raise ValueError(f"out of range: lat {lat}, lon {lon}, km {km}")
        return cls(lat, lon, km)


@dataclass(frozen=True, kw_only=True)
class EventFilters:
    """Which events a query selects; every filter left as None selects all.

    - `types`: PLOVER types (any of them, case-insensitive).
    - `actor`: a name (substring) or country code (exact) of the actor OR the recipient.
    - `country`: ISO3 code of the event's location.
    - `since` / `until`: the event date's period overlaps [since, until]; undated events drop out.
    - `near`: located within a circle.
    - `text`: substring of the evidence sentence (case-insensitive).
    - `located`: only events with coordinates.
    """

    types: tuple[str, ...] = ()
    actor: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    near: Near | None = None
    text: str | None = None
    located: bool = False
    limit: int | None = None

    @property
    def selects_all_events(self) -> bool:
        return replace(self, limit=None) == EventFilters()


class EventStore(ABC):
    """A database of documents, their extraction results and the events in them."""

    @abstractmethod
    def save(self, results: list[tuple[Document, DocResult]]) -> int:
        """Store a batch in ONE transaction (all or nothing); documents already stored are
        skipped. Returns the number of documents added."""

    @abstractmethod
    def has_document(self, content_id: str) -> bool:
        """Whether a document with this content hash is stored."""

    def doc_id_owner(self, doc_id: str) -> str | None:
        """The content id of the stored document with this id, if any (ids must be unique)."""
        return None

    def release(self) -> None:
        """Let other processes at the database until the next call (a no-op where there is no lock)."""
        return None

    @abstractmethod
    def query_events(self, filters: EventFilters | None = None) -> list[EventRow]:
        """Flat event rows (EVENT_COLUMNS plus the document's published_at/title/url/source)."""

    def iter_events(self, filters: EventFilters | None = None) -> Iterator[EventRow]:
        """Like `query_events`, streamed; stores override it to avoid building the list."""
        return iter(self.query_events(filters))

    @abstractmethod
    def count_events(self, filters: EventFilters | None = None) -> int: ...

    @abstractmethod
    def count_documents(self) -> int: ...

    @abstractmethod
    def iter_results(self, filters: EventFilters | None = None) -> Iterator[dict[str, Any]]:
        """The stored `eventwire extract` output of each document, in ingest order; with
        event filters, only documents holding a matching event."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
