"""What a mention of an attack says about the act it tells, read from the parse, for `merge.py`.

- A **tally** counts the dead or hurt of many acts over a span of time ("Since 1985 nearly 200 soldiers
  have been killed", "By the end of 1972, 496 had been killed"): no act merges into it, and an act it is
  told with keeps it as a mention without taking its count.
- A **restatement** tells, in the same sentence, what the act told as its subject is ("The market bombing
  was an attack on 13 May", "the blast, a suicide bombing, ..."): the same act, whatever status each got.
- A **named act** ("the Verano bombing" after "the Café Verano bombing") carries a proper name of the
  act told before: the same act, whatever the frame around it says of status or date.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.events.status import OPEN_INTERVAL_PREPS

# Entity types of a proper name that names a place or a people, not an act ('the Nairobi bombing',
# 'U.S. missile strikes'): places and parties are compared by the merge's own checks.
PLACE_OR_PARTY_ENTS = ("GPE", "NORP", "LOC")


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
