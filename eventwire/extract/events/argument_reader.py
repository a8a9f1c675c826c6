"""Actor and recipient of one trigger as the dependency parse names them.

`ArgumentReader.arguments` reads who acts and who is acted on from the trigger's clause
(subject, objects, the positions its sense lists, 'between', victims, blame copulas), resolving
tokens to parties through the `PartyFinder`. It only reads; the arguments pass decides what to
keep and fills the gaps from the rest of the sentence.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.extract.events.acts import CLAUSE_LINK_PREPS, LINK_HOPS, advcl_links
from eventwire.extract.events.arguments import (
    NOT_PARTY_ENTITY_TYPES,
    OBJECT_SIDE_DEPS,
    PLACE_NOUNS,
    SET_PREPS,
    UNDERGONE_NOUNS,
    UNRESOLVED,
    Arguments,
    PartyFinder,
    background_prep,
    climb,
    hung_subject,
    identity,
    known,
    nominal_actor_token,
    nominal_actor_tokens,
    recipient_tokens,
    same_party,
    same_referent,
    subject_token,
    under_object,
)
from eventwire.extract.events.lexicon import Lexicon, cue_words
from eventwire.extract.events.triggers import COPULAS, Trigger, clause_head, prep_objects
from eventwire.model import Party
from eventwire.nlp.tree import (
    MAX_CLIMB,
    PERSON_RELATIVES,
    antecedent,
    appositives,
    governing_verb,
    lemma_of,
    passive,
)

PARTY_ENTITY_TYPES = {"NORP", "GPE", "ORG", "PERSON"}
# Sectors of a state's own agents: sent, recalled or withdrawn, they are its instrument.
STATE_AGENTS = {"GOV", "MIL", "COP"}
# Acts of force: whoever does them at an occasion ("arrested 20 people at a protest") is no party of the occasion.
FORCE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "THREATEN"}
HEADLINE_ACTIVE_DEPS = {"aux", "auxpass", "dobj", "obj"}  # a verb with these is no headline's passive


class ArgumentReader:
    """Reads the arguments of triggers in one document (the finder carries the document's parties)."""

    def __init__(self, lexicon: Lexicon, finder: PartyFinder) -> None:
        self.lexicon = lexicon
        self.finder = finder
        self.causative = lexicon.cue_set("causative_verbs")
        self.receiving = lexicon.cue_set("receiving_verbs")
        self.territory_acts = lexicon.cue_set("territory_act_nouns")
        self.observation = lexicon.cue_set("observation_verbs")
        self.impact = lexicon.cue_set("impact_verbs")
        self.symmetric = lexicon.cue_set("symmetric_types")
        self.reciprocal = lexicon.cue_set("reciprocal_acts")
        self.not_people = (
            lexicon.cue_set("non_violent_agents")
            | lexicon.cue_set("violent_cues")
            | lexicon.cue_set("document_nouns")
            | lexicon.cue_set("thing_nouns")
        )

    def actor_token(self, trigger: Trigger) -> Token | None:
        token = trigger.token
        hands = self.hands_agent(token)
        if hands is not None:
            return hands
        if (verb := self.undergone_under(token)) is not None:  # "the convoy came under attack by militants"
            return next(iter(prep_objects(token, "by") + prep_objects(verb, "by")), None)
        if trigger.pos == "NOUN":
            for own in nominal_actor_tokens(token):
                if self.names_doer(own, trigger) and not self.finder.is_place(own):
                    return own
            if (holder := self.holder(token)) is not None:
                return holder
            if trigger.occasion_for is not None and trigger.occasion_for.type in FORCE_TYPES:
                return None  # "police arrested 20 people at a protest": the police are no protesters
            if trigger.condemned_by is not None:
                return None  # "the UN condemned the attack": the condemner did not attack
            if trigger.type in self.lexicon.cue_set("yielding_types") and self.asked_for(token):
                return None  # "the opposition demanded the withdrawal of the troops": the troops withdraw
            return self.controlling_subject(token)
        if self.party_participle(token):
            return token.head
        if self.headline_passive(token):
            return None
        subject, _passive = subject_token(clause_head(trigger) if trigger.pos == "ADJ" else token)
        if subject is None and self.stative_passive(token):
            return next(c for c in token.children if c.dep_ == "nsubjpass")
        return self.finder.past_dateline(subject) if subject is not None else None

    def headline_passive(self, verb: Token) -> bool:
        """'Woman doctor shot at in clinic', 'Congress leader shot dead in Bihar': a headline's passive with its
        auxiliary dropped, read by the parser as an active verb with no object: its subject underwent the act."""
        children = list(verb.children)
        # the root, or a clause the parser hung on a dateline ("IMPHAL: Woman doctor shot at ...")
        if verb.dep_ not in ("ROOT", "acl") or verb.tag_ not in ("VBD", "VBN"):
            return False
        if any(c.dep_ in HEADLINE_ACTIVE_DEPS for c in children):
            return False
        if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in children):
            return False
        stranded = any(c.dep_ == "prep" and c.i == verb.i + 1 and not list(c.children) for c in children)
        outcomes = self.lexicon.cue_set("headline_outcomes")
        return stranded or any(c.dep_ in ("acomp", "oprd", "advmod") and c.lower_ in outcomes for c in children)

    def names_doer(self, own: Token, trigger: Trigger) -> bool:
        """Whether the party word on a nominal act is its doer. A known party is ('Russia's invasion'), unless it
        underwent the act ('the Ruiz abduction'); so is a group the resolver knows only by its role when the text
        marks it as the doer: the agent of 'attacks by party workers', the people of 'student protests', the force
        of 'police raids' and 'rebel attacks' ('journalist killings' name victims)."""
        if self.undergoer(own):
            return False
        if self.names_party(own):
            return True
        party = self.finder.party_at(own)
        if party is None or party.sector is None:
            return False
        if own.dep_ == "pobj" or trigger.type == "PROTEST":
            return True
        return trigger.type in FORCE_TYPES and party.sector in self.lexicon.cue_set("force_sectors")

    def holder(self, noun: Token) -> Token | None:
        """'the nurses on strike', 'workers on hunger strike': the people the act is on are its doers."""
        prep = noun.head
        if noun.dep_ != "pobj" or lemma_of(prep) != "on" or prep.head.pos_ not in ("NOUN", "PROPN"):
            return None
        return prep.head if self.finder.party_at(prep.head) is not None else None

    def party_participle(self, token: Token) -> bool:
        """'U.S. diplomats condemning the order': a present participle on a noun naming a party is that party's
        act (background.party_doing keeps it)."""
        head = token.head
        return token.dep_ == "acl" and token.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN") and self.names_party(head)

    def asked_for(self, noun: Token) -> bool:
        """The act noun is what the clause's subject asks for or wants ('demanded the release of X', 'pushing for
        the resignation of Y', 'wants the withdrawal of Z'), not what it does."""
        node = noun
        for _ in range(3):  # 'called for', 'pushing for': the preposition's verb
            if node.dep_ not in ("dobj", "obj", "pobj", "prep") or node.head == node:
                return False
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                break
        lemma = lemma_of(node)
        return lemma in self.lexicon.cue_set("wish_governors") or lemma in self.lexicon.cue_set("asking_verbs")

    def stative_passive(self, token: Token) -> bool:
        """'Israel is opposed to', 'Iran is committed to': a state of the subject, not a passive act on it."""
        return (
            token.tag_ == "VBN"
            and lemma_of(token) in self.lexicon.cue_set("stative_participles")
            and any(c.dep_ == "nsubjpass" for c in token.children)
            and not any(c.dep_ == "agent" for c in token.children)
        )

    @staticmethod
    def own_agent(recipient: Party | None, actor: Party | None) -> bool:
        """The actor's own envoy or force as the object: its instrument, not the one acted on."""
        return known(recipient) and identity(recipient) == identity(actor) and recipient.sector in STATE_AGENTS

    def foreign_party(self, token: Token, actor: Party | None) -> Party | None:
        """A party of another country named by a preposition of the trigger or of its object."""
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        preps = [p for node in [token, *objects] for p in node.children if p.dep_ == "prep"]
        for pobj in (o for prep in preps for o in prep.children if o.dep_ == "pobj"):
            party = self.finder.party_at(pobj)
            if known(party) and identity(party) != identity(actor):
                return party
        return None

    @staticmethod
    def hands_agent(token: Token) -> Token | None:
        """'died at the hands of police', 'suffered at the hands of the militia': the agent."""
        for hands in prep_objects(token, "at"):
            if lemma_of(hands) == "hand":
                agents = prep_objects(hands, "of")
                if agents:
                    return agents[0]
        return None

    def undergone_under(self, noun: Token) -> Token | None:
        """'came under attack', 'was under fire': the verb whose subject undergoes the act."""
        verb = noun.head.head
        if not under_object(noun) or verb.pos_ not in ("VERB", "AUX"):
            return None
        return verb if lemma_of(verb) in self.lexicon.cue_set("undergoing_frames") else None

    def undergoer(self, token: Token) -> bool:
        """'the Ruiz abduction', 'the Kennedy assassination': a person's name before an act undergone
        names its victim ('the Taliban abduction' names its actor)."""
        noun = token.head
        if token.dep_ in ("compound", "nmod") and lemma_of(noun) in self.territory_acts:
            return token.ent_type_ == "GPE"  # 'the Kuwait invasion': Kuwait was invaded
        if token.dep_ not in ("compound", "nmod") or lemma_of(noun) not in UNDERGONE_NOUNS:
            return False
        party = self.finder.party_of_token(token)
        if party is not None:
            return (party.kb_id or "").startswith("PER:") or token.ent_type_ == "PERSON"
        return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_)

    def empty_arguments(self, trigger: Trigger) -> Arguments:
        """No parties yet; the tokens that take no part in the act and those that cannot be its actor."""
        where = self.where_tokens(trigger)
        outside = self.outside_tokens(trigger) | where
        not_actor = self.not_actor_tokens(trigger, outside)
        located = bool(where)
        return Arguments(
            not_actor=not_actor,
            outside=outside,
            recipient_untold=located,
            located=located,
            covers_place=located and not trigger.nominal,
        )

    def not_actor_tokens(self, trigger: Trigger, outside: set[int]) -> set[int]:
        """Tokens the sentence fallback must not take as the actor: those `outside` the act, the one
        undergoing a passive act ('he had been killed') and a town where it happened ('the Denver attacks')."""
        token = trigger.token
        undergone = trigger.nominal and lemma_of(token) in UNDERGONE_NOUNS
        found = set(outside)
        for child in token.children:
            undergoes = child.dep_ == "nsubjpass" or (undergone and child.dep_ == "poss") or self.undergoer(child)
            if undergoes or (trigger.nominal and self.finder.is_place(child)):
                found.update(t.i for t in child.subtree)
        for victim in self.harmed(trigger) + self.hit(trigger):
            found.update(t.i for t in victim.subtree)
        return found

    def namers(self, token: Token) -> list[Token]:
        """'in what the president called an attack', 'officials described it as a massacre': who names an act
        of the sentence tells of it, and is never its actor by proximity."""
        naming = self.lexicon.cue_set("naming_verbs")
        verbs = [w for w in token.sent if lemma_of(w) in naming and w.i != token.i and names_as(w)]
        return [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]

    def owners_struck(self, actor: Token, inside: list[Token]) -> set[int]:
        """'explosions at French embassies killed 40': the owner named on what a thing (not people) struck is its
        target, not its doer (a town named there is left to attach.drop_town_parties)."""
        if self.group_of_people(actor):
            return set()
        modifiers = (t for c in inside if c.dep_ == "prep" for t in c.subtree)
        return {t.i for t in modifiers if t.dep_ in ("amod", "compound", "poss") and t.head.pos_ == "NOUN"}

    def hit(self, trigger: Trigger) -> list[Token]:
        """What an act noun as the subject hit: 'a blast damaged the French embassy', 'the strike hit a school'."""
        token = trigger.token
        if not trigger.nominal or token.dep_ != "nsubj" or lemma_of(token.head) not in self.impact:
            return []
        return [c for c in token.head.children if c.dep_ in ("dobj", "obj")]

    def where_tokens(self, trigger: Trigger) -> set[int]:
        """'the Nairobi bombing', 'a clinic bombing in Birmingham', 'protests in Miami': a town named with
        an act noun (a modifier, or a locative phrase of the noun itself) says where it happened, not whom
        it was aimed at (a verb's town may be its target: 'shelled the villages around Kharkiv')."""
        if not trigger.nominal:
            if lemma_of(trigger.token) not in self.lexicon.cue_set("place_object_verbs"):
                return set()
            # "NATO troops patrolled Kosovo", "patrolled the streets of Kabul": the object is where, not whom
            objects = [c for c in trigger.token.children if c.dep_ in ("dobj", "obj")]
            places = [obj for obj in objects if obj.idx in self.finder.place_at_char or lemma_of(obj) in PLACE_NOUNS]
            return {t.i for place in places for t in place.subtree}
        found: set[int] = set()
        for child in trigger.token.children:
            if child.dep_ == "prep" and self.finder.is_locative(child):
                places = [p for p in child.children if p.dep_ == "pobj" and self.finder.is_place(p)]
            else:
                places = [child] if child.dep_ in ("compound", "amod", "nmod") and self.finder.is_place(child) else []
            for place in places:
                found.update(t.i for t in place.subtree)
        return found

    def observer_tokens(self, noun: Token) -> set[int]:
        """'the monitors observed 20 explosions': the observer of the fire is not its actor."""
        verb = governing_verb(noun)
        if verb is None or lemma_of(verb) not in self.observation or self.protest_word(noun):
            return set()
        return {t.i for child in verb.children if child.dep_ == "nsubj" for t in child.subtree}

    def harmed(self, trigger: Trigger) -> list[Token]:
        """The people an attack hurt: '..., killing 12 civilians', 'the bombing killed 200 people'."""
        harm = self.lexicon.cue_set("harm_verbs")
        token = trigger.token
        clauses = [c for c in token.children if c.dep_ in ("advcl", "conj", "xcomp") and lemma_of(c) in harm]
        if trigger.nominal and token.dep_ == "nsubj" and lemma_of(token.head) in harm:
            clauses.append(token.head)
        # 'killed a guard and maimed a nurse': each harm verb of the coordination hurt its object
        clauses += [c for clause in clauses for c in clause.conjuncts if lemma_of(c) in harm and c not in clauses]
        return [obj for clause in clauses for obj in clause.children if obj.dep_ in ("dobj", "obj")]

    def outside_tokens(self, trigger: Trigger) -> set[int]:
        """Tokens that take no part in the act: whoever concluded or told it ('investigators concluded
        he had been killed'), the cause of an act it set off ('the killing sparked protests') and a
        background act ('following the deaths of two Israelis'), the observer of fire ('monitors observed
        20 explosions'), the condemner of an act and whom it addressed ('Lebanon complained to the UN over the
        raids')."""
        found: set[int] = self.observer_tokens(trigger.token) if trigger.nominal else set()
        clause = trigger.token.head if trigger.nominal and trigger.token.dep_ in ("dobj", "obj") else trigger.token
        for prep in (c for node in {trigger.token, clause} for c in node.children if c.dep_ == "prep"):
            if background_prep(prep):  # 'reimposed blockades following the deaths of two Israelis'
                found.update(t.i for t in prep.subtree)
        for namer in self.namers(trigger.token):
            found.update(t.i for t in namer.subtree)
        node = trigger.token
        for _ in range(MAX_CLIMB):
            if node.head == node:
                break
            verb = node.head
            told = node.dep_ == "ccomp" or (node.dep_ in ("dobj", "pobj") and lemma_of(verb) in self.causative)
            if trigger.condemned_by is not None and verb == trigger.condemned_by.token:
                # 'Lebanon complained to the UN over the raids': the condemner and whom it addressed
                found.update(t.i for c in verb.children if c != node for t in c.subtree)
            if told or self.pursues_or_names(node, verb):
                found.update(t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
            node = verb
        return found

    def pursues_or_names(self, node: Token, verb: Token) -> bool:
        """The act below `node` is what the verb's subject pursues or names, not what it did: 'police are hunting a
        suspect who planted the bomb', 'investigating the bombing', 'in what Macron called an attack'."""
        lemma = lemma_of(verb)
        if lemma in self.lexicon.cue_set("pursuit_verbs"):
            return node.dep_ in ("dobj", "obj", "prep", "ccomp")
        if lemma in self.lexicon.cue_set("naming_verbs"):
            named_as = node.dep_ == "prep" and lemma_of(node) == "as"  # 'described it as an attack'
            if node.dep_ in ("dobj", "obj") and self.convened(verb):
                return False
            return named_as or node.dep_ in ("dobj", "obj", "oprd", "attr", "ccomp")
        return False

    def convened(self, verb: Token) -> bool:
        """'called a strike', 'called a meeting': a convening verb with the act as its only complement."""
        if lemma_of(verb) not in self.lexicon.cue_set("convening_verbs"):
            return False
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "oprd", "attr", "ccomp", "xcomp", "dative")]
        return len(objects) == 1 and not any(c.dep_ == "prep" and lemma_of(c) == "as" for c in verb.children)

    def protest_word(self, noun: Token) -> bool:
        return any(sense.type == "PROTEST" for sense in self.lexicon.senses_for("NOUN", lemma_of(noun)))

    def names_party(self, token: Token) -> bool:
        if known(self.finder.party_at(token)):
            return True
        return token.pos_ == "PROPN" or token.ent_type_ in PARTY_ENTITY_TYPES

    def relative_doer(self, doer: Token) -> Token | None:
        """The doer, or the noun a relative pronoun doing the act stands for: a person ('the gunman who fired') or a
        group of people; no one for a thing or an act ('the bombing of a jet over Lockerbie that killed 270')."""
        noun = antecedent(doer)
        if noun is doer:
            return doer
        return noun if doer.lower_ in PERSON_RELATIVES or self.group_of_people(noun) else None

    def taking_part_subject(self, prep: Token, verb: Token) -> Token | None:
        """'The brigade is engaged in a battle', 'troops were locked in fighting': the passive's subject takes part."""
        if lemma_of(prep) != "in" or lemma_of(verb) not in self.lexicon.cue_set("taking_part_passives"):
            return None
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)

    def controlling_subject(self, noun: Token) -> Token | None:
        """The subject of the clause a nominal event is the object of ('Macron held talks')."""
        if noun.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return None
        node = noun
        for _ in range(MAX_CLIMB):
            parent = climb(node)
            if parent is None:
                return None
            if parent.pos_ in ("VERB", "AUX"):
                if lemma_of(parent) in COPULAS and node.dep_ in ("attr", "acomp"):
                    return None
                if lemma_of(parent) in self.causative:
                    return None  # "the killing sparked protests": the cause is no party of the protests
                if lemma_of(parent) in self.observation and not self.protest_word(noun):
                    return None  # "monitors observed 20 explosions"; but "workers observed a fast" (they fasted)
                if self.pursues_or_names(node, parent):
                    return None  # "police investigate the bombing", "what Macron called an attack"
                if lemma_of(parent) in self.lexicon.cue_set("undergoing_verbs"):
                    return None  # "ten people died in the blast": the victims, not its actor
                if node.dep_ in ("nsubj", "nsubjpass"):
                    return None
                if (taking_part := self.taking_part_subject(node, parent)) is not None:
                    return taking_part
                subject, _ = subject_token(parent)
                return subject
            node = parent
        return None

    def arguments(self, trigger: Trigger, category: str, depth: int = 0) -> Arguments:
        finder = self.finder
        if trigger.sense.blame:
            return self.blame_arguments(trigger)
        received = self.received_arguments(trigger)
        if received is not None:
            return received
        args = self.empty_arguments(trigger)
        actor_token = self.actor_token(trigger)
        if actor_token is not None and actor_token.i in args.outside and not hung_subject(actor_token):
            actor_token = None  # its teller, pursuer or namer ('police are hunting the bomber') did not do it
        if actor_token is not None:
            actor_token = self.relative_doer(actor_token)
        if actor_token is not None:
            actor_token = self.counted_group(own_subject(actor_token))
            pair = finder.pair(actor_token)
            if pair is not None:
                return Arguments(pair[0], pair[1], True, True)
            args.actor, _known = finder.resolve(actor_token)
            args.actor_from_parse = True
            if args.actor.kind == "place":
                args.actor = self.party_in_apposition(actor_token) or args.actor
            if finder.points_to_fact(actor_token):
                args.actor = None  # 'That brought the toll to 259': a fact told before, no party
            elif not known(args.actor) and actor_token.pos_ != "PRON":
                # "thousands of students throughout Indonesia", "a bombing near Samarra"
                inside = [c for c in actor_token.children if c.dep_ in ("prep", "compound", "amod", "poss", "appos")]
                skip = {actor_token.i} | self.owners_struck(actor_token, inside)
                for locative in (False, True):
                    found = finder.party_below(inside, None, skip, locative)
                    if found is not None and found.kind != "coref":  # 'groups, to their credit,'
                        if not self.names_site(found, args.actor):
                            args.actor = found
                        break
                if args.actor.kind == "place":  # 'armed individuals in Plato': the people, not the town
                    args.actor = self.people_of_place(actor_token) or args.actor
            if args.actor is not None and args.actor.kind == UNRESOLVED and not self.group_of_people(actor_token):
                # "killed by an improvised explosive device": a thing, not a party; "118 employees staged a
                # protest in Korce": people, of the place the sentence names
                args.actor = self.people_of_place(actor_token)
        if args.actor is None and depth < 2 and not trigger.nominal:
            doer = self.doer_told_again(trigger, category, depth) or self.force_in_the_clause(trigger, category)
            if doer is not None:
                args.actor, args.actor_from_parse = doer, True
        mutual = category in self.symmetric or self.mutual_act(trigger.token)
        co_actors = set() if actor_token is None or mutual else self.co_actor_tokens(actor_token, trigger.token)
        if category in self.lexicon.cue_set("addressed_types"):
            co_actors |= self.undergoers_asked_for(trigger.token)
        args.outside |= co_actors
        beside = {trigger.token.doc[i].idx for i in co_actors}
        candidates = [t for t in recipient_tokens(trigger) if actor_token is None or t.i != actor_token.i]
        candidates = [t for t in candidates if t.i not in co_actors]
        candidates = [c for c in trigger.token.children if self.undergoer(c)] + candidates
        if self.headline_passive(trigger.token):  # "Woman doctor shot at in Imphal clinic": the doctor was shot
            candidates = [c for c in trigger.token.children if c.dep_ == "nsubj"] + candidates
        token = trigger.token
        if trigger.nominal and token.dep_ == "nsubj" and lemma_of(token.head) in self.lexicon.cue_set("harm_verbs"):
            # "a roadside bombing near Samarra killed one U.S. soldier": the people the attack hit, after
            # the target it names ("an ambush against the battalion killed five soldiers")
            hit = [c for c in token.head.children if c.dep_ in ("dobj", "obj")]
            candidates = prep_objects(token, "against") + hit + candidates
        sufferer = subject_token(token)[0] if self.hands_agent(token) is not None else None
        if (verb := self.undergone_under(token)) is not None:
            sufferer = subject_token(verb)[0]  # "the convoy came under attack"
        if sufferer is not None:
            candidates.insert(0, sufferer)  # "two journalists died at the hands of police"
        if category == "ACCUSE":
            # "investigating crimes by Croatian extremists": the accused is who committed what is examined
            candidates = self.accused(candidates) + candidates
        if category in self.lexicon.cue_set("act_judging_types"):
            candidates, told = self.doers_of_told_acts(candidates, trigger.token)
            args.outside |= told
            args.recipient_untold |= bool(told)
        itself: set[int] = set()
        for candidate in candidates:
            pair = finder.pair(candidate)
            if pair is not None:
                args.recipient, args.recipient_from_parse = self.other_side(pair, args.actor), True
                break
            if not self.could_be_party(candidate):
                continue
            party, _known = finder.resolve(candidate)
            if party.start in beside:
                continue  # 'demanded the release of Chen': the candidate noun named only the one asked for
            if args.actor is not None and party.kind == "coref" and same_referent(party, args.actor):
                itself.add(candidate.i)  # 'restrictions on its labour market': the actor itself
                continue
            args.recipient, args.recipient_from_parse = party, True
            if lemma_of(candidate.head) == "between":
                if args.actor is None:
                    args.actor, args.recipient = self.between_parties(candidate) or (party, None)
                else:
                    args.recipient = self.between_other(candidate, args.actor) or party
            break
        if self.own_agent(args.recipient, args.actor):
            # "recalled its ambassador to Russia", "withdrew its troops from Mali": the other country
            args.recipient = self.foreign_party(trigger.token, args.actor) or args.recipient
        if args.recipient is None and actor_token is not None and mutual:
            for conj in actor_token.conjuncts:
                args.recipient, args.recipient_from_parse = finder.resolve(conj)[0], True
                break
        if category == "ASSAULT" and args.recipient is None:
            victims = self.victims(trigger) or self.passer_by(trigger)
            if victims is not None:  # "attacked the village ..., killing 12 civilians": the people hit
                args.recipient, args.recipient_from_parse = victims, True
        if not known(args.recipient):
            # a group of people already found ('killing 12 civilians') is not replaced by a place
            found = self.recipient_below(
                trigger,
                args.actor,
                actor_token,
                allow_places=depth == 0 and not self.people(args.recipient),
                outside=args.outside,
            )
            if found is not None:
                args.recipient, args.recipient_from_parse = found, True
        acted_on = [t for t in candidates if t.dep_ in ("dobj", "dative", "nsubjpass") and t.i not in itself]
        objects = [  # 'four of the suspects were captured' -> suspects, 'a total of 88 people' -> people
            t
            for t in map(self.counted_group, acted_on)
            if t.pos_ != "NUM" and t.ent_type_ not in NOT_PARTY_ENTITY_TYPES
        ]
        person_verb = lemma_of(trigger.token) in self.lexicon.cue_set("person_object_verbs")
        taken = person_verb or trigger.sense.mode in self.lexicon.cue_set("people_taken_modes")
        if taken and self.names_place(args.recipient):
            # 'Hicks was captured in Afghanistan': a person is taken, not the place; not 'Jaffna was captured' (the
            # town itself) nor 'arrested Chinese activist Ai Weiwei' (a country told inside the name's phrase)
            named = [t for t in objects if self.person_name(t) and not self.within(args.recipient, t)]
            # 'a rock-thrower who ... was shot in the head in Ramallah': the person, whom the tables do not know
            if not any(self.within(args.recipient, t) for t in objects):
                named = named or [t for t in objects if self.someone(t)]
            args.recipient = finder.bare_party(named[0]) if named else args.recipient
        if args.recipient is None:  # last resort: a direct object that names no known party
            # 'denied the accusation': no party; 'demanded the release of Chen': only the one asked for
            parties = [t for t in objects if finder.names_actor(t) and not self.names_only(t, beside)]
            if not parties and taken:  # 'poachers killed three rangers', 'four gang members were captured'
                parties = [t for t in objects if self.unknown_people(t, singular=True)]
            if parties:
                args.recipient = finder.bare_party(parties[0])
            args.recipient_from_parse = bool(objects)  # the parse found what was acted on, party or not
        if args.recipient is None and trigger.contents and depth < 2:
            inner = self.arguments(trigger.contents[0], trigger.contents[0].type, depth + 1)
            judged = category in self.lexicon.cue_set("act_judging_types")  # the act's doer, not its victim
            inner_recipient = inner.recipient if inner.recipient and inner.recipient.start not in beside else None
            if inner_recipient is not None and not judged and not same_party(inner_recipient, args.actor):
                args.recipient, args.recipient_from_parse = inner.recipient, inner.recipient_from_parse
            elif inner.actor is not None and inner.actor_from_parse and not same_party(inner.actor, args.actor):
                args.recipient, args.recipient_from_parse = inner.actor, True
        return args

    def names_only(self, token: Token, chars: set[int]) -> bool:
        """The noun names no party but one starting at `chars` ('the release of Chen')."""
        party = self.finder.party_at(token)
        return party is not None and party.start in chars

    def undergoers_asked_for(self, token: Token) -> set[int]:
        """'demanded the release of Chen Wei', 'called for Kopp's extradition': who would be freed or handed over."""
        found: set[int] = set()
        handed_over = self.lexicon.cue_set("handed_over_nouns")
        for noun in token.subtree:
            if noun == token or noun.pos_ != "NOUN" or lemma_of(noun) not in handed_over:
                continue
            people = [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, "of")
            found.update(t.i for person in people for t in person.subtree)
        return found

    def mutual_act(self, token: Token) -> bool:
        """An act two parties do to each other: 'troops clashed', 'signed a treaty', 'upgraded their ties'."""
        if lemma_of(token) in self.reciprocal:
            return True
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        return any(lemma_of(o) in self.lexicon.cue_set("bond_nouns") for o in objects)

    def co_actor_tokens(self, actor: Token, trigger: Token) -> set[int]:
        """Parties named beside the actor as doers of the same act: 'China and Russia welcomed', 'the Egyptian
        and Jordanian ministers urged', 'Germany, together with France, called for', 'the US joined Britain in
        condemning'. They are no recipient of an act aimed elsewhere."""
        beside = list(actor.conjuncts) + members_named_with(actor)
        paired = [m for m in actor.children if m.dep_ in ("amod", "compound") and m.conjuncts]
        beside += [c for m in paired for c in (m, *m.conjuncts)]
        preps = self.lexicon.cue_set("co_actor_preps")
        for node in (actor, *actor.children, governing_verb(actor) or actor):
            for prep in (c for c in node.children if c.dep_ == "prep"):
                if lemma_of(prep) in preps and (node is actor or node.dep_ == "advmod" or prep.i < actor.head.i):
                    beside += prep_objects_of(prep)
                inner = [p for p in prep.children if p.dep_ == "prep" and lemma_of(p) in preps]  # 'along with France'
                beside += [o for p in inner for o in prep_objects_of(p)]
        node = trigger
        for _ in range(MAX_CLIMB):  # 'joined Britain in condemning'
            if node.head == node:
                break
            node = node.head
            if node.pos_ == "VERB" and lemma_of(node) in self.lexicon.cue_set("joining_verbs"):
                beside += [c for c in node.children if c.dep_ in ("dobj", "obj")]
                break
        found = {t.i for party in beside if party.i != trigger.i for t in party.subtree}
        return found | {i for noun in self.done_for(trigger) for i in range(noun.left_edge.i, noun.i + 1)}

    def done_for(self, trigger: Token) -> list[Token]:
        """Whom an act is done for: 'issued an ultimatum on behalf of the allies' (`co_actor_nouns`)."""
        nouns = self.lexicon.cue_set("co_actor_nouns")
        heads = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "obj"))]
        if trigger.dep_ in ("dobj", "obj", "pobj"):
            heads.append(trigger.head)
        found = []
        for head in heads:
            for prep in (c for c in head.children if c.dep_ == "prep"):
                for noun in (o for o in prep.children if o.dep_ == "pobj" and lemma_of(o) in nouns):
                    found += prep_objects(noun, "of")
        return found

    def party_in_apposition(self, place: Token) -> Party | None:
        """'in the Deir Ezzor countryside, the Islamic State (ISIS) launched an assault': a subject the parse took
        from a place phrase, with the doer hung on it as an apposition."""
        for token in appositives(place):
            party = self.finder.resolve(token)[0]
            if known(party) and party.kind != "place":
                return party
        return None

    def people_of_place(self, token: Token) -> Party | None:
        """People named by a plural noun the resolver does not know ('employees', 'armed individuals'),
        with the country of the place the sentence names, at a low confidence (no country where it names
        none: 'shot by vigilantes'); None for things."""
        own = self.finder.party_of_token(token)  # 'detectives': a sector the resolver knows, no country
        if own is not None and own.kind == "place":
            return None
        # a singular noun only with a sector the resolver knows ('a grand jury in Newark')
        named = own is not None and own.sector is not None and own.kind != UNRESOLVED
        if not named and (token.tag_ != "NNS" or not self.names_no_thing(token)):
            return None  # a thing or an act ('explosions') is no people; a sector the resolver knows is ('gunmen')
        return self.placed(token, own if own is not None and own.sector else self.finder.bare_party(token))

    def unknown_people(self, token: Token, singular: bool = False) -> bool:
        """A plural noun (or, with `singular`, any common noun) the resolver does not know that names no thing and
        no act ('employees', 'rangers'; not 'explosions', 'posters')."""
        return (token.tag_ == "NNS" or (singular and token.tag_ == "NN")) and self.names_no_thing(token)

    def doer_told_again(self, trigger: Trigger, category: str, depth: int) -> Party | None:
        """'three soldiers were killed when militants ambushed their convoy': the doer of the same act told again in
        the trigger's clause (`told_again_below`); not that of a second toll ('and four others wounded'), of a clash
        (either side), or a pronoun ('shot as they tried to ambush')."""
        skip = self.lexicon.cue_set("harm_verbs") | self.lexicon.cue_set("reciprocal_acts")
        # and the clause on a second toll joined to it ('two were killed and six wounded when gunmen opened fire')
        second = [inner for content in trigger.contents for inner in content.contents if not inner.nominal]
        told = [*trigger.contents, *second]
        for content in told:
            if content.type != category or lemma_of(content.token) in skip:
                continue
            if not told_again_below(content.token, trigger.token):
                continue
            inner = self.arguments(content, category, depth + 1)
            if inner.actor is not None and inner.actor_from_parse and inner.actor.kind not in (UNRESOLVED, "coref"):
                return inner.actor
        return None

    def scene_clauses(self, verb: Token) -> list[Token]:
        """The 'when' or 'as' clauses (`toll_scene_marks`) that set the scene of an act."""
        marks = self.lexicon.cue_set("toll_scene_marks")
        return [
            clause
            for clause in verb.children
            if clause.dep_ == "advcl"
            and any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in clause.children)
        ]

    def force_in_the_clause(self, trigger: Trigger, category: str) -> Party | None:
        """'Kelkal was shot to death when army paratroopers closed in on him': the armed body (`force_sectors`) that is
        the subject of a 'when' or 'as' clause on an attack told in the passive did it, though the clause's verb names
        no attack; not one side of a clash."""
        verb = trigger.token
        if category != "ASSAULT" or not passive(verb):
            return None
        for clause in self.scene_clauses(verb):
            if lemma_of(clause) in self.lexicon.cue_set("reciprocal_acts"):
                continue  # 'when troops clashed with gunmen': either side
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            party = self.finder.resolve(subject)[0] if subject is not None else None
            if party is not None and party.sector in self.lexicon.cue_set("force_sectors"):
                return party
        return None

    def names_site(self, found: Party, actor: Party) -> bool:
        """'Maoists at Laheri police station': a body that only names the site ('police' of 'police station'),
        not the doer's own body; its sector differs from the doer's."""
        token = self.finder.doc.char_span(found.start, found.end, alignment_mode="expand")
        site = token is not None and token.root.dep_ == "compound" and token.root.head.pos_ == "NOUN"
        return site and bool(actor.sector) and bool(found.sector) and found.sector != actor.sector

    def names_place(self, party: Party | None) -> bool:
        """The party is a place named ('in Afghanistan'), standing for no body."""
        return party is not None and party.sector is None and party.start in self.finder.place_at_char

    @staticmethod
    def within(party: Party, token: Token) -> bool:
        """The party is told inside the phrase `token` heads, the token itself included."""
        right = token.right_edge
        return token.left_edge.idx <= party.start and party.end <= right.idx + len(right)

    @staticmethod
    def person_name(token: Token) -> bool:
        """A capitalised name the parse tags a person or nothing: after a verb done to people, a person ('Hicks')."""
        return token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON") and token.text[:1].isupper()

    def someone(self, token: Token) -> bool:
        """Unknown people ('three suspected collaborators'), or one person told as such ('a rock-thrower who')."""
        who = any(c.dep_ == "relcl" and any(w.lower_ in PERSON_RELATIVES for w in c.children) for c in token.children)
        return self.unknown_people(token, singular=who)

    def names_no_thing(self, token: Token) -> bool:
        return lemma_of(token) not in self.not_people and not self.told_act(token)

    def placed(self, token: Token, party: Party) -> Party:
        """The party given the country of the place nearest the token that its sentence names, at a low
        confidence; as it is where the sentence names no place."""
        places = self.finder.locations_in(token.sent)
        if not places:
            return party
        place = min(places, key=lambda p: abs(p.start - token.idx))
        return replace(party, country=place.country, kind="mention", confidence=0.3)

    def counted_group(self, token: Token) -> Token:
        """'Hundreds of thousands of people' -> 'people': the group a number or quantity noun counts."""
        node = token
        for _ in range(3):
            if self.finder.names_actor(node) and node.i in self.finder.actor_by_token:
                return node
            if not self.counts_people(node):
                return node
            # 'two dozen of the officials': the parse hangs 'of' on the number's 'dozen'
            members = prep_objects(node, "of") or [
                m for q in node.children if q.dep_ == "quantmod" for m in prep_objects(q, "of")
            ]
            if not members:
                return node
            node = members[0]
        return node if self.finder.names_actor(node) else token

    def counts_people(self, token: Token) -> bool:
        """A number or a quantity noun ('thousands', 'dozens', 'a group') heading 'of' + the people counted."""
        return token.pos_ == "NUM" or token.tag_ == "CD" or lemma_of(token) in self.lexicon.cue_set("quantity_nouns")

    def group_of_people(self, token: Token) -> bool:
        """A noun that can act: one the resolver or the parse names ('rebels', 'Reuters'), or a number
        of such ('tens of thousands of students')."""
        if self.finder.names_actor(token):
            return True
        if self.counts_people(token):
            return any(self.group_of_people(member) for member in prep_objects(token, "of"))
        return False

    @staticmethod
    def people(party: Party | None) -> bool:
        return party is not None and party.kind != UNRESOLVED and party.sector is not None

    def accused(self, candidates: list[Token]) -> list[Token]:
        found = []
        for noun in candidates:
            if noun.pos_ != "NOUN" or self.finder.names_actor(noun):
                continue
            found += prep_objects(noun, "by")
            for clause in noun.children:
                if clause.dep_ == "acl":  # "crimes committed by Croat forces"
                    found += prep_objects(clause, "by")
        return [t for t in found if self.finder.names_actor(t)]

    def doers_of_told_acts(self, candidates: list[Token], trigger: Token) -> tuple[list[Token], set[int]]:
        """'condemned the bombing of U.S. embassies', 'probing into the bombings of U.S. embassies': an act
        named as what is judged stands for its doer ('the Israeli raid', 'the killing by police'), or for no
        one when the text does not say who did it. Returns the candidates and the tokens of the acts (doers
        left out), which name no recipient."""
        kept: list[Token] = []
        told: set[int] = set()
        judged = [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for noun in candidates + [g for g in judged if g not in candidates]:
            if not self.told_act(noun):
                if noun in candidates:
                    kept.append(noun)
                continue
            inside = {t.i for t in noun.subtree}
            doer = self.act_doer(noun)
            if doer is not None:
                kept.append(doer)
                inside -= {t.i for t in doer.subtree}
            told |= inside
        return kept, told

    def told_act(self, token: Token) -> bool:
        """A noun the trigger lexicon codes as an act of its own ('bombing', 'invasion', 'accusation')."""
        if token.pos_ != "NOUN" or self.finder.party_of_token(token) is not None:
            return False  # 'the attack helicopters', 'raiders' are parties the resolver knows
        if lemma_of(token) in self.lexicon.cue_set("undergone_acts"):
            return True
        return any(not sense.skip for sense in self.lexicon.senses_for("NOUN", lemma_of(token)))

    def act_doer(self, noun: Token) -> Token | None:
        """Who did the act a noun names: 'Russia's invasion', 'attacks by rebels', 'accusations made by X'."""
        own = nominal_actor_token(noun)
        if own is not None and self.names_party(own) and not self.finder.is_place(own) and not self.undergoer(own):
            return own
        clauses = [c for c in noun.children if c.dep_ == "acl"]
        # 'the death of a man shot by officers': the doer named on the victim
        clauses += [c for victim in prep_objects(noun, "of") for c in victim.children if c.dep_ == "acl"]
        agents = [a for clause in clauses for a in prep_objects(clause, "by")]
        return next((a for a in agents if self.finder.names_actor(a)), None)

    def victims(self, trigger: Trigger) -> Party | None:
        """The people an attack killed or wounded, told in a participle clause ('..., killing 12 civilians')."""
        harm = self.lexicon.cue_set("harm_verbs")
        for clause in trigger.token.children:
            if clause.dep_ not in ("advcl", "conj", "xcomp") or lemma_of(clause) not in harm:
                continue
            for obj in clause.children:
                if obj.dep_ in ("dobj", "obj") and self.group_of_people(obj):
                    return self.finder.resolve(obj)[0]
        return None

    def passer_by(self, trigger: Trigger) -> Party | None:
        """'A roadside bomb detonated when a US military patrol was passing by': who was going by when the attack
        struck (`passing_verbs` in a `toll_scene_marks` clause) was its target."""
        passing = self.lexicon.cue_set("passing_verbs")
        for clause in self.scene_clauses(trigger.token):
            if lemma_of(clause) not in passing:
                continue
            for subject in (c for c in clause.children if c.dep_ == "nsubj"):
                if self.group_of_people(subject):
                    return self.finder.resolve(subject)[0]
        return None

    def could_be_party(self, token: Token) -> bool:
        if token.ent_type_ in NOT_PARTY_ENTITY_TYPES or token.pos_ == "NUM":
            return False
        if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in PARTY_ENTITY_TYPES:
            return True
        return self.finder.party_at(token) is not None

    def recipient_below(
        self,
        trigger: Trigger,
        actor: Party | None,
        actor_token: Token | None,
        allow_places: bool = True,
        outside: set[int] = frozenset(),
    ) -> Party | None:
        token = trigger.token
        roots = [c for c in token.children if c.dep_ in OBJECT_SIDE_DEPS]
        verb = token.head
        if trigger.nominal and token.dep_ in ("dobj", "obj") and verb.pos_ == "VERB":
            # "began a hunger strike to protest against X": the light verb's clauses belong to the event
            roots += [c for c in verb.children if c.dep_ in ("xcomp", "advcl", "prep") and c.i != token.i]
        skip = {t.i for t in actor_token.subtree} if actor_token is not None else set()
        skip |= outside | {token.i}
        place_ok = allow_places and trigger.type in self.lexicon.cue_set("place_recipient_types")
        towns = trigger.type not in self.lexicon.cue_set("where_not_whom_types")
        for locative in (False, True) if place_ok else (False,):
            found = self.finder.party_below(roots, actor, skip, locative, towns)
            if found is not None:
                return found
        return None

    def received_arguments(self, trigger: Trigger) -> Arguments | None:
        """'May received backing from the United States': the giver acts, the subject of the verb of
        receiving is the recipient. None when the sentence is not of that form."""
        token, verb = trigger.token, trigger.token.head
        if not trigger.nominal or token.dep_ not in ("dobj", "obj") or lemma_of(verb) not in self.receiving:
            return None
        receiver, _passive = subject_token(verb)
        givers = prep_objects(token, "from") + prep_objects(verb, "from")
        own = nominal_actor_token(token)
        giver = givers[0] if givers else own if own is not None and self.names_party(own) else None
        if receiver is None:
            return None
        args = self.empty_arguments(trigger)
        args.recipient, args.recipient_from_parse = self.finder.resolve(receiver)[0], True
        if giver is not None:  # with no giver named ('the two men face charges') the act has no actor here
            args.actor, args.actor_from_parse = self.finder.resolve(giver)[0], True
        return args

    def blame_arguments(self, trigger: Trigger) -> Arguments:
        """'X was at the root of', 'X is responsible for': X is blamed, the speaker blames."""
        head = clause_head(trigger)
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        args = Arguments()
        if subjects:
            args.recipient, args.recipient_from_parse = self.finder.resolve(subjects[0])[0], True
        speaker = head
        while speaker.head != speaker and not (speaker.pos_ == "VERB" and speaker != head):
            speaker = speaker.head
        if speaker != head:
            subject, _ = subject_token(speaker)
            if subject is not None:
                args.actor, args.actor_from_parse = self.finder.resolve(subject)[0], True
        return args

    def between_parties(self, token: Token) -> tuple[Party, Party] | None:
        parties = [self.finder.resolve(t)[0] for t in [token, *token.conjuncts]]
        return (parties[0], parties[1]) if len(parties) >= 2 else None

    def between_other(self, token: Token, actor: Party | None) -> Party | None:
        for candidate in [token, *token.conjuncts]:
            party, is_known = self.finder.resolve(candidate)
            if is_known and not same_party(party, actor) and identity(party) != identity(actor):
                return party
        return None

    @staticmethod
    def other_side(pair: tuple[Party, Party], actor: Party | None) -> Party:
        return pair[1] if same_party(pair[0], actor) else pair[0]


def members_named_with(actor: Token) -> list[Token]:
    """The members a group actor names in its own phrase: 'EU countries - Austria, Slovakia and Greece -',
    'Colombians, including Duque', 'the presidents of Poland and the Czech Republic'. They act with it."""
    members = [c for c in actor.children if c.dep_ == "appos"]
    members += [o for p in actor.children if p.dep_ == "prep" and lemma_of(p) in SET_PREPS for o in prep_objects_of(p)]
    of = [o for p in actor.children if p.dep_ == "prep" and lemma_of(p) == "of" for o in prep_objects_of(p)]
    members += [o for o in of if o.conjuncts]
    return [t for member in members for t in (member, *member.conjuncts)]


def prep_objects_of(prep: Token) -> list[Token]:
    return [o for o in prep.children if o.dep_ == "pobj"]


def names_as(verb: Token) -> bool:
    """'called it an attack', 'described it as a massacre': the verb names something as something."""
    return any(c.dep_ in ("oprd", "attr") or (c.dep_ == "prep" and lemma_of(c) == "as") for c in verb.children)


def own_subject(token: Token) -> Token:
    """'The Red Cross operating in Iraq said': a participle parsed as the subject stands for its own subject."""
    if token.pos_ == "VERB" and token.tag_ in ("VBG", "VBN"):
        subjects = [child for child in token.children if child.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
    return token


OFFSET_UNITS = cue_words().words("offset_units")


def offset(verb: Token) -> bool:
    """'killed hours after', 'died days after': a duration sets the act apart from what came before it."""
    return any(c.dep_ == "npadvmod" and lemma_of(c) in OFFSET_UNITS for c in verb.children)


def told_again_below(word: Token, trigger: Token) -> bool:
    """`word` tells the act of `trigger` again from inside its clause: through an adverbial clause that links the
    same act (acts.advcl_links: 'killed when militants ambushed') or one right after it, either side passive ('killed
    after he was attacked by gunmen', 'were killed after gunmen opened fire'; not 'hours after jets bombed a camp', nor
    a reprisal: 'detonated his explosives after police fired at his car'), and through a preposition of
    `clause_link_preps` ('killed in an Israeli air raid'); a clause on a second toll joined to the first ('two were
    killed and six wounded when gunmen opened fire') tells the act of both."""
    for _ in range(LINK_HOPS):
        if word == trigger:
            return True
        if word.dep_ == "advcl":
            marks = {c.lower_ for c in word.children if c.dep_ == "mark"}
            passive = any(c.dep_ == "auxpass" for c in [*word.children, *word.head.children])
            linked = advcl_links(word) or (
                marks == {"after"} and passive and not offset(word) and not offset(word.head)
            )
        elif word.dep_ == "prep":
            linked = word.lower_ in CLAUSE_LINK_PREPS
        elif word.dep_ == "conj":  # 'were killed or wounded when', 'two were killed and six were wounded when'
            linked = word.tag_ == "VBN" and word.head.tag_ == "VBN"
        else:
            linked = word.dep_ in ("pobj", "pcomp")
        if not linked:
            return False
        word = word.head
    return word == trigger
