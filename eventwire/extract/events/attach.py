"""Pass: attach actor and recipient to each candidate.

For each candidate in text order: read the arguments the parse names (`ArgumentReader`), drop
candidates that name no party of their own (a repeat of an event already told, a bare noun, an
everyday word with no recognised party), fill what the parse left empty from the rest of the
sentence at a lower confidence, and remember the parties of a meeting ('both leaders' in a later
candidate refers to them). Candidates are handled one after another because of that memory.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from eventwire.extract.actors.knowledge import load_knowledge
from eventwire.extract.events.argument_reader import ArgumentReader
from eventwire.extract.events.arguments import (
    UNRESOLVED,
    Arguments,
    PartyFinder,
    bare_words,
    identity,
    known,
    nominal_actor_token,
    one_party,
    same_party,
    under_object,
)
from eventwire.extract.events.candidate import Candidate, DocumentState, Sentence
from eventwire.extract.events.lexicon import Lexicon
from eventwire.extract.events.refusal import refuses
from eventwire.extract.events.triggers import Trigger, definite_det, objects_of, subjects_of
from eventwire.model import Party
from eventwire.nlp.tree import FINITE_TAGS, lemma_of

INFINITIVE_CLAUSES = ("advcl", "xcomp", "relcl", "acl")  # the parse hangs 'to push' on the object too


def attach_arguments(sentence: Sentence) -> None:
    state = sentence.state
    reader = ArgumentReader(state.lexicon, state.finder)
    for candidate in sentence.live():
        args = reader.arguments(candidate.trigger, candidate.type)
        bare = bare_mention(candidate, args, state)
        candidate.dropped = unanchored(candidate, args, state, bare)
        if candidate.dropped is not None:
            continue
        candidate.actor_known_in_parse = known(args.actor)
        if not bare:  # 'the strike' kept alone: a party beside it is no party of it
            fill_from_sentence(candidate, args, sentence)
        if candidate.type in state.lexicon.cue_set("town_not_party_types"):
            drop_town_parties(candidate, state.finder)
        candidate.actor = forces_of_a_people(candidate, state.lexicon)
        remember_meeting(candidate, state.finder)


def forces_of_a_people(candidate: Candidate, lexicon: Lexicon) -> Party | None:
    """'The Ethiopians captured Burdhubo', 'the Americans fired on Iranian boats': a nation's people named as the
    doer of an act of war (`war_act_types`: ground taken, a mode of `war_modes` such as shelling or troops sent, or
    an act on armed men, `armed_sectors`) are its forces, not its civilians."""
    actor = candidate.actor
    if actor is None or actor.sector != "CVL" or not is_demonym(actor):
        return actor
    war = lexicon.cue_set("war_modes")
    recipient = candidate.recipient
    if candidate.type in lexicon.cue_set("war_act_types") and (
        "territory" in (candidate.trigger.sense.context or ())
        or candidate.mode in war
        or (recipient is not None and recipient.sector in lexicon.cue_set("armed_sectors"))
    ):
        return replace(actor, sector="MIL")
    return actor


def is_demonym(party: Party) -> bool:
    """'the Ethiopians', 'Americans': a plural demonym of the party's country, alone."""
    country = load_knowledge().countries.get(party.country or "")
    return country is not None and bare_words(party) in {demonym.lower() for demonym in country.demonyms}


def bare_mention(candidate: Candidate, args: Arguments, state: DocumentState) -> bool:
    """A noun that names an act and no one taking part, not told as taking place ('the fighting', 'war games')."""
    trigger = candidate.trigger
    if trigger.pos != "NOUN" or candidate.status not in ("asserted", "historical"):
        return False
    if args.actor_from_parse or args.recipient_from_parse or occurs(trigger, state.lexicon):
        return False
    # 'a school shooting in Parkland': an act done to a place, told with its town, is reported (a meeting
    # told with its town, 'during a G8 summit in Genoa', is often only background)
    acted_on_place = args.located and candidate.type in state.lexicon.cue_set("place_recipient_types")
    return not located(trigger, state.finder) and not acted_on_place


def unanchored(candidate: Candidate, args: Arguments, state: DocumentState, bare: bool) -> str | None:
    """Why a candidate is no event of its own, or None."""
    trigger = candidate.trigger
    if repeats_told_event(trigger, candidate.type, args, state.told_types):
        return "repeat"
    if bare and not (
        candidate.type in state.lexicon.cue_set("specific_mention_types") and specific_mention(trigger.token)
    ):
        return "no party"
    if trigger.sense.needs_party and not anchored(args):
        return "no known party"  # "three bedrooms occupy the top floor": no political party takes part
    return None


def specific_mention(token: Token) -> bool:
    """'the strike', 'Saturday's rally', 'the July 1 protest': a definite or dated mention, the first of its kind in
    the document, names one act that took place, though no one is named as doing it."""
    dating = ("poss", "compound", "nmod", "npadvmod")
    return definite_det(token) or any(c.dep_ in dating and c.ent_type_ in ("DATE", "TIME") for c in token.children)


def repeats_told_event(trigger: Trigger, category: str | None, args: Arguments, told_types: set[str]) -> bool:
    """'the talks', 'the discussion': a definite nominal with no parties of its own repeats an event
    of an earlier sentence ('the blast in Nairobi' tells where, so it is a mention that merges, not a repeat)."""
    if not trigger.nominal or category not in told_types or args.located:
        return False
    return definite_det(trigger.token) and not args.recipient_from_parse and nominal_actor_token(trigger.token) is None


def anchored(args: Arguments) -> bool:
    """Whether the parse found at least one party a resolver recognised (not bare text), or the place a verb covers."""
    found = [(args.actor, args.actor_from_parse), (args.recipient, args.recipient_from_parse)]
    return args.covers_place or any(
        party is not None and in_parse and party.kind != UNRESOLVED for party, in_parse in found
    )


def occurs(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'Protests broke out', 'a battle erupted': the sentence reports the event itself."""
    token = trigger.token
    if lemma_of(token) in lexicon.cue_set("participant_nouns") or headline_fragment(token):
        return True
    if trigger.type == "ASSAULT" and token.dep_ == "nsubj" and lemma_of(token.head) in lexicon.cue_set("impact_verbs"):
        return True
    moving = lexicon.cue_set("movement_verbs")
    if trigger.type == "MOBILIZE" and token.dep_ == "nsubj" and lemma_of(token.head) in moving:
        return True
    if caused(token, lexicon) or observed(token, lexicon) or existential(token):
        return True
    if token.dep_ == "pobj" and lemma_of(token.head) == "of" and token.head.head.pos_ == "NOUN":
        token = token.head.head  # 'a state of emergency was declared', 'a wave of arrests followed'
    return token.dep_ in ("nsubj", "nsubjpass") and lemma_of(token.head) in lexicon.cue_set("occurrence_verbs")


def existential(token: Token) -> bool:
    """'There have been protests in some areas', 'there were clashes': the sentence says the act took place
    ('there were more murders in March than...' compares counts)."""
    head = token.head
    if token.dep_ != "attr" or lemma_of(head) != "be" or any(c.tag_ in ("JJR", "RBR") for c in token.children):
        return False
    return any(c.dep_ == "expl" for c in head.children)


def caused(token: Token, lexicon: Lexicon) -> bool:
    """'The killing sparked two weeks of protests': what a cause set off took place."""
    node = token
    for _ in range(3):  # 'two weeks of protests', 'a wave of strikes'
        if node.dep_ in ("dobj", "obj"):
            return lemma_of(node.head) in lexicon.cue_set("causative_verbs")
        if node.dep_ != "pobj" or lemma_of(node.head) != "of":
            return False
        node = node.head.head
    return False


def observed(token: Token, lexicon: Lexicon) -> bool:
    """'observed a total of 20 explosions', 'gunshots were heard': fire a witness or monitor observed
    took place (through 'a total of', lists 'projectiles/explosions' and coordination)."""
    node = token
    for _ in range(6):
        if node.dep_ in ("dobj", "obj", "nsubjpass"):
            return lemma_of(node.head) in lexicon.cue_set("observation_verbs")
        if node.dep_ in ("nmod", "conj", "compound", "appos"):
            node = node.head
        elif node.dep_ == "pobj" and lemma_of(node.head) == "of":
            node = node.head.head
        else:
            return False
    return False


def located(trigger: Trigger, finder: PartyFinder) -> bool:
    """'the Denver attacks': a nominal act named with the town it took place in."""
    modifiers = (c for c in trigger.token.children if c.dep_ in ("compound", "amod", "nmod"))
    return trigger.nominal and any(finder.is_place(child) for child in modifiers)


def headline_fragment(token: Token) -> bool:
    """'Teachers on strike over unpaid salaries.', 'Protests in the hospital against rising prices.':
    a wire-report fragment with no finite verb reports the event its noun names."""
    sentence = token.sent
    return sentence.root.pos_ not in ("VERB", "AUX") and not any(word.tag_ in FINITE_TAGS for word in sentence)


def fill_from_sentence(candidate: Candidate, args: Arguments, sentence: Sentence) -> None:
    """Where the parse named no party with a country, the nearest one of the sentence (then a place
    acted in) stands in, at a lower confidence; groups without a country take the place's. A recipient guessed so
    is a country or a place only (the state or the place acted on): a person or a group named beside the act has a
    role of its own far more often than not (on the judged dev audits 7-12, 4 of 11 such guesses were right), except
    beside an act two sides do together ('Chilean and Peruvian troops clashed') or the actor's partner in the meeting
    last told ('Macron and Putin held a call, with Macron calling for a ceasefire'), whose other side it is."""
    finder, span, trigger = sentence.state.finder, sentence.span, candidate.trigger
    confidence = 0.75 if not trigger.nominal else 0.65
    exclude = {identity(p) for p in (args.actor, args.recipient) if known(p)}
    if not known(args.actor) and actor_by_proximity(candidate.trigger) and not args.located:
        skip = args.not_actor | other_clause_subjects(trigger.token, span) | purpose_clause(trigger.token)
        nearest = finder.nearest(trigger.token, exclude, span.start, span.end, skip, places_too=False)
        if candidate.type in sentence.state.lexicon.cue_set("force_doer_types"):
            nearest = nearest if wields_force(nearest, sentence.state.lexicon) else None
        if nearest is not None and args.actor is None:
            args.actor, confidence = nearest, confidence - 0.15
            exclude.add(identity(nearest))
    towns = candidate.type not in sentence.state.lexicon.cue_set("where_not_whom_types")
    if (taken := people_taken(candidate, sentence.state.lexicon)) is not None:
        # 'the 15 were captured ... in what Iran insists': those taken, not Iran
        if args.recipient is not None and not any(word.idx == args.recipient.start for word in taken):
            args.recipient = None
        args.recipient_untold = True
    if not known(args.recipient) and not args.recipient_untold:
        places_too = candidate.type not in sentence.state.lexicon.cue_set("placeless_recipient_types")
        # not the doer of another clause ('launched an offensive after the air force devastated their positions')
        doers = other_clause_subjects(trigger.token, span, ("nsubj", "agent"))
        nearest = finder.nearest(trigger.token, exclude, span.start, span.end, args.outside | doers, places_too, towns)
        if town_beside(nearest, candidate, finder, sentence.state.lexicon):
            nearest = None  # a statement, a call, a pledge is addressed to people, never to a town named beside it
        if nearest is not None and not guessable(nearest, args.actor, candidate, sentence.state):
            nearest = None  # a person or a group is a recipient only where the parse names it so
        if nearest is not None and (args.recipient is None or not args.recipient_from_parse):
            args.recipient, confidence = nearest, confidence - 0.1
    place_types = candidate.type in sentence.state.lexicon.cue_set("place_recipient_types")
    if args.recipient is None and place_types and towns and not args.recipient_untold:
        # a place is acted on by attacks, protests, coercion ...; a statement or a meeting only happens there
        place = finder.place_in_sentence(span, args.actor, args.outside)
        args.recipient = town_recipient(place, candidate, sentence)
        confidence -= 0.1 if args.recipient is not None else 0
    if place_types:
        args.recipient = town_recipient(args.recipient, candidate, sentence)
    if same_party(args.actor, args.recipient):
        args.recipient = None
    elif one_party(args.actor, args.recipient):
        # one party does not act on itself: the side the parse named stays, the guessed side goes
        if args.recipient_from_parse and not args.actor_from_parse:
            args.actor = None
        else:
            args.recipient = None
    args.actor = finder.with_context_country(args.actor, span)
    args.recipient = finder.with_context_country(args.recipient, span)
    if known(args.actor):
        confidence += 0.1
    candidate.actor, candidate.recipient = args.actor, args.recipient
    candidate.actor_from_parse, candidate.confidence = args.actor_from_parse, confidence


def town_recipient(town: Party | None, candidate: Candidate, sentence: Sentence) -> Party | None:
    """The recipient a town named as acted on stands for: for a protest whose sentence speaks of a government, an
    election or independence its country's government ('protesting election results in Monrovia', as the gold
    standards code it by the country), or the body the sentence names ('demonstrated in Sofia against ... the
    parliament': the parliament); a capital in a dealing between states ('severed ties with Tehran'); otherwise
    none ('arrested in Burlingame', 'shelling in Idlib': people or the police, not the town). Any other party stays."""
    lexicon, finder, category = sentence.state.lexicon, sentence.state.finder, candidate.type
    if not finder.is_town(town):
        return town
    if category in lexicon.cue_set("capital_as_state_types") and capital(town, finder):
        return town
    words = lexicon.cue_set("government_target_words")
    doers = doer_description(candidate.trigger.token)
    addressed = [t for t in sentence.span if lemma_of(t) in words and t.i not in doers]
    if not addressed or category not in lexicon.cue_set("government_addressed_types") or not town.country:
        return None
    for word in addressed:  # 'demonstrated in Sofia against ... the parliament': the parliament itself
        party = finder.party_of_token(word)
        if party is not None and party.kind != "place" and party.country == town.country:
            return party
    country = load_knowledge().countries.get(town.country)
    name = country.name if country is not None else town.country
    return replace(town, name=name, sector="GOV", kind="metonym", confidence=min(town.confidence, 0.3))


def doer_description(verb: Token) -> set[int]:
    """The words that say who the subject is ('300 men from the president's faction'), not what its own clause says
    it does ('demonstrators protesting election results')."""
    found: set[int] = set()
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for word in subject.subtree:
            path = [word, *(a for a in word.ancestors if subject.is_ancestor(a))]
            if not any(w.dep_ in ("acl", "relcl") for w in path):
                found.add(word.i)
    return found


def guessable(party: Party, actor: Party | None, candidate: Candidate, state: DocumentState) -> bool:
    """Whether a party the sentence names may stand in for a recipient the parse did not give."""
    if names_a_country(party) or mutual(candidate, state.lexicon):
        return True
    pair = state.finder.last_pair  # the two sides of the last meeting told
    return pair is not None and any(one_party(actor, a) and one_party(party, b) for a, b in (pair, pair[::-1]))


def mutual(candidate: Candidate, lexicon: Lexicon) -> bool:
    """An act two sides do together: a meeting, an agreement, a clash."""
    return candidate.type in lexicon.cue_set("symmetric_types") or lemma_of(candidate.trigger.token) in lexicon.cue_set(
        "reciprocal_acts"
    )


def other_clause_subjects(
    token: Token, span: Span, deps: tuple[str, ...] = ("nsubj", "nsubjpass", "csubj", "agent")
) -> set[int]:
    """The subjects and agents of the sentence's other clauses ('the raid, which the mayor condemned', 'died in a
    shootout while his brother fled'): each does its own verb's act, so none is guessed as the actor of this one. The
    subject of a verb above the act ('vowed to attack', 'said they attacked') is not of another clause."""
    found: set[int] = set()
    for word in span:
        verb = word.head
        if word.dep_ in deps and verb != token and not verb.is_ancestor(token):
            found.update(w.i for w in word.subtree)
    return found


def purpose_clause(token: Token) -> set[int]:
    """The words of the act's purpose ('captured 25 guards to push the government to keep its promise'): whom it
    would move is not who did it."""
    clauses = [
        w
        for w in token.subtree
        if w.i > token.i
        and w.dep_ in INFINITIVE_CLAUSES
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in w.children)
    ]
    return {w.i for clause in clauses for w in clause.subtree}


def names_a_country(party: Party) -> bool:
    """A place, a seat of power, a country named as such ('Israel', 'Ukrainian') or an international body (NATO, the
    CIS), not a person or a group."""
    if party.kind in ("place", "metonym") or party.sector == "IGO":
        return True
    return party.sector is None and party.kb_id is None


def people_taken(candidate: Candidate, lexicon: Lexicon) -> list[Token] | None:
    """The words naming those an arrest or an abduction takes, where the parse gives them ('captured four of his
    nephews', 'the 15 were captured'): its recipient is one of them or none, never a country or a town named
    beside it."""
    if candidate.mode not in lexicon.cue_set("people_taken_modes"):
        return None
    taken = objects_of(candidate.trigger.token)
    if not taken or any(c.ent_type_ in ("GPE", "LOC", "FAC") for c in taken):
        return None
    # 'six policemen who were kidnapped': the relative pronoun stands for the noun it hangs on
    taken = [c.head.head if c.tag_ in ("WP", "WDT") and c.head.dep_ == "relcl" else c for c in taken]
    return [word for c in taken for word in phrase_words(c)]


def phrase_words(token: Token) -> list[Token]:
    """The noun phrase of a word without its clauses ('25 guards to push the government': not the government)."""
    return [token] + [w for c in token.children if c.dep_ not in ("relcl", "advcl") for w in phrase_words(c)]


def town_beside(party: Party | None, candidate: Candidate, finder: PartyFinder, lexicon: Lexicon) -> bool:
    """A town the sentence names beside a statement, a call or a pledge ('condemned the meeting in Miami Beach,
    Fla.', 'asked the county in Virginia'): not whom it is addressed to. A town gone to ('a trip to Washington',
    'visited Riyadh') is the host of a visit, and acts on places (protests, attacks, arrests) keep theirs."""
    if not finder.is_town(party) or candidate.type in lexicon.cue_set("place_recipient_types"):
        return False
    if capital(party, finder):
        return False  # 'an embassy in Tehran', 'arrived in Amman': a capital stands for its state
    span = finder.doc.char_span(party.start, party.end, alignment_mode="expand")
    return span is None or not gone_to(span.root)


def capital(party: Party, finder: PartyFinder) -> bool:
    place = finder.place_at_char.get(party.start)
    return place is not None and place.feature_code == "PPLC"


def gone_to(token: Token) -> bool:
    """'a trip to Washington', 'visited Riyadh': the place is where someone goes."""
    if token.dep_ == "pobj":
        return token.head.lower_ == "to"
    return token.dep_ in ("dobj", "obj") and lemma_of(token.head) == "visit"


def wields_force(party: Party | None, lexicon: Lexicon) -> bool:
    """A party that can do an attack: an armed, police or state body, or a country ('US Predator attacks')."""
    if party is None:
        return False
    if party.sector is not None:
        return party.sector in lexicon.cue_set("force_sectors")
    country = load_knowledge().countries.get(party.country or "")
    return country is not None and party.name in (country.name, *country.names)


def drop_town_parties(candidate: Candidate, finder: PartyFinder) -> None:
    """A town where an act happened is its location, not who did it ('the explosion in Chelsea', 'Brooklyn
    gathered'); a capital doing any other act than an attack is its government ('Moscow hosted talks'). (Whom an
    act struck is never a town: `town_recipient`.)"""
    attack = candidate.type == "ASSAULT"
    if finder.is_town(candidate.actor) and (attack or not finder.capital_as_subject(candidate.actor)):
        candidate.actor = None


def actor_by_proximity(trigger: Trigger) -> bool:
    """Whether the nearest party may stand in for an actor the parse did not give. Not for a passive that names
    no agent ('he was abducted in 1996', 'a soldier captured in Iraq': the writer did not say by whom), nor for a
    verb whose subject names no party ('a suicide attacker ... detonated the device'), nor for an act that only
    qualifies another noun ('bombing victims'), nor for one undergone ('they came under attack near Mosul'), nor for
    one condemned (the condemner is not its doer)."""
    token = trigger.token
    if trigger.condemned_by is not None:
        return False
    if trigger.nominal:
        return token.dep_ not in ("compound", "amod") and not under_object(token)
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in token.children):
        return False
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return False  # 'a soldier captured in Iraq': a passive participle, by whom untold
    # 'a suicide attacker ... detonated the device', 'a missile destroyed a hide-out': the writer named the doer
    # (or the weapon), though no party; another party of the sentence is not it
    return not any(subject.pos_ in ("NOUN", "PROPN") for subject in subjects_of(token))


def remember_meeting(candidate: Candidate, finder: PartyFinder) -> None:
    """A meeting of two countries' parties establishes who "both leaders" are (a refused one does not)."""
    if candidate.type != "CONSULT" or refuses(candidate):
        return
    actor, recipient = candidate.actor, candidate.recipient
    if actor and recipient and actor.country and recipient.country and actor.country != recipient.country:
        finder.last_pair = (actor, recipient)
