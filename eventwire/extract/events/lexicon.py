"""The event coder's knowledge: trigger senses, cue words and ontology tables, loaded from YAML.

Everything a user may want to edit lives in triggers.yaml, cues.yaml and mappings.yaml beside
this module; this module only turns those files into typed, read-only lookups.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.knowledge import Knowledge, KnowledgeError, load, package_file

HERE = Path(__file__).resolve().parent
POS_SECTIONS = {"verbs": "VERB", "nouns": "NOUN", "adjectives": "ADJ"}


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word: its category, mode and how to find its arguments."""

    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    when: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    frame: bool = False
    recipient: tuple[str, ...] = ()
    blame: bool = False
    status: str | None = None
    skip: bool = False
    cameo: str | None = None
    consequence: bool = False  # an outcome word ('killing'): dropped beside another event of its type
    needs_party: bool = False  # an everyday word ('offer', 'occupy'): coded only with a recognised party


def _sense(raw: str | dict[str, Any]) -> Sense:
    if isinstance(raw, str):
        category, _, mode = raw.partition("/")
        return Sense(type=category, mode=mode or None)
    _check_word_lists(raw)
    return Sense(
        type=raw["type"],
        mode=raw.get("mode"),
        context=tuple(raw.get("context") or ()),
        when=dict(raw.get("when") or {}),
        frame=bool(raw.get("frame", False)),
        recipient=tuple(raw.get("recipient") or ()),
        blame=bool(raw.get("blame", False)),
        status=raw.get("status"),
        skip=bool(raw.get("skip", False)),
        cameo=raw.get("cameo"),
        consequence=bool(raw.get("consequence", False)),
        needs_party=bool(raw.get("needs_party", False)),
    )


def _check_word_lists(raw: dict[str, Any]) -> None:
    """A sense's lists (recipient, when: {prep: [...]}) hold words only: a typo such as `[on: x]` is an error."""
    lists = [("recipient", raw.get("recipient") or [])]
    lists += [(f"when.{key}", value) for key, value in (raw.get("when") or {}).items() if isinstance(value, list)]
    for name, words in lists:
        if not all(isinstance(word, str) for word in words):
            raise KnowledgeError(f"trigger sense {raw.get('type')}: {name} should be a list of words, found {words!r}")


@dataclass(frozen=True)
class Lexicon:
    senses: dict[tuple[str, str], tuple[Sense, ...]]  # (pos, lemma) -> senses in priority order
    cues: Knowledge
    mappings: Knowledge

    def senses_for(self, pos: str, lemma: str) -> tuple[Sense, ...]:
        return self.senses.get((pos, lemma), ())

    def cue_set(self, name: str) -> frozenset[str]:
        return self.cues.words(name)


def cue_words() -> Knowledge:
    """The package's cues.yaml, for the word lists the coder's modules test directly."""
    return package_file("eventwire.extract.events", "cues.yaml")


def _knowledge(data: Knowledge | dict[str, Any], name: str) -> Knowledge:
    return data if isinstance(data, Knowledge) else Knowledge(data, name)


def build_lexicon(
    triggers: Knowledge | dict[str, Any], cues: Knowledge | dict[str, Any], mappings: Knowledge | dict[str, Any]
) -> Lexicon:
    triggers, cues = _knowledge(triggers, "triggers"), _knowledge(cues, "cues")
    mappings = _knowledge(mappings, "mappings")
    senses: dict[tuple[str, str], tuple[Sense, ...]] = {}
    for section, pos in POS_SECTIONS.items():
        for lemma, raw in (triggers.get(section) or {}).items():
            entries = raw if isinstance(raw, list) else [raw]
            senses[(pos, str(lemma).lower())] = tuple(_sense(entry) for entry in entries)
    return Lexicon(senses=senses, cues=cues, mappings=mappings)


@lru_cache(maxsize=4)
def load_lexicon(directory: str | None = None) -> Lexicon:
    """Load (once per process) the lexicon files from `directory` (default: the package's own)."""
    base = Path(directory) if directory else HERE
    return build_lexicon(load(base / "triggers.yaml"), load(base / "cues.yaml"), load(base / "mappings.yaml"))
