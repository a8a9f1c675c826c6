"""Condition words: how a count of people is tied to "killed", "wounded", "missing", "arrested", "fled", "marched".

`condition_of` returns the kind of condition and the word that states it, from the count's
role in the parse (object of an agentive verb, subject of a passive or intransitive one,
a state word on the noun) or, where the parse of telegraphic text fails, from the words
right after or before it ("12 killed and four injured", "killing 20").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from eventwire.extract.quantities.lexicon import Lexicon, count_words

SUBSET_PREPOSITIONS = {"including", "excluding", "besides"}
REFLEXIVES = {"themselves", "himself", "herself"}
BACKGROUND_PREPOSITIONS = count_words().words("background_prepositions")
Condition = tuple[str, Token]
TRIPLED_LETTER = re.compile(r"([a-z])\1{2,}")
INFLECTIONS = count_words().sequence("inflections")


def verb_lemma(verb: Token, lex: Lexicon) -> str:
    """The verb's lemma, read through a tripled letter, which no English word has ("killling" is
    "killing"): the parser lemmatises such typos to nonsense ("killle")."""
    lemma = verb.lemma_.lower()
    if not TRIPLED_LETTER.search(verb.lower_):
        return lemma
    word = TRIPLED_LETTER.sub(r"\1\1", verb.lower_)
    known = lex.verb_kind.keys() | lex.intransitive_kind.keys()
    for suffix in ("", *INFLECTIONS):
        if suffix and not word.endswith(suffix):
            continue
        stem = word[: len(word) - len(suffix)]
        for candidate in (stem, stem + "e", stem[:-1]):
            if candidate in known:
                return candidate
    return lemma


def _state_kind(tok: Token, lex: Lexicon) -> str | None:
    """Kind named by an adjective or participle ("dead", "injured", "missing")."""
    return lex.state_kind.get(tok.lower_)


def _has_child(tok: Token, deps: set[str], words: set[str] | frozenset[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps and (c.lower_ in words or c.lemma_ in words)), None)


def _followed_by(verb: Token, words: str) -> bool:
    """'shot dead 3 traders', where the parse hangs 'dead' on the noun."""
    doc, wanted = verb.doc, words.split()
    following = [t.lower_ for t in doc[verb.i + 1 : verb.i + 1 + len(wanted)]]
    return following == wanted


def _verb_kind(verb: Token, lex: Lexicon, agentive_ok: bool = True) -> Condition | None:
    """Kind of condition a verb states about its patient, and the word that states it."""
    lemma = verb_lemma(verb, lex)
    for (head, rest), kind in lex.phrasal.items() if agentive_ok else ():
        if lemma == head and (
            _has_child(verb, {"prt", "oprd", "acomp", "advmod", "xcomp", "dobj", "prep"}, {rest})
            or _followed_by(verb, rest)
        ):
            return kind, verb
    if agentive_ok and lemma in lex.to_death:
        prep = _has_child(verb, {"prep"}, {"to"})
        if prep is not None and _has_child(prep, {"pobj"}, {"death"}):
            return "dead", verb
    if agentive_ok and lemma in lex.verb_kind:
        return lex.verb_kind[lemma], verb
    if lemma in lex.intransitive_kind:
        return lex.intransitive_kind[lemma], verb
    if (agentive_ok or lemma not in lex.verb_kind) and verb.pos_ in {"ADJ", "VERB"} and _state_kind(verb, lex):
        return _state_kind(verb, lex), verb
    if lemma in lex.report_verbs:
        for child in verb.children:
            if child.dep_ in {"oprd", "xcomp", "acomp", "attr", "advmod"} and child.i > verb.i:
                found = _state_kind(child, lex) or lex.verb_kind.get(child.lemma_.lower())
                if found:
                    return found, child
    if lemma in {"sustain", "suffer", "receive"}:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lower_.startswith(("injur", "wound")):
            return "injured", obj
    return None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in {"dobj", "obj"} for c in verb.children)


def _size_kind(subject: Token, verb: Token, lex: Lexicon) -> Condition | None:
    """A people-subject of a protest verb is the size of the protest."""
    if subject.dep_ != "nsubj":
        return None
    if verb.lemma_.lower() in lex.protest_verbs:
        return "size", verb
    for child in verb.children:
        objects = [child] if child.dep_ == "dobj" else [c for c in child.children if c.dep_ == "pobj"]
        for obj in objects:
            if obj.lemma_.lower() in lex.protest_nouns or any(
                c.dep_ == "compound" and c.lemma_.lower() in lex.protest_nouns for c in obj.children
            ):
                return "size", verb
    return None


def _shared_subject_verbs(head: Token) -> list[Token]:
    """The verb and the verbs coordinated with it that have no subject of their own ("shot and killed")."""
    verbs = [head]
    for child in head.conjuncts:
        if (
            child.i > head.i
            and child.pos_ in {"VERB", "ADJ"}
            and not any(c.dep_.startswith("nsubj") for c in child.children)
        ):
            verbs.append(child)
    return verbs


def _lost_lives(verb: Token, lex: Lexicon) -> Condition | None:
    """'five soldiers lost their lives', 'succumbed to their injuries' said of the subject."""
    if verb.lemma_.lower() not in lex.subject_life_verbs:
        return None
    obj = _has_child(verb, {"dobj", "obj"}, {"life"})
    return ("dead", verb) if obj is not None else None


def _nominal_of(head: Token, lex: Lexicon) -> Condition | None:
    """'the bodies of 14 people', 'claimed the lives of 9 soldiers', 'the arrest of 12 students'."""
    noun = head.head
    lemma = noun.lemma_.lower()
    if lemma == "life":
        verb = noun.head
        if noun.dep_ in {"dobj", "obj", "nsubjpass"} and verb.lemma_.lower() in lex.life_verbs:
            return "dead", noun
        return None
    if lemma in lex.nominal_kind and not _background(noun):
        return lex.nominal_kind[lemma], noun
    return None


def _background(noun: Token) -> bool:
    """'following the deaths of two soldiers': an earlier event given as the cause or setting."""
    return noun.dep_ == "pobj" and noun.head.lower_ in BACKGROUND_PREPOSITIONS


def _subject_condition(root: Token, lex: Lexicon) -> Condition | None:
    """The first condition of the verbs the subject governs; "were wounded ... and later died":
    the death, the condition they ended in."""
    first: Condition | None = None
    for verb in _shared_subject_verbs(root.head):
        found = _lost_lives(verb, lex)
        if found is None and root.dep_ == "nsubjpass":
            found = _verb_kind(verb, lex)
        elif found is None:
            found = _verb_kind(verb, lex, agentive_ok=not _has_object(verb)) or _size_kind(root, verb, lex)
        if found is None:
            continue
        if first is None and found[0] != "injured":
            return found
        if first is None:
            first = found
        elif found[0] == "dead":
            return found
    return first


def _reflexive_condition(root: Token, lex: Lexicon) -> Condition | None:
    """'Two suicide bombers blew up a car, killing only themselves': the subjects are the dead."""
    verb = root.head
    for node in [verb, *(c for c in verb.children if c.dep_ in {"advcl", "conj", "xcomp"})]:
        kind = lex.verb_kind.get(node.lemma_.lower())
        if kind and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in node.children):
            return kind, node
    return None


def _reflexive_antecedent(root: Token, lex: Lexicon) -> Condition | None:
    """'Two suicide bombers detonate at a mosque, killing only themselves', where the parse takes
    'detonate' for a noun and leaves the clause with no subject: a reflexive object refers back to
    the people counted before the word that governs its verb."""
    for verb in root.sent:
        if verb.i <= root.i or not any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children):
            continue
        kind = lex.verb_kind.get(verb_lemma(verb, lex))
        governor = verb.head if verb.dep_ in {"advcl", "conj", "xcomp"} else verb
        subject = any(c.dep_.startswith("nsubj") for c in governor.children)
        if kind and root.i < governor.i and governor in root.ancestors and not subject:
            return kind, verb
    return None


def _caused_condition(verb: Token, lex: Lexicon) -> Condition | None:
    """'forced 50,000 people to flee': the object of a causative verb takes the condition of its
    infinitive (the causative verb states it)."""
    if verb.lemma_.lower() not in lex.causative_verbs:
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in lex.intransitive_kind:
            return lex.intransitive_kind[child.lemma_.lower()], verb
    return None


def head_condition(root: Token, lex: Lexicon) -> Condition | None:
    """The condition a count gets from its syntactic role (subject, object) under its head."""
    head = root.head
    if root.dep_ in {"nsubj", "nsubjpass"}:
        return _subject_condition(root, lex) or _reflexive_condition(root, lex)
    if root.dep_ == "pobj" and head.lower_ == "of":
        return _nominal_of(head, lex)
    if root.dep_ in {"dobj", "obj"}:
        if head.lemma_.lower() in lex.report_verbs or head.lemma_.lower() == "leave":
            for child in head.children:
                if child.dep_ in {"oprd", "xcomp", "acomp", "ccomp"} and _state_kind(child, lex):
                    return _state_kind(child, lex), child
        return _verb_kind(head, lex) or _caused_condition(head, lex)
    return None


def _agent_clause(verb: Token, lex: Lexicon) -> bool:
    """An active relative clause of an agentive verb with an object: its noun is the perpetrator."""
    return verb.lemma_.lower() in lex.verb_kind and any(c.dep_ == "nsubj" for c in verb.children) and _has_object(verb)


def own_condition(root: Token, lex: Lexicon) -> Condition | None:
    """A condition word attached to the counted noun itself ("civilians killed", "four injured")."""
    for child in root.children:
        if child.i > root.i and child.dep_ in {"amod", "acl", "oprd", "relcl", "appos", "advcl"}:
            if child.dep_ == "relcl" and _agent_clause(child, lex):
                continue  # "the man who killed Beedle" is the killer
            kind = _state_kind(child, lex)
            if kind is None and child.tag_ == "VBN":
                kind = lex.verb_kind.get(child.lemma_.lower())
            if kind:
                return kind, child
    return None


def adjacent_condition(doc: Doc, end: int, lex: Lexicon) -> Condition | None:
    """A condition word right after the count, across auxiliaries ("18 were wounded")."""
    sent_end = doc[end - 1].sent.end
    k = end
    while k < sent_end and k - end < 5 and doc[k].lower_ in lex.bridge_words:
        kind = _state_kind(doc[k], lex) if doc[k].lower_ not in {"reported", "confirmed"} else None
        if kind:
            return kind, doc[k]
        k += 1
    if k < sent_end:
        tok = doc[k]
        kind = _state_kind(tok, lex) if not (tok.tag_ == "VBD" and _has_object(tok)) else None
        if kind is None and tok.tag_ in {"VBN", "VBD"}:
            kind = lex.intransitive_kind.get(tok.lemma_.lower())
            if kind is None and (tok.tag_ == "VBN" or not _has_object(tok)):
                kind = lex.verb_kind.get(tok.lemma_.lower())
        if kind:
            return kind, tok
    return None


def _preceding_verb(doc: Doc, start: int, lex: Lexicon) -> Condition | None:
    """An agentive verb right before the count ("killing 20", "arrested 12")."""
    if start == 0:
        return None
    prev = doc[start - 1]
    lemma = verb_lemma(prev, lex)
    if prev.tag_.startswith("VB") and lemma in lex.verb_kind:
        return lex.verb_kind[lemma], prev
    return None


def conj_top(tok: Token) -> Token:
    """The first conjunct of a noun coordination ("soldiers" in "two soldiers and three civilians")."""
    while tok.dep_ == "conj" and tok.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON", "ADJ"} and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _bare_participle(verb: Token) -> bool:
    """'4 injured in the north and 2 killed': a participle with no auxiliary is telegraphic, and
    a count's own condition word comes first there."""
    return verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def role_condition(root: Token, lex: Lexicon) -> Condition | None:
    """Subjects take their verb's condition first ("a woman injured in the raid later died")."""
    subjects = [c for c in root.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if root.dep_ in {"nsubj", "nsubjpass"} and len(subjects) == 1 and not _bare_participle(root.head):
        return head_condition(root, lex) or own_condition(root, lex)
    return own_condition(root, lex) or head_condition(root, lex)


def _elliptical_condition(root: Token, lex: Lexicon) -> Condition | None:
    """'killed 3 people on Monday and another 4 on Tuesday': a bare figure coordinated with the verb."""
    if root.dep_ != "conj" or not root.like_num or root.head.pos_ != "VERB":
        return None
    return _verb_kind(root.head, lex)


def condition_of(doc: Doc, root: Token, start: int, end: int, lex: Lexicon) -> Condition | None:
    """The condition of the people counted by the phrase doc[start:end] whose syntactic root is `root`."""
    if root.dep_ == "pobj" and root.head.lower_ in SUBSET_PREPOSITIONS:
        return None
    found = role_condition(root, lex) or adjacent_condition(doc, end, lex) or _elliptical_condition(root, lex)
    if found is None and root.dep_ == "conj":
        top = conj_top(root)
        if top.i != root.i:
            found = role_condition(top, lex)
    return found or _preceding_verb(doc, start, lex) or _reflexive_antecedent(root, lex)
