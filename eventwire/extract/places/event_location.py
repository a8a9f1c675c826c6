"""Event location: for each event, the place where it happened, with a UCDP-style precision.

Candidates are the location-role places of the event's evidence sentence (actors such as "Moscow
said" and nationality words such as "Russian" are never candidates). Each is scored by how it
attaches to the trigger in the dependency parse: a locative preposition on the trigger's own
subtree ("attacked the town of X", "killed in X") scores high; a place inside a reporting clause
("officials in Kyiv said"), an origin ("from X") or a person's hometown ("Smith, 18, of Atlanta")
scores low. Verbal events (CONSULT, REQUEST, ACCUSE, ...) get a location only from a place attached
to the trigger itself ("met in Geneva").

Precision codes (UCDP GED where_prec): 1 exact populated place; 2 near/outside a place or a place's
area; 3 second-order division; 4 first-order region; 5 named but ungeocoded place or part of a
country; 6 country only (country point); 7 water or airspace (not produced yet).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml
from spacy.tokens import Doc, Span, Token

from eventwire.extract.places.gazetteer import ADMIN1, CONTINENT, COUNTRY, Gazetteer
from eventwire.extract.places.lexicon import place_lexicon
from eventwire.model import Event, EventLocation

if TYPE_CHECKING:
    from eventwire.extract.places import PlaceMention

SPECIFICITY_BONUS = {"PPL": 1.5, "PPLC": 1.5, ADMIN1: 0.7, COUNTRY: 0.0, None: 1.0}
PERSON_HEADS = {"PERSON"}


@lru_cache(maxsize=1)
def locator_rules() -> dict:
    text = (
        resources.files("eventwire.extract.places").joinpath("data", "event_location.yaml").read_text(encoding="utf-8")
    )
    rules = yaml.safe_load(text)
    rules["verbal_types"] = set(rules["verbal_types"])
    rules["reporting_verbs"] = set(rules["reporting_verbs"])
    rules["near_preps"] = set(rules["near_preps"])
    rules["part_nouns"] = set(rules["part_nouns"])
    return rules


def locate_events(doc: Doc, events: list[Event], mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    for event in events:
        if event.location is not None:
            continue
        chosen = choose_location(doc, event, mentions)
        if chosen is not None:
            mention, prep = chosen
            event.location = to_event_location(mention, prep)


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _sentence(doc: Doc, event: Event, trigger: Token) -> Span:
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return span if span is not None and len(span) else trigger.sent


def choose_location(doc: Doc, event: Event, mentions: list[PlaceMention]) -> tuple[PlaceMention, str | None] | None:
    """The best-attached location-role place of the event's sentence, with its preposition."""
    trigger = _trigger_token(doc, event)
    if trigger is None:
        return None
    sentence = _sentence(doc, event, trigger)
    rules = locator_rules()
    verbal = event.type in rules["verbal_types"]
    scored: list[tuple[float, PlaceMention, str | None]] = []
    for mention in mentions:
        place = mention.place
        if place.role != "location" or mention.is_demonym or place.feature_code == CONTINENT:
            continue
        if not (sentence.start <= mention.token_start and mention.token_end <= sentence.end):
            continue
        score, prep, direct = attachment_score(doc, trigger, mention)
        if verbal and not direct:
            continue
        scored.append((score, mention, prep))
    if not scored:
        return None
    best = max(scored, key=lambda item: item[0])
    if best[0] < rules["min_score"]:
        return None
    best = _most_specific(doc, best, scored, rules["specific_margin"])
    return best[1], best[2]


def _most_specific(
    doc: Doc,
    best: tuple[float, PlaceMention, str | None],
    scored: list[tuple[float, PlaceMention, str | None]],
    margin: float,
) -> tuple[float, PlaceMention, str | None]:
    """A near-best place lying inside the best one wins ("in Timbuktu, in northern Mali" -> Timbuktu)."""
    locative = locator_rules()["locative_preps"]
    inside = [
        item
        for item in scored
        if item[0] >= best[0] - margin
        and (item[2] is None or locative.get(item[2], 0.0) > 0)
        and _may_be_specific(doc, item[1])
        and (_lies_inside(item[1], best[1]) or _names_its_container(doc, item[1], best[1]))
    ]
    return max(inside, key=lambda item: item[0]) if inside else best


def _may_be_specific(doc: Doc, mention: PlaceMention) -> bool:
    """Gazetteer places and named sites, not organisations or adjectives ("Northern Alliance", "mostly-Kurdish")."""
    if mention.label == "NORP" or doc[mention.token_start : mention.token_end].root.pos_ == "ADJ":
        return False
    if mention.resolved or mention.label not in {"ORG", "PERSON", "PROPN"}:
        return True
    lexicon = place_lexicon()
    last = mention.place.text.split()[-1].lower()
    return last in lexicon.facility_words or last in lexicon.area_nouns


def _names_its_container(doc: Doc, inner: PlaceMention, outer: PlaceMention) -> bool:
    """The outer place hangs from the inner one's phrase: "the Karradah district of Baghdad",
    "Fallujah, in the western province of Anbar", "Lucciana, in upper Corsica"."""
    if inner is outer:
        return False
    root = doc[inner.token_start : inner.token_end].root
    anchor = root.head if root.dep_ in {"compound", "nmod", "amod"} and _is_place_head(root.head) else root
    outer_root = doc[outer.token_start : outer.token_end].root
    path = [t for t in outer_root.ancestors]
    if anchor not in path:
        return False
    between = path[: path.index(anchor)]
    if between and between[-1].lower_ == "of" and anchor.lemma_.lower() not in locator_rules()["part_nouns"]:
        return False  # "the West Bank city of Nablus": Nablus names the city; "district of Baghdad" contains it
    return not any(t.lower_ in {"from", "to", "toward", "towards"} or t.pos_ == "VERB" for t in between)


def _lies_inside(inner: PlaceMention, outer: PlaceMention) -> bool:
    a, b = inner.place, outer.place
    if inner is outer or a.country is None or a.country != b.country:
        return False
    if b.feature_code == COUNTRY:
        return a.feature_code != COUNTRY
    if b.feature_code == ADMIN1:
        return a.feature_code not in {COUNTRY, ADMIN1} and (a.admin1 == b.admin1 or not inner.resolved)
    return False


def _governing_prep(token: Token) -> tuple[Token | None, Token]:
    """The preposition a place hangs from, and the node it was reached from (through appositions,
    conjunctions, compounds and descriptor nouns: "in the town of X", "in X and Y")."""
    node = token
    for _ in range(6):
        if node.dep_ in {"compound", "appos", "conj", "nmod", "amod"} and node.head != node:
            node = node.head
            continue
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            prep = node.head
            descriptor = prep.head
            if prep.lower_ == "of" and _is_descriptor_noun(descriptor):
                node = descriptor
                continue
            return prep, node
        return None, node
    return None, node


def _is_descriptor_noun(token: Token) -> bool:
    nouns = place_lexicon().nouns_before_of
    return token.lower_ in nouns or token.lemma_.lower() in nouns


def attachment_score(doc: Doc, trigger: Token, mention: PlaceMention) -> tuple[float, str | None, bool]:
    """(score, preposition, attached directly to the trigger) for one candidate place."""
    rules = locator_rules()
    root = doc[mention.token_start : mention.token_end].root
    prep, reached = _governing_prep(root)
    prep_word = prep.lower_ if prep is not None else None
    score = SPECIFICITY_BONUS.get(mention.place.feature_code, 0.5)
    if (
        prep is not None
        and prep.head == trigger
        and prep_word in {"of", "on", "against"}
        and (trigger.lemma_.lower() in place_lexicon().target_nouns or trigger.lower_ in place_lexicon().target_nouns)
    ):
        score += 3.0  # "the invasion of Ukraine", "a strike on Izhevsk": the target is where it happened
    elif prep is not None:
        score += rules["locative_preps"].get(prep_word, 0.0)
    elif reached.dep_ in {"dobj", "nsubjpass"}:
        score += 3.0  # "attacked the town of X", "X was captured": the place is the target itself
    anchor = prep.head if prep is not None else root
    up, down = _tree_path(trigger, anchor)
    score -= 0.5 * (len(up) + len(down)) + rules["climb_cost"] * (len(up) - 1)  # other clauses' places cost more
    if (
        any(t.lemma_.lower() in rules["reporting_verbs"] for t in up[1:] + down)
        and trigger.lemma_.lower() not in rules["reporting_verbs"]
    ):
        score -= 2.0  # "officials in Kyiv said ...": where it was said, not done
    if _attached_to_person(root, prep):
        score -= 3.0
    if _in_subject_of(trigger, root):
        score -= 1.5  # "the conflict in Syria has killed ..."
    if (
        root.dep_ in {"poss", "compound", "amod", "nmod"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and not _is_place_head(root.head)
    ):
        score -= 2.5  # "Moscow-based", "Kyiv's strikes": a modifier, not a setting
    direct = prep is not None and prep.head == trigger and rules["locative_preps"].get(prep_word, 0.0) > 0
    return score, prep_word, direct


def _tree_path(trigger: Token, token: Token) -> tuple[list[Token], list[Token]]:
    """The dependency path trigger -> common ancestor (`up`) and ancestor -> token (`down`)."""
    trigger_chain = [trigger, *trigger.ancestors]
    positions = {t.i: n for n, t in enumerate(trigger_chain)}
    down: list[Token] = []
    node = token
    while node.i not in positions:
        down.append(node)
        if node.head == node:
            return trigger_chain, down  # different sentences: longest path
        node = node.head
    return trigger_chain[: positions[node.i] + 1], list(reversed(down))


def _in_subject_of(trigger: Token, token: Token) -> bool:
    return any(child.dep_ in {"nsubj", "nsubjpass"} and token in child.subtree for child in trigger.children)


def _is_place_head(token: Token) -> bool:
    lexicon = place_lexicon()
    lemma = token.lemma_.lower()
    return (
        token.ent_type_ in {"GPE", "LOC", "FAC"}
        or lemma in lexicon.nouns_after
        or lemma in lexicon.area_nouns
        or (lemma in lexicon.facility_words)
    )


def _attached_to_person(root: Token, prep: Token | None) -> bool:
    """ "Torres, 18, of Atlanta" / "a doctor from Aleppo": a person's origin, not the scene."""
    if prep is None or prep.lower_ not in {"of", "from"}:
        return False
    head = prep.head
    return (
        head.ent_type_ in PERSON_HEADS
        or head.lower_ in {"resident", "residents", "native", "man", "woman"}
        or (head.pos_ == "NUM" and head.head.ent_type_ in PERSON_HEADS)
    )


def precision_code(mention: PlaceMention, prep: str | None) -> int:
    place = mention.place
    code = place.feature_code
    if not mention.resolved:
        # a named site the gazetteer lacks, placed at its container's point when the text gives one
        return {"PPL": 2, "PPLC": 2, ADMIN1: 4}.get(mention.anchor_feature, 5)
    if code == COUNTRY:
        return 6
    if code == ADMIN1:
        return 4
    if prep in locator_rules()["near_preps"]:
        return 2
    return 1


def to_event_location(mention: PlaceMention, prep: str | None) -> EventLocation:
    place = mention.place
    return EventLocation(
        geonameid=place.geonameid,
        name=place.name or place.text,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        admin1=place.admin1,
        precision=precision_code(mention, prep),
        text=place.text,
        start=place.start,
        end=place.end,
    )
