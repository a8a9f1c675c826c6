"""Event confidence: features a reader's doubt depends on, the model applied, the reliability table."""

from __future__ import annotations

import pytest

from eventwire.evaluate.metrics import Reliability
from eventwire.extract.confidence import EventConfidence, load_weights, probability
from eventwire.extract.confidence.features import event_features


def _events_with_features(pipeline, text: str) -> list[tuple[dict, dict[str, float]]]:
    from eventwire.ingest import make_document

    document_events = []
    document = make_document(text, doc_id="t", published_at="2026-03-02")
    doc = pipeline.nlp(document.text)
    ctx = pipeline.run_context(document, doc)
    for event in ctx.result.events:
        document_events.append((event, event_features(event, ctx.doc)))
    return document_events


def test_question_quote_and_modal_are_seen(pipeline):
    asked = _events_with_features(pipeline, 'The mayor said: "Will the army attack the village of Brenholt?"')
    assert asked, "the question should still propose an event to weigh"
    assert all(features.get("question") == 1.0 for _, features in asked)
    assert all(features.get("in_quote") == 1.0 for _, features in asked)
    told = _events_with_features(pipeline, "Soldiers attacked the village of Brenholt on Monday, the mayor said.")
    assert told and all(not features.get("question") and not features.get("in_quote") for _, features in told)


def test_features_name_type_status_and_parties(pipeline):
    [(event, features)] = [
        pair for pair in _events_with_features(pipeline, "Police arrested three protesters in Lisbon on Friday.")
        if pair[0].type == "COERCE"
    ]
    assert features["type=COERCE"] == 1.0 and features[f"status={event.status}"] == 1.0
    assert features["has_recipient"] == 1.0 and features["pos=VERB"] == 1.0


def test_component_applies_the_weights(pipeline):
    from eventwire.context import DocContext
    from eventwire.ingest import make_document
    from eventwire.model import DocResult

    document = make_document("Rebels attacked an army base near Goma on Sunday.", doc_id="t", published_at="2026-03-02")
    ctx = pipeline.run_context(document, pipeline.nlp(document.text))
    fresh = DocContext(document, ctx.doc, DocResult(doc_id="t", events=ctx.result.events))
    EventConfidence(weights={"bias": 2.0})(fresh)
    assert [event.confidence for event in fresh.result.events] == [0.88] * len(fresh.result.events)
    EventConfidence(weights={"bias": 0.0, "type=ASSAULT": -3.0})(fresh)
    assert all(event.confidence == 0.05 for event in fresh.result.events if event.type == "ASSAULT")


def test_shipped_model_is_small_and_knows_the_categories():
    weights = load_weights()
    assert "bias" in weights and any(name.startswith("type=") for name in weights)
    assert probability({"bias": 1.0}, weights) == pytest.approx(probability({"bias": 1.0, "unknown": 1.0}, weights))


def test_reliability_table_counts_each_bin_and_threshold():
    reliability = Reliability([])
    for confidence, right in [(0.9, True), (0.85, True), (0.82, False), (0.55, True), (0.1, False), (1.0, True)]:
        reliability.add(confidence, right)
    rows = {" ".join(row.split()[:2]) if row.startswith(">=") else row.split()[0]: row for row in reliability.table()}
    assert rows["0.8-1.0"].split()[1:] == ["4", "3", "0.75"]
    assert rows[">= 0.5"].split()[2:] == ["5", "4", "0.80"]
    assert rows["all"].split()[1:] == ["6", "4", "0.67"]


def test_modal_passive_and_sentence_shape_are_seen(pipeline):
    [(_, advised)] = _events_with_features(pipeline, "The ministers would condemn the raid on the Harlow depot.")
    assert advised["modal=would"] == 1.0 and advised["nsubj=determined"] == 1.0
    passive = [f for _, f in _events_with_features(pipeline, "Two reporters were arrested by police in Tarvel.")]
    assert passive and all(features["passive"] == 1.0 for features in passive)
    spoken = [f for _, f in _events_with_features(pipeline, '"We attacked their convoy," the commander said.')]
    assert spoken and all(features["first_person"] == 1.0 for features in spoken)
