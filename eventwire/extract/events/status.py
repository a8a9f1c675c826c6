"""Pass: the status of an event in the world: asserted, historical, future, hypothetical or negated.

Read from the trigger's own clause: negation and modals on the trigger or the verb that
governs it, intent verbs above it, determiners on a nominal trigger ('any deal', 'no
agreement'), and dates or adverbs that place it before the report.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from eventwire.extract.events.candidate import Sentence
from eventwire.extract.events.lexicon import Lexicon, cue_words
from eventwire.extract.events.triggers import Trigger, clause_head
from eventwire.nlp.columns import column
from eventwire.nlp.modals import modal_words
from eventwire.nlp.tree import lemma_of

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
YEAR_MODIFIERS = ("nummod", "compound", "amod", "nmod")  # "the 1993 attack"
OPEN_INTERVAL_PREPS = cue_words().words("open_interval_preps")
DAY_OF_MONTH = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b")  # "July 16, 2016", "16 July 2016"
PAST_DATE_WORDS = re.compile(r"\b(ago|last year|previous year|years earlier)\b", re.IGNORECASE)
HYPOTHETICAL_AUX = modal_words("modal", "could", "ought")  # "could attack", "should withdraw"
FUTURE_AUX = modal_words("will", "future")  # "will attack", "won't attack"
CONDITION_AUX = FUTURE_AUX | {"would"}  # a clause still to come: "will continue until", "would continue until"
ABILITY_AUX = modal_words("can")  # "can intercept": a capability
# Edges from an act up to the noun naming it a possibility ("the threat of detention and deportation").
POSSIBILITY_PATH = ("pobj", "pcomp", "prep", "conj", "acl", "ccomp", "appos", "dobj", "xcomp", "amod")
NOUN_MODIFIERS = ("compound", "amod", "nmod", "poss")  # "bombing victims": the act qualifies a noun
NEGATION_PASSING = cue_words().words("negation_passing_verbs")
DEGREE_WORDS = ("enough", "too")
KEEPING_VERBS = cue_words().words("keeping_verbs")
FINITE_VERB_TAGS = ("VBD", "VBZ", "VBP")  # a verb with a tense of its own
OBLIGATION_AUXES = cue_words().words("obligation_auxes")
WISH_GOVERNORS = cue_words().words("wish_governors")
CONDITION_MARKS = cue_words().words("hypothetical_marks") | cue_words().words("pending_marks")


def governors(trigger: Trigger, steps: int = 3, own_mood: bool = True) -> list[Token]:
    """The trigger's clause head and the verbs/adjectives above it, up to `steps`. With `own_mood`, a clause
    with a tense of its own keeps its own mood: a finite verb coordinated with another ('may impose sanctions,
    and its troops attacked') shares only what governs the first, and a past clause after 'after', 'because',
    'as' ('could face sanctions after troops attacked') tells a fact whatever governs it (its time it still
    shares: 'earlier, the IRA had grown after soldiers killed 13'). A head the parse found inside quotation marks
    governs no clause outside them."""
    chain = [clause_head(trigger)]
    node = chain[0]
    quoted = inside_quotation(node)
    for _ in range(steps):
        if node.head == node or node.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "acomp", "pcomp", "pobj", "prep"):
            break
        if not quoted and inside_quotation(node.head):
            break  # 'drivers marched chanting "we want to eat"': words quoted govern no clause of the narrative
        if own_mood and node.dep_ == "advcl" and told_as_fact(node) and not advised(node.head):
            break
        if own_mood and node.dep_ == "conj" and node.tag_ in FINITE_VERB_TAGS and node.head.pos_ in ("VERB", "AUX"):
            node = node.head  # skip the first conjunct: its modal, negation and mood are its own
            continue
        node = node.head
        chain.append(node)
    return chain


def advised(verb: Token) -> bool:
    """'should remain because his mother sacrificed…', 'hopes to stay because…': a reason given inside advice or
    a wish is part of the argument, not a fact told by the report."""
    auxes = {lemma_of(c) for c in verb.children if c.dep_ == "aux"}
    return bool(auxes & OBLIGATION_AUXES) or lemma_of(verb) in WISH_GOVERNORS


def told_as_fact(clause: Token) -> bool:
    """An adverbial clause in the past with a mark of time or cause ('after troops attacked', 'because they
    had shelled'); not a condition ('if', 'unless', 'until', 'once')."""
    marks = [c for c in clause.children if c.dep_ == "mark"]
    if not marks or any(lemma_of(m) in CONDITION_MARKS for m in marks):
        return False
    if clause.tag_ == "VBD":
        return True
    auxes = [c for c in clause.children if c.dep_ == "aux"]
    return clause.tag_ == "VBN" and any(lemma_of(a) == "have" for a in auxes) and not any(a.tag_ == "MD" for a in auxes)


def child_lemmas(token: Token, deps: tuple[str, ...]) -> set[str]:
    return {lemma_of(child) for child in token.children if child.dep_ in deps} | {
        child.text.lower() for child in token.children if child.dep_ in deps
    }


def is_negated(trigger: Trigger, lexicon: Lexicon) -> bool:
    words = lexicon.cue_set("negation_words")
    token = trigger.token
    if child_lemmas(token, ("neg", "det")) & words or neither_nor(token):
        return True
    if any(c.lower_ in lexicon.cue_set("cessation_advs") and child_lemmas(c, ("neg",)) & words for c in token.children):
        return True  # "troops no longer patrol": the act has stopped (not "captured not far from the base")
    if any(nobody(child, lexicon) for child in token.children if child.dep_ in ("nsubjpass", "dobj", "nsubj")):
        return True  # "no one was killed", "killing nobody"
    head = clause_head(trigger)
    not_done = lexicon.cue_set("negation_governors") | lexicon.cue_set("counterfactual_verbs")
    if trigger.nominal and head != token and not judged_act(trigger, lexicon):
        contrast = lemma_of(token.head) in lexicon.cue_set("contrast_preps")  # "not responsible, unlike the bombing"
        is_object = token.dep_ in ("dobj", "attr", "oprd") or (token.dep_ == "pobj" and token.head.head == head)
        is_object = is_object or (trigger.sense.blame and token.dep_ == "acomp")  # "was not responsible for"
        is_object = is_object and not contrast
        if is_object and child_lemmas(head, ("neg",)) & words:
            return True
        if is_object and lemma_of(head) in not_done:
            return True  # "refused any talks", "escaped indictment"
        if token.dep_ == "nsubjpass" and {lemma_of(head), phrasal(head)} & lexicon.cue_set("calling_off_verbs"):
            return True  # "the rally was cancelled", "the strike was called off"
    failing = head.dep_ == "xcomp" and lemma_of(head.head) in lexicon.cue_set("negation_governors")
    if failing and trigger.nominal and not (token.dep_ == "pobj" and definite(token, lexicon)):
        return True  # "failed to reach agreement"; "failed to respond to the ultimatum" leaves it told
    if negated_control(trigger, words) or kept_from(trigger) or set_aside(trigger, lexicon):
        return True
    if falsely_told(trigger, lexicon):
        return True
    return (
        token.dep_ != "conj"
        and any(  # "denied X and accused Y": the second act is not denied
            (token.dep_ == "xcomp" or token.head == governor)
            and lemma_of(governor) in not_done
            and trigger.type != "REJECT"
            for governor in governors(trigger)[1:2]
        )
    )


def phrasal(verb: Token) -> str:
    """'call off', 'put off': the verb with its particle."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return f"{lemma_of(verb)} {particles[0]}" if particles else lemma_of(verb)


def definite(token: Token, lexicon: Lexicon) -> bool:
    """'the bombing', 'its offer', 'Zenda's attack': a noun naming a known, particular act."""
    definite_words = lexicon.cue_set("definite_references")
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in definite_words) for c in token.children)


def judged_act(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'have not called the bombing an act of terror', 'whether the stabbings were related to the bombing':
    a definite act that a clause names, relates or judges is known; the clause's negation, modal or
    question bears on the judgement, not on the act."""
    token = trigger.token
    if not trigger.nominal or not definite(token, lexicon):
        return False
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    if token.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if lemma_of(verb) in lexicon.cue_set("relating_verbs"):
        return True
    return token.dep_ == "dobj" and any(c.dep_ == "oprd" for c in verb.children)  # "named the bombing an act of"


def falsely_told(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'an earlier version incorrectly stated that talks were under way': a verb of saying or believing
    qualified as false denies the act it governs ('was wrongly imprisoned' tells the act itself)."""
    verbs = lexicon.cue_set("speech_verbs") | lexicon.cue_set("belief_verbs")
    return any(
        lemma_of(governor) in verbs and child_lemmas(governor, ("advmod",)) & lexicon.cue_set("falsity_advs")
        for governor in governors(trigger)[1:]
    )


def neither_nor(token: Token) -> bool:
    """'neither approves nor disapproves': both verbs of a 'neither ... nor' pair are negated."""
    first = token.head if token.dep_ == "conj" else token
    return any(c.dep_ == "preconj" and c.lower_ == "neither" for c in first.children)


def negated_control(trigger: Trigger, words: frozenset[str]) -> bool:
    """'were not able to visit', 'did not try to meet', 'will not make them retreat', 'it did not
    appear that anyone was hurt': a negated verb or adjective the act's clause is the complement of."""
    node = clause_head(trigger)
    if node.dep_ == "conj" and node.head.dep_ in ("xcomp", "acomp", "ccomp"):
        node = node.head  # "will not cause them to back down or retreat"
    for _ in range(3):
        if node.head == node or not (
            node.dep_ in ("xcomp", "acomp")
            or (node.dep_ == "ccomp" and lemma_of(node.head) in NEGATION_PASSING)
            or (node.dep_ == "advcl" and lemma_of(node.head) == "be" and has_to(node))  # "there is not space to"
        ):
            return False
        node = node.head
        if lemma_of(node) in DEGREE_WORDS and node.head != node:
            node = node.head  # "do not know enough to discuss it"
        if child_lemmas(node, ("neg",)) & words:
            return True
    return False


def has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def kept_from(trigger: Trigger) -> bool:
    """'are prohibited from killing', 'without being required to surrender', 'stopped short of expressing
    support': a verb under 'without', under 'from' after a verb that keeps one from acting, or under 'short of',
    did not happen."""
    for governor in governors(trigger, steps=2):
        if governor.dep_ != "pcomp" or governor.tag_ not in ("VBG", "VBN"):
            continue
        prep = governor.head
        if lemma_of(prep) == "without":
            return True
        if lemma_of(prep) == "from" and lemma_of(prep.head) in KEEPING_VERBS:
            return True
        if lemma_of(prep) == "of" and short_of(prep):
            return True
    return False


def short_of(prep: Token) -> bool:
    """'stopped short of', 'fell short of': the 'of' of 'short', hung on 'short' or on its verb."""
    head = prep.head
    return head.lower_ == "short" or any(c.dep_ == "advmod" and c.lower_ == "short" for c in head.children)


def set_aside(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'rather than a clash', 'instead of talks', 'without any accusation', 'chose to retreat rather than
    attack': an act named as the alternative not taken, or as absent, did not happen."""
    node = trigger.token if trigger.nominal else clause_head(trigger)
    if node.dep_ in ("pobj", "pcomp"):
        intro = node.head
    elif node.dep_ == "conj":
        intro = next((c for c in node.head.children if c.dep_ == "cc" and c.i < node.i), None)
    elif node.dep_ == "advcl":
        intro = next((c for c in node.children if c.dep_ == "mark"), None)
    else:
        return False
    if intro is None:
        return False
    words = [c.lower_ for c in intro.children if c.dep_ == "advmod" and c.i < intro.i]
    if intro.dep_ == "mark":  # "Rather than negotiate": the adverb hangs on the verb
        words = [c.lower_ for c in node.children if c.dep_ == "advmod" and c.i < intro.i]
    phrase = " ".join(words[-1:] + [intro.lower_])
    return phrase in lexicon.cue_set("set_aside_phrases")


def nobody(token: Token, lexicon: Lexicon) -> bool:
    """'nobody', 'none', 'no one', 'no civilians': an argument that says the act touched no one."""
    if lemma_of(token) in lexicon.cue_set("negative_pronouns"):
        return True
    dets = lexicon.cue_set("negative_dets")
    return any(child.dep_ == "det" and (lemma_of(child) in dets or child.lower_ in dets) for child in token.children)


def is_hypothetical(trigger: Trigger, lexicon: Lexicon) -> bool:
    token = trigger.token
    if (presupposed(trigger, lexicon) or judged_act(trigger, lexicon)) and not capability(trigger, lexicon):
        return False  # "Ruritania's missiles can destroy warships" tells a capability, no act
    if trigger.nominal and child_lemmas(token, ("det",)) & lexicon.cue_set("hypothetical_dets"):
        return True
    aux = HYPOTHETICAL_AUX
    marks = lexicon.cue_set("hypothetical_marks")
    for governor in governors(trigger, steps=1):
        modals = child_lemmas(governor, ("aux", "auxpass")) & aux
        if reported_future(governor, lexicon):
            modals -= {"would"}
        if modals:
            return True
        if child_lemmas(governor, ("mark",)) & marks:
            return True
    if possible_only(trigger, lexicon) or modal_above(trigger, lexicon):
        return True
    if imperative(trigger) or capability(trigger, lexicon):
        return True
    if speculated(trigger, lexicon) or under_way(trigger, lexicon) or pending_condition(trigger, lexicon):
        return True
    if sought_outcome(trigger, lexicon):
        return True
    if generic_condition(trigger, lexicon) or subjunctive(trigger) or conditional_outcome(trigger):
        return True
    if infinitive_of_noun(trigger, lexicon) and not is_future(trigger, lexicon):
        return True
    head = clause_head(trigger)
    wishes = lexicon.cue_set("wish_governors") - scheduled(head, lexicon)
    # a finite verb coordinated after another shares only what governs the first (`governors` skips that one)
    for governor in governors(trigger, steps=3)[1:3]:
        if lemma_of(governor) in wishes or child_lemmas(governor, ("acomp", "attr")) & wishes:
            return True  # "we hope they will coordinate", "it is imperative that you resume talks"
    if head.dep_ == "xcomp" and lemma_of(head.head) in wishes:
        return True  # "hopes to reach a deal", "wants to meet him": the act is wished for, not done
    return head != token and lemma_of(head) in lexicon.cue_set("hypothetical_governors")


def scheduled(head: Token, lexicon: Lexicon) -> set[str]:
    """'is expected to meet', 'is set to visit': a passive verb of scheduling over the act tells a plan, not a
    wish ('it expects that they will surrender' stays a forecast). The lemma to take out of the wishes."""
    verb = head.head
    if head.dep_ != "xcomp" or lemma_of(verb) not in lexicon.cue_set("schedule_verbs"):
        return set()
    return {lemma_of(verb)} if any(c.dep_ == "auxpass" for c in verb.children) else set()


def presupposed(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'the withdrawal of South Africa could be more damaging', 'whether these attacks are the work of
    insiders': a definite noun naming an act as the subject of its clause takes the act as known; a modal
    or condition there weighs what the act is or does ('the talks could go ahead', 'a deal could be
    signed' leave the act itself possible)."""
    if not trigger.nominal or not definite(trigger.token, lexicon):
        return False
    token = subject_holding(trigger.token, lexicon)
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head == token:
        return False
    if trigger.type in lexicon.cue_set("scheduled_types"):
        return False  # "the summit would produce an initiative": a meeting is named before it is held
    verb = token.head
    if token.dep_ == "nsubjpass":  # "the deal could be signed" is still possible; "the bombings might be linked" known
        return lemma_of(verb) in lexicon.cue_set("relating_verbs")
    coming_about = lexicon.cue_set("occurrence_verbs") | lexicon.cue_set("coming_about_verbs")
    if lemma_of(verb) == "be":
        return any(c.dep_ in ("acomp", "attr") for c in verb.children)  # "the vote will be on Sunday" is a plan
    return lemma_of(verb) not in coming_about


def subject_holding(token: Token, lexicon: Lexicon) -> Token:
    """'the early stage of the ground attack would be the easiest part': the noun an act is 'of', up to the
    clause's subject ('the threat of the attack' stays a possibility named)."""
    node = token
    while node.dep_ == "pobj" and lemma_of(node.head) == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
        outer = node.head.head
        if lemma_of(outer) in lexicon.cue_set("possibility_nouns"):
            break
        node = outer
    return node


def speculated(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'perhaps they killed them', 'officials believe troops attacked', 'he is suspected of having
    met': an act guessed, believed or feared is not told as done. The walk stops at a verb of saying
    ('police said they arrested 14' is the news)."""
    beliefs = lexicon.cue_set("belief_verbs")
    speech = lexicon.cue_set("speech_verbs") - beliefs
    token = trigger.token
    known = token.dep_ in NOUN_MODIFIERS or any(c.dep_ == "poss" or lemma_of(c) == "the" for c in token.children)
    if trigger.nominal and known:
        return False  # "investigators believe he filmed the assaults": the assaults are taken as known
    chain = governors(trigger, steps=3)
    for below, governor in zip([None, *chain], chain, strict=False):
        if child_lemmas(governor, ("advmod",)) & lexicon.cue_set("speculation_advs"):
            return True
        if below is not None and believed(governor, below, beliefs):
            return True
        if lemma_of(governor) in speech:
            return False
    return False


def believed(governor: Token, below: Token, beliefs: frozenset[str]) -> bool:
    """A belief verb with a believer of its own over the act's clause (not "suspected militants killed
    six", which the parser may read as 'suspected' over 'killed')."""
    if lemma_of(governor) not in beliefs or below.dep_ not in ("ccomp", "xcomp"):
        return False
    if reduced_relative_identity(governor):
        return False  # "gunmen believed to be Fulani killed five" (misparsed): who they are is believed, not the act
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in governor.children)


def reduced_relative_identity(verb: Token) -> bool:
    """'gunmen believed to be herders': a participle with no auxiliary of its own followed by 'to be'."""
    doc = verb.doc
    if verb.i + 2 >= len(doc) or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return doc[verb.i + 1].lower_ == "to" and lemma_of(doc[verb.i + 2]) == "be"


def generic_condition(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'If you put saints in this camp, they will end up fighting': the outcome of a condition set
    for anyone ('you', 'one') is a supposition, not a promise or a threat."""
    for governor in governors(trigger, steps=2):
        for clause in governor.children:
            if clause.dep_ != "advcl" or not child_lemmas(clause, ("mark",)) & lexicon.cue_set("hypothetical_marks"):
                continue
            if any(c.dep_ == "nsubj" and c.lower_ in ("you", "one") for c in clause.children):
                return True
    return False


def conditional_outcome(trigger: Trigger) -> bool:
    """'If his father is permitted to come, I welcome him and urge him to…': a clause told in the present as the
    outcome of an 'if/unless' condition is supposed, not done ('would' and 'will' are read before this; a
    threat made on a condition, 'warns of strikes if…', is a threat made)."""
    if trigger.type == "THREATEN":
        return False
    chain = governors(trigger, steps=1)
    head = chain[0]
    if head.dep_ == "conj":  # "If Zenda withdraws, Ruritania welcomes it and lifts…": an opening condition covers both
        chain.append(head.head)
    for governor in chain:
        if governor.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "aux" for c in governor.children):
            continue
        clauses = [c for c in governor.children if c.dep_ == "advcl" and (governor == head or c.i < governor.i)]
        if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for c in clauses for m in c.children):
            return True
    return False


def pending_condition(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'no hope until sanctions force Saddam to withdraw', 'once troops leave': a clause told in the
    present after 'until'/'once' is a condition still to be met ('fought until police arrived' happened), and so is
    one in the past under a clause still to come ('would continue its protest until the minister resigned')."""
    if trigger.nominal:
        return False  # "until sanctions force him to withdraw": the sanctions are in force
    for governor in governors(trigger, steps=2):
        if child_lemmas(governor, ("mark",)) & lexicon.cue_set("pending_marks"):
            present = ("VBZ", "VBP")
            auxes = [c for c in governor.children if c.dep_ == "auxpass"]
            if governor.tag_ in present or (governor.tag_ == "VBN" and any(a.tag_ in present for a in auxes)):
                return True
            return governor.dep_ == "advcl" and bool(child_lemmas(governor.head, ("aux",)) & CONDITION_AUX)
    return False


def sought_outcome(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'a reward for information that leads to the arrest and conviction of ...': the arrest is what the reward
    seeks, none has been made."""
    token = trigger.token
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "to" or lemma_of(prep.head) != "lead":
        return False
    lead = prep.head
    if lead.tag_ in ("VBD", "VBN"):
        return False  # "information from an informant led to the arrest": it was made
    sought = lexicon.cue_set("sought_information")
    subjects = {lemma_of(c) for c in lead.children if c.dep_ in ("nsubj", "nsubjpass")}
    if lead.dep_ in ("acl", "relcl") and lemma_of(lead.head) in sought:
        return True
    return bool(subjects & sought)


def purpose_named(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'with the aim of allowing France to…', 'its main purpose was supporting the forces', 'our goal
    is to recapture': an act named as a goal is intended, not told as done."""
    if trigger.nominal:
        return False
    token, purposes = trigger.token, lexicon.cue_set("purpose_nouns")
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and lemma_of(token.head.head) in purposes:
        return True
    if token.dep_ == "acl" and lemma_of(token.head) in purposes:
        return True
    if token.dep_ in ("attr", "xcomp", "acomp") and lemma_of(token.head) == "be":
        return any(c.dep_ == "nsubj" and lemma_of(c) in purposes for c in token.head.children)
    # "its purpose was supporting", parsed as a progressive with the goal for its subject
    return token.tag_ == "VBG" and any(c.dep_ == "nsubj" and lemma_of(c) in purposes for c in token.children)


def under_way(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'is considering urging Zenda', 'is working to seize the assets': an act deliberated or still
    worked towards has not happened ('tried to kill him' told an attempt that took place)."""
    if trigger.nominal:
        return False  # "will consider helping bombing victims": the bombing took place
    speech = lexicon.cue_set("speech_verbs")
    for governor in governors(trigger, steps=3)[1:]:
        lemma = lemma_of(governor)
        if lemma in lexicon.cue_set("deliberation_verbs"):
            return True
        if lemma in lexicon.cue_set("effort_verbs") and present_tense(governor):
            return True
        if lemma in speech:
            return False
    return False


def present_tense(verb: Token) -> bool:
    """'works', 'is working', 'are trying' (not 'worked', 'was trying', 'has tried')."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def capability(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'can intercept ten missiles', 'is able to destroy', 'is capable of engaging': what a party or
    weapon can do is no act ('was able to visit' did happen; 'cannot' is negated before this)."""
    head = clause_head(trigger)
    if child_lemmas(head, ("aux",)) & ABILITY_AUX:
        return True
    governor = head.head.head if head.dep_ == "pcomp" else head.head  # "capable of engaging"
    if head.dep_ not in ("xcomp", "pcomp") or lemma_of(governor) not in lexicon.cue_set("ability_adjs"):
        return False
    verb = governor.head if governor.dep_ == "acomp" else governor
    return verb.tag_ in ("VBZ", "VBP") or bool(child_lemmas(verb, ("aux",)) & (HYPOTHETICAL_AUX | FUTURE_AUX))


def possible_only(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'face the threat of detention and deportation', 'speculation that they met': a possibility named."""
    return possibility_noun(trigger, lexicon) is not None


def possibility_noun(trigger: Trigger, lexicon: Lexicon) -> Token | None:
    """The noun naming the act a possibility ('the threat of detention'), or 'no record/evidence of' it."""
    node = trigger.token
    for _ in range(4):
        if node.head == node or node.dep_ not in POSSIBILITY_PATH:
            return None
        node = node.head
        if node.pos_ == "NOUN" and lemma_of(node) in lexicon.cue_set("possibility_nouns"):
            return node
        if lemma_of(node) in lexicon.cue_set("evidence_nouns") and child_lemmas(node, ("det",)) & {"no"}:
            return node  # "there is no record of a coalition air strike"
    return None


def infinitive_of_noun(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'the ideal location to host a fair', 'the power to investigate': an act named as a purpose or
    a possibility of a thing; 'the first leader to visit' did visit, 'the decision to deploy' is told
    as done."""
    token = trigger.token
    if trigger.nominal or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    if token.dep_ != "acl":
        return False
    if child_lemmas(token.head, ("det",)) & lexicon.cue_set("hypothetical_dets"):
        return True  # "any decision to expel them must be agreed"
    if lemma_of(token.head) in lexicon.cue_set("decided_nouns"):
        return False
    return not child_lemmas(token.head, ("amod",)) & lexicon.cue_set("ordinal_mods")


def imperative(trigger: Trigger) -> bool:
    """'Avoid being used to compromise security', 'Stop the bloodshed': an order or advice."""
    for governor in governors(trigger, steps=3):
        before = governor.doc[governor.sent.start : governor.i]
        if governor.dep_ in ("ROOT", "ccomp") and governor.tag_ == "VB" and all(t.is_punct for t in before):
            return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in governor.children)
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in governor.children):
            return False  # "Tell them no one has claimed the bombings": a clause with a subject has its own mood
    return False


def modal_above(trigger: Trigger, lexicon: Lexicon) -> bool:
    """A modal on a verb further up ('may have been trying to impress her by killing'), not across
    reported speech ('could not say how many were killed') nor from the first verb of a coordination
    to a finite second one ('could not comment but noted that...')."""
    speech = lexicon.cue_set("speech_verbs")
    chain = governors(trigger, steps=4)
    for below, governor in zip(chain[1:], chain[2:], strict=False):
        if below.dep_ == "conj" and below.tag_ in FINITE_VERB_TAGS:
            return False  # "could not comment but noted that police had arrested": a finite verb has its own mood
        modals = child_lemmas(governor, ("aux",)) & HYPOTHETICAL_AUX
        if reported_future(governor, lexicon):
            modals -= {"would"}
        if lemma_of(governor) in speech:
            return False
        if modals:
            return True
    return False


def reported_future(head: Token, lexicon: Lexicon) -> bool:
    """'said they would boycott': 'would' in reported speech is the future of the past."""
    return head.dep_ == "ccomp" and lemma_of(head.head) in lexicon.cue_set("speech_verbs")


def is_future(trigger: Trigger, lexicon: Lexicon) -> bool:
    token = trigger.token
    if (trigger.sense.status == "future" and not told_done(token, lexicon)) or purpose_named(trigger, lexicon):
        return True
    if trigger.nominal and child_lemmas(token, ("amod", "compound")) & lexicon.cue_set("future_mods"):
        return not carried_out(token, lexicon)
    if trigger.nominal and awaited(token, lexicon):
        return True
    if came_before(trigger, lexicon):
        return False
    head = clause_head(trigger)
    if child_lemmas(head, ("aux",)) & FUTURE_AUX:
        return True
    if reported_future(head, lexicon) and "would" in child_lemmas(head, ("aux",)):
        return True
    if going_to(head) or future_topic(token):
        return True  # "we're going to fight it", "will stand together on arresting the suspects"
    if head.dep_ == "xcomp" and lemma_of(head.head) in lexicon.cue_set("inceptive_verbs"):
        start = head.head  # "will begin withdrawing troops", "said they would start to pull out"
        if child_lemmas(start, ("aux",)) & FUTURE_AUX or (
            reported_future(start, lexicon) and "would" in child_lemmas(start, ("aux",))
        ):
            return True
    if head != token and lemma_of(head) in lexicon.cue_set("future_governors"):
        return True
    if head.dep_ == "conj" and head.head.dep_ in ("acl", "xcomp"):
        head = head.head  # "was scheduled to lay flowers, talk to the guards and meet the president"
    if head.dep_ in ("acl", "xcomp") and lemma_of(head.head) in lexicon.cue_set("future_governors"):
        return True  # "his determination to find an agreement"
    if token.dep_ == "xcomp" and lemma_of(token.head) in lexicon.cue_set("future_governors"):
        return True
    if token.dep_ == "xcomp" and lemma_of(token.head) == "be" and any(c.lower_ == "to" for c in token.children):
        return True  # "the governments are to agree controls", "the plan is to attack"
    if token.dep_ == "pcomp" and lemma_of(token.head) == "to":  # "looked forward to visiting"
        verb = token.head.head
        if ({lemma_of(verb)} | child_lemmas(verb, ("advmod", "acomp"))) & lexicon.cue_set("future_governors"):
            return True
    return purpose_of_future(head, lexicon)


def awaited(noun: Token, lexicon: Lexicon) -> bool:
    """'protested ahead of a visit by Rice', 'on the eve of the summit', 'in the run-up to the talks': an act named
    as what another waits for has not happened yet."""
    prep = noun.head
    if noun.dep_ != "pobj" or lemma_of(prep) not in ("of", "to", "for"):
        return False
    return lemma_of(prep.head).lower() in lexicon.cue_set("awaiting_words")


def came_before(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'Twenty years after the serial blasts, the court will rule today': an act named as what came before the
    clause's time is no part of its future (unless dated itself: 'after next week's summit')."""
    token = trigger.token
    if not trigger.nominal or token.dep_ != "pobj" or lemma_of(token.head) not in lexicon.cue_set("earlier_time_preps"):
        return False
    return not any(t.ent_type_ == "DATE" for t in token.subtree)


def carried_out(noun: Token, lexicon: Lexicon) -> bool:
    """'mounted its long-threatened invasion', 'carried out the planned attack': a planned act done."""
    verb = noun.head
    return (
        noun.dep_ in ("dobj", "obj")
        and lemma_of(verb) in lexicon.cue_set("occurrence_verbs")
        and verb.tag_ in ("VBD", "VBN")
        and not any(c.tag_ == "MD" or c.lower_ == "to" for c in verb.children if c.dep_ in ("aux", "auxpass"))
    )


def told_done(verb: Token, lexicon: Lexicon) -> bool:
    """'offered condolences', 'had pledged allegiance': what is given by saying it was given when it was
    said; 'offered a seat', 'proposed closer cooperation', 'will offer condolences' keep the sense's future."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.tag_ in FINITE_VERB_TAGS for a in auxes))
    if not past or any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes):
        return False
    return any(c.dep_ == "dobj" and lemma_of(c) in lexicon.cue_set("given_in_saying") for c in verb.children)


def future_topic(token: Token) -> bool:
    """'will stand together on arresting the suspects', 'will work towards withdrawing': what a future
    act is about ('by recognizing the genocide, it will force…' tells the means, done now)."""
    if token.dep_ != "pcomp" or token.head.lower_ not in ("on", "toward", "towards"):
        return False
    return bool(child_lemmas(token.head.head, ("aux",)) & FUTURE_AUX)


def going_to(head: Token) -> bool:
    """'are going to fight it': the 'going to' future (not 'went to fight', 'is going to Paris')."""
    if head.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False
    go = head.head
    progressive = any(c.dep_ == "aux" and lemma_of(c) == "be" for c in go.children)
    return lemma_of(go) == "go" and go.tag_ == "VBG" and progressive


def purpose_of_future(head: Token, lexicon: Lexicon) -> bool:
    """'will gather experts to discuss trends', 'planned to join a march to protest': the purpose of a future or
    planned act is future too."""
    if not (head.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)):
        return False
    governor = head.head
    if lemma_of(governor) in lexicon.cue_set("speech_verbs") | lexicon.cue_set("aspect_verbs"):
        return False  # "will continue to be banned": the ban goes on now
    if governor.dep_ == "xcomp" and lemma_of(governor.head) in lexicon.cue_set("future_governors"):
        return True
    return bool(child_lemmas(governor, ("aux",)) & FUTURE_AUX)


def date_anchors(trigger: Trigger) -> list[Token]:
    """The trigger, its clause head, and the verb a 'when' clause of it hangs on: where its dates attach."""
    anchors = [trigger.token, clause_head(trigger)]
    head = anchors[-1]
    if any(lemma_of(child) == "when" for child in head.children if child.dep_ == "advmod"):
        anchors.append(head.head)
    return anchors


def dates_near(trigger: Trigger) -> list[Token]:
    """DATE entity tokens attached to the trigger or its clause (or the clause a 'when' clause hangs on),
    and a year naming a nominal act ('the 1993 attack')."""
    found = []
    for anchor in date_anchors(trigger):
        for child in anchor.children:
            if child.dep_ == "prep":
                found += [(lemma_of(child), t) for t in child.subtree if t.ent_type_ == "DATE"]
            elif child.ent_type_ == "DATE" and child.dep_ in ("npadvmod", "tmod", "nmod"):
                found += [("", t) for t in child.subtree if t.ent_type_ == "DATE"]
    if trigger.nominal:
        found += [
            ("", c)
            for c in trigger.token.children
            if c.dep_ in YEAR_MODIFIERS and c.ent_type_ == "DATE" and YEAR.fullmatch(c.text)
        ]
    return [token for prep, token in found if prep not in OPEN_INTERVAL_PREPS]


def dates_of_first_conjunct(trigger: Trigger) -> list[Token]:
    """'were detained in 1915 and later executed': a later verb of a coordination with no date of its
    own happened when the first one did."""
    head = clause_head(trigger)
    if head.dep_ != "conj" or head.pos_ not in ("VERB", "AUX") or head.head.pos_ not in ("VERB", "AUX"):
        return []
    first = head.head
    return [
        t
        for c in first.children
        if c.dep_ == "prep"
        for t in c.subtree
        if t.ent_type_ == "DATE" and lemma_of(c) not in OPEN_INTERVAL_PREPS
    ]


def report_year(doc: Doc, published_at: date | None) -> int | None:
    """The publication year; with no publication date, the latest year the article names in a date
    (a report is at least as late as what it tells)."""
    if published_at is not None:
        return published_at.year
    if "latest_year" not in doc.user_data:
        years = [
            int(word)
            for word, entity in zip(column(doc, "text"), column(doc, "ent_type"), strict=True)
            if entity == "DATE" and YEAR.fullmatch(word)
        ]
        doc.user_data["latest_year"] = max(years, default=None)
    return doc.user_data["latest_year"]


def entity_around(token: Token) -> str:
    """The text of the named entity holding the token (or the token's own)."""
    return entity_span(token).text


def entity_span(token: Token) -> Span:
    """The named entity holding the token (or the token alone); local, unlike `doc.ents`."""
    doc, start, end = token.doc, token.i, token.i + 1
    if not token.ent_type_:
        return doc[start:end]
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def dates_the_act(token: Token, trigger: Trigger) -> bool:
    """'in 1992 troops occupied', 'the 1915 massacre', 'in a 2011 email, he alleged': the date hangs on the
    act or its clause by itself, through one preposition, or on that preposition's noun ('under the Act of
    1956' dates the act's topic, not the act)."""
    anchors = set(date_anchors(trigger))
    node = token
    while node.ent_type_ == "DATE" and node.head != node:
        node = node.head
    if node.dep_ == "pobj" and token.dep_ in YEAR_MODIFIERS:
        node = node.head  # "in a December 2011 email"
    return node in anchors or (node.dep_ == "prep" and node.head in anchors)


def is_historical(trigger: Trigger, lexicon: Lexicon, published_at: date | None) -> bool:
    for governor in governors(trigger, steps=2, own_mood=False):
        if child_lemmas(governor, ("advmod",)) & lexicon.cue_set("historical_advs"):
            return True
    if trigger.nominal and child_lemmas(trigger.token, ("amod",)) & lexicon.cue_set("historical_mods"):
        return True
    latest = report_year(trigger.token.doc, published_at)
    for token in dates_near(trigger) or dates_of_first_conjunct(trigger):
        entity_text = entity_around(token)
        if PAST_DATE_WORDS.search(entity_text):
            return True
        year = YEAR.search(entity_text)
        if year and latest is not None and int(year.group(1)) < latest:
            return True
        if year and published_at is None and not DAY_OF_MONTH.search(entity_text) and dates_the_act(token, trigger):
            return True  # undated report: news names the year of a date only when it is not the current one
    return False


def past_counterfactual(trigger: Trigger) -> str | None:
    """'would not have carried out the airstrike if they had not received a green light': a past
    counterfactual with its 'if had' condition inverts its clause: the act 'would not have' done took
    place, the one it 'would have' done did not."""
    head, token = clause_head(trigger), trigger.token
    if trigger.nominal and not (token.head == head and token.dep_ in ("dobj", "nsubjpass")):
        return None
    auxes = [c for c in head.children if c.dep_ == "aux"]
    if head.tag_ != "VBN" or not any(c.lower_ == "have" for c in auxes):
        return None
    if not any(c.tag_ == "MD" and lemma_of(c) in ("would", "could", "might") for c in auxes):
        return None
    conditions = [c for c in head.children if c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children)]
    if not any(a.lower_ in ("had", "'d") for clause in conditions for a in clause.children if a.dep_ == "aux"):
        return None
    return "asserted" if any(c.dep_ == "neg" for c in head.children) else "negated"


def subjunctive(trigger: Trigger) -> bool:
    """'insist that Elian be allowed to stay', 'demanded that Zenda withdraw': a clause in the subjunctive
    (a bare verb after 'that', or 'be' + participle, with a subject of its own) tells what is demanded or
    wished, not what happened."""
    head = clause_head(trigger)
    if head.dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return False
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if head.tag_ == "VBN":
        return len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].lower_ == "be"
    return head.tag_ == "VB" and not auxes and any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children)


def performed_in_saying(trigger: Trigger, lexicon: Lexicon) -> bool:
    """'I want to thank you', 'the government would like to express its condolences', 'she said she wanted to
    thank the staff': a wish to thank, greet or condole, said by the one who holds it, is the act itself."""
    head = clause_head(trigger)
    if head.dep_ != "xcomp" or lemma_of(head.head) not in lexicon.cue_set("performing_wishes"):
        return False
    return done_by_saying(trigger, head, lexicon) and told_by_its_holder(head.head, lexicon)


def done_by_saying(trigger: Trigger, verb: Token, lexicon: Lexicon) -> bool:
    """'thank', 'apologize'; 'express condolences', 'offer sympathy' (not 'offer a seat', 'extend the deadline')."""
    if lemma_of(verb) in lexicon.cue_set("performative_verbs"):
        return not trigger.nominal
    if lemma_of(verb) not in lexicon.cue_set("conveying_verbs"):
        return False
    given = lexicon.cue_set("given_in_saying")
    if trigger.nominal:
        return lemma_of(trigger.token) in given
    return any(c.dep_ == "dobj" and lemma_of(c) in given for c in verb.children)


def told_by_its_holder(wish: Token, lexicon: Lexicon) -> bool:
    """The wish is said by the one who holds it: in the first person, in quoted words, or reported with a
    pronoun for its holder ('she said she wanted to')."""
    clause = wish.head if wish.dep_ == "conj" else wish  # "deplores these acts and would like to express"
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if any(s.lower_ in ("i", "we") for s in subjects):
        return True
    if inside_quotation(wish):
        return True
    reported = clause.dep_ == "ccomp" and lemma_of(clause.head) in lexicon.cue_set("speech_verbs")
    return reported and any(s.pos_ == "PRON" for s in subjects)


def inside_quotation(token: Token) -> bool:
    """More quotation marks opened than closed before the token in its sentence."""
    sentence = token.sent
    return quoted_tokens(sentence)[token.i - sentence.start]


def quoted_tokens(sentence: Span) -> list[bool]:
    """For each token of the sentence, whether a quotation is open before it (counted once per sentence: the
    status of every trigger asks it of each word above it)."""
    cache = sentence.doc.user_data.setdefault("quoted_tokens", {})
    if sentence.start not in cache:
        flags, straight, curly = [], 0, 0
        for token in sentence:
            flags.append(straight % 2 == 1 or curly > 0)
            text = token.text
            straight += text.count('"')
            curly += text.count("“") + text.count("``") - text.count("”") - text.count("''")
        cache[sentence.start] = flags
    return cache[sentence.start]


def event_status(trigger: Trigger, lexicon: Lexicon, published_at: date | None) -> str:
    """The status, in order of precedence: negated > hypothetical > future > historical > asserted."""
    if (inverted := past_counterfactual(trigger)) is not None:
        return inverted
    if is_negated(trigger, lexicon):
        return "negated"
    if performed_in_saying(trigger, lexicon):
        return "asserted"
    if is_hypothetical(trigger, lexicon):
        return "hypothetical"
    if is_future(trigger, lexicon):
        return "future"
    if is_historical(trigger, lexicon, published_at):
        return "historical"
    return "asserted"


def decide_status(sentence: Sentence) -> None:
    """Pass: the status of each candidate, read from its clause (type and mode depend on it)."""
    for candidate in sentence.live():
        candidate.status = event_status(candidate.trigger, sentence.state.lexicon, sentence.state.published_at)
