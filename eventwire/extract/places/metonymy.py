"""Places that stand for governments ("Moscow said", "the Kremlin") are actors, not locations.

The actor resolver decides first (ctx.shared["metonym_spans"]); this module adds a conservative
check of its own so a place is not located at a speaking capital when that resolver misses it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from eventwire.extract.places.gazetteer import COUNTRY, GazetteerEntry
from eventwire.extract.places.lexicon import place_lexicon

GOVERNMENT_FEATURES = {"PPLC", COUNTRY}


def overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def is_seat_of_government(text: str) -> bool:
    return text.strip() in place_lexicon().seats_of_government


def stands_for_government(doc: Doc, span: Span, entry: GazetteerEntry | None) -> bool:
    """A capital or country acting as its government: subject of a speech verb, possessor or
    'between X and Y' complement of a political noun."""
    if entry is None or entry.feature_code not in GOVERNMENT_FEATURES:
        return False
    lexicon = place_lexicon()
    root = span.root
    # climb conjunctions: "Paris and Moscow said" -> the first conjunct's role
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    head = root.head
    if root.dep_ in {"nsubj", "nsubjpass"} and head.lemma_.lower() in lexicon.speech_verbs:
        return root.dep_ == "nsubj"
    if root.dep_ == "poss" and head.lemma_.lower() in lexicon.political_nouns | {head.lower_}:
        return head.lower_ in lexicon.political_nouns or head.lemma_.lower() in lexicon.political_nouns
    if root.dep_ == "pobj" and head.lower_ == "between":
        return head.head.lower_ in lexicon.political_nouns or head.head.lemma_.lower() in lexicon.political_nouns
    return False
