"""Event confidence: the probability that an event is a real act of the stated type.

The rules' own score (how an event was found) says little about whether a reader would accept it.
This stage replaces it with a logistic model over the event's fields and the parse around its
trigger (features.py), fitted on events that readers judged (training/fit_confidence.py; the data
and labels are described in docs/events.md, "Confidence"). It runs last, when every field is set.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.extract.confidence.features import event_features
from eventwire.registry import component

if TYPE_CHECKING:
    from eventwire.context import DocContext

MODEL_FILE = "confidence.json"


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    """Feature name -> weight of the shipped model."""
    path = resources.files("eventwire.extract.confidence").joinpath("data", MODEL_FILE)
    return dict(json.loads(path.read_text(encoding="utf-8"))["weights"])


def probability(features: dict[str, float], weights: dict[str, float]) -> float:
    score = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-score))


@component("event_confidence", requires=["result.events"])
class EventConfidence:
    """Sets each event's `confidence` to the model's probability that it is real and of the right type."""

    def __init__(self, weights: dict[str, float] | None = None) -> None:
        self.weights = weights if weights is not None else load_weights()

    def __call__(self, ctx: DocContext) -> None:
        for event in ctx.result.events:
            event.confidence = round(probability(event_features(event, ctx.doc), self.weights), 2)
