"""What is not a count of one event's people: dates, units, ages, money, cumulative tolls, negated or modal clauses."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from eventwire.extract.quantities.lexicon import Lexicon, count_words
from eventwire.extract.quantities.numbers import NumberMention
from eventwire.nlp.modals import modal_words
from eventwire.nlp.tree import passive_agents, verb_above

NOT_A_COUNT_ENTS = {"MONEY", "PERCENT", "TIME", "ORDINAL"}
CONTEXT_PREPOSITIONS = count_words().words("context_prepositions")
OPEN_QUESTION_MARKS = {"whether", "if"}
NOT_ASSERTED_AUX = modal_words("modal", "could", "can", "will")  # "could kill", "will kill"
ADJUNCT_DEPS = {"advmod", "npadvmod", "prep", "advcl", "obl", "nmod", "pcomp"}
YEAR = re.compile(r"^(1[89]|20)\d\d$")


def _clause_verb(tok: Token) -> Token:
    """The verb the count's condition word hangs from (the root when there is none)."""
    return verb_above(tok, include_self=True, steps=None)


def _subjects(verb: Token) -> list[Token]:
    """The subjects of a verb, or of the verb it is coordinated with ("has displaced ... and killed")."""
    while True:
        found = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        found += passive_agents(verb)
        if found or verb.dep_ != "conj":
            return found
        verb = verb.head


def has_cumulative_adjunct(verb: Token, lex: Lexicon) -> bool:
    """'since 2011', 'since the fighting began', 'so far this year' modifying the verb itself."""
    for child in verb.children:
        if child.dep_ not in ADJUNCT_DEPS:
            continue
        words = [t.lower_ for t in child.subtree]
        if "since" in words[:2] and not _is_recent(child, lex):
            return True
        if child.dep_ == "advcl":
            continue  # only "since ..." clauses; "bringing the toll this year to 150" is not this count
        text = " " + " ".join(words) + " "
        phrases = (" " + " ".join(p) + " " for p in lex.cumulative_adverbs if p != ("since",))
        if any(p in text for p in phrases) and not _is_recent(child, lex):  # "over the past week": one event
            return True
    return False


def in_cumulative_context(node: Token, lex: Lexicon) -> bool:
    """'killed in the war', 'the toll of the conflict': a figure for a whole war, not one event."""
    for prep in node.children:
        if prep.dep_ != "prep" or prep.lower_ not in CONTEXT_PREPOSITIONS:
            continue
        if any(c.dep_ == "pobj" and c.lemma_.lower() in lex.cumulative_contexts for c in prep.children):
            return True
    return False


def is_cumulative(cond: Token, lex: Lexicon) -> bool:
    """A toll over a long period or of a war, not of one event."""
    verb = _clause_verb(cond)
    if any(s.lemma_.lower() in lex.cumulative_subjects for s in _subjects(verb)):
        return True
    if in_cumulative_context(verb, lex) or in_cumulative_context(cond, lex):
        return True
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in lex.cumulative_subjects:
        return True
    return has_cumulative_adjunct(verb, lex)


def _is_recent(since: Token, lex: Lexicon) -> bool:
    """'since Monday', 'since last night': a short span, not a cumulative toll."""
    return any(t.lower_ in lex.recent_words for t in since.subtree)


def not_asserted(cond: Token) -> bool:
    """Negated, modal, infinitive or open question ("no one was killed", "could kill", "attempts to
    kill", "whether a herder was killed is unconfirmed")."""
    verb = _clause_verb(cond)
    return any(
        c.dep_ == "neg"
        or (c.dep_ == "aux" and (c.lower_ in NOT_ASSERTED_AUX or c.tag_ == "TO"))
        or (c.dep_ == "mark" and c.lower_ in OPEN_QUESTION_MARKS)
        for c in verb.children
    )


def is_date_or_unit(doc: Doc, number: NumberMention, lex: Lexicon) -> bool:
    """Years, dates, ages, money, percentages and '12-day' compounds."""
    first, last = doc[number.core_start], doc[number.end - 1]
    if last.ent_type_ in NOT_A_COUNT_ENTS or first.ent_type_ in NOT_A_COUNT_ENTS:
        return True
    if number.is_exact and YEAR.match(last.text):
        return True
    before = doc[number.start - 1] if number.start > 0 else None
    after = doc[number.end] if number.end < len(doc) else None
    if before is not None and (
        before.lower_ in lex.months or before.lower_ in {"aged", "age", "ages", "no", "$", "€", "£"}
    ):
        return True
    if after is not None and after.lower_ == "another" and doc[number.end - 1].lower_ == "one":
        return True  # "killing one another"
    if before is not None and before.lower_ in {"/", "-", "–"} and number.start > 1 and doc[number.start - 2].like_num:
        return True
    if after is not None:
        if after.lower_ in lex.months or after.lower_ in {"%", "percent", "/", ":", "per", "th"}:
            return True
        if after.lower_ in {"-", "–"} and number.end + 1 < len(doc) and doc[number.end + 1].is_alpha:
            return True
    return False


def in_earlier_year(cond: Token, year: int | None) -> bool:
    """'killed in 2014' in a 2016 report: an earlier event, recalled as background."""
    if year is None:
        return False
    verb = _clause_verb(cond)
    for node in (verb, cond, *_subjects(verb)):  # "an attack in 2014 killed 20"
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "during", "on"}:
                years = [int(t.text) for t in prep.subtree if YEAR.match(t.text)]
                if years and max(years) < year:
                    return True
    return False
