"""Property-based fuzzing of every reader and of `Pipeline.extract` (hypothesis).

Hostile input — arbitrary Unicode, control characters, NUL, lone surrogates, bad bytes,
pathological HTML nesting, absurd dates and numbers, huge and empty fields — must give
a document or a named IngestError, never an exception; every span of an extraction
must be its text's characters; a store must take whatever extraction gives.

Short in CI; `EVENTWIRE_FUZZ=long` (scripts/fuzz.sh) runs many more examples.
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_contract import assert_spans_point_at_text

from eventwire.ingest import IngestError, make_document, parse_date, read_paths, read_stream
from eventwire.model import Document

LONG = os.environ.get("EVENTWIRE_FUZZ") == "long"


def fuzz(ci: int, long: int):
    """Examples per test: few in CI, many in the long mode; no per-example deadline (spaCy is slow)."""
    return settings(
        max_examples=long if LONG else ci,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


# -- strategies ----------------------------------------------------------------------------------

ANY_CHAR = st.characters(codec=None, exclude_categories=())  # surrogates, controls, NUL included
NASTY = st.sampled_from(
    ["\u2028", "\u2029", "\x85", "\x00", "\r", "\n", "\r\n", "\t", "\x0b", "\x0c", "\x1c", "\ufeff", "\u202e",
     "\u200b", "\ud800", "\udfff", "e\u0301", "😀", "🇺🇦", "𝕏", "ﬁ", "İ", "ß", '"', "'", "\\", ",", "{", "}",
     "<", ">", "&amp;", "<!--", "]]>", " ", "\u3000", "...", "—", "%s", "%(x)s", "{0}", "'; DROP TABLE events; --"]
)  # fmt: skip
WORDS = st.sampled_from(
    ["Rebels", "attacked", "a convoy", "near", "Goma", "Kyiv", "Moscow", "Russian forces", "killed", "wounded",
     "arrested", "at least", "dozens of", "protesters", "police", "on Monday", "yesterday", "last week", "said",
     "according to", "the ministry", "officials", "three", "1,000", "2.5 million", "-7", "0", "10**30",
     "99999999999999999999999", "1e308", "NaN", "on 31 February 2025", "in 99999", "on 0000-00-00", "in 1066",
     "in the year 10000", "next Tuesday", "2025-13-45", "June 31", "Q5 2025", "the 45th", "at 25:61",
     "5,000,000,000,000 dead", "between 3 and 2", "killing 4 - 9", ".", ",", ";", "(", ")", "\n\n"]
)  # fmt: skip
PIECES = st.one_of(WORDS, NASTY, st.text(ANY_CHAR, max_size=8))
TEXTS = st.one_of(
    st.lists(PIECES, max_size=40).map(" ".join),
    st.text(ANY_CHAR, max_size=300),
    st.just(""),
    st.builds(str.__mul__, st.sampled_from(["word ", "a", "\n", "killed 3. "]), st.integers(0, 30_000)),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXTS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=6,
)
DATES = st.one_of(
    st.none(),
    st.dates().map(str),
    st.datetimes().map(lambda moment: moment.isoformat()),
    st.text(ANY_CHAR, max_size=30),
    st.sampled_from(["2025-02-30", "0000-01-01", "9999-12-31T23:59:60Z", "2025-07-01garbage", "+275760-09-13"]),
    JSON_VALUES,
)


def read_all(items) -> list[Document | IngestError]:
    out = list(items)
    assert all(isinstance(item, Document | IngestError) for item in out)
    for item in out:
        if isinstance(item, Document):
            assert item.text.strip() and "\x00" not in item.text
            item.text.encode("utf-8")  # valid Unicode, storable
            for value in (item.id, item.title, item.url, item.source):
                assert value is None or isinstance(value, str)
        else:
            assert item.where and item.reason
    return out


# -- readers -------------------------------------------------------------------------------------


@fuzz(ci=150, long=5_000)
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from(["id", "text", "published_at", "title", "url", "source", "extra"]), JSON_VALUES | TEXTS
        )
        | JSON_VALUES,
        max_size=6,
    ),
    ascii_only=st.booleans(),
    crlf=st.booleans(),
)
def test_jsonl_every_line_gives_one_item_on_its_line(records, ascii_only, crlf):
    lines = [json.dumps(record, ensure_ascii=ascii_only) for record in records]
    content = ("\r\n" if crlf else "\n").join(lines)
    items = read_all(read_stream(io.StringIO(content), fmt="jsonl"))
    assert len(items) == sum(1 for line in lines if line.strip())
    for item, record in zip(items, [r for r, line in zip(records, lines, strict=True) if line.strip()], strict=True):
        if isinstance(item, Document):
            assert item.text == record["text"]


@fuzz(ci=150, long=5_000)
@given(lines=st.lists(st.text(ANY_CHAR.filter(lambda char: char != "\n"), max_size=60), max_size=8))
def test_jsonl_garbage_lines_are_named_by_line(lines):
    items = read_all(read_stream(io.StringIO("\n".join(lines)), fmt="jsonl"))
    numbers = [int(item.where.split(":")[1].split()[0]) for item in items if isinstance(item, IngestError)]
    assert all(1 <= number <= len(lines) for number in numbers)
    assert len(items) == sum(1 for line in lines if line.strip())


@fuzz(ci=100, long=3_000)
@given(
    rows=st.lists(st.tuples(TEXTS, TEXTS, DATES.map(str)), max_size=5),
    header=st.sampled_from([["id", "text", "published_at"], ["guid", "body", "date"], ["text"]]),
)
def test_csv_any_cells(tmp_path_factory, rows, header):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row[: len(header)])
    path = tmp_path_factory.mktemp("csv") / "feed.csv"
    path.write_text(out.getvalue().encode("utf-8", "surrogatepass").decode("utf-8", "replace"), encoding="utf-8")
    items = read_all(read_paths([path]))
    if header[0] == "guid":
        assert len(items) == 1 and isinstance(items[0], IngestError)  # no text column, said once


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16", "utf-32", "shift_jis", "koi8-r"])
# Pieces of one text in several encodings, as in a file concatenated from several sources.
MIXED_ENCODINGS = st.lists(st.tuples(TEXTS, ENCODINGS), max_size=5).map(
    lambda parts: b"".join(text[:2_000].encode(encoding, "replace") for text, encoding in parts)
)


@fuzz(ci=120, long=4_000)
@given(
    data=st.binary(max_size=3_000) | MIXED_ENCODINGS,
    suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".tsv", ".html", ".md"]),
)
def test_any_bytes_in_any_kind_of_file(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(data)
    read_all(read_paths([path]))


@fuzz(ci=60, long=2_000)
@given(data=st.binary(max_size=2_000) | MIXED_ENCODINGS)
def test_any_bytes_on_stdin(data):
    read_all(read_stream(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")))


def nested_html(depth: int, tag: str, text: str, close: bool) -> str:
    body = f"<{tag}>" * depth + text + (f"</{tag}>" * depth if close else "")
    return f"<html><head><title>{text[:20]}</title></head><body>{body}</body></html>"


@fuzz(ci=25, long=500)
@given(
    depth=st.integers(0, 5_000),
    tag=st.sampled_from(["div", "p", "b", "table", "span", "li", "a href='x'", "iframe", "svg"]),
    text=TEXTS,
    close=st.booleans(),
)
def test_pathological_html(depth, tag, text, close):
    read_all(read_stream(io.StringIO(nested_html(depth, tag, text, close)), fmt="html"))


@fuzz(ci=300, long=10_000)
@given(value=DATES)
def test_dates_parse_or_are_refused(value):
    try:
        parsed = parse_date(value)
    except ValueError:
        return
    assert parsed is None or isinstance(parsed, date)


@fuzz(ci=200, long=5_000)
@given(text=TEXTS | JSON_VALUES, doc_id=JSON_VALUES, published_at=DATES, title=JSON_VALUES)
def test_make_document_checks_every_field(text, doc_id, published_at, title):
    try:
        document = make_document(text, doc_id=doc_id, published_at=published_at, title=title, where="x:1")
    except IngestError as exc:
        assert exc.where.startswith("x:1")
        return
    read_all([document])


# -- the pipeline --------------------------------------------------------------------------------


NEWS = st.lists(st.one_of(WORDS, WORDS, WORDS, NASTY), min_size=1, max_size=60).map(" ".join)


@pytest.mark.slow
@fuzz(ci=40, long=1_500)
@given(text=st.one_of(NEWS, TEXTS), published_at=st.one_of(st.none(), st.dates().map(str)))
def test_extract_never_crashes_and_spans_hold(pipeline, text, published_at):
    try:
        result = pipeline.extract(text, published_at=published_at)
    except IngestError:
        return  # empty, NUL, surrogates, too long: refused with a reason
    assert_spans_point_at_text(result, text)
    assert not [warning for warning in result["warnings"] if "failed on this document" in warning], result["warnings"]


@pytest.mark.slow
@fuzz(ci=20, long=500)
@given(texts=st.lists(NEWS, min_size=1, max_size=4))
def test_whatever_is_extracted_can_be_stored_and_checked(pipeline, texts):
    from eventwire.store import open_store
    from eventwire.store.check import check_store

    documents = []
    for index, text in enumerate(texts):
        try:
            documents.append(make_document(text, doc_id=f"d{index}"))
        except IngestError:
            continue  # refused with a reason: covered above
    with open_store(":memory:") as store:
        assert store.save(list(zip(documents, pipeline.process(documents), strict=True))) == len(
            {document.content_id for document in documents}
        )
        findings = check_store(store)
        assert all(finding.ok for finding in findings), [str(finding) for finding in findings]


@pytest.mark.slow
def test_a_document_over_the_time_limit_is_cut_short_with_a_warning(pipeline):
    from copy import copy

    hurried = copy(pipeline)
    hurried.time_limit = 0.0
    result = hurried.extract("Rebels attacked a convoy near Goma on Monday, killing five soldiers.")
    assert any(warning.startswith("time limit:") and "skipped actors" in warning for warning in result["warnings"])
    assert result["events"] == []
