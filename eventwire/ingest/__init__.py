"""Ingest: turn files, folders, JSONL, CSV, HTML and stdin into `Document`s.

Readers yield `Document`s or `IngestError`s, never raise for one bad document, so a
batch goes on past it.
"""

from eventwire.ingest.readers import (
    CsvColumns,
    IngestError,
    make_document,
    parse_date,
    read_paths,
    read_stream,
)

__all__ = ["CsvColumns", "IngestError", "make_document", "parse_date", "read_paths", "read_stream"]
