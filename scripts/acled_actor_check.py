"""Held-out actor check on ACLED analyst notes (evaluation only: ACLED's terms forbid training on them).

    python scripts/acled_actor_check.py ../shared/data/dev/acled-2020-global/acled.csv --sample 200 --seed 15003

Runs the pipeline on a seeded sample of `notes` (published on the event date), takes the first event
with an actor, and compares its actor (and recipient) with ACLED's actor1 (actor2) where ACLED names the
country: "Protesters (India)", "Military Forces of Ukraine (2019-)", "Police Forces of India (2014-)".
Series ACLED writes from a template (actor1 with more than `--max-series` rows) are left out of the
sample so that they do not inflate the figure. Prints country accuracy (given, and over all gold) and
sector agreement for the ACLED names whose sector is plain (military, police, protesters, rioters,
civilians).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from collections import Counter
from datetime import datetime

from eventwire.extract.actors.knowledge import load_knowledge
from eventwire.pipeline import Pipeline

SECTORS = {"Military Forces": "MIL", "Police Forces": "COP", "Protesters": "CVL", "Rioters": "CVL", "Civilians": "CVL"}


def gold_party(name: str, countries: dict[str, str]) -> tuple[str | None, str | None]:
    """ACLED actor name -> (ISO3, sector) when the name says the country."""
    found = re.search(r"\(([^)0-9]+)\)", name) or re.search(r" of ([A-Z][A-Za-z .'-]+?)(?: \(|$)", name)
    country = countries.get(found.group(1).strip().lower()) if found else None
    sector = next((s for prefix, s in SECTORS.items() if name.startswith(prefix)), None)
    return country, sector


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=15003)
    parser.add_argument("--max-series", type=int, default=100)
    parser.add_argument("--show", type=int, default=0, help="print up to N wrong or missing actors")
    args = parser.parse_args()
    kb = load_knowledge()
    countries = {n.lower(): c.code for c in kb.countries.values() if not c.collective for n in [c.name, *c.names]}
    with open(args.path, encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("notes")]
    series = Counter(r["actor1"] for r in rows)
    rows = [r for r in rows if series[r["actor1"]] <= args.max_series and gold_party(r["actor1"], countries)[0]]
    random.Random(args.seed).shuffle(rows)
    rows = rows[: args.sample]
    pipeline = Pipeline()
    tally: Counter[str] = Counter()
    for row in rows:
        day = datetime.strptime(row["event_date"], "%d-%B-%Y" if len(row["event_date"]) > 10 else "%d-%b-%y")
        result = pipeline.extract(row["notes"], published_at=day.date().isoformat())
        event = next((e for e in result["events"] if e.get("actor")), None)
        for field, gold_name in (("actor", row["actor1"]), ("recipient", row["actor2"])):
            country, sector = gold_party(gold_name, countries)
            if not country:
                continue
            tally[f"{field} gold"] += 1
            got = (event or {}).get(field)
            if (not got or got.get("country") != country) and tally["shown"] < args.show:
                tally["shown"] += 1
                print(f"{field} gold {gold_name!r} got {got and (got['text'], got['country'], got['sector'])}")
                print("   ", row["notes"][:300])
            if not got or not got.get("country"):
                tally[f"{field} missing"] += 1
                continue
            tally[f"{field} given"] += 1
            tally[f"{field} right"] += got["country"] == country
            if sector:
                tally[f"{field} sector gold"] += 1
                tally[f"{field} sector right"] += got.get("sector") == sector
    print(f"ACLED notes: {len(rows)} sampled (seed {args.seed}, series over {args.max_series} rows left out)")
    for field in ("actor", "recipient"):
        gold, given, right = tally[f"{field} gold"], tally[f"{field} given"], tally[f"{field} right"]
        sector_gold, sector_right = tally[f"{field} sector gold"], tally[f"{field} sector right"]
        print(
            f"{field:9} country right when given {right}/{given} = {right / max(given, 1):.3f}; "
            f"over all gold {right}/{gold} = {right / max(gold, 1):.3f}; missing {tally[f'{field} missing']}; "
            f"sector {sector_right}/{sector_gold} = {sector_right / max(sector_gold, 1):.3f}"
        )


if __name__ == "__main__":
    main()
