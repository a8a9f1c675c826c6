"""Shortcuts taken for speed give the same answers as the plain way (bench/throughput.py measures the gain)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any

import pytest

from eventwire.extract.times.caseless import CaselessPattern, caseless_twin, lowered_for_matching, required_strings
from eventwire.extract.times.detect import Detector
from eventwire.ingest import make_document
from eventwire.knowledge import Knowledge
from eventwire.model import as_plain

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
    for pattern in detector.patterns.strong_caseless:
        plain = [(m.start(), m.end()) for m in pattern.pattern.finditer(text)]
        assert list(pattern.spans(text, lowered)) == plain, pattern.pattern.pattern[:60]


def test_most_time_patterns_have_a_twin(detector: Detector) -> None:
    twins = [pattern for pattern in detector.patterns.strong_caseless if pattern.twin is not None]
    assert len(twins) >= len(detector.patterns.strong) - 3


@pytest.mark.parametrize(
    ("pattern", "required"),
    [
        (r"\bfiscal\s+\d{4}\b", {"fiscal"}),
        (r"\b(?:the\s+)?(?:autumn|winter)\s+of\s+\d{4}", {"autumn", "winter"}),
        (r"\b\w+day\s+(?:next\s+)?week", {"week"}),
        (r"\b(\d+)\s+(?:days|weeks)+\s+ahead", {"ahead"}),  # the longest run wins
        (r"\b(?:once|\d+\s+times)\s+a\s+(?:week|month)", {"once", "times"}),
    ],
)
def test_required_strings_are_read_from_the_pattern(pattern: str, required: set[str]) -> None:
    assert required_strings(pattern) == required


@pytest.mark.parametrize("pattern", [r"\b\d+\s*(?:am|pm)", r"\b(?:next\s+)*\d+\b", r"(?:in\s+)?\d{4}|now"])
def test_no_required_strings_when_a_match_may_lack_them(pattern: str) -> None:
    assert required_strings(pattern) is None  # too short, or an alternative requires nothing


def test_a_text_without_the_required_strings_is_not_searched() -> None:
    pattern = CaselessPattern(re.compile(r"\bfiscal\s+\d{4}\b", re.I))
    assert list(pattern.spans("In FISCAL 2024 sales rose.", "in fiscal 2024 sales rose.")) == [(3, 14)]
    assert list(pattern.spans("Sales rose in 2024.", "sales rose in 2024.")) == []


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


@dataclasses.dataclass
class _Box:
    value: Any


def test_a_result_becomes_the_dict_dataclasses_asdict_gives(pipeline) -> None:
    text = "Rebels shelled the town of Example on Tuesday, killing four soldiers, the army said in a statement."
    result = next(pipeline.process([make_document(text, published_at=date(2025, 3, 6))]))
    assert result.events, "the fixture sentence should give an event"
    expected = dataclasses.asdict(result)
    expected["published_at"] = "2025-03-06"
    assert result.to_dict() == expected
    nested = (1, [2.5, None, _Box("x")], {"k": ("v",)}, date(2025, 3, 6))
    assert as_plain(nested) == dataclasses.asdict(_Box(nested))["value"]


def _tokenize(text: str) -> list[str]:
    return text.split()


def test_actor_tables_read_back_from_the_cache_are_the_built_ones(tmp_path, monkeypatch) -> None:
    """The knowledge base and phrase index kept between processes (extract/actors/prebuilt.py) equal a fresh
    build; a changed user file names another cache file; a damaged one is rebuilt, not trusted."""
    from eventwire.extract.actors import prebuilt

    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    user = tmp_path / "mine.yaml"
    user.write_text('organizations:\n  - {id: "PTY:ZQX", sector: OPP, country: IND, names: ["Zarqun Front"]}\n')
    monkeypatch.setattr(prebuilt, "_BUILT", {})
    kb, index = prebuilt.actor_tables([user], _tokenize, "test tokenizer")
    (kept,) = (tmp_path / "cache").glob("actors-*.pickle")
    monkeypatch.setattr(prebuilt, "_BUILT", {})
    kb_read, index_read = prebuilt.actor_tables([user], _tokenize, "test tokenizer")
    assert kb_read is not kb and kb_read == kb
    assert dict(index_read._index) == dict(index._index) and index_read._prefixes == index._prefixes
    assert [e.key for e in index_read.lookup(("zarqun", "front"))] == ["PTY:ZQX"]

    digest = prebuilt.tables_digest([user], "test tokenizer")
    assert prebuilt.tables_digest([user], "another tokenizer") != digest
    user.write_text(user.read_text().replace("OPP", "PTY"))
    assert prebuilt.tables_digest([user], "test tokenizer") != digest

    kept.write_bytes(b"not a pickle")
    assert prebuilt._read(kept) is None
    monkeypatch.setattr(prebuilt, "_BUILT", {})
    kb_again, _ = prebuilt.actor_tables([user], _tokenize, "test tokenizer")
    assert [o.sector for o in kb_again.organizations if o.kb_id == "PTY:ZQX"] == ["PTY"]


def test_only_the_newest_built_tables_are_kept_on_disk(tmp_path) -> None:
    import os

    from eventwire.extract.actors import prebuilt

    for n in range(prebuilt.KEEP_TABLES + 2):
        old = tmp_path / f"actors-{n:016x}.pickle"
        old.write_bytes(b"x")
        os.utime(old, (1000 + n, 1000 + n))
    other = tmp_path / "gazetteer.sqlite"
    other.write_bytes(b"x")
    prebuilt._prune(tmp_path)
    left = sorted(p.name for p in tmp_path.glob("actors-*.pickle"))
    assert left == [f"actors-{n:016x}.pickle" for n in range(2, prebuilt.KEEP_TABLES + 2)]
    assert other.exists()
