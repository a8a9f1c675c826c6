"""Counts of people in a condition: "three people dead", "dozens wounded", "arrested 12".

`find_counts(doc)` reads the one spaCy parse and returns `CountPhrase`s: a number (or an
implied one: "a soldier was killed") tied to a condition word by the dependency parse, or
by adjacency where the parse of telegraphic text fails ("12 killed and four injured").
Counts joined by "and" under one condition are summed with their parts kept; corrections
("the toll rose to 7") are flagged as revisions. Figures that count no people (distances,
durations, years, money, ages) and cumulative tolls ("the war has killed tens of
thousands", "... since 2011") never become counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.extract.quantities.lexicon import Lexicon, load_lexicon
from eventwire.extract.quantities.numbers import NumberMention, find_numbers

NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
NOT_A_COUNT_ENTS = {"MONEY", "PERCENT", "TIME", "ORDINAL"}
# Tokens that may sit between a count and the condition word after it ("18 were wounded").
BRIDGE_WORDS = {
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly", "reported", "confirmed",
    "also", "later", "all", "more", "others", "other", "people", "persons", "initially", "allegedly", "feared",
    "believed", "thought", "said", "to", "of", "them", "subsequently", "eventually", "seriously", "critically",
    "slightly", "badly", "fatally", "severely", "mortally", "were", "got",
}
HYPOTHETICAL_AUX = {"could", "would", "might", "may", "will", "can", "should", "must"}
SUBSET_PREPOSITIONS = {"including", "among", "excluding", "besides"}
PERSON_PRONOUNS = {"he", "she"}
PERSON_SUFFIXES = ("ist", "ian", "man", "woman", "eer")
YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass
class CountPhrase:
    """A count of people in a condition, as token indices into the parse."""

    kind: str
    start: int
    end: int
    root: int
    condition: int
    low: int | None
    best: int | None
    high: int | None
    revision: bool = False
    implicit: bool = False
    parts: list[CountPhrase] = field(default_factory=list)


# --- condition words ------------------------------------------------------------------------------------------


def _state_kind(tok: Token, lex: Lexicon) -> str | None:
    """Kind named by an adjective or participle ("dead", "injured", "missing")."""
    return lex.state_kind.get(tok.lower_)


def _has_child(tok: Token, deps: set[str], words: set[str] | frozenset[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps and (c.lower_ in words or c.lemma_ in words)), None)


def _verb_kind(verb: Token, lex: Lexicon, agentive_ok: bool = True) -> tuple[str, Token] | None:
    """Kind of condition a verb states about its patient, and the word that states it."""
    lemma = verb.lemma_.lower()
    for (head, rest), kind in lex.phrasal.items():
        if lemma == head and _has_child(verb, {"prt", "oprd", "acomp", "advmod", "xcomp", "dobj", "prep"}, {rest}):
            return kind, verb
    if lemma in lex.to_death:
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
            if child.dep_ in {"oprd", "xcomp", "acomp", "attr", "ccomp", "advmod"} and child.i > verb.i:
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


def _size_kind(subject: Token, verb: Token, lex: Lexicon) -> tuple[str, Token] | None:
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


def _head_condition(root: Token, lex: Lexicon) -> tuple[str, Token] | None:
    """The condition a count gets from its syntactic role (subject, object) under its head."""
    head = root.head
    if root.dep_ == "nsubjpass":
        return _verb_kind(head, lex)
    if root.dep_ == "nsubj":
        agentive_ok = not _has_object(head)
        return _verb_kind(head, lex, agentive_ok=agentive_ok) or _size_kind(root, head, lex)
    if root.dep_ in {"dobj", "obj"}:
        if head.lemma_.lower() in lex.report_verbs or head.lemma_.lower() == "leave":
            for child in head.children:
                if child.dep_ in {"oprd", "xcomp", "acomp", "ccomp"} and _state_kind(child, lex):
                    return _state_kind(child, lex), child
        return _verb_kind(head, lex)
    return None


def _own_condition(root: Token, lex: Lexicon) -> tuple[str, Token] | None:
    """A condition word attached to the counted noun itself ("civilians killed", "four injured")."""
    for child in root.children:
        if child.i > root.i and child.dep_ in {"amod", "acl", "oprd", "relcl", "appos", "advcl"}:
            kind = _state_kind(child, lex)
            if kind is None and child.tag_ == "VBN":
                kind = lex.verb_kind.get(child.lemma_.lower())
            if kind:
                return kind, child
    return None


def _adjacent_condition(doc: Doc, end: int, lex: Lexicon) -> tuple[str, Token] | None:
    """A condition word right after the count, across auxiliaries ("18 were wounded")."""
    sent_end = doc[end - 1].sent.end
    k = end
    while k < sent_end and k - end < 5 and doc[k].lower_ in BRIDGE_WORDS:
        kind = _state_kind(doc[k], lex) if doc[k].lower_ not in {"reported", "confirmed"} else None
        if kind:
            return kind, doc[k]
        k += 1
    if k < sent_end:
        tok = doc[k]
        kind = _state_kind(tok, lex)
        if kind is None and tok.tag_ in {"VBN", "VBD"}:
            kind = lex.verb_kind.get(tok.lemma_.lower()) or lex.intransitive_kind.get(tok.lemma_.lower())
        if kind:
            return kind, tok
    return None


def _preceding_verb(doc: Doc, start: int, lex: Lexicon) -> tuple[str, Token] | None:
    """An agentive verb right before the count ("killing 20", "arrested 12")."""
    if start == 0:
        return None
    prev = doc[start - 1]
    if prev.tag_.startswith("VB") and prev.lemma_.lower() in lex.verb_kind:
        return lex.verb_kind[prev.lemma_.lower()], prev
    return None


def _conj_top(tok: Token) -> Token:
    """The first conjunct of a noun coordination ("soldiers" in "two soldiers and three civilians")."""
    while tok.dep_ == "conj" and tok.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON", "ADJ"} and tok.head.i < tok.i:
        tok = tok.head
    return tok


def condition_of(doc: Doc, root: Token, start: int, end: int, lex: Lexicon) -> tuple[str, Token] | None:
    """The condition of the people counted by the phrase doc[start:end] whose syntactic root is `root`."""
    if root.dep_ == "pobj" and root.head.lower_ in SUBSET_PREPOSITIONS:
        return None
    found = _own_condition(root, lex) or _head_condition(root, lex)
    if found is None and root.dep_ == "conj":
        top = _conj_top(root)
        if top.i != root.i:
            found = _own_condition(top, lex) or _head_condition(top, lex)
    return found or _adjacent_condition(doc, end, lex) or _preceding_verb(doc, start, lex)


# --- what is not a count of people ----------------------------------------------------------------------------


def _clause_verb(tok: Token) -> Token:
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def is_cumulative(cond: Token, lex: Lexicon) -> bool:
    """A toll over a long period or of a war, not of one event."""
    verb = _clause_verb(cond)
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "agent"}:
            subject = child if child.dep_ != "agent" else next(iter(child.children), child)
            if subject.lemma_.lower() in lex.cumulative_subjects:
                return True
        if child.lower_ == "since":
            return True
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in lex.cumulative_subjects:
        return True
    words = [t.lower_ for t in verb.subtree]
    text = " " + " ".join(words) + " "
    return any(" " + " ".join(phrase) + " " in text for phrase in lex.cumulative_adverbs if phrase != ("since",))


def _not_asserted(cond: Token) -> bool:
    verb = _clause_verb(cond)
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX) for c in verb.children)


def _is_date_or_unit(doc: Doc, number: NumberMention, lex: Lexicon) -> bool:
    """Years, dates, ages, money, percentages and '12-day' compounds."""
    first, last = doc[number.core_start], doc[number.end - 1]
    if last.ent_type_ in NOT_A_COUNT_ENTS or first.ent_type_ in NOT_A_COUNT_ENTS:
        return True
    if number.is_exact and YEAR.match(last.text):
        return True
    before = doc[number.start - 1] if number.start > 0 else None
    after = doc[number.end] if number.end < len(doc) else None
    if before is not None and (before.lower_ in lex.months or before.lower_ in {"aged", "age", "ages", "no", "$", "€", "£"}):
        return True
    if before is not None and before.lower_ in {"/", "-", "–"} and number.start > 1 and doc[number.start - 2].like_num:
        return True
    if after is not None:
        if after.lower_ in lex.months or after.lower_ in {"%", "percent", "/", ":", "per", "th"}:
            return True
        if after.lower_ in {"-", "–"} and number.end + 1 < len(doc) and doc[number.end + 1].is_alpha:
            return True
    return False


def _counted_noun(doc: Doc, number: NumberMention) -> Token | None:
    """The noun a number counts ("people" in "three people", "refugees" in "scores of refugees")."""
    last = doc[number.end - 1]
    if number.end < len(doc) and doc[number.end].lower_ == "of":
        of = doc[number.end]
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj
    head = last.head
    if last.dep_ in {"nummod", "quantmod", "amod", "compound", "nmod"} and head.i >= number.end and head.i - number.end < 5:
        if head.tag_ in NOUN_TAGS or head.pos_ in {"NOUN", "PROPN", "PRON"} or head.lower_ in {"dead"}:
            return head
    return None


def _group_noun(root: Token, lex: Lexicon) -> Token:
    """'a crowd of 500': the crowd carries the role in the clause."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in lex.group_nouns:
        return root.head.head
    return root


def _is_person_noun(noun: Token, lex: Lexicon) -> bool:
    """Whether a plural or group noun can count people (rejects units, time, money, objects)."""
    lemma = noun.lemma_.lower()
    if lemma in lex.non_person or noun.lower_ in lex.non_person:
        return False
    return noun.ent_type_ not in {"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "GPE", "LOC", "FAC"}


# --- counts -----------------------------------------------------------------------------------------------------


def _phrase_span(start: int, end: int, cond: Token) -> tuple[int, int]:
    if end <= cond.i < end + 3:
        return start, cond.i + 1
    if start - 3 <= cond.i < start:
        return cond.i, end
    return start, end


def _number_phrase(doc: Doc, number: NumberMention, lex: Lexicon) -> CountPhrase | None:
    if _is_date_or_unit(doc, number, lex):
        return None
    noun = _counted_noun(doc, number)
    if noun is not None and not _is_person_noun(noun, lex):
        return None
    end = max(number.end, noun.i + 1) if noun is not None else number.end
    root = _group_noun(doc[number.start : end].root, lex)
    found = condition_of(doc, root, number.start, end, lex)
    if found is None and noun is not None:
        lemma = noun.lemma_.lower()
        if lemma in lex.noun_kind:
            found = lex.noun_kind[lemma], noun
        elif lemma in lex.protester_nouns:
            found = "size", noun
        elif noun.lower_ == "dead":
            found = "dead", noun
    if found is None:
        return None
    kind, cond = found
    if is_cumulative(cond, lex) or _not_asserted(cond):
        return None
    start, stop = _phrase_span(number.start, end, cond)
    return CountPhrase(kind, start, stop, root.i, cond.i, number.low, number.best, number.high)


def _is_single_person(tok: Token, lex: Lexicon) -> bool:
    lemma = tok.lemma_.lower()
    if tok.lower_ in PERSON_PRONOUNS:
        return True
    if tok.tag_ not in {"NN", "NNP"} or lemma in lex.collective_nouns or lemma in lex.non_person:
        return False
    if tok.ent_type_ == "PERSON":
        return tok.dep_ != "compound"
    if tok.tag_ == "NNP":
        return False
    return lemma in lex.person_nouns or lemma.endswith(PERSON_SUFFIXES)


def _implicit_phrase(doc: Doc, tok: Token, lex: Lexicon) -> CountPhrase | None:
    """'a soldier was killed', 'killed the driver', 'he died': a count of one."""
    if tok.dep_ in {"compound", "poss", "pobj"} or any(c.dep_ in {"nummod", "quantmod"} for c in tok.children):
        return None
    if not _is_single_person(tok, lex):
        return None
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if det is not None and det.lower_ not in {"a", "an", "another", "the", "this", "that"}:
        return None
    found = _own_condition(tok, lex) or _head_condition(tok, lex)
    if found is None and tok.dep_ == "conj":
        top = _conj_top(tok)
        found = _own_condition(top, lex) or _head_condition(top, lex) if top.i != tok.i else None
    if found is None:
        found = _adjacent_condition(doc, tok.i + 1, lex)
    if found is None or found[0] == "size":
        return None
    kind, cond = found
    if is_cumulative(cond, lex) or _not_asserted(cond):
        return None
    start = min(tok.left_edge.i, tok.i)
    start, stop = _phrase_span(start, tok.i + 1, cond)
    return CountPhrase(kind, start, stop, tok.i, cond.i, 1, 1, 1, implicit=True)


def _revision_phrase(doc: Doc, number: NumberMention, previous: list[CountPhrase], lex: Lexicon) -> CountPhrase | None:
    """'the death toll rose to 7', 'the number was raised to sixteen', 'a toll of 12'."""
    root = doc[number.start : number.end].root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in {"to", "at", "of"}:
        return None
    verb = prep.head
    if prep.lower_ == "of":
        subject, revision = verb, False
    else:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        revision = verb.lemma_.lower() in lex.revision_verbs
        if subject is None or not (revision or verb.lemma_.lower() == "stand"):
            return None
    if subject.lemma_.lower() not in lex.toll_nouns:
        return None
    kind = _toll_kind(subject, previous, lex)
    if kind is None:
        return None
    start = min(subject.left_edge.i, number.start)
    return CountPhrase(
        kind, start, number.end, root.i, subject.i, number.low, number.best, number.high, revision=revision
    )


def _toll_kind(subject: Token, previous: list[CountPhrase], lex: Lexicon) -> str | None:
    for tok in subject.subtree:
        lemma = tok.lemma_.lower()
        if tok.lower_ in lex.state_kind:
            return lex.state_kind[tok.lower_]
        if lemma in {"death", "fatality", "dead"}:
            return "dead"
        if lemma in {"injury", "casualty"} and lemma == "injury":
            return "injured"
    if subject.lemma_.lower() == "toll":
        return "dead"
    return previous[-1].kind if previous else None


def _sum_groups(doc: Doc, phrases: list[CountPhrase]) -> list[CountPhrase]:
    """Merge counts coordinated under one condition ("two soldiers and three civilians were killed")."""
    groups: dict[tuple[int, str], list[CountPhrase]] = {}
    order: list[tuple[int, str]] = []
    for phrase in phrases:
        key = (_conj_top(doc[phrase.root]).i, phrase.kind) if not phrase.revision else (-phrase.root - 1, phrase.kind)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(phrase)
    merged = []
    for key in order:
        members = groups[key]
        merged.append(members[0] if len(members) == 1 else _sum(members))
    return sorted(merged, key=lambda p: p.start)


def _total(values: list[int | None]) -> int | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _sum(members: list[CountPhrase]) -> CountPhrase:
    first = members[0]
    return CountPhrase(
        first.kind,
        min(m.start for m in members),
        max(m.end for m in members),
        first.root,
        max(members, key=lambda m: m.end).condition,
        _total([m.low for m in members]),
        _total([m.best for m in members]),
        _total([m.high for m in members]),
        parts=members,
    )


def _propagate_in_conjunctions(doc: Doc, pending: list[NumberMention], found: list[CountPhrase], lex: Lexicon):
    """Counts with no condition of their own take it from a coordinated count ("4 police and 39 civilians killed")."""
    by_top = {_conj_top(doc[p.root]).i: p for p in found if not p.revision}
    for number in pending:
        if _is_date_or_unit(doc, number, lex):
            continue
        noun = _counted_noun(doc, number)
        if noun is not None and not _is_person_noun(noun, lex):
            continue
        end = max(number.end, noun.i + 1) if noun is not None else number.end
        root = doc[number.start : end].root
        partner = by_top.get(_conj_top(root).i)
        if partner is not None and partner.root != root.i:
            yield CountPhrase(
                partner.kind, number.start, end, root.i, partner.condition, number.low, number.best, number.high
            )


def find_counts(doc: Doc, lex: Lexicon | None = None) -> list[CountPhrase]:
    """Every count of people in a condition in the document, coordinated counts summed."""
    lex = lex or load_lexicon()
    phrases: list[CountPhrase] = []
    pending: list[NumberMention] = []
    covered: set[int] = set()
    for number in find_numbers(doc, lex):
        phrase = _revision_phrase(doc, number, phrases, lex) or _number_phrase(doc, number, lex)
        if phrase is None:
            pending.append(number)
            continue
        phrases.append(phrase)
        covered.update(range(phrase.start, phrase.end))
    phrases.extend(_propagate_in_conjunctions(doc, pending, phrases, lex))
    for phrase in phrases:
        covered.update(range(phrase.start, phrase.end))
        covered.add(phrase.root)
    for tok in doc:
        if tok.i in covered:
            continue
        implicit = _implicit_phrase(doc, tok, lex)
        if implicit is not None:
            phrases.append(implicit)
    return _sum_groups(doc, phrases)
