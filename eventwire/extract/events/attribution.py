"""Pass: who the text says the event comes from: 'X said', 'according to X', 'reportedly'."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.events.arguments import PartyFinder
from eventwire.extract.events.candidate import Sentence
from eventwire.extract.events.lexicon import Lexicon
from eventwire.extract.events.triggers import Trigger
from eventwire.model import Attribution, Party
from eventwire.nlp.tree import lemma_of

MAX_SOURCE_TOKENS = 8
DROPPED_DEPS = {"relcl", "appos", "acl", "prep", "punct"}


@dataclass
class Telling:
    attribution: Attribution | None
    hearsay: bool  # 'reportedly', 'allegedly': lowers confidence


def source_span(subject: Token) -> SpacySpan:
    """The subject's phrase without relative clauses, appositions or prepositional tails."""
    excluded = {t.i for child in subject.children if child.dep_ in DROPPED_DEPS for t in child.subtree}
    keep = [t.i for t in subject.subtree if t.i not in excluded] or [subject.i]
    start, end = min(keep), max(keep) + 1
    if end - start > MAX_SOURCE_TOKENS:
        start, end = max(start, subject.i - MAX_SOURCE_TOKENS + 1), subject.i + 1
    return subject.doc[start:end]


def attribution_from(subject: Token, finder: PartyFinder) -> Attribution:
    span = source_span(subject)
    actor, _ = finder.resolve(subject)
    return Attribution(text=span.text, start=span.start_char, end=span.end_char, actor=actor)


def speech_source(trigger: Trigger, lexicon: Lexicon) -> Token | None:
    """The subject of the speech verb the trigger's clause is reported under."""
    speech = lexicon.cue_set("speech_verbs")
    node, outermost = trigger.token, None
    for _ in range(8):
        if node.head == node:
            break
        node = node.head
        if node.pos_ == "VERB" and lemma_of(node) in speech:
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                outermost = subjects[0]  # "The presidency said Macron reaffirmed...": the teller is outermost
    if outermost is not None:
        return outermost
    # "X attacked Y, officials said": the speech verb is the root and governs the trigger's clause
    root = trigger.token.sent.root
    if lemma_of(root) in speech and root != trigger.token and trigger.token in root.subtree:
        subjects = [c for c in root.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
    return None


def according_to(sentence: SpacySpan) -> Token | None:
    for token in sentence:
        if lemma_of(token) == "accord" and token.i + 1 < sentence.end and token.nbor().lower_ == "to":
            pobjs = [c for c in token.nbor().children if c.dep_ == "pobj"]
            if pobjs:
                return pobjs[0]
    return None


def hearsay_word(trigger: Trigger, lexicon: Lexicon) -> Token | None:
    words = lexicon.cue_set("hearsay_advs")
    for token in trigger.token.sent:
        if token.lower_ in words:
            return token
    return None


def find_attribution(
    trigger: Trigger, actor: Party | None, actor_from_parse: bool, finder: PartyFinder, lexicon: Lexicon
) -> Telling:
    hearsay = hearsay_word(trigger, lexicon)
    source = speech_source(trigger, lexicon) or according_to(trigger.token.sent)
    if source is not None:
        return Telling(attribution_from(source, finder), hearsay is not None)
    if hearsay is not None:
        return Telling(Attribution(text=hearsay.text, start=hearsay.idx, end=hearsay.idx + len(hearsay.text)), True)
    verbal = not trigger.nominal and trigger.type in lexicon.cue_set("verbal_types")
    sentence = trigger.token.sent
    in_sentence = actor is not None and sentence.start_char <= actor.start < sentence.end_char
    if verbal and in_sentence and actor_from_parse:
        return Telling(Attribution(text=actor.text, start=actor.start, end=actor.end, actor=actor), False)
    return Telling(None, False)


def find_attributions(sentence: Sentence) -> None:
    """Pass: each candidate's teller; hearsay ('reportedly') lowers its confidence."""
    state = sentence.state
    for candidate in sentence.live():
        telling = find_attribution(
            candidate.trigger, candidate.actor, candidate.actor_from_parse, state.finder, state.lexicon
        )
        candidate.attribution, candidate.hearsay = telling.attribution, telling.hearsay
        if telling.hearsay:
            candidate.confidence -= 0.15
