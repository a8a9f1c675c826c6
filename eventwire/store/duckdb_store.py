"""The default store: one DuckDB file (`./eventwire.duckdb`, `--db`, or $EVENTWIRE_DB).

DuckDB lets one process write a file at a time, and a writer excludes readers. So a
store opens its connection on demand and `release()` closes it: ingest holds the file
only while it checks and saves a batch, and `events`/`export` can read in between.
Opening retries a locked file for up to `wait` seconds, then raises `StoreLocked`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from eventwire.store.base import StoreError, StoreLocked, StoreWriteError
from eventwire.store.rows import Row
from eventwire.store.schema import TABLES, arrow_type
from eventwire.store.sql_store import SqlEventStore

FETCH_ROWS = 1_000
LOCK_RETRY_SECONDS = 0.2
MIN_FREE_ENV = "EVENTWIRE_MIN_FREE_MB"


def min_free_bytes() -> int:
    """Ingest refuses to start with less free space than this on the database's disk (32 MiB)."""
    return int(float(os.environ.get(MIN_FREE_ENV) or "32") * 2**20)


def _ignore(_message: str) -> None:
    return None


WRITE_FAILURES = ("could not write", "no space left", "read-only file system", "permission denied", "disk full")


def is_lock_error(exc: Exception) -> bool:
    return "lock" in str(exc).lower()


def is_write_failure(exc: Exception) -> bool:
    """The file system refused a write (DuckDB reports it as an IO or a failed-commit error)."""
    return isinstance(exc, duckdb.IOException | OSError) or any(part in str(exc).lower() for part in WRITE_FAILURES)


def check_writable(path: Path) -> None:
    """Fail fast, before any work, when the database could not be written: a read-only file
    or folder (DuckDB writes a .wal file beside it), or a nearly full disk."""
    folder = path.parent
    if not folder.is_dir():
        raise StoreWriteError(f"cannot create {path}: no folder {folder}")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
        if path.exists():
            os.close(os.open(path, os.O_RDWR))
    except OSError as exc:
        reason = f"{exc.strerror} (the database and its folder must be writable)"
        raise StoreWriteError(f"cannot write {path}: {reason}") from None
    free, needed = shutil.disk_usage(folder).free, min_free_bytes()
    if free < needed:
        raise StoreWriteError(
            f"cannot write {path}: only {free / 2**20:.1f} MiB free on its disk, ingest needs at least "
            f"{needed / 2**20:g} MiB (${MIN_FREE_ENV})"
        )


class DuckDBStore(SqlEventStore):
    """`EventStore` in a DuckDB file. `read_only` lets several readers share it while no
    writer holds it; `wait` is how long to retry a locked file, `on_wait` hears why."""

    def __init__(
        self,
        path: str | Path,
        read_only: bool = False,
        wait: float = 0.0,
        on_wait: Callable[[str], None] = _ignore,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.wait = wait
        self.on_wait = on_wait
        self._connection: duckdb.DuckDBPyConnection | None = None
        in_memory = self.path == ":memory:"
        if read_only and not in_memory and not Path(self.path).exists():
            raise FileNotFoundError(f"no eventwire database at {self.path}: run `eventwire ingest` first")
        if not read_only and not in_memory:
            check_writable(Path(self.path).absolute())
        self.connection  # noqa: B018 -- open now: a damaged or locked file is reported before any work
        if not read_only:
            self.create_schema()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        if self._connection is None:
            self._connection = self._connect()
        return self._connection

    def _connect(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.wait
        told = False
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only)
            except duckdb.Error as exc:
                if not is_lock_error(exc):
                    raise StoreError(f"cannot open {self.path}: {_first_line(exc)}") from None
                if time.monotonic() >= deadline:
                    waited = f" after waiting {self.wait:g} s" if self.wait else ""
                    raise StoreLocked(
                        f"{self.path} is locked by another process (an ingest?){waited}; "
                        "try again later or pass a longer --wait"
                    ) from None
                if not told:
                    self.on_wait(f"{self.path} is locked by another process: waiting up to {self.wait:g} s")
                    told = True
                time.sleep(LOCK_RETRY_SECONDS)

    def release(self) -> None:
        """Close the file so other processes may open it; the next call reopens it."""
        if self._connection is not None and self.path != ":memory:":
            self._connection.close()
            self._connection = None

    def save(self, results):
        try:
            return super().save(results)
        except StoreError:
            raise
        except (duckdb.Error, OSError) as exc:
            if not is_write_failure(exc):
                raise
            raise StoreWriteError(f"cannot write {self.path}: {_first_line(exc)}") from None

    def _insert_many(self, table: str, rows: list[Row]) -> None:
        """Bulk load through an Arrow table: far faster in DuckDB than long VALUES lists."""
        if not rows:
            return
        import pyarrow as pa

        columns = TABLES[table]
        names = [name for name, _ in columns]
        arrays = [
            pa.array(values, type=arrow_type(sql_type))
            for values, (_, sql_type) in zip(zip(*rows, strict=True), columns, strict=True)
        ]
        # Rows come in the table's column order, as insert_into requires.
        self.connection.from_arrow(pa.Table.from_arrays(arrays, names=names)).insert_into(table)

    def _execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        cursor = self.connection.execute(sql, params)
        return cursor.fetchall() if cursor.description else []

    def _iter_rows(self, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
        # Its own cursor, so other statements may run while the caller iterates.
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, params)
            while rows := cursor.fetchmany(FETCH_ROWS):
                yield from rows
        finally:
            cursor.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.connection.begin()
        try:
            yield
        except BaseException:
            self.connection.rollback()
            raise
        self.connection.commit()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
