"""Shortcuts taken for speed give the same answers as the plain way (bench/throughput.py measures the gain)."""

from __future__ import annotations

import re

import pytest

from eventwire.extract.times.caseless import caseless_twin, lowered_for_matching, spans
from eventwire.extract.times.detect import Detector
from eventwire.knowledge import Knowledge

# Invented sentences, in several casings, with times the patterns look for and words that only look like them.
TEXTS = [
    "On Tuesday, March 4, 2025, the council met for three hours; by late 2024 it had met twice a week.",
    "THE STRIKE BEGAN AT 6 A.M. EST LAST FRIDAY AND LASTED 48 HOURS, TWO DAYS AFTER THE VOTE OF MAY 2.",
    "the talks resume next spring, in the second half of 2026, or every other month until the 1990s end.",
    "“Since Sunday night,” the envoy said — a 5-year-old was hurt at noon on Jan. 12 — “nobody has left.”",
    "A Café in São Paulo closed on Monday morning; the ſtreet reopened at 9:30 pm GMT.",
]


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize("text", [*TEXTS, *(t.upper() for t in TEXTS), *(t.lower() for t in TEXTS)])
def test_time_patterns_find_the_same_spans_through_their_twins(detector: Detector, text: str) -> None:
    lowered = lowered_for_matching(text)
    for pattern, twin in zip(detector.patterns.strong, detector.patterns.strong_twins, strict=True):
        plain = [(m.start(), m.end()) for m in pattern.finditer(text)]
        assert list(spans(pattern, twin, text, lowered)) == plain, pattern.pattern[:60]


def test_most_time_patterns_have_a_twin(detector: Detector) -> None:
    twins = [twin for twin in detector.patterns.strong_twins if twin is not None]
    assert len(twins) >= len(detector.patterns.strong) - 3


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile(r"\b\d+\s+GMT\b", re.I),  # an upper-case letter of its own
        re.compile(r"\x41pril", re.I),  # a letter spelt as an escape
        re.compile(r"(?-i:May)\s+\d", re.I),  # an inline flag
        re.compile(r"\bmay\b"),  # case-sensitive already
    ],
)
def test_patterns_that_could_match_otherwise_get_no_twin(pattern: re.Pattern[str]) -> None:
    assert caseless_twin(pattern) is None


def test_escaped_classes_do_not_block_a_twin() -> None:
    twin = caseless_twin(re.compile(r"\bweek\S*\s+\d+\b", re.I))
    assert twin is not None and not twin.flags & re.I


def test_text_with_non_ascii_cased_letters_is_matched_as_it_is() -> None:
    assert lowered_for_matching("Talks in Zürich") is None
    assert lowered_for_matching("the ſtreet") is None  # long s: "S" under re.IGNORECASE
    assert lowered_for_matching("“Talks” — in MAY") == "“talks” — in may"


def test_word_sets_are_built_once_and_follow_a_conversion() -> None:
    knowledge = Knowledge({"verbs": ["meet", "talk"]}, "test")
    first = knowledge.words("verbs")
    assert knowledge.words("verbs") is first and first == {"meet", "talk"}
    knowledge.convert("verbs", lambda words: [*words, "visit"])
    assert knowledge.words("verbs") == {"meet", "talk", "visit"}
    assert not knowledge.unread()
