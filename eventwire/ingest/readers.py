"""Readers for each input shape. Each yields `Document` or `IngestError`, in input order."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
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


# Beyond this, a CSV cell is refused by `check_text` with a reason, not by the csv module's limit.
CSV_FIELD_LIMIT = 4 * MAX_DOC_CHARS
# What JSON lines end with: only "\n" (and "\r\n"). `str.splitlines` would also split at
# U+2028, U+2029, U+0085 and other characters that JSON strings may hold raw.
JSONL_LINE_END = "\n"
# 'YYYY-MM-DD', optionally followed by an ISO time and zone: the part after the date is ignored.
ISO_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(:?\d{2})?)?)?")


@dataclass
class CsvColumns:
    """Which CSV columns hold what (`--text-col` etc.); `required` names those the user chose,
    which must then exist (the defaults are optional)."""

    text: str = "text"
    id: str | None = "id"
    published_at: str | None = "published_at"
    title: str | None = "title"
    url: str | None = "url"
    source: str | None = "source"
    required: tuple[str, ...] = ()


def parse_date(value: date | str | None) -> date | None:
    """Accept a date, 'YYYY-MM-DD' or an ISO timestamp; raise ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not ISO_TIMESTAMP.fullmatch(text):
        raise ValueError(f"{text!r} is not YYYY-MM-DD or an ISO timestamp")
    return date.fromisoformat(text[:10])


def check_string(value: Any, name: str, where: str) -> str | None:
    """A record's optional text field: a string or nothing, and valid Unicode."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise IngestError(where, f"'{name}' must be a string, got {type(value).__name__}")
    if has_surrogates(value):
        raise IngestError(where, f"'{name}' holds unpaired surrogates (not valid Unicode)")
    return value


def has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_text(text: Any, where: str) -> str:
    """Refuse what cannot be an article: not text, empty, binary, huge."""
    if not isinstance(text, str):
        raise IngestError(where, f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise IngestError(where, "empty text")
    if "\x00" in text:
        raise IngestError(where, "binary content (NUL bytes), not text")
    if has_surrogates(text):
        raise IngestError(where, "text holds unpaired surrogates (not valid Unicode)")
    if len(text) > MAX_DOC_CHARS:
        raise IngestError(where, f"text has {len(text):,} characters; the limit is {MAX_DOC_CHARS:,}: split it")
    return text


def make_document(
    text: str,
    doc_id: str | int | None = None,
    published_at: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    where: str | None = None,
) -> Document:
    """Build a checked Document; the id defaults to the content hash. `where` (file:line)
    stays on the document as its `origin`, so later errors can name it."""
    named = f"{where} (id {doc_id!r})" if where and doc_id not in (None, "") else where
    named = named or (str(doc_id) if doc_id not in (None, "") else "document")
    text = check_text(text, named)
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    doc_id = check_string(doc_id, "id", named)
    title = check_string(title, "title", named)
    url = check_string(url, "url", named)
    source = check_string(source, "source", named)
    if published_at is not None and not isinstance(published_at, str | date):
        raise IngestError(named, f"'published_at' must be a string, got {type(published_at).__name__}")
    try:
        published = parse_date(published_at)
    except ValueError as exc:
        raise IngestError(named, f"bad published_at {published_at!r}: {exc}") from None
    return Document(
        id=doc_id if doc_id else content_hash(text, source),
        text=text,
        published_at=published,
        title=title,
        url=url,
        source=source,
        origin=where,
    )


def decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192]:
        raise IngestError(where, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(where, f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start})") from None


def jsonl_lines(text: str) -> list[str]:
    """The lines of a JSONL text, split on "\n" only (see JSONL_LINE_END)."""
    lines = text.split(JSONL_LINE_END)
    return [line.removesuffix("\r") for line in lines]


def read_jsonl_lines(
    lines: Iterable[str], where: str, default_published_at: date | None
) -> Iterator[Document | IngestError]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        here = f"{where}:{number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            reason = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "nested too deep"
            yield IngestError(here, f"malformed JSON ({reason})")
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
                where=here,
            )
        except IngestError as exc:
            yield exc


def read_csv(
    text: str, where: str, columns: CsvColumns, default_published_at: date | None, delimiter: str = ","
) -> Iterator[Document | IngestError]:
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        yield IngestError(f"{where}:1", f"bad CSV header: {exc}")
        return
    if not fieldnames or columns.text not in fieldnames:
        yield IngestError(where, f"no text column {columns.text!r} (columns: {fieldnames}); use --text-col")
        return
    missing = [name for name in columns.required if name not in fieldnames]
    if missing:
        yield IngestError(where, f"no column {', '.join(map(repr, missing))} (columns: {fieldnames})")
        return

    def column(row: dict[str, str], name: str | None) -> str | None:
        return (row.get(name) or None) if name else None

    rows = iter(reader)
    while True:
        first_line = reader.line_num + 1  # where the record starts (a quoted cell may span lines)
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:  # the csv module cannot go on after this: the rest of the file is lost
            yield IngestError(f"{where}:{first_line}", f"bad CSV, the rest of the file is skipped: {exc}")
            return
        here = f"{where}:{first_line}"
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
            yield from read_jsonl_lines(jsonl_lines(text), where, default_published_at)
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
    except Exception as exc:  # a reader bug or a pathological input (e.g. HTML nested too deep) ends this file only
        yield IngestError(where, f"could not be read, the rest of the file is skipped: {type(exc).__name__}: {exc}")


def iter_files(path: Path) -> Iterator[Path | IngestError]:
    """A file as itself; a folder recursively, its known kinds of file in sorted order, and
    an IngestError for each sub-folder that cannot be listed."""
    if not path.is_dir():
        yield path
        return
    unreadable: list[OSError] = []
    found: list[Path] = []
    for folder, subfolders, files in os.walk(path, onerror=unreadable.append):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            child = Path(folder) / name
            if child.suffix.lower() in KNOWN_SUFFIXES and not name.startswith("."):
                found.append(child)
    for error in unreadable:
        yield IngestError(str(error.filename), f"cannot read folder: {error.strerror}")
    yield from sorted(found)


def read_stream(
    stream: IO[str],
    default_published_at: date | None = None,
    fmt: str = "auto",
    where: str = "<stdin>",
    columns: CsvColumns | None = None,
) -> Iterator[Document | IngestError]:
    """Standard input: JSONL when the first character is '{' (or fmt='jsonl'), else one text.

    A binary stream (or a text stream with a `buffer`, as sys.stdin) is read as bytes and
    decoded strictly, so bad bytes get the same clean error as in a file."""
    try:
        raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        content = decode(raw, where) if isinstance(raw, bytes) else raw
        if fmt == "auto":
            fmt = "jsonl" if content.lstrip().startswith("{") else "text"
        if fmt == "jsonl":
            yield from read_jsonl_lines(jsonl_lines(content), where, default_published_at)
        elif fmt == "csv":
            yield from read_csv(content, where, columns or CsvColumns(), default_published_at)
        elif fmt == "html":
            yield read_html(content, where, default_published_at)
        else:
            yield make_document(content, published_at=default_published_at, where=where)
    except IngestError as exc:
        yield exc
    except Exception as exc:  # as in read_file: the stream ends, the command goes on
        yield IngestError(where, f"could not be read, the rest is skipped: {type(exc).__name__}: {exc}")


def read_paths(
    paths: Iterable[str | Path], default_published_at: date | None = None, columns: CsvColumns | None = None
) -> Iterator[Document | IngestError]:
    """Every document under the given paths ('-' is standard input)."""
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
            if isinstance(file, IngestError):
                yield file
            else:
                yield from read_file(file, columns, default_published_at)
