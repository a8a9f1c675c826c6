"""Fit the event-location model (location_features.py) on the Halterman (2019) data, with held-out figures.

    python -m eventwire.extract.places.fit_event_location ../shared/data/dev/event-location [--write]

Every candidate place of every gold sentence is one row (label: its span overlaps a gold LOCATION);
a logistic regression (L2, Newton steps, numpy only) weighs the features, and the threshold on the best
candidate's probability is the one maximising F1 on the training rows. Held-out figures: each `source`
(annotation batch) is scored by a model fitted without it and without any sentence it shares with it
(RELABEL re-checks sentences of APW_RA, AFP_RA, Masdar_RA and Xinhua_RA). Masdar_RA is never used for
fitting: its annotators left 89 % of items unlocated, even plain "killed in X" sentences.
`--write` stores the model fitted on all other sources in data/event_location_model.json.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click
import numpy as np

from eventwire.extract.places.location_features import choose

EXCLUDED_SOURCES = {"Masdar_RA", "Masdar"}
SMALL_SOURCE = 300  # sources smaller than this are held out together as one fold ("small")
L2 = 1.0


@dataclass
class SentenceRows:
    """One gold sentence: its candidates' features and which of them are gold."""

    source: str
    text: str
    has_gold: bool
    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[bool] = field(default_factory=list)


def collect(folder: Path, limit: int | None = None) -> list[SentenceRows]:
    """Run the real pipeline over the gold sentences (an event at each gold verb) and keep the candidates."""
    from eventwire.evaluate.places import _gold_verb_event, _overlaps, read_event_location
    from eventwire.extract.places.event_location import candidate_rows_for_event
    from eventwire.model import DocResult, Document
    from eventwire.nlp import parse
    from eventwire.pipeline import DocContext, Pipeline

    golds = read_event_location(folder)[:limit]
    pipeline = Pipeline(components=["actors", "places", "events"])
    documents = [Document(id=g.doc_id, text=g.text) for g in golds]
    out = []
    for gold, (document, doc) in zip(golds, parse(pipeline.nlp, documents, batch_size=64), strict=True):
        ctx = DocContext(document, doc, DocResult(doc_id=document.id))
        for component in pipeline.components:
            component(ctx)
        _gold_verb_event(ctx, gold.verb, True)
        event = next(e for e in ctx.result.events if _overlaps(e.trigger.start, e.trigger.end, *gold.verb))
        rows = candidate_rows_for_event(doc, event, ctx.shared.get("place_mentions") or [])
        sentence = SentenceRows(gold.source or "?", gold.text, bool(gold.locations))
        for mention, features in rows:
            sentence.features.append(features)
            sentence.labels.append(any(_overlaps(mention.place.start, mention.place.end, *g) for g in gold.locations))
        out.append(sentence)
    return out


def fit(sentences: list[SentenceRows], l2: float = L2) -> dict[str, float]:
    """Logistic regression weights by feature name (Newton-Raphson with an L2 penalty)."""
    names = sorted({name for s in sentences for row in s.features for name in row})
    index = {name: i for i, name in enumerate(names)}
    rows = [(row, label) for s in sentences for row, label in zip(s.features, s.labels, strict=True)]
    x = np.zeros((len(rows), len(names)))
    y = np.array([float(label) for _, label in rows])
    for r, (row, _) in enumerate(rows):
        for name, value in row.items():
            x[r, index[name]] = value
    w = np.zeros(len(names))
    penalty = l2 * np.eye(len(names))
    penalty[index["bias"], index["bias"]] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {name: round(float(value), 4) for name, value in zip(names, w, strict=True) if abs(value) > 1e-4}


def counts(sentences: list[SentenceRows], model: dict) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the model's choice."""
    tp = fp = fn = 0
    for sentence in sentences:
        chosen = choose(sentence.features, model) if sentence.features else None
        hit = chosen is not None and sentence.labels[chosen]
        tp += hit
        fp += chosen is not None and not hit
        fn += sentence.has_gold and not hit
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def choose_threshold(sentences: list[SentenceRows], weights: dict[str, float]) -> float:
    grid = [round(0.05 * i, 2) for i in range(1, 19)]
    return max(grid, key=lambda t: f1(*counts(sentences, {"weights": weights, "threshold": t}))[2])


def fit_model(sentences: list[SentenceRows]) -> dict:
    usable = [s for s in sentences if s.source not in EXCLUDED_SOURCES]
    weights = fit(usable)
    return {"weights": weights, "threshold": choose_threshold(usable, weights)}


def fold_of(source: str, sizes: dict[str, int]) -> str:
    return source if sizes[source] >= SMALL_SOURCE else "small"


def held_out(sentences: list[SentenceRows]) -> dict[str, tuple[int, int, int]]:
    """Counts per fold, each scored by a model fitted on the other folds minus the fold's own texts."""
    sizes: dict[str, int] = defaultdict(int)
    for s in sentences:
        sizes[s.source] += 1
    out: dict[str, tuple[int, int, int]] = {}
    for fold in sorted({fold_of(s.source, sizes) for s in sentences}):
        test = [s for s in sentences if fold_of(s.source, sizes) == fold]
        texts = {s.text for s in test}
        model = fit_model([s for s in sentences if fold_of(s.source, sizes) != fold and s.text not in texts])
        by_source: dict[str, list[SentenceRows]] = defaultdict(list)
        for s in test:
            by_source[s.source].append(s)
        for source, items in by_source.items():
            out[source] = counts(items, model)
    return out


def _print(title: str, table: dict[str, tuple[int, int, int]]) -> None:
    click.echo(title)
    total = [0, 0, 0]
    other = [0, 0, 0]
    for source, figures in sorted(table.items()):
        click.echo(f"  {source:14s} P {f1(*figures)[0]:.3f} R {f1(*figures)[1]:.3f} F1 {f1(*figures)[2]:.3f}")
        total = [a + b for a, b in zip(total, figures, strict=True)]
        if source not in EXCLUDED_SOURCES:
            other = [a + b for a, b in zip(other, figures, strict=True)]
    click.echo(f"  {'ALL':14s} P {f1(*total)[0]:.3f} R {f1(*total)[1]:.3f} F1 {f1(*total)[2]:.3f}")
    click.echo(f"  {'all but Masdar':14s} P {f1(*other)[0]:.3f} R {f1(*other)[1]:.3f} F1 {f1(*other)[2]:.3f}")


@click.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None)
@click.option("--write", is_flag=True, help="Store the model fitted on every non-Masdar source.")
def main(path: Path, limit: int | None, write: bool) -> None:
    sentences = collect(path, limit)
    _print("held-out (each source scored by a model fitted without it):", held_out(sentences))
    model = fit_model(sentences)
    if write:
        target = Path(__file__).parent / "data" / "event_location_model.json"
        model["fitted_on"] = (
            "Halterman 2019 event-location data, every source but Masdar_RA (see fit_event_location.py)"
        )
        target.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        click.echo(f"wrote {target} ({len(model['weights'])} weights, threshold {model['threshold']})")


if __name__ == "__main__":
    main()
