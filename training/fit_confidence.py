"""Fit the event-confidence model (eventwire/extract/confidence) on reader-judged events, with held-out figures.

    pip install -e '.[fit]'   # scikit-learn: needed to fit, never to extract
    python training/fit_confidence.py ../shared/data/train/rams [--news ../shared/bench/news-457.jsonl] [--write]

Labels (training/data/confidence_labels.csv): events that `eventwire extract` output on 480 RAMS news excerpts
(CC BY-SA 4.0; sampled with a fixed seed before any output was read), each judged by a reader (a subagent
under ../shared/docs/AUDIT.md rules, spot-checked by a developer): is it a real act, told with the right
status, of the right PLOVER type? An event of today's pipeline is matched to its label by document, trigger
offset and type; events no reader has judged are left out (the count is printed).

Held-out figures: out-of-fold probabilities from GroupKFold by document (no excerpt in both sides), printed as
a reliability table. `--news` also scores the model fitted on all RAMS labels on a second, never-trained-on
set: events of news-457 articles judged in the project's reader audits (training/data/news_judged_labels.csv;
that text's licence is not known, so it is for evaluation only). `--write` stores the model fitted on every
RAMS label in extract/confidence/data/confidence.json.
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
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

import eventwire.extract.confidence
from eventwire.evaluate.gold import read_rams
from eventwire.evaluate.metrics import Reliability
from eventwire.evaluate.runner import Insert, Runner
from eventwire.extract.confidence.features import event_features
from eventwire.ingest.readers import read_jsonl_lines
from eventwire.model import Document
from eventwire.pipeline import DEFAULT_COMPONENTS

LABELS = Path(__file__).parent / "data" / "confidence_labels.csv"
MODEL = Path(eventwire.extract.confidence.__file__).parent / "data" / "confidence.json"
NEWS_LABELS = Path(__file__).parent / "data" / "news_judged_labels.csv"
C = 0.1  # inverse L2 strength: chosen by out-of-fold AUC over 0.1 / 0.3 / 1 (800 labels, 70 features)
FOLDS = 5


@dataclass
class Row:
    doc_id: str
    features: dict[str, float]
    label: int


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
        for event in ctx.result.events:
            label = labels.get((ctx.result.doc_id, event.trigger.start, event.type))
            if label is None:
                unlabelled += 1
                continue
            rows.append(Row(ctx.result.doc_id, event_features(event, ctx.doc), label))

    components = [name for name in DEFAULT_COMPONENTS if name != "event_confidence"]
    runner = Runner(components, insert=[Insert("collect", keep, requires=("result.events",))])
    for _ in runner.process(documents[doc_id] for doc_id in wanted):
        pass
    return rows, unlabelled


def fit(rows: list[Row]) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer(sparse=False)
    matrix = vectorizer.fit_transform([row.features for row in rows])
    model = LogisticRegression(C=C, max_iter=2000, fit_intercept=False)
    model.fit(matrix, [row.label for row in rows])
    return vectorizer, model


def out_of_fold(rows: list[Row]) -> np.ndarray:
    """Each row's probability from a model fitted without its document."""
    groups = [row.doc_id for row in rows]
    predicted = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=FOLDS).split(rows, groups=groups):
        vectorizer, model = fit([rows[i] for i in train])
        predicted[test] = model.predict_proba(vectorizer.transform([rows[i].features for i in test]))[:, 1]
    return predicted


def read_news(path: Path) -> dict[str, Document]:
    """The articles of a JSONL file by id (bad lines are skipped: this is evaluation input, not user input)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {doc.id: doc for doc in read_jsonl_lines(lines, str(path), None) if isinstance(doc, Document)}


def report(probabilities: np.ndarray, labels: np.ndarray) -> None:
    reliability = Reliability([])
    for probability, label in zip(probabilities, labels, strict=True):
        reliability.add(float(probability), bool(label))
    for line in reliability.table():
        click.echo("  " + line)
    brier, constant = np.mean((probabilities - labels) ** 2), labels.mean() * (1 - labels.mean())
    auc = roc_auc_score(labels, probabilities)
    click.echo(f"  Brier {brier:.3f} (a constant guess: {constant:.3f}); AUC {auc:.3f}")


@click.command()
@click.argument("rams", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--labels", "labels_path", type=click.Path(exists=True, path_type=Path), default=LABELS)
@click.option("--news", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="news-457.jsonl")
@click.option("--write", is_flag=True, help="Store the model fitted on every label.")
def main(rams: Path, labels_path: Path, news: Path | None, write: bool) -> None:
    rows, unlabelled = collect(read_rams(rams), read_labels(labels_path))
    labels = np.array([row.label for row in rows])
    click.echo(f"{len(rows)} labelled events ({unlabelled} events of today's output have no label)")
    click.echo("held out (GroupKFold by document):")
    report(out_of_fold(rows), labels)
    vectorizer, model = fit(rows)
    if news is not None:
        news_rows, _ = collect(read_news(news), read_labels(NEWS_LABELS))
        click.echo(f"news-457 events judged in reader audits, never trained on ({len(news_rows)}):")
        predicted = model.predict_proba(vectorizer.transform([row.features for row in news_rows]))[:, 1]
        report(predicted, np.array([row.label for row in news_rows]))
    if write:
        weights = {name: round(float(w), 4) for name, w in zip(vectorizer.feature_names_, model.coef_[0], strict=True)}
        MODEL.write_text(json.dumps({"labels": len(rows), "C": C, "weights": weights}, indent=1) + "\n")
        click.echo(f"wrote {MODEL} ({MODEL.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
