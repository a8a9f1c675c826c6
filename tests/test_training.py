"""Fitting the event-location model (training/fit_event_location.py) on invented rows."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.evaluate.metrics import prf_counts
from eventwire.extract.places.location_features import model_row, probability
from training import fit_event_location
from training.fit_event_location import SentenceRows, collect_cached, counts_at, fit


def _toy_sentences(count: int) -> list[SentenceRows]:
    """Sentences whose located candidate carries "good" and a vector pointing one way."""
    rng = np.random.default_rng(0)
    sentences = []
    for n in range(count):
        located = n % 4 != 0
        sentence = SentenceRows(source="s", text=str(n), has_gold=located)
        sentence.features = [{"good": 1.0} if located else {}, {}]
        sentence.labels = [located, False]
        sentence.vectors = [(rng.normal(size=8) + 2.0 * located, rng.normal(size=8)), (rng.normal(size=8),) * 2]
        sentences.append(sentence)
    return sentences


@pytest.mark.parametrize("vectors", ["minilm", None])
def test_fit_learns_the_separating_feature_and_exports_faithful_trees(vectors):
    sentences = _toy_sentences(200)
    fitted = fit(sentences, vectors)  # raises when the exported trees disagree with scikit-learn
    assert (fitted.model["projection"] is None) == (vectors is None)
    probabilities = fitted.probabilities(sentences)
    assert prf_counts(*counts_at(probabilities, sentences, fitted.model["threshold"]))[2] == pytest.approx(1.0)
    rows = [model_row({"good": 1.0}, sentences[1].vectors[0], fitted.model["projection"])]
    assert probability(rows[0], fitted.model) == pytest.approx(probabilities[1][0], abs=1e-4)


def test_row_cache_is_reused_until_the_key_changes(tmp_path, monkeypatch):
    calls = []

    def fake_collect(folder, limit=None, vectors=None):
        calls.append(limit)
        return [SentenceRows("s", "a text", True, [{"bias": 1.0}], [True])]

    monkeypatch.setattr(fit_event_location, "collect", fake_collect)
    cache = tmp_path / "rows.pkl"
    first = collect_cached(tmp_path, 5, cache, "minilm")
    again = collect_cached(tmp_path, 5, cache, "minilm")
    assert calls == [5] and again == first
    collect_cached(tmp_path, 6, cache, "minilm")  # another limit: collected anew
    assert calls == [5, 6]
    collect_cached(tmp_path, 6, cache, "tok2vec")  # other vectors: collected anew
    assert calls == [5, 6, 6]
