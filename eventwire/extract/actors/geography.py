"""Countries of place names the actor knowledge base does not list ('Sirte', 'Samarra', 'Kirkuk').

Reads the place resolver's offline gazetteer (eventwire.extract.places.gazetteer), so a story that
names only towns still has a country for 'the army' or 'police'. When that gazetteer cannot be
loaded the answer is None and actor resolution goes on without it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Smallest population for a town to count: below it, same-named hamlets elsewhere win too often.
MIN_POPULATION = 15_000
REGION_CODES = {"PCLI", "ADM1", "PPLC", "PPLA"}


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[Any, Any] | None:
    try:
        from eventwire.extract.places.gazetteer import load_gazetteer
        from eventwire.extract.places.variants import name_key

        return load_gazetteer(), name_key
    except Exception:  # noqa: BLE001 - any failure just means no gazetteer help
        return None


@lru_cache(maxsize=20_000)
def place_country(name: str) -> str | None:
    """ISO3 of the most populous well-known place called `name`, or None."""
    loaded = _gazetteer()
    if loaded is None or not name.strip():
        return None
    gazetteer, name_key = loaded
    try:
        entries = gazetteer.lookup(name_key(name))
    except Exception:  # noqa: BLE001
        return None
    known = [
        entry
        for entry, primary in entries
        if entry.country and (entry.population >= MIN_POPULATION or entry.feature_code in REGION_CODES)
    ]
    if not known:
        return None
    return max(known, key=lambda entry: entry.population).country
