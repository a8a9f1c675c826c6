"""Verb recall: is the act an annotator marked in a wire sentence coded at all?

    PYTHONPATH=$PWD .venv/bin/python bench/verb_recall.py ../shared/data/dev/event-location [--skip 1500] [--limit 1500]
        [--seed 7] [--misses 20]

The Halterman event-location sentences (APW, AFP, Xinhua and other wire reports) each mark one VERB, chosen by their
annotators for political acts (capture, kill, patrol, detonate, march ...). This counts the marked verbs that some
output event's trigger overlaps, by verb, and lists sentences with no event at all: a recall probe for the event
coder, not a gold standard (some marked verbs are no political act: "captured the title", "shot up $6"; an act coded
on a noun beside a light verb, "launched an offensive", counts as missed). Masdar, RELABEL and Wikipedia items are left
out; the first `--skip` items are the event-location figure's own subset.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from eventwire.evaluate.gold import LocatedSentence, read_event_location
from eventwire.pipeline import Pipeline

LEFT_OUT_SOURCES = {"Masdar_RA", "RELABEL", "wiki"}


def sample(folder: Path, skip: int, limit: int, seed: int) -> list[LocatedSentence]:
    items = [s for s in read_event_location(folder)[skip:] if s.source not in LEFT_OUT_SOURCES]
    random.Random(seed).shuffle(items)
    return items[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--skip", type=int, default=1500)
    parser.add_argument("--limit", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--misses", type=int, default=20, help="sentences with no event to print")
    args = parser.parse_args()
    pipeline = Pipeline()
    found, total, silent = Counter(), Counter(), []
    outputs: dict[str, list[dict]] = {}
    for item in sample(args.folder, args.skip, args.limit, args.seed):
        if item.text not in outputs:
            outputs[item.text] = pipeline.extract(item.text)["events"]
        events = outputs[item.text]
        start, end = item.verb
        verb = item.text[start:end].lower()
        total[verb] += 1
        found[verb] += any(e["trigger"]["start"] < end and start < e["trigger"]["end"] for e in events)
        if not events:
            silent.append(f"{item.text[start:end]} | {item.text[:200]}")
    print("| marked verb | coded | of | share |\n|---|---|---|---|")
    for verb, count in total.most_common(25):
        print(f"| {verb} | {found[verb]} | {count} | {found[verb] / count:.2f} |")
    coded, marked = sum(found.values()), sum(total.values())
    print(f"| **all** | {coded} | {marked} | {coded / marked:.3f} |")
    print(f"\n{len(silent)} sentences with no event at all; the first {args.misses}:")
    for line in silent[: args.misses]:
        print("  ", line)


if __name__ == "__main__":
    main()
