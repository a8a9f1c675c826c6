"""Seconds per component as a document grows: a check that no stage is quadratic.

    .venv/bin/python bench/scaling.py [--sizes 100,400,1600]

Repeats one invented news sentence N times and prints each component's seconds; a
stage whose time grows much faster than N (x16 for x4) scans the whole document per item.
"""

from __future__ import annotations

import argparse

from eventwire.ingest import make_document
from eventwire.pipeline import Pipeline

SENTENCE = "Rebel forces shelled the town of Kidal on Monday, killing three civilians, the governor said. "


def component_seconds(pipeline: Pipeline, repeats: int) -> dict[str, float]:
    document = make_document(SENTENCE * repeats, published_at="2026-01-10")
    doc = pipeline.nlp(document.text)
    pipeline.timings.clear()
    pipeline.run_components(document, doc)
    return dict(pipeline.timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,400,1600", help="sentences per document, comma-separated")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    pipeline = Pipeline()
    rows = {size: component_seconds(pipeline, size) for size in sizes}
    names = pipeline.component_names
    print(f"{'sentences':>9} {'chars':>8} " + " ".join(f"{name:>15}" for name in names))
    for size, seconds in rows.items():
        chars = len(SENTENCE) * size
        print(f"{size:>9} {chars:>8} " + " ".join(f"{seconds[name]:>15.3f}" for name in names))


if __name__ == "__main__":
    main()
