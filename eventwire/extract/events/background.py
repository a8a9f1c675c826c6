"""Pass: drop events told as background.

Events in relative clauses and participial modifiers ('the town where 28 were killed', 'the
curfew imposed after the coup'), after temporal words ('after days of fighting') unless dated
('after the invasion in February 2022'), and inside after/because/if... clauses are not the news.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.events.candidate import Sentence
from eventwire.extract.events.lexicon import Lexicon, cue_words
from eventwire.extract.events.status import dates_near
from eventwire.extract.events.triggers import Trigger
from eventwire.nlp.tree import lemma_of

BACKGROUND_PREPS = cue_words().words("background_preps")
BACKGROUND_MARKS = cue_words().words("background_marks")


def drop_background(sentence: Sentence) -> None:
    for candidate in sentence.live():
        if is_background(candidate.trigger, sentence.state.lexicon):
            candidate.dropped = "background"


def is_background(trigger: Trigger, lexicon: Lexicon) -> bool:
    statements = lexicon.cue_set("statement_nouns")
    child, node = trigger.token, trigger.token
    for _ in range(12):
        if node.dep_ == "relcl" and not any(lemma_of(c) == "when" for c in node.children):
            return not undergone_in_relative(node, trigger)
        if (
            node.dep_ == "acl"
            and node.tag_ in ("VBN", "VBG")
            and lemma_of(node.head) not in statements
            and not (node == trigger.token and trigger.sense.type == "PROTEST" and misparsed_main_verb(node))
        ):
            return True
        if node.dep_ == "prep" and lemma_of(node) in BACKGROUND_PREPS and child.dep_ in ("pobj", "pcomp"):
            return not dates_near(trigger)
        marks = {m.lower_ for m in node.children if m.dep_ == "mark"}
        if node.dep_ == "advcl" and marks & BACKGROUND_MARKS:
            return True
        if node.head == node:
            return False
        child, node = node, node.head
    return False


def undergone_in_relative(verb: Token, trigger: Trigger) -> bool:
    """'five individuals who were detained': a passive relative clause on the people who underwent
    the act reports it (the clause's verb is the trigger, its subject the relative pronoun)."""
    return verb == trigger.token and any(c.dep_ == "nsubjpass" and c.lower_ in ("who", "that") for c in verb.children)


def misparsed_main_verb(verb: Token) -> bool:
    """'Tens of women protested outside parliament.': the parser hangs the only verb of the sentence
    on its subject noun as a participle. Checked for protest verbs only, which have no passive
    reading ('Soldiers killed in ambush' stays a participle)."""
    head = verb.head
    return head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("VBN", "VBD")
