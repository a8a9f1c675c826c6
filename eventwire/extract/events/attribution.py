"""Pass: who the text says the event comes from: 'X said', 'according to X', 'reportedly'."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.extract.attribution import according_to, subject_of, teller_above, teller_phrase
from eventwire.extract.events.arguments import PartyFinder, known
from eventwire.extract.events.candidate import Candidate, Sentence
from eventwire.extract.events.lexicon import Lexicon
from eventwire.extract.events.triggers import Trigger
from eventwire.model import Attribution, Party
from eventwire.nlp.tree import lemma_of


@dataclass
class Telling:
    attribution: Attribution | None
    hearsay: bool  # 'reportedly', 'allegedly': lowers confidence


def attribution_from(subject: Token, finder: PartyFinder) -> Attribution:
    span = teller_phrase(subject, trimmed=True)
    actor, _ = finder.resolve(subject)
    return Attribution(text=span.text, start=span.start_char, end=span.end_char, actor=actor)


def speech_source(trigger: Trigger, lexicon: Lexicon) -> Token | None:
    """The subject of the speech verb the trigger's clause is reported under."""
    speech = lexicon.cue_set("speech_verbs")

    def speaker(verb: Token) -> Token | None:
        if verb.pos_ == "VERB" and lemma_of(verb) in speech:
            return subject_of(verb, ("nsubj", "nsubjpass"))
        return None

    # "The presidency said Macron reaffirmed...": the teller is outermost
    outermost = teller_above(trigger.token, speaker, outermost=True, steps=8)
    if outermost is not None:
        return outermost
    # "X attacked Y, officials said": the speech verb is the root and governs the trigger's clause
    root = trigger.token.sent.root
    if lemma_of(root) in speech and root != trigger.token and trigger.token in root.subtree:
        return subject_of(root)
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
    source = speech_source(trigger, lexicon) or according_to(trigger.token.sent, by_lemma=True)
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


def authority_telling_own_act(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'Another man has been arrested, police said', 'police say he was charged': an arrest or a charge
    told in the passive with no agent is the teller's own act when the teller is the police or a court."""
    teller = candidate.attribution.actor if candidate.attribution is not None else None
    if known(candidate.actor) or teller is None or teller.sector not in lexicon.cue_set("authority_sectors"):
        return False
    if candidate.mode not in lexicon.cue_set("authority_modes"):
        return False
    words = {word.lower() for word in teller.text.split()}
    if words & lexicon.cue_set("spokesperson_nouns"):
        return False  # 'a police spokesman': he tells the arrest, his force made it
    return agentless_passive(candidate.trigger.token, candidate.trigger.nominal)


def agentless_passive(token: Token, nominal: bool) -> bool:
    """'he was charged', or for a noun, the subject of a passive with no agent ('an investigation has been
    opened, the prosecutor said': session 10, slice spk)."""
    if nominal:
        if token.dep_ != "nsubjpass":
            return False
        token = token.head
    children = {child.dep_ for child in token.children}
    return "agent" not in children and bool(children & {"nsubjpass", "auxpass"})


def find_attributions(sentence: Sentence) -> None:
    """Pass: each candidate's teller; hearsay ('reportedly') lowers its confidence."""
    state = sentence.state
    for candidate in sentence.live():
        telling = find_attribution(
            candidate.trigger, candidate.actor, candidate.actor_from_parse, state.finder, state.lexicon
        )
        candidate.attribution, candidate.hearsay = telling.attribution, telling.hearsay
        if authority_telling_own_act(candidate, state.lexicon):
            candidate.actor = candidate.attribution.actor
        if telling.hearsay:
            candidate.confidence -= 0.15
