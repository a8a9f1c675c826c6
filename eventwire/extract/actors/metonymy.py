"""Is a place name used as an actor ("Moscow said") or as a place ("a visit to Moscow")?

Decided here, once: the actor resolver applies these rules to the place names it knows and hands
the places stage a `MetonymyDecision` (ctx.metonymy), which gives each place found its role.
The rules read the word's position in the dependency parse; the word lists live in
data/metonymy.yaml. Seats of power ("the Kremlin") are always actors and never reach here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.extract.actors.knowledge import MetonymyRules
from eventwire.knowledge import function_words

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
POSSESSIVE_DEPS = {"poss"}
LOCATIVE_LEMMAS = function_words().section("locative_preps").words("metonymy")


def first_conjunct(token: Token) -> Token:
    """'Paris and Moscow': Moscow's position in the sentence is that of Paris."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def is_actor_position(token: Token, rules: MetonymyRules) -> bool:
    token = first_conjunct(token)
    dep, head = token.dep_, token.head
    head_lemma = head.lemma_.lower()
    if dep == "nsubjpass" and head_lemma in rules.attack_verbs:
        return False  # "Kyiv was hit": the place attacked
    if dep in SUBJECT_DEPS:
        return head_lemma not in rules.place_verbs
    if dep in POSSESSIVE_DEPS:
        return head_lemma not in rules.place_parts and head.lower_ not in rules.place_parts
    if dep == "agent":
        return True
    if dep == "dobj":
        return head_lemma not in rules.motion_words and head_lemma not in rules.attack_verbs
    if dep == "pobj":
        return _actor_after_preposition(head, rules)
    return False


def _actor_after_preposition(prep: Token, rules: MetonymyRules) -> bool:
    word = prep.lower_
    governor = prep.head.lemma_.lower()
    if word in rules.actor_prepositions:
        return True
    if word in LOCATIVE_LEMMAS:
        return False
    if word == "to":
        return governor not in rules.motion_words
    if word in ("of", "from", "on", "for"):
        return governor in rules.actor_heads
    return False


def is_target_position(token: Token, rules: MetonymyRules, attack_nouns: set[str]) -> bool:
    """A place that is attacked ('shelled Kharkiv', 'a strike on Kyiv', 'Odesa was hit'): the place of
    the event and also its target, so it gets a party (its country) while staying a location."""
    token = first_conjunct(token)
    if token.dep_ == "appos" or (token.dep_ == "compound" and token.head.pos_ == "NOUN"):
        token = first_conjunct(token.head)  # "the capital Juba", "the town of X" handled by the noun
    dep, head = token.dep_, token.head
    if dep == "dobj" or dep == "nsubjpass":
        return head.lemma_.lower() in rules.attack_verbs
    if dep == "pobj" and head.lower_ in ("on", "against", "at"):
        governor = head.head
        return governor.lemma_.lower() in rules.attack_verbs or governor.lemma_.lower() in attack_nouns
    return False


def is_location_position(token: Token, rules: MetonymyRules) -> bool:
    """'in Odesa', 'fled to Kharkiv': a plain place complement."""
    token = first_conjunct(token)
    if token.dep_ == "pobj":
        prep = token.head
        return prep.lower_ in LOCATIVE_LEMMAS | {"from", "to", "of", "near"}
    return token.dep_ == "dobj" and token.head.lemma_.lower() in rules.motion_words


def speaks_for_government(token: Token, rules: MetonymyRules) -> bool:
    """A capital or country here stands for its government: subject of a speech verb ("Moscow said"),
    possessor of a political noun ("Moscow's position"), or in "ties between Paris and Moscow"."""
    token = first_conjunct(token)
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in rules.speech_verbs:
        return token.dep_ == "nsubj"
    if token.dep_ == "poss":
        return head.lemma_.lower() in rules.political_nouns
    if token.dep_ == "pobj" and head.lower_ == "between":
        return head.head.lower_ in rules.political_nouns or head.head.lemma_.lower() in rules.political_nouns
    return False


@dataclass
class MetonymyDecision:
    """Which place names of one document stand for an actor (made by the actor resolver)."""

    spans: list[tuple[int, int]]  # (start_char, end_char) of the place names the resolver made actors
    rules: MetonymyRules

    def is_actor(self, start_char: int, end_char: int, root: Token, capital_or_country: bool) -> bool:
        """Whether a place the places stage found (its characters and parse root) is an actor: one the
        resolver made an actor, or a capital or country (the actor lists may not know it) speaking
        for its government."""
        if any(start_char < end and start < end_char for start, end in self.spans):
            return True
        return capital_or_country and speaks_for_government(root, self.rules)
