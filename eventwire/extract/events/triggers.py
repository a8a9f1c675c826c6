"""Find event triggers in a parsed sentence: verbs, nouns and adjectives from the lexicon.

A trigger is a token whose lemma has a sense in triggers.yaml whose conditions hold in the
parse. Triggers that only name the content of another event ("calling for a ceasefire",
"agreed to cooperate") or repeat it ("met to discuss") are marked as content of that event
instead of standing alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.actors.knowledge import load_knowledge
from eventwire.extract.events.lexicon import Lexicon, Sense, cue_words
from eventwire.knowledge import function_words
from eventwire.nlp.tree import (
    MAX_CLIMB,
    antecedent,
    governing_verb,
    lemma_of,
    passive_agents,
    prep_objects,
    verb_above,
)

COPULAS = cue_words().words("copulas")
OBJECT_DEPS = {"dobj", "obj"}
PARTICLE_DEPS = {"prt", "prep", "advmod", "ccomp", "oprd", "acomp"}
OWN_PRONOUNS = cue_words().words("own_pronouns")
OWN_POSSESSIVES = cue_words().words("own_possessives")
OWN_FORCES = cue_words().words("own_forces")
COMPLEMENT_DEPS = {"acomp", "oprd", "xcomp", "ccomp"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod"}
NAMING_SPAN = 4  # words after an "as" that can say what a thing is called ("as beyond despicable")
# Edges along which what a frame governs is its content.
CONTENT_DEPS = {
    "dobj",
    "obj",
    "xcomp",
    "ccomp",
    "prep",
    "pobj",
    "pcomp",
    "acl",
    "attr",
    "oprd",
    "conj",
    "advcl",
    "dative",
}
# Edges that never carry content (the frame's own subject, adverbs, auxiliaries).
NON_CONTENT_DEPS = {"nsubj", "nsubjpass", "csubj", "advmod", "aux", "auxpass", "neg", "mark", "punct", "cc", "relcl"}
PROTEST_CONTENT = {"REQUEST", "ACCUSE", "REJECT", "PROTEST"}
SEPARATE_CLAUSE_MARKS = cue_words().words("separate_clause_marks")
CONTRAST_CLAUSE_MARKS = cue_words().words("contrast_clause_marks")
HARM_DEGREE_ADVS = cue_words().words("harm_degree_advs")
# "fired a volley of plastic bullets": the object is what the volley holds.
MEASURE_NOUNS = cue_words().words("measure_nouns")
VERBAL_TYPES = cue_words().words("verbal_types")
QUANTITY_NOUNS = cue_words().words("quantity_nouns")
OCCASION_PREPS = cue_words().words("occasion_preps")
MEETING_OCCASION_PREPS = cue_words().words("meeting_occasion_preps")
STANCE_TYPES = {"ACCUSE", "SUPPORT", "REJECT"}
CONDEMNED_ACT_TYPES = cue_words().words("condemned_act_types")
DISTINCT_ACT_MODES = cue_words().words("distinct_act_modes")
WEAPON_MODES = cue_words().words("weapon_modes")
DEFINITE_DETS = function_words().words("definite_determiners")
BLAMED_ACTS = cue_words().words("blamed_acts")
SEQUENCE_PREPS = function_words().words("sequence_preps")


@dataclass
class Trigger:
    token: Token
    sense: Sense
    pos: str
    content_of: Trigger | None = None  # the frame (or same-type event) this trigger is part of
    occasion_for: Trigger | None = None  # the act done at this one ("arrested 20 people at a protest")
    condemned_by: Trigger | None = None  # the disapproval that names this act ("condemned the attack on X")
    contents: list[Trigger] = field(default_factory=list)

    @property
    def nominal(self) -> bool:
        return self.pos != "VERB"

    @property
    def type(self) -> str:
        return self.sense.type


def word_class(token: Token) -> str | None:
    """The lexicon section a token is looked up in."""
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ == "NOUN":
        return "NOUN"
    if token.pos_ == "ADJ":
        return "ADJ"
    return None


def initial_common_noun(token: Token) -> bool:
    """'Curfew imposed in Kashmir', 'Violence erupted...': the model tags a bare singular noun that opens
    a sentence as a proper noun; one that names no entity is looked up as a noun."""
    # `token.sent` last: spaCy builds the sentence span on each call
    return token.pos_ == "PROPN" and not token.ent_type_ and token.is_title and token.i == token.sent.start


def clause_head(trigger: Trigger) -> Token:
    """The verb whose clause holds the trigger (the trigger itself for verbs)."""
    return trigger.token if not trigger.nominal else verb_above(trigger.token)


def is_copular(token: Token) -> bool:
    """True when the word sits in 'X was at the root of', 'X is responsible for', 'X is ready to'."""
    node = token
    for _ in range(3):
        if node.dep_ in ("acomp", "attr") and lemma_of(node.head) in COPULAS:
            return True
        if node.head == node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return lemma_of(node) in COPULAS
    return False


def objects_of(token: Token) -> list[Token]:
    objects = [child for child in token.children if child.dep_ in OBJECT_DEPS]
    objects = [obj for obj in objects if not sums_up(obj, objects)]
    if not objects:  # passive: "sanctions were lifted"
        objects = [child for child in token.children if child.dep_ == "nsubjpass"]
    if not objects and token.tag_ == "VBN" and token.dep_ in ("acl", "advcl"):
        # "a soldier captured in Iraq", "Arrested in Paris, he was released": what the participle describes
        objects = [word for word in described_by(token) if token.dep_ == "acl" or token.i < word.i]
    objects = [antecedent(obj) for obj in objects]  # 'Saadat, who was captured in the raid'
    return objects + [conj for obj in objects for conj in obj.conjuncts]


def sums_up(obj: Token, objects: list[Token]) -> bool:
    """'captured the towns of X and Y last Friday, a strategic victory': a second object after a comma, which the
    parse hangs on the verb, sums up the act; it is not what was acted on."""
    earlier = [other for other in objects if other.i < obj.i]
    return bool(earlier) and obj.doc[obj.left_edge.i - 1].text == ","


def described_by(participle: Token) -> list[Token]:
    """The noun a participle describes: its head ('the army, backed by militias, advanced'), or the subject of the
    verb it hangs on ('Backed by militias, the army advanced')."""
    if participle.dep_ == "acl" and participle.head.pos_ in ("NOUN", "PROPN"):
        return [participle.head]
    if participle.dep_ == "advcl" and participle.tag_ in ("VBN", "VBG"):
        return subjects_of(participle.head)
    return []


def subjects_of(token: Token) -> list[Token]:
    """The word's subjects, or those of the verb it is joined to ("tanks crossed the border and entered the city")."""
    subjects = [child for child in token.children if child.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and token.dep_ == "conj" and token.pos_ == "VERB":
        subjects = [child for child in token.head.children if child.dep_ in ("nsubj", "nsubjpass")]
    return subjects


def object_words(obj: Token) -> set[str]:
    """The object's lemma, its compound and adjective modifiers ("rubber bullets", "plastic bullets"),
    and, for a measure noun or a number ("a volley of tear gas", "23 of its diplomats", "hundreds of
    diplomats"), the same of what it measures or counts."""
    words = {lemma_of(obj), hyphen_joined(obj)} | {lemma_of(c) for c in obj.children if c.dep_ in ("compound", "amod")}
    if lemma_of(obj) in MEASURE_NOUNS | QUANTITY_NOUNS or obj.pos_ == "NUM":
        # 'two dozen of the officials': the parse hangs 'of' on the number's 'dozen'
        quantities = [obj, *(c for c in obj.children if c.dep_ == "quantmod")]
        for measured in (m for q in quantities for m in prep_objects(q, "of")):
            words |= object_words(measured)
    return words


def tells_time(prep: Token) -> bool:
    """'on Monday', 'in March': a preposition heading a date or time says when, not who or what."""
    return any(pobj.dep_ == "pobj" and pobj.ent_type_ in ("DATE", "TIME") for pobj in prep.children)


def preposition_lemmas(token: Token, after: bool = False) -> set[str]:
    """The lemmas of the word's prepositions and particles (`after`: only those after it)."""
    lemmas = {
        lemma_of(child)
        for child in token.children
        if child.dep_ in ("prep", "prt", "agent", "dative")
        and not tells_time(child)
        and (child.i > token.i or not after)
    }
    # "call for Tehran to halt": 'for' can hang as the mark of the governed clause.
    for child in token.children:
        if child.dep_ in ("advcl", "ccomp", "xcomp"):
            lemmas |= {lemma_of(mark) for mark in child.children if mark.dep_ == "mark"}
    return lemmas


def sides_on_verb(token: Token) -> list[Token]:
    """'fighting broke out between the army and the rebels': the sides of an act noun told on the verb it is the
    subject of."""
    return prep_objects(token.head, "between") if token.dep_ == "nsubj" else []


@lru_cache(maxsize=1)
def people_words() -> frozenset[str]:
    """Words for people by their role or group in the actor tables (roles.yaml, the Phoenix agents): 'arsonist',
    'activist', 'official'; not 'tower', 'seat', 'medal', nor the weak, abstract and state-body words of roles.yaml
    ('power', 'media', 'government')."""
    roles = load_knowledge().roles
    bodies = (
        roles.weak_roles
        | roles.weak_singular_roles
        | roles.abstract_roles
        | (roles.home_country_roles - set(roles.titles))
    )
    return frozenset(word for word in {*roles.groups, *roles.titles} - bodies if " " not in word)


def condition_holds(token: Token, key: str, value: object) -> bool:
    """One `when` condition of a sense, checked against the parse."""
    if key == "prep":
        return bool(preposition_lemmas(token) & set(value))
    if key == "prt":  # a particle the parser labels a preposition, adverb or clause ("called off", "set ... ablaze")
        return any(child.dep_ in PARTICLE_DEPS and lemma_of(child) in value for child in token.children)
    if key == "obj":  # the object or its modifier ("ended mediation efforts"), or what a volley holds
        return any(object_words(obj) & set(value) for obj in objects_of(token))
    if key == "obj_pos":  # the object's part of speech ("captured Lubumbashi": a name)
        return any(obj.pos_ in value for obj in objects_of(token))
    if key == "obj_people":  # people the actor tables know by their role ("captured an arsonist", "RUF members")
        return any(lemma_of(obj) in people_words() for obj in objects_of(token)) == bool(value)
    if key == "obj_ent":  # a named party as object ("UEFA charged Liverpool"): its entity label
        return any(obj.ent_type_ in value for obj in objects_of(token))
    if key == "pobj_ent":  # a named party after a preposition ("spoke to Abe"): its entity label
        return any(pobj.ent_type_ in value for pobj in prep_objects(token, *preposition_lemmas(token)))
    if key == "subj_ent":  # a named party as subject ("Putin and Erdogan spoke by phone"): its entity label
        return any(child.dep_ == "nsubj" and child.ent_type_ in value for child in token.children)
    if key == "no_obj":
        has_object = any(child.dep_ in OBJECT_DEPS for child in token.children)
        return (not has_object) == bool(value)
    if key == "own_content":  # "warned that he would retaliate", "that its forces will storm": the warner's own act
        return own_content(token) == bool(value)
    if key == "passive":  # "the protest was dispersed" (a crowd that "dispersed" on its own is no act)
        return any(child.dep_ in ("auxpass", "nsubjpass") for child in token.children) == bool(value)
    if key == "prep_after":  # "called on Zenda to", "called for talks"; not "On its website, it called the move ..."
        return bool(preposition_lemmas(token, after=True) & set(value))
    if key == "named_as":  # what the object is called ("called the attacks barbarous", "described it as despicable")
        return any(lemma_of(word) in value for word in naming_words(token))
    if key == "pobj":
        return any(lemma_of(pobj) in value for pobj in prep_objects(token, *preposition_lemmas(token)))
    if key == "obj_pobj":  # the parse hung the verb's phrase on its object ("set two trucks and a bus on fire")
        return any(lemma_of(pobj) in value for obj in objects_of(token) for pobj in prep_objects(obj, "on", "in"))
    if key == "mod":
        return any(child.dep_ in MODIFIER_DEPS and lemma_of(child) in value for child in token.children)
    if key == "gov":
        verb = governing_verb(token)
        return verb is not None and lemma_of(verb) in value
    if key == "dep":  # the word's own relation ("Rioters tore up...": the subject)
        return token.dep_ in value
    if key == "tag":  # the word's own part-of-speech tag ("the organization called WikiLeaks": VBN)
        return token.tag_ in value
    if key == "subj":
        return any(lemma_of(subject) in value for subject in subjects_of(token))
    if key == "gov_subj":  # (nouns) the subject of the verb the noun is the object of ('residents laid siege')
        subjects = subjects_of(token.head) if token.dep_ in ("dobj", "obj") else []
        subjects += [counted for s in subjects for counted in prep_objects(s, "of")]  # 'hundreds of residents'
        return any(lemma_of(s) in value for s in subjects)
    if key == "describes":  # what a participle describes ("the army, backed by militias,": army)
        return any(lemma_of(word).lower() in value for word in described_by(token))
    if key == "copula":
        return is_copular(token) == bool(value)
    if key == "ccomp_aux":
        return any(
            child.dep_ in ("ccomp", "xcomp") and any(a.dep_ == "aux" and a.lower_ in value for a in child.children)
            for child in token.children
        )
    if key == "comp":  # a complement's lemma ("pleaded guilty", "vowed to hunt down"), not negated ("found not guilty")
        return any(
            child.dep_ in COMPLEMENT_DEPS and lemma_of(child) in value and not negated_word(child)
            for child in token.children
        )
    if key == "xcomp":
        return any(child.dep_ in ("xcomp", "ccomp") for child in token.children) == bool(value)
    if key == "acl":  # (nouns) a participle or relative clause on the word ("a call given by the union")
        return any(child.dep_ in ("acl", "relcl") and lemma_of(child) in value for child in token.children)
    if key == "next":  # the word right after ("his calls for his son to be returned": 'for' hung on the verb)
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in value
    if key == "content":  # a word of the complement clause ("vowed to bring the killers to justice")
        return any(lemma_of(word) in value for word in complement_words(token))
    if key == "verdict":  # what the said clause says of its subject ("said Russia violated", "said it was illegal")
        return any(lemma_of(word) in value for word in verdict_words(token))
    raise ValueError(f"unknown trigger condition {key!r}")


def own_content(token: Token) -> bool:
    """The subject of the will/would clause the word governs is the word's own subject, told again ('Gazprom warned
    it would demand', 'he warned his followers will storm'): a pronoun, the same word, or a group the subject owns;
    or no party at all ('warned there would be consequences')."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        said = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if said is None:
            continue
        if (
            said.lower_ in OWN_PRONOUNS
            or said.dep_ == "expl"
            or (subject is not None and lemma_of(said) == lemma_of(subject))
        ):
            return True
        if any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in said.children):
            return True
        if lemma_of(said) in OWN_FORCES and not any(c.dep_ in ("amod", "compound", "poss") for c in said.children):
            return True  # "the security chief warned that police will no longer tolerate rallies"
    return False


def negated_word(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def verdict_words(token: Token) -> list[Token]:
    """The words of a said clause that judge its subject: the clause's verb ("Russia violated the truce"), its
    manner ("illegally shelled"), what it is called ("the raid was illegal", "an act of betrayal", "a reminder of
    North Korea's brutality") and what it did ("committed atrocities"); not a word deeper in the clause ("rebels who
    entered illegally", "reports of crimes"), nor a verdict denied ("was not a reckless decision", "did not
    violate")."""
    found: list[Token] = []
    for clause in (child for child in token.children if child.dep_ == "ccomp" and not negated_word(child)):
        found.append(clause)
        for child in clause.children:
            if child.dep_ in ("advmod", "acomp") or behind_an_act(child):
                found.append(child)  # "brutally", "was illegal", "was behind the attack"
            elif child.dep_ in ("attr", "dobj"):  # "was an act of betrayal", "committed atrocities"
                found += [child, *(c for c in child.children if c.dep_ == "amod")]
                if child.dep_ == "attr":  # what the subject is called: "an act of betrayal", "a reminder of brutality"
                    found += [o for p in prep_objects(child, "of") for o in (p, *p.conjuncts)]
    return found


def behind_an_act(token: Token) -> bool:
    """'were behind the killing', 'behind such attacks'; not 'behind Ted Cruz' nor 'behind the firm'."""
    return (
        token.dep_ == "prep"
        and lemma_of(token) == "behind"
        and any(c.dep_ == "pobj" and lemma_of(c) in BLAMED_ACTS for c in token.children)
    )


def naming_words(token: Token) -> list[Token]:
    """The words that say what the word's object is called: its object complements with their modifiers ("called
    the move foreign meddling") and the few words an 'as' names ("described the raid as beyond despicable")."""
    words: list[Token] = []
    for child in token.children:
        if child.dep_ == "oprd" and not negated_word(child):
            words += [child, *(c for c in child.children if c.dep_ in ("amod", "compound"))]
        elif child.dep_ == "prep" and lemma_of(child) == "as":
            words += [word for word in child.subtree if word.i - child.i <= NAMING_SPAN]
    return words


def complement_words(token: Token) -> list[Token]:
    """The words of the token's complement clauses (xcomp, ccomp), down to their own complements."""
    return [word for child in token.children if child.dep_ in ("xcomp", "ccomp") for word in child.subtree]


def choose_sense(token: Token, senses: tuple[Sense, ...]) -> Sense | None:
    for sense in senses:
        if all(condition_holds(token, key, value) for key, value in sense.when.items()):
            return None if sense.skip else sense
    return None


def is_modifier_use(token: Token) -> bool:
    """'the besieged town', 'Israeli-occupied': a participle describing a noun, not an act.
    (A verb the parser wrongly hangs as amod after a date, 'gunmen on 27/06 attacked', stays.)"""
    if token.dep_ not in ("amod", "compound", "nmod") or token.i == 0:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in HARM_DEGREE_ADVS for c in token.children):
        return False  # "an attacker fatally shot rubber tapper X" (parsed as a modifier), "the fatally wounded man"
    before = token.doc[token.i - 1]
    return before.pos_ in ("DET", "ADJ", "PRON", "ADV", "PUNCT") or before.text == "-" or token.head.i == token.i + 1


def hyphen_joined(token: Token) -> str:
    """'cease-fire', 'counter-attacks', 'air-strikes': the word the hyphenated pair writes closed up ('ceasefire');
    empty when the word has no hyphenated part before it."""
    if token.i < 2 or token.doc[token.i - 1].text != "-" or token.doc[token.i - 1].whitespace_:
        return ""
    first = token.doc[token.i - 2]
    return "" if first.whitespace_ or not first.is_alpha else first.lower_ + lemma_of(token)


def find_triggers(sentence: SpacySpan, lexicon: Lexicon) -> list[Trigger]:
    """Every lexicon trigger in the sentence, then content/duplicate links between them."""
    triggers: list[Trigger] = []
    for token in sentence:
        pos = word_class(token) or ("NOUN" if initial_common_noun(token) else None)
        if pos is None or (pos == "VERB" and is_modifier_use(token)):
            continue
        senses = lexicon.senses_for(pos, hyphen_joined(token)) or lexicon.senses_for(pos, lemma_of(token))
        sense = choose_sense(token, senses)
        if sense is not None:
            triggers.append(Trigger(token=token, sense=sense, pos=pos))
    link_contents(triggers, lexicon)
    return triggers


def link_contents(triggers: list[Trigger], lexicon: Lexicon) -> None:
    """Mark triggers that are the content of a frame, the object of a verbal trigger, or a repeat."""
    by_index = {trigger.token.i: trigger for trigger in triggers}
    speech = lexicon.cue_set("speech_verbs")
    participants = lexicon.cue_set("participant_nouns")
    for trigger in triggers:
        child, node = trigger.token, trigger.token.head
        via_subject = False  # "said any deal must address...": the deal is not what is asked for
        for _ in range(MAX_CLIMB):
            if node == child:
                break
            governor = by_index.get(node.i) or light_verb_event(node, by_index, child)
            if (
                governor is not None
                and governor.type == "ACCUSE"
                and not governor.sense.frame
                and lemma_of(node) in speech
            ):
                governor = None  # an accusation read from what is said ('said their media were broadcasting lies')
            if governor is not None and governor is not trigger:
                if condemned(governor, trigger):
                    trigger.condemned_by = governor
                elif (
                    owns_as_content(governor, child, trigger) and not (via_subject and governor.sense.frame)
                ) or tells_participants(governor, child, trigger, participants):
                    trigger.content_of = governor
                    governor.contents.append(trigger)
                elif shares_content(governor, child, trigger):
                    trigger.content_of = governor.content_of
                    governor.content_of.contents.append(trigger)
                elif occasion_of(child, trigger, governor):
                    trigger.occasion_for = governor
                break
            if lemma_of(node) in speech and node.pos_ == "VERB" and child.dep_ != "conj":
                break  # reported speech: what is said stands on its own ('show restraint and return' is not)
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in SEPARATE_CLAUSE_MARKS for m in child.children
            ):
                break  # "if it is attacked", "after they met": a clause of its own
            if party_clause(child, node, trigger, by_index):
                break  # "chased attackers who were seen firing mortars": what a party did, told of it
            via_subject = via_subject or child.dep_ in ("nsubj", "nsubjpass")
            child, node = node, node.head


def party_clause(child: Token, node: Token, trigger: Trigger, by_index: dict[int, Trigger]) -> bool:
    """A verb in a relative clause on a noun tells that noun's own act ('chased attackers who were seen firing
    mortars', 'rioters who have torched cars'), not the act the noun takes part in; unless the noun hangs on an act
    ('a bombing at a base that killed 27': the parse's misplaced clause is the bombing's toll)."""
    if child.dep_ != "relcl" or trigger.nominal or node.pos_ not in ("NOUN", "PROPN"):
        return False
    holder = node.head.head if node.head.dep_ == "prep" else node.head
    return not any(t is not None and t.nominal for t in (by_index.get(node.head.i), by_index.get(holder.i)))


def weapon_of_the_act(governor: Trigger, child: Token, trigger: Trigger) -> bool:
    """'A missile destroyed a hide-out', 'shells hit the market': the weapon named as the subject of the attack's
    verb is that attack, told once (the verb names what was hit)."""
    return (
        child == trigger.token
        and child.dep_ == "nsubj"
        and trigger.nominal
        and not governor.nominal
        and trigger.type == governor.type == "ASSAULT"
        and trigger.sense.mode in WEAPON_MODES
        and not governor.sense.consequence
    )


def weapon_told(trigger: Trigger) -> Trigger | None:
    """The weapon noun the attack verb's subject names, kept as its content ('a missile destroyed a hide-out')."""
    return next((c for c in trigger.contents if weapon_of_the_act(trigger, c.token, c)), None)


def shares_content(governor: Trigger, child: Token, trigger: Trigger) -> bool:
    """'asked Cuba to capture him and provide information': a verb without a tense of its own coordinated
    with the content of a frame is more of that content, and so is what it governs ('and stop the arrests'); a
    finite one ('and Cuba refused') is an act."""
    return (
        governor.content_of is not None
        and governor.content_of.sense.frame  # what is asked for, not an act's manner ('killing one and arresting')
        and child.dep_ == "conj"
        and child.tag_ in ("VB", "VBG")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") and c.lower_ != "to" for c in child.children)
    )


def tells_participants(governor: Trigger, child: Token, trigger: Trigger, participants: frozenset[str]) -> bool:
    """'Protesters threw stones': the protesters subject of a protest verb are that one protest."""
    return (
        child == trigger.token
        and child.dep_ == "nsubj"
        and lemma_of(child) in participants
        and not governor.nominal
        and governor.type == trigger.type
    )


def light_verb_event(node: Token, by_index: dict[int, Trigger], child: Token) -> Trigger | None:
    """'staged demonstrations to demand...', 'went on strike to protest': the nominal event a light verb carries
    (as its object, or after 'on' for a purpose) governs its clauses."""
    if child.dep_ not in ("advcl", "xcomp"):
        return None
    for obj in node.children:
        if obj.dep_ in OBJECT_DEPS and obj.i in by_index:
            return by_index[obj.i]
    if not infinitival(child):
        return None  # 'were on strike ... protesting the wages': one act told twice, merged with both mentions
    return next((by_index[on.i] for on in prep_objects(node, "on") if on.i in by_index), None)


def infinitival(clause: Token) -> bool:
    """'for Tehran to halt', 'that Israel withdraw': a governed clause, not an adverbial one."""
    return any(
        (c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ in ("for", "that"))
        for c in clause.children
    )


def owns_as_content(governor: Trigger, child: Token, trigger: Trigger) -> bool:
    """Whether `trigger`, reached from `governor` through its child `child`, belongs to it."""
    if weapon_of_the_act(governor, child, trigger):
        return True
    if child.dep_ in NON_CONTENT_DEPS:
        return False
    if done_by_another(governor, child):
        return False
    if occasion_of(child, trigger, governor):
        return False
    if governor.sense.frame and child.dep_ in CONTENT_DEPS - {"conj", "advcl"}:
        return True
    if told_on_its_own(child, trigger):
        return False
    if governor.sense.frame and child.dep_ == "advcl" and infinitival(child):
        return True
    if governor.type == trigger.type and child.dep_ in CONTENT_DEPS:
        return not (another_act_joined(governor, child, trigger) or another_target(governor, child, trigger))
    if governor.type == trigger.type == "PROTEST" and not trigger.nominal and infinitival(trigger.token):
        return True  # "a shutdown call given by the JAC to protest the lathicharge": the shutdown's purpose
    # "demonstrated ... calling for", "a hunger strike to protest": what a protest demands is its content
    if governor.type == "PROTEST" and trigger.type in PROTEST_CONTENT and child.dep_ in CONTENT_DEPS | {"advcl"}:
        return True
    # the purpose of an act ('resigned to allow elections') or its manner ('rejected it, urging...')
    if child.dep_ == "advcl" and (infinitival(child) or participial(child)) and not governor.nominal:
        return True
    if governor.sense.mode == "crowd-control" and trigger.type == "PROTEST":
        return False  # "broke up a rally": the protesters' act stands beside the police's
    # the object of a verbal trigger ('signed an agreement', 'lifted the sanctions') or the topic of
    # a nominal one ('a treaty of friendship and cooperation')
    return trigger.nominal and child.dep_ in ("dobj", "obj", "prep", "dative", "attr", "oprd", "nsubjpass")


def own_doer(verb: Token) -> Token | None:
    """Who does what a verb tells: its active subject, or the agent of its passive."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return subject
    return next(iter(passive_agents(verb)), None)


def done_by_another(governor: Trigger, child: Token) -> bool:
    """'Israeli troops shot six rioters, and police stormed the holy site'; 'the base was captured by a rival
    faction, while forces loyal to Rabbani launched an offensive': a verb joined to a verbal act, or a clause set
    against it ('while', `contrast_clause_marks`), whose own doer is another party tells another act. A pronoun may
    be the same party ('and they killed'); a toll ('were killed when gunmen opened fire') is the act it follows."""
    if governor.nominal or governor.sense.consequence or child.pos_ not in ("VERB", "AUX"):
        return False
    contrast = child.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in CONTRAST_CLAUSE_MARKS for m in child.children
    )
    if child.dep_ != "conj" and not contrast:
        return False
    ours, theirs = own_doer(child), own_doer(governor.token)
    if ours is None or theirs is None or "PRON" in (ours.pos_, theirs.pos_):
        return False
    return lemma_of(ours) != lemma_of(theirs)


def another_act_joined(governor: Trigger, child: Token, trigger: Trigger) -> bool:
    """'attacked the workers, killed ten, kidnapped two and raped a woman': a verb joined to an act of its category
    is another act when it tells a kind of its own (`distinct_act_modes`: an abduction, a rape, torture), not the
    first one's outcome or manner."""
    mode = trigger.sense.mode
    return (
        child == trigger.token
        and child.dep_ == "conj"
        and not trigger.nominal
        and not governor.nominal
        and mode in DISTINCT_ACT_MODES
        and mode != governor.sense.mode
    )


def another_target(governor: Trigger, child: Token, trigger: Trigger) -> bool:
    """'raided offices in China and detained four executives', 'captured Burdhubo hours after taking control of
    Garba Harre': a verb of the act's category joined to it, or told after 'after'/'before' on it, that acts on
    another thing is another act. Its outcome ('and killed three'), its purpose ('to capture supplies') and the
    same thing again ('attacked the town and took it') stay the first act's."""
    verb = trigger.token
    if trigger.nominal or governor.nominal or trigger.sense.consequence or governor.sense.consequence:
        return False
    joined = child == verb and child.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP", "VBN")
    after = child.dep_ == "prep" and lemma_of(child) in SEQUENCE_PREPS and verb.head == child and verb.tag_ == "VBG"
    if not (joined or after):
        return False
    ours, theirs = objects_of(verb)[:1], objects_of(governor.token)[:1]
    if not ours or not theirs or "PRON" in (ours[0].pos_, theirs[0].pos_):
        return False
    return lemma_of(ours[0]) != lemma_of(theirs[0])


def condemned(governor: Trigger, trigger: Trigger) -> bool:
    """'condemned the attack on Congress workers', 'protesting the arrest of their leader': a disapproval or a
    protest presupposes the act it is about; support presupposes the protest it names as one ('supporting
    Hazare's strike', 'backed the walkout'; not 'backed a strike')."""
    if not trigger.nominal:
        return False
    disapproval = governor.type == "ACCUSE" and governor.sense.mode == "disapprove"
    if (disapproval or governor.type == "PROTEST") and trigger.type in CONDEMNED_ACT_TYPES:
        return True
    return governor.type == "SUPPORT" and trigger.type == "PROTEST" and named_one(trigger.token)


def named_one(token: Token) -> bool:
    """'Hazare's strike', 'the walkout', 'this march': a possessor or a definite determiner on the noun."""
    return definite_det(token) or any(c.dep_ == "poss" for c in token.children)


def definite_det(token: Token) -> bool:
    """'the talks', 'this march': a definite determiner on the noun."""
    return any(c.dep_ == "det" and lemma_of(c) in DEFINITE_DETS for c in token.children)


def told_on_its_own(child: Token, trigger: Trigger) -> bool:
    """'denied being behind the coup and dismissed calls for his extradition', 'protested ... and demanded the
    ministry not cancel': a statement told by a verb joined to another with a tense of its own is a second act
    (`verbal_types`), not the first one's content."""
    return (
        child == trigger.token
        and child.dep_ == "conj"
        and child.tag_ in ("VBD", "VBZ", "VBP")
        and not trigger.nominal
        and trigger.type in VERBAL_TYPES
    )


def occasion_of(child: Token, trigger: Trigger, governor: Trigger) -> bool:
    """'arrested 20 people at a protest', 'shot at a rally', 'asked him during a meeting' (or 'in a call with
    Macron': a meeting brought in by 'in a', `meeting_occasion_preps`): an act of another
    category named after 'at' or 'during' a verbal act is the occasion, an act of its own, not the governor's
    content (a stance 'at' something is about it)."""
    meeting = trigger.type == "CONSULT" and lemma_of(child) in MEETING_OCCASION_PREPS and introduced(trigger.token)
    return (
        child.dep_ == "prep"
        and (lemma_of(child) in OCCASION_PREPS or meeting)
        and trigger.nominal
        and not governor.nominal  # "the assassination of Rabin at a peace rally": a setting of a named act
        and governor.type not in STANCE_TYPES  # "outrage at the attack": what the stance is about
        and trigger.token.head == child
        and trigger.type != governor.type
    )


def introduced(noun: Token) -> bool:
    """'in a call with Macron': an indefinite article brings in an occasion of its own ('agreed to mediation in the
    final status talks' names what was agreed about)."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def participial(clause: Token) -> bool:
    """'..., urging the counterpart to sign': a subjectless -ing clause elaborating the main act."""
    return clause.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "mark") for c in clause.children)
