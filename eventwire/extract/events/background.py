"""Passes: events told as background.

`mark_told_in_passing`: events in relative clauses and participial modifiers ('the town where 28 were
killed', 'the curfew imposed after the coup'), after temporal words ('after days of fighting')
unless dated ('after the invasion in February 2022'), and inside after/because/if... clauses are
not the news as the sentence tells it. They go on as candidates marked `background`: some are acts a
reader records ('accused Kim of the attack, which killed 12'), most are not (two in five were right in
the labels), and the confidence model keeps one only when it is more likely right than not
(extract/confidence); told again as news later, the act is one event told by the news mention (merge.py).

`mark_background_acts` (after the status pass): acts told as history in a clause of their own are
coded but `historical`: the pluperfect outside reported speech ('Kopp had been arrested in several
states'; 'they had worked there when they were kidnapped') and acts repeated 'since' a time
('arrested ... since 1990'). The event dater then dates
them by their own sentence, never by the publication day (times/event_dates.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from eventwire.extract.events.arguments import known
from eventwire.extract.events.candidate import Sentence
from eventwire.extract.events.lexicon import Lexicon, cue_words
from eventwire.extract.events.status import OPEN_INTERVAL_PREPS, dates_near, entity_span
from eventwire.extract.events.triggers import Trigger, clause_head
from eventwire.nlp.tree import FINITE_TAGS, RELATIVE_PRONOUNS, lemma_of

BACKGROUND_PREPS = cue_words().words("background_preps")
BACKGROUND_MARKS = cue_words().words("background_marks")
CONCESSIVE_MARKS = cue_words().words("concessive_marks")
STATE_VERBS = cue_words().words("concessive_state_verbs")
DENIAL_VERBS = cue_words().words("denial_verbs")
DOCUMENT_NOUNS = cue_words().words("document_nouns")
# Clauses whose own dated act happened ('after X accused Y on Monday'); not 'if', 'because', 'although'.
DATED_ACT_MARKS = cue_words().words("dated_act_marks")
# Clauses of time told beside or after the main act ('as police arrested', 'before a judge sentenced him').
CONCURRENT_MARKS = cue_words().words("concurrent_marks")
CALENDAR_WORDS = cue_words().words("calendar_words")
HABIT_WORDS = cue_words().words("habit_words")
YEAR_PATTERN = re.compile(r"(1[89]\d\d|20\d\d)s?")


def mark_told_in_passing(sentence: Sentence) -> None:
    finder = sentence.state.finder
    for candidate in sentence.live():
        if is_background(candidate.trigger, sentence.state.lexicon, lambda noun: known(finder.party_at(noun))):
            candidate.background = True


def is_background(trigger: Trigger, lexicon: Lexicon, names_party: Callable[[Token], bool] = lambda _: False) -> bool:
    """`names_party(noun)`: the noun names a party the resolver knows ('U.S. diplomats', 'rebel factions')."""
    statements = lexicon.cue_set("statement_nouns")
    child, node = trigger.token, trigger.token
    for _ in range(12):
        if node.dep_ == "relcl" and not any(lemma_of(c) == "when" for c in node.children):
            return not (
                undergone_in_relative(node, trigger)
                or standing_denial(node, trigger)
                or done_by_named_party(node, trigger)
                or dated_past_act(node, trigger)
                or done_by_party(node, trigger, names_party)
            )
        if (
            node.dep_ == "acl"
            and node.tag_ in ("VBN", "VBG")
            and lemma_of(node.head) not in statements
            and not (node == trigger.token and trigger.sense.type == "PROTEST" and misparsed_main_verb(node))
            and not counted_participle(node, trigger)
            and not headline_participle(node, trigger)
            and not dated_agent_participle(node, trigger)
            and not subject_doing(node, trigger)
            and not party_doing(node, trigger, names_party)
        ):
            return True
        if node.dep_ == "prep" and lemma_of(node) in BACKGROUND_PREPS and child.dep_ in ("pobj", "pcomp"):
            return not dates_near(trigger) and not next_act(node, child, trigger)
        marks = {m.lower_ for m in node.children if m.dep_ == "mark"}
        if node.dep_ == "advcl" and marks & BACKGROUND_MARKS:
            told_act = dated_past_act(node, trigger) or party_clause(node, trigger, names_party)
            return not (marks & DATED_ACT_MARKS and told_act)
        if node.dep_ == "advcl" and marks & CONCESSIVE_MARKS:
            return not plain_statement(node)
        if node.head == node:
            return False
        child, node = node, node.head
    return False


def plain_statement(verb: Token) -> bool:
    """'though locals have blamed IS': a concessive clause with no negation or modal of its own states an act
    ('although officers did not evacuate', 'though it may have to be razed' only qualify the main clause, and
    'although it had $12M of donations' says what a party has or is)."""
    if lemma_of(verb) in STATE_VERBS:
        return False
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children)


def next_act(prep: Token, clause: Token, trigger: Trigger) -> bool:
    """'toured the damage before meeting with officials': the act of a subject's own -ing clause after
    'before' came later than the main one; it is news, not background (what that clause governs,
    'before allowing aid convoys', stays out)."""
    active = not any(c.dep_ == "auxpass" for c in clause.children)
    return lemma_of(prep) == "before" and clause == trigger.token and clause.tag_ == "VBG" and active


def undergone_in_relative(verb: Token, trigger: Trigger) -> bool:
    """'five individuals who were detained': a passive relative clause on the people who underwent
    the act reports it (the clause's verb is the trigger, its subject the relative pronoun)."""
    return verb == trigger.token and any(c.dep_ == "nsubjpass" and c.lower_ in ("who", "that") for c in verb.children)


def done_by_named_party(verb: Token, trigger: Trigger) -> bool:
    """'Wang, who is visiting Russia as Xi's envoy', 'Najib, who denies any wrongdoing': a relative clause set
    off by a comma on a named person, with 'who' as its subject and in the present, tells what that person
    does now ('countries that expelled diplomats', restrictive, only picks out whom the sentence means)."""
    if verb != trigger.token or not present_tense(verb):
        return False  # 'Wang, who defended activists': a past act told of a person is background
    named = verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return (
        named.pos_ == "PROPN"
        and bool(subjects)
        and subjects[0].lower_ == "who"
        and subjects[0].i > 0
        and verb.doc[subjects[0].i - 1].text == ","
    )


def done_by_party(verb: Token, trigger: Trigger, names_party: Callable[[Token], bool]) -> bool:
    """'soldiers who blocked the marchers', 'rebels, who have complained of the coalition': a relative clause in the
    past whose subject is 'who' standing for a noun naming a known party tells that party's own act (the present
    tells a habit or a standing view: 'marchers who protest each July', 'voters who dispute the result'; 'countries
    that expelled diplomats' picks out whom the sentence means, often an act told elsewhere)."""
    if verb != trigger.token or not past_tense(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return (
        bool(subjects)
        and subjects[0].lower_ == "who"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and names_party(verb.head)
    )


def party_clause(verb: Token, trigger: Trigger, names_party: Callable[[Token], bool]) -> bool:
    """'as protesters refused to let police remove the body', 'moments before a judge sentenced him': a clause of time
    told beside or after the news (`concurrent_marks`), in the simple past, whose subject names a known party tells
    that party's act. What came before ('after Zenda accused Ruritania', 'since') is background unless dated."""
    marks = {m.lower_ for m in verb.children if m.dep_ == "mark"}
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return (
        verb == trigger.token
        and verb.tag_ == "VBD"
        and bool(marks & CONCURRENT_MARKS)
        and not marks & (BACKGROUND_MARKS - CONCURRENT_MARKS)
        and bool(subjects)
        and subjects[0].pos_ in ("NOUN", "PROPN")
        and names_party(subjects[0])
    )


def dated_past_act(verb: Token, trigger: Trigger) -> bool:
    """'after Britain accused Russia in early March', 'sniper shootings that injured doctors in November',
    'Saddam, with whom the king met Monday': an act of the past told in a relative or an after/before clause
    with a calendar date of its own happened, though the sentence tells it as background; it is coded (the
    dater gives it its date, merging joins it to the news when it is the same act). Habits and spans ('march
    each July', 'for four decades', 'within 14 days') are no calendar date; a participle ('the weapons seized
    last year') stays background."""
    if verb != trigger.token or verb.tag_ not in ("VBD", "VBN"):
        return False
    if verb.dep_ == "relcl" and not told_of_party(verb):
        return False  # 'the treaty that Ruritania denied in 1990': the clause describes a thing
    return any(calendar_date(token) for token in dates_near(trigger))


def told_of_party(verb: Token) -> bool:
    """The relative pronoun of the clause is its subject ('Iran, which had condemned') or the object of a
    preposition ('Saddam, with whom the king met'); not a place ('the town where 28 were killed in March')."""
    for word in verb.subtree:
        if word.lower_ in RELATIVE_PRONOUNS:
            return word.dep_ in ("nsubj", "nsubjpass") and word.head == verb or word.dep_ == "pobj"
    return False


def calendar_date(token: Token) -> bool:
    """A DATE entity that names a day, a month or a year ('Monday', 'Aug. 7', 'last month', '1995')."""
    words = [t.lower_.rstrip(".") for t in entity_span(token)]
    if any(word in HABIT_WORDS or word.endswith("-old") or word == "old" for word in words):
        return False
    return any(word in CALENDAR_WORDS or YEAR_PATTERN.fullmatch(word) for word in words)


def past_tense(verb: Token) -> bool:
    """'blocked', 'have complained', 'had called': the simple past or a perfect."""
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and lemma_of(c) == "have" for c in verb.children)
    return verb.tag_ == "VBD" or perfect


def present_tense(verb: Token) -> bool:
    """'denies', 'is visiting': the present simple or progressive."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in verb.children)


def standing_denial(verb: Token, trigger: Trigger) -> bool:
    """'a charge that Russia denies', 'allegations of rape, which he denies': a present-tense relative clause
    whose own subject denies the charge it qualifies tells that party's denial as it stands now ('a project
    that denies the genocide', with the relative pronoun as subject, stays background)."""
    if verb != trigger.token or lemma_of(verb) not in DENIAL_VERBS or verb.tag_ not in ("VBZ", "VBP"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return (
        bool(subjects)
        and all(s.lower_ not in RELATIVE_PRONOUNS for s in subjects)
        and all(o.lower_ in RELATIVE_PRONOUNS for o in objects)
    )


def counted_participle(verb: Token, trigger: Trigger) -> bool:
    """'five men detained on Sunday', '20 arrested in Nairobi protest': a participle on counted people
    reports the act when it has a date of its own or hangs on the bare number ('the weapons seized
    last year' stays background; '2 killed in Wau' is left to the casualty pass)."""
    if verb != trigger.token:
        return False
    if verb.head.pos_ == "NUM":
        return not trigger.sense.consequence
    return any(c.dep_ == "nummod" for c in verb.head.children) and bool(dates_near(trigger))


def dated_agent_participle(verb: Token, trigger: Trigger) -> bool:
    """'the mosque bombed by IS last week', 'a reporter abducted by gunmen on Monday': a passive participle
    naming its own doer and its own date tells the act ('the curfew imposed after the coup' stays background;
    'a photo released by police on Monday' is a document, no act)."""
    return (
        verb == trigger.token
        and verb.tag_ == "VBN"
        and not {lemma_of(verb.head), verb.head.lower_} & DOCUMENT_NOUNS
        and any(child.dep_ == "agent" for child in verb.children)
        and bool(dates_near(trigger))
    )


def subject_doing(participle: Token, trigger: Trigger) -> bool:
    """'The minister, speaking at a joint news conference with Albright, said...': a present participle set off
    by a comma on the subject tells what the subject was doing then; the participle itself, or the occasion
    named after its 'at', is an act ('Investors, betting on a clash between Ford and GM,' stays out)."""
    if participle.tag_ != "VBG" or participle.head.dep_ not in ("nsubj", "nsubjpass") or participle.i == 0:
        return False
    if participle.doc[participle.i - 1].text != ",":
        return False
    token = trigger.token
    occasion = token.dep_ == "pobj" and lemma_of(token.head) == "at" and token.head.head == participle
    return token == participle or occasion


def party_doing(participle: Token, trigger: Trigger, names_party: Callable[[Token], bool]) -> bool:
    """'he praised U.S. diplomats condemning the order', 'exiles protesting in Miami', 'rebel factions battling to
    retain the towns': a present participle on a noun naming a known party tells what that party does ('a treaty
    calling for', 'those attacking us', 'an independent user speaking' name no party and stay out)."""
    head = participle.head
    return (
        participle == trigger.token
        and participle.tag_ == "VBG"
        and head.pos_ in ("NOUN", "PROPN")
        and lemma_of(head) not in DOCUMENT_NOUNS
        and names_party(head)
    )


def headline_participle(verb: Token, trigger: Trigger) -> bool:
    """'Opposition leader arrested in dawn raid', 'Troops deployed to border': in a headline (no finite
    verb), a passive participle on the noun the line is about reports the act."""
    if verb != trigger.token or verb.tag_ != "VBN" or verb.head.dep_ != "ROOT":
        return False
    return verb.head.pos_ in ("NOUN", "PROPN") and not any(word.tag_ in FINITE_TAGS for word in verb.sent)


def misparsed_main_verb(verb: Token) -> bool:
    """'Tens of women protested outside parliament.': the parser hangs the only verb of the sentence
    on its subject noun as a participle. Checked for protest verbs only, which have no passive
    reading ('Soldiers killed in ambush' stays a participle). No verb above it: the sentence's root is a noun."""
    head = verb.head
    if head.pos_ not in ("NOUN", "PROPN") or verb.tag_ not in ("VBN", "VBD"):
        return False
    # 'A large number of workers protested in the town': the subject noun sits lower, under a noun root
    return all(ancestor.pos_ not in ("VERB", "AUX") for ancestor in verb.ancestors)


def mark_background_acts(sentence: Sentence) -> None:
    speech = sentence.state.lexicon.cue_set("speech_verbs")
    for candidate in sentence.live():
        if candidate.status == "asserted" and told_as_history(candidate.trigger, speech):
            candidate.status = "historical"


def told_as_history(trigger: Trigger, speech: frozenset[str]) -> bool:
    head = clause_head(trigger)
    if repeated_since(head):
        return True
    if head.dep_ == "advcl" and pluperfect(head.head):
        head = head.head  # 'they had worked there when they were kidnapped'
    return pluperfect(head) and not reported(head, speech) and not dated(head)


def pluperfect(verb: Token) -> bool:
    """'had arrested', 'had been killed' (a past before the story's past)."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def repeated_since(verb: Token) -> bool:
    """'has been arrested ... since 1990': a perfect clause with a 'since' date tells a habit up to now
    ('has been holding rallies since July', a progressive, tells what goes on now)."""
    perfect = verb.tag_ != "VBG" and any(c.dep_ == "aux" and lemma_of(c) == "have" for c in verb.children)
    return perfect and any(
        c.dep_ == "prep" and c.lower_ == "since" and any(t.ent_type_ == "DATE" for t in c.subtree)
        for c in verb.children
    )


def reported(verb: Token, speech: frozenset[str]) -> bool:
    """Under a verb of saying ('police said they had arrested 14'): the pluperfect is only backshift."""
    return any(lemma_of(ancestor) in speech for ancestor in verb.ancestors)


def dated(verb: Token) -> bool:
    """A date in the clause other than a 'since' one: the event dater decides from it."""
    for token in verb.subtree:
        if token.ent_type_ in ("DATE", "TIME") and not any(a.lower_ in OPEN_INTERVAL_PREPS for a in token.ancestors):
            return True
    return False
