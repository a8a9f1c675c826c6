"""Features of an event-location candidate, and the tree model that weighs them.

Each candidate place of an event's sentence is described by how it attaches to the trigger (its
preposition, the dependency path, the clause it sits in), what kind of place it is and how it relates
to the other candidates, plus what the MiniLM transformer (eventwire/nlp/encoder.py) reads of the whole
sentence at the candidate and at the trigger (`context_features`: both vectors and their product,
projected to a few principal directions, and their cosine). No verb or place word is a feature.
Gradient-boosted trees fitted on the Halterman (2019) event-location data (fit_event_location.py;
trees and projection in data/event_location_model.json, scored here in plain Python) give each
candidate the probability of being where the event happened; the best one is chosen when it passes
the stored threshold.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np
from spacy.tokens import Token

from eventwire.extract.places.attachment import governing_prep, tree_path
from eventwire.extract.places.lexicon import place_data, place_lexicon
from eventwire.knowledge import function_words

if TYPE_CHECKING:
    from eventwire.extract.places import PlaceMention

MODEL_FILE = "event_location_model.json"
# Events with a single candidate: trees over the parse's tok2vec rows instead of MiniLM's vectors (the same
# choices within 0.001 of F1 on the first 1,500 gold sentences, and no encoder pass for about 4 events in 10).
SINGLE_MODEL_FILE = "event_location_model_single.json"
# Several candidates: the tok2vec model decides alone when its best is at least CASCADE_SURE and the next at
# most 1 - CASCADE_SURE, or its best is under CASCADE_NONE (`decisive`); else MiniLM's model weighs them.
CASCADE_SURE = 0.7
CASCADE_NONE = 0.1
PREPS = place_data("event_location.yaml").sequence("feature_preps")
ROOT_DEPS = ("pobj", "compound", "nsubj", "nsubjpass", "dobj", "poss", "amod", "conj", "appos", "npadvmod", "ROOT")
TRIGGER_DEPS = ("ROOT", "conj", "advcl", "relcl", "xcomp", "ccomp", "acl", "pcomp", "pobj", "dobj", "nsubj")
CLAUSE_DEPS = ("relcl", "advcl", "ccomp", "xcomp", "conj", "acl", "pcomp", "parataxis")
LOCATIVE_PREPS = function_words().section("locative_preps").words("event_location")
LABELS = ("GPE", "LOC", "FAC", "ORG", "PERSON", "PROPN", "NORP")


def place_kind(mention: PlaceMention) -> str:
    if not mention.resolved:
        return "unresolved"
    code = mention.place.feature_code
    return {"PPL": "town", "PPLC": "town", "ADM2": "district", "ADM1": "region", "PCLI": "country"}.get(
        code or "", "other"
    )


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def candidate_features(
    trigger: Token,
    root: Token,
    mention: PlaceMention,
    rule: tuple[float, str | None, bool],
    relations: dict[str, float],
) -> dict[str, float]:
    """Named feature values for one candidate (absent features are 0)."""
    rule_score, prep_word, direct = rule
    prep, reached = governing_prep(root)
    anchor = prep.head if prep is not None else root
    up, down = tree_path(trigger, anchor)
    features: dict[str, float] = {
        "bias": 1.0,
        "rule_score": max(-8.0, min(8.0, rule_score)) / 4.0,
        f"prep={prep_word if prep_word in PREPS else ('none' if prep_word is None else 'other')}": 1.0,
        f"kind={place_kind(mention)}": 1.0,
        f"label={mention.label if mention.label in LABELS else 'other'}": 1.0,
        f"root_dep={root.dep_ if root.dep_ in ROOT_DEPS else 'other'}": 1.0,
        f"trigger_dep={trigger.dep_ if trigger.dep_ in TRIGGER_DEPS else 'other'}": 1.0,
        f"trigger_pos={trigger.pos_ if trigger.pos_ in {'VERB', 'NOUN'} else 'other'}": 1.0,
        f"up={_bucket(len(up) - 1, (0, 1, 2, 3))}": 1.0,
        f"down={_bucket(len(down), (0, 1, 2, 3, 5))}": 1.0,
        f"distance={_bucket(abs(root.i - trigger.i), (2, 4, 8, 15, 30))}": 1.0,
        "after_trigger": float(root.i > trigger.i),
        "direct": float(direct),
        "prep_on_trigger_clause": float(prep is not None and prep.head == trigger),
        "reached_object": float(prep is None and reached.dep_ in {"dobj", "nsubjpass"}),
        "passive_trigger": float(any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children)),
        "verbs_down": float(sum(t.pos_ in {"VERB", "AUX"} for t in down)),
    }
    features.update(_name_shape_features(root, mention))
    for dep in CLAUSE_DEPS:
        if any(t.dep_ == dep for t in down):
            features[f"down_clause={dep}"] = 1.0
        if any(t.dep_ == dep for t in up[:-1]):
            features[f"up_clause={dep}"] = 1.0
    for name, value in relations.items():
        features[name] = float(value)
    locative = prep_word in LOCATIVE_PREPS or (prep_word is None and reached.dep_ in {"dobj", "nsubjpass"})
    features[f"kind={place_kind(mention)}&locative={locative}"] = 1.0
    if relations.get("extra_candidate"):
        features[f"extra&label={mention.label if mention.label in LABELS else 'other'}"] = 1.0
        features[f"extra&root_dep={root.dep_ if root.dep_ in ROOT_DEPS else 'other'}"] = 1.0
    return features


def context_features(candidate: np.ndarray, trigger: np.ndarray, projection: dict) -> dict[str, float]:
    """The model's view of the two MiniLM vectors: each block projected on its principal directions
    (`projection`, fitted with the model), and the cosine of candidate and trigger."""
    candidate_unit = candidate / (np.linalg.norm(candidate) or 1.0)
    trigger_unit = trigger / (np.linalg.norm(trigger) or 1.0)
    blocks = {"candidate": candidate, "trigger": trigger, "product": candidate_unit * trigger_unit}
    features = {"ctx_cosine": float(candidate_unit @ trigger_unit)}
    for name, vector in blocks.items():
        mean, directions = projection[name]["mean"], projection[name]["directions"]
        for k, value in enumerate(directions @ (vector - mean)):
            features[f"ctx_{name}_{k}"] = float(value)
    return features


def model_row(
    features: dict[str, float], vectors: tuple[np.ndarray, np.ndarray] | None, projection: dict | None
) -> dict[str, float]:
    """All the model reads of one candidate: its parse features, and its context features when the model was
    fitted with MiniLM vectors (a `projection`; the shipped model has none, see fit_event_location.py)."""
    if projection is None or vectors is None:
        return dict(features)
    return {**features, **context_features(*vectors, projection)}


def vector_kind(model: dict) -> str | None:
    """The context vectors the model was fitted on: "minilm" (the encoder must run), "tok2vec" (the parse's
    own), or None."""
    if model.get("projection") is None:
        return None
    return model.get("vectors", "minilm")


def _name_shape_features(root: Token, mention: PlaceMention) -> dict[str, float]:
    """What the name and the noun it hangs on say: a site ("the Sadriya market"), a part of a place
    ("the neighbourhood of X"), an acronym ("SAA", more often a group than a place)."""
    lexicon = place_lexicon()
    words = mention.place.text.split()
    head = root.head.lemma_.lower()
    features = {
        "all_caps": float(mention.place.text.isupper() and len(mention.place.text) > 1),
        "name_ends_facility": float(len(words) > 1 and words[-1].lower() in lexicon.facility_words),
    }
    if root.dep_ in {"compound", "nmod", "amod", "poss"} and root.head != root:
        features["modifies_facility"] = float(head in lexicon.facility_words)
        features["modifies_area"] = float(head in lexicon.area_nouns or head in lexicon.nouns_after)
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head.lemma_.lower()
        kind = lexicon.nouns_before_of.get(noun) or ("area" if noun in lexicon.area_nouns else None)
        if kind:
            features[f"of_descriptor={kind}"] = 1.0
    return features


@lru_cache(maxsize=2)
def location_model(name: str = MODEL_FILE) -> dict | None:
    """{"features": [...], "trees": [...], "baseline": b, "threshold": p, "projection": {...} or null} or None
    when no model file is shipped. The projection arrays (if any) are turned into numpy arrays once."""
    path = resources.files("eventwire.extract.places").joinpath("data", name)
    if not path.is_file():
        return None
    model = json.loads(path.read_text(encoding="utf-8"))
    for block in (model.get("projection") or {}).values():
        block["mean"], block["directions"] = np.array(block["mean"]), np.array(block["directions"])
    model["compiled_trees"] = compile_trees(model["trees"])
    return model


def tree_value(tree: list[list[float]], row: list[float]) -> float:
    """One regression tree: nodes are [feature, threshold, left, right, value]; a leaf has feature -1.
    Values at or below the threshold go left (as in scikit-learn)."""
    node = tree[0]
    while node[0] >= 0:
        node = tree[int(node[2] if row[int(node[0])] <= node[1] else node[3])]
    return node[4]


Node = tuple[int, float, int, int, float]


def compile_trees(trees: list[list[list[float]]]) -> list[list[Node]]:
    """The trees with their indices as ints, for `tree_sum` (the same values, read faster)."""
    return [[(int(f), cut, int(left), int(right), value) for f, cut, left, right, value in tree] for tree in trees]


def tree_sum(trees: list[list[Node]], row: list[float]) -> float:
    """The sum of `tree_value` over compiled trees, added in the same order."""
    values = []
    for tree in trees:
        feature, threshold, left, right, value = tree[0]
        while feature >= 0:
            feature, threshold, left, right, value = tree[left if row[feature] <= threshold else right]
        values.append(value)
    return sum(values)


def probability(features: dict[str, float], model: dict) -> float:
    row = [features.get(name, 0.0) for name in model["features"]]
    trees = model.get("compiled_trees") or compile_trees(model["trees"])
    total = model["baseline"] + tree_sum(trees, row)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def most_probable(probabilities: list[float], threshold: float) -> int | None:
    """Index of the most probable candidate, or None when it is below the model's threshold."""
    best = max(range(len(probabilities)), key=probabilities.__getitem__)
    return best if probabilities[best] >= threshold else None


def decisive(probabilities: list[float]) -> bool:
    """Whether the tok2vec model's view of the candidates settles the choice without MiniLM: always for a
    single candidate; for several, one clearly likely and every other clearly not, or none even remotely
    likely. Where it does, the MiniLM model chose the same on 300 of 302 such events (news-457 and three spent
    audits' VOA articles, 687 events with several candidates, 2026-12-06), and the encoder runs for 44 % fewer."""
    ranked = sorted(probabilities, reverse=True)
    if len(ranked) < 2:
        return bool(ranked)
    return ranked[0] < CASCADE_NONE or (ranked[0] >= CASCADE_SURE and ranked[1] <= 1 - CASCADE_SURE)
