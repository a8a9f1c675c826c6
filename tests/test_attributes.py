"""The array attribute ruler and lemmatizer set what spaCy's own components set, token for token."""

from __future__ import annotations

import pytest
import spacy

from eventwire.nlp import MODEL_NAME, load_nlp
from eventwire.nlp.lines import add_line_breaks

TEXTS = [
    "Rebels shelled the town of Marven on Tuesday, killing three civilians, the ministry said.",
    "I ain't gonna sign it, y'all. Let's go! C'mon, it is what it is: there were 12 of them.",
    "THE MINISTER, WHO ARRIVED BY CAR, SAID IT WOULD NOT HAPPEN AGAIN.",
    "police in the capital detained two men who had gotta leave.  They did.\n\n\tBut he didn't.",
    "Did you see that? Gets worse: he got fined, and you got nothing. That which was said stands.",
    "",
    "   \n ",
]


@pytest.fixture(scope="module")
def stock():
    """The model as spaCy ships it, with eventwire's other change (sentence starts at line breaks)."""
    nlp = spacy.load(MODEL_NAME)
    add_line_breaks(nlp)
    return nlp


def annotations(doc):
    return [(t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_, t.head.i) for t in doc]


def test_pipeline_uses_the_array_ruler():
    names = load_nlp().pipe_names
    assert "eventwire_attribute_ruler" in names and "attribute_ruler" not in names
    assert "eventwire_lemmatizer" in names and "lemmatizer" not in names
    assert names.index("eventwire_attribute_ruler") < names.index("eventwire_lemmatizer")


def test_same_annotations_as_spacy_in_a_batch(stock):
    ours = list(load_nlp().pipe(TEXTS, batch_size=4))
    theirs = list(stock.pipe(TEXTS, batch_size=4))
    for text, a, b in zip(TEXTS, ours, theirs, strict=True):
        assert annotations(a) == annotations(b), text


def test_same_annotations_one_doc_at_a_time(stock):
    for text in TEXTS:
        assert annotations(load_nlp()(text)) == annotations(stock(text)), text


def test_rules_change_what_the_tagger_gave(stock):
    """A doc the ruler never ran on has no POS: the array ruler is what sets it."""
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "line_breaks"]):
        bare = stock(TEXTS[0])
    assert {t.pos_ for t in bare} == {""}
    assert {t.pos_ for t in load_nlp()(TEXTS[0])} >= {"NOUN", "VERB", "PROPN", "PUNCT"}


def test_no_rule_spans_two_docs_of_a_batch(stock):
    """Two-token rules ("let" + "'s") must not match across the end of one doc and the start of the next."""
    texts = ["They would not let", "'s be clear about that."]
    ours = list(load_nlp().pipe(texts, batch_size=2))
    assert [annotations(d) for d in ours] == [annotations(stock(t)) for t in texts]


def test_lemmatizer_asks_spacy_once_per_word_form(stock):
    """The lemma of a (word, POS, morphology) is spaCy's, asked once: a later doc reuses it."""
    nlp = load_nlp()
    lemmatizer = nlp.get_pipe("eventwire_lemmatizer")
    asked = []
    original = lemmatizer.lemmatizer.lemmatize
    lemmatizer.lemmatizer.lemmatize = lambda token: asked.append(token.text) or original(token)
    try:
        first = nlp("Envoys of the rebels were meeting officials in the zorblings' quarter.")
        again = nlp("Envoys of the rebels were meeting officials in the zorblings' quarter.")
    finally:
        lemmatizer.lemmatizer.lemmatize = original
    assert annotations(first) == annotations(again) == annotations(stock(first.text))
    assert "zorblings" in asked and asked.count("zorblings") == 1
    assert [t.lemma_ for t in first][:4] == ["envoy", "of", "the", "rebel"]


def test_a_verb_lemma_the_model_gets_wrong_is_fixed_and_nothing_else(stock):
    text = "The students staged a protest; a stag ran across the road. Men raped a girl, and the critic rapped them."
    ours, theirs = load_nlp()(text), stock(text)
    changed = {(a.text, b.lemma_, a.lemma_) for a, b in zip(ours, theirs, strict=True) if a.lemma_ != b.lemma_}
    assert changed == {("staged", "stag", "stage"), ("raped", "rap", "rape")}
