"""The reader-judged audit of ../shared/docs/AUDIT.md, blinded and scored by version.

    python bench/audit.py judge-input SAMPLE.jsonl --acts READERS.jsonl --version start=OUT1.jsonl \\
        --version final=OUT2.jsonl --out DIR [--panels 3]
    python bench/audit.py summary DIR [--prefix el-]

`judge-input` pools the events of every version of `eventwire extract` output on the sample, names each distinct
event version once ("k<N>", shuffled per document with a fixed seed, so no judge can tell the versions apart), lists
under each document the acts the readers listed before any output existed ("a<N>"), and splits the documents into
DIR/panel<N>.txt, one per judge; DIR/keys.json maps version -> document -> the key of each of its events.

Each judge writes DIR/panel<N>.jsonl: per event {"doc_id", "key", "real", "type", "actor", "recipient", "location",
"date", "same_act_as": [keys]} and per listed act {"doc_id", "act", "found_by": [keys]} (values right | wrong |
missing | n/a). `summary` prints, per version, precision (real and of the right category; an event of the version
that tells an act one of its earlier events told is a repeat), recall (listed acts some event of the version
records), the fields right when given, and the confidence's reliability. The sample, the outputs and the judgments
quote others' text: keep DIR outside the repository.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS = ("actor", "recipient", "location", "date")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def party_text(party: dict | None) -> str | None:
    if not party:
        return None
    return f'"{party["text"]}" ({party.get("name")}; {party.get("country")} {party.get("sector")})'


def signature(event: dict) -> str:
    """What a judge sees of an event: two versions' events with one signature are one event to judge."""
    location, when = event.get("location"), event.get("date")
    return json.dumps(
        [
            event["type"],
            event.get("mode"),
            event["trigger"]["start"],
            event["trigger"]["end"],
            event.get("status"),
            party_text(event.get("actor")),
            party_text(event.get("recipient")),
            location and [location["name"], location["country"], location.get("precision_name")],
            when and [when["value"], when.get("source")],
            event.get("dead") and event["dead"]["best"],
            event.get("injured") and event["injured"]["best"],
        ]
    )


def render(event: dict, key: str) -> str:
    location, when = event.get("location"), event.get("date")
    kind = event["type"] + (f"/{event['mode']}" if event.get("mode") else "")
    where = f"{location['name']}, {location.get('admin1')}, {location['country']}" if location else None
    lines = [
        f"[{key}] {kind} status={event.get('status')}",
        f'trigger: "{event["trigger"]["text"]}" (chars {event["trigger"]["start"]}-{event["trigger"]["end"]})',
        f"actor: {party_text(event.get('actor')) or '-'}",
        f"recipient: {party_text(event.get('recipient')) or '-'}",
        "location: " + (f"{where} ({location.get('precision_name')})" if location else "-"),
        "date: " + (f"{when['value']} ({when.get('precision')}; from {when.get('source')})" if when else "-"),
    ]
    for count in ("dead", "injured"):
        if event.get(count):
            lines.append(f"{count}: {event[count]['best']}")
    return "\n    ".join(lines)


def judge_input(
    sample: list[dict], acts: list[dict], versions: dict[str, list[dict]]
) -> tuple[list[str], dict[str, dict[str, list[str]]]]:
    """(one text block per document, version -> document -> the key of each of its events)."""
    outputs = {name: {result["doc_id"]: result for result in results} for name, results in versions.items()}
    listed: dict[str, list[dict]] = defaultdict(list)
    for act in acts:
        listed[act["doc_id"]].append(act)
    keys: dict[str, dict[str, list[str]]] = {name: {} for name in versions}
    blocks, count = [], 0
    for document in sample:
        doc_id, seen = document["id"], {}
        for name, results in outputs.items():
            keys[name][doc_id] = []
            for event in results.get(doc_id, {"events": []})["events"]:
                if (sig := signature(event)) not in seen:
                    count += 1
                    seen[sig] = (f"k{count}", event)
                keys[name][doc_id].append(seen[sig][0])
        pooled = list(seen.values())
        random.Random(doc_id).shuffle(pooled)
        lines = [f"=== DOC {doc_id}", f"TEXT: {document['text']}", "EVENTS:"]
        lines += ["  " + render(event, key) for key, event in pooled] or ["  (none)"]
        lines.append("ACTS LISTED BY READERS:")
        lines += [
            f'  [a{n}] {act["type"]} ({act.get("status")}): {act["act"]} | trigger "{act.get("trigger")}"'
            for n, act in enumerate(listed[doc_id], 1)
        ] or ["  (none)"]
        blocks.append("\n".join(lines) + "\n")
    return blocks, keys


@dataclass
class Tally:
    events: int = 0
    right: int = 0
    acts: int = 0
    found: int = 0
    fields: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    confidence: list[tuple[float, bool]] = field(default_factory=list)


def tally(
    keys: dict[str, list[str]],
    outputs: dict[str, dict],
    judged: dict[tuple[str, str], dict],
    found_by: dict[tuple[str, str], set[str]],
    acts: dict[str, int],
    prefix: str = "",
) -> Tally:
    """One version's figures from the judgments (`acts`: document -> number of listed acts)."""
    result = Tally()
    for doc_id, doc_keys in keys.items():
        if not doc_id.startswith(prefix):
            continue
        told: list[str] = []
        for key, event in zip(doc_keys, outputs[doc_id]["events"], strict=True):
            judgment = judged[(doc_id, key)]
            same = set(judgment.get("same_act_as") or [])
            repeat = bool(same & set(told)) or any(key in judged[(doc_id, k)].get("same_act_as", []) for k in told)
            told.append(key)
            ok = judgment["real"] == "right" and judgment["type"] == "right" and not repeat
            result.events += 1
            result.right += ok
            result.confidence.append((event.get("confidence") or 0.0, ok))
            if judgment["real"] == "right" and not repeat:
                for name in FIELDS:
                    result.fields[name][judgment.get(name, "n/a")] += 1
        for n in range(1, acts.get(doc_id, 0) + 1):
            result.acts += 1
            result.found += bool(found_by.get((doc_id, f"a{n}"), set()) & set(doc_keys))
    return result


def auc(pairs: list[tuple[float, bool]]) -> float:
    right = [p for p, ok in pairs if ok]
    wrong = [p for p, ok in pairs if not ok]
    if not right or not wrong:
        return float("nan")
    return sum((r > w) + 0.5 * (r == w) for r in right for w in wrong) / (len(right) * len(wrong))


def share(counts: dict[str, int]) -> str:
    given = counts["right"] + counts["wrong"]
    return f"{counts['right'] / given:.2f} ({counts['right']}/{given}; {counts['missing']} missing)" if given else "-"


def report(name: str, t: Tally) -> None:
    location = t.fields["location"]
    named = location["right"] + location["wrong"] + location["missing"]
    print(
        f"\n{name}: {t.events} events, precision {t.right / max(t.events, 1):.2f} ({t.right}/{t.events}); "
        f"recall {t.found / max(t.acts, 1):.2f} ({t.found}/{t.acts})"
    )
    fields = "; ".join(f"{name} {share(t.fields[name])}" for name in ("actor", "recipient", "date"))
    print(f"  {fields}")
    given = location["right"] + location["wrong"]
    print(f"  location given where named {given / max(named, 1):.2f} ({given}/{named}); right {share(location)}")
    for floor in (0.5, 0.8):
        kept = [ok for p, ok in t.confidence if p >= floor]
        print(f"  confidence >= {floor}: {sum(kept) / max(len(kept), 1):.2f} right ({len(kept)} events)", end=";")
    print(f" AUC {auc(t.confidence):.3f}")


def summary(folder: Path, prefix: str) -> None:
    keys = json.loads((folder / "keys.json").read_text(encoding="utf-8"))
    acts = json.loads((folder / "acts.json").read_text(encoding="utf-8"))
    judged, found_by = {}, {}
    for path in sorted(folder.glob("panel*.jsonl")):
        for line in read_jsonl(path):
            if "key" in line:
                judged[(line["doc_id"], line["key"])] = line
            elif "act" in line:
                found_by[(line["doc_id"], line["act"])] = set(line.get("found_by") or [])
    for name, by_doc in keys.items():
        outputs = {result["doc_id"]: result for result in read_jsonl(folder / f"{name}.jsonl")}
        report(name, tally(by_doc, outputs, judged, found_by, acts, prefix))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("judge-input")
    build.add_argument("sample", type=Path)
    build.add_argument("--acts", type=Path, required=True, help="the readers' acts, JSONL with doc_id, act, type ...")
    build.add_argument("--version", action="append", required=True, help="NAME=extract output (JSONL)")
    build.add_argument("--out", type=Path, required=True)
    build.add_argument("--panels", type=int, default=3)
    score = commands.add_parser("summary")
    score.add_argument("folder", type=Path)
    score.add_argument("--prefix", default="", help="only documents whose id starts so (el-, rams-)")
    args = parser.parse_args()
    if args.command == "summary":
        summary(args.folder, args.prefix)
        return
    versions = dict(v.split("=", 1) for v in args.version)
    results = {name: read_jsonl(Path(path)) for name, path in versions.items()}
    acts = read_jsonl(args.acts)
    blocks, keys = judge_input(read_jsonl(args.sample), acts, results)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows in results.items():
        (args.out / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (args.out / "keys.json").write_text(json.dumps(keys), encoding="utf-8")
    counts = Counter(act["doc_id"] for act in acts)
    (args.out / "acts.json").write_text(json.dumps(counts), encoding="utf-8")
    for n in range(args.panels):
        (args.out / f"panel{n}.txt").write_text("\n".join(blocks[n :: args.panels]), encoding="utf-8")
    print(f"{len(blocks)} documents, {len(acts)} acts, {args.panels} panels in {args.out}")


if __name__ == "__main__":
    main()
