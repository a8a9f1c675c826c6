"""Held-out check of event location and date on UCDP GED Myanmar headlines (../shared/data/dev/ucdp-myanmar).

Each headline of the linking set is one report of a UCDP event (linking-gold.jsonl); its first extracted event of a
violent type is compared with the UCDP row: location given, km error to UCDP's point (right when within
`RIGHT_KM` for the precision the output claims, or the right country for a country-level answer), precision by name, and
the date (right when inside [date_start, date_end], or when the output's month or year covers it at that precision),
split by `date.source`. Nothing was tuned on this set.

    PYTHONPATH=$PWD python bench/ucdp_where_when.py [--limit N] [--data ../shared/data/dev/ucdp-myanmar]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from collections import Counter
from datetime import date
from pathlib import Path

from eventwire.pipeline import Pipeline

# Right when within this many km of UCDP's point, by the precision the output claims.
RIGHT_KM = {"point": 50.0, "near": 50.0, "district": 100.0, "area": 100.0, "province": 250.0}
VIOLENT = {"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION", "PROTEST"}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def date_right(value: str, precision: str, start: date, end: date) -> bool:
    prefix = {"day": 10, "month": 7, "year": 4}.get(precision)
    if prefix is None:
        return False
    return any(value[:prefix] == d.isoformat()[:prefix] for d in (start, end)) or (
        precision == "day" and start.isoformat() <= value[:10] <= end.isoformat()
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/data/dev/ucdp-myanmar")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", action="store_true", help="print the wrong locations")
    args = parser.parse_args()
    data = Path(args.data)
    with open(data / "ucdp-ged-myanmar.csv", encoding="utf-8") as handle:
        rows = {int(r["id"]): r for r in csv.DictReader(handle)}
    lines = (data / "linking-gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = {g["id"]: g["event"] for g in map(json.loads, lines)}
    lines = (data / "linking-docs.jsonl").read_text(encoding="utf-8").splitlines()
    docs = sorted(map(json.loads, lines), key=lambda d: d["id"])
    docs = docs[: args.limit] if args.limit else docs
    pipeline = Pipeline()
    tally: Counter[str] = Counter()
    for doc in docs:
        row = rows[gold[doc["id"]]]
        result = pipeline.extract(doc["text"], published_at=doc["published_at"])
        event = next((e for e in result["events"] if e["type"] in VIOLENT), None)
        if event is None:
            continue
        tally["events"] += 1
        location = event["location"]
        if location is not None and location.get("lat") is not None:
            tally["location given"] += 1
            error = km(location["lat"], location["lon"], float(row["latitude"]), float(row["longitude"]))
            name = location["precision_name"]
            right = location["country"] == "MMR" and (name == "country" or error <= RIGHT_KM.get(name, 0.0))
            tally["location right"] += right
            tally["location wrong country"] += location["country"] != "MMR"
            tally[f"given {name}"] += 1
            tally[f"right {name}"] += right
            if args.show and not right:
                print(
                    f"WRONG {error:.0f} km {location['text']!r} -> {location['name']} {location['country']} "
                    f"| {row['where_description']} | {doc['text']}"
                )
        start, end = date.fromisoformat(row["date_start"]), date.fromisoformat(row["date_end"])
        source = event["date"]["source"] if event["date"] else "none"
        tally[f"date {source}"] += 1
        if event["date"] and date_right(event["date"]["value"], event["date"]["precision"], start, end):
            tally["date right"] += 1
            tally[f"date right {source}"] += 1
    for key, value in sorted(tally.items()):
        print(f"{key:28s} {value}")
    given, events = tally["location given"], tally["events"]
    if events:
        print(f"location given {given / events:.3f} right-when-given {tally['location right'] / max(given, 1):.3f}")
        print(f"date right {tally['date right'] / events:.3f}")


if __name__ == "__main__":
    main()
