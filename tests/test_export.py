"""Export: jsonl round-trips the extract contract; csv/parquet are flat event rows; geojson maps them."""

from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from store_samples import GOMA, LIMA, sample_results

from eventwire.cli import main
from eventwire.export import FORMATS, export_events
from eventwire.export.table import count_label, events_table, evidence_snippet, party_label
from eventwire.store import EventFilters, open_store
from eventwire.store.sql_store import EVENT_ROW_COLUMNS


@pytest.fixture
def store():
    with open_store(":memory:") as opened:
        opened.save(sample_results())
        yield opened


def exported(store, fmt: str, **filters) -> tuple[bytes, int]:
    out = io.BytesIO()
    written = FORMATS[fmt](store, EventFilters(**filters), out)
    return out.getvalue(), written


def test_jsonl_is_the_extract_output_per_document(store):
    data, written = exported(store, "jsonl")
    lines = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert written == 3
    assert lines == [json.loads(json.dumps(result.to_dict())) for _, result in sample_results()]


def test_jsonl_with_filters_keeps_whole_documents(store):
    data, _ = exported(store, "jsonl", types=("REQUEST",))
    (line,) = data.decode("utf-8").splitlines()
    assert [event["type"] for event in json.loads(line)["events"]] == ["ASSAULT", "REQUEST"]


def test_csv_has_one_row_per_event(store):
    data, written = exported(store, "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert written == len(rows) == 3
    assert list(rows[0]) == EVENT_ROW_COLUMNS
    assault = rows[0]
    assert (assault["type"], assault["dead_best"], assault["injured_best"]) == ("ASSAULT", "5", "12")
    assert (assault["date_start"], assault["published_at"]) == ("2025-03-03", "2025-03-04")
    assert rows[2]["context"] == "economic;diplomatic"
    assert rows[1]["location_lat"] == ""  # missing values are empty cells


def test_parquet_is_typed_and_readable(store):
    data, written = exported(store, "parquet", country="PER")
    table = pq.read_table(io.BytesIO(data))
    assert written == table.num_rows == 1
    assert table.schema.field("date_start").type == pa.date32()
    assert table.schema.field("location_lat").type == pa.float64()
    assert table.schema.field("dead_best").type == pa.int64()
    assert table.schema.field("trigger_start").type == pa.int32()
    row = table.to_pylist()[0]
    assert (row["type"], row["location_name"], row["date_value"]) == ("CONSULT", "Lima", "2025-06")


def test_empty_parquet_still_has_the_columns(store):
    data, written = exported(store, "parquet", types=("SANCTION",))
    table = pq.read_table(io.BytesIO(data))
    assert written == table.num_rows == 0
    assert table.column_names == EVENT_ROW_COLUMNS


def test_geojson_maps_located_events_lon_lat(store):
    data, written = exported(store, "geojson")
    collection = json.loads(data)
    assert collection["type"] == "FeatureCollection"
    assert written == len(collection["features"]) == 2  # the aid appeal has no location
    coordinates = {f["properties"]["type"]: f["geometry"]["coordinates"] for f in collection["features"]}
    assert coordinates == {"ASSAULT": [GOMA[1], GOMA[0]], "CONSULT": [LIMA[1], LIMA[0]]}
    assault = next(f for f in collection["features"] if f["properties"]["type"] == "ASSAULT")
    assert assault["geometry"]["type"] == "Point"
    assert assault["properties"]["evidence_sentence"].startswith("Rebels attacked")
    assert assault["properties"]["date_start"] == "2025-03-03"


def test_geojson_limit_counts_features(store):
    # The unlocated appeal sorts between the two located events: it must not eat the limit.
    _, written = exported(store, "geojson", limit=2)
    assert written == 2


def test_empty_geojson_is_valid(store):
    data, written = exported(store, "geojson", actor="nobody")
    assert written == 0 and json.loads(data) == {"type": "FeatureCollection", "features": []}


def test_export_events_writes_a_file_and_refuses_unknown_formats(store, tmp_path):
    path = tmp_path / "events.csv"
    assert export_events(store, "csv", EventFilters(actor="COD"), path) == 1
    assert path.read_text(encoding="utf-8").count("\n") == 2
    with pytest.raises(ValueError, match="unknown export format"):
        export_events(store, "xml", None, tmp_path / "x.xml")


def test_cli_export_geojson_to_file(tmp_path):
    db = str(tmp_path / "x.duckdb")
    with open_store(db) as filled:
        filled.save(sample_results())
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "geojson", "-o", str(out), "--country", "COD"])
    assert result.exit_code == 0, result.output
    assert "wrote 1 events" in result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 1
    stdout_run = CliRunner().invoke(main, ["export", "--db", db, "--format", "jsonl", "--limit", "2"])
    assert [json.loads(line)["doc_id"] for line in stdout_run.stdout.splitlines()] == ["clash-1", "talks-1"]


# -- the events table -------------------------------------------------------------------------


def test_table_labels(store):
    assault, appeal, talks = store.query_events()
    assert party_label(assault, "actor") == "rebels (COD)"
    assert party_label(appeal, "recipient") == ""
    assert count_label(assault, "dead") == "5"
    assert count_label({"dead_low": 24, "dead_best": None, "dead_high": None}, "dead") == "24+"
    table = events_table([assault, appeal, talks], total=10)
    assert table.row_count == 3 and table.caption == "3 of 10 events"


def test_evidence_snippet_keeps_the_trigger_in_view():
    sentence = "Officials said that " + "after long delays " * 8 + "troops stormed the building at dawn."
    row = {"evidence_sentence": sentence, "evidence_start": 100, "trigger_start": 100 + sentence.index("stormed")}
    snippet = evidence_snippet(row, width=60)
    assert "stormed" in snippet and snippet.startswith("…") and len(snippet) <= 62
