"""Dependency-path helpers shared by event-location scoring (event_location.py) and its model features
(location_features.py): which preposition a place hangs from, and the tree path to the trigger."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.places.lexicon import place_data, place_lexicon

PERSON_HEADS = {"PERSON"}

ORIGIN_NOUNS = place_data("descriptors.yaml").words("origin_nouns")


def governing_prep(token: Token) -> tuple[Token | None, Token]:
    """The preposition a place hangs from, and the node it was reached from (through appositions,
    conjunctions, compounds and descriptor nouns: "in the town of X", "in X and Y")."""
    node = token
    for _ in range(6):
        if node.dep_ in {"compound", "appos", "conj", "nmod", "amod", "poss"} and node.head != node:
            node = node.head
            continue
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            prep = node.head
            descriptor = prep.head
            if prep.lower_ == "of" and is_descriptor_noun(descriptor):
                node = descriptor
                continue
            return prep, node
        return None, node
    return None, node


def is_descriptor_noun(token: Token) -> bool:
    nouns = place_lexicon().nouns_before_of
    return token.lower_ in nouns or token.lemma_.lower() in nouns


def tree_path(trigger: Token, token: Token) -> tuple[list[Token], list[Token]]:
    """The dependency path trigger -> common ancestor (`up`) and ancestor -> token (`down`)."""
    trigger_chain = [trigger, *trigger.ancestors]
    positions = {t.i: n for n, t in enumerate(trigger_chain)}
    down: list[Token] = []
    node = token
    while node.i not in positions:
        down.append(node)
        if node.head == node:
            return trigger_chain, down  # different sentences: longest path
        node = node.head
    return trigger_chain[: positions[node.i] + 1], list(reversed(down))


def in_subject_of(trigger: Token, token: Token) -> bool:
    return any(child.dep_ in {"nsubj", "nsubjpass"} and token in child.subtree for child in trigger.children)


def is_place_head(token: Token) -> bool:
    lexicon = place_lexicon()
    lemma = token.lemma_.lower()
    return (
        token.ent_type_ in {"GPE", "LOC", "FAC"}
        or lemma in lexicon.nouns_after
        or lemma in lexicon.area_nouns
        or (lemma in lexicon.facility_words)
    )


def attached_to_person(root: Token, prep: Token | None) -> bool:
    """ "Torres, 18, of Atlanta" / "a doctor from Aleppo": a person's origin, not the scene."""
    if prep is None or prep.lower_ not in {"of", "from"}:
        return False
    head = prep.head
    return (
        head.ent_type_ in PERSON_HEADS
        or head.lower_ in ORIGIN_NOUNS
        or (head.pos_ == "NUM" and head.head.ent_type_ in PERSON_HEADS)
    )
