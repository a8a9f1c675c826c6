"""Pass: a party that does not agree, meet or concede refuses ("failed to reach agreement",
"will not accept"): a negated cooperative act with a known actor is an asserted REJECT."""

from __future__ import annotations

from eventwire.extract.events.candidate import Candidate, Sentence

# Cooperative categories whose negation by the acting party is a refusal (CAMEO 12).
REFUSABLE = {"AGREE", "CONSULT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "SUPPORT"}


def refuses(candidate: Candidate) -> bool:
    return candidate.status == "negated" and candidate.type in REFUSABLE and candidate.actor_known_in_parse


def decide_refusal(sentence: Sentence) -> None:
    for candidate in sentence.live():
        if refuses(candidate):
            candidate.type, candidate.mode, candidate.status = "REJECT", None, "asserted"
