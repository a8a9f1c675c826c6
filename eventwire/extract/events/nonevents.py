"""Pass: words that look like acts but report none: figurative and generic uses ("a scathing attack
on the government", "the fight against corruption", "a trade war"), documents released, "declined
to comment" and "did not respond to a request for comment", "lost contact", statements that no one
was hurt, and deaths from accidents, disease or natural disasters. Such candidates are dropped
with the reason; a question ("Will they attack?") keeps its events as hypothetical.

The word lists live in cues.yaml (figurative_mods, figurative_targets, figurative_phrases,
document_nouns, no_comment_words, lost_contact_verbs, non_violent_causes, non_violent_agents).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from eventwire.extract.events.arguments import PartyFinder, known, subject_token
from eventwire.extract.events.candidate import Candidate, Sentence
from eventwire.extract.events.furniture import page_furniture
from eventwire.extract.events.lexicon import Lexicon
from eventwire.extract.events.status import capability, child_lemmas, governors, inside_quotation, possibility_noun
from eventwire.extract.events.triggers import clause_head, own_content, prep_objects
from eventwire.model import Party
from eventwire.nlp.tree import lemma_of, passive, told_in_past

FIGURATIVE_TYPES = {"ASSAULT", "THREATEN", "COERCE"}
VERBAL_TYPES = {"REQUEST", "REJECT", "CONSULT", "AGREE", "ACCUSE"}
TALK_TYPES = {"AGREE", "CONSULT", "REJECT"}
RESTRICTING_TYPES = {"COERCE", "SANCTION", "SEIZE"}
MAX_QUESTION_TOKENS = 40  # news questions are short; a longer '?' run is page text run together
NAME_ENTITIES = {"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "PERSON", "GPE", "NORP", "LOC"}
WH_TAGS = ("WDT", "WP", "WP$", "WRB")  # Penn tags of the wh-words that open a question


def arguments(token: Token) -> list[Token]:
    """The trigger's objects, subject, compounds and the objects of its prepositions."""
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "compound", "amod", "poss")]
    for prep in token.children:
        if prep.dep_ == "prep":
            for each in (prep, *prep.conjuncts):  # "an assault on doctors but on the rights of all"
                found += [c for c in each.children if c.dep_ == "pobj"]
    return found


def figurative(candidate: Candidate, lexicon: Lexicon, text: str) -> bool:
    if candidate.type not in FIGURATIVE_TYPES and candidate.trigger.type not in FIGURATIVE_TYPES:
        return False
    token = candidate.trigger.token
    lemmas = {lemma_of(c) for c in token.children if c.dep_ in ("amod", "compound", "advmod")}
    if lemmas & lexicon.cue_set("figurative_mods"):
        return True
    if {lemma_of(t) for t in arguments(token)} & lexicon.cue_set("figurative_targets"):
        return True
    if lemma_of(token) in lexicon.cue_set("struggle_verbs") and any(
        c.dep_ in ("xcomp", "advcl") and is_infinitive(c) for c in token.children
    ):
        return True  # "fought to keep the boy", "is battling to save his job": an effort, no combat
    if contest_of_words(candidate, lexicon):
        return True
    # "a trade war", "tariffs": the sentence's conflict is economic, so an attack word in it is figurative; a
    # threat in it ("threatened new tariffs") is still a threat.
    return candidate.category == "ASSAULT" and any(phrase in text for phrase in lexicon.cue_set("figurative_phrases"))


def contest_of_words(candidate: Candidate, lexicon: Lexicon) -> bool:
    """A fight over a stake that is no ground ('a fight over custody', 'the battle for the nomination', 'a
    battle between ideologies'), an attack told in a setting of speech ('attacked the senator in a debate'),
    a quarrel inside one side ('clashed with his own ministers') or a contest won ('beat the opposition in the
    election')."""
    if candidate.category != "ASSAULT":
        return False
    token = candidate.trigger.token
    lemma = lemma_of(token)
    # "fought a battle over the nomination", "launched an attack on him in an interview": the phrase's verb or noun
    phrase = [token, *(c for c in token.children if c.dep_ == "dobj"), *([token.head] if token.dep_ == "dobj" else [])]
    if lemma in lexicon.cue_set("conflict_words"):
        stakes = [obj for word in phrase for obj in prep_objects(word, "over", "for", "between")]
        stakes += [conj for obj in stakes for conj in obj.conjuncts]  # "between representatives and ideologies"
        mods = [c for obj in stakes for c in obj.children if c.dep_ in ("compound", "amod")]  # "over custody rights"
        if {lemma_of(w) for w in stakes + mods} & lexicon.cue_set("contest_stakes"):
            return True
    settings = {lemma_of(t) for word in phrase for t in prep_objects(word, "in", "during", "through", "via")}
    if settings & lexicon.cue_set("speech_settings"):
        return True
    if lemma in lexicon.cue_set("quarrel_words"):
        partners = [t for t in prep_objects(token, "with") for t in (t, *t.conjuncts)]
        partners += [t for partner in partners for t in prep_objects(partner, "of")]  # "members of his own cabinet"
        words = {lemma_of(w) for t in partners for w in (t, *t.children)}
        if words & lexicon.cue_set("own_side_partners"):
            return True
    if lemma in lexicon.cue_set("contest_verbs"):
        # "beat him in the election"; "captured her first Grand Prix victory beating her compatriot"
        won = (
            [token.head, *(c for c in token.head.children if c.dep_ == "dobj")]
            if token.dep_ in ("advcl", "acl")
            else []
        )
        settings = {lemma_of(t) for t in [*prep_objects(token, "in", "at"), *won]}
        return bool(settings & lexicon.cue_set("contest_settings"))
    return False


def filmed(candidate: Candidate, lexicon: Lexicon, finder: PartyFinder, lemmas: set[str]) -> bool:
    """'It was shot in 2005 in the Bay Area and stars ...', 'they shot the movie in Morocco': a film shot, no
    gunfire; not where people or a party were shot."""
    token = candidate.trigger.token
    if candidate.category != "ASSAULT" or lemma_of(token) != "shoot" or not lemmas & lexicon.cue_set("film_words"):
        return False
    if any(lemma_of(c) in lexicon.cue_set("film_words") for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
        return True  # "they shot the film in Morocco"
    if any(c.dep_ == "dobj" for c in token.children):
        return False  # "the documentary shows how soldiers shot protesters"
    shot = [c for c in token.children if c.dep_ == "nsubjpass"]
    return not any(
        c.ent_type_ == "PERSON" or (c.pos_ == "PRON" and c.lower_ != "it") or known(finder.party_at(c)) for c in shot
    )


def fight_over_a_thing(candidate: Candidate, lexicon: Lexicon, finder: PartyFinder) -> bool:
    """'we're going to fight it', 'fought the ruling in court', 'battled the flames', 'will fight extradition':
    a fight word whose opponent is a thing, not a party that can act, is a contest or an effort, no combat
    ('fought the rebels', 'a battle with the army' keep theirs)."""
    token = candidate.trigger.token
    conflicts = lexicon.cue_set("conflict_words")
    if candidate.category != "ASSAULT" or lemma_of(token) not in conflicts:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    # "fought a fierce battle with the rebels": the opponent of a cognate object is the fight's
    battles = [token, *(o for o in objects if lemma_of(o) in conflicts)]
    opponents = [o for o in objects if lemma_of(o) not in conflicts]
    opponents += [t for word in battles for t in prep_objects(word, "against", "with")]
    # "the disputes were fought in the courts": a passive subject is what was fought
    fought = [c for c in token.children if c.dep_ == "nsubjpass"]
    opponents += fought + [t for subject in fought for t in prep_objects(subject, "of")]  # "many of these disputes"
    if not opponents:
        return False
    things = lexicon.cue_set("thing_pronouns")
    return not any(opponent.lower_ not in things and finder.names_actor(opponent) for opponent in opponents)


def document_released(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'released a statement', 'a release by the ministry said', 'the release of the report'."""
    token = candidate.trigger.token
    if lemma_of(token) != "release":
        return False
    if token.dep_ == "acl" and lemma_of(token.head) in lexicon.cue_set("document_nouns"):
        return True  # "in a statement released after the match"
    if {lemma_of(t) for t in arguments(token)} & lexicon.cue_set("document_nouns"):
        return True
    has_of = any(c.dep_ == "prep" and lemma_of(c) == "of" for c in token.children)
    return candidate.trigger.nominal and not has_of


def verb_of(candidate: Candidate, category: str, words: str, lexicon: Lexicon) -> bool:
    """The candidate is of `category`, told by a verb of the cue list `words`."""
    trigger = candidate.trigger
    return candidate.category == category and not trigger.nominal and lemma_of(trigger.token) in lexicon.cue_set(words)


def thing_released(candidate: Candidate, lexicon: Lexicon, finder: PartyFinder) -> bool:
    """'released nearly 20 aid proposals', 'released a series of gold coins', 'the audio that was released': what is
    released is a thing, not a party that can be held (prisoners, hostages, 'the majority', 'him'), so no release."""
    token = candidate.trigger.token
    if not verb_of(candidate, "RETREAT", "release_words", lexicon):
        return False
    released = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.tag_ not in ("WDT", "WP")]
    if not released and token.dep_ == "relcl":
        released = [token.head]  # "the audio that was released"
    if not released:
        return False
    held = released + [p for r in released for p in prep_objects(r, "of")]  # "a group of prisoners"
    people = lexicon.cue_set("released_people") | lexicon.cue_set("kin_nouns") | lexicon.cue_set("quantity_nouns")
    return not any(r.pos_ in ("PROPN", "PRON") or lemma_of(r) in people or finder.names_actor(r) for r in held)


def no_comment(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'declined to comment', 'did not respond to a request for comment', 'could not be reached'."""
    if candidate.trigger.type not in VERBAL_TYPES:
        return False
    token = candidate.trigger.token
    near = [*token.subtree, token.head, *token.head.children]
    # "declined to comment", "a request for comment"; not "chastised him for the comments"
    lemmas = {lemma_of(t) for t in near if t != token and (t.pos_ in ("VERB", "AUX") or bare_noun(t))}
    if lemmas & lexicon.cue_set("no_comment_topics"):
        return True
    return bool(lemmas & lexicon.cue_set("no_comment_words") and comment_asked(token))


def anonymity_asked(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'officials who requested anonymity', 'asked not to be named': a source's condition, no request."""
    if candidate.category != "REQUEST" or candidate.trigger.nominal:
        return False
    token = candidate.trigger.token
    if any(lemma_of(c) in lexicon.cue_set("anonymity_words") for c in token.children if c.dep_ == "dobj"):
        return True
    return any(
        c.dep_ == "xcomp" and child_lemmas(c, ("neg",)) and lemma_of(c) in lexicon.cue_set("press_naming_verbs")
        for c in token.children
    )


def press_refusal(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'declined to say', 'refused to discuss details', 'declined to answer questions': a source
    telling the press nothing; not 'refused to discuss a ceasefire with the rebels'."""
    token = candidate.trigger.token
    refusals = lexicon.cue_set("press_refusal_verbs")
    if token.dep_ == "xcomp" and lemma_of(token.head) in refusals:
        return press_topic(token, lexicon)  # the 'discuss' of 'declined to discuss'
    if lemma_of(token) not in refusals:
        return False
    return any(c.dep_ == "xcomp" and press_topic(c, lexicon) for c in token.children)


def press_topic(verb: Token, lexicon: Lexicon) -> bool:
    lemma = lemma_of(verb)
    if lemma in lexicon.cue_set("press_telling_verbs"):
        return True
    if lemma not in lexicon.cue_set("press_talking_verbs") or any(lemma_of(c) == "with" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return all(lemma_of(o) in lexicon.cue_set("press_nouns") for o in objects)


def campaign_rally(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'a campaign rally', 'an election-eve rally', 'a rally for the party's candidate': a candidate meeting
    voters, no protest; 'visited Ohio on the campaign trail', 'a campaign stop': no meeting either."""
    token = candidate.trigger.token
    if candidate.category == "CONSULT" and (candidate.mode or candidate.trigger.sense.mode) == "visit":
        return campaign_visit(token, lexicon)
    if candidate.category != "PROTEST" or lemma_of(token) not in lexicon.cue_set("gathering_nouns"):
        return False
    mods = {lemma_of(w) for c in token.children if c.dep_ in ("compound", "amod", "nmod") for w in c.subtree}
    held_for = {lemma_of(w) for pobj in prep_objects(token, "for") for w in pobj.subtree}
    campaign = lexicon.cue_set("campaign_mods")
    return bool(mods & campaign or held_for & (campaign | lexicon.cue_set("candidate_nouns"))) or speaker_rally(
        token, lexicon
    )


def speaker_rally(token: Token, lexicon: Lexicon) -> bool:
    """'Trump told a rally in Albany', 'Sanders speaks at a rally in New York': a rally named only as where
    someone spoke is that speaker's audience, no protest, unless it is told as one ('a rally against the war',
    'an anti-government rally')."""
    if lemma_of(token) != "rally":
        return False
    if token.dep_ == "dobj":  # "told a rally"
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ in ("at", "during", "to", "before"):  # "spoke at a rally"
        verb = token.head.head
    else:
        return False
    if lemma_of(verb) not in lexicon.cue_set("rally_speech_verbs"):
        return False
    return not {lemma_of(w) for w in token.subtree} & lexicon.cue_set("protest_cues")


def campaign_visit(token: Token, lexicon: Lexicon) -> bool:
    """A visit told as a stop of an election campaign ('toured Ohio on the campaign trail', 'visited Michigan to
    court voters'): the campaign's words in what the visit governs, its subject left out."""
    words = {lemma_of(w) for c in token.children if c.dep_ not in ("nsubj", "nsubjpass") for w in c.subtree}
    return bool(words & lexicon.cue_set("campaign_visit_words"))


def bare_noun(token: Token) -> bool:
    """A singular noun with no determiner or possessor: 'for comment' (the idiom), not 'the comments'."""
    return token.tag_ == "NN" and not any(child.dep_ in ("det", "poss") for child in token.children)


def comment_asked(token: Token) -> bool:
    """The sentence asks for comment ('did not respond to a request for comment')."""
    return any(lemma_of(t) == "comment" for t in token.sent)


def lost_contact(candidate: Candidate, lexicon: Lexicon) -> bool:
    token = candidate.trigger.token
    return candidate.trigger.nominal and lemma_of(token.head) in lexicon.cue_set("lost_contact_verbs")


def no_harm(candidate: Candidate) -> bool:
    """'no one was injured', 'nobody killed': a negated outcome word states that nothing happened."""
    return candidate.status == "negated" and candidate.trigger.sense.consequence


def not_political(candidate: Candidate, lexicon: Lexicon, lemmas: set[str], text: str) -> bool:
    """Deaths and injuries from an accident, a disease or a disaster ('killed in a road crash',
    'the earthquake struck'), unless a weapon or an attack is named too."""
    if candidate.category != "ASSAULT":
        return False
    if lemmas & lexicon.cue_set("violent_cues"):
        return False
    token = candidate.trigger.token
    agents = lexicon.cue_set("non_violent_agents") | lexicon.cue_set("non_violent_causes")
    if {lemma_of(t) for t in arguments(token)} & agents:
        return True
    return names_non_violent_cause(lemmas, text, lexicon) and candidate.trigger.sense.consequence


def names_non_violent_cause(lemmas: set[str], text: str, lexicon: Lexicon) -> bool:
    """The sentence (its lemmas, its lower-cased text) names a cause that is no attack: a word ('drowned', 'crash')
    or a phrase ('road accident', 'died at sea')."""
    causes = lexicon.cue_set("non_violent_causes")
    return bool(lemmas & causes) or any(" " in cause and cause in text for cause in causes)


def is_question(candidate: Candidate) -> bool:
    """The act is asked about: its sentence ends in '?' and its clause is the question, not a statement
    coordinated with it ('Troops shelled the town on Monday, but will the talks resume?')."""
    head = clause_head(candidate.trigger)
    sentence = candidate.sentence
    if not sentence.text.rstrip().rstrip("\"'”’ ").endswith("?") or head.sent != sentence:
        return False
    top = main_clause(head)
    first = top.head if top.dep_ == "conj" else top
    clauses = [first, *(c for c in first.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    # a statement is set apart only when another clause of the coordination is worded as the question
    return interrogative(top) or not any(interrogative(c) for c in clauses if c != top)


def main_clause(verb: Token) -> Token:
    """The clause of the sentence's top level (the root, or a clause coordinated with it) holding the verb."""
    node = verb
    while node.head != node and not (node.dep_ == "conj" and node.head.dep_ == "ROOT"):
        node = node.head
    return node


def interrogative(verb: Token) -> bool:
    """A clause worded as a question: opened by a wh-word, or with its auxiliary before its subject."""
    if verb.doc[verb.left_edge.i].tag_ in WH_TAGS:
        return True
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    auxes = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not subjects:
        return False
    if auxes:
        return min(auxes) < min(subjects)  # "will the talks resume", "could it have been"
    return verb.pos_ == "AUX" and verb.i < min(subjects)  # "Is Zenda ready?"


def idiom(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Fixed phrases in which a trigger word names no act ('called in sick', 'met with outrage',
    'freed the agency from the chore', 'released from hospital', 'a demonstration of the fact')."""
    token = candidate.trigger.token
    lemma = lemma_of(token)
    words = (lexicon.cues.get("idiom_words") or {}).get(lemma)
    near = {lemma_of(t) for child in token.children for t in (child, *child.children)}
    if words and near & set(words):
        return True
    if lemma in lexicon.cue_set("release_words") and cared_for(token, lexicon):
        return True  # "the victims were treated and released": patients leaving hospital
    if lemma in lexicon.cue_set("release_words") and not candidate.trigger.nominal:
        places = [t for t in prep_objects(token, "from") if not t.ent_type_]
        return any(lemma_of(t) not in lexicon.cue_set("custody_nouns") for t in places)
    if lemma in lexicon.cue_set("show_words") and candidate.category == "PROTEST":
        return shows_something(token, lexicon)
    return False


def cared_for(token: Token, lexicon: Lexicon) -> bool:
    """A release told beside medical care ('treated and released', 'discharged and released')."""
    partners = [*token.conjuncts, *([token.head] if token.dep_ in ("conj", "xcomp") else [])]
    return any(lemma_of(t) in lexicon.cue_set("care_verbs") for t in partners)


def shows_something(token: Token, lexicon: Lexicon) -> bool:
    """'demonstrated by our decision', 'demonstrated that...', 'a demonstration of the fact': showing, not protest;
    not signs brandished or slogans quoted ('demonstrated outside the consulate, brandishing signs' parsed with the
    signs as object, '... like "We want peace"' with the quote as a clause)."""
    if token.pos_ != "NOUN":
        props = lexicon.cue_set("protest_props")
        shown = [c for c in token.children if c.dep_ in ("nsubjpass", "ccomp", "dobj") and lemma_of(c) not in props]
        return any(c.dep_ != "ccomp" or not inside_quotation(c) for c in shown)
    things = [t for t in prep_objects(token, "of") if not t.ent_type_]
    return any(t.tag_ in ("NN", "VBG") for t in things)


def characterisation(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'This is a superior deal', 'it is an invasion', 'the push east signifies a rejection of': a
    judgement of something told elsewhere, not an act of its own."""
    token = candidate.trigger.token
    if not candidate.trigger.nominal:
        return False
    if token.dep_ == "dobj" and lemma_of(token.head) in lexicon.cue_set("characterising_verbs"):
        return True
    if token.dep_ == "oprd" and names_a_thing(token.head, lexicon):
        return True  # "called the waiting period another concession" ("called it sexual assault" names the act)
    if token.dep_ == "pobj" and token.head.lower_ == "as" and names_a_thing(token.head.head, lexicon):
        return True  # "described the delay as a concession"
    if token.dep_ != "attr" or lemma_of(token.head) != "be":
        return False
    subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    return token.head.tag_ in ("VBZ", "VBP") and any(s.lower_ in ("this", "that", "it") for s in subjects)


def names_a_thing(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of naming whose object is a noun, not a pronoun standing for an act told before."""
    if lemma_of(verb) not in lexicon.cue_set("naming_verbs"):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def people_named(candidate: Candidate) -> bool:
    """'an accused', 'the detained': a participle with an article names people, not an act."""
    token = candidate.trigger.token
    return token.pos_ == "VERB" and any(c.dep_ == "det" and c.i < token.i for c in token.children)


def private_or_feeling(candidate: Candidate, lexicon: Lexicon) -> bool:
    """A family's 'truce', a couple's 'fight' (private life), 'felt threatened' (a feeling)."""
    token = candidate.trigger.token
    mods = {lemma_of(c) for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")}
    if mods & lexicon.cue_set("private_life_words"):
        return True
    feeling = lexicon.cue_set("feeling_verbs")
    if child_lemmas(token, ("aux", "auxpass")) & feeling:  # the parser may take 'felt' for an auxiliary
        return True
    return token.dep_ in ("acomp", "oprd", "xcomp") and lemma_of(token.head) in feeling


def speech_not_meeting(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'a spokesman, speaking on condition of anonymity', 'speaking to reporters', 'talking with her
    customers': speaking to the press or everyday chat is no meeting of parties."""
    if candidate.category != "CONSULT":
        return False
    token = candidate.trigger.token
    around = {lemma_of(t) for t in token.subtree}
    if around & lexicon.cue_set("anonymity_words"):
        return True
    if token.tag_ == "NN" and prep_objects(token, "about"):
        return True  # "the talk about killing him": chatter, not talks
    if token.pos_ == "VERB" and prep_objects(token, "about") and not prep_objects(token, "with", "to"):
        return True  # "he talks about whether the West…": speaking on a topic, with no one
    partners = {lemma_of(t) for t in [*prep_objects(token, "with", "to"), *token.children] if t.dep_ != "nsubj"}
    if partners & (lexicon.cue_set("audience_nouns") | lexicon.cue_set("everyday_partners")):
        return True
    return discussed_alone(token, lexicon)


def discussed_alone(verb: Token, lexicon: Lexicon) -> bool:
    """'she resurfaced on TV to discuss the firing', 'I don't know enough to discuss it', 'when Blackmun discussed
    how…': one person discussing a topic with no partner named speaks about it; 'Kendall and Podesta discussed
    the matter', 'discussed it with Jackie', 'the United States is discussing the offer', 'discussed the project
    in a conference call' stay."""
    if verb.pos_ != "VERB" or lemma_of(verb) not in lexicon.cue_set("topic_talk_verbs"):
        return False
    meeting_words = lexicon.cue_set("meeting_words")
    if prep_objects(verb, "with", "between") or any(lemma_of(t) in meeting_words for t in verb.subtree):
        return False
    subject, _ = subject_token(verb)
    if subject is None or subject.conjuncts:
        return False
    person = subject.tag_ == "PRP" and subject.lower_ in lexicon.cue_set("single_pronouns")
    return person or subject.ent_type_ == "PERSON"


def said_by_a_thing(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'the plan calls for', 'the pledge appealed to voters', 'the report offers details': what a document
    says, offers or a promise attracts is no request or promise made by a party; 'the data support his
    theory', 'no evidence to support it': what evidence bears out is no support given."""
    if candidate.category not in ("REQUEST", "SUPPORT", "AGREE") or candidate.trigger.nominal:
        return False
    token = candidate.trigger.token
    things = lexicon.cue_set("document_subjects")
    if candidate.category == "AGREE":  # "the report offers details"; a video that calls on people makes a request
        things = things | lexicon.cue_set("document_nouns")
    if candidate.category == "SUPPORT":
        things = lexicon.cue_set("bearing_nouns")
        if token.dep_ in ("acl", "relcl") and lemma_of(token.head) in things:
            return True
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return any(lemma_of(s) in things for s in subjects)


def document_content(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'the resolution calls for Israel's withdrawal and for the deployment of the army', 'the plan envisages
    the deployment of troops': an act a document asks for or provides is its content, not an act told."""
    token = candidate.trigger.token
    if not candidate.trigger.nominal or token.dep_ not in ("pobj", "dobj"):
        return False
    verb = token.head
    while verb.pos_ == "ADP" and verb.head != verb:  # "calls for X, and for Y"
        verb = verb.head
    if lemma_of(verb) not in lexicon.cue_set("content_verbs"):
        return False
    return any(c.dep_ == "nsubj" and lemma_of(c) in lexicon.cue_set("document_subjects") for c in verb.children)


def requirement(candidate: Candidate, lexicon: Lexicon, finder: PartyFinder) -> bool:
    """'Ensuring safe transport requires coordination', 'peace needs compromise': what a thing requires is
    named as a condition, not an act told ('Israel needs support from Washington' has a party for subject)."""
    token = candidate.trigger.token
    if not candidate.trigger.nominal or token.dep_ != "dobj":
        return False
    verb = token.head
    if lemma_of(verb) not in lexicon.cue_set("requirement_verbs"):
        return False
    return not any(c.dep_ == "nsubj" and finder.names_actor(c) for c in verb.children)


def standing_patrol(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'peacekeepers have patrolled Serb-held territories since early 1992', 'warplanes patrolling the zones have
    fired missiles': a routine (`routine_acts`) kept up for years, or told of a party doing another act, is a
    standing state, not news (judged so in audits 37-39); 'have been patrolling Mogadishu since Friday' and
    'helicopters are patrolling Washington' are news."""
    token = candidate.trigger.token
    if candidate.category != "MOBILIZE" or lemma_of(token) not in lexicon.cue_set("routine_acts"):
        return False
    if token.dep_ == "acl" and token.tag_ == "VBG":
        return True
    since = [t for prep in prep_objects(token, "since") for t in prep.subtree]
    return any(t.like_num and len(t.text) == 4 for t in since)


def standing_lack(candidate: Candidate) -> bool:
    """'has had no contact with the outside world', 'have no talks with': a lack that stands is no act refused
    or called off."""
    token = candidate.trigger.token
    if candidate.status != "negated" or not candidate.trigger.nominal or token.dep_ != "dobj":
        return False
    return lemma_of(token.head) == "have"


def economic_sense(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'self-reinforcing economic forces', 'the manufacturing sector is getting beat up', 'lower rates allowed
    companies to invest': an act word whose subject (or the noun it describes) is an economy, a market, a
    sector, prices or figures tells of the economy, not of a political act."""
    if market_demand(candidate.trigger.token, lexicon):
        return True
    if candidate.category in VERBAL_TYPES | RESTRICTING_TYPES:
        return False  # "imports will continue to be banned": goods restricted by a party
    return any(economic(noun, lexicon) for noun in doers(candidate.trigger.token))


def market_demand(token: Token, lexicon: Lexicon) -> bool:
    """'the demand for workers', 'decreased demand for American exports': demand as buyers' appetite, with no
    party making it ('the protesters' demand for his release', 'growing demands for reform' stay)."""
    if token.tag_ != "NN" or lemma_of(token) not in lexicon.cue_set("market_demand_words"):
        return False
    if any(c.dep_ == "poss" for c in token.children):
        return False
    goods = lexicon.cue_set("economic_nouns") | lexicon.cue_set("goods_nouns")
    if {lemma_of(t) for t in prep_objects(token, "for")} & goods:
        return True
    return bool(child_lemmas(token, ("amod", "compound")) & lexicon.cue_set("demand_levels"))


def doers(token: Token) -> list[Token]:
    """The noun an act word describes ('reinforcing forces') or the subjects up its chain of verbs ('the sector is
    going to start getting beat up')."""
    node = token
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.dep_ in ("amod", "acl", "compound") and node.head.pos_ in ("NOUN", "PROPN"):
        return [node.head]
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or node.dep_ not in ("xcomp", "conj") or node.head == node:
            return subjects
        node = node.head
    return []


def economic(noun: Token, lexicon: Lexicon) -> bool:
    if noun.ent_type_ or lemma_of(noun) not in lexicon.cue_set("economic_nouns"):
        return False
    mods = {lemma_of(c) for c in noun.children if c.dep_ in ("amod", "compound")}
    return lemma_of(noun) not in lexicon.cue_set("economic_heads") or bool(mods & lexicon.cue_set("economic_mods"))


def trade_between_firms(candidate: Candidate, lexicon: Lexicon, finder: PartyFinder) -> bool:
    """'Pfizer agreed to buy Seagen', 'a tender offer for the shares', 'the merger agreement': an accord,
    offer or talks about a trade of firms is business, not politics, unless a state party takes part ('Russia
    agreed to buy missiles', 'the government's offer for the shares')."""
    if candidate.category not in TALK_TYPES:
        return False
    token = candidate.trigger.token
    trade = lexicon.cue_set("trade_words")
    if candidate.trigger.nominal:  # "a deal with Jaguar that involves a 30% stake", "a tender offer for the shares"
        named = [t for t in token.subtree if t != token]
    else:  # "agreed to buy", "agreed to sell its stake"
        named = [t for c in token.children if c.dep_ == "xcomp" for t in (c, *c.children)]
    if not {lemma_of(t) for t in named} & trade:
        return False
    # any state party of the sentence: the parse of who trades with whom is often cut by a relative clause
    return not any(state_party(finder.party_at(word)) for word in candidate.sentence if word.pos_ in ("PROPN", "NOUN"))


def service_halted_by_firm(candidate: Candidate, lexicon: Lexicon, finder: PartyFinder) -> bool:
    """'Delta suspended its flights to Tel Aviv', 'the airline halted service': a firm stopping its own service is no
    sanction; a state party doing it is ('Russia suspended flights to Georgia')."""
    token = candidate.trigger.token
    if candidate.category != "SANCTION" or candidate.trigger.nominal:
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(lemma_of(o) in lexicon.cue_set("own_service_nouns") for o in objects):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return bool(subjects) and not any(state_party(finder.party_at(s)) for s in subjects)


def state_party(party: Party | None) -> bool:
    """A party of a country or of a sector that is no business ('Russia', 'the Finnish government')."""
    return party is not None and (party.country is not None or party.sector not in (None, "BUS"))


def opinion(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'public support for a republic', 'polls show support': an opinion measured, not an act."""
    if candidate.category != "SUPPORT" or not candidate.trigger.nominal:
        return False
    token = candidate.trigger.token
    if {lemma_of(c) for c in token.children if c.dep_ in ("amod", "compound")} & lexicon.cue_set("opinion_mods"):
        return True
    head = clause_head(candidate.trigger)
    return any(c.dep_ == "nsubj" and lemma_of(c) in lexicon.cue_set("poll_nouns") for c in head.children)


def question_asked(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'When asked about his health', 'asked whether she thought...': a question, not a request.
    'asked them to leave', 'asked for help', 'asked that he be freed' stay requests."""
    token = candidate.trigger.token
    if candidate.trigger.nominal or lemma_of(token) not in lexicon.cue_set("question_verbs"):
        return False
    if any(c.dep_ == "xcomp" and not opens_question(c, lexicon) for c in token.children):
        return False  # "asked them to leave"; not "asked him how to end the crisis"
    if prep_objects(token, "for"):
        return False
    clauses = [c for c in token.children if c.dep_ in ("ccomp", "advcl", "dobj", "xcomp")]
    if any(c.dep_ == "dobj" and lemma_of(c) in lexicon.cue_set("question_nouns") for c in clauses):
        return True  # "asking the hard questions"
    if any(opens_question(c, lexicon) for c in clauses) or prep_objects(token, "about"):
        return True
    # "'Why now?' he asked.", "When asked, she smiled": asking with nothing requested
    return all(c.dep_ == "dobj" and c.pos_ == "PRON" for c in clauses) and not prep_objects(token, "of")


def shares_a_view(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'agreed with her interviewer', 'viewers agree with him that...': sharing someone's view. An
    accord has a content or a party by name ('agreed with Turkey on a ceasefire', 'agreed with
    him to meet', 'agreed a plan') and stays."""
    token = candidate.trigger.token
    if candidate.trigger.nominal or lemma_of(token) not in lexicon.cue_set("view_verbs"):
        return False
    if any(c.dep_ in ("xcomp", "dobj") for c in token.children) or prep_objects(token, "on", "to", "upon", "over"):
        return False
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if any(view_held(c, lexicon) for c in clauses):
        return True  # "agreed that the situation is dangerous"; not "agreed that troops would withdraw"
    if clauses and commentators(token, lexicon):
        return True  # "analysts agree that growth will slow": onlookers share a view, whatever the clause
    partners = prep_objects(token, "with")
    if not partners:  # "the psychologist agrees.": a view shared in the present ("X agreed." accepted)
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        alone = len(subjects) == 1 and not subjects[0].conjuncts and token.tag_ in ("VBZ", "VBP")
        return alone and not any(c.dep_ in ("ccomp", "advcl", "prep", "npadvmod") for c in token.children)
    return not any(p.ent_type_ or p.pos_ == "PROPN" for p in partners)


def commentators(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's subject is people who comment on events, not parties to them ('analysts', 'most experts')."""
    subjects = [s for c in verb.children if c.dep_ == "nsubj" for s in (c, *c.conjuncts)]
    return bool(subjects) and all(lemma_of(s) in lexicon.cue_set("commentator_nouns") for s in subjects)


def view_held(clause: Token, lexicon: Lexicon) -> bool:
    """A 'that' clause stating how things are or were ('that the talks were useful', 'that the crisis requires a
    political solution'), not what is to be done ('that troops would withdraw', 'that Zenda should vote')."""
    if clause.pos_ not in ("VERB", "AUX") or clause.tag_ not in ("VBZ", "VBP", "VBD", "VBN"):
        return False
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    return not auxes & lexicon.cue_set("directive_auxes")


def accord_named(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'the Iran deal', 'under the agreement', 'a better trade deal', 'headway toward a deal': an accord named
    or sought, not one made. It is an act when a verb makes it: 'reached an agreement', 'the deal was signed'.
    So is a promise or proposal with no act of its own spelled out ('his election promises', 'Trump's proposal
    intensified'); one that says what it offers ('Riyadh's offer to deploy troops') or that a verb makes ('put
    forward a proposal') stays."""
    promise = candidate.trigger.token
    if (
        candidate.category in ("AGREE", "THREATEN")
        and not any(c.dep_ == "acl" and c.tag_ == "VB" for c in promise.children)
        and named_not_made(candidate, lexicon.cue_set("promise_nouns"), lexicon.cue_set("promise_verbs"), lexicon)
    ):
        return True
    return named_not_made(candidate, lexicon.cue_set("accord_nouns"), lexicon.cue_set("accord_verbs"), lexicon)


def named_not_made(candidate: Candidate, nouns: frozenset[str], makers: frozenset[str], lexicon: Lexicon) -> bool:
    token = candidate.trigger.token
    if not candidate.trigger.nominal or lemma_of(token) not in nouns:
        return False
    while token.dep_ == "conj":
        token = token.head
    if any(c.dep_ in ("acl", "relcl", "amod") and lemma_of(c) in makers for c in token.children):
        return False
    if token.dep_ == "pobj" and lemma_of(token.head) in lexicon.cue_set("pursuit_preps"):
        return True  # "making headway toward a deal", "pushing for an agreement": sought, not made
    head = token.head.head if token.dep_ == "pobj" else token.head  # "agreed on a deal"
    return lemma_of(head) not in makers


def opens_question(clause: Token, lexicon: Lexicon) -> bool:
    """A clause introduced by 'if', 'whether' or a wh-word ('how he would feel')."""
    first = next((t for t in clause.subtree if not t.is_punct), clause)  # '"Why have a war?" asked a man'
    return first.tag_ in WH_TAGS or first.lower_ in lexicon.cue_set("question_marks")


def topic_of_talk(candidate: Candidate) -> bool:
    """'the talk about killing him', 'spoke about attacking': an act talked about, with no doer of its own."""
    token = candidate.trigger.token
    if token.tag_ != "VBG" or token.dep_ != "pcomp" or lemma_of(token.head) != "about":
        return False
    return not any(c.dep_ in ("nsubj", "poss") for c in token.children)


def under_question(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'wondered why they are not made to allow...', 'asked whether troops had withdrawn': the act
    is what a question is about."""
    child = clause_head(candidate.trigger)
    for governor in governors(candidate.trigger, steps=3)[1:]:
        if lemma_of(governor) in lexicon.cue_set("question_verbs") and opens_question(child, lexicon):
            return True
        child = governor
    return False


def generic(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Habits, rules and standing facts told in the present ('she sometimes talks to', 'nobody
    talks to him', 'detainees are held in', 'the office allows people to', 'handles inquiries
    annually'): a present-tense habit, or a non-verbal act in the simple present in the body of a
    report (a first sentence may be a present-tense headline). Past habits ('routinely beat
    detainees') did happen and stay."""
    trigger = candidate.trigger
    head = clause_head(trigger)
    if trigger.nominal and child_lemmas(head, ("acomp", "advmod", "attr")) & lexicon.cue_set("ongoing_words"):
        return False  # "clashes are still ongoing": an act going on now
    habitual = bool(child_lemmas(head, ("advmod", "npadvmod")) & lexicon.cue_set("habitual_advs"))
    if habitual and present_perfect(head):
        return True  # "have often collaborated", "has always backed": a record, not an act
    if not simple_present(head):
        return False
    if habitual or child_lemmas(head, ("advmod",)) & lexicon.cue_set("standing_advs"):
        return True  # "she sometimes talks to", "it still recognizes the monarch"
    category = candidate.category
    if category in VERBAL_TYPES | {"THREATEN", "AGREE"} or (category == "SUPPORT" and not passive(head)):
        return False  # "X accuses Y", "X backs Y": present-tense reporting of a statement
    return trigger.token == head and candidate.sentence.start > 0


def act_as_subject(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'Asking lawmakers to vote is like polling billionaires', 'It is far more difficult to attack
    a state than to kill a man', 'Killing civilians is a crime': an act named as the subject of a
    judgement, with no doer of its own, is no act that happened ('It is vital to talk' is advice:
    its status says so)."""
    token = candidate.trigger.token
    if candidate.trigger.nominal or any(c.dep_ in ("nsubj", "nsubjpass", "poss") for c in token.children):
        return False
    node = token
    while node.dep_ in ("conj", "advcl") and node.head != node and is_infinitive(node):
        node = node.head  # "than to kill": the second term of the comparison
    if node.dep_ in ("csubj", "csubjpass"):
        return True
    if node.dep_ not in ("xcomp", "ccomp") or not is_infinitive(node):
        return False
    judged = node.head
    if judged.pos_ == "ADJ":  # "difficult to kill" as its own clause
        adjective, verb = judged, judged.head
    else:
        adjective = next((c for c in judged.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
        verb = judged
    if adjective is None or lemma_of(adjective) in lexicon.cue_set("wish_governors") | lexicon.cue_set("ability_adjs"):
        return False
    return lemma_of(verb) in lexicon.cue_set("copulas") and any(
        c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children
    )


def is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def notion(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'the importance of striking the apostates', 'questioned the merit of deploying troops', 'a
    history of funding groups', 'the leading role in fighting IS', 'the need for an investigation', 'these kind
    of attacks': an act named as an idea, with no doer of its own, is no act. A noun names one only after the
    few nouns of `kind_nouns` ('a role in the attack' tells a real attack)."""
    token = candidate.trigger.token
    if token.dep_ not in ("pcomp", "pobj") or any(c.dep_ in ("nsubj", "poss") for c in token.children):
        return False
    prep = token.head
    if token.tag_ == "VBG" and token.dep_ == "pcomp":
        nouns = lexicon.cue_set("notion_nouns")
    elif candidate.trigger.nominal:
        nouns = lexicon.cue_set("kind_nouns")
    else:
        return False
    return lemma_of(prep) in lexicon.cue_set("notion_preps") and lemma_of(prep.head) in nouns


def standing_state(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'eight suspects are in custody in the United States', 'remains in detention': where people are
    kept is a state; the act that put them there is told by a verb ('were taken into custody') or by
    the state's cause ('a man is in custody after pointing a gun at police' reports the arrest)."""
    token = candidate.trigger.token
    if not candidate.trigger.nominal or lemma_of(token) not in lexicon.cue_set("custody_nouns"):
        return False
    if token.dep_ != "pobj" or token.head.lower_ != "in":
        return False
    holder = token.head.head
    if not (holder.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or lemma_of(holder) in lexicon.cue_set("copulas")):
        return False
    subjects = {t.i for c in holder.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    around = {lemma_of(t) for t in holder.subtree if t.i not in subjects}
    return not around & lexicon.cue_set("custody_causes")


def standing_tie(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'the traditional friendship and efficient cooperation', 'a strategic partnership': a tie that
    stands between parties, named with a modifier of standing, is no act of cooperating."""
    token = candidate.trigger.token
    if not candidate.trigger.nominal or candidate.category not in ("COOPERATE", "SUPPORT"):
        return False
    while token.dep_ == "conj":
        token = token.head
    mods = {lemma_of(c) for t in (candidate.trigger.token, token) for c in t.children if c.dep_ in ("amod", "compound")}
    return bool(mods & lexicon.cue_set("standing_mods"))


def support_held(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'relies on the backing of militias', 'they lack outside support', 'had international support', 'its alleged
    support': support or aid named as a thing had, lacked, needed, relied on or alleged is a standing condition,
    not an act of giving it ('expressed their support', 'received widespread support' tell one)."""
    token = candidate.trigger.token
    if not candidate.trigger.nominal or candidate.category not in ("SUPPORT", "AID"):
        return False
    if child_lemmas(token, ("amod",)) & lexicon.cue_set("held_support_mods"):
        return True
    while token.dep_ == "conj":
        token = token.head
    holder = token.head
    if token.dep_ == "pobj":  # "relies on the backing", "dependent on the support", "the need for support"
        holder = holder.head
    elif token.dep_ not in ("dobj", "nsubj"):
        return False
    return lemma_of(holder) in lexicon.cue_set("support_holders")


def stance_described(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'a cleric opposed to the government was arrested': a participle describing a party tells where it stands,
    not an act it did ('lawmakers opposed the bill' tells one)."""
    token = candidate.trigger.token
    described = token.tag_ == "VBN" and token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN")
    return described and lemma_of(token) in lexicon.cue_set("stance_participles")


def undone(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'reversed the conviction', 'overturned the ban': the act undone was told before; the undoing is
    the news."""
    token = candidate.trigger.token
    return (
        candidate.trigger.nominal
        and token.dep_ in ("dobj", "nsubjpass")
        and lemma_of(token.head) in lexicon.cue_set("undoing_verbs")
    )


def class_of_acts(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'the region sees frequent attacks', 'has seen numerous bombings', 'along with some attacks using IEDs':
    acts counted by a vague quantity and told outside the past tense name a kind of act, not one that took
    place ('several attacks killed 20 people on Monday' tells them). Acts told as a trend are counted over time
    in any tense."""
    trigger = candidate.trigger
    token = trigger.token
    if not trigger.nominal or token.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ in ("nummod", "poss") or c.ent_type_ in ("DATE", "TIME") for c in token.subtree):
        return False
    if trend_of(token, lexicon):
        return True
    if not child_lemmas(token, ("amod", "det")) & lexicon.cue_set("vague_quantities"):
        return False
    head = clause_head(trigger)
    return not told_in_past(head) and not dated(head)


def trend_of(token: Token, lexicon: Lexicon) -> bool:
    """'rising attacks on journalists', 'the increase in anti-Muslim attacks', 'attacks growing in frequency': acts
    told as a trend that rises or falls are counted over time, not one act."""
    if child_lemmas(token, ("amod",)) & lexicon.cue_set("trend_words"):
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("in", "of"):
        return lemma_of(head.head) in lexicon.cue_set("trend_words")
    return token.dep_ == "nsubj" and lemma_of(head) in lexicon.cue_set("trend_words")


def dated(verb: Token) -> bool:
    """'have launched several attacks this week': a date of the clause's own makes the acts particular."""
    own = [c for c in verb.children if c.dep_ not in ("ccomp", "advcl", "conj", "relcl", "parataxis")]
    return any(t.ent_type_ in ("DATE", "TIME") for c in own for t in c.subtree)


def capability_only(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'the minister can allow them to return', 'is able to destroy warships': what a party may or can do is a
    power it holds, no act told (a threat of it is told by the threat)."""
    return (
        candidate.status == "hypothetical"
        and candidate.category != "THREATEN"
        and not candidate.trigger.nominal  # "are able to report violations of the truce": the truce is told
        and capability(candidate.trigger, lexicon)
    )


def toll_over_years(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'at least 2,590 civilians have been killed by coalition actions since 2014', 'chemical weapons have killed
    hundreds since the start of the conflict', 'bombers killed more than 1,000 people between June 2014 and April
    2016': deaths counted over years are a tally of many acts, no act of their own ('have been killed since July in
    the protests' counts one wave of unrest and stays)."""
    return candidate.category == "ASSAULT" and counted_over_years(candidate.trigger.token, lexicon)


def counted_over_years(token: Token, lexicon: Lexicon) -> bool:
    """A verb of harm whose 'since' or 'between' spans years (`spans_years`); the casualty pass reads it too."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("since", "between")]
    return any(spans_years(prep, lexicon) for prep in preps)


def spans_years(prep: Token, lexicon: Lexicon) -> bool:
    """The span a 'since' or 'between' opens names a year ('since 2014', 'between June 2014 and April 2016') or the
    start of a long state of affairs ('since the start of the conflict')."""
    words = list(prep.subtree)[1:]
    if prep.lower_ == "between":
        return sum(1 for w in words if w.like_num and len(w.text) == 4) >= 2
    if any(w.like_num and len(w.text) == 4 for w in words):
        return True
    return bool({lemma_of(w) for w in words} & lexicon.cue_set("onset_words"))


def tally(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'the number imprisoned had dropped', 'the rate of convictions': a count of acts, a statistic
    ('a number of attacks', 'a total of 20 explosions' count the acts told)."""
    token = candidate.trigger.token
    if token.dep_ in ("acl", "amod"):
        counter = token.head
    elif token.dep_ == "pobj" and lemma_of(token.head) == "of":
        counter = token.head.head
    else:
        return False
    if lemma_of(counter) not in lexicon.cue_set("tally_nouns"):
        return False
    return not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in counter.children)


def maxim(candidate: Candidate, lexicon: Lexicon, finder: PartyFinder) -> bool:
    """'"No one should doubt our resolve," he said', '"A child should be with his parents," she said', 'said
    the reports should have no bearing on the case', 'said that should help it save costs', 'said the issue
    should be dealt with stage by stage': a request of a saying verb whose 'should/must' clause has no party
    for its subject (nobody in particular, a singular noun with 'a', a thing said to be, have or undergo
    something) is an opinion, not a request made of anyone ('the coalition must investigate' stays)."""
    token = candidate.trigger.token
    if candidate.category != "REQUEST" or candidate.trigger.nominal:
        return False
    auxes = lexicon.cue_set("obligation_auxes")
    obliged = [c for c in token.children if c.dep_ == "ccomp" and child_lemmas(c, ("aux",)) & auxes]
    subjects = [s for c in obliged for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(
        nobody_in_particular(s, lexicon) or thing_obliged(s, lexicon, finder) for s in subjects
    )


def thing_obliged(subject: Token, lexicon: Lexicon, finder: PartyFinder) -> bool:
    """The subject of a 'should/must' clause is a thing, not a party asked to act: a demonstrative standing alone
    ('that should help'; 'it' often stands for a country: 'China said it must respond'), or a noun that cannot
    stand for a party said to be, have or undergo something ('the reports should have no bearing', 'the issue
    should be dealt with')."""
    if subject.tag_ == "DT":
        return True
    if subject.pos_ != "NOUN" or finder.names_actor(subject):
        return False
    if child_lemmas(subject, ("det", "predet")) & lexicon.cue_set("addressing_dets"):
        return False  # "all sides should work toward…" addresses the parties
    verb = subject.head
    return subject.dep_ == "nsubjpass" or lemma_of(verb) in ("be", "have")


def nobody_in_particular(subject: Token, lexicon: Lexicon) -> bool:
    if subject.lower_ in lexicon.cue_set("generic_pronouns"):
        return True
    if subject.ent_type_ or subject.pos_ == "PROPN":
        return False
    return any(c.dep_ == "det" and c.lower_ in lexicon.cue_set("generic_dets") for c in subject.children)


def simple_present(verb: Token) -> bool:
    """'talks', 'are held' (not 'are being held', 'has talked', 'is talking', 'will talk')."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ == "being" or a.tag_ in ("MD", "VBD", "VBN") or lemma_of(a) == "have" for a in auxes):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes)


def present_perfect(verb: Token) -> bool:
    """'has talked', 'have been held' (not 'had talked')."""
    return any(c.dep_ == "aux" and lemma_of(c) == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def link_teaser(sentence: Sentence) -> bool:
    """'More: Minister meets ...', 'Read more: X expels Y': the headline of another story linked from
    a web page, not an act this article reports."""
    head = sentence.span.text.lstrip(" \n\t\"'“‘—-").lower()
    return any(head.startswith(teaser + ":") for teaser in sentence.state.lexicon.cue_set("link_teasers"))


def names_a_kind(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'support ships', 'aid workers', 'an arrest warrant', 'the Justice Department', 'Office of
    Investigations': an act word that modifies another noun or sits inside a name names a kind of thing,
    no act. Nouns for the people or the scene of an act ('bombing victims', 'the murder suspect') tell
    that it happened and keep it."""
    token = candidate.trigger.token
    if not candidate.trigger.nominal:
        return False
    if token.ent_type_ in NAME_ENTITIES and inside_name(token):
        return True
    if token.dep_ != "compound" or token.head.pos_ not in ("NOUN", "PROPN") or token.head.i < token.i:
        return False
    return lemma_of(token.head) not in lexicon.cue_set("act_witness_nouns")


def inside_name(token: Token) -> bool:
    """The token is one word of a name of several words ('Justice Department', 'Office of Investigations')."""
    doc = token.doc
    begins = token.ent_iob_ == "B"
    continued = token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
    return not (begins and not continued)


def attitude_only(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'questions about Tunisia's willingness to enhance the partnership', 'few shopkeepers are willing to
    serve them', 'NATO must be ready to face…', 'optimistic that a deal can be reached': a readiness named or
    supposed, or held by nobody in particular, states no intent. Stated by its holder it is one ('expressed
    its willingness to talk', 'we stand ready to negotiate', 'they were prepared to appeal')."""
    trigger = candidate.trigger
    attitude = attitude_above(trigger.token, lexicon) or attitude_above(clause_head(trigger), lexicon)
    if attitude is None:
        return False
    if attitude.pos_ == "NOUN":
        stated = attitude.dep_ in ("dobj", "nsubjpass") and lemma_of(attitude.head) in lexicon.cue_set("stating_verbs")
        return not stated
    if candidate.status == "hypothetical" or lemma_of(attitude) in lexicon.cue_set("expectation_adjs"):
        return True
    verb = attitude.head if attitude.dep_ in ("acomp", "oprd") else attitude
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(held_by_nobody(subject, lexicon) for subject in subjects)


def readiness_for_nothing(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'was ever ready for more', 'we are ready': a readiness with no act and no matter named states no intent
    ('ready to negotiate', 'ready for talks' name one)."""
    token = candidate.trigger.token
    if token.pos_ != "ADJ" or lemma_of(token) not in lexicon.cue_set("attitude_words"):
        return False
    clause = [*token.subtree, *(t for c in token.head.children if c != token for t in c.subtree)]
    if any(t.pos_ == "VERB" for t in clause):  # "ready at a moment's notice to come": the parse may misplace the act
        return False
    matters = [t for t in prep_objects(token, "for", "to", "with", "on") if t.tag_ in ("NN", "NNS", "NNP", "NNPS")]
    return not matters


def forecast(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'the show promises to be the best yet', 'the dispute threatens to become a crisis': what a thing
    promises or threatens to be is a forecast, not a promise or a threat made."""
    token = candidate.trigger.token
    if lemma_of(token) not in lexicon.cue_set("forecast_verbs") or token.i + 2 >= len(token.doc):
        return False
    if any(c.dep_ == "poss" for c in token.children):
        return False  # "Iran's promise to be a partner": a party's promise
    # read on the surface: the parser often takes "promises" in "the fair promises to be" for a noun
    after = token.doc[token.i + 1 : token.i + 3]
    return after[0].lower_ == "to" and lemma_of(after[1]) in lexicon.cue_set("state_verbs")


def warning_of_a_thing(candidate: Candidate, lexicon: Lexicon, finder: PartyFinder) -> bool:
    """'warned that food stocks will run out', 'warned the crisis would deepen': a warning of what a thing will do
    forecasts; a threat is of what a party will do ('warned it would retaliate', 'warned that troops would
    respond') or of what will follow ('warned there would be consequences')."""
    token = candidate.trigger.token
    if candidate.category != "THREATEN" or candidate.trigger.nominal:
        return False
    if lemma_of(token) not in lexicon.cue_set("warning_verbs"):
        return False
    if own_content(token):
        return False  # 'warned that his followers will storm the line'
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.pos_ == "NOUN" and not finder.names_actor(s) for s in subjects)


def readiness_for_no_act(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'willing to wait', 'ready to sell', 'prepared to bid for the company', 'is willing to go to Miami': a
    readiness whose infinitive names no act of the lexicon and no tie between parties promises no cooperation
    ('ready to negotiate', 'willing to provide aid', 'ready to improve relations with Cuba' keep theirs)."""
    trigger = candidate.trigger
    token = trigger.token
    if candidate.category != "AGREE" or token.pos_ != "ADJ" or lemma_of(token) not in lexicon.cue_set("attitude_words"):
        return False
    acts = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    if not acts or trigger.contents:
        return False
    words = {lemma_of(t) for act in acts for t in act.subtree}
    return not words & lexicon.cue_set("cooperation_matters")


def attitude_above(token: Token, lexicon: Lexicon) -> Token | None:
    """The word of readiness or expectation the act hangs on ('willing to serve', 'willingness to enhance',
    'interest in cooperation', 'optimistic that…'), or the trigger itself when it is one ('few are willing')."""
    attitudes = lexicon.cue_set("attitude_words") | lexicon.cue_set("expectation_adjs")
    node = token
    for _ in range(4):  # the trigger and up to three heads
        if lemma_of(node) in attitudes and node.pos_ in ("ADJ", "NOUN"):
            return node
        if node.head == node or node.dep_ not in ("xcomp", "acl", "pobj", "prep", "ccomp", "pcomp"):
            return None
        node = node.head
    return None


def held_by_nobody(subject: Token, lexicon: Lexicon) -> bool:
    """'few shopkeepers', 'fewer doctors', 'nobody': a holder that is no party in particular."""
    if subject.lower_ in lexicon.cue_set("generic_pronouns"):
        return True
    return bool(child_lemmas(subject, ("amod", "det")) & lexicon.cue_set("vague_quantifiers"))


def permission_as_purpose(candidate: Candidate) -> bool:
    """'pulled back to allow Iraqi forces to move forward', 'no safe routes in place to allow people to escape', '...
    new life, allowing liberals to unite': a permission told as the purpose or the effect of something else is no
    concession of its own ('allowed the opposition to hold a rally', 'decided to allow him to run' keep theirs)."""
    token = candidate.trigger.token
    if candidate.category != "CONCEDE" or candidate.trigger.nominal or token.dep_ not in ("advcl", "acl"):
        return False
    return is_infinitive(token) or token.tag_ == "VBG"


def support_as_purpose_or_stance(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'gathered to support the bill', 'crossed into Ukraine to back up rebel forces', 'to persuade voters to support
    him', 'continues to arm and support the Houthis': backing named as the purpose of another act, as what someone
    is urged to give, or as a standing stance in the present is no statement of support ('backed the report',
    'voted to support the resolution' keep theirs)."""
    token = candidate.trigger.token
    if not verb_of(candidate, "SUPPORT", "backing_words", lexicon):
        return False
    node = token.head if token.dep_ == "conj" else token  # "to fight or otherwise support the conflict"
    if not is_infinitive(node):
        return False
    governor = node.head
    if node.dep_ == "advcl":  # a crowd that turned out to support him shows its support there
        return lemma_of(governor) not in lexicon.cue_set("gathering_verbs")
    if node.dep_ != "xcomp":
        return False
    persuading = lexicon.cue_set("asking_verbs") | lexicon.cue_set("movement_verbs") | lexicon.cue_set("urging_verbs")
    standing = lemma_of(governor) in lexicon.cue_set("aspect_verbs") and simple_present(governor)
    return lemma_of(governor) in persuading or standing


def obligation_only(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'Azerbaijan should release them', 'terrorism must be met with a crackdown', 'he should never have been
    arrested', 'any decision must be agreed jointly': what someone must or should do (or should not have
    done) is advice, a rule or an opinion, not an act told; who asks for it makes the request ('X said Y must…')."""
    if candidate.status not in ("hypothetical", "negated") or candidate.trigger.nominal:
        return False  # "any agreement reached must include…": the must is on another verb
    head = clause_head(candidate.trigger)
    heads = [head, head.head] if head.dep_ == "conj" else [head]  # "should never have been arrested or prosecuted"
    return any(child_lemmas(verb, ("aux", "auxpass")) & lexicon.cue_set("obligation_auxes") for verb in heads)


def commentary_or_own_side(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'Experts said the U.S. must do more', 'the strike was a provocation, analysts say', '"We must commit
    ourselves," said Holder': what onlookers say a party must do or did wrong is commentary, and what a speaker says
    'we' must do binds the speaker's own side; none is a request or an accusation made of another party ('Merkel
    said Russia must withdraw' is one)."""
    token = candidate.trigger.token
    if candidate.category not in ("REQUEST", "ACCUSE") or candidate.trigger.nominal:
        return False
    if lemma_of(token) not in lexicon.cue_set("speech_verbs"):
        return False
    if commentators(token, lexicon):
        return True
    obliged = lexicon.cue_set("obligation_auxes")
    clauses = [c for c in token.children if c.dep_ == "ccomp" and child_lemmas(c, ("aux", "auxpass")) & obliged]
    own_side = lexicon.cue_set("own_side_pronouns")
    return bool(clauses) and all(
        any(s.lower_ in own_side for s in c.children if s.dep_ in ("nsubj", "nsubjpass")) for c in clauses
    )


def verdict_beside_accusation(candidate: Candidate, live: list[Candidate], lexicon: Lexicon) -> bool:
    """'Lavrov accused Ukraine of blocking broadcasts and said its media were broadcasting lies': where the sentence
    tells an accusation by its own word, a verdict read from what is said there is that accusation again."""
    speech = lexicon.cue_set("speech_verbs")
    if candidate.category != "ACCUSE" or lemma_of(candidate.trigger.token) not in speech:
        return False
    return any(other.category == "ACCUSE" and lemma_of(other.trigger.token) not in speech for other in live)


def possibility_only(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'now face the threat of detention', 'has no means of pressuring them', 'no record of an air strike': an
    act named only as a possibility someone faces or lacks is none. Put forward by a party ('held out the
    prospect of more aid', 'raised the possibility of sanctions') it stays, hypothetical."""
    if candidate.status != "hypothetical":
        return False
    noun = possibility_noun(candidate.trigger, lexicon)
    if noun is None:
        return False
    return not (noun.dep_ == "dobj" and lemma_of(noun.head) in lexicon.cue_set("proposing_verbs"))


def asked_only(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'Why have a war?', 'If he assaulted her, where was she all this time?': an act named in a question is
    asked about, not told. A request in one stays when it is worded as a demand ('Will you free them, he
    urged?'), not as the asking itself."""
    if not is_question(candidate) or len(candidate.sentence) > MAX_QUESTION_TOKENS:
        return False  # a run of page text that happens to end in '?' is no question
    return candidate.category != "REQUEST" or lemma_of(candidate.trigger.token) in lexicon.cue_set("question_verbs")


def hoped_or_foreseen(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'The U.S. hopes its troops will drive them out, leaving their equipment destroyed', 'it expects that
    thousands will surrender', 'the perception that the U.S. wants to destroy Iraq': what a party hopes, fears
    or foresees will happen is an outcome wished or forecast, no act. A party's own aim ('hopes to reach a
    deal', an infinitive) stays, hypothetical."""
    if candidate.trigger.nominal and candidate.trigger.token.dep_ in ("nsubj", "nsubjpass"):
        return False  # "expected the summit would be used to decide": what a named act will do, not whether it comes
    node = clause_head(candidate.trigger)
    for _ in range(5):  # the act's clause and up to four clauses above it
        if node.head == node:
            return False
        parent = node.head
        if node.dep_ == "ccomp" and lemma_of(parent) in lexicon.cue_set("outcome_verbs"):
            return True
        if node.dep_ in ("acl", "ccomp") and lemma_of(parent) in lexicon.cue_set("outcome_nouns"):
            return True
        asides = [c for c in node.children if c.dep_ in ("parataxis", "prn")]
        if any(lemma_of(c) in lexicon.cue_set("outcome_verbs") for c in asides):
            return True  # "Meanwhile, the U.S. hopes, sanctions will remain in effect"
        if node.dep_ not in ("ccomp", "advcl", "xcomp", "conj", "acl", "relcl", "dobj", "pobj", "prep", "oprd"):
            return False
        node = parent
    return False


def nearly_reached(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'on the verge of a breakthrough', 'on the brink of war', 'is close to a deal', 'nearing an accord':
    an act only drawn near has not come about."""
    token = candidate.trigger.token
    nearness = lexicon.cue_set("nearness_words")
    if token.dep_ == "dobj" and lemma_of(token.head) in nearness and token.head.pos_ == "VERB":
        return True  # "nearing a deal"
    if token.dep_ != "pobj" or token.head.lower_ not in ("of", "to"):
        return False
    word = token.head.head
    if word.lower_ in lexicon.cue_set("verge_nouns"):
        return True
    # "is close to a deal", "came close to war"; not "a source close to the talks"
    return word.lower_ in nearness and word.dep_ in ("acomp", "advmod", "oprd")


def pastime(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'Lyon will host the final', 'agencies factor drones into their war games': games, shows and drills
    hosted or held are no accord or cooperation between parties. Joint drills ('joint exercises', 'drills
    with the Navy') stay."""
    if candidate.category not in ("AGREE", "COOPERATE", "CONSULT"):
        return False
    token = candidate.trigger.token
    named = [token, *(c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr"))]
    named += [conj for word in named for conj in word.conjuncts]
    drills = [w for w in named if drill(w, lexicon)]
    if any({lemma_of(w), w.lower_} & lexicon.cue_set("pastime_nouns") for w in named if w not in drills):
        return True
    return any(not joint(w, lexicon) for w in drills)


def sports_report(candidate: Candidate, lexicon: Lexicon, lemmas: set[str]) -> bool:
    """'shot a 65 to lead by two at the PGA', 'the golfer marched on': an attack, a march or a capture told in a
    sports report (`sport_words`) is play, unless the sentence tells someone hurt or held (`sport_harm_words`)."""
    if candidate.category not in lexicon.cue_set("sport_types"):
        return False
    return bool(lemmas & lexicon.cue_set("sport_words")) and not lemmas & lexicon.cue_set("sport_harm_words")


def drill(word: Token, lexicon: Lexicon) -> bool:
    """'exercises', 'drills', 'war games': forces practising."""
    return lemma_of(word) in lexicon.cue_set("drill_nouns") or "war" in child_lemmas(word, ("compound",))


def joint(word: Token, lexicon: Lexicon) -> bool:
    """'joint drills', 'exercises with the Navy', 'French and Egyptian warships launched war games': held
    together by parties."""
    if child_lemmas(word, ("amod", "compound")) & lexicon.cue_set("joint_mods"):
        return True
    if prep_objects(word, "with", "between", "alongside"):
        return True
    verb = word
    while verb.dep_ in ("dobj", "pobj", "prep") and verb.head != verb:  # "launched ten days of war games"
        verb = verb.head
    holders = [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree if t.ent_type_ in ("GPE", "NORP")]
    return len({t.lower_ for t in holders}) > 1


def talk_in_general(candidate: Candidate, lexicon: Lexicon) -> bool:
    """'We talk about precision warfare', 'you speak of victory': how 'we' or 'you' speak of a topic, in the
    simple present and with no partner, is a manner of speaking, no meeting."""
    token = candidate.trigger.token
    if candidate.category != "CONSULT" or candidate.trigger.nominal or not simple_present(token):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects or any(s.lower_ not in lexicon.cue_set("inclusive_pronouns") for s in subjects):
        return False
    partners = [t for t in prep_objects(token, "with", "to") if lemma_of(t) not in lexicon.cue_set("regard_nouns")]
    return not partners  # "with regards to drone warfare" names a topic, no partner


def drop_non_events(sentence: Sentence) -> None:
    live = sentence.live()
    if not live:  # most sentences hold no candidate: spare the sentence-wide words below
        return
    lexicon = sentence.state.lexicon
    text = " " + sentence.span.text.lower() + " "
    noun_only = lexicon.cue_set("causes_only_as_nouns")  # "protesters tried to storm the building": no storm
    words = [t for t in sentence.span if not (t.pos_ == "VERB" and lemma_of(t) in noun_only)]
    lemmas = {lemma_of(t) for t in words} | {t.lower_ for t in words}
    teaser = link_teaser(sentence)
    checks: list[tuple[str, Callable[[Candidate], bool]]] = [
        ("link to another story", lambda _: teaser),
        ("page furniture", lambda c: page_furniture(c.trigger.token, sentence.span, lexicon)),
        ("question, not a report", lambda c: asked_only(c, lexicon)),
        ("hoped or foreseen", lambda c: hoped_or_foreseen(c, lexicon)),
        ("not yet reached", lambda c: nearly_reached(c, lexicon)),
        ("game or drill", lambda c: pastime(c, lexicon) or sports_report(c, lexicon, lemmas)),
        ("talk in general", lambda c: talk_in_general(c, lexicon)),
        ("kind or name", lambda c: names_a_kind(c, lexicon)),
        ("figurative", lambda c: figurative(c, lexicon, text) or idiom(c, lexicon) or campaign_rally(c, lexicon)),
        ("contest over a thing", lambda c: fight_over_a_thing(c, lexicon, sentence.state.finder)),
        (
            "characterisation",
            lambda c: (
                characterisation(c, lexicon)
                or forecast(c, lexicon)
                or warning_of_a_thing(c, lexicon, sentence.state.finder)
            ),
        ),
        ("people named", people_named),
        ("private or feeling", lambda c: private_or_feeling(c, lexicon)),
        ("speech, not a meeting", lambda c: speech_not_meeting(c, lexicon)),
        ("document content", lambda c: said_by_a_thing(c, lexicon) or document_content(c, lexicon)),
        ("requirement", lambda c: requirement(c, lexicon, sentence.state.finder)),
        ("standing lack", standing_lack),
        ("economy, not politics", lambda c: economic_sense(c, lexicon)),
        (
            "business, not politics",
            lambda c: (
                trade_between_firms(c, lexicon, sentence.state.finder)
                or service_halted_by_firm(c, lexicon, sentence.state.finder)
            ),
        ),
        ("opinion", lambda c: opinion(c, lexicon) or shares_a_view(c, lexicon)),
        (
            "attitude, not intent",
            lambda c: (
                attitude_only(c, lexicon) or readiness_for_nothing(c, lexicon) or readiness_for_no_act(c, lexicon)
            ),
        ),
        ("obligation or advice", lambda c: obligation_only(c, lexicon) or commentary_or_own_side(c, lexicon)),
        ("purpose or effect", lambda c: permission_as_purpose(c) or support_as_purpose_or_stance(c, lexicon)),
        ("toll over years", lambda c: toll_over_years(c, lexicon)),
        ("accusation told by its word", lambda c: verdict_beside_accusation(c, live, lexicon)),
        ("possibility only", lambda c: possibility_only(c, lexicon) or capability_only(c, lexicon)),
        ("accord named, not made", lambda c: accord_named(c, lexicon)),
        ("question", lambda c: question_asked(c, lexicon)),
        (
            "generic",
            lambda c: (
                generic(c, lexicon)
                or maxim(c, lexicon, sentence.state.finder)
                or act_as_subject(c, lexicon)
                or class_of_acts(c, lexicon)
            ),
        ),
        ("notion", lambda c: notion(c, lexicon)),
        (
            "standing state",
            lambda c: (
                standing_state(c, lexicon)
                or standing_patrol(c, lexicon)
                or standing_tie(c, lexicon)
                or support_held(c, lexicon)
                or stance_described(c, lexicon)
            ),
        ),
        ("undone", lambda c: undone(c, lexicon)),
        ("tally", lambda c: tally(c, lexicon)),
        (
            "document released",
            lambda c: document_released(c, lexicon) or thing_released(c, lexicon, sentence.state.finder),
        ),
        ("no comment", lambda c: no_comment(c, lexicon) or press_refusal(c, lexicon) or anonymity_asked(c, lexicon)),
        ("lost contact", lambda c: lost_contact(c, lexicon)),
        ("no one hurt", no_harm),
        ("accident or disaster", lambda c: not_political(c, lexicon, lemmas, text)),
        ("film shot", lambda c: filmed(c, lexicon, sentence.state.finder, lemmas)),
    ]
    for candidate in live:
        candidate.dropped = next((reason for reason, check in checks if check(candidate)), None)
        if (
            candidate.dropped is None
            and candidate.status != "negated"
            and (is_question(candidate) or under_question(candidate, lexicon) or topic_of_talk(candidate))
        ):
            candidate.status = "hypothetical"
