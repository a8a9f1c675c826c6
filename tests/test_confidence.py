"""Event confidence: features a reader's doubt depends on, the model applied, the reliability table."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from eventwire.evaluate.metrics import Reliability
from eventwire.extract.confidence import EventConfidence, Model, load_model, load_weights, probability
from eventwire.extract.confidence.features import TOK2VEC_WIDTH, context_vector, event_features


@pytest.fixture(scope="module")
def undecided():
    """The pipeline with every event kept (the decision off), so that features of any candidate can be read."""
    from eventwire.pipeline import Pipeline

    return Pipeline(config={"event_confidence": {"decide": False}})


def _events_with_features(pipeline, text: str) -> list[tuple[dict, dict[str, float]]]:
    from eventwire.ingest import make_document

    document_events = []
    document = make_document(text, doc_id="t", published_at="2026-03-02")
    doc = pipeline.nlp(document.text)
    ctx = pipeline.run_context(document, doc)
    for event in ctx.result.events:
        document_events.append((event, event_features(event, ctx.doc)))
    return document_events


def test_question_quote_and_modal_are_seen(undecided):
    pipeline = undecided
    # a question keeps only a request worded as a demand (slice non): other acts in it are dropped
    asked = _events_with_features(pipeline, 'The mayor said: "Why did the governor urge the army to leave Brenholt?"')
    assert asked, "the question should still propose an event to weigh"
    assert all(features.get("question") == 1.0 for _, features in asked)
    assert all(features.get("in_quote") == 1.0 for _, features in asked)
    told = _events_with_features(pipeline, "Soldiers attacked the village of Brenholt on Monday, the mayor said.")
    assert told and all(not features.get("question") and not features.get("in_quote") for _, features in told)


def test_features_name_type_status_and_parties(undecided):
    pipeline = undecided
    [(event, features)] = [
        pair
        for pair in _events_with_features(pipeline, "Police arrested three protesters in Lisbon on Friday.")
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


def test_modal_passive_and_sentence_shape_are_seen(undecided):
    pipeline = undecided
    [(_, advised)] = _events_with_features(pipeline, "The ministers would condemn the raid on the Harlow depot.")
    assert advised["modal=would"] == 1.0 and advised["nsubj=determined"] == 1.0
    passive = [f for _, f in _events_with_features(pipeline, "Two reporters were arrested by police in Tarvel.")]
    assert passive and all(features["passive"] == 1.0 for features in passive)
    spoken = [f for _, f in _events_with_features(pipeline, '"We attacked their convoy," the commander said.')]
    assert spoken and all(features["first_person"] == 1.0 for features in spoken)


def _coded(pipeline, text: str):
    from eventwire.context import DocContext
    from eventwire.ingest import make_document
    from eventwire.model import DocResult

    document = make_document(text, doc_id="t", published_at="2026-03-02")
    ctx = pipeline.run_context(document, pipeline.nlp(document.text))
    return DocContext(document, ctx.doc, DocResult(doc_id="t", events=list(ctx.result.events)))


TWO_ACTS = "Rebels attacked an army base near Goma on Sunday. Police arrested twelve protesters in Lisbon on Friday."


def test_decision_drops_events_below_the_threshold_and_renumbers(pipeline):
    fresh = _coded(pipeline, TWO_ACTS)
    events = list(fresh.result.events)
    assert len(events) >= 2, "the fixture should code two acts"
    first = events[0].type
    # Everything scores 0.5 except the first event's category, which scores far below the threshold.
    EventConfidence(model=Model({"bias": 0.0, f"type={first}": -4.0}, threshold=0.3))(fresh)
    assert fresh.result.events and all(event.type != first for event in fresh.result.events)
    assert [event.id for event in fresh.result.events] == [f"t-e{n}" for n in range(1, len(fresh.result.events) + 1)]


def test_decision_off_or_at_zero_threshold_keeps_every_event(pipeline):
    fresh = _coded(pipeline, TWO_ACTS)
    count = len(fresh.result.events)
    EventConfidence(model=Model({"bias": -5.0}, threshold=0.5), decide=False)(fresh)
    assert len(fresh.result.events) == count and all(event.confidence == 0.01 for event in fresh.result.events)
    EventConfidence(model=Model({"bias": -5.0}, threshold=0.0))(fresh)
    assert len(fresh.result.events) == count


def test_vector_weights_move_the_score(pipeline):
    fresh = _coded(pipeline, "Rebels attacked an army base near Goma on Sunday.")
    [event] = [e for e in fresh.result.events if e.type == "ASSAULT"]
    vector = context_vector(event, fresh.doc)
    weights = np.where(vector > 0, 1.0, -1.0).astype(np.float32)  # a score of sum(|vector|) > 0
    component = EventConfidence(model=Model({"bias": 0.0}, weights, threshold=0.0))
    opposite = EventConfidence(model=Model({"bias": 0.0}, -weights))
    assert component.score(event, fresh) > 0.5 > opposite.score(event, fresh)


def test_features_and_vectors_are_deterministic(pipeline):
    first, second = _coded(pipeline, TWO_ACTS), _coded(pipeline, TWO_ACTS)
    for a, b in zip(first.result.events, second.result.events, strict=True):
        assert event_features(a, first.doc) == event_features(b, second.doc)
        assert np.array_equal(context_vector(a, first.doc), context_vector(b, second.doc))
        assert context_vector(a, first.doc).shape == (2 * TOK2VEC_WIDTH,) and context_vector(a, first.doc).any()
    [features] = [
        features
        for event, features in _events_with_features(pipeline, "Police arrested three protesters in Lisbon.")
        if event.type == "COERCE"
    ]
    assert features["lemma=arrest"] == 1.0 and features["dep=ROOT"] == 1.0 and features["child=nsubj"] == 1.0


def test_a_doc_without_tok2vec_rows_gets_a_zero_vector(pipeline):
    fresh = _coded(pipeline, "Rebels attacked an army base near Goma on Sunday.")
    fresh.doc.tensor = np.zeros((0, TOK2VEC_WIDTH), dtype=np.float32)
    assert not context_vector(fresh.result.events[0], fresh.doc).any()


def test_a_document_with_no_events(pipeline):
    fresh = _coded(pipeline, "The weather in the valley was mild and the river was calm.")
    assert fresh.result.events == []
    EventConfidence()(fresh)
    assert fresh.result.events == []


def test_shipped_model_loads_with_vectors_and_a_gentle_threshold():
    model = load_model()
    assert model.vector_weights.shape == (2 * TOK2VEC_WIDTH,)
    assert 0.0 < model.threshold < 0.5
    assert any(name.startswith("lemma=") for name in model.weights)


def test_the_default_pipeline_decides_with_the_shipped_threshold():
    from eventwire.pipeline import DEFAULT_COMPONENTS
    from eventwire.registry import get_spec

    assert DEFAULT_COMPONENTS[-1] == "event_confidence"
    component = get_spec("event_confidence").factory()
    assert component.decide and component.model.threshold == load_model().threshold


def test_an_exempt_status_is_never_dropped(pipeline):
    fresh = _coded(pipeline, TWO_ACTS)
    statuses = {event.status for event in fresh.result.events}
    count = len(fresh.result.events)
    EventConfidence(model=Model({"bias": -5.0}, threshold=0.5, exempt_statuses=frozenset(statuses)))(fresh)
    assert len(fresh.result.events) == count


def test_a_user_floor_drops_every_event_below_it_even_an_exempt_one(pipeline):
    fresh = _coded(pipeline, TWO_ACTS)
    statuses = frozenset(event.status for event in fresh.result.events)
    first = fresh.result.events[0].type
    # The first event's category scores 0.12, every other one 0.5; all statuses exempt from the model's threshold.
    model = Model({"bias": 0.0, f"type={first}": -2.0}, threshold=0.9, exempt_statuses=statuses)
    EventConfidence(model=model, min_confidence=0.3)(fresh)
    assert fresh.result.events and all(event.type != first and event.confidence >= 0.3 for event in fresh.result.events)


def test_extract_min_confidence_keeps_a_subset_at_or_above_the_floor(tmp_path):
    import json

    from click.testing import CliRunner

    from eventwire.cli import main

    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps({"id": "d1", "text": TWO_ACTS, "published_at": "2026-03-02"}) + "\n")

    def events(*options: str) -> list[dict]:
        result = CliRunner().invoke(main, ["extract", "-q", *options, str(source)])
        assert result.exit_code == 0, result.output
        return json.loads(result.output.splitlines()[0])["events"]

    every = events()
    floor = max(event["confidence"] for event in every)
    kept = events("--min-confidence", str(floor))
    assert len(every) >= 2 and kept
    assert {e["trigger"]["start"] for e in kept} <= {e["trigger"]["start"] for e in every}
    assert all(event["confidence"] >= floor for event in kept) and len(kept) <= len(every)
    assert CliRunner().invoke(main, ["extract", "--min-confidence", "1.5", str(source)]).exit_code == 2


# -- what the document told before, and acts told in passing (fourteenth session) --------------------------
def test_a_later_event_of_the_same_type_and_party_is_seen_as_told_before(pipeline):
    text = "Rebels attacked an army base near Goma on Sunday. The rebels attacked the base again at night."
    fresh = _coded(pipeline, text)
    attacks = [event for event in fresh.result.events if event.type == "ASSAULT"]
    assert len(attacks) >= 2, "the fixture should code two attacks"
    events = fresh.result.events
    first = event_features(attacks[0], fresh.doc, events[: events.index(attacks[0])])
    later = event_features(attacks[1], fresh.doc, events[: events.index(attacks[1])])
    assert first["earlier_same_type"] == 0.0 and first["earlier_events"] == 0.0
    assert later["earlier_same_type"] == 1.0 and later["earlier_same_word"] == 1.0 and later["earlier_events"] > 0
    other = event_features(events[0], fresh.doc, [replace(attacks[1], type="PROTEST")])
    assert other["earlier_same_type"] == 0.0 and other["earlier_same_type_party"] == 0.0


def test_an_act_told_in_passing_needs_the_background_threshold_whatever_its_status(pipeline):
    fresh = _coded(pipeline, TWO_ACTS)
    events = list(fresh.result.events)
    passing = replace(events[0], background=True, status="historical")
    model = Model({"bias": 0.0}, threshold=0.1, exempt_statuses=frozenset({"historical"}), background_threshold=0.6)
    assert not model.keeps(passing, 0.5) and model.keeps(passing, 0.6)
    assert model.keeps(replace(passing, background=False), 0.05)  # told as news, history is exempt
    fresh.result.events = [passing, *events[1:]]
    EventConfidence(model=model)(fresh)  # every event scores 0.5
    assert len(fresh.result.events) == len(events) - 1 and not any(event.background for event in fresh.result.events)


def test_the_shipped_model_keeps_acts_told_in_passing_only_when_more_likely_right():
    assert load_model().background_threshold >= 0.5
    assert "told_in_passing" in load_model().weights


def test_a_hypothetical_or_negated_act_needs_its_statuss_threshold(pipeline):
    fresh = _coded(pipeline, TWO_ACTS)
    events = list(fresh.result.events)
    model = Model({"bias": 0.0}, threshold=0.1, status_thresholds={"hypothetical": 0.6, "negated": 0.6})
    for status in ("hypothetical", "negated"):
        told = replace(events[0], status=status)
        assert not model.keeps(told, 0.5) and model.keeps(told, 0.6)
    assert model.keeps(replace(events[0], status="asserted"), 0.5)  # the main threshold for the rest
    fresh.result.events = [replace(events[0], status="negated"), *events[1:]]
    EventConfidence(model=model)(fresh)  # every event scores 0.5
    assert len(fresh.result.events) == len(events) - 1 and all(e.status != "negated" for e in fresh.result.events)


def test_the_shipped_model_keeps_hypothetical_and_negated_acts_only_when_more_likely_right():
    assert load_model().status_thresholds == {"hypothetical": 0.5, "negated": 0.5}
