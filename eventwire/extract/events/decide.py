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
from eventwire.extract.events.triggers import Trigger, clause_head, prep_objects, sides_on_verb, weapon_told
from eventwire.nlp.tree import lemma_of

MODE_DEPS = ("compound", "amod", "nmod")
# Edges from a verb to the clause that lends it its subject ("tried to burn", "ransacked ... and attacked").
SUBJECT_LENDING_DEPS = ("xcomp", "conj")


def decide_type_and_mode(sentence: Sentence) -> None:
    state = sentence.state
    for candidate in sentence.live():
        candidate.type, candidate.mode = type_and_mode(candidate, state.lexicon)
        if candidate.type == "THREATEN" and candidate.status == "future":
            candidate.status = threat_status(candidate.trigger, state.lexicon, state.published_at)
        elif candidate.type == "PROTEST" and candidate.trigger.sense.type == "REQUEST":
            # 'called for a strike on Monday': the strike called lies ahead
            candidate.status = "future" if candidate.status == "asserted" else candidate.status


def threat_status(trigger: Trigger, lexicon: Lexicon, published_at: date | None) -> str:
    """'vowed on Friday to fight back', 'promised massive protests': a threat made is told as done, what it
    threatens lies ahead (the future of a vow's sense is its content's); 'will vow' is still to come."""
    if trigger.sense.status != "future":
        return "future"
    return event_status(replace(trigger, sense=replace(trigger.sense, status=None)), lexicon, published_at)


def type_and_mode(candidate: Candidate, lexicon: Lexicon) -> tuple[str, str | None]:
    trigger, status = candidate.trigger, candidate.status
    sense = trigger.sense
    category, mode = act_by_doer(trigger, lexicon)
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
    if category == "REQUEST" and (called := called_protest(trigger, lexicon)) is not None:
        return "PROTEST", called.sense.mode  # 'called for a statewide bandh': the caller's strike, not a request
    if category in ("REQUEST", "REJECT") and sense.type == category:
        table = lexicon.mappings.get("content_modes") or {}
        mode = next((table[t] for t in content_types if t in table), "change")
    mode = mode_from_modifiers(trigger, category, lexicon) or mode
    if category == "ASSAULT" and mode in (None, "destroy") and (weapon := weapon_told(trigger)) is not None:
        mode = weapon.sense.mode  # "a missile destroyed a hide-out": the weapon is the attack's kind
    return category, mode


def called_protest(trigger: Trigger, lexicon: Lexicon) -> Trigger | None:
    """The protest a party calls for by name ('called for a general strike', 'called for protests across the
    country'): the party organises it. Not a call on others to act ('called on workers to join the strike')."""
    if lemma_of(trigger.token) not in lexicon.cue_set("convening_verbs"):
        return None
    named = (c for c in trigger.contents if c.type == "PROTEST" and c.nominal and c.token.head.head == trigger.token)
    return next(named, None)


def act_by_doer(trigger: Trigger, lexicon: Lexicon) -> tuple[str, str | None]:
    """The trigger's category and mode, read again for who does the act: force or destruction done by a
    crowd ("protesters torched two buses", "cars were burnt by the angry mob", "clashes between villagers and
    the police", "vans were torched in the riot") is a riot (PLOVER PROTEST/riot, `crowd_acts`); property
    destroyed by an armed group ("Maoists blew up a telephone exchange") an assault (`armed_destruction`)."""
    sense = trigger.sense
    category, mode = sense.type, sense.mode
    if sense.consequence:
        return category, mode
    doers = doer_words(trigger)
    crowd = lexicon.cue_set("crowd_doers")
    riot = lexicon.cues.get("crowd_acts") or {}
    if mode in (riot.get(category) or ()) or (mode is None and "none" in (riot.get(category) or ())):
        obstruction = mode in lexicon.cue_set("obstruction_modes")
        if doers & crowd and not doers & lexicon.cue_set("armed_groups") and crowd_target(trigger, mode, lexicon):
            return "PROTEST", ("obstruct" if obstruction else "riot")
        if not doers and mode in lexicon.cue_set("riot_scene_modes") and riot_scene(trigger, lexicon):
            return "PROTEST", "riot"
    destruction = lexicon.cues.get("armed_destruction") or {}
    if mode in (destruction.get(category) or ()) and doers & lexicon.cue_set("armed_groups"):
        return "ASSAULT", mode
    return category, mode


def doer_words(trigger: Trigger) -> set[str]:
    """Lemmas, with their modifiers, of who does the act: the subject of the trigger's clause (or of the clause
    lending it one: "tried to burn", "ransacked ... and attacked"), the agent of a passive ("burnt by the
    protesters"), and for a noun the parties it names ("clashes between locals and the police")."""
    head = clause_head(trigger)
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) and head.dep_ in SUBJECT_LENDING_DEPS:
        head = head.head
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    # "cars were burnt and seven damaged by the protesters": the agent may hang on the coordinated verb
    doers += [p for verb in (head, *head.conjuncts) for p in prep_objects(verb, "by") if p.head.dep_ == "agent"]
    if trigger.nominal:
        doers += prep_objects(trigger.token, "between", "with", "by") + sides_on_verb(trigger.token)
    doers += [conj for doer in doers for conj in doer.conjuncts]
    doers += [of for doer in doers for of in prep_objects(doer, "of")]  # "hundreds of angry students"
    named = [t for doer in doers for t in (doer, *doer.children) if t is doer or t.dep_ in MODE_DEPS]
    return {lemma_of(t) for t in named} | {t.lower_.removesuffix("s") for t in named}


def crowd_target(trigger: Trigger, mode: str | None, lexicon: Lexicon) -> bool:
    """A crowd's act is a riot when it is destruction, stones thrown or a fight with the police ('clashed with
    police', `crowd_fight_words`); an attack or a storming only on property ("attacked the party office",
    "stormed the collectorate"): a crowd attacking a person is an assault (ACLED's Mob violence)."""
    if mode == "firearms":  # a fight with the police, not between two groups of students
        token = trigger.token
        sides = [token, *prep_objects(token, "with", "between")]
        sides += [conj for side in sides for conj in side.conjuncts]
        police = lexicon.cue_set("crowd_opponents")
        return lemma_of(token) in lexicon.cue_set("crowd_fight_words") and (
            any(lemma_of(side) in police for side in sides) or bool(doer_words(trigger) & police)
        )
    if mode is not None:
        return True
    token = trigger.token
    targets = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] or prep_objects(token, "on", "against")
    targets += [conj for target in targets for conj in target.conjuncts]
    return bool(targets) and all(lemma_of(target) in lexicon.cue_set("crowd_targets") for target in targets)


def riot_scene(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'were torched in the riot', 'damaged during the agitation': an act told with no doer as part of a riot."""
    head = clause_head(trigger)
    scenes = lexicon.cue_set("riot_scenes")
    return any(lemma_of(p) in scenes for t in {head, trigger.token} for p in prep_objects(t, "in", "during"))


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
