"""Pass: propose an attack from deaths or injuries stated where no event was coded.

'2 soldiers killed in Wau.', 'Eight dead due to clan fighting': in a sentence with no event left,
a death or injury the quantities stage found is an attack of its own (the condition word is its
trigger, the people counted its recipient; the count is attached by the quantities stage). An act told only in
passing ('23 dead when herders clashed with farmers') leaves the deaths to be told as news.
Runs after the attribution pass, so it finds its own teller.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.events.argument_reader import ArgumentReader
from eventwire.extract.events.arguments import UNRESOLVED, subject_token
from eventwire.extract.events.attribution import find_attribution
from eventwire.extract.events.candidate import Candidate, Sentence
from eventwire.extract.events.lexicon import Lexicon, Sense
from eventwire.extract.events.nonevents import counted_over_years, names_non_violent_cause
from eventwire.extract.events.status import event_status
from eventwire.extract.events.triggers import DISTINCT_ACT_MODES, Trigger
from eventwire.nlp.tree import lemma_of


def propose_casualties(sentence: Sentence) -> None:
    conditions = {condition for condition, _, _ in sentence.state.casualties}
    told = [c for c in sentence.live() if c.background and c.trigger.token.i in conditions]
    attacks = [c for c in sentence.live() if c.type == "ASSAULT" and c.mode not in DISTINCT_ACT_MODES and c not in told]
    proposing = not any(not c.background for c in sentence.live())
    for candidate in told:
        if proposing or attacks or subject_token(candidate.trigger.token)[0] is None:
            # 'Two soldiers killed in Wau': the deaths themselves, proposed below; 'the bombings that killed 224': the
            # bombing's outcome; 'where 24 people were killed last March': a toll. Beside another act and no attack,
            # a killing told in passing with its doer ('protested against the killers who gunned down eight') stays
            # for the confidence model
            candidate.dropped = "a count"
    if not proposing:
        return  # beside another event, deaths are mostly its background ('after a raid in which 20 died')
    candidate = casualty_candidate(sentence)
    if candidate is not None:
        sentence.candidates.append(candidate)


def casualty_candidate(sentence: Sentence) -> Candidate | None:
    state, span = sentence.state, sentence.span
    finder, lexicon = state.finder, state.lexicon
    doc = span.doc
    for condition, root, best in state.casualties:
        if not span.start <= condition < span.end or best == 0:
            continue
        token = doc[condition]
        if told_of_an_event(token, lexicon) or non_violent(span, lexicon) or counted_over_years(token, lexicon):
            continue  # 'a shooting where 17 people died' is background; 'died in a crash' no attack; a toll since 2014
        reader = ArgumentReader(lexicon, finder)
        hands = reader.hands_agent(token)  # 'died at the hands of police'
        if hands is None and death_with_no_violence(token, span, lexicon):
            continue
        trigger = Trigger(token=token, sense=Sense(type="ASSAULT", consequence=True), pos=token.pos_)
        status = event_status(trigger, lexicon, state.published_at)
        if status in ("negated", "hypothetical", "future"):
            continue
        counted = doc[root]
        people = reader.group_of_people(counted)
        recipient = finder.resolve(counted)[0] if people else None
        if recipient is not None and recipient.kind == UNRESOLVED:
            recipient = None
        actor = finder.resolve(hands)[0] if hands is not None else None
        telling = find_attribution(trigger, None, False, finder, lexicon)
        return Candidate(
            actor=finder.with_context_country(actor, span),
            trigger=trigger,
            sentence=span,
            proposed_by="casualties",
            status=status,
            type="ASSAULT",
            mode=None,
            recipient=finder.with_context_country(recipient, span),
            confidence=0.4,  # no party named by the parse; hearsay does not lower it further
            attribution=telling.attribution,
            hearsay=telling.hearsay,
        )
    return None


def told_of_an_event(condition: Token, lexicon: Lexicon) -> bool:
    """'a school shooting where 17 people died': deaths in a clause describing an event noun belong
    to that (background) event; 'at Maska where they killed two' stays the news."""
    head = condition.head
    return condition.dep_ in ("relcl", "acl") and bool(lexicon.senses_for("NOUN", lemma_of(head)))


def non_violent(span: SpacySpan, lexicon: Lexicon) -> bool:
    return names_non_violent_cause({lemma_of(token) for token in span}, span.text.lower(), lexicon)


def death_with_no_violence(condition: Token, span: SpacySpan, lexicon: Lexicon) -> bool:
    """'died trying to reach the coast', 'the bodies of 40 migrants were found': a death or a body told with no word
    of violence in its sentence or the sentences beside it (`violent_cues`, `violent_death_words`; not one under a
    figurative modifier, 'a custody battle') is no attack. 'Killed' and 'wounded' name a doer's act and stay."""
    if lemma_of(condition) not in lexicon.cue_set("undergone_deaths"):
        return False
    violence = lexicon.cue_set("violent_cues") | lexicon.cue_set("violent_death_words")
    figurative = lexicon.cue_set("figurative_mods")
    return not any(
        lemma_of(token) in violence and not {lemma_of(c) for c in token.children} & figurative
        for sentence in beside(span)
        for token in sentence
    )


def beside(span: SpacySpan) -> list[SpacySpan]:
    """The sentence with the one before and the one after it ('SAF bomb Deribat. 2 farmers died.', 'Two are dead over
    a land issue. Violence continued in the area.')."""
    doc = span.doc
    sentence = doc[span.start].sent
    before = [doc[sentence.start - 1].sent] if sentence.start > 0 else []
    after = [doc[sentence.end].sent] if sentence.end < len(doc) else []
    return [*before, sentence, *after]
