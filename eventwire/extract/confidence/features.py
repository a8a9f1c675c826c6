"""What the confidence model sees of an event: its own fields and the parse around its trigger.

Every feature is a name with value 1.0 (present) or a number; the model (__init__.py) weighs them.
Besides the named features, `context_vector` gives the parse's own tok2vec rows around the trigger (free:
the tagger and parser computed them). The same functions serve training (training/fit_confidence.py) and
extraction, so the two never drift.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc, Span, Token

from eventwire.model import Event, Party
from eventwire.nlp.parse import text_of, tokens_at, trigger_token

QUOTES = '"“”'
LEAD_CHARS = 300  # a sentence starting this close to the top is the report's lead
# Dependency labels of a trigger told inside another clause, by what they usually mean.
CLAUSE_KINDS = {
    "ROOT": "main",
    "conj": "main",
    "ccomp": "reported",
    "xcomp": "complement",
    "advcl": "adverbial",
    "relcl": "relative",
    "acl": "relative",
    "pcomp": "nominal",
    "pobj": "nominal",
    "dobj": "nominal",
    "nsubj": "nominal",
    "nsubjpass": "nominal",
    "attr": "nominal",
    "compound": "nominal",
}
TOK2VEC_WIDTH = 96  # en_core_web_sm's tok2vec width; a doc with no tensor (built by hand) gets zeros
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "poss", "agent", "pobj")


def event_features(event: Event, doc: Doc, earlier: Sequence[Event] = ()) -> dict[str, float]:
    """Named features of one event (absent names count as 0); `earlier`: the document's events before it."""
    features = {
        "bias": 1.0,
        f"type={event.type}": 1.0,
        f"status={event.status}": 1.0,
        f"sense={event.type}/{event.mode or '-'}": 1.0,
        "rule_confidence": event.confidence,
        "has_actor": float(event.actor is not None),
        "actor_known": float(_known(event.actor)),
        "has_recipient": float(event.recipient is not None),
        "recipient_known": float(_known(event.recipient)),
        "attributed": float(event.attribution is not None),
        "counted": float(event.dead is not None or event.injured is not None or bool(event.counts)),
        "located": float(event.location is not None),
        "told_twice": float(len(event.mentions) > 1),
        "told_in_passing": float(event.background),
        # No "dated in the text" feature: in the RAMS labels a date of its own mostly marks background, so the
        # model learned to doubt dated acts, which drops the "On <date>, X did Y" acts of wire and ACLED notes.
        f"actor_sector={_sector(event.actor)}": 1.0,
        f"recipient_sector={_sector(event.recipient)}": 1.0,
    }
    features.update(earlier_features(event, earlier))
    token = trigger_token(doc, event)
    if token is not None:
        features.update(_parse_features(token, event))
    return features


def earlier_features(event: Event, earlier: Sequence[Event]) -> dict[str, float]:
    """What the document told before this event: readers count an act once, so a later event of the same
    category, above all one with the same party or trigger word, is often the same act told again."""
    same_type = [other for other in earlier if other.type == event.type]
    parties = _party_keys(event)
    word = event.trigger.text.lower()
    return {
        "earlier_same_type": float(bool(same_type)),
        "earlier_same_type_party": float(any(parties & _party_keys(other) for other in same_type)),
        "earlier_same_type_sentence": float(any(other.evidence.start == event.evidence.start for other in same_type)),
        "earlier_same_word": float(any(other.trigger.text.lower() == word for other in earlier)),
        "earlier_events": min(len(earlier), 20) / 20,
    }


def _party_keys(event: Event) -> set[str]:
    """The actor's and recipient's identities: knowledge-base id, else name, else the words."""
    return {
        (party.kb_id or party.name or party.text).lower()
        for party in (event.actor, event.recipient)
        if party is not None
    }


def _parse_features(token: Token, event: Event) -> dict[str, float]:
    # The evidence is the trigger's sentence; `token.sent` would scan the whole document each time.
    sentence = event.evidence
    before = text_of(token.doc)[sentence.start : token.idx]
    features = {
        f"pos={token.pos_ if token.pos_ in ('VERB', 'NOUN', 'PROPN') else 'other'}": 1.0,
        f"clause={CLAUSE_KINDS.get(token.dep_, 'other')}": 1.0,
        "question": float(sentence.sentence.rstrip().rstrip(QUOTES + "'").endswith("?")),
        "in_quote": float(sum(before.count(q) for q in QUOTES) % 2 == 1),
        "lead": float(sentence.start < LEAD_CHARS),
        "present_tense": float("Pres" in token.morph.get("Tense") and "Fin" in token.morph.get("VerbForm")),
        "modal": float(any(child.tag_ == "MD" for child in token.children)),
        "negated": float(any(child.dep_ == "neg" for child in token.children)),
        "plural_or_generic_object": float(token.pos_ == "NOUN" and not _determined(token)),
        "modified_noun": float(token.pos_ == "NOUN" and any(child.dep_ == "amod" for child in token.children)),
        "modifies_noun": float(token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN")),
        "passive": float(any(child.dep_ in ("nsubjpass", "auxpass") for child in token.children)),
    }
    features.update(_sentence_features(tokens_at(token.doc, sentence.start, sentence.end) or token.sent))
    for child in token.children:
        if child.tag_ == "MD":
            features[f"modal={child.lower_}"] = 1.0
        elif child.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
            features[f"{child.dep_}={_argument_kind(child)}"] = 1.0
    features.update(_lexical_features(token))
    return features


def _lexical_features(token: Token) -> dict[str, float]:
    """The trigger word, its dependency relations and what its arguments are (one-hot; the model's strong
    regularisation keeps a rare lemma from deciding alone)."""
    features = {
        f"lemma={token.lemma_.lower()}": 1.0,
        f"dep={token.dep_}": 1.0,
        f"head={token.head.pos_}/{token.dep_}": 1.0,
    }
    for child in token.children:
        features[f"child={child.dep_}"] = 1.0
        if child.dep_ in ARGUMENT_DEPS:
            features[f"{child.dep_}_entity={child.ent_type_ or child.pos_}"] = 1.0
        if child.dep_ == "prep":
            features[f"prep={child.lower_}"] = 1.0
    return features


def context_vector(event: Event, doc: Doc) -> np.ndarray:
    """The trigger's tok2vec row and the mean row of its sentence, side by side (2 x TOK2VEC_WIDTH)."""
    tensor = doc.tensor
    token = trigger_token(doc, event)
    if token is None or tensor is None or len(tensor) != len(doc) or not len(doc):
        return np.zeros(2 * TOK2VEC_WIDTH, dtype=np.float32)
    sentence = tokens_at(doc, event.evidence.start, event.evidence.end) or token.sent
    return np.concatenate([tensor[token.i], tensor[sentence.start : sentence.end].mean(axis=0)])


def _known(party: Party | None) -> bool:
    """A country (told, or the story's for a private person) or a knowledge-base entry."""
    return party is not None and bool(party.country or party.guessed_country or party.kb_id)


def _sector(party: Party | None) -> str:
    if party is None:
        return "none"
    return party.sector or ("country" if party.country or party.guessed_country else "other")


def _sentence_features(sentence: Span) -> dict[str, float]:
    """How the trigger's sentence reads: a headline or link line, a speaker's "we"/"you", a short fragment."""
    words = [token for token in sentence if token.is_alpha]
    capitalised = sum(token.text[0].isupper() for token in words[1:]) / max(len(words) - 1, 1)
    persons = {person for token in sentence if token.pos_ == "PRON" for person in token.morph.get("Person")}
    return {
        "headline_case": float(len(words) > 3 and capitalised > 0.6),
        "short_sentence": float(len(words) < 8),
        "first_person": float("1" in persons),
        "second_person": float("2" in persons),
        "no_finite_verb": float(not any("Fin" in token.morph.get("VerbForm") for token in sentence)),
    }


def _argument_kind(token: Token) -> str:
    """What kind of words fill an argument: a name, a pronoun, a noun with or without a determiner."""
    if token.ent_type_ or token.pos_ == "PROPN":
        return "name"
    if token.pos_ == "PRON":
        return "pronoun"
    return "determined" if _determined(token) else "bare"


def _determined(noun: Token) -> bool:
    """A determiner, possessor or number before the noun ('the attack', 'their demand', 'two strikes')."""
    return any(child.dep_ in ("det", "poss", "nummod") for child in noun.children)
