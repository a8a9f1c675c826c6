"""The folder watcher of `eventwire serve --watch`: files are taken once they hold still, once per version."""

from __future__ import annotations

import os

import pytest
from web_samples import build_store

from eventwire.web.watch import FolderWatcher


def test_files_are_taken_once_stable_and_again_when_changed(tmp_path):
    taken: list[list[str]] = []
    watcher = FolderWatcher(tmp_path, lambda paths: taken.append([path.name for path in paths]))
    article = tmp_path / "a.jsonl"
    article.write_text('{"id": "a", "text": "One."}\n', encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00")  # not a kind of file ingest reads
    assert watcher.scan_once() == []  # seen for the first time: it may still be being written
    assert [path.name for path in watcher.scan_once()] == ["a.jsonl"]
    assert watcher.scan_once() == []  # taken already
    with article.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "b", "text": "Two."}\n')
    os.utime(article, ns=(article.stat().st_atime_ns, article.stat().st_mtime_ns + 10**9))
    assert watcher.scan_once() == []  # changed since the last scan: wait until it holds still
    assert [path.name for path in watcher.scan_once()] == ["a.jsonl"]
    assert taken == [["a.jsonl"], ["a.jsonl"]]


def test_missing_folder_is_quiet(tmp_path):
    watcher = FolderWatcher(tmp_path / "absent", lambda paths: pytest.fail("nothing to ingest"))
    assert watcher.scan_once() == [] and watcher.scan_once() == []


@pytest.mark.slow
def test_watched_file_is_extracted_and_stored(tmp_path, pipeline):
    pytest.importorskip("fastapi")
    from eventwire.web.app import create_app

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with build_store(tmp_path / "web.duckdb") as store:
        app = create_app(store, "token", pipeline_factory=lambda: pipeline)
        watcher = FolderWatcher(inbox, app.state.ingest_paths)
        (inbox / "kharkiv.txt").write_text(
            "Russian forces shelled the city of Kharkiv on Friday, killing three civilians.", encoding="utf-8"
        )
        watcher.scan_once()
        watcher.scan_once()
        assert store.count_documents() == 5
        assert store.count_events() >= 5
