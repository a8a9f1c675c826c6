"""Store: save, idempotency, all-or-nothing batches, filters, ingest loop, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_samples import GOMA, LIMA, clash, quiet, sample_results, talks

from eventwire.cli import main
from eventwire.ingest import IngestError
from eventwire.model import DocResult, Document
from eventwire.store import DB_ENV, EventFilters, Near, default_db_path, ingest_documents, open_store
from eventwire.store.rows import date_period
from eventwire.store.schema import TABLES, column_names
from eventwire.store.sql_store import SqlEventStore


@pytest.fixture
def store():
    with open_store(":memory:") as opened:
        yield opened


@pytest.fixture
def filled(store):
    store.save(sample_results())
    return store


def table_counts(store) -> dict[str, int]:
    return {table: store._execute(f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}


# -- save -------------------------------------------------------------------------------------


def test_save_stores_documents_events_and_mentions(store):
    assert store.save(sample_results()) == 3
    assert store.count_documents() == 3
    assert store.count_events() == 3
    counts = table_counts(store)
    assert counts["parties"] == 5 and counts["places"] == 2 and counts["times"] == 2 and counts["quantities"] == 1
    document, _ = clash()
    assert store.has_document(document.content_id)
    assert not store.has_document("0" * 16)


def test_saving_again_adds_nothing(filled):
    before = table_counts(filled)
    assert filled.save(sample_results()) == 0
    assert filled.save([clash(), clash()]) == 0
    assert table_counts(filled) == before


def test_repeats_within_one_batch_are_stored_once(store):
    assert store.save([talks(), talks()]) == 1
    assert store.count_events() == 1


def test_evidence_rows_point_at_the_text(filled):
    document, _ = clash()
    rows = filled._execute(
        "SELECT field_name, text, span_start, span_end FROM evidence WHERE content_id = ? AND event_index = 0",
        [document.content_id],
    )
    fields = {field for field, *_ in rows}
    assert {"sentence", "trigger", "actor", "recipient", "date", "location", "dead", "injured", "attribution"} <= fields
    for _, text, start, end in rows:
        assert document.text[start:end] == text


def test_the_portable_insert_path_stores_the_same_rows(store, monkeypatch):
    # DuckDB bulk-loads through Arrow; other SQL stores use SqlEventStore's multi-row INSERTs.
    with open_store(":memory:") as portable:
        monkeypatch.setattr(portable, "_insert_many", partial(SqlEventStore._insert_many, portable))
        portable.save(sample_results())
        store.save(sample_results())
        for table in TABLES:
            compared = ", ".join(name for name in column_names(table) if name != "ingested_at")
            query = f"SELECT {compared} FROM {table} ORDER BY ALL"
            assert store._execute(query) == portable._execute(query), table


def test_a_failure_mid_batch_stores_nothing_of_the_batch(store):
    broken_document, broken = talks()
    broken.events[0] = replace(broken.events[0], type=None)  # violates events.type NOT NULL
    with pytest.raises(Exception, match="(?i)constraint|null"):
        store.save([clash(), (broken_document, broken), quiet()])
    assert set(table_counts(store).values()) == {0}
    assert store.save([clash()]) == 1  # the store still works after the rollback


def test_a_crash_after_some_inserts_rolls_the_batch_back(store, monkeypatch):
    real_insert = store._insert_many

    def crash_on_evidence(table, rows):
        if table == "evidence":
            raise RuntimeError("disk full")
        real_insert(table, rows)

    monkeypatch.setattr(store, "_insert_many", crash_on_evidence)
    with pytest.raises(RuntimeError):
        store.save(sample_results())
    assert set(table_counts(store).values()) == {0}


CRASH_SCRIPT = """
import os, sys
sys.path.insert(0, sys.argv[2])
from store_samples import clash, quiet, talks
from eventwire.store import open_store

store = open_store(sys.argv[1])
store.save([clash()])  # committed
real_insert = store._insert_many

def die_on_evidence(table, rows):
    if table == "evidence":
        os._exit(3)  # the process dies mid-transaction: no rollback, no close
    real_insert(table, rows)

store._insert_many = die_on_evidence
store.save([talks(), quiet()])
"""


def test_a_killed_process_leaves_only_committed_batches(tmp_path):
    path = tmp_path / "crash.duckdb"
    tests_dir = str(Path(__file__).parent)
    crashed = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, str(path), tests_dir], check=False)
    assert crashed.returncode == 3
    with open_store(path, read_only=True) as store:
        assert [r["doc_id"] for r in store.iter_results()] == ["clash-1"]
        assert store.count_events() == 2


# -- the stored contract ----------------------------------------------------------------------


def test_iter_results_gives_back_the_extract_output_in_ingest_order(filled):
    expected = [json.loads(json.dumps(result.to_dict())) for _, result in sample_results()]
    assert list(filled.iter_results()) == expected


def test_iter_results_with_filters_keeps_documents_with_a_matching_event(filled):
    assert [r["doc_id"] for r in filled.iter_results(EventFilters(types=("consult",)))] == ["talks-1"]
    assert [r["doc_id"] for r in filled.iter_results(EventFilters(limit=1))] == ["clash-1"]


# -- filters ----------------------------------------------------------------------------------


def event_keys(store, **filters) -> list[tuple[str, str]]:
    return [(row["doc_id"], row["type"]) for row in store.query_events(EventFilters(**filters))]


def test_rows_are_flat_and_carry_document_fields(filled):
    row = filled.query_events(EventFilters(types=("ASSAULT",)))[0]
    assert row["actor_name"] == "rebels" and row["recipient_name"] == "Congolese army"
    assert (row["dead_best"], row["injured_best"]) == (5, 12)
    assert row["attribution_actor"] == "Congolese army"
    assert row["date_start"] == row["date_end"] == date(2025, 3, 3)
    assert row["published_at"] == date(2025, 3, 4) and row["title"] == "Convoy attacked"
    assert row["acled_event_type"] == "Battles" and row["cameo"] == "19"


def test_filter_by_type_is_case_insensitive_and_accepts_several(filled):
    assert event_keys(filled, types=("assault",)) == [("clash-1", "ASSAULT")]
    assert len(event_keys(filled, types=("ASSAULT", "CONSULT"))) == 2


def test_filter_by_actor_matches_name_or_country_of_either_party(filled):
    assert event_keys(filled, actor="per") == [("talks-1", "CONSULT")]  # recipient's country code
    assert event_keys(filled, actor="chile") == [("talks-1", "CONSULT")]
    assert event_keys(filled, actor="Rebel") == [("clash-1", "ASSAULT")]
    assert event_keys(filled, actor="Congolese") == [("clash-1", "ASSAULT")]  # recipient's name
    assert event_keys(filled, actor="nobody") == []


def test_filter_by_location_country(filled):
    assert event_keys(filled, country="cod") == [("clash-1", "ASSAULT")]


def test_date_range_overlaps_the_event_period(filled):
    # The talks are dated "June 2025" (month precision): any range touching June selects them.
    assert event_keys(filled, since=date(2025, 6, 30)) == [("talks-1", "CONSULT")]
    assert event_keys(filled, until=date(2025, 6, 1)) == [("clash-1", "ASSAULT"), ("talks-1", "CONSULT")]
    assert event_keys(filled, since=date(2025, 3, 4), until=date(2025, 5, 31)) == []
    assert event_keys(filled, until=date(2025, 3, 3)) == [("clash-1", "ASSAULT")]


def test_near_selects_events_within_the_radius(filled):
    # Gisenyi (Rwanda) is about 9 km from Goma; Kigali about 110 km.
    assert event_keys(filled, near=Near(-1.7028, 29.2564, 20)) == [("clash-1", "ASSAULT")]
    assert event_keys(filled, near=Near(-1.9441, 30.0619, 50)) == []
    assert event_keys(filled, near=Near(-1.9441, 30.0619, 150)) == [("clash-1", "ASSAULT")]
    assert event_keys(filled, near=Near(LIMA[0], LIMA[1], 0.001)) == [("talks-1", "CONSULT")]


def test_near_parse_checks_its_input():
    assert Near.parse(f"{GOMA[0]}, {GOMA[1]}, 10") == Near(GOMA[0], GOMA[1], 10)
    for bad in ("1,2", "a,b,c", "91,0,5", "0,0,-1"):
        with pytest.raises(ValueError):
            Near.parse(bad)


def test_text_and_limit_and_combined_filters(filled):
    assert event_keys(filled, text="FISHING dispute") == [("talks-1", "CONSULT")]
    assert event_keys(filled, text="calm", types=("ASSAULT",)) == []
    assert len(event_keys(filled, limit=2)) == 2
    assert filled.count_events(EventFilters(country="PER")) == 1


def test_events_come_in_date_order_undated_by_publication(filled):
    # REQUEST is undated: it sorts by its article's publication date (2025-03-04).
    assert event_keys(filled) == [("clash-1", "ASSAULT"), ("clash-1", "REQUEST"), ("talks-1", "CONSULT")]


@pytest.mark.parametrize(
    ("value", "period"),
    [
        ("2025-03-03", (date(2025, 3, 3), date(2025, 3, 3))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2025-W01", (date(2024, 12, 30), date(2025, 1, 5))),
        ("2022", (date(2022, 1, 1), date(2022, 12, 31))),
        ("PRESENT_REF", (None, None)),
        ("2025-13", (None, None)),
        (None, (None, None)),
    ],
)
def test_date_period(value, period):
    assert date_period(value) == period


# -- files, default path ----------------------------------------------------------------------


def test_the_file_persists_and_opens_read_only(tmp_path):
    path = tmp_path / "events.duckdb"
    with open_store(path) as store:
        store.save(sample_results())
    with open_store(path, read_only=True) as store:
        assert (store.count_documents(), store.count_events()) == (3, 3)
    with pytest.raises(FileNotFoundError, match="eventwire ingest"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_default_path_is_the_working_directory_unless_the_environment_says(tmp_path, monkeypatch):
    monkeypatch.delenv(DB_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert Path(default_db_path()) == tmp_path / "eventwire.duckdb"
    monkeypatch.setenv(DB_ENV, str(tmp_path / "other.duckdb"))
    assert default_db_path() == str(tmp_path / "other.duckdb")


# -- the ingest loop (a fake pipeline: no spaCy) ----------------------------------------------


class FakePipeline:
    """Returns the hand-built result for each known document; fails on request."""

    def __init__(self, results: dict[str, DocResult], fail_on: str | None = None) -> None:
        self.results = results
        self.fail_on = fail_on
        self.seen: list[str] = []

    def process(self, documents):
        for document in documents:
            self.seen.append(document.id)
            if document.id == self.fail_on:
                raise ValueError("extractor bug")
            yield self.results[document.id]


def run_ingest(store, items, pipeline: FakePipeline, batch_size: int = 2):
    errors: list[tuple[str, str]] = []
    progress: list[int] = []
    summary = ingest_documents(
        store, items, lambda: pipeline, batch_size, lambda where, why: errors.append((where, why)), progress.append
    )
    return summary, errors, sum(progress)


def samples_by_id() -> tuple[list[Document], dict[str, DocResult]]:
    pairs = sample_results()
    return [document for document, _ in pairs], {document.id: result for document, result in pairs}


def test_ingest_skips_known_documents_before_parsing(store):
    documents, results = samples_by_id()
    summary, errors, progressed = run_ingest(store, documents, FakePipeline(results))
    assert (summary.new, summary.skipped, summary.failed, summary.events) == (3, 0, 0, 3)
    assert errors == [] and progressed == 3

    second = FakePipeline(results)
    summary, _, _ = run_ingest(store, documents + documents[:1], second)
    assert (summary.new, summary.skipped, summary.events) == (0, 4, 0)
    assert second.seen == []  # nothing was parsed the second time
    assert store.count_events() == 3


def test_ingest_reports_bad_documents_and_keeps_the_rest(store):
    documents, results = samples_by_id()
    items = [documents[0], IngestError("feed.jsonl:7", "empty text"), documents[1], documents[2]]
    summary, errors, progressed = run_ingest(store, items, FakePipeline(results, fail_on="talks-1"), batch_size=3)
    assert (summary.new, summary.failed) == (2, 2)
    assert errors[0] == ("feed.jsonl:7", "empty text")
    assert errors[1][0] == "talks-1 (invented-wire)" and "extractor bug" in errors[1][1]
    assert progressed == 4
    assert {r["doc_id"] for r in store.iter_results()} == {"clash-1", "quiet-1"}


def test_ingest_keeps_the_good_documents_when_one_cannot_be_stored(store):
    documents, results = samples_by_id()
    results["talks-1"] = replace(results["talks-1"], events=[replace(results["talks-1"].events[0], type=None)])
    summary, errors, _ = run_ingest(store, documents, FakePipeline(results), batch_size=3)
    assert (summary.new, summary.failed, summary.events) == (2, 1, 2)
    assert errors[0][0] == "talks-1 (invented-wire)" and "could not be stored" in errors[0][1]
    assert store.count_documents() == 2


# -- CLI --------------------------------------------------------------------------------------


def write_articles(folder: Path) -> None:
    folder.mkdir()
    (folder / "clash.txt").write_text(
        "Rebels attacked an army convoy near Goma on Monday, killing five soldiers, the army said.\n", encoding="utf-8"
    )
    (folder / "talks.txt").write_text(
        "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss a fishing dispute.\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")


@pytest.mark.slow
def test_cli_ingest_twice_adds_nothing(tmp_path):
    articles, db = tmp_path / "articles", str(tmp_path / "cli.duckdb")
    write_articles(articles)
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", "--db", db, "--published-at", "2025-07-01", "-q", str(articles)])
    assert first.exit_code == 1, first.output  # the empty file failed; the others are stored
    assert "2 new, 0 skipped" in first.stdout and "1 failed" in first.stdout
    assert "empty.txt" in first.stderr and "empty text" in first.stderr
    with open_store(db, read_only=True) as store:
        events_after_first = store.count_events()
        assert store.count_documents() == 2

    second = runner.invoke(main, ["ingest", "--db", db, "-q", "--published-at", "2025-07-01", str(articles)])
    assert second.exit_code == 1, second.output
    assert "0 new, 2 skipped" in second.stdout and "events stored: 0" in second.stdout
    with open_store(db, read_only=True) as store:
        assert store.count_events() == events_after_first
        assert store.count_documents() == 2


@pytest.fixture
def db_file(tmp_path) -> str:
    path = str(tmp_path / "filled.duckdb")
    with open_store(path) as store:
        store.save(sample_results())
    return path


def test_cli_events_json_applies_the_filters(db_file):
    result = CliRunner().invoke(
        main, ["events", "--db", db_file, "--json", "--type", "assault,consult", "--near", "-1.70,29.25,20"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["doc_id"], row["type"]) for row in rows] == [("clash-1", "ASSAULT")]
    assert rows[0]["date_value"] == "2025-03-03"


def test_cli_events_limit_keeps_unlocated_events(db_file):
    result = CliRunner().invoke(main, ["events", "--db", db_file, "--json", "--limit", "2"])
    assert [json.loads(line)["type"] for line in result.stdout.splitlines()] == ["ASSAULT", "REQUEST"]


def test_cli_events_table_shows_the_event(db_file):
    result = CliRunner().invoke(main, ["events", "--db", db_file, "--actor", "CHL"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "CONSULT" in result.stdout and "Chile (CHL) → Peru (PER)" in result.stdout and "Lima" in result.stdout
    assert "1 events" in result.stdout


def test_cli_reports_bad_filters_and_a_missing_database(db_file, tmp_path):
    runner = CliRunner()
    bad_near = runner.invoke(main, ["events", "--db", db_file, "--near", "1,2"])
    assert bad_near.exit_code == 2 and "--near" in bad_near.output
    bad_date = runner.invoke(main, ["events", "--db", db_file, "--since", "yesterday"])
    assert bad_date.exit_code == 2
    missing = runner.invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "eventwire ingest" in missing.output
