"""Fit the event-confidence model and its keep/drop threshold (eventwire/extract/confidence) on reader-judged events.

    pip install -e '.[fit]'   # scikit-learn: needed to fit, never to extract
    python training/fit_confidence.py ../shared/data/train/rams [--news ../shared/bench/news-457.jsonl]
        [--voa ../shared/data/train/m2e2] [--shipped] [--compare] [--write]

Labels (training/data/confidence_labels.csv): events that `eventwire extract` output on news judged by readers
(subagents under ../shared/docs/AUDIT.md rules, spot-checked by a developer): is it a real act, told with the right
status, of the right PLOVER type? Three corpora whose licences allow shipping a model fitted on them, each sample
fixed with a seed before any output was read: the 1,795 RAMS news excerpts (CC BY-SA 4.0; seven rounds of political
excerpts, and in the thirteenth session's eighth round every excerpt no round had sampled); 2,200 Causal News
Corpus protest-news sentences (CC0; rounds 8, 10, 11 and 13, the first 2,200 of the random.Random(8015) order); 680
synthetic PLOVER stories of the training split (MIT; rounds 9, 10, 11 and 13, the first 680 of the
random.Random(8017) order); and acts told in passing in documents already labelled (round 12). The last two corpora
are read from `causal-news` and `synthetic-plover` beside the RAMS folder. An event of today's pipeline is matched to
its label by document, trigger offset and type; events no reader has judged are left out (the count is printed).

The model is a logistic regression over the named features of features.py (`event_features`: the event's
fields, the parse around its trigger, the trigger lemma, sense and dependency relations, what its arguments
are) and the parse's own tok2vec rows (`context_vector`: the trigger's and its sentence's mean), standardised
and scaled by VECTOR_SCALE (a smaller scale regularises them more strongly than the named features).
C and VECTOR_SCALE were chosen by log loss across corpora (`--compare` prints the grid: each corpus scored by a
model fitted on the other; by-document folds of one corpus flatter settings that learn that corpus's habits —
C=0.3 wins by document, 0.1 across corpora and on news-457). The threshold below which an event is dropped is
chosen on the by-document out-of-fold probabilities: the largest that keeps at least KEEP_RIGHT of the right
events; events of EXEMPT_STATUSES (history) are never dropped and are left out of that choice, and acts told in
passing have their own threshold (BACKGROUND_THRESHOLD), as have acts told as hypothetical or negated
(STATUS_THRESHOLDS).

Held-out figures: out-of-fold probabilities from GroupKFold by document (no excerpt in both sides), printed as
a reliability table and the decision's effect. `--news` also scores the model fitted on all labels on a
second, never-trained-on set: events of news-457 articles judged in the project's reader audits
(training/data/news_judged_labels.csv; that text's licence is not known, so it is for evaluation only). `--voa` does
the same for the 1,171 events of 113 Voice of America articles that the panels of reader audits 15-19 judged
(training/data/voa_judged_labels.csv: right = a real act, with its status, of the right type; keys whose two judged
versions disagree left out): the articles are rebuilt from the M2E2 sentences, whose README asks for research use
only (VOA pages carry wire-service text), so they score the model and never train it. `--shipped` scores the shipped
model on those sets instead of fitting one.
Also printed: each corpus scored by a model fitted on the others only (the hardest test of the three).
`--write` stores the model fitted on every label, with the threshold, in extract/confidence/data/confidence.json.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import click
import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import GroupKFold

import eventwire.extract.confidence
from eventwire.evaluate.gold import read_causal_news, read_rams, read_synthetic, read_voa_articles
from eventwire.evaluate.metrics import Reliability
from eventwire.evaluate.runner import Insert, Runner
from eventwire.extract.confidence.features import context_vector, event_features
from eventwire.ingest.readers import read_jsonl_lines
from eventwire.model import Document
from eventwire.pipeline import DEFAULT_COMPONENTS

LABELS = Path(__file__).parent / "data" / "confidence_labels.csv"
MODEL = Path(eventwire.extract.confidence.__file__).parent / "data" / "confidence.json"
NEWS_LABELS = Path(__file__).parent / "data" / "news_judged_labels.csv"
VOA_LABELS = Path(__file__).parent / "data" / "voa_judged_labels.csv"
C = 0.1  # inverse L2 strength (see the module docstring for how it was chosen)
VECTOR_SCALE = 0.1  # the tok2vec block, standardised, is multiplied by this before fitting
GRID = {"C": (0.03, 0.1, 0.3, 1.0), "vector_scale": (0.0, 0.1, 0.3)}
KEEP_RIGHT = 0.99  # the threshold keeps at least this share of the right events (out of fold)
# Statuses the decision leaves alone: acts told as history are real acts the project keeps (the seed's
# invasion and earlier visit), and the labels hold too few of them (39) for the model to judge them.
EXEMPT_STATUSES = ("historical",)
FOLDS = 5
# Acts told only in passing (a relative clause, a participle, an 'after' clause; `Event.background`) are kept when
# the model finds them more likely right than not: in the labels only two in five of them are real acts of the
# right type, so the threshold that keeps nearly every right event would keep most of the wrong ones too.
BACKGROUND_THRESHOLD = 0.5
# Acts told as hypothetical or negated: in the labels one in eight (hypothetical) and one in five (negated) is a real
# act told with its status, and nearly all the right ones score below 0.5 out of fold; such an act is kept when the
# model finds it more likely right than not.
STATUS_THRESHOLDS = {"hypothetical": 0.5, "negated": 0.5}


@dataclass
class Row:
    doc_id: str
    features: dict[str, float]
    vector: np.ndarray  # the parse's tok2vec rows: trigger and sentence mean
    label: int

    @property
    def source(self) -> str:
        """The corpus the event's document came from: the id's prefix ("rams", "cnc", "synthetic")."""
        return self.doc_id.split("-", 1)[0]

    @property
    def background(self) -> bool:
        return bool(self.features.get("told_in_passing"))

    @property
    def status(self) -> str | None:
        return next((name.split("=", 1)[1] for name in self.features if name.startswith("status=")), None)

    @property
    def exempt(self) -> bool:
        """Never dropped by the main threshold: told as history (`kept_by_decision` weighs acts told in passing by
        their own threshold first)."""
        return any(self.features.get(f"status={status}") for status in EXEMPT_STATUSES)


def read_labels(path: Path) -> dict[tuple[str, int, str], int]:
    """(doc_id, trigger start, type) -> 1 when judged a real act of the right type with the right status."""
    labels = {}
    with path.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            key = (record["doc_id"], int(record["trigger_start"]), record["type"])
            labels[key] = int(all(record[name] == "1" for name in ("real", "type_right", "status_right")))
    return labels


def collect(documents: dict[str, Document], labels: dict[tuple[str, int, str], int]) -> tuple[list[Row], int]:
    """The labelled events of today's pipeline, with their features; and how many events had no label."""
    wanted = sorted({doc_id for doc_id, _, _ in labels} & set(documents))
    rows: list[Row] = []
    unlabelled = 0

    def keep(ctx) -> None:
        nonlocal unlabelled
        for n, event in enumerate(ctx.result.events):
            label = labels.get((ctx.result.doc_id, event.trigger.start, event.type))
            if label is None:
                unlabelled += 1
                continue
            features = event_features(event, ctx.doc, ctx.result.events[:n])
            rows.append(Row(ctx.result.doc_id, features, context_vector(event, ctx.doc), label))

    components = [name for name in DEFAULT_COMPONENTS if name != "event_confidence"]
    runner = Runner(components, insert=[Insert("collect", keep, requires=("result.events",))])
    for _ in runner.process(documents[doc_id] for doc_id in wanted):
        pass
    return rows, unlabelled


@dataclass
class Fitted:
    """A fitted model: the named features' vectoriser, the tok2vec block's standardisation, the regression."""

    vectorizer: DictVectorizer
    mean: np.ndarray
    scale: np.ndarray  # standard deviation / VECTOR_SCALE (inf when the block is left out)
    model: LogisticRegression

    def matrix(self, rows: list[Row]) -> np.ndarray:
        named = self.vectorizer.transform([row.features for row in rows])
        return np.hstack([named, (np.array([row.vector for row in rows]) - self.mean) / self.scale])

    def predict(self, rows: list[Row]) -> np.ndarray:
        return self.model.predict_proba(self.matrix(rows))[:, 1] if rows else np.zeros(0)

    def to_json(self, labels: int, threshold: float) -> dict:
        """Plain weights: the tok2vec weights divided by the scale, their mean's share folded into the bias."""
        named = dict(zip(self.vectorizer.feature_names_, self.model.coef_[0], strict=False))
        vector_weights = self.model.coef_[0][len(named) :] / self.scale
        named["bias"] = named.get("bias", 0.0) - float(vector_weights @ self.mean)
        return {
            "labels": labels,
            "C": C,
            "vector_scale": VECTOR_SCALE,
            "threshold": threshold,
            "background_threshold": BACKGROUND_THRESHOLD,
            "exempt_statuses": list(EXEMPT_STATUSES),
            "status_thresholds": STATUS_THRESHOLDS,
            "weights": {name: round(float(w), 4) for name, w in sorted(named.items()) if round(float(w), 4)},
            "vector_weights": [round(float(w), 5) for w in vector_weights],
        }


def fit(rows: list[Row], c: float = C, vector_scale: float = VECTOR_SCALE) -> Fitted:
    vectorizer = DictVectorizer(sparse=False).fit([row.features for row in rows])
    vectors = np.array([row.vector for row in rows])
    scale = (vectors.std(axis=0) + 1e-6) / vector_scale if vector_scale else np.full(vectors.shape[1], np.inf)
    regression = LogisticRegression(C=c, max_iter=3000, fit_intercept=False)
    fitted = Fitted(vectorizer, vectors.mean(axis=0), scale, regression)
    fitted.model.fit(fitted.matrix(rows), [row.label for row in rows])
    return fitted


def out_of_fold(rows: list[Row], c: float = C, vector_scale: float = VECTOR_SCALE) -> np.ndarray:
    """Each row's probability from a model fitted without its document."""
    groups = [row.doc_id for row in rows]
    predicted = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=FOLDS).split(rows, groups=groups):
        predicted[test] = fit([rows[i] for i in train], c, vector_scale).predict([rows[i] for i in test])
    return predicted


def choose_threshold(probabilities: np.ndarray, labels: np.ndarray) -> float:
    """The largest threshold (in steps of 0.01) that keeps at least KEEP_RIGHT of the right events."""
    right = probabilities[labels == 1]
    candidates = [t / 100 for t in range(100) if (right >= t / 100).mean() >= KEEP_RIGHT]
    return max(candidates)


def training_documents(rams: Path) -> dict[str, Document]:
    """The labelled corpora by document id: RAMS, and beside it the Causal News Corpus and the synthetic PLOVER
    stories of the training split (never the held-out fifth that `evaluate events --gold synthetic` scores)."""
    documents = read_rams(rams)
    if (causal_news := rams.parent / "causal-news").is_dir():
        documents |= read_causal_news(causal_news)
    if (synthetic := rams.parent / "synthetic-plover").is_dir():
        stories = read_synthetic(synthetic, split="train")
        documents |= {doc_id: Document(id=doc_id, text=text) for doc_id, text, _, _ in stories}
    return documents


def read_news(path: Path) -> dict[str, Document]:
    """The articles of a JSONL file by id (bad lines are skipped: this is evaluation input, not user input)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {doc.id: doc for doc in read_jsonl_lines(lines, str(path), None) if isinstance(doc, Document)}


def report(probabilities: np.ndarray, labels: np.ndarray, threshold: float, rows: list[Row]) -> None:
    reliability = Reliability([])
    for probability, label in zip(probabilities, labels, strict=True):
        reliability.add(float(probability), bool(label))
    for line in reliability.table():
        click.echo("  " + line)
    brier, constant = np.mean((probabilities - labels) ** 2), labels.mean() * (1 - labels.mean())
    auc = roc_auc_score(labels, probabilities)
    click.echo(f"  Brier {brier:.3f} (a constant guess: {constant:.3f}); AUC {auc:.3f}")
    kept = kept_by_decision(probabilities, threshold, rows)
    background = np.array([row.background for row in rows])
    doubtful = np.array([row.status in STATUS_THRESHOLDS for row in rows])
    everything = np.ones(len(rows), dtype=bool)
    parts = (("all", everything), ("told in passing", background), ("hypothetical or negated", doubtful))
    for name, part in parts:
        if part.any():
            click.echo(
                f"  decision ({name}, at {threshold:.2f}; in passing at {BACKGROUND_THRESHOLD:.2f}): kept "
                f"{kept[part].sum()}/{part.sum()}; precision {labels[part].mean():.3f} -> "
                f"{labels[part & kept].mean():.3f}; "
                f"right events lost {labels[part & ~kept].sum()}/{labels[part].sum()}, "
                f"wrong events removed {(1 - labels[part & ~kept]).sum()}/{(1 - labels[part]).sum()}"
            )


def kept_by_decision(probabilities: np.ndarray, threshold: float, rows: list[Row]) -> np.ndarray:
    """What the shipped decision keeps (extract/confidence `Model.keeps`)."""
    background = np.array([row.background for row in rows])
    exempt = np.array([row.exempt for row in rows])
    own = np.array([STATUS_THRESHOLDS.get(row.status, -1.0) for row in rows])
    main = np.where(own >= 0, probabilities >= own, (probabilities >= threshold) | exempt)
    return np.where(background, probabilities >= BACKGROUND_THRESHOLD, main)


def across_sources(rows: list[Row], c: float = C, vector_scale: float = VECTOR_SCALE) -> np.ndarray:
    """Each row's probability from a model fitted on the other corpora only: how well the model carries to
    news of a kind it has not seen (a harder test than held-out documents of the same corpus)."""
    sources = np.array([row.source for row in rows])
    predicted = np.zeros(len(rows))
    for source in sorted(set(sources)):
        test = np.flatnonzero(sources == source)
        train = [row for row, other in zip(rows, sources, strict=True) if other != source]
        predicted[test] = fit(train, c, vector_scale).predict([rows[i] for i in test])
    return predicted


def compare(rows: list[Row], labels: np.ndarray) -> None:
    """Scores of every setting of GRID: out of fold by document, and across corpora."""
    for c in GRID["C"]:
        for vector_scale in GRID["vector_scale"]:
            scores = []
            for predicted in (out_of_fold(rows, c, vector_scale), across_sources(rows, c, vector_scale)):
                scores.append(f"log loss {log_loss(labels, predicted):.3f}, AUC {roc_auc_score(labels, predicted):.3f}")
            click.echo(f"  C={c} vector_scale={vector_scale}: by document {scores[0]}; across corpora {scores[1]}")


def shipped_predict(rows: list[Row]) -> np.ndarray:
    """The shipped model's probabilities (extract/confidence `EventConfidence.score`)."""
    model = eventwire.extract.confidence.load_model()
    return np.array([model.probability(row.features, row.vector) for row in rows])


def score_judged_sets(sets: list[tuple[str, dict[str, Document], Path]], predict, threshold: float) -> None:
    """Score events of articles judged in reader audits that no model was trained on."""
    for name, documents, labels_file in sets:
        rows, _ = collect(documents, read_labels(labels_file))
        click.echo(f"{name} events judged in reader audits, never trained on ({len(rows)}):")
        report(predict(rows), np.array([row.label for row in rows]), threshold, rows)


@click.command()
@click.argument("rams", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--labels", "labels_path", type=click.Path(exists=True, path_type=Path), default=LABELS)
@click.option("--news", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="news-457.jsonl")
@click.option("--voa", type=click.Path(exists=True, file_okay=False, path_type=Path), help="the M2E2 folder")
@click.option("--shipped", is_flag=True, help="Only score the shipped model on --news and --voa (no fit).")
@click.option("--compare", "grid", is_flag=True, help="Print the out-of-fold scores of each setting.")
@click.option("--write", is_flag=True, help="Store the model fitted on every label.")
def main(
    rams: Path, labels_path: Path, news: Path | None, voa: Path | None, shipped: bool, grid: bool, write: bool
) -> None:
    judged = [("news-457", read_news(news), NEWS_LABELS)] if news else []
    judged += [("VOA", read_voa_articles(voa), VOA_LABELS)] if voa else []
    if shipped:
        score_judged_sets(judged, shipped_predict, eventwire.extract.confidence.load_model().threshold)
        return
    rows, unlabelled = collect(training_documents(rams), read_labels(labels_path))
    labels = np.array([row.label for row in rows])
    click.echo(f"{len(rows)} labelled events ({unlabelled} events of today's output have no label)")
    if grid:
        compare(rows, labels)
    held_out = out_of_fold(rows)
    main_rule = np.array([not (row.exempt or row.background or row.status in STATUS_THRESHOLDS) for row in rows])
    threshold = choose_threshold(held_out[main_rule], labels[main_rule])
    click.echo("held out (GroupKFold by document):")
    report(held_out, labels, threshold, rows)
    if len({row.source for row in rows}) > 1:
        click.echo("held out by corpus (each corpus scored by a model fitted on the others):")
        report(across_sources(rows), labels, threshold, rows)
    fitted = fit(rows)
    score_judged_sets(judged, fitted.predict, threshold)
    if write:
        MODEL.write_text(json.dumps(fitted.to_json(len(rows), threshold), indent=1) + "\n")
        click.echo(f"wrote {MODEL} ({MODEL.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
