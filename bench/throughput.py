"""Throughput of `eventwire extract` beside bare spaCy, measured in the same run.

    .venv/bin/python bench/throughput.py ../shared/bench/news-457.jsonl [--limit N] [--repeat R] [--clock cpu] [--cold]

Prints articles/s for: bare spaCy (`nlp.pipe`, the same model as spaCy ships it, the same batch size), the full
pipeline, and the pipeline without event coding; plus each as a ratio to bare spaCy,
the process's peak memory, and the start-up of a fresh process (imports, model and tables
loaded, one short document) for `extract` and for bare spaCy. Compare ratios, not seconds:
the machines are noisy.

Every row is timed warm: the documents are parsed once, untimed, before the first row, so
that no row pays for the words spaCy meets for the first time (about a quarter of a cold
parse). `--cold` skips that pass, as this script did before 2026-12-05 (bare spaCy then ran
cold and the pipelines warm, which flattered the ratios).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from eventwire.ingest import make_document
from eventwire.model import Document
from eventwire.nlp import MODEL_NAME, load_nlp
from eventwire.pipeline import DEFAULT_COMPONENTS, Pipeline


def read_documents(path: Path, limit: int | None) -> list[Document]:
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        documents.append(
            make_document(record["text"], doc_id=record.get("id"), published_at=record.get("published_at"))
        )
        if limit and len(documents) >= limit:
            break
    return documents


@lru_cache(maxsize=1)
def stock_spacy() -> Language:
    """The model as spaCy ships it (not `load_nlp`, whose attribute ruler is eventwire's own): the baseline."""
    return spacy.load(MODEL_NAME)


def time_bare_spacy(documents: list[Document], batch_size: int, clock=time.perf_counter) -> float:
    nlp = stock_spacy()
    start = clock()
    for _ in nlp.pipe((d.text for d in documents), batch_size=batch_size):
        pass
    return clock() - start


# Child processes timed for start-up: each loads what it needs and handles one short invented document.
STARTUP_SCRIPTS = {
    "extract": "from eventwire.pipeline import Pipeline\nPipeline().extract(TEXT, published_at='2025-03-01')",
    "bare spaCy": f"import spacy\nspacy.load({MODEL_NAME!r})(TEXT)",
}
STARTUP_TEXT = "Police in the capital arrested twelve protesters on Friday, officials said."


def time_startup(script: str, clock: str) -> float:
    """CPU (or wall) seconds of a fresh Python process running `script`."""
    code = f"TEXT = {STARTUP_TEXT!r}\n{script}"
    before_cpu, before_wall = _children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return _children_cpu() - before_cpu if clock == "cpu" else time.perf_counter() - before_wall


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_pipeline(pipeline: Pipeline, documents: list[Document], clock=time.perf_counter) -> tuple[float, int]:
    start = clock()
    events = sum(len(result.events) for result in pipeline.process(documents))
    return clock() - start, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=1, help="best of R runs for each row")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="cpu: the process's CPU seconds (all threads), steadier than wall time on a shared machine",
    )
    parser.add_argument("--cold", action="store_true", help="no untimed parse first: bare spaCy runs cold")
    parser.add_argument("--no-startup", action="store_true", help="skip timing the start-up of fresh processes")
    args = parser.parse_args()

    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    documents = read_documents(args.corpus, args.limit)
    chars = sum(len(d.text) for d in documents)
    full = Pipeline(batch_size=args.batch_size)
    no_events = Pipeline(
        components=[c for c in DEFAULT_COMPONENTS if not c.startswith("event")], batch_size=args.batch_size
    )
    list(full.process(documents[:2]))  # warm up: gazetteer, lexicons, model
    if not args.cold:  # warm up: every word of the documents in both models' vocabularies
        time_bare_spacy(documents, args.batch_size)
        for _ in load_nlp().pipe((d.text for d in documents), batch_size=args.batch_size):
            pass

    rows: list[tuple[str, float, int | None]] = []
    bare_seconds = min(time_bare_spacy(documents, args.batch_size, clock) for _ in range(args.repeat))
    rows.append(("bare spaCy (nlp.pipe)", bare_seconds, None))
    runs = [time_pipeline(no_events, documents, clock) for _ in range(args.repeat)]
    rows.append(("pipeline without event coding", min(r[0] for r in runs), None))
    runs = [time_pipeline(full, documents, clock) for _ in range(args.repeat)]
    rows.append(("full pipeline (extract)", min(r[0] for r in runs), runs[0][1]))

    bare = rows[0][1]
    print(
        f"{len(documents)} documents, {chars:,} characters, batch size {args.batch_size}, best of {args.repeat},"
        f" {args.clock} clock, {'cold' if args.cold else 'warm'}"
    )
    print(f"{'run':32} {'seconds':>8} {'articles/s':>11} {'x bare spaCy time':>18} {'events':>7}")
    for name, seconds, events in rows:
        print(
            f"{name:32} {seconds:8.2f} {len(documents) / seconds:11.2f} {seconds / bare:18.2f}"
            f" {'' if events is None else events:>7}"
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak_mb:,.0f} MB")
    if not args.no_startup:
        startup = {name: time_startup(script, args.clock) for name, script in STARTUP_SCRIPTS.items()}
        timed = ", ".join(f"{name} {seconds:.2f}" for name, seconds in startup.items())
        print(f"start-up of a fresh process ({args.clock} s): {timed}")


if __name__ == "__main__":
    main()
