"""Modal and future auxiliaries, read from nlp/data/modals.yaml by events, counts and times."""

from __future__ import annotations

from functools import lru_cache

from eventwire.knowledge import package_file


@lru_cache(maxsize=1)
def _groups() -> dict[str, frozenset[str]]:
    raw = package_file("eventwire.nlp", "data", "modals.yaml").table("modal_auxiliaries")
    return {name: frozenset(str(word) for word in words) for name, words in raw.items()}


def modal_words(*groups: str) -> frozenset[str]:
    """The auxiliaries of the named groups (see modals.yaml); an unknown group name is an error."""
    table = _groups()
    unknown = [name for name in groups if name not in table]
    if unknown:
        raise KeyError(f"unknown modal group(s) {unknown}; known: {sorted(table)}")
    return frozenset().union(*(table[name] for name in groups))
