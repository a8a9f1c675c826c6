"""Walks over the dependency parse shared by the extractors: the verb a token hangs from.

Events, counts and times all ask "which verb governs this word?" (its tense, its negation, its
modals). They ask it here, in one function with the variants they need as parameters.
"""

from __future__ import annotations

from spacy.tokens import Token

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb or modal that makes a clause finite
# How far up a walk goes before giving up: a clause is rarely deeper than this.
MAX_CLIMB = 6
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
PERSON_RELATIVES = frozenset({"who", "whom"})


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def antecedent(word: Token) -> Token:
    """The noun a relative pronoun stands for ('Saadat, who was captured', 'the man whom police arrested'); else
    the word itself."""
    return word.head.head if word.lower_ in RELATIVE_PRONOUNS and word.head.dep_ == "relcl" else word


def told_in_past(verb: Token) -> bool:
    """The clause is told in the simple past ("went off", "were talking", "had ended"), not the present, the
    present perfect ("has seen") or the future."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def passive(verb: Token) -> bool:
    """The verb is told in the passive ("was shot", "were arrested")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def verb_above(token: Token, *, include_self: bool = False, steps: int | None = MAX_CLIMB) -> Token:
    """The nearest verb (or auxiliary) above `token`, or the last node reached: the root, or the
    node `steps` heads up (`steps=None`: no limit). With `include_self` a verb token is its own."""
    node = token
    if include_self and is_verb(node):
        return node
    taken = 0
    while node.head != node and (steps is None or taken < steps):
        node, taken = node.head, taken + 1
        if is_verb(node):
            return node
    return node


def governing_verb(token: Token, *, include_self: bool = False, steps: int | None = MAX_CLIMB) -> Token | None:
    """The nearest verb above `token` (or the token itself, with `include_self`), None when the walk
    ends without one ('held talks' -> held, 'attempt at talks' -> the verb above 'attempt')."""
    node = verb_above(token, include_self=include_self, steps=steps)
    if node == token and not include_self:
        return None
    return node if is_verb(node) else None


def appositives(root: Token, nouns_before: bool = False) -> list[Token]:
    """The heads of the mention's appositives ('Anna Ruiz, the spokeswoman') or the phrase it is the appositive of
    ('the spokeswoman, Anna Ruiz'); with `nouns_before`, a noun describing the name before it too ('British engineer
    Kenneth Bigley')."""
    linked = [
        c for c in root.children if c.dep_ == "appos" or (nouns_before and c.dep_ == "compound" and c.pos_ == "NOUN")
    ]
    return linked + ([root.head] if root.dep_ == "appos" else [])


def passive_agents(verb: Token) -> list[Token]:
    """Who does what a passive verb tells: the object of its 'by' agent ('was captured by a rival faction')."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def prep_objects(token: Token, *preps: str) -> list[Token]:
    """The objects of the token's prepositions with these lemmas ('met with outrage' -> outrage)."""
    return [
        pobj
        for child in token.children
        if child.dep_ in ("prep", "agent") and lemma_of(child) in preps
        for pobj in child.children
        if pobj.dep_ in ("pobj", "pcomp")
    ]
