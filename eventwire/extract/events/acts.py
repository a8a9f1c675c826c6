"""What a mention of an attack says about the act it tells, read from the parse, for `merge.py`.

- A **tally** counts the dead or hurt of many acts over a span of time ("Since 1985 nearly 200 soldiers
  have been killed", "By the end of 1972, 496 had been killed"): no act merges into it, and an act it is
  told with keeps it as a mention without taking its count.
- A **restatement** tells, in the same sentence, what the act told as its subject is ("The market bombing
  was an attack on 13 May", "the blast, a suicide bombing, ..."): the same act, whatever status each got.
- A **named act** ("the Verano bombing" after "the Café Verano bombing") carries a proper name of the
  act told before: the same act, whatever the frame around it says of status or date.
- A **clause link** hangs one act word from another in one clause ("staged demonstrations in protest against",
  "a meeting convened by the party", "were injured when villagers threw stones"): `clause_heads` are the words a
  trigger hangs from, `act_words` the words that tell its act (the trigger, the verb it is the object of).
- An **accord act** is done to an accord ("the accord was signed", "signed the ceasefire agreement"):
  `accord_signed` is the noun that names the accord.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.events.lexicon import cue_words
from eventwire.extract.events.status import OPEN_INTERVAL_PREPS

# Entity types of a proper name that names a place or a people, not an act ('the Nairobi bombing',
# 'U.S. missile strikes'): places and parties are compared by the merge's own checks.
PLACE_OR_PARTY_ENTS = ("GPE", "NORP", "LOC")
CLAUSE_LINK_DEPS = cue_words().words("clause_link_deps")
CLAUSE_LINK_MARKS = cue_words().words("clause_link_marks")
CLAUSE_LINK_PREPS = cue_words().words("clause_link_preps")
ACCORD_ACT_LEMMAS = cue_words().words("accord_act_lemmas")
# How far up a trigger's clause a link is sought ('protest' -> 'in' -> 'staged').
LINK_HOPS = 3


def counted_over_a_span(token: Token | None) -> bool:
    """A count of the dead or hurt from or up to a time ('since 1985', 'by the end of 1972'), told on the
    trigger's clause or opening the piece of sentence the splitter broke off before it ('Since 1985 _ when
    ... _ nearly 200 soldiers have been killed'): a tally of many acts."""
    if token is None:
        return False
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    preps = [child for head in {token, clause} for child in head.children if child.dep_ == "prep"]
    sentence = token.sent
    if sentence.start > 0 and sentence[0].is_lower:
        preps.append(token.doc[sentence.start - 1].sent[0])
    return any(prep.lower_ in OPEN_INTERVAL_PREPS and names_a_span(prep) for prep in preps)


def names_a_span(prep: Token) -> bool:
    """'since Monday', 'by the end of 1972': the preposition's object is a date, or the end or start of one; a
    date after 'by' names a year ('by the end of the day' is one day's toll)."""
    for obj in (child for child in prep.children if child.dep_ == "pobj"):
        inner = [g for c in obj.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        words = (obj, *inner, *(c for c in obj.children if c.dep_ in ("nummod", "compound")))
        for date in (word for word in words if word.ent_type_ == "DATE"):
            if prep.lower_ == "since" or any(ch.isdigit() for ch in date.text):
                return True
    return False


def restated_subject(token: Token | None) -> Token | None:
    """The act a noun restates in its own sentence: the subject of the copula it is the attribute of ('the
    bombing was an attack'), or the noun it stands in apposition to ('the blast, a suicide bombing')."""
    if token is None or token.pos_ != "NOUN":
        return None
    if token.dep_ == "appos":
        return token.head
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        return next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def act_names(token: Token | None) -> frozenset[str]:
    """The proper names an act noun carries as its own ('the Café Verano bombing' → {'Café', 'Verano'});
    none for place or people names ('the Nairobi bombing', 'U.S. missile strikes')."""
    if token is None or token.pos_ != "NOUN":
        return frozenset()
    compounds = [child for child in token.children if child.dep_ == "compound"]
    words = [word for child in compounds for word in child.subtree]
    return frozenset(w.text for w in words if w.pos_ == "PROPN" and w.ent_type_ not in PLACE_OR_PARTY_ENTS)


def clause_heads(token: Token | None) -> frozenset[int]:
    """The words a trigger hangs from in its own clause, through `clause_link_deps` ('protest' in 'staged
    demonstrations in protest against': 'in', 'staged'); an adverbial clause opened by a mark not in
    `clause_link_marks` ('after they attacked', `advcl_links`), a preposition not in `clause_link_preps` or an
    object of it with a determiner ('in their offensive') stops the walk."""
    heads: set[int] = set()
    word = token
    for _ in range(LINK_HOPS if word is not None else 0):
        if word.dep_ not in CLAUSE_LINK_DEPS or word.head is word:
            break
        if word.dep_ == "advcl" and not advcl_links(word):
            break
        if word.dep_ == "prep" and word.lower_ not in CLAUSE_LINK_PREPS:
            break
        if word.dep_ == "pobj" and any(c.dep_ in ("det", "poss") for c in word.children):
            break  # 'in their new offensive': a campaign the act is part of, not its motive ('in protest')
        word = word.head
        heads.add(word.i)
    return frozenset(heads)


def advcl_links(clause: Token) -> bool:
    """An adverbial clause that tells the same act: opened by one of `clause_link_marks` ('when', as a mark or a
    wh-adverb), or with none a participle of manner or motive ('protesting the low wages', 'convened by the
    party'; not 'wounded another 200', a clause the parser hung from a far verb)."""
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")]
    if marks:
        return all(mark in CLAUSE_LINK_MARKS for mark in marks)
    return clause.tag_ == "VBG" or (clause.tag_ == "VBN" and any(c.dep_ == "agent" for c in clause.children))


def act_words(token: Token | None) -> frozenset[int]:
    """The words that tell a trigger's act: the trigger, and the verb a noun trigger is the object of ('staged
    demonstrations', 'took out a march') or hangs from by a preposition ('were on strike')."""
    if token is None:
        return frozenset()
    words = {token.i}
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "attr") and token.head.pos_ in ("VERB", "AUX"):
        words.add(token.head.i)
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX"):
        words.add(token.head.head.i)
    return frozenset(words)


def accord_signed(token: Token | None) -> Token | None:
    """The accord a verb of `accord_act_lemmas` is done to: its object or passive subject ('signed the agreement',
    'the accord was signed'), that of the verb it is joined to ('was negotiated and finally signed'), or the noun
    it describes ('the accord, signed Thursday')."""
    if token is None or token.lemma_.lower() not in ACCORD_ACT_LEMMAS or token.pos_ != "VERB":
        return None
    for verb in (token, token.head) if token.dep_ == "conj" else (token,):
        accord = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if accord is not None:
            return accord
    return token.head if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PRON") else None


def joined_to(token: Token | None) -> frozenset[int]:
    """The word a trigger is joined to by 'and'/'or' ('torched' in 'ransacked and torched': 'ransacked')."""
    return frozenset({token.head.i}) if token is not None and token.dep_ == "conj" else frozenset()
