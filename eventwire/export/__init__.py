"""Export stored events: jsonl (the extract contract per document), csv, parquet, geojson.

from eventwire.export import export_events
export_events(store, "geojson", EventFilters(country="UKR"), "ukraine.geojson")

A package adds a format through the entry-point group `eventwire.exporters` (name = format,
value = a writer `(store, filters, binary_stream) -> records written`), e.g. in pyproject.toml:

    [project.entry-points."eventwire.exporters"]
    kml = "my_package.kml:write_kml"
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

from eventwire.export.writers import FORMATS, Writer
from eventwire.store import EventFilters, EventStore

ENTRY_POINT_GROUP = "eventwire.exporters"


def format_names() -> list[str]:
    """The built-in formats, then those installed packages add (not imported until used)."""
    added = [ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP) if ep.name not in FORMATS]
    return [*FORMATS, *added]


def writer_for(fmt: str) -> Writer:
    if fmt in FORMATS:
        return FORMATS[fmt]
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == fmt:
            return ep.load()
    raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(format_names())}")


def export_events(
    store: EventStore, fmt: str, filters: EventFilters | None = None, path: str | Path | None = None
) -> int:
    """Write the selected data in `fmt` to `path` (standard output when None or '-');
    returns the number of records written (documents for jsonl, events otherwise)."""
    writer = writer_for(fmt)
    filters = filters or EventFilters()
    if path is None or str(path) == "-":
        written = writer(store, filters, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return written
    with open(path, "wb") as out:
        return writer(store, filters, out)


__all__ = ["ENTRY_POINT_GROUP", "FORMATS", "export_events", "format_names", "writer_for"]
