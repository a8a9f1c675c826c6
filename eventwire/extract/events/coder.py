"""The event coder: triggers -> PLOVER events with arguments, status, attribution and mappings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.events.arguments import (
    OBJECT_SIDE_DEPS,
    UNRESOLVED,
    Arguments,
    PartyFinder,
    climb,
    identity,
    known,
    nominal_actor_token,
    recipient_tokens,
    subject_token,
)
from eventwire.extract.events.attribution import find_attribution
from eventwire.extract.events.lexicon import Lexicon, Sense, cue_words
from eventwire.extract.events.mapping import acled_type, cameo_code
from eventwire.extract.events.status import clause_head, dates_near, event_status
from eventwire.extract.events.triggers import COPULAS, MAX_CLIMB, Trigger, find_triggers, lemma_of, prep_objects
from eventwire.knowledge import function_words
from eventwire.model import Event, Evidence, Party, Span

DEFINITE_DETS = function_words().words("definite_determiners")
MODE_DEPS = ("compound", "amod", "nmod")
PARTY_ENTITY_TYPES = {"NORP", "GPE", "ORG", "PERSON"}
NOT_PARTY_ENTITY_TYPES = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
BACKGROUND_PREPS = cue_words().words("background_preps")
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
BACKGROUND_MARKS = cue_words().words("background_marks")
# Cooperative categories whose negation by the acting party is a refusal (CAMEO 12).
REFUSABLE = {"AGREE", "CONSULT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "SUPPORT"}


@dataclass
class Coded:
    type: str
    mode: str | None
    status: str


class SentenceCoder:
    """Codes the triggers of one document, sentence by sentence, keeping discourse memory."""

    def __init__(
        self,
        lexicon: Lexicon,
        finder: PartyFinder,
        doc_id: str,
        published_at: date | None,
        casualties: list[tuple[int, int, int | None]] | None = None,
    ) -> None:
        self.lexicon = lexicon
        # (condition token, count root token, best) of each stated death/injury, from the quantities stage
        self.casualties = casualties or []
        self.finder = finder
        self.doc_id = doc_id
        self.published_at = published_at
        self.seen_types: set[str] = set()
        self.events: list[Event] = []

    def code_sentence(self, sentence: SpacySpan) -> list[Event]:
        coded: list[tuple[Trigger, Event]] = []
        for trigger in find_triggers(sentence, self.lexicon):
            if trigger.content_of is not None or self.is_background(trigger):
                continue
            event = self.code_trigger(trigger, sentence)
            if event is not None:
                coded.append((trigger, event))
        # "killing one", "dozens wounded" beside an attack are its outcome, not another event
        main_types = {event.type for trigger, event in coded if not trigger.sense.consequence}
        kept = [event for trigger, event in coded if not (trigger.sense.consequence and event.type in main_types)]
        if not kept:  # beside another event, deaths are mostly its background ('after a raid in which 20 died')
            kept += self.casualty_events(sentence)
        for event in kept:
            event.id = f"{self.doc_id}-e{len(self.events) + 1}"
            self.events.append(event)
        self.seen_types |= {event.type for event in kept}
        return kept

    def casualty_events(self, sentence: SpacySpan) -> list[Event]:
        """'2 soldiers killed in Wau.', 'Eight dead due to clan fighting': deaths or injuries stated
        in a sentence where no event was coded are an attack of their own (the condition word is
        its trigger, the people counted its recipient; the count is attached by the quantities stage)."""
        doc = sentence.doc
        for condition, root, best in self.casualties:
            if not sentence.start <= condition < sentence.end or best == 0:
                continue
            token = doc[condition]
            if self.told_of_an_event(token) or self.non_violent(sentence):
                continue  # 'a shooting where 17 people died' is background; 'died in a crash' no attack
            trigger = Trigger(token=token, sense=Sense(type="ASSAULT", consequence=True), pos=token.pos_)
            status = event_status(trigger, self.lexicon, self.published_at)
            if status in ("negated", "hypothetical", "future"):
                continue
            counted = doc[root]
            recipient = self.finder.resolve(counted)[0] if self.group_of_people(counted) else None
            if recipient is not None and recipient.kind == UNRESOLVED:
                recipient = None
            recipient = self.finder.with_context_country(recipient, sentence)
            return [
                Event(
                    id="",
                    type="ASSAULT",
                    mode=None,
                    context=[],
                    trigger=trigger_span(trigger),
                    actor=None,
                    recipient=recipient,
                    status=status,
                    attribution=find_attribution(trigger, None, False, self.finder, self.lexicon).attribution,
                    evidence=sentence_evidence(sentence),
                    confidence=0.4,
                    acled=acled_type(self.lexicon.mappings.get("acled") or {}, "ASSAULT", None, recipient),
                    cameo=cameo_code(self.lexicon.mappings.get("cameo") or {}, "ASSAULT", None, None),
                )
            ]
        return []

    def told_of_an_event(self, condition: Token) -> bool:
        """'a school shooting where 17 people died': deaths in a clause describing an event noun belong
        to that (background) event; 'at Maska where they killed two' stays the news."""
        head = condition.head
        return condition.dep_ in ("relcl", "acl") and bool(self.lexicon.senses_for("NOUN", lemma_of(head)))

    def non_violent(self, sentence: SpacySpan) -> bool:
        causes = self.lexicon.cue_set("non_violent_causes")
        return any(lemma_of(token) in causes for token in sentence)

    def is_background(self, trigger: Trigger) -> bool:
        """Events told as background: in relative clauses and participial modifiers ('the town where
        28 were killed', 'the curfew imposed after the coup') or after temporal words ('after
        days of fighting'), unless dated ('after the invasion in February 2022')."""
        statements = self.lexicon.cue_set("statement_nouns")
        child, node = trigger.token, trigger.token
        for _ in range(12):
            if node.dep_ == "relcl" and not any(lemma_of(c) == "when" for c in node.children):
                return True
            if (
                node.dep_ == "acl"
                and node.tag_ in ("VBN", "VBG")
                and lemma_of(node.head) not in statements
                and not (node == trigger.token and trigger.sense.type == "PROTEST" and misparsed_main_verb(node))
            ):
                return True
            if node.dep_ == "prep" and lemma_of(node) in BACKGROUND_PREPS and child.dep_ in ("pobj", "pcomp"):
                return not dates_near(trigger)
            marks = {m.lower_ for m in node.children if m.dep_ == "mark"}
            if node.dep_ == "advcl" and marks & BACKGROUND_MARKS:
                return True
            if node.head == node:
                return False
            child, node = node, node.head
        return False

    # -- type and mode --------------------------------------------------------------------------
    def type_and_mode(self, trigger: Trigger) -> Coded:
        sense = trigger.sense
        category, mode = sense.type, sense.mode
        status = event_status(trigger, self.lexicon, self.published_at)
        intent = self.lexicon.cues.get("intent_types") or {}
        content_types = [content.type for content in trigger.contents]
        threat_modes = self.lexicon.mappings.get("threat_modes") or {}
        if category == "AGREE" and sense.status == "future" and set(content_types) & set(intent.get("conflictual", [])):
            category = "THREATEN"
        elif status == "future" and sense.status is None:
            if category in intent.get("cooperative", []):
                category = "AGREE"
            elif category in intent.get("conflictual", []):
                category, mode = "THREATEN", threat_modes.get(category)
        if category == "THREATEN" and mode is None:
            mode = next((threat_modes[t] for t in content_types if t in threat_modes), None)
        if status == "future" and category == "AGREE" and self.conditional(trigger):
            category = "THREATEN"  # "will withdraw unless...": a conditional promise is a threat
        if category in ("REQUEST", "REJECT") and sense.type == category:
            table = self.lexicon.mappings.get("content_modes") or {}
            mode = next((table[t] for t in content_types if t in table), "change")
        mode = self.mode_from_modifiers(trigger, category) or mode
        return Coded(category, mode, status)

    @staticmethod
    def anchored(args: Arguments) -> bool:
        """Whether the parse found at least one party a resolver recognised (not bare text)."""
        found = [(args.actor, args.actor_from_parse), (args.recipient, args.recipient_from_parse)]
        return any(party is not None and in_parse and party.kind != UNRESOLVED for party, in_parse in found)

    def occurs(self, trigger: Trigger) -> bool:
        """'Protests broke out', 'a battle erupted': the sentence reports the event itself."""
        token = trigger.token
        if lemma_of(token) in self.lexicon.cue_set("participant_nouns") or headline_fragment(token):
            return True
        return token.dep_ in ("nsubj", "nsubjpass") and lemma_of(token.head) in self.lexicon.cue_set("occurrence_verbs")

    @staticmethod
    def conditional(trigger: Trigger) -> bool:
        head = clause_head(trigger)
        return any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)
            for c in head.children
        )

    def mode_from_modifiers(self, trigger: Trigger, category: str) -> str | None:
        cues = (self.lexicon.mappings.get("mode_cues") or {}).get(category) or {}
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

    # -- arguments ------------------------------------------------------------------------------
    def actor_token(self, trigger: Trigger) -> Token | None:
        token = trigger.token
        if trigger.pos == "NOUN":
            own = nominal_actor_token(token)
            if own is not None and self.names_party(own):
                return own
            return self.controlling_subject(token)
        subject, _passive = subject_token(clause_head(trigger) if trigger.pos == "ADJ" else token)
        if subject is None and self.stative_passive(token):
            return next(c for c in token.children if c.dep_ == "nsubjpass")
        return subject

    def stative_passive(self, token: Token) -> bool:
        """'Israel is opposed to', 'Iran is committed to': a state of the subject, not a passive act on it."""
        return (
            token.tag_ == "VBN"
            and lemma_of(token) in self.lexicon.cue_set("stative_participles")
            and any(c.dep_ == "nsubjpass" for c in token.children)
            and not any(c.dep_ == "agent" for c in token.children)
        )

    def names_party(self, token: Token) -> bool:
        if known(self.finder.party_at(token)):
            return True
        return token.pos_ == "PROPN" or token.ent_type_ in PARTY_ENTITY_TYPES

    @staticmethod
    def controlling_subject(noun: Token) -> Token | None:
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
                if node.dep_ in ("nsubj", "nsubjpass"):
                    return None
                subject, _ = subject_token(parent)
                return subject
            node = parent
        return None

    def arguments(self, trigger: Trigger, category: str, depth: int = 0) -> Arguments:
        finder = self.finder
        args = Arguments()
        if trigger.sense.blame:
            return self.blame_arguments(trigger)
        actor_token = self.actor_token(trigger)
        if actor_token is not None:
            actor_token = self.counted_group(own_subject(actor_token))
            pair = finder.pair(actor_token)
            if pair is not None:
                return Arguments(pair[0], pair[1], True, True)
            args.actor, _known = finder.resolve(actor_token)
            args.actor_from_parse = True
            if not known(args.actor) and actor_token.pos_ != "PRON":
                # "thousands of students throughout Indonesia", "a bombing near Samarra"
                inside = [c for c in actor_token.children if c.dep_ in ("prep", "compound", "amod", "poss", "appos")]
                for locative in (False, True):
                    found = finder.party_below(inside, None, {actor_token.i}, locative)
                    if found is not None:
                        args.actor = found
                        break
            if args.actor.kind == UNRESOLVED and not self.group_of_people(actor_token):
                args.actor = None  # "killed by an improvised explosive device": a thing, not a party
        candidates = [t for t in recipient_tokens(trigger) if actor_token is None or t.i != actor_token.i]
        token = trigger.token
        if trigger.nominal and token.dep_ == "nsubj" and lemma_of(token.head) in self.lexicon.cue_set("harm_verbs"):
            # "a roadside bombing near Samarra killed one U.S. soldier": the people the attack hit
            candidates = [c for c in token.head.children if c.dep_ in ("dobj", "obj")] + candidates
        if category == "ACCUSE":
            # "investigating crimes by Croatian extremists": the accused is who committed what is examined
            candidates = self.accused(candidates) + candidates
        for candidate in candidates:
            pair = finder.pair(candidate)
            if pair is not None:
                args.recipient, args.recipient_from_parse = self.other_side(pair, args.actor), True
                break
            if not self.could_be_party(candidate):
                continue
            party, _known = finder.resolve(candidate)
            args.recipient, args.recipient_from_parse = party, True
            if lemma_of(candidate.head) == "between":
                if args.actor is None:
                    args.actor, args.recipient = self.between_parties(candidate) or (party, None)
                else:
                    args.recipient = self.between_other(candidate, args.actor) or party
            break
        if args.recipient is None and actor_token is not None and category in self.lexicon.cue_set("symmetric_types"):
            for conj in actor_token.conjuncts:
                args.recipient, args.recipient_from_parse = finder.resolve(conj)[0], True
                break
        if category == "ASSAULT" and args.recipient is None:
            victims = self.victims(trigger)
            if victims is not None:  # "attacked the village ..., killing 12 civilians": the people hit
                args.recipient, args.recipient_from_parse = victims, True
        if not known(args.recipient):
            # a group of people already found ('killing 12 civilians') is not replaced by a place
            found = self.recipient_below(
                trigger, args.actor, actor_token, allow_places=depth == 0 and not self.people(args.recipient)
            )
            if found is not None:
                args.recipient, args.recipient_from_parse = found, True
        if args.recipient is None:  # last resort: a direct object that names no known party
            objects = [
                t
                for t in candidates
                if t.dep_ in ("dobj", "dative", "nsubjpass")
                and t.pos_ != "NUM"
                and t.ent_type_ not in NOT_PARTY_ENTITY_TYPES
            ]
            parties = [t for t in objects if finder.names_actor(t)]  # 'denied the accusation': no party
            if parties:
                args.recipient = finder.bare_party(parties[0])
            args.recipient_from_parse = bool(objects)  # the parse found what was acted on, party or not
        if args.recipient is None and trigger.contents and depth < 2:
            inner = self.arguments(trigger.contents[0], trigger.contents[0].type, depth + 1)
            if inner.recipient is not None and not same_party(inner.recipient, args.actor):
                args.recipient, args.recipient_from_parse = inner.recipient, inner.recipient_from_parse
            elif inner.actor is not None and inner.actor_from_parse and not same_party(inner.actor, args.actor):
                args.recipient, args.recipient_from_parse = inner.actor, True
        return args

    def counted_group(self, token: Token) -> Token:
        """'Hundreds of thousands of people' -> 'people': the group a number or quantity noun counts."""
        node = token
        for _ in range(3):
            if self.finder.names_actor(node) and node.i in self.finder.actor_by_token:
                return node
            if not self.counts_people(node):
                return node
            members = prep_objects(node, "of")
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

    def could_be_party(self, token: Token) -> bool:
        if token.ent_type_ in NOT_PARTY_ENTITY_TYPES or token.pos_ == "NUM":
            return False
        if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in PARTY_ENTITY_TYPES:
            return True
        return self.finder.party_at(token) is not None

    def recipient_below(
        self, trigger: Trigger, actor: Party | None, actor_token: Token | None, allow_places: bool = True
    ) -> Party | None:
        token = trigger.token
        roots = [c for c in token.children if c.dep_ in OBJECT_SIDE_DEPS]
        verb = token.head
        if trigger.nominal and token.dep_ in ("dobj", "obj") and verb.pos_ == "VERB":
            # "began a hunger strike to protest against X": the light verb's clauses belong to the event
            roots += [c for c in verb.children if c.dep_ in ("xcomp", "advcl", "prep") and c.i != token.i]
        skip = {t.i for t in actor_token.subtree} if actor_token is not None else set()
        skip.add(token.i)
        place_ok = allow_places and trigger.type in self.lexicon.cue_set("place_recipient_types")
        for locative in (False, True) if place_ok else (False,):
            found = self.finder.party_below(roots, actor, skip, locative)
            if found is not None:
                return found
        return None

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

    # -- one event ------------------------------------------------------------------------------
    def code_trigger(self, trigger: Trigger, sentence: SpacySpan) -> Event | None:
        coded = self.type_and_mode(trigger)
        args = self.arguments(trigger, coded.type)
        if self.is_anaphoric(trigger, coded.type, args):
            return None
        bare = not (args.actor_from_parse or args.recipient_from_parse) and not self.occurs(trigger)
        if trigger.pos == "NOUN" and bare and coded.status in ("asserted", "historical"):
            return None  # a bare mention ('the fighting', 'war games') names no one: not coded
        if trigger.sense.needs_party and not self.anchored(args):
            return None  # "three bedrooms occupy the top floor": no political party takes part
        if coded.status == "negated" and coded.type in REFUSABLE and known(args.actor):
            coded = Coded("REJECT", None, "asserted")  # a party not agreeing/meeting/conceding refuses
        confidence = 0.75 if not trigger.nominal else 0.65
        exclude = {identity(p) for p in (args.actor, args.recipient) if known(p)}
        if not known(args.actor):
            nearest = self.finder.nearest(trigger.token, exclude, sentence.start, sentence.end)
            if nearest is not None and args.actor is None:
                args.actor, confidence = nearest, confidence - 0.15
                exclude.add(identity(nearest))
        if not known(args.recipient):
            nearest = self.finder.nearest(trigger.token, exclude, sentence.start, sentence.end)
            if nearest is not None and (args.recipient is None or not args.recipient_from_parse):
                args.recipient, confidence = nearest, confidence - 0.1
        if args.recipient is None:
            args.recipient = self.finder.place_in_sentence(sentence, args.actor)
            confidence -= 0.1 if args.recipient is not None else 0
        if same_party(args.actor, args.recipient):
            args.recipient = None
        args.actor = self.finder.with_context_country(args.actor, sentence)
        args.recipient = self.finder.with_context_country(args.recipient, sentence)
        if known(args.actor):
            confidence += 0.1
        telling = find_attribution(trigger, args.actor, args.actor_from_parse, self.finder, self.lexicon)
        if telling.hearsay:
            confidence -= 0.15
        self.remember_pair(coded.type, args)
        return Event(
            id=f"{self.doc_id}-e{len(self.events) + 1}",
            type=coded.type,
            mode=coded.mode,
            context=list(trigger.sense.context),
            trigger=trigger_span(trigger),
            actor=args.actor,
            recipient=args.recipient,
            status=coded.status,
            attribution=telling.attribution,
            evidence=sentence_evidence(sentence),
            confidence=round(min(0.95, max(0.05, confidence)), 2),
            acled=acled_type(self.lexicon.mappings.get("acled") or {}, coded.type, coded.mode, args.recipient),
            cameo=cameo_code(
                self.lexicon.mappings.get("cameo") or {},
                coded.type,
                coded.mode,
                trigger.sense.cameo if coded.type == trigger.sense.type else None,
            ),
        )

    def is_anaphoric(self, trigger: Trigger, category: str, args: Arguments) -> bool:
        """'the talks', 'the discussion': a definite nominal with no parties of its own repeats an event."""
        if not trigger.nominal or category not in self.seen_types | {e.type for e in self.events}:
            return False
        dets = {lemma_of(c) for c in trigger.token.children if c.dep_ == "det"}
        return (
            bool(dets & DEFINITE_DETS) and not args.recipient_from_parse and nominal_actor_token(trigger.token) is None
        )

    def remember_pair(self, category: str, args: Arguments) -> None:
        if category != "CONSULT":  # meetings establish who "both leaders" are
            return
        if (
            args.actor
            and args.recipient
            and args.actor.country
            and args.recipient.country
            and args.actor.country != args.recipient.country
        ):
            self.finder.last_pair = (args.actor, args.recipient)


def misparsed_main_verb(verb: Token) -> bool:
    """'Tens of women protested outside parliament.': the parser hangs the only verb of the sentence
    on its subject noun as a participle. Checked for protest verbs only, which have no passive
    reading ('Soldiers killed in ambush' stays a participle)."""
    head = verb.head
    return head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("VBN", "VBD")


def headline_fragment(token: Token) -> bool:
    """'Teachers on strike over unpaid salaries.', 'Protests in the hospital against rising prices.':
    a wire-report fragment with no finite verb reports the event its noun names."""
    sentence = token.sent
    return sentence.root.pos_ not in ("VERB", "AUX") and not any(word.tag_ in FINITE_TAGS for word in sentence)


def own_subject(token: Token) -> Token:
    """'The Red Cross operating in Iraq said': a participle parsed as the subject stands for its own subject."""
    if token.pos_ == "VERB" and token.tag_ in ("VBG", "VBN"):
        subjects = [child for child in token.children if child.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
    return token


def same_party(a: Party | None, b: Party | None) -> bool:
    if a is None or b is None:
        return False
    return (a.start, a.end) == (b.start, b.end) or (a.kb_id is not None and a.kb_id == b.kb_id)


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
