"""Find event triggers in a parsed sentence: verbs, nouns and adjectives from the lexicon.

A trigger is a token whose lemma has a sense in triggers.yaml whose conditions hold in the
parse. Triggers that only name the content of another event ("calling for a ceasefire",
"agreed to cooperate") or repeat it ("met to discuss") are marked as content of that event
instead of standing alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.events.lexicon import Lexicon, Sense

COPULAS = {"be", "remain", "become", "seem", "stay", "appear"}
OBJECT_DEPS = {"dobj", "obj"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod"}
# Edges along which what a frame governs is its content.
CONTENT_DEPS = {
    "dobj",
    "obj",
    "xcomp",
    "ccomp",
    "prep",
    "pobj",
    "pcomp",
    "acl",
    "attr",
    "oprd",
    "conj",
    "advcl",
    "dative",
}
# Edges that never carry content (the frame's own subject, adverbs, auxiliaries).
NON_CONTENT_DEPS = {"nsubj", "nsubjpass", "csubj", "advmod", "aux", "auxpass", "neg", "mark", "punct", "cc", "relcl"}
MAX_CLIMB = 6


@dataclass
class Trigger:
    token: Token
    sense: Sense
    pos: str
    content_of: Trigger | None = None  # the frame (or same-type event) this trigger is part of
    contents: list[Trigger] = field(default_factory=list)

    @property
    def nominal(self) -> bool:
        return self.pos != "VERB"

    @property
    def type(self) -> str:
        return self.sense.type


def word_class(token: Token) -> str | None:
    """The lexicon section a token is looked up in."""
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ == "NOUN":
        return "NOUN"
    if token.pos_ == "ADJ":
        return "ADJ"
    return None


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a noun, through the object/preposition chain ('held talks', 'attempt at talks')."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def is_copular(token: Token) -> bool:
    """True when the word sits in 'X was at the root of', 'X is responsible for', 'X is ready to'."""
    node = token
    for _ in range(3):
        if node.dep_ in ("acomp", "attr") and lemma_of(node.head) in COPULAS:
            return True
        if node.head == node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return lemma_of(node) in COPULAS
    return False


def objects_of(token: Token) -> list[Token]:
    objects = [child for child in token.children if child.dep_ in OBJECT_DEPS]
    if not objects:  # passive: "sanctions were lifted"
        objects = [child for child in token.children if child.dep_ == "nsubjpass"]
    return objects + [conj for obj in objects for conj in obj.conjuncts]


def preposition_lemmas(token: Token) -> set[str]:
    lemmas = {lemma_of(child) for child in token.children if child.dep_ in ("prep", "prt", "agent", "dative")}
    # "call for Tehran to halt": 'for' can hang as the mark of the governed clause.
    for child in token.children:
        if child.dep_ in ("advcl", "ccomp", "xcomp"):
            lemmas |= {lemma_of(mark) for mark in child.children if mark.dep_ == "mark"}
    return lemmas


def prep_objects(token: Token, prep: str) -> list[Token]:
    return [
        pobj
        for child in token.children
        if child.dep_ in ("prep", "agent") and lemma_of(child) == prep
        for pobj in child.children
        if pobj.dep_ in ("pobj", "pcomp")
    ]


def condition_holds(token: Token, key: str, value: object) -> bool:
    """One `when` condition of a sense, checked against the parse."""
    if key == "prep":
        return bool(preposition_lemmas(token) & set(value))
    if key == "prt":
        return any(child.dep_ == "prt" and lemma_of(child) in value for child in token.children)
    if key == "obj":
        return any(lemma_of(obj) in value for obj in objects_of(token))
    if key == "no_obj":
        has_object = any(child.dep_ in OBJECT_DEPS for child in token.children)
        return (not has_object) == bool(value)
    if key == "pobj":
        return any(lemma_of(pobj) in value for prep in preposition_lemmas(token) for pobj in prep_objects(token, prep))
    if key == "mod":
        return any(child.dep_ in MODIFIER_DEPS and lemma_of(child) in value for child in token.children)
    if key == "gov":
        verb = governing_verb(token)
        return verb is not None and lemma_of(verb) in value
    if key == "subj":
        return any(child.dep_ in ("nsubj", "nsubjpass") and lemma_of(child) in value for child in token.children)
    if key == "copula":
        return is_copular(token) == bool(value)
    if key == "xcomp":
        return any(child.dep_ in ("xcomp", "ccomp") for child in token.children) == bool(value)
    raise ValueError(f"unknown trigger condition {key!r}")


def choose_sense(token: Token, senses: tuple[Sense, ...]) -> Sense | None:
    for sense in senses:
        if all(condition_holds(token, key, value) for key, value in sense.when.items()):
            return None if sense.skip else sense
    return None


def find_triggers(sentence: SpacySpan, lexicon: Lexicon) -> list[Trigger]:
    """Every lexicon trigger in the sentence, then content/duplicate links between them."""
    triggers: list[Trigger] = []
    for token in sentence:
        pos = word_class(token)
        if pos is None:
            continue
        sense = choose_sense(token, lexicon.senses_for(pos, lemma_of(token)))
        if sense is not None:
            triggers.append(Trigger(token=token, sense=sense, pos=pos))
    link_contents(triggers, lexicon)
    return triggers


def link_contents(triggers: list[Trigger], lexicon: Lexicon) -> None:
    """Mark triggers that are the content of a frame, the object of a verbal trigger, or a repeat."""
    by_index = {trigger.token.i: trigger for trigger in triggers}
    speech = lexicon.cue_set("speech_verbs")
    for trigger in triggers:
        child, node = trigger.token, trigger.token.head
        for _ in range(MAX_CLIMB):
            if node == child:
                break
            governor = by_index.get(node.i)
            if governor is not None and governor is not trigger:
                if owns_as_content(governor, child, trigger):
                    trigger.content_of = governor
                    governor.contents.append(trigger)
                break
            if lemma_of(node) in speech and node.pos_ == "VERB":
                break  # reported speech: what is said stands on its own
            child, node = node, node.head


def infinitival(clause: Token) -> bool:
    """'for Tehran to halt', 'that Israel withdraw': a governed clause, not an adverbial one."""
    return any(
        (c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ in ("for", "that"))
        for c in clause.children
    )


def owns_as_content(governor: Trigger, child: Token, trigger: Trigger) -> bool:
    """Whether `trigger`, reached from `governor` through its child `child`, belongs to it."""
    if child.dep_ in NON_CONTENT_DEPS:
        return False
    if governor.sense.frame and child.dep_ in CONTENT_DEPS - {"conj", "advcl"}:
        return True
    if governor.sense.frame and child.dep_ == "advcl" and infinitival(child):
        return True
    if governor.type == trigger.type and child.dep_ in CONTENT_DEPS:
        return True
    # the object of a verbal trigger ('signed an agreement', 'lifted the sanctions')
    return (
        not governor.nominal
        and trigger.nominal
        and (trigger.token.head == governor.token or trigger.token.head.head == governor.token)
        and trigger.token.dep_ in ("dobj", "pobj", "nsubjpass")
    )
