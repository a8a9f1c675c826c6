"""Where a statement or meeting was made from the speaker's journey, and events at sea off a coast.

"Macron, on a visit to Tunis, criticised ...", "King Hussein arrived in Washington seeking to mediate",
"visited NATO headquarters in Brussels": a visit or arrival tied to the trigger places the words or the meeting.
"rescued off the coast of Florida", "off the Florida coast": the event happened at sea off that place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from eventwire.extract.places.attachment import is_place_head
from eventwire.knowledge import Knowledge

if TYPE_CHECKING:
    from eventwire.extract.places import PlaceMention

# how far (tree edges) a place may sit below the visit word, and the visit word from the trigger
MAX_PATH = 7
MAX_LINK = 3


def visit_place(doc: Doc, trigger: Token, mentions: list[PlaceMention], rules: Knowledge) -> PlaceMention | None:
    """The one place the trigger's visit or arrival leads to (`visit_words`), or None when none or several."""
    found = [m for m in mentions if _visit_word_above(doc[m.token_start : m.token_end].root, trigger, rules)]
    distinct = {(m.place.geonameid, m.place.text) for m in found}
    return found[0] if len(distinct) == 1 else None


def _visit_word_above(root: Token, trigger: Token, rules: Knowledge) -> bool:
    """The place hangs, through `visit_path_preps` ("to", "in", "of") and objects only, from a visit word tied
    to the trigger."""
    if root.dep_ in {"compound", "nmod", "amod", "poss"} and not is_place_head(root.head):
        return False  # "visited the Miami relatives": the place qualifies people, not where they went
    node = root
    for _ in range(MAX_PATH):
        if node.dep_ == "ROOT" or node.head == node:
            return False
        if node.dep_ == "prep" and node.lower_ not in rules["visit_path_preps"]:
            return False
        if node.dep_ not in {"pobj", "prep", "dobj", "compound", "appos", "conj", "nmod"}:
            return False
        node = node.head
        if node.lemma_.lower() in rules["visit_words"]:
            return _tied_to_trigger(node, trigger, rules)
        if node.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _tied_to_trigger(visit: Token, trigger: Token, rules: Knowledge) -> bool:
    """The visit word is the trigger, governs it ("arrived ... seeking to mediate") or frames it ("on a visit
    to X, asked"; "in", "on", "during": `visit_link_preps`)."""
    node = trigger
    for _ in range(MAX_LINK + 1):
        if node == visit:
            return True
        if node.dep_ == "conj" or node.head == node:
            break  # "X arrived in Y, and Z ordered ...": another clause, maybe another subject
        node = node.head
    if visit.dep_ == "pobj" and visit.head.lower_ in rules["visit_link_preps"]:
        frame = visit.head.head
        return frame == trigger or (frame.dep_ == "nsubj" and frame.head == trigger)
    return False


def offshore_place(doc: Doc, trigger: Token, mentions: list[PlaceMention], rules: Knowledge) -> PlaceMention | None:
    """The place whose coast the trigger's "off" phrase names: "rescued off the coast of Florida", "fishermen
    off the Florida coast" (the phrase on the trigger or on one of its arguments)."""
    for mention in mentions:
        coast = _coast_of(doc[mention.token_start : mention.token_end].root, rules)
        if coast is None or coast.dep_ != "pobj" or coast.head.lower_ not in rules["offshore_preps"]:
            continue
        if _within_clause(coast.head.head, trigger):
            return mention
    return None


def _within_clause(holder: Token, trigger: Token) -> bool:
    """The holder is the trigger or one of its arguments ("by fishermen off the coast"), no verb between."""
    node = holder
    for _ in range(MAX_LINK):
        if node == trigger:
            return True
        if node.pos_ in {"VERB", "AUX"} or node.head == node:
            return False
        node = node.head
    return node == trigger


def _coast_of(root: Token, rules: Knowledge) -> Token | None:
    """The coast noun a place names: "the coast of X" (through "of"), "the X coast", "X's shores"."""
    head = root.head
    if root.dep_ in {"compound", "poss", "nmod", "amod"} and head.lemma_.lower() in rules["coast_nouns"]:
        return head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in rules["coast_nouns"]:
        return head.head
    return None
