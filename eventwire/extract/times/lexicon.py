"""The time words of lexicon.yaml, loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.knowledge import Knowledge, load

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")


@dataclass(frozen=True)
class Unit:
    name: str
    letter: str
    time: bool = False
    multiply: int = 1


@dataclass(frozen=True)
class Lexicon:
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    unit_plurals: dict[str, str]
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    holidays: dict[str, str]
    floating_holidays: dict[str, dict[str, int]]
    references: dict[str, str]
    standalone_references: frozenset[str]
    sets: dict[str, str]
    set_words_detected: frozenset[str]
    modifiers: dict[str, str]
    leading_trim: frozenset[str]
    light_verbs: frozenset[str]
    report_adjectives: frozenset[str]
    weekday_parts_suffixed: frozenset[str]
    current_terms: frozenset[str]
    amount_words: frozenset[str] = frozenset()
    era_nouns: frozenset[str] = frozenset()
    unit_qualifiers: frozenset[str] = frozenset()
    easter_holidays: dict[str, int] = field(default_factory=dict)

    def unit(self, word: str) -> Unit | None:
        """The unit a word names, singular or plural ('years', 'centuries', 'hrs')."""
        word = word.lower().rstrip(".")
        if word in self.units:
            return self.units[word]
        plural = self.unit_plurals.get(word)
        if plural:
            return self.units[plural]
        if word.endswith("s") and word[:-1] in self.units:
            return self.units[word[:-1]]
        return None


def _units(raw: dict[str, dict[str, Any]]) -> dict[str, Unit]:
    return {
        name: Unit(name, spec["letter"], bool(spec.get("time", False)), int(spec.get("multiply", 1)))
        for name, spec in raw.items()
    }


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    raw = load(path)
    return Lexicon(
        numbers={k: float(v) for k, v in raw["numbers"].items()},
        vague_numbers=frozenset(raw["vague_numbers"]),
        ordinals={k: int(v) for k, v in raw["ordinals"].items()},
        units=_units(raw["units"]),
        unit_plurals=dict(raw["unit_plurals"]),
        months=dict(raw["months"]),
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        weekdays=dict(raw["weekdays"]),
        seasons=dict(raw["seasons"]),
        parts_of_day={k: str(v) for k, v in raw["parts_of_day"].items()},
        holidays={k: str(v) for k, v in raw["holidays"].items()},
        floating_holidays={k: dict(v) for k, v in raw["floating_holidays"].items()},
        references=dict(raw["references"]),
        standalone_references=frozenset(raw["standalone_references"]),
        sets=dict(raw["sets"]),
        set_words_detected=frozenset(raw["set_words_detected"]),
        modifiers=dict(raw["modifiers"]),
        leading_trim=frozenset(raw["leading_trim"]),
        light_verbs=frozenset(raw["light_verbs"]),
        report_adjectives=frozenset(raw["report_adjectives"]),
        weekday_parts_suffixed=frozenset(raw["weekday_parts_suffixed"]),
        current_terms=frozenset(raw["current_terms"]),
        amount_words=frozenset(raw["amount_words"]),
        era_nouns=frozenset(raw["era_nouns"]),
        unit_qualifiers=frozenset(raw["unit_qualifiers"]),
        easter_holidays={k: int(v) for k, v in raw["easter_holidays"].items()},
    )


def time_words() -> Knowledge:
    """lexicon.yaml as a knowledge file, for the word lists the detector and normalizer test directly."""
    return load(LEXICON_PATH)


def decade_words(lex: Lexicon) -> dict[str, str]:
    """ "twenties" ... "nineties" -> "192" ... "199" (spoken decades, from the tens in `numbers`)."""
    tens = {word: int(value) for word, value in lex.numbers.items() if value in range(20, 100, 10)}
    return {word[:-1] + "ies": f"19{value // 10}" for word, value in tens.items()}
