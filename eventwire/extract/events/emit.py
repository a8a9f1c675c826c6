"""Pass: turn the sentence's remaining candidates into Events, numbered in document order."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from eventwire.extract.events.candidate import Sentence
from eventwire.extract.events.triggers import Trigger
from eventwire.model import Event, Evidence, Span


def emit_events(sentence: Sentence) -> None:
    state = sentence.state
    for candidate in sentence.live():
        state.emitted += 1
        sentence.events.append(
            Event(
                id=f"{state.doc_id}-e{state.emitted}",
                type=candidate.category,
                mode=candidate.mode,
                context=list(candidate.trigger.sense.context),
                trigger=trigger_span(candidate.trigger),
                actor=candidate.actor,
                recipient=candidate.recipient,
                status=candidate.status or "asserted",
                attribution=candidate.attribution,
                evidence=sentence_evidence(sentence.span),
                confidence=round(min(0.95, max(0.05, candidate.confidence)), 2),
                acled=candidate.acled,
                cameo=candidate.cameo,
                background=candidate.background,
            )
        )
    state.told_types |= {event.type for event in sentence.events}


def trigger_span(trigger: Trigger) -> Span:
    """The trigger word with its compounds and particle: 'drone strike', 'phone conversation', 'pulled out'."""
    token = trigger.token
    doc = token.doc
    parts = [token] + [
        c
        for c in token.children
        if c.dep_ in ("compound", "prt") and abs(c.i - token.i) <= 2 and not (c.i > 0 and doc[c.i - 1].text == "-")
    ]
    start, end = min(t.i for t in parts), max(t.i for t in parts) + 1
    span = doc[start:end]
    return Span(text=span.text, start=span.start_char, end=span.end_char)


def sentence_evidence(sentence: SpacySpan) -> Evidence:
    text = sentence.text.rstrip()
    return Evidence(sentence=text, start=sentence.start_char, end=sentence.start_char + len(text))
