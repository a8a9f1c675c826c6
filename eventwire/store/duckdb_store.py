"""The default store: one DuckDB file (`./eventwire.duckdb`, `--db`, or $EVENTWIRE_DB)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from eventwire.store.rows import Row
from eventwire.store.schema import TABLES, arrow_type
from eventwire.store.sql_store import SqlEventStore

FETCH_ROWS = 1_000


class DuckDBStore(SqlEventStore):
    """`EventStore` in a DuckDB file. `read_only` lets several readers share it while
    no writer holds it (DuckDB allows one writing process at a time)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise FileNotFoundError(f"no eventwire database at {self.path}: run `eventwire ingest` first")
        try:
            self.connection = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:  # e.g. another process holds the write lock
            raise OSError(f"cannot open {self.path}: {exc}") from None
        if not read_only:
            self.create_schema()

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
        self.connection.close()
