"""Event location: which place of a sentence is where its event happened (invented sentences)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventwire.extract.places import fit_event_location
from eventwire.extract.places.event_location import candidate_rows_for_event, choose_location, locator_rules
from eventwire.extract.places.fit_event_location import (
    SentenceRows,
    choose_threshold,
    collect_cached,
    counts,
    f1,
    fit,
    spacy_model_name,
)
from eventwire.extract.places.location_candidates import extra_candidates
from eventwire.extract.places.location_features import (
    choose,
    context_features,
    location_model,
    model_context_blocks,
    probability,
)
from eventwire.model import DocResult, Document, Event, Evidence, Span
from eventwire.pipeline import DocContext


def _event_at(pipeline, text: str, verb: str):
    """The parsed doc, an event standing on `verb` (as the evaluation makes one) and the place mentions."""
    doc = pipeline.nlp(text)
    ctx = DocContext(Document(id="t", text=text), doc, DocResult(doc_id="t"))
    for name, component in zip(pipeline.component_names, pipeline.components, strict=True):
        if name == "event_locations":
            break
        component(ctx)
    start = text.index(verb)
    sentence = doc.char_span(start, start + len(verb)).sent
    event = Event(
        id="e",
        type="UNKNOWN",
        trigger=Span(verb, start, start + len(verb)),
        evidence=Evidence(sentence.text, sentence.start_char, sentence.end_char),
    )
    return doc, event, ctx.shared.get("place_mentions") or []


def _located(pipeline, text: str, verb: str) -> str | None:
    """The location text the locator gives an event standing on `verb`."""
    chosen = choose_location(*_event_at(pipeline, text, verb))
    return chosen[0].place.text if chosen else None


INVENTED = [
    ("Officials in Kyiv said Russian missiles struck a power plant in Kharkiv overnight.", "struck", "Kharkiv"),
    ("Gunmen attacked a police station near Kandahar on Monday, killing three officers.", "attacked", "Kandahar"),
    ("Protesters marched through central Lagos, the largest city of Nigeria.", "marched", "Lagos"),
]


@pytest.mark.parametrize(("text", "verb", "place"), INVENTED)
def test_shipped_model_knows_the_features_the_code_makes(pipeline, text, verb, place):
    """Model file and feature code agree: every feature of these plain sentences has a weight (a renamed
    feature would silently weigh 0 until the model is refitted), and the weights pick the scene."""
    model = location_model()
    rows = candidate_rows_for_event(*_event_at(pipeline, text, verb), model_context_blocks(model))
    assert rows
    assert {name for _, features in rows for name in features} <= set(model["weights"])
    probabilities = {mention.place.text: probability(features, model["weights"]) for mention, features in rows}
    best = max(probabilities, key=probabilities.__getitem__)
    assert best == place and probabilities[best] >= model["threshold"]


def test_model_file_is_shipped_with_a_threshold():
    model = location_model()
    assert model is not None
    assert 0.0 < model["threshold"] < 1.0 and model["weights"]["bias"] != 0.0


def test_place_of_the_reported_event_not_of_the_speaker(pipeline):
    text = "Officials in Kyiv said Russian missiles struck a power plant in Kharkiv overnight."
    assert _located(pipeline, text, "struck") == "Kharkiv"


def test_hometown_of_a_victim_is_not_the_scene(pipeline):
    text = "John Carter, 34, of Atlanta, was shot dead outside a bar in Denver on Friday."
    assert _located(pipeline, text, "shot") == "Denver"


def test_village_missing_from_the_gazetteer_is_found(pipeline):
    text = "Gunmen killed four farmers in the village of Tal Zawrak on Sunday, police said."
    assert _located(pipeline, text, "killed") == "Tal Zawrak"


def test_sentence_without_a_place_stays_unlocated(pipeline):
    assert _located(pipeline, "The rebels captured two soldiers after a long battle.", "captured") is None


def test_extra_candidates_stay_out_of_the_place_list(pipeline):
    text = "Troops stormed the Qarnawi quarter before dawn."
    result = pipeline.extract(text)
    assert all("Qarnawi" not in place["text"] for place in result["places"])


def test_extra_candidates_need_a_locative_position(nlp):
    rules = locator_rules()
    located = nlp("Soldiers patrolled near Bir Zaytun overnight.")
    assert [m.place.text for m in extra_candidates(located[:], [], rules)] == ["Bir Zaytun"]
    subject = nlp("Yesterday Bir Zaytun announced a new budget.")
    assert extra_candidates(subject[:], [], rules) == []


def test_choose_abstains_below_threshold():
    model = {"weights": {"bias": -1.0, "good": 3.0}, "threshold": 0.5}
    assert choose([{"bias": 1.0}, {"bias": 1.0, "good": 1.0}], model) == 1
    assert choose([{"bias": 1.0}, {"bias": 1.0}], model) is None


def test_fit_learns_the_separating_feature():
    sentences = []
    for n in range(40):
        sentence = SentenceRows(source="s", text=str(n), has_gold=n % 4 != 0)
        located = n % 4 != 0
        sentence.features = [{"bias": 1.0, "good": 1.0} if located else {"bias": 1.0}, {"bias": 1.0}]
        sentence.labels = [located, False]
        sentences.append(sentence)
    weights = fit(sentences)
    assert weights["good"] > 1.0
    threshold = choose_threshold(sentences, weights)
    assert f1(*counts(sentences, {"weights": weights, "threshold": threshold}))[2] == pytest.approx(1.0)


def test_row_cache_is_reused_until_the_key_changes(tmp_path, monkeypatch):
    calls = []

    def fake_collect(folder, limit=None):
        calls.append(limit)
        return [SentenceRows("s", "a text", True, [{"bias": 1.0}], [True])]

    monkeypatch.setattr(fit_event_location, "collect", fake_collect)
    cache = tmp_path / "rows.pkl"
    first = collect_cached(tmp_path, 5, cache)
    again = collect_cached(tmp_path, 5, cache)
    assert calls == [5] and again == first
    collect_cached(tmp_path, 6, cache)  # another limit: collected anew
    assert calls == [5, 6]


def test_context_vectors_come_from_the_parse(nlp):
    doc = nlp("Troops shelled the town of Marinka on Monday.")
    trigger, place = doc[1], doc[5]
    features = context_features(trigger, place, ("head", "path"))
    width = doc.tensor.shape[1]
    assert len(features) == 2 * width
    assert features["ctx_head_0"] == pytest.approx(float(doc.tensor[place.head.i][0]))
    bare = Doc(nlp.vocab, words=["Troops", "shelled", "Marinka"])
    assert context_features(bare[1], bare[2], ("head", "path")) == {}


def test_context_weights_fit_the_installed_parser(nlp):
    """Context weights only mean something for the tok2vec they were fitted on: refit after a model change."""
    context = location_model().get("context")
    if context is None:
        pytest.skip("the shipped model weighs parse features only")
    assert context["spacy_model"] == spacy_model_name()
    assert nlp("Shelling hit Marinka.").tensor.shape[1] == context["width"]
