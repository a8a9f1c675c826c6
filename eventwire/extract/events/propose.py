"""Pass: propose candidates: every trigger the lexicon finds in the sentence.

A trigger that only names the content of another event ("calling for a ceasefire") or repeats
it ("met to discuss") is kept, dropped as 'content': its governor reads it. A learned proposer
would be another pass like this one, adding its own candidates.
"""

from __future__ import annotations

from eventwire.extract.events.candidate import Candidate, Sentence
from eventwire.extract.events.triggers import find_triggers


def propose_triggers(sentence: Sentence) -> None:
    for trigger in find_triggers(sentence.span, sentence.state.lexicon):
        dropped = "content" if trigger.content_of is not None else None
        sentence.candidates.append(Candidate(trigger, sentence.span, proposed_by="lexicon", dropped=dropped))
