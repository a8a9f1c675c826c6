"""The event coder as a line of passes, and the parse helpers it shares with counts and times.

Sentences are invented for these tests; parties are injected as the actor resolver would give them.
"""

from __future__ import annotations

import pytest
from test_events import code

from eventwire.extract.attribution import according_to, subject_of, teller_above, teller_phrase
from eventwire.extract.events import PASSES, EventCoder
from eventwire.extract.events.candidate import Sentence
from eventwire.extract.events.decide import decide_type_and_mode
from eventwire.nlp.modals import modal_words
from eventwire.nlp.tree import governing_verb, verb_above


def recorder(seen: list[tuple[str, str | None, str | None, str | None]]):
    def record(sentence: Sentence) -> None:
        for candidate in sentence.candidates:
            dropped = "told in passing" if candidate.background and not candidate.dropped else candidate.dropped
            seen.append((candidate.trigger.token.text, candidate.type, candidate.status, dropped))

    return record


def test_a_pass_slotted_in_after_the_decision_sees_every_candidate_with_its_type_and_status(nlp):
    seen: list = []
    passes = list(PASSES)
    passes.insert(passes.index(decide_type_and_mode) + 1, recorder(seen))
    coder = EventCoder(passes=passes)
    events = code(nlp, coder, "Ruritania called for a ceasefire with Zenda.")
    assert [(e.type, e.trigger.text) for e in events] == [("REQUEST", "called")]
    by_word = {word: (category, status, dropped) for word, category, status, dropped in seen}
    assert by_word["called"] == ("REQUEST", "asserted", None)
    # the content of the request is a candidate too, dropped as content: no pass decided it
    assert by_word["ceasefire"] == (None, None, "content")


def test_a_replaced_decision_is_read_by_the_passes_after_it(nlp):
    def everything_is_a_protest(sentence: Sentence) -> None:
        for candidate in sentence.live():
            candidate.type, candidate.mode = "PROTEST", None

    passes = [everything_is_a_protest if step is decide_type_and_mode else step for step in PASSES]
    events = code(nlp, EventCoder(passes=passes), "Ruritanian forces attacked Zenda on Monday.")
    assert [(e.type, e.trigger.text) for e in events] == [("PROTEST", "attacked")]
    assert events[0].acled["disorder_type"] == "Demonstrations"  # the mapping pass follows the new category
    assert (events[0].actor.country, events[0].recipient.country) == ("RUR", "ZEN")


def test_dropped_candidates_say_why(nlp):
    seen: list = []
    coder = EventCoder(passes=[*PASSES[:-1], recorder(seen), PASSES[-1]])
    code(nlp, coder, "The town where 28 were killed was quiet. Ruritania and Zenda held talks.")
    reasons = {word: dropped for word, _category, _status, dropped in seen}
    assert reasons["killed"] == "told in passing"  # kept for the confidence model to weigh
    assert reasons["talks"] is None


def test_verb_above_and_its_variants(nlp):
    doc = nlp("Officials said the attack in the city killed five people.")
    city, killed, said = doc[6], doc[7], doc[1]
    assert verb_above(city) == killed
    assert verb_above(killed) == said  # above the token itself
    assert verb_above(killed, include_self=True) == killed
    assert verb_above(city, steps=1).text == "in"  # the walk stops after one head
    assert governing_verb(city, steps=1) is None
    assert governing_verb(said) is None  # the root has nothing above it
    assert governing_verb(said, include_self=True) == said


def test_modal_groups_are_read_from_one_file_and_unknown_names_fail():
    assert modal_words("will", "future") == {"will", "shall", "'ll", "wo"}
    assert "ought" in modal_words("modal", "could", "ought") and "can" not in modal_words("modal", "could", "ought")
    assert modal_words("modal", "could", "can", "will") == {
        "would", "could", "might", "may", "should", "must", "can", "will",
    }  # fmt: skip
    with pytest.raises(KeyError, match="unknown modal group"):
        modal_words("futur")


def test_one_attribution_finder_with_named_variants(nlp):
    doc = nlp("According to a spokesman for the ministry, five people were killed.")
    head = according_to(doc[:], by_lemma=True)
    assert head is not None and head.text == "spokesman"
    assert according_to(doc[:], by_lemma=False) == head
    assert teller_phrase(head, trimmed=True).text == "a spokesman"
    assert teller_phrase(head, trimmed=False).text == "a spokesman for the ministry"

    doc = nlp("The ministry said police reported that five people were killed.")
    killed = next(t for t in doc if t.text == "killed")

    def speaker(verb):
        return subject_of(verb) if verb.lemma_ in ("say", "report") else None

    assert teller_above(killed, speaker).text == "police"
    assert teller_above(killed, speaker, outermost=True).text == "ministry"


def parties(event):
    return (event.actor and event.actor.country, event.recipient and event.recipient.country)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania held talks with Zenda on Monday. Both leaders signed a trade agreement.",
        "The Ruritanian president met the Zendan president and the two presidents signed a trade agreement.",
    ],
)
def test_a_meeting_tells_who_both_leaders_are_in_the_candidates_after_it(nlp, coder, text):
    events = code(nlp, coder, text)
    assert [(e.type, parties(e)) for e in events] == [("CONSULT", ("RUR", "ZEN")), ("SUPPORT", ("RUR", "ZEN"))]


def test_a_refused_meeting_is_a_rejection_and_tells_no_pair(nlp, coder):
    events = code(nlp, coder, "Ruritania will not meet Zenda on Monday. Both leaders signed a trade agreement.")
    assert [(e.type, e.status, parties(e)) for e in events] == [
        ("REJECT", "asserted", ("RUR", "ZEN")),
        ("SUPPORT", "asserted", (None, None)),
    ]


def test_a_definite_noun_repeating_an_earlier_event_is_dropped_as_a_repeat(nlp):
    seen: list = []
    coder = EventCoder(passes=[*PASSES[:-1], recorder(seen), PASSES[-1]])
    events = code(nlp, coder, "Ruritania held talks with Zenda on Monday. The talks were cordial.")
    assert [e.trigger.text for e in events] == ["talks"]
    assert [dropped for word, _c, _s, dropped in seen if word == "talks"] == [None, "repeat"]
