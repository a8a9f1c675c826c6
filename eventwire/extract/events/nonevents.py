"""Pass: words that look like acts but report none: figurative and generic uses ("a scathing attack
on the government", "the fight against corruption", "a trade war"), documents released, "declined
to comment" and "did not respond to a request for comment", "lost contact", statements that no one
was hurt, and deaths from accidents, disease or natural disasters. Such candidates are dropped
with the reason; a question ("Will they attack?") keeps its events as hypothetical.

The word lists live in cues.yaml (figurative_mods, figurative_targets, figurative_phrases,
document_nouns, no_comment_words, lost_contact_verbs, non_violent_causes, non_violent_agents).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.events.candidate import Candidate, Sentence
from eventwire.extract.events.lexicon import Lexicon
from eventwire.extract.events.triggers import clause_head
from eventwire.nlp.tree import lemma_of

FIGURATIVE_TYPES = {"ASSAULT", "THREATEN", "COERCE"}
VERBAL_TYPES = {"REQUEST", "REJECT", "CONSULT", "AGREE", "ACCUSE"}


def arguments(token: Token) -> list[Token]:
    """The trigger's objects, subject, compounds and the objects of its prepositions."""
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "compound", "amod", "poss")]
    for prep in token.children:
        if prep.dep_ == "prep":
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def figurative(candidate: Candidate, lexicon: Lexicon, text: str) -> bool:
    if candidate.type not in FIGURATIVE_TYPES and candidate.trigger.type not in FIGURATIVE_TYPES:
        return False
    token = candidate.trigger.token
    lemmas = {lemma_of(c) for c in token.children if c.dep_ in ("amod", "compound", "advmod")}
    if lemmas & lexicon.cue_set("figurative_mods"):
        return True
    if {lemma_of(t) for t in arguments(token)} & lexicon.cue_set("figurative_targets"):
        return True
    return any(phrase in text for phrase in lexicon.cue_set("figurative_phrases"))


def document_released(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'released a statement', 'a release by the ministry said', 'the release of the report'."""
    token = candidate.trigger.token
    if lemma_of(token) != "release":
        return False
    if {lemma_of(t) for t in arguments(token)} & lexicon.cue_set("document_nouns"):
        return True
    has_of = any(c.dep_ == "prep" and lemma_of(c) == "of" for c in token.children)
    return candidate.trigger.nominal and not has_of


def no_comment(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'declined to comment', 'did not respond to a request for comment', 'could not be reached'."""
    if candidate.trigger.type not in VERBAL_TYPES:
        return False
    token = candidate.trigger.token
    near = [*token.subtree, token.head, *token.head.children]
    lemmas = {lemma_of(t) for t in near if t != token}
    return "comment" in lemmas or bool(lemmas & lexicon.cue_set("no_comment_words") and comment_asked(token))


def comment_asked(token: Token) -> bool:
    """The sentence asks for comment ('did not respond to a request for comment')."""
    return any(lemma_of(t) == "comment" for t in token.sent)


def lost_contact(candidate: Candidate, lexicon: Lexicon) -> bool:
    token = candidate.trigger.token
    return candidate.trigger.nominal and lemma_of(token.head) in lexicon.cue_set("lost_contact_verbs")


def no_harm(candidate: Candidate) -> bool:
    """'no one was injured', 'nobody killed': a negated outcome word states that nothing happened."""
    return candidate.status == "negated" and candidate.trigger.sense.consequence


def not_political(candidate: Candidate, lexicon: Lexicon, lemmas: set[str], text: str) -> bool:
    """Deaths and injuries from an accident, a disease or a disaster ('killed in a road crash',
    'the earthquake struck'), unless a weapon or an attack is named too."""
    if (candidate.type or candidate.trigger.type) != "ASSAULT":
        return False
    if lemmas & lexicon.cue_set("violent_cues"):
        return False
    token = candidate.trigger.token
    agents = lexicon.cue_set("non_violent_agents") | lexicon.cue_set("non_violent_causes")
    if {lemma_of(t) for t in arguments(token)} & agents:
        return True
    causes = lexicon.cue_set("non_violent_causes")
    named_cause = bool(lemmas & causes) or any(" " in cause and cause in text for cause in causes)
    return named_cause and candidate.trigger.sense.consequence


def is_question(candidate: Candidate) -> bool:
    head = clause_head(candidate.trigger)
    sentence = candidate.sentence
    return sentence.text.rstrip().rstrip("\"'”’ ").endswith("?") and head.sent == sentence


def drop_non_events(sentence: Sentence) -> None:
    lexicon = sentence.state.lexicon
    text = " " + sentence.span.text.lower() + " "
    lemmas = {lemma_of(t) for t in sentence.span} | {t.lower_ for t in sentence.span}
    for candidate in sentence.live():
        if figurative(candidate, lexicon, text):
            candidate.dropped = "figurative"
        elif document_released(candidate, lexicon):
            candidate.dropped = "document released"
        elif no_comment(candidate, lexicon):
            candidate.dropped = "no comment"
        elif lost_contact(candidate, lexicon):
            candidate.dropped = "lost contact"
        elif no_harm(candidate):
            candidate.dropped = "no one hurt"
        elif not_political(candidate, lexicon, lemmas, text):
            candidate.dropped = "accident or disaster"
        elif is_question(candidate) and candidate.status != "negated":
            candidate.status = "hypothetical"
