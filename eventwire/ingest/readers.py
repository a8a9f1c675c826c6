"""Readers for each input shape. Each yields `Document` or `IngestError`, in input order."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from eventwire.model import Document, content_hash

MAX_DOC_CHARS = 200_000
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
CSV_SUFFIXES = {".csv", ".tsv"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | CSV_SUFFIXES


class IngestError(Exception):
    """A document that could not be read: `where` names it, `reason` says why."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


@dataclass
class CsvColumns:
    """Which CSV columns hold what (`--text-col` etc.)."""

    text: str = "text"
    id: str | None = "id"
    published_at: str | None = "published_at"
    title: str | None = "title"
    url: str | None = "url"
    source: str | None = "source"


def parse_date(value: date | str | None) -> date | None:
    """Accept a date, 'YYYY-MM-DD' or an ISO timestamp; raise ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()


def check_text(text: Any, where: str) -> str:
    """Refuse what cannot be an article: not text, empty, binary, huge."""
    if not isinstance(text, str):
        raise IngestError(where, f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise IngestError(where, "empty text")
    if "\x00" in text:
        raise IngestError(where, "binary content (NUL bytes), not text")
    if len(text) > MAX_DOC_CHARS:
        raise IngestError(where, f"text has {len(text):,} characters; the limit is {MAX_DOC_CHARS:,}: split it")
    return text


def make_document(
    text: str,
    doc_id: str | None = None,
    published_at: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    where: str | None = None,
) -> Document:
    """Build a checked Document; the id defaults to the content hash."""
    where = where or (doc_id or "document")
    text = check_text(text, where)
    try:
        published = parse_date(published_at)
    except ValueError as exc:
        raise IngestError(where, f"bad published_at {published_at!r}: {exc}") from None
    return Document(
        id=str(doc_id) if doc_id not in (None, "") else content_hash(text, source),
        text=text,
        published_at=published,
        title=title,
        url=url,
        source=source,
    )


def decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192]:
        raise IngestError(where, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(where, f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start})") from None


def read_jsonl_lines(
    lines: Iterable[str], where: str, default_published_at: date | None
) -> Iterator[Document | IngestError]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        here = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(here, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield IngestError(here, "each line must be a JSON object")
            continue
        try:
            yield make_document(
                record.get("text"),
                doc_id=record.get("id"),
                published_at=record.get("published_at") or default_published_at,
                title=record.get("title"),
                url=record.get("url"),
                source=record.get("source"),
                where=f"{here} (id {record.get('id')!r})" if record.get("id") else here,
            )
        except IngestError as exc:
            yield exc


def read_csv(
    text: str, where: str, columns: CsvColumns, default_published_at: date | None, delimiter: str = ","
) -> Iterator[Document | IngestError]:
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames or columns.text not in reader.fieldnames:
        yield IngestError(where, f"no text column {columns.text!r} (columns: {reader.fieldnames}); use --text-col")
        return

    def column(row: dict[str, str], name: str | None) -> str | None:
        return (row.get(name) or None) if name else None

    for number, row in enumerate(reader, start=2):
        here = f"{where}:{number}"
        try:
            yield make_document(
                row.get(columns.text) or "",
                doc_id=column(row, columns.id),
                published_at=column(row, columns.published_at) or default_published_at,
                title=column(row, columns.title),
                url=column(row, columns.url),
                source=column(row, columns.source),
                where=here,
            )
        except IngestError as exc:
            yield exc


def read_html(html: str, where: str, default_published_at: date | None) -> Document:
    """Main text, title, date and url of a web page, by trafilatura."""
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not body:
        raise IngestError(where, "no article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    published = default_published_at or (meta.date if meta and meta.date else None)
    return make_document(
        body,
        doc_id=None,
        published_at=published,
        title=meta.title if meta else None,
        url=meta.url if meta else None,
        source=(meta.sitename if meta else None) or where,
        where=where,
    )


def read_file(path: Path, columns: CsvColumns, default_published_at: date | None) -> Iterator[Document | IngestError]:
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(where, f"cannot read: {exc.strerror}")
        return
    try:
        text = decode(data, where)
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl_lines(text.splitlines(), where, default_published_at)
        elif suffix in CSV_SUFFIXES:
            yield from read_csv(text, where, columns, default_published_at, "\t" if suffix == ".tsv" else ",")
        elif suffix in HTML_SUFFIXES:
            yield read_html(text, where, default_published_at)
        else:
            yield make_document(
                text, doc_id=path.stem, published_at=default_published_at, source=path.name, where=where
            )
    except IngestError as exc:
        yield exc


def iter_files(path: Path) -> Iterator[Path]:
    """A file as itself; a folder recursively, its known kinds of file in sorted order."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in KNOWN_SUFFIXES and not child.name.startswith("."):
                yield child
    else:
        yield path


def read_stream(
    stream: IO[str],
    default_published_at: date | None = None,
    fmt: str = "auto",
    where: str = "<stdin>",
    columns: CsvColumns | None = None,
) -> Iterator[Document | IngestError]:
    """Standard input: JSONL when the first character is '{' (or fmt='jsonl'), else one text."""
    content = stream.read()
    if fmt == "auto":
        fmt = "jsonl" if content.lstrip().startswith("{") else "text"
    if fmt == "jsonl":
        yield from read_jsonl_lines(content.splitlines(), where, default_published_at)
    elif fmt == "csv":
        yield from read_csv(content, where, columns or CsvColumns(), default_published_at)
    elif fmt == "html":
        try:
            yield read_html(content, where, default_published_at)
        except IngestError as exc:
            yield exc
    else:
        try:
            yield make_document(content, published_at=default_published_at, where=where)
        except IngestError as exc:
            yield exc


def read_paths(
    paths: Iterable[str | Path], default_published_at: date | None = None, columns: CsvColumns | None = None
) -> Iterator[Document | IngestError]:
    """Every document under the given paths ('-' is standard input)."""
    import sys

    columns = columns or CsvColumns()
    for raw in paths:
        if str(raw) == "-":
            yield from read_stream(sys.stdin, default_published_at, columns=columns)
            continue
        path = Path(raw)
        if not path.exists():
            yield IngestError(str(path), "no such file or folder")
            continue
        for file in iter_files(path):
            yield from read_file(file, columns, default_published_at)
