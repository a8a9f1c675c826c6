"""Pass: a party that does not agree, meet or concede refuses ("failed to reach agreement",
"will not accept"): a negated cooperative act with a known actor is an asserted REJECT when the
negation says the party would not do it. A meeting that did not take place ('has not visited')
stays a negated meeting unless a refusal verb or a negated modal says it was refused ('will not
meet', 'refused to meet')."""

from __future__ import annotations

from eventwire.extract.events.candidate import Candidate, Sentence
from eventwire.extract.events.lexicon import cue_words
from eventwire.extract.events.status import (
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    child_lemmas,
    governors,
    kept_from,
    negated_control,
    neither_nor,
)
from eventwire.extract.events.triggers import clause_head
from eventwire.nlp.modals import modal_words
from eventwire.nlp.tree import lemma_of

# Cooperative categories whose negation by the acting party is a refusal (CAMEO 12).
REFUSABLE = {"AGREE", "CONSULT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "SUPPORT"}
# Meeting: "has not visited", "nobody talks to him" state that no meeting took place; only a
# refusal verb or a negated modal ("will not meet") makes it a refusal. For the other categories
# the party's plain negation is one ("did not sign", "did not give in").
REFUSED_ONLY_WHEN_SAID = {"CONSULT"}
WILL_NOT = FUTURE_AUX | HYPOTHETICAL_AUX | modal_words("can")
REFUSAL_VERBS = cue_words().words("negation_governors")
NEGATION = cue_words().words("negation_words")


def refuses(candidate: Candidate) -> bool:
    if not (candidate.status == "negated" and candidate.type in REFUSABLE and candidate.actor_known_in_parse):
        return False
    if candidate.trigger.nominal and lemma_of(clause_head(candidate.trigger)) == "have":
        return False  # "he has no support here": a lack, not a refusal
    if negated_control(candidate.trigger, NEGATION) or kept_from(candidate.trigger):
        return False  # "were not able to", "without being required to surrender": not the party's refusal
    if neither_nor(candidate.trigger.token):
        return False  # "neither approves nor disapproves": judgement withheld, nothing refused
    return candidate.type not in REFUSED_ONLY_WHEN_SAID or will_not(candidate)


def will_not(candidate: Candidate) -> bool:
    """'will not meet', 'cannot accept', 'refused to withdraw', 'failed to reach a deal'."""
    trigger = candidate.trigger
    if child_lemmas(clause_head(trigger), ("aux",)) & WILL_NOT:
        return True
    return any(lemma_of(governor) in REFUSAL_VERBS for governor in governors(trigger)[:3])


def denies_blame(candidate: Candidate) -> bool:
    """'The Taliban said it was not responsible for the attack': a blame copula negated by the one who tells
    it denies the blame (a speaker who names nobody, or a negated blame with no teller, stays negated)."""
    return candidate.status == "negated" and candidate.trigger.sense.blame and candidate.actor is not None


def decide_refusal(sentence: Sentence) -> None:
    for candidate in sentence.live():
        if refuses(candidate) or denies_blame(candidate):
            candidate.type, candidate.mode, candidate.status = "REJECT", None, "asserted"
