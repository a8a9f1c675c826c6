"""Casing check on the all-caps Reuters sentences (machine PETRARCH-2 codes, not gold: agreement, not accuracy).

    python scripts/allcaps_actor_check.py ../shared/data/dev/allcaps-reuters/plovigy_testfile_0105.jsonl

Prints how often the first event's actor country agrees with PETRARCH-2's source country, and how many
actors are an acronym that is also a pronoun or word (WHO, US, IT, AM, ME) read from upper-case text.
"""

from __future__ import annotations

import ast
import json
import re
import sys

from eventwire.pipeline import Pipeline

WORD_ACRONYMS = {"WHO", "US", "IT", "AM", "ME"}


def main(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        rows = [row for row in map(json.loads, handle) if row["meta"].get("coder")]
    pipeline = Pipeline()
    agree = given = total = shouted = 0
    for row in rows:
        source = ast.literal_eval(row["meta"]["coding"])[0]
        found = re.search(r"REUT-(\d\d)(\d\d)(\d\d)", row["meta"]["textid"])
        day = f"19{found.group(1)}-{found.group(2)}-{found.group(3)}" if found else None
        result = pipeline.extract(row["text"], published_at=day)
        shouted += sum(1 for actor in result["actors"] if actor["text"] in WORD_ACRONYMS)
        if not source[:3].isalpha():
            continue  # '---REF': PETRARCH-2 found no country
        total += 1
        event = next((e for e in result["events"] if e.get("actor")), None)
        if event and event["actor"].get("country"):
            given += 1
            agree += event["actor"]["country"] == source[:3]
    print(
        f"source country agreement with PETRARCH-2: {agree}/{given} given ({agree / max(given, 1):.3f}), "
        f"{given}/{total} given; word acronyms as actors: {shouted}"
    )


if __name__ == "__main__":
    main(sys.argv[1])
