"""The counting lexicon (lexicon.yaml), loaded once and shaped for fast lookups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.knowledge import Knowledge, load

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")


@dataclass(frozen=True)
class Vague:
    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True)
class Lexicon:
    bounds: dict[tuple[str, ...], str]
    vague: dict[tuple[str, ...], Vague]
    units: dict[str, int]
    multipliers: dict[str, int]
    verb_kind: dict[str, str]
    intransitive_kind: dict[str, str]
    state_kind: dict[str, str]
    to_death: frozenset[str]
    phrasal: dict[tuple[str, str], str]
    noun_kind: dict[str, str]
    protest_verbs: frozenset[str]
    protest_nouns: frozenset[str]
    protester_nouns: frozenset[str]
    group_nouns: frozenset[str]
    report_verbs: frozenset[str]
    revision_verbs: frozenset[str]
    toll_nouns: frozenset[str]
    toll_setting_verbs: frozenset[str]
    remains_nouns: frozenset[str]
    generic_victims: frozenset[str]
    non_person: frozenset[str]
    person_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    extra_people: frozenset[str]
    cumulative_subjects: frozenset[str]
    cumulative_contexts: frozenset[str]
    cumulative_adverbs: tuple[tuple[str, ...], ...]
    months: frozenset[str]
    bridge_words: frozenset[str]
    recent_words: frozenset[str]
    life_verbs: frozenset[str]
    subject_life_verbs: frozenset[str]
    nominal_kind: dict[str, str]
    attribution_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    event_types: dict[str, tuple[str, ...]]  # in order of preference
    event_nouns: frozenset[str] = frozenset()
    running_total_periods: tuple[tuple[str, ...], ...] = ()
    causative_verbs: frozenset[str] = frozenset()

    # Every word known to name people (for counted nouns): the union of the lists above.
    people_words: frozenset[str] = frozenset()


def count_words() -> Knowledge:
    """lexicon.yaml as a knowledge file, for the word lists the count finders test directly."""
    return load(LEXICON_PATH)


def _by_kind(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: kind for kind, words in table.items() for word in words}


def _phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.split()) for w in words)


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    raw = load(path)
    phrasal: dict[tuple[str, str], str] = {}
    for kind, phrases in raw["phrasal"].items():
        for phrase in phrases:
            verb, rest = phrase.split(" ", 1)
            phrasal[(verb, rest)] = kind
    people_lists = ("person_nouns", "collective_nouns", "protester_nouns", "people_plurals")
    people_words = frozenset(w for name in people_lists for w in raw[name]) | frozenset(
        _by_kind(raw["condition_nouns"])
    )
    return Lexicon(
        people_words=people_words,
        bounds={tuple(k.split()): v for k, v in raw["bounds"].items()},
        vague={tuple(k.split()): Vague(v.get("low"), v.get("best"), v.get("high")) for k, v in raw["vague"].items()},
        units=dict(raw["units"]),
        multipliers=dict(raw["multipliers"]),
        verb_kind=_by_kind(raw["verbs"]),
        intransitive_kind=_by_kind(raw["intransitive"]),
        state_kind=_by_kind(raw["states"]),
        to_death=frozenset(raw["to_death"]),
        phrasal=phrasal,
        noun_kind=_by_kind(raw["condition_nouns"]),
        protest_verbs=frozenset(raw["protest_verbs"]),
        protest_nouns=frozenset(raw["protest_nouns"]),
        protester_nouns=frozenset(raw["protester_nouns"]),
        group_nouns=frozenset(raw["group_nouns"]),
        report_verbs=frozenset(raw["report_verbs"]),
        revision_verbs=frozenset(raw["revision_verbs"]),
        toll_nouns=frozenset(raw["toll_nouns"]),
        toll_setting_verbs=frozenset(raw["toll_setting_verbs"]),
        remains_nouns=frozenset(raw["remains_nouns"]),
        generic_victims=frozenset(raw["generic_victims"]),
        non_person=frozenset(raw["non_person"]),
        person_nouns=frozenset(raw["person_nouns"]),
        collective_nouns=frozenset(raw["collective_nouns"]),
        extra_people=frozenset(raw["people_plurals"]),
        cumulative_subjects=frozenset(raw["cumulative_subjects"]),
        cumulative_contexts=frozenset(raw["cumulative_contexts"]),
        cumulative_adverbs=_phrases(raw["cumulative_adverbs"]),
        months=frozenset(raw["months"]),
        bridge_words=frozenset(raw["bridge_words"]),
        recent_words=frozenset(raw["recent_words"]),
        life_verbs=frozenset(raw["life_verbs"]),
        subject_life_verbs=frozenset(raw["subject_life_verbs"]),
        nominal_kind=_by_kind(raw["nominals"]),
        attribution_verbs=frozenset(raw["attribution_verbs"]),
        speech_verbs=frozenset(raw["speech_verbs"]),
        event_types={kind: tuple(types) for kind, types in raw["event_types"].items()},
        event_nouns=frozenset(raw["event_nouns"]),
        running_total_periods=_phrases(raw["running_total_periods"]),
        causative_verbs=frozenset(raw["causative_verbs"]),
    )
