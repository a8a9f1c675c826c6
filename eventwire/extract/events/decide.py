"""Pass: decide each candidate's category and mode.

The trigger's sense gives both; intent ("will provide aid" -> AGREE, "vowed to attack" ->
THREATEN), the content of a frame ("called for a ceasefire": REQUEST, mode from the content) and
modifiers ("air strike", "attacked with drones") refine them. This is the slot where a learned
decision pass will sit: it reads the same candidates and sets the same two fields.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventwire.extract.events.candidate import Candidate, Sentence
from eventwire.extract.events.lexicon import Lexicon
from eventwire.extract.events.status import event_status
from eventwire.extract.events.triggers import Trigger, clause_head
from eventwire.nlp.tree import lemma_of

MODE_DEPS = ("compound", "amod", "nmod")


def decide_type_and_mode(sentence: Sentence) -> None:
    state = sentence.state
    for candidate in sentence.live():
        candidate.type, candidate.mode = type_and_mode(candidate, state.lexicon)
        if candidate.type == "THREATEN" and candidate.status == "future":
            candidate.status = threat_status(candidate.trigger, state.lexicon, state.published_at)


def threat_status(trigger: Trigger, lexicon: Lexicon, published_at: date | None) -> str:
    """'vowed on Friday to fight back', 'promised massive protests': a threat made is told as done, what it
    threatens lies ahead (the future of a vow's sense is its content's); 'will vow' is still to come."""
    if trigger.sense.status != "future":
        return "future"
    return event_status(replace(trigger, sense=replace(trigger.sense, status=None)), lexicon, published_at)


def type_and_mode(candidate: Candidate, lexicon: Lexicon) -> tuple[str, str | None]:
    trigger, status = candidate.trigger, candidate.status
    sense = trigger.sense
    category, mode = sense.type, sense.mode
    intent = lexicon.cues.get("intent_types") or {}
    content_types = [content.type for content in trigger.contents]
    threat_modes = lexicon.mappings.get("threat_modes") or {}
    if category == "AGREE" and sense.status == "future" and set(content_types) & set(intent.get("conflictual", [])):
        category = "THREATEN"
    elif status == "future" and sense.status is None:
        if (trigger.nominal and category in intent.get("planned_nominal", [])) or category in intent.get("planned", []):
            pass  # "the planned summit", "will deploy troops": the act itself, told as future (not an intent)
        elif category in intent.get("cooperative", []) and not scheduled(trigger, lexicon):
            category = "AGREE"
        elif category in intent.get("conflictual", []):
            category, mode = "THREATEN", threat_modes.get(category)
    if category == "THREATEN" and mode is None:
        mode = next((threat_modes[t] for t in content_types if t in threat_modes), None)
    if status == "future" and category == "AGREE" and conditional(trigger):
        category = "THREATEN"  # "will withdraw unless...": a conditional promise is a threat
    if category in ("REQUEST", "REJECT") and sense.type == category:
        table = lexicon.mappings.get("content_modes") or {}
        mode = next((table[t] for t in content_types if t in table), "change")
    mode = mode_from_modifiers(trigger, category, lexicon) or mode
    return category, mode


def scheduled(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'is scheduled to meet', 'is expected to visit Baghdad', 'is due to hold talks': an act on a timetable is
    told as future, not promised ('will meet', 'offered to visit' are an intent: AGREE)."""
    head = clause_head(trigger)
    while head.dep_ == "conj":  # "was scheduled to lay flowers and meet the president"
        head = head.head
    return head.dep_ == "xcomp" and lemma_of(head.head) in lexicon.cue_set("schedule_verbs")


def conditional(trigger: Trigger) -> bool:
    head = clause_head(trigger)
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)
        for c in head.children
    )


def mode_from_modifiers(trigger: Trigger, category: str, lexicon: Lexicon) -> str | None:
    cues = (lexicon.mappings.get("mode_cues") or {}).get(category) or {}
    token = trigger.token
    words = [lemma_of(c) for c in token.children if c.dep_ in MODE_DEPS]
    for prep in token.children:
        if prep.dep_ == "prep" and lemma_of(prep) in ("with", "by", "using"):
            for pobj in prep.children:
                words.append(lemma_of(pobj))
                words += [lemma_of(c) for c in pobj.children if c.dep_ in MODE_DEPS]
    for word in words:
        if word in cues:
            return cues[word]
    return None
