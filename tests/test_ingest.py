"""Ingest: every input shape, and bad input reported by name without sinking the batch."""

import io
import json
from datetime import date

import pytest

from eventwire.ingest import CsvColumns, IngestError, make_document, read_paths, read_stream
from eventwire.ingest.readers import MAX_DOC_CHARS

ARTICLE = "Police in Lagos arrested 12 protesters on Monday, officials said."


def documents(items):
    return [item for item in items if not isinstance(item, IngestError)]


def errors(items):
    return [item for item in items if isinstance(item, IngestError)]


def test_content_hash_is_identity_and_stable():
    first = make_document(ARTICLE)
    second = make_document(ARTICLE)
    assert first.id == second.id == first.content_id
    assert make_document(ARTICLE + " More.").id != first.id


def test_published_at_accepts_date_and_timestamp():
    assert make_document(ARTICLE, published_at="2025-07-01").published_at == date(2025, 7, 1)
    assert make_document(ARTICLE, published_at="2025-07-01T10:00:00Z").published_at == date(2025, 7, 1)
    with pytest.raises(IngestError, match="bad published_at"):
        make_document(ARTICLE, published_at="next Tuesday-ish")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("abc\x00def", "binary"),
        (42, "must be a string"),
        ("x" * (MAX_DOC_CHARS + 1), "limit"),
    ],
)
def test_bad_text_is_refused_with_reason(text, reason):
    with pytest.raises(IngestError, match=reason):
        make_document(text, doc_id="doc-7")


def test_jsonl_bad_lines_named_and_batch_goes_on():
    lines = "\n".join(
        [
            json.dumps({"id": "a", "text": ARTICLE, "published_at": "2025-07-01"}),
            "{not json",
            json.dumps({"id": "b", "text": ""}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"id": "c", "text": "Second article.", "title": "T", "url": "http://x"}),
        ]
    )
    items = list(read_stream(io.StringIO(lines), default_published_at=date(2024, 1, 2)))
    good = documents(items)
    assert [d.id for d in good] == ["a", "c"]
    assert good[0].published_at == date(2025, 7, 1)
    assert good[1].published_at == date(2024, 1, 2)  # default fills the gap
    assert good[1].title == "T"
    where = [e.where for e in errors(items)]
    assert where[0] == "<stdin>:2" and "malformed JSON" in errors(items)[0].reason
    assert "'b'" in where[1]
    assert where[2] == "<stdin>:4"


def test_plain_text_stdin():
    (doc,) = documents(read_stream(io.StringIO(ARTICLE)))
    assert doc.text == ARTICLE and doc.published_at is None


def test_folder_recursive_with_every_kind(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "two.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Jsonl article."}) + "\n", encoding="utf-8"
    )
    (tmp_path / "sub" / "three.csv").write_text(
        'body,ident,day\n"Csv article, with comma.",c1,2020-05-06\n', encoding="utf-8"
    )
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 attack".encode("latin-1"))
    (tmp_path / "blob.txt").write_bytes(b"\x89PNG\x00\x00\x00binary")
    (tmp_path / "ignored.bin").write_bytes(b"whatever")
    columns = CsvColumns(text="body", id="ident", published_at="day")
    items = list(read_paths([tmp_path], columns=columns))
    good = {d.id: d for d in documents(items)}
    assert set(good) == {"one", "j1", "c1"}
    assert good["c1"].text == "Csv article, with comma." and good["c1"].published_at == date(2020, 5, 6)
    reasons = {e.where.rsplit("/", 1)[-1]: e.reason for e in errors(items)}
    assert "UTF-8" in reasons["latin1.txt"]
    assert "binary" in reasons["blob.txt"]


def test_csv_without_text_column_says_which_flag(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    (err,) = errors(read_paths([path]))
    assert "--text-col" in err.reason


def test_missing_path_is_an_error_not_a_crash(tmp_path):
    (err,) = errors(read_paths([tmp_path / "nope.txt"]))
    assert "no such file" in err.reason


def test_html_body_title_and_date(tmp_path):
    html = """<html><head><title>Strike hits depot</title>
    <meta property="article:published_time" content="2025-06-30T08:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Strike hits depot</h1>
    <p>A drone strike hit a fuel depot in the port city of Novorossiysk on Monday, regional officials said.</p>
    <p>Two workers were injured and a fire broke out, the officials added in a statement on Telegram.</p>
    </article><footer>Copyright 2025</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (doc,) = documents(read_paths([path]))
    assert "Novorossiysk" in doc.text and "Copyright" not in doc.text
    assert doc.title == "Strike hits depot"
    assert doc.published_at == date(2025, 6, 30)


def test_html_without_article_is_named_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body></body></html>", encoding="utf-8")
    (err,) = errors(read_paths([path]))
    assert err.where.endswith("empty.html") and "no article text" in err.reason


def test_malformed_html_still_yields_text(tmp_path):
    path = tmp_path / "broken.htm"
    path.write_text(
        "<html><body><p>Rebels seized the town of Goma on Friday, the army said.<div><p>Unclosed", encoding="utf-8"
    )
    (doc,) = documents(read_paths([path]))
    assert "Goma" in doc.text
