"""Case invariance: the same news coded as written, in ALL CAPS and in lower case.

    PYTHONPATH=$PWD .venv/bin/python bench/case_invariance.py ../shared/bench/news-457.jsonl [--limit N] [--no-restore]
        [--half even|odd]

Each document is re-cased without moving a character (a letter whose case change would add
characters stays as it is), run through the pipeline, and compared with the cased original:
events as (sentence span, type, actor, recipient) and places as (span, geonameid), micro-F1 over
all documents. It also counts spans whose `text` is not the input's `text[start:end]`, times
the casing front end (nlp/casing.py) against the spaCy parse on normal and on degenerate text,
and gives the share of words the front end restores exactly (`--words`: only that, no parse).
`--as-given` is for text that is upper-case already (no cased original): it counts documents
with events and with resolved places, with and without the front end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

from eventwire.ingest import make_document
from eventwire.model import DocResult, Document, Party
from eventwire.nlp import load_nlp
from eventwire.nlp.casing import WORD, model, restore_case
from eventwire.pipeline import Pipeline


def recase(text: str, upper: bool) -> str:
    """`text` upper- or lower-cased, same length."""
    out = []
    for char in text:
        changed = char.upper() if upper else char.lower()
        out.append(changed if len(changed) == 1 else char)
    return "".join(out)


VARIANTS: dict[str, Callable[[str], str]] = {
    "original": lambda text: text,
    "ALL CAPS": lambda text: recase(text, True),
    "lower case": lambda text: recase(text, False),
}


def in_half(doc_id: str, half: str | None) -> bool:
    """A fixed split of a set by the parity of the MD5 of each id: rules tuned on one half are checked on the other."""
    return half is None or (int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0) == (half == "even")


def read_documents(path: Path, limit: int | None, half: str | None = None) -> list[dict[str, Any]]:
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and in_half(str(json.loads(line).get("id", "")), half):
            records.append(json.loads(line))
        if limit and len(records) >= limit:
            break
    return records


def party_key(party: Party | None) -> tuple | None:
    return None if party is None else ((party.name or "").lower(), party.country, party.sector)


def event_keys(result: DocResult) -> Counter:
    return Counter(
        (e.evidence.start, e.evidence.end, e.type, party_key(e.actor), party_key(e.recipient)) for e in result.events
    )


def place_keys(result: DocResult) -> Counter:
    return Counter((p.start, p.end, p.geonameid) for p in result.places if p.geonameid is not None)


def spans(node: Any) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of every span-like object in a result."""
    if isinstance(node, list | tuple):
        for item in node:
            yield from spans(item)
    elif isinstance(node, dict):
        for item in node.values():
            yield from spans(item)
    elif is_dataclass(node):
        start, end = getattr(node, "start", None), getattr(node, "end", None)
        text = getattr(node, "text", None) if hasattr(node, "text") else getattr(node, "sentence", None)
        if isinstance(start, int) and isinstance(end, int) and isinstance(text, str):
            yield start, end, text
        for item in fields(node):
            yield from spans(getattr(node, item.name))


@dataclass
class Tally:
    results: list[DocResult] = field(default_factory=list)
    front_end: float = 0.0  # seconds in restore_case
    parse: float = 0.0  # seconds in the spaCy parse
    degenerate_docs: int = 0
    bad_spans: int = 0


def run_variant(
    pipeline: Pipeline, records: list[dict[str, Any]], transform: Callable[[str], str], restore: bool = True
) -> Tally:
    nlp = load_nlp()
    model()  # loaded once per process: not part of a document's cost
    tally = Tally()
    for record in records:
        document: Document = make_document(
            transform(record["text"]), doc_id=record.get("id"), published_at=record.get("published_at")
        )
        start = time.perf_counter()
        restored = restore_case(document.text) if restore else document.text
        middle = time.perf_counter()
        doc = nlp(restored)
        tally.front_end += middle - start
        tally.parse += time.perf_counter() - middle
        tally.degenerate_docs += restored != document.text
        result = pipeline.run_components(document, doc)
        tally.bad_spans += sum(document.text[s:e] != text for s, e, text in spans(result))
        tally.results.append(result)
    return tally


def word_accuracy(records: list[dict[str, Any]], transform: Callable[[str], str]) -> float:
    """Share of the originals' words that the front end gives back exactly from the re-cased text."""
    total = right = 0
    for record in records:
        text = record["text"]
        restored = restore_case(transform(text))
        for match in WORD.finditer(text):
            total += 1
            right += restored[match.start() : match.end()] == match.group()
    return right / total if total else 1.0


def f1(gold: list[Counter], found: list[Counter]) -> float:
    hits = sum(sum((g & f).values()) for g, f in zip(gold, found, strict=True))
    n_gold, n_found = sum(sum(g.values()) for g in gold), sum(sum(f.values()) for f in found)
    if not n_gold and not n_found:
        return 1.0
    return 2 * hits / (n_gold + n_found) if n_gold + n_found else 0.0


def print_as_given(pipeline: Pipeline, records: list[dict[str, Any]]) -> None:
    """Text already in degenerate case (no cased original): what the front end changes."""
    print("| run | documents re-cased | with an event | events | with a resolved place | spans not the input's text |")
    print("|---|---|---|---|---|---|")
    for restore in (False, True):
        tally = run_variant(pipeline, records, VARIANTS["original"], restore=restore)
        with_event = sum(bool(result.events) for result in tally.results)
        events = sum(len(result.events) for result in tally.results)
        with_place = sum(any(p.geonameid for p in result.places) for result in tally.results)
        run = "with the front end" if restore else "without"
        print(
            f"| {run} | {tally.degenerate_docs}/{len(records)} "
            f"| {with_event} | {events} | {with_place} | {tally.bad_spans} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--half", choices=("even", "odd"), default=None, help="only the documents whose id's MD5 is even / odd"
    )
    parser.add_argument("--words", action="store_true", help="only the front end's word accuracy (no parse)")
    parser.add_argument(
        "--as-given",
        action="store_true",
        help="text already upper- or lower-cased: run it with and without the front end",
    )
    parser.add_argument(
        "--no-restore", action="store_true", help="parse the text as it is (the figures before nlp/casing.py)"
    )
    args = parser.parse_args()
    records = read_documents(args.path, args.limit, args.half)
    model()
    accuracy = {name: word_accuracy(records, transform) for name, transform in VARIANTS.items()}
    if args.words:
        for name, value in accuracy.items():
            print(f"{name}: words restored exactly {value:.4f}")
        return
    pipeline = Pipeline()
    if args.as_given:
        print_as_given(pipeline, records)
        return
    tallies = {
        name: run_variant(pipeline, records, transform, restore=not args.no_restore)
        for name, transform in VARIANTS.items()
    }
    base = tallies["original"]
    gold_events = [event_keys(r) for r in base.results]
    gold_places = [place_keys(r) for r in base.results]
    print(
        f"{len(records)} documents; {sum(sum(c.values()) for c in gold_events)} events and "
        f"{sum(sum(c.values()) for c in gold_places)} places in the cased originals\n"
    )
    print(
        "| variant vs the cased original | events (sentence, type, actor, recipient) F1 | places (same geonameid) F1 "
        "| documents re-cased | spans not the input's text | front end ms/doc | parse ms/doc | front end / parse "
        "| words restored exactly |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, tally in tallies.items():
        events = f1(gold_events, [event_keys(r) for r in tally.results])
        places = f1(gold_places, [place_keys(r) for r in tally.results])
        n = len(records) or 1
        print(
            f"| {name} | {events:.3f} | {places:.3f} | {tally.degenerate_docs}/{len(records)} | {tally.bad_spans} "
            f"| {1000 * tally.front_end / n:.2f} | {1000 * tally.parse / n:.1f} "
            f"| {tally.front_end / tally.parse if tally.parse else 0:.3f} "
            f"| {'-' if args.no_restore else f'{accuracy[name]:.4f}'} |"
        )


if __name__ == "__main__":
    main()
