"""Event location: which place of a sentence is where its event happened (invented sentences)."""

from __future__ import annotations

import pytest

from eventwire.extract.places.event_location import choose_location, locator_rules
from eventwire.extract.places.fit_event_location import SentenceRows, choose_threshold, counts, f1, fit
from eventwire.extract.places.location_candidates import extra_candidates
from eventwire.extract.places.location_features import choose, location_model
from eventwire.model import DocResult, Document, Event, Evidence, Span
from eventwire.pipeline import DocContext


def _located(pipeline, text: str, verb: str) -> str | None:
    """The location text the locator gives an event standing on `verb` (as the evaluation does)."""
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
    chosen = choose_location(doc, event, ctx.shared.get("place_mentions") or [])
    return chosen[0].place.text if chosen else None


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
