"""Pass: PLOVER category (+ mode + context) to the ACLED taxonomy and a CAMEO code (tables in mappings.yaml).

ACLED: the ordered `acled_rules` pick one of ACLED's 25 sub-event types from the category, the
mode, the PLOVER context, the parties (armed or not) and words of the sentence; the event type
and disorder type follow from `acled_sub_event_types`. An ASSAULT whose own words give no weapon
(or only 'firearms') takes its mode from the weapon words of its clause (`context_modes`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.events.candidate import Candidate, Sentence
from eventwire.extract.events.triggers import clause_head
from eventwire.model import Party
from eventwire.nlp.tree import lemma_of

CIVILIAN_SECTORS = {"CVL", "JRN", "REF", "EDU", "MED", "HLH", "REL"}


@lru_cache(maxsize=64)
def sentence_words(sentence: SpacySpan) -> tuple[frozenset[str], str]:
    """The lower-case words and lemmas of the sentence, and its lower-case text (for phrases)."""
    tokens = list(sentence)
    return frozenset({t.lower_ for t in tokens} | {lemma_of(t) for t in tokens}), " " + sentence.text.lower() + " "


@lru_cache(maxsize=64)
def nearby_words(sentence: SpacySpan, following: int = 2, before: int = 0) -> tuple[frozenset[str], str]:
    """Words of the sentence, the `before` sentences before it and the `following` sentences after
    it (what the police did to a protest is often told in the sentence after it; the protest an
    arrest ended, in the sentence before)."""
    doc = sentence.doc
    start, end = sentence.start, sentence.end
    for _ in range(following):
        if end >= len(doc):
            break
        end = doc[end].sent.end
    for _ in range(before):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    tokens = list(doc[start:end])
    words = frozenset({t.lower_ for t in tokens} | {lemma_of(t) for t in tokens})
    return words, " " + " ".join(t.lower_ for t in tokens) + " "


def has_word(cues: list[str], words: frozenset[str] | set[str], text: str) -> bool:
    return any(((" " in cue or "-" in cue) and cue in text) or cue in words for cue in cues)


def party_words(party: Party | None) -> set[str]:
    if party is None:
        return set()
    return {word.strip(".,'\"()").lower().removesuffix("s") for word in party.text.split()} | {
        word.strip(".,'\"()").lower() for word in party.text.split()
    }


def is_armed(party: Party | None, table: dict[str, Any]) -> bool | None:
    """True/False when the party's sector or words tell; None when nothing tells."""
    if party is None:
        return None
    if party.sector in set(table.get("armed_sectors") or ()):
        return True
    if party.sector in CIVILIAN_SECTORS:
        return False
    words = party_words(party)
    if words & set(table.get("armed_words") or ()):
        return True
    if words & set(table.get("civilian_words") or ()):
        return False
    return None


def armed_sentence(candidate: Candidate, table: dict[str, Any]) -> bool:
    """The sentence names people who bear arms ('soldiers', 'police', 'militants')."""
    words, _ = sentence_words(candidate.sentence)
    return bool({word.removesuffix("s") for word in words} & set(table.get("armed_words") or ()))


def armed_object(candidate: Candidate, table: dict[str, Any]) -> bool:
    """The trigger's object, its 'on'/'against' phrase or the object of its harm clause names people
    who bear arms ('attacked a security forces post', 'attacked a camp, killing 5 militants'), when
    no resolved recipient tells."""
    token = candidate.trigger.token
    harm = set(table.get("harm_verbs") or ())
    heads = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in token.subtree if c != token and lemma_of(c) in harm for g in c.children if g.dep_ == "dobj"]
    heads += [g for c in token.children if c.dep_ == "prep" and lemma_of(c) in ("on", "against") for g in c.children]
    words = {t.lower_.removesuffix("s") for head in heads for t in head.subtree}
    return bool(words & set(table.get("armed_words") or ()))


def territory_taker(candidate: Candidate, table: dict[str, Any]) -> str | None:
    """'state' or 'non-state': who took the ground, from the words of the subject of the sentence's
    verb of taking ('militants took control of' -> non-state), else of the candidate's actor; None
    when neither tells."""
    taking = set(table.get("taking_verbs") or ())
    phrases = [
        " ".join(t.lower_ for t in child.subtree)
        for token in candidate.sentence
        if lemma_of(token) in taking
        for child in token.children
        if child.dep_ in ("nsubj", "agent")
    ]
    if candidate.actor is not None:
        phrases.append(candidate.actor.text.lower())
    for phrase in phrases:
        words = {word.strip(".,'\"()").removesuffix("s") for word in phrase.replace("-", " ").split()}
        text = f" {phrase} "
        if has_word(table.get("non_state_words") or [], words, text):
            return "non-state"
        if has_word(table.get("state_words") or [], words, text):
            return "state"
    return None


def is_civilian(party: Party | None, table: dict[str, Any]) -> bool:
    if party is None:
        return False
    if party.sector in CIVILIAN_SECTORS:
        return True
    words = party_words(party)
    return bool(words & set(table.get("civilian_words") or ())) and not words & set(table.get("armed_words") or ())


def rule_holds(rule: dict[str, Any], candidate: Candidate, category: str, mappings: dict[str, Any]) -> bool:
    if category not in rule.get("type", [category]):
        return False
    if "mode" in rule and candidate.mode not in rule["mode"]:
        return False
    context = set(candidate.trigger.sense.context)
    if "context" in rule and not context & set(rule["context"]):
        return False
    if "words" in rule and not has_word(rule["words"], *sentence_words(candidate.sentence)):
        return False
    if "unless_words" in rule and has_word(rule["unless_words"], *sentence_words(candidate.sentence)):
        return False
    if "nearby_words" in rule and not has_word(rule["nearby_words"], *nearby_words(candidate.sentence)):
        return False
    if "preceding_words" in rule and not has_word(rule["preceding_words"], *nearby_words(candidate.sentence, 0, 2)):
        return False
    if "taker" in rule and territory_taker(candidate, mappings) != rule["taker"]:
        return False
    if "armed_recipient" in rule and bool(is_armed(candidate.recipient, mappings)) != rule["armed_recipient"]:
        return False
    if "armed_actor" in rule and bool(is_armed(candidate.actor, mappings)) != rule["armed_actor"]:
        return False
    if rule.get("armed_object") and not armed_object(candidate, mappings):
        return False
    if rule.get("no_recipient") and candidate.recipient is not None:
        return False
    if rule.get("armed_sentence") and not armed_sentence(candidate, mappings):
        return False
    if rule.get("unarmed_sentence") and armed_sentence(candidate, mappings):
        return False
    if "actor_words" in rule and not party_words(candidate.actor) & set(rule["actor_words"]):
        return False
    return not (rule.get("civilian_recipient") and not is_civilian(candidate.recipient, mappings))


def acled_type(candidate: Candidate, category: str, mappings: dict[str, Any]) -> dict[str, str] | None:
    """The ACLED event type, sub-event type and disorder type of the first rule that holds."""
    types = mappings.get("acled_sub_event_types") or {}
    for rule in mappings.get("acled_rules") or []:
        if rule_holds(rule, candidate, category, mappings):
            event_type, disorder_type = types[rule["sub"]]
            return {"event_type": event_type, "sub_event_type": rule["sub"], "disorder_type": disorder_type}
    return None


def clause_words(candidate: Candidate) -> tuple[set[str], str]:
    """Words and lemmas of the trigger's clause (the whole sentence for a short one)."""
    head: Token = clause_head(candidate.trigger)
    tokens = list(head.subtree) if len(candidate.sentence) > 40 else list(candidate.sentence)
    text = " " + " ".join(t.lower_ for t in tokens) + " "
    return {t.lower_ for t in tokens} | {lemma_of(t) for t in tokens}, text


def context_mode(candidate: Candidate, table: dict[str, list[str]]) -> str | None:
    """The most specific weapon the trigger's clause names ('fired 82mm mortars at' -> heavy-weapons)."""
    words, text = clause_words(candidate)
    for mode, cues in table.items():
        if has_word(cues, words, text):
            return mode
    return None


def cameo_code(table: dict[str, Any], category: str, mode: str | None, override: str | None = None) -> str | None:
    """The mode's own CAMEO code, else the category's root; a trigger's own code wins."""
    if override:
        return str(override)
    entry = table.get(category)
    if not entry:
        return None
    by_mode = (entry.get("modes") or {}).get(mode or "")
    if by_mode:
        return str(by_mode)
    return str(entry["default"]) if entry.get("default") else None


def map_to_ontologies(sentence: Sentence) -> None:
    """Pass: the ACLED type and CAMEO code of each candidate's category and mode."""
    state = sentence.state
    mappings = state.lexicon.mappings
    for candidate in sentence.live():
        sense = candidate.trigger.sense
        category = candidate.type or sense.type
        if category == "ASSAULT" and candidate.mode in (None, "firearms"):
            candidate.mode = context_mode(candidate, state.table("context_modes")) or candidate.mode
        elif category == "ASSAULT" and candidate.mode == "explosives":
            refined = context_mode(candidate, state.table("context_modes"))
            if refined in (mappings.get("explosive_refinements") or ()):
                candidate.mode = refined
        candidate.acled = acled_type(candidate, category, mappings)
        override = sense.cameo if category == sense.type else None
        candidate.cameo = cameo_code(state.table("cameo"), category, candidate.mode, override)
