"""Parties for tokens (`PartyFinder`) and the parse positions arguments are read from.

Parties come from the actor resolver (`ctx.actor_by_token`, token index -> Party),
then from places standing in the text, then as bare text with no country. Where the parse
gives no argument, the nearest party of the sentence is used at a lower confidence (the
arguments pass, attach.py; the reading itself is argument_reader.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.actors.coref import PLURAL_PRONOUNS, clause_mates, names_one_of
from eventwire.extract.actors.knowledge import load_knowledge
from eventwire.extract.actors.resolver import names_backer
from eventwire.extract.events.lexicon import cue_words
from eventwire.extract.events.triggers import Trigger, objects_of, prep_objects, sides_on_verb
from eventwire.extract.places.dateline import headline_dateline_end
from eventwire.extract.times.dateline import dateline_end, spaced_colon_dateline
from eventwire.knowledge import function_words, package_file
from eventwire.model import Party, Place
from eventwire.nlp.parse import text_of
from eventwire.nlp.tree import FINITE_TAGS, MAX_CLIMB, RELATIVE_PRONOUNS, antecedent, lemma_of

MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "appos")
SUBJECT_DEPS = ("nsubj", "csubj")
LOCATIVE_PREPS = function_words().section("locative_preps").words("event_arguments")
# Edges inside one noun phrase, climbed to find what the phrase hangs on ('a spokeswoman for the U.S. embassy').
PHRASE_DEPS = {"compound", "amod", "poss", "appos", "conj", "nmod", "pobj", "prep"}
# Nouns whose 'of' phrase names the party: "the city of Izhevsk", "the government of Iran".
CONTAINER_NOUNS = cue_words().words("container_nouns")
UNDERGONE_NOUNS = cue_words().words("undergone_nouns")
KIN_NOUNS = cue_words().words("kin_nouns")
ASSOCIATE_NOUNS = cue_words().words("associate_nouns")
# Nouns a town's name can modify while still naming a place ('the Kharkiv region', 'the Gaza border').
PLACE_NOUNS = package_file("eventwire.extract", "data", "place_nouns.yaml").words("area_nouns") | package_file(
    "eventwire.extract", "data", "place_nouns.yaml"
).words("location_nouns")
AGENT_VERBS = cue_words().words("agent_verbs")
CONDUCTING_VERBS = cue_words().words("conducting_verbs")
# Complements of a verb that names or judges its object ('declared illegal', 'called a crime').
NAMING_DEPS = ("oprd", "acomp", "attr", "xcomp", "ccomp")
# Prefixes of a hyphenated modifier naming whom an act is for or against ('pro-Trump rallies').
STANCE_PREFIXES = cue_words().words("stance_prefixes")
# Prepositions that say where a person is from ('Peddar, of Brent', 'a man from Calgary').
ORIGIN_PREPS = {"of", "from"}
PERSON_PRONOUNS = function_words().words("singular_person_pronouns")
FIRST_PERSON_PRONOUNS = function_words().words("first_person_pronouns")
FACT_PRONOUNS = function_words().words("fact_pronouns")
DEFINITE_DETERMINERS = function_words().words("definite_determiners")
SPEAKER_PRONOUNS = function_words().words("speaker_pronouns")
# Entity types that never name a party ("the November 1995 assassination": a date, not who).
NOT_PARTY_ENTITY_TYPES = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
COLLECTIVE_SECTORS = {"IGO", "NGO"}
# Party.kind of a phrase no resolver recognised (text only).
UNRESOLVED = "unresolved"
# Prepositions that introduce members of a set named earlier ("including", "such as").
SET_PREPS = {"include", "including", "such"}
# A nominal trigger after these is background, not the act of the clause's subject.
TEMPORAL_PREPS = cue_words().words("temporal_preps")
# "in the aftermath of the bombings": a nominal act under these is background, like after a temporal preposition.
TEMPORAL_NOUNS = cue_words().words("temporal_nouns")
# Edges climbed when looking for the subject that controls a verb or a noun.
BACKGROUND_PREPS = cue_words().words("argument_background_preps")
# Edges followed below a trigger when looking for its recipient.
OBJECT_SIDE_DEPS = {"dobj", "obj", "dative", "prep", "xcomp", "ccomp", "attr", "oprd", "nsubjpass", "pcomp"}
BELOW_DEPS = OBJECT_SIDE_DEPS | {"pobj", "poss", "compound", "amod", "appos", "conj", "nmod", "acl", "nsubj", "advcl"}
BELOW_DEPTH = 4
# Adjectives of refusal ("unwilling", "reluctant"): the act they govern is their copula's subject's.
REFUSING_ADJS = cue_words().words("negation_governors")
CLIMB_DEPS = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "prep", "pobj", "dobj", "acl", "appos", "oprd"}


def identity(party: Party | None) -> str | None:
    """What a party stands for: its country (for a private person, the story's), or IGO/NGO for international
    bodies without one."""
    if party is None:
        return None
    return party.country or party.guessed_country or (party.sector if party.sector in COLLECTIVE_SECTORS else None)


def same_referent(party: Party, actor: Party | None) -> bool:
    """The actor itself, or a pronoun or name referring back to it ('APEC ... its projections',
    'police said they arrested nine men in their search')."""
    if actor is None:
        return False
    if party.start == actor.start or (party.kb_id is not None and party.kb_id == actor.kb_id):
        return True
    told = (party.name, party.country, party.sector)
    # an unresolved pronoun tells nothing of whom it names: 'they ... him' are not one party
    return party.kind == "coref" and any(told) and told == (actor.name, actor.country, actor.sector)


def same_party(a: Party | None, b: Party | None) -> bool:
    """One mention, or two mentions of one knowledge-base entry."""
    if a is None or b is None:
        return False
    return (a.start, a.end) == (b.start, b.end) or (a.kb_id is not None and a.kb_id == b.kb_id)


def one_party(actor: Party | None, recipient: Party | None) -> bool:
    """Two mentions of one party, which cannot act on itself: one span, one knowledge-base entry, the same words
    ('kidnappers' ... 'the kidnappers'), or a pronoun resolved to the other's person ('his' ... 'He' → Zuma)."""
    if actor is None or recipient is None:
        return False
    if same_party(actor, recipient) or bare_words(actor) == bare_words(recipient):
        return True
    if "coref" not in (actor.kind, recipient.kind) or actor.name == generic_name(actor):
        return False  # a group named by its country ('United States' for 'police') is no one person
    return (actor.name, actor.country, actor.sector) == (recipient.name, recipient.country, recipient.sector)


def bare_words(party: Party) -> str:
    """The party's words without a leading determiner ('the kidnappers' → 'kidnappers')."""
    words = party.text.lower().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in DEFINITE_DETERMINERS else words)


def generic_name(party: Party) -> str | None:
    """The name a party takes from its country alone."""
    country = load_knowledge().countries.get(party.country or "")
    return country.name if country is not None else None


def known(party: Party | None) -> bool:
    return identity(party) is not None


def span_party(span: SpacySpan, **fields: Any) -> Party:
    """A party named by the span's own words; `fields` give its country, confidence, kind."""
    return Party(text=span.text, start=span.start_char, end=span.end_char, name=span.text, **fields)


def party_from_place(place: Place, confidence: float) -> Party:
    """A place standing in as a party (a town attacked, a country acting), at low confidence."""
    return Party(
        text=place.text,
        start=place.start,
        end=place.end,
        name=place.name,
        country=place.country,
        kind="place",
        confidence=confidence,
    )


@dataclass
class Arguments:
    actor: Party | None = None
    recipient: Party | None = None
    actor_from_parse: bool = False
    recipient_from_parse: bool = False
    # tokens the sentence fallback must not make the actor (the one undergoing the act, its teller),
    # or any party (its teller, its cause)
    not_actor: set[int] = field(default_factory=set)
    outside: set[int] = field(default_factory=set)
    # the parse found what the act is aimed at and it names no party (a town that only locates an act noun,
    # 'the Nairobi bombing'; a condemned act whose doer is not told): no party of the sentence stands in
    recipient_untold: bool = False
    # an act noun told with the town it took place in ('a school shooting in Parkland'): the text says where,
    # not who; no party of the sentence stands in for its actor either
    located: bool = False
    # a verb whose object is the place it covers ('patrolled Kosovo'): the place anchors the act (it is no routine of
    # a ship or a jet) without being its recipient
    covers_place: bool = False


class PartyFinder:
    """Maps tokens to Parties for one document."""

    def __init__(
        self,
        doc: Doc,
        actor_by_token: dict[int, Party],
        actors: list[Party],
        places: list[Place],
        pair_words: frozenset[str],
        speech_verbs: frozenset[str] = frozenset(),
        stance_nouns: frozenset[str] = frozenset(),
    ) -> None:
        self.speech_verbs = speech_verbs
        self.stance_nouns = stance_nouns
        self.doc = doc
        self.actor_by_token = actor_by_token
        self.actors = actors
        self.places = [place for place in places if place.country]
        self.place_at_char: dict[int, Place] = {}  # each character to the first place covering it
        for place in self.places:
            for char in range(place.start, place.end):
                self.place_at_char.setdefault(char, place)
        self.pair_words = pair_words
        self.last_pair: tuple[Party, Party] | None = None
        # the dateline ("NAIROBI, Kenya (AP) _", "Headline-NAIROBI — ") says where the report was filed, and by
        # whom: no party
        text = text_of(doc)
        self.dateline_end = dateline_end(text) or headline_dateline_end(text) or 0
        spaced = spaced_colon_dateline(text)  # "Headline 02nd May 2011 03:06 AM HUBLI : ...": the headline tells
        self.spaced_dateline = range(spaced.start(1), spaced.end()) if spaced is not None else range(0)

    # -- token -> party -------------------------------------------------------------------------
    def party_of_token(self, token: Token) -> Party | None:
        if token.idx < self.dateline_end or token.idx in self.spaced_dateline:
            return None
        party = self.actor_by_token.get(token.i)
        if party is not None:
            return party
        place = self.place_at_char.get(token.idx)
        return party_from_place(place, confidence=0.4) if place is not None else None

    def is_town(self, party: Party | None) -> bool:
        """A place standing in as a party that is no country ('Chelsea', 'Bangkok', a county): it can stand for
        a government only as a capital speaking, never for who struck or was struck at the place."""
        if party is None or party.kind != "place":
            return False
        place = self.place_at_char.get(party.start)
        return place is None or not (place.feature_code or "").startswith("PCL")

    def capital_as_subject(self, party: Party) -> bool:
        """A capital named as a clause's subject ('Moscow hosted talks'): its government."""
        place = self.place_at_char.get(party.start)
        if place is None or place.feature_code != "PPLC":
            return False
        span = self.doc.char_span(party.start, party.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    def is_place(self, token: Token) -> bool:
        """The token names a place ('the Denver attacks': a town before an act says where, not who)."""
        party = self.party_of_token(token)
        return party is not None and party.kind == "place"

    def past_dateline(self, token: Token) -> Token | None:
        """A subject parsed inside the dateline stands for the appositive after it ('NAIROBI, Kenya (AP) _
        U.S. Secretary of State Madeleine Albright paid tribute'), else for no one."""
        if token.idx >= self.dateline_end:
            return token
        return next((c for c in token.subtree if c.dep_ == "appos" and c.idx >= self.dateline_end), None)

    def party_at(self, token: Token, depth: int = 0) -> Party | None:
        """The party a noun phrase names: its head, its modifiers ('Russian forces', 'Russia's
        invasion'), or its 'of' phrase ('the city of Izhevsk')."""
        party = self.party_of_token(token)
        if known(party):
            return party
        # "its European Community partners": a possessive pronoun (often the actor itself) comes last
        modifiers = sorted(token.children, key=lambda child: child.pos_ == "PRON")
        for child in modifiers:
            if child.dep_ in MODIFIER_DEPS:
                found = self.party_of_token(child)
                if known(found):
                    return self.people_of(token, child, found) or found
        if depth < 2 and lemma_of(token) in CONTAINER_NOUNS:
            for pobj in prep_objects(token, "of"):
                found = self.party_at(pobj, depth + 1)
                if found is not None:
                    return found
        kin = self.kin_of(token) if depth < 1 and names_kin(token) else None
        if kin is not None:
            return kin
        if depth < 1 and token.pos_ in ("NOUN", "PROPN"):
            for pobj in prep_objects(token, "of") + prep_objects(token, "from") + prep_objects(token, "by"):
                found = self.party_at(pobj, depth + 1)
                if known(found):
                    return found
        return party

    def kin_of(self, noun: Token) -> Party | None:
        """'the wife of opposition leader X': a party of her own with X's country (X takes no part)."""
        for pobj in prep_objects(noun, "of"):
            found = self.party_at(pobj, depth=1)
            if known(found) and self.is_person(found):
                end = pobj.i + 1
                while end < len(self.doc) and self.doc[end].idx < found.end:  # the whole name: 'Lee Min-ho'
                    end += 1
                span = self.doc[noun.left_edge.i : end]  # not what is conjoined to X
                return span_party(span, country=found.country, confidence=min(found.confidence, 0.5))
        return None

    def people_of(self, head: Token, modifier: Token, found: Party) -> Party | None:
        """'Elian's father', 'the Miami relatives', 'a 55-year-old Severn man', 'a Birmingham clinic': kin
        named with a person, and anyone or anything named with a town before it, are parties of their own
        with its country (the town says where they are from); so are a person's associates ("Zuma's adviser");
        None for other phrases ('Russia's invasion',
        'Putin's spokesman' keep the modifier's party; 'the Kharkiv region' stays a place)."""
        if head.pos_ != "NOUN" or modifier.dep_ not in MODIFIER_DEPS:
            return None
        if found.kind == "place":
            if lemma_of(head) in PLACE_NOUNS:
                return None
        elif not self.tied_to(head, modifier) or not self.is_person(found):
            return None
        left = min(modifier.left_edge.i, head.i)
        return span_party(self.doc[left : head.i + 1], country=found.country, confidence=min(found.confidence, 0.5))

    @staticmethod
    def tied_to(head: Token, modifier: Token) -> bool:
        """'Elian's father', "Zuma's adviser": kin of a person, or an associate the person owns (not 'lawyer
        Xie Yang', a role before a name)."""
        lemma = lemma_of(head)
        return lemma in KIN_NOUNS or (lemma in ASSOCIATE_NOUNS and modifier.dep_ == "poss")

    def bare_party(self, token: Token) -> Party:
        """A party with no country, spanning the head and its compounds and adjectives."""
        left = min([token] + [c for c in token.lefts if c.dep_ in ("compound", "amod", "poss")], key=lambda t: t.i)
        return span_party(self.doc[left.i : token.i + 1], confidence=0.2, kind=UNRESOLVED)

    def names_actor(self, token: Token) -> bool:
        """Whether a noun can stand for a party at all: the resolver knows it (even without a country),
        or it is a name, a pronoun or a named entity. 'the accusation', 'a road', 'the village' are not."""
        if token.i in self.actor_by_token or token.pos_ in ("PROPN", "PRON"):
            return True
        if token.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
            return True
        return known(self.party_at(token))

    def is_source(self, token: Token, trigger: Token) -> bool:
        """A token inside the attribution of `trigger` ('according to a police spokesman', 'police
        said' over it, 'told AFP'): the teller or hearer of the event, never its party by proximity."""
        speech = self.speech_verbs
        node = token
        for _ in range(8):
            if node.dep_ == "pobj" and lemma_of(node.head) == "to" and lemma_of(node.head.head) == "accord":
                return True
            verb = node.head
            if node.dep_ in ("nsubj", "dobj", "dative") and lemma_of(verb) in speech and verb.pos_ == "VERB":
                # '..., he said' tagged onto the sentence (parataxis) tells the clauses before it
                tag = verb.dep_ == "parataxis" and verb.i > trigger.i and verb.sent == trigger.sent
                return verb.is_ancestor(trigger) or tag
            if node.head == node or node.dep_ not in PHRASE_DEPS:
                return False
            node = node.head
        return False

    def resolve(self, token: Token) -> tuple[Party, bool]:
        """(party, known): a resolved party or a bare one; pronouns look back for the last party."""
        if token.lower_ in PERSON_PRONOUNS and (person := self.party_of_token(token)) is not None:
            return person, False  # the actor resolver's person for 'he', 'her'
        if self.first_person(token) and (teller := self.teller_of(token)) is not None:
            return teller, False  # '"I object," Gonzalez said': the speaker, not the last party met
        if (speaker := self.speaker_of_clause(token)) is not None:
            return speaker, False  # 'Liverpool said it condemned the damage': the club speaking
        if token.pos_ == "PRON" or lemma_of(token) in RELATIVE_PRONOUNS:
            antecedent = self.antecedent(token)
            if antecedent is not None:
                return antecedent, False
            if self.relative_of_people(token):
                return self.resolve(token.head.head)  # 'the assailants who murdered him'
        party = self.party_at(token)
        if party is not None:
            return party, known(party)
        return self.bare_party(token), False

    def relative_of_people(self, token: Token) -> bool:
        """'who' on a noun or a name ('the assailants who', 'Najib, who denies'), 'that' or 'which' on a party ('a
        delegation of the association, which presented'): a misparse often hangs 'that' on another noun, so that needs
        a party."""
        clause = token.head
        if lemma_of(token) not in RELATIVE_PRONOUNS or clause.dep_ != "relcl":
            return False
        if clause.head.pos_ not in ("NOUN", "PROPN"):
            return False
        return lemma_of(token) == "who" or self.names_actor(clause.head)

    def first_person(self, token: Token) -> bool:
        """'I', 'we', 'our' (not 'US', the country the resolver knows)."""
        pronoun = token.tag_ in ("PRP", "PRP$") and token.i not in self.actor_by_token
        return pronoun and token.lower_ in FIRST_PERSON_PRONOUNS

    def teller_of(self, pronoun: Token) -> Party | None:
        """'"I formally object," Gonzalez said', 'He said we must leave': the subject of the speech verb
        the first-person pronoun's clause is told under, or None."""
        node = pronoun
        for _ in range(MAX_CLIMB + 4):
            verb = node.head
            if verb == node:
                break
            if verb.pos_ == "VERB" and lemma_of(verb) in self.speech_verbs:
                speaker = self.speaker_subject(verb, node)
                return speaker
            node = verb
        root = pronoun.sent.root  # '"I object," Gonzalez said' parsed with the quote as the root
        for verb in (c for c in root.children if c.dep_ == "parataxis" and lemma_of(c) in self.speech_verbs):
            return self.speaker_subject(verb, root)
        return None

    def speaker_of_clause(self, pronoun: Token) -> Party | None:
        """'Liverpool said it condemned ...': 'it' or 'they' as the subject of the clause a body says stands for
        that body, or None."""
        clause = pronoun.head
        if pronoun.lower_ not in SPEAKER_PRONOUNS or pronoun.dep_ not in SUBJECT_DEPS or clause.dep_ != "ccomp":
            return None
        verb = clause.head
        if verb.pos_ != "VERB" or lemma_of(verb) not in self.speech_verbs:
            return None
        return self.speaker_subject(verb, clause)

    def speaker_subject(self, verb: Token, told: Token) -> Party | None:
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c != told]
        if not subjects or subjects[0].lower_ in FIRST_PERSON_PRONOUNS:
            return None
        party = self.resolve(subjects[0])[0]
        return party if party.kind != UNRESOLVED or subjects[0].pos_ == "PROPN" else None

    def antecedent(self, token: Token) -> Party | None:
        if token.dep_ in SUBJECT_DEPS and (noun := antecedent(token)) is not token:
            return self.party_at(noun)
        mates = clause_mates(token)  # 'He hailed President Buhari': not Buhari
        told = self.told_by(token)
        before = [p for p in self.actors if p.end <= token.idx and p.start not in told]
        previous = [p for p in before if known(p) and not names_one_of(p, mates)]
        if token.lower_ in PERSON_PRONOUNS:  # 'he', 'her' stand for a person, not a party or a country
            previous = [p for p in previous if self.is_person(p)]
        elif token.lower_ in PLURAL_PRONOUNS:  # 'they' stand for a group ('relatives', 'police'), never one person
            reach = self.previous_sentence_start(token)
            previous = [p for p in previous if p.start >= reach and self.is_group(p)]
        return previous[-1] if previous else None

    @staticmethod
    def points_to_fact(token: Token) -> bool:
        """'That brought the toll to 259', 'This angered Moscow': a demonstrative standing alone points back to a
        fact or a statement, not to a party (a relative 'that' stands for the noun its clause tells of)."""
        relative = token.head.dep_ == "relcl"
        return token.tag_ == "DT" and lemma_of(token) in FACT_PRONOUNS and token.head != token and not relative

    def told_by(self, subject: Token) -> set[int]:
        """The characters of what the subject's speech verb tells ('"We apologise to the staff," it added'): a
        pronoun speaker never stands for a party named in its own quote."""
        verb = subject.head
        if subject.dep_ not in SUBJECT_DEPS or lemma_of(verb) not in self.speech_verbs:
            return set()
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < subject.i]
        return {t.idx for clause in clauses for t in clause.subtree}

    def previous_sentence_start(self, token: Token) -> int:
        """The first character of the sentence before the token's (a plural antecedent is that near)."""
        start = token.sent.start
        return self.doc[start - 1].sent.start_char if start > 0 else 0

    def is_group(self, party: Party) -> bool:
        """A party named by a plural noun ('relatives', 'Kenyans'), a plural pronoun or an organization."""
        span = self.doc.char_span(party.start, party.end, alignment_mode="expand")
        if span is None or self.is_person(party) or party.start < self.dateline_end or party.sector == "JRN":
            return False  # nor the agency filing the report ('(AP)', 'Reuters reported')
        organization = (party.kb_id or "PER:").split(":")[0] != "PER"
        return span.root.tag_ in ("NNS", "NNPS") or span.root.lower_ in PLURAL_PRONOUNS or organization

    def is_person(self, party: Party) -> bool:
        if (party.kb_id or "").startswith("PER:"):
            return True
        span = self.doc.char_span(party.start, party.end, alignment_mode="expand")
        return span is not None and (span.root.ent_type_ == "PERSON" or span.root.lower_ in PERSON_PRONOUNS)

    def pair(self, token: Token) -> tuple[Party, Party] | None:
        """'both leaders', 'the two presidents': the two parties of the last two-party event."""
        if any(
            lemma_of(child) in self.pair_words
            for child in token.children
            if child.dep_ in ("det", "predet", "nummod", "amod")
        ):
            return self.last_pair
        return None

    def party_below(
        self, roots: list[Token], actor: Party | None, skip: set[int], locative: bool, towns: bool = True
    ) -> Party | None:
        """The first party with a country found breadth-first below `roots` on the object side
        ('threatened to break relations WITH Russia', 'halted aid TO Serbia'); on the `locative` pass,
        without `towns`, a town named as where ('in Birmingham') is not taken."""
        queue = [(root, 0) for root in roots]
        seen: set[int] = set(skip)
        domestic: Party | None = None  # a party of the actor's own country: used if nothing else is found
        while queue:
            node, depth = queue.pop(0)
            if node.i in seen:
                continue
            seen.add(node.i)
            if node.dep_ == "prep" and (background_prep(node) or (not locative and self.is_locative(node))):
                continue
            party = self.party_of_token(node) if node.pos_ in ("PROPN", "NOUN", "ADJ", "PRON") else None
            kin = self.kin_of(node) if names_kin(node) else None  # 'Eva Forest, wife of the playwright X'
            party = kin or party
            if known(party) and node.head != node:
                party = self.people_of(node.head, node, party) or party  # 'the Miami relatives' home'
            if locative and not towns and party is not None and party.kind == "place":
                party = None  # 'a bombing in Birmingham': the town where it happened is its location
            if known(party) and not (actor is not None and identity(party) == identity(actor)):
                return party
            if known(party) and domestic is None and not same_referent(party, actor):
                domestic = party
            if depth < BELOW_DEPTH:
                queue += [(child, depth + 1) for child in node.children if child.dep_ in BELOW_DEPS]
        return domestic

    def places_in(self, sentence: SpacySpan) -> list[Place]:
        """The places of the sentence past the dateline ('NEW YORK (AP) --' says where the report was filed)."""
        start = max(sentence.start_char, self.dateline_end)
        return [p for p in self.places if start <= p.start < sentence.end_char]

    def locations_in(self, sentence: SpacySpan) -> list[Place]:
        """The places the sentence says something happened at ('in Tel Aviv', 'near the town of Samarra'),
        not names standing for a party ('Palestinian bombers')."""
        found = []
        for place in self.places_in(sentence):
            token = self.doc.char_span(place.start, place.end, alignment_mode="expand")
            if token is None:
                continue
            node = token.root
            for _ in range(4):  # climb 'the West Bank city of Hebron' / 'the capital Kabul' to the preposition
                if node.dep_ == "pobj" and lemma_of(node.head) in LOCATIVE_PREPS:
                    found.append(place)
                    break
                if node.dep_ not in ("pobj", "compound", "appos", "poss", "prep") or node.head == node:
                    break
                node = node.head
        return found

    def place_in_sentence(self, sentence: SpacySpan, actor: Party | None, skip: set[int] = frozenset()) -> Party | None:
        """The first place of the sentence outside the actor's own words and the `skip` tokens, as a
        low-confidence party: 'postponed the rally in Baku' (the gold standards code the place acted in as
        the recipient)."""
        for place in self.locations_in(sentence):
            span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None and span.root.i in skip:
                continue
            if actor is not None and actor.start <= place.start < actor.end:
                continue
            if actor is not None and actor.kind == "place" and (actor.start, actor.end) == (place.start, place.end):
                continue
            return party_from_place(place, confidence=0.3)
        return None

    def with_context_country(self, party: Party | None, sentence: SpacySpan) -> Party | None:
        """'protesters', 'civilians', 'people' with no country take the country of the place the
        sentence names ('killed 12 civilians in central Mali'), at a low confidence."""
        if party is None or party.country or not party.sector or party.sector in COLLECTIVE_SECTORS:
            return party
        if party.kind in (UNRESOLVED, "place"):
            return party
        places = self.locations_in(sentence)
        if not places:
            return party
        place = min(places, key=lambda p: abs(p.start - party.start))
        return replace(party, country=place.country, confidence=min(party.confidence or 0.3, 0.3))

    def is_locative(self, prep: Token) -> bool:
        """'in Hong Kong' is where; 'in defiance of', 'in protest at', 'in support of' are stances."""
        if lemma_of(prep) not in LOCATIVE_PREPS:
            return False
        return not any(lemma_of(pobj) in self.stance_nouns for pobj in prep.children if pobj.dep_ == "pobj")

    def nearest(
        self,
        trigger: Token,
        exclude: set[str | None],
        sentence_start: int,
        sentence_end: int,
        skip: frozenset[int] | set[int] = frozenset(),
        places_too: bool = True,
        towns: bool = True,
    ) -> Party | None:
        """The closest party with a country in the sentence, not at a locative preposition (those count
        as far away, or not at all without `places_too`: a place names where, never who acted)."""
        best: tuple[int, Party] | None = None
        for token in self.doc[sentence_start:sentence_end]:
            if token.i == trigger.i or token.i in skip or token.pos_ not in ("PROPN", "NOUN", "ADJ", "PRON"):
                continue
            if self.is_source(token, trigger):
                continue
            if in_background_phrase(token):
                continue  # 'a week after the anniversary of the Supreme Court decision': another time's party
            # a place where something happens is a poorer guess than a party: count it as far away
            locative = in_locative_phrase(token)
            if (locative and not places_too) or (token.dep_ == "poss" and token.pos_ == "PRON"):
                continue  # a place names where; 'their' in 'to their credit' is no one new
            party = self.party_of_token(token)
            if not known(party) or identity(party) in exclude or (locative and not towns and party.kind == "place"):
                continue  # without `towns`, a town where something happened is where, not who
            if party.kind == "place" and names_origin(token):
                continue  # 'Peddar, of Brent, denies': where someone is from, not who takes part
            if names_backer(token):
                continue  # 'Iranian-backed militias shelled the town': not Iran
            distance = abs(token.i - trigger.i) + (1000 if locative else 0)
            if best is None or distance < best[0]:
                best = (distance, party)
        return best[1] if best else None


def names_kin(noun: Token) -> bool:
    """'the wife of X', 'a lawyer of X': the noun may name someone by their tie to a person X."""
    return noun.pos_ == "NOUN" and lemma_of(noun) in KIN_NOUNS | ASSOCIATE_NOUNS


def background_prep(prep: Token) -> bool:
    """'after', 'following' (tagged a verb, lemma 'follow'), 'amid' ...: what follows is background."""
    return prep.lower_ in BACKGROUND_PREPS or lemma_of(prep) in BACKGROUND_PREPS


def in_background_phrase(token: Token) -> bool:
    """'after the anniversary of the Supreme Court decision', 'following talks with Iran': the token is
    named inside a phrase of another time ('after', 'following', 'since' ...)."""
    node = token
    for _ in range(6):
        if node.dep_ == "prep" and background_prep(node):
            return True
        if node.dep_ not in PHRASE_DEPS or node.head == node:
            return False
        node = node.head
    return False


def names_origin(token: Token) -> bool:
    """'Peddar, of Brent', 'a 28-year-old from Damascus', 'Atlanta-based BellSouth': the token names
    where a person or a firm is from or based, which says nothing of who takes part in an act."""
    node = token
    for _ in range(4):
        if node.dep_ == "npadvmod" and lemma_of(node.head) == "base":
            return True
        if node.dep_ == "pobj" and lemma_of(node.head) in ORIGIN_PREPS:
            owner = node.head.head
            return owner.ent_type_ == "PERSON" or owner.tag_ == "NNP" or owner.text.endswith("-old")
        if node.dep_ not in ("compound", "appos", "conj") or node.head == node:
            return False
        node = node.head
    return False


def in_locative_phrase(token: Token) -> bool:
    """'at U.S. embassies', 'near Rochester, N.Y.': the token names (part of) where something happened."""
    node = token
    for _ in range(4):
        if node.dep_ == "pobj" and lemma_of(node.head) in LOCATIVE_PREPS:
            return True
        if node.dep_ not in ("compound", "amod", "appos", "poss", "conj") or node.head == node:
            return False
        node = node.head
    return False


# -- argument positions ---------------------------------------------------------------------------
def subject_token(verb: Token) -> tuple[Token | None, bool]:
    """(subject, passive): the agent of a verb, climbing through xcomp/conj/advcl to the controller."""
    node = below = verb
    for _ in range(MAX_CLIMB):
        for child in node.children:
            if child.dep_ == "agent":
                pobjs = [p for p in child.children if p.dep_ == "pobj"]
                if pobjs:
                    return pobjs[0], True
        shared = shared_agent(node)
        if shared is not None:
            return shared, True
        # two subjects come from a misparse ("NICOSIA, Aug. 8 (Xinhua) -- The government condemned"): the one
        # nearest the verb is its own; the parser may hang it on the auxiliary ("Security forces were patrolling")
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS] or [
            s for aux in node.children if aux.dep_ == "aux" for s in aux.children if s.dep_ in SUBJECT_DEPS
        ]
        if subjects:
            return subjects[-1], False
        if (acronym := acronym_as_auxiliary(node)) is not None:
            return acronym, False
        passive_subjects = [child for child in node.children if child.dep_ == "nsubjpass"]
        # "is expected to meet Bush", "were forced to flee": the subject acts; "were found murdered": it underwent
        if passive_subjects and node != verb and below.dep_ == "xcomp" and below.tag_ != "VBN":
            return passive_subjects[-1], False
        if passive_subjects or any(child.dep_ == "auxpass" for child in node.children):
            return None, True  # 'X named two candidates and was murdered': X underwent the second act
        if node == verb and (stolen := subject_hung_elsewhere(verb)) is not None:
            return stolen, False
        controller = object_controller(node)
        if controller is not None:
            return controller, False
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head, False
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            owners = [c for c in node.head.children if c.dep_ == "poss"]
            if owners:  # "his determination to find"
                return owners[0], False
        parent = climb(node)
        if parent is None:
            return None, False
        below, node = node, parent
    return None, False


def subject_hung_elsewhere(verb: Token) -> Token | None:
    """'Led by the Tiger Forces and their commander, the Syrian Armed Forces stormed the farms': a finite verb with
    no subject whose parse hung the noun phrase just before it on an earlier word (as an apposition, a conjunct
    or an object) has that phrase as its subject."""
    if verb.tag_ not in FINITE_TAGS or verb.dep_ != "ROOT" or verb.i == 0:
        return None
    if any(child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for child in verb.children):
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("appos", "conj", "pobj", "dobj"):
        return None
    if noun.head.i >= noun.i or noun.right_edge.i != noun.i:
        return None
    first = noun.head  # "Highway, the 48th Regiment and their allies continued": the coordination's first member
    if (
        noun.dep_ == "conj"
        and first.dep_ == "appos"
        and first.left_edge.i > 0
        and noun.doc[first.left_edge.i - 1].text == ","
    ):
        return first
    return noun


def acronym_as_auxiliary(verb: Token) -> Token | None:
    """'IS launched counter-attacks': an acronym opening the sentence that the parser read as the verb's auxiliary
    ('is') is its subject."""
    first = verb.sent[0]
    if first.head != verb or first.dep_ not in ("aux", "auxpass") or not (first.text.isupper() and len(first.text) > 1):
        return None
    return first


def hung_subject(noun: Token) -> bool:
    """The noun is the subject the parse hung on an earlier phrase ('Following the capture of the checkpoints by X,
    the army's 9th Division launched a counter-assault': the division is no part of the capture)."""
    after = noun.right_edge.i + 1
    return after < len(noun.doc) and subject_hung_elsewhere(noun.doc[after]) == noun


def shared_agent(verb: Token) -> Token | None:
    """'A soldier killed and beheaded by militants': a bare participle conjoined to the verb shares its
    'by' agent with it (the parser hangs the agent on the last participle only)."""
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"):
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children):
            continue
        agent = next((c for c in conj.children if c.dep_ == "agent"), None)
        pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None:
            return pobj
    return None


def object_controller(node: Token) -> Token | None:
    """'urged Iran to halt', 'dissuade Putin from launching': the object is the subject below."""
    head = node.head
    if node.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ == "dobj"]
        return objects[0] if objects else None
    if node.dep_ == "pcomp" and lemma_of(head) in ("from", "into") and head.dep_ == "prep":
        objects = [c for c in head.head.children if c.dep_ == "dobj"]
        return objects[0] if objects else None
    return None


def climb(node: Token) -> Token | None:
    """One step up towards the clause that controls `node`, or None at a boundary."""
    if node.head == node:
        return None
    if node.dep_ == "prep" and lemma_of(node) in SET_PREPS:
        # "attempts ..., including a visit": the set noun, whatever the parser attached it to
        before = [t for t in node.doc[node.sent.start : node.i] if t.tag_ in ("NNS", "NNPS")]
        if before:
            return before[-1]
    if node.dep_ == "prep" and lemma_of(node) in TEMPORAL_PREPS:
        return None
    if node.dep_ == "prep" and lemma_of(node) == "of" and lemma_of(node.head) in TEMPORAL_NOUNS:
        return None
    if node.dep_ in CLIMB_DEPS or (node.dep_ == "acomp" and lemma_of(node) in REFUSING_ADJS):
        return node.head  # "Iran was unwilling to meet": the copula's subject refuses
    return None


def nominal_actor_token(noun: Token) -> Token | None:
    """The first of `nominal_actor_tokens`."""
    return next(iter(nominal_actor_tokens(noun)), None)


def nominal_actor_tokens(noun: Token) -> list[Token]:
    """The words that may name who did a nominal act, nearest first: 'a Ukrainian drone strike' (amod), 'Russia's
    invasion' (poss), 'attack by rebels' (by), 'a rally organised by X' (passive_agent). The possessor of an act
    undergone ('X's abduction', 'his arrest') is not its actor."""
    undergone = lemma_of(noun) in UNDERGONE_NOUNS
    found = []
    for child in noun.children:
        if child.dep_ not in ("poss", "amod", "compound", "nmod") or (undergone and child.dep_ == "poss"):
            continue
        if child.ent_type_ in NOT_PARTY_ENTITY_TYPES or child.like_num:
            continue  # "the November 1995 assassination": when, not who
        if stance_prefix(child) is not None or child.text == "-" or child.lower_ in STANCE_PREFIXES:
            continue  # "pro-Trump rallies", "an anti-Russia protest": whom the act is for or against
        found.append(relative_antecedent(child) if child.tag_ == "WP$" else child)
    found = [conductor(noun, token) if token.tag_ == "PRP$" else token for token in found]
    found += prep_objects(noun, "by") + prep_objects(copular_attribute(noun), "by")
    found.append(passive_agent(noun))
    return [token for token in found if token is not None]


def conductor(noun: Token, possessive: Token) -> Token:
    """'the Syrian Armed Forces, backed by Hezbollah, continued their offensive': the subject of a verb that carries
    the act out (`conducting_verbs`) owns the act its possessive names; otherwise the possessive itself ('police
    broke up their rally': the protesters')."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or lemma_of(verb) not in CONDUCTING_VERBS:
        return possessive
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or subject_hung_elsewhere(verb)
    return possessive if subject is None or subject.pos_ == "PRON" else subject


def copular_attribute(noun: Token) -> Token:
    """'The attack was the latest by insurgents': the parse hangs the act's phrases on the attribute of the copula
    the act is the subject of; otherwise the noun itself."""
    if noun.dep_ != "nsubj" or lemma_of(noun.head) != "be":
        return noun
    return next((c for c in noun.head.children if c.dep_ == "attr" and c.i > noun.i), noun)


def stance_prefix(token: Token) -> str | None:
    """'anti' in 'anti-Russia', 'pro' in 'pro-Trump' (STANCE_PREFIXES)."""
    if token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ in STANCE_PREFIXES:
        return token.nbor(-2).lower_
    return None


def under_object(noun: Token) -> bool:
    """'came under attack', 'was under fire': the act is what its clause's subject undergoes."""
    return noun.dep_ == "pobj" and lemma_of(noun.head) == "under"


def relative_antecedent(token: Token) -> Token | None:
    """'the veterans, whose agitation entered its 81st day': the noun the relative clause holding `token` is on."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.dep_ == "relcl":
            return node.head
        if node.head == node:
            return None
        node = node.head
    return None


def passive_agent(noun: Token) -> Token | None:
    """'a curfew was imposed by the army', 'the massacre was carried out by X', and the same verb as a
    participle on the noun ('a deal announced Thursday by the city', 'protests organised by the
    opposition'): the agent of a verb that only says the act took place is the act's actor."""
    # The small model tags some such participles VBD ('a protest staged by them').
    verbs = [c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and lemma_of(c) in AGENT_VERBS]
    if noun.dep_ == "nsubjpass" and lemma_of(noun.head) in AGENT_VERBS:
        verbs.append(noun.head)  # 'a rally organised by X was held': the participle's agent first
    for verb in verbs:
        if any(child.dep_ in NAMING_DEPS for child in verb.children):
            continue  # 'a strike declared illegal by the court', 'the attack, called barbaric by X': a judgement
        # 'Led by the union, a rally was organised': the agent of a leading participle on the verb
        leading = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN" and lemma_of(c) in AGENT_VERBS]
        for child in [c for v in (verb, *leading) for c in v.children]:
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def content_subject(token: Token) -> Token | None:
    """'called for Tehran to halt': the subject of the clause a frame governs."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "advcl", "acl"):
            for grandchild in child.children:
                if grandchild.dep_ in ("nsubj", "nsubjpass"):
                    return grandchild
        if child.dep_ == "prep" and lemma_of(child) in ("for", "on", "upon"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and any(g.dep_ in ("acl", "relcl") for g in pobj.children):
                    return pobj
    return None


def object_gap(verb: Token) -> bool:
    """A relative clause with a subject of its own and no object: its noun is what it acts on ('the owner they took
    hostage'); not 'the man who attacked them'."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.lower_ not in RELATIVE_PRONOUNS for s in subjects)


def recipient_tokens(trigger: Trigger) -> list[Token]:
    """Candidates for the recipient, in the order the sense lists its positions."""
    token = trigger.token
    found: list[Token] = []
    positions = trigger.sense.recipient or (("dobj",) if not trigger.nominal else ("on", "against", "with", "to"))
    if trigger.nominal and lemma_of(token) in UNDERGONE_NOUNS:
        found += [c for c in token.children if c.dep_ == "poss"]  # "X's abduction": X undergoes it
    for position in positions:
        if position == "dobj":
            found += [c for c in token.children if c.dep_ in ("dobj", "obj")]
            if not found:  # several passive subjects come from a misparse: the one nearest the verb first
                found += sorted((c for c in token.children if c.dep_ == "nsubjpass"), key=lambda c: -c.i)
            if not found and shared_agent(token) is not None:  # 'a soldier killed and beheaded by X'
                found += [c for c in token.children if c.dep_ == "nsubj"]
            if not found and token.dep_ == "acl" and token.tag_ == "VBN":
                found.append(token.head)  # "five men detained on Sunday": the noun the participle describes
            if not found and object_gap(token):
                found.append(token.head)  # "a store owner they took hostage": the noun the clause is on
            if not found and token.dep_ == "advcl" and token.tag_ == "VBN":
                found += objects_of(token)  # "Backed by jets, government troops advanced"
            if not found and token.dep_ in ("xcomp", "oprd") and token.tag_ == "VBN":
                found += [c for c in token.head.children if c.dep_ == "nsubjpass"]  # "were found murdered"
            if not found and token.dep_ == "conj" and any(c.dep_ == "auxpass" for c in token.children):
                found += [c for c in token.head.children if c.dep_ == "nsubj"]  # "X spoke and was attacked"
        elif position == "dative":
            found += [c for c in token.children if c.dep_ == "dative"]
        elif position == "content_subj":
            subject = content_subject(token)
            if subject is not None:
                found.append(subject)
        elif position == "content_obj":
            for child in token.children:
                if child.dep_ == "xcomp":
                    found += [g for g in child.children if g.dep_ == "dobj"]
        else:
            found += prep_objects(token, position)
            if position == "against" and not trigger.nominal:  # "filed a case against X": on the object
                objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
                found += [t for obj in objects for t in prep_objects(obj, position)]
    if trigger.nominal:  # "an anti-Russia protest": what it is against
        found += [c for c in token.children if c.dep_ in ("amod", "compound") and stance_prefix(c) == "anti"]
    if trigger.nominal:
        found += sides_on_verb(token)
    # "individuals who were detained": the relative pronoun stands for the noun the clause hangs on
    return [antecedent(t) for t in found]
