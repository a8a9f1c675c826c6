"""Sentence starts at line breaks (nlp/lines.py) and section headings (furniture.py): a line without a
full stop is not run into the next one. Sentences are invented; parties come from tests/test_events.py."""

from __future__ import annotations

import pytest

from tests.test_events import code


def sentences(nlp, text: str) -> list[str]:
    return [sentence.text.strip() for sentence in nlp(text).sents]


@pytest.mark.parametrize(
    ("text", "first_line"),
    [
        (
            "Ruritania Expels Zendan Envoy\nRuritania expelled the Zendan ambassador on Monday.",
            "Ruritania Expels Zendan Envoy",
        ),
        ("Will the border reopen\nRuritanian troops shelled Zenda on Monday.", "Will the border reopen"),
        ("Photo by the Ruritanian police\nRuritanian police arrested four men.", "Photo by the Ruritanian police"),
        ("Doubts about the truce\n\n“We will not retreat,” the Ruritanian minister said.", "Doubts about the truce"),
    ],
)
def test_a_line_without_a_full_stop_ends_before_a_new_unit(nlp, text, first_line):
    found = sentences(nlp, text)
    assert found[0] == first_line
    assert len(found) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian troops shelled the villages near\nthe border with Zenda on Monday.",  # wrapped mid-sentence
        "Ruritanian troops shelled the villages near\nZenda on Monday.",  # a preposition needs what follows
        "ZENDA CITY —\nRuritanian troops shelled the border villages on Monday.",  # a dateline's dash
        "The Ruritanian minister said:\nWe will defend every village.",  # a colon introduces the line below
    ],
)
def test_a_line_that_needs_the_next_stays_one_sentence(nlp, text):
    assert len(sentences(nlp, text)) == 1


def test_a_hard_wrapped_text_breaks_only_at_blank_lines(nlp):
    text = (
        "Ruritanian troops shelled the villages on\nthe border and police arrested\n"
        "Zendan traders who had crossed the\nriver on Monday, officials said\n\nZenda protested."
    )
    found = sentences(nlp, text)
    assert found[-1] == "Zenda protested."
    assert not any(sentence.startswith("Zendan traders") for sentence in found)


def test_sentence_offsets_stay_those_of_the_input(nlp):
    text = "Ruritania Expels Zendan Envoy\nRuritania expelled the Zendan ambassador on Monday."
    doc = nlp(text)
    assert doc.text == text
    second = list(doc.sents)[1]
    assert text[second.start_char : second.end_char] == second.text


def test_a_question_line_does_not_make_the_next_line_hypothetical(nlp, coder):
    text = "Will the border reopen\nRuritanian troops shelled Zenda on Monday."
    shelled = [event for event in code(nlp, coder, text) if event.trigger.text == "shelled"]
    assert [event.status for event in shelled] == ["asserted"]


def test_a_section_heading_tells_no_act_but_the_paragraph_below_does(nlp, coder):
    text = "Talks with Zenda\nRuritania expelled the Zendan ambassador on Monday."
    triggers = [event.trigger.text for event in code(nlp, coder, text)]
    assert "Talks" not in triggers
    assert "expelled" in triggers


@pytest.mark.parametrize("mark", ["FILE -", "Photo:", "Pictured:"])
def test_a_photo_caption_tells_no_act_but_the_story_does(nlp, coder, mark):
    text = (
        "Ruritania expelled the Zendan ambassador on Monday.\n"
        f"{mark} Ruritanian police detained a Zendan protester in the capital on May 24, 2017.\n"
        "Zenda protested against the expulsion."
    )
    triggers = [event.trigger.text for event in code(nlp, coder, text)]
    assert "detained" not in triggers
    assert {"expelled", "protested"} <= set(triggers)
