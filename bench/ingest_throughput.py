"""Throughput of `eventwire ingest` (extract + DuckDB save) beside extraction alone, same run.

    .venv/bin/python bench/ingest_throughput.py ../shared/bench/news-457.jsonl [--limit 50]

Prints docs/s for: Pipeline.process alone (before and after the ingest, as the
extractors' caches warm up), ingest into a fresh DuckDB file, and re-ingest
of the same documents (all skipped before parsing); plus the time spent inside
`store.save`, which is the store's own cost and far less noisy than the difference of
the first two rows on a shared machine.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from itertools import islice
from pathlib import Path

from eventwire.ingest import read_paths
from eventwire.model import Document
from eventwire.pipeline import Pipeline
from eventwire.store import EventStore, IngestSummary, ingest_documents, open_store


def timed_saves(store: EventStore) -> list[float]:
    """Wrap store.save to add up the seconds spent in it."""
    spent = [0.0]
    real_save = store.save

    def save(pairs):
        start = time.perf_counter()
        try:
            return real_save(pairs)
        finally:
            spent[0] += time.perf_counter() - start

    store.save = save
    return spent


def timed_extract(documents: list[Document], pipeline: Pipeline) -> tuple[float, int]:
    start = time.perf_counter()
    events = sum(len(result.events) for result in pipeline.process(documents))
    return time.perf_counter() - start, events


def timed_ingest(store: EventStore, documents: list[Document], pipeline: Pipeline) -> tuple[float, IngestSummary]:
    start = time.perf_counter()
    summary = ingest_documents(store, documents, lambda: pipeline)
    return time.perf_counter() - start, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=50)
    args = parser.parse_args()

    documents = [item for item in islice(read_paths([args.corpus]), args.limit) if isinstance(item, Document)]
    pipeline = Pipeline()
    list(pipeline.process(documents[:2]))  # warm up: model, gazetteer, lexicons

    extract_s, events = timed_extract(documents, pipeline)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        with open_store(path) as store:
            save_s = timed_saves(store)
            ingest_s, first = timed_ingest(store, documents, pipeline)
            again_s, again = timed_ingest(store, documents, pipeline)
        size_mb = path.stat().st_size / 1e6
    # Extraction again, after ingest: the extractors' caches are as warm as they were for ingest.
    extract_again_s, _ = timed_extract(documents, pipeline)

    count = len(documents)
    print(f"{count} documents, {events} events")
    print(f"{'run':32} {'seconds':>8} {'docs/s':>8}")
    print(f"{'Pipeline.process only':32} {extract_s:8.2f} {count / extract_s:8.2f}")
    print(f"{'Pipeline.process only, again':32} {extract_again_s:8.2f} {count / extract_again_s:8.2f}")
    print(f"{'ingest (extract + save)':32} {ingest_s:8.2f} {count / ingest_s:8.2f}   {first}")
    print(f"{'re-ingest (all skipped)':32} {again_s:8.2f} {count / again_s:8.0f}   {again}")
    print(f"inside store.save: {save_s[0]:.2f} s, {save_s[0] / count * 1000:.1f} ms/doc; database {size_mb:.1f} MB")


if __name__ == "__main__":
    main()
