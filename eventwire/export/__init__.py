"""Export stored events: jsonl (the extract contract per document), csv, parquet, geojson.

from eventwire.export import export_events
export_events(store, "geojson", EventFilters(country="UKR"), "ukraine.geojson")
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from eventwire.export.writers import FORMATS
from eventwire.store import EventFilters, EventStore


def export_events(
    store: EventStore, fmt: str, filters: EventFilters | None = None, path: str | Path | None = None
) -> int:
    """Write the selected data in `fmt` to `path` (standard output when None or '-');
    returns the number of records written (documents for jsonl, events otherwise)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    writer = FORMATS[fmt]
    filters = filters or EventFilters()
    if path is None or str(path) == "-":
        written = writer(store, filters, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return written
    # Written beside the target and renamed when complete: a failed export leaves no partial file.
    path = Path(path)
    partial = path.with_name(f".{path.name}.part")
    try:
        with open(partial, "wb") as out:
            written = writer(store, filters, out)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return written


__all__ = ["FORMATS", "export_events"]
