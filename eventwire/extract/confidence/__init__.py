"""Event confidence and the learned keep/drop decision.

The rules' own score (how an event was found) says little about whether a reader would accept it.
This stage replaces it with a logistic model over the event's fields, the parse around its trigger and
the parse's own tok2vec rows (features.py), fitted on events that readers judged (training/fit_confidence.py;
the data and labels are described in docs/events.md, "Confidence and the learned decision"). It runs last,
when every field is set, and drops the events whose probability is below the model's threshold (chosen on
held-out folds), acts told as history excepted.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from eventwire.extract.confidence.features import context_vector, event_features
from eventwire.model import renumber_events
from eventwire.registry import component

if TYPE_CHECKING:
    from collections.abc import Sequence

    from eventwire.context import DocContext
    from eventwire.model import Event

MODEL_FILE = "confidence.json"


@dataclass(frozen=True)
class Model:
    """Weights of the named features, of the tok2vec rows (empty: not used), the keep threshold, the one for acts
    told only in passing (`Event.background`), the statuses the decision leaves alone (acts told as history:
    too few in the labels to learn), and the statuses with a threshold of their own (acts told as hypothetical or
    negated: mostly not acts at all, so they are kept only when more likely right than not)."""

    weights: dict[str, float]
    vector_weights: np.ndarray = field(default_factory=lambda: np.zeros(0))
    threshold: float = 0.0
    exempt_statuses: frozenset[str] = frozenset()
    background_threshold: float = 1.0  # a model fitted without such acts keeps none
    status_thresholds: dict[str, float] = field(default_factory=dict)

    def probability(self, features: dict[str, float], vector: np.ndarray | None = None) -> float:
        """`vector`: the event's tok2vec rows (`context_vector`), read only when the model weighs them."""
        vector_score = float(vector @ self.vector_weights) if vector is not None and len(self.vector_weights) else 0.0
        return probability(features, self.weights, vector_score)

    def keeps(self, event: Event, probability: float) -> bool:
        """The decision: an act told only in passing needs `background_threshold`, a status of
        `status_thresholds` its own; the rest the main threshold, unless their status is exempt."""
        if event.background:
            return probability >= self.background_threshold
        if event.status in self.status_thresholds:
            return probability >= self.status_thresholds[event.status]
        return probability >= self.threshold or event.status in self.exempt_statuses


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model."""
    path = resources.files("eventwire.extract.confidence").joinpath("data", MODEL_FILE)
    stored = json.loads(path.read_text(encoding="utf-8"))
    vector_weights = np.array(stored.get("vector_weights", []), dtype=np.float32)
    exempt = frozenset(stored.get("exempt_statuses", []))
    threshold, background = float(stored.get("threshold", 0.0)), float(stored.get("background_threshold", 1.0))
    statuses = {status: float(value) for status, value in stored.get("status_thresholds", {}).items()}
    return Model(dict(stored["weights"]), vector_weights, threshold, exempt, background, statuses)


def load_weights() -> dict[str, float]:
    """Feature name -> weight of the shipped model."""
    return load_model().weights


def probability(features: dict[str, float], weights: dict[str, float], vector_score: float = 0.0) -> float:
    score = sum(weights.get(name, 0.0) * value for name, value in features.items()) + vector_score
    return 1.0 / (1.0 + math.exp(-score))


@component("event_confidence", requires=["result.events"])
class EventConfidence:
    """Sets each event's `confidence` to the model's probability that it is real and of the right type, and
    keeps only the events at or above the model's threshold, and those of an exempt status; an act told only in
    passing is kept at or above the background threshold, whatever its status, and one told as hypothetical or
    negated at or above its status's threshold (`decide=False` keeps every event).
    `min_confidence` is the user's own floor (`extract --min-confidence`): it trades recall for precision and
    applies to every event, exempt statuses included."""

    def __init__(
        self,
        weights: dict[str, float] | None = None,
        model: Model | None = None,
        decide: bool = True,
        min_confidence: float = 0.0,
    ) -> None:
        self.model = model or (Model(weights) if weights is not None else load_model())
        self.decide = decide
        self.min_confidence = min_confidence

    def score(self, event: Event, ctx: DocContext, earlier: Sequence[Event] = ()) -> float:
        """`earlier`: the document's events before this one (all of them, before any is dropped)."""
        vector = context_vector(event, ctx.doc) if len(self.model.vector_weights) else None
        return self.model.probability(event_features(event, ctx.doc, earlier), vector)

    def __call__(self, ctx: DocContext) -> None:
        kept = []
        for n, event in enumerate(ctx.result.events):
            p = self.score(event, ctx, ctx.result.events[:n])
            event.confidence = round(p, 2)
            if event.confidence < self.min_confidence:
                continue
            if not self.decide or self.model.keeps(event, p):
                kept.append(event)
        if len(kept) < len(ctx.result.events):
            renumber_events(kept)
        ctx.result.events = kept
