"""Event coder: triggers, arguments, status, attribution, mappings and the evaluation's scoring.

Sentences are invented for these tests. Parties are injected through ctx.actor_by_token
(the actor resolver's contract) so the coder is tested on its own.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from eventwire.context import DocContext
from eventwire.evaluate.events import EventScores, score_sentence
from eventwire.evaluate.gold import PloverEvent, PloverParty, PloverSentence, read_plover_sentences
from eventwire.extract.events.lexicon import load_lexicon
from eventwire.model import DocResult, Document, Party

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
# Invented parties: word -> country, as the actor resolver would give them.
COUNTRIES = {"Ruritanian": "RUR", "Ruritania": "RUR", "Zenda": "ZEN", "Zendan": "ZEN", "Borduria": "BOR",
             "Syldavia": "SYL", "Bordurian": "BOR", "Syldavian": "SYL"}  # fmt: skip


def kinds(events) -> list[tuple[str, str | None, str]]:
    """(category, mode, trigger word) of each event."""
    return [(event.type, event.mode, event.trigger.text) for event in events]


def code(nlp, coder, text: str, published_at: date | None = date(2025, 6, 1), passing: bool = False):
    """The events the coder tells as news; `passing`: also the acts told only in passing (`Event.background`),
    which the confidence model keeps or drops."""
    doc = nlp(text)
    document = Document(id="t", text=text, published_at=published_at)
    ctx = DocContext(document, doc, DocResult(doc_id="t", published_at=published_at))
    by_token = {}
    for token in doc:
        if token.text in COUNTRIES:
            party = Party(token.text, token.idx, token.idx + len(token.text), country=COUNTRIES[token.text])
            by_token[token.i] = party
            ctx.result.actors.append(party)
    ctx.actor_by_token = by_token
    coder(ctx)
    return [event for event in ctx.result.events if passing or not event.background]


def only(events, category):
    found = [event for event in events if event.type == category]
    assert found, f"no {category} in {[(e.type, e.trigger.text) for e in events]}"
    return found[0]


def test_nominal_strike_takes_actor_from_adjective_and_recipient_from_on(nlp, coder):
    event = only(
        code(nlp, coder, "A Ruritanian drone strike on the Zendan city of Strel killed four people."), "ASSAULT"
    )
    assert (event.actor.country, event.recipient.country, event.mode) == ("RUR", "ZEN", "drone")
    assert event.acled == {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "disorder_type": "Political violence",
    }
    assert event.cameo == "195"
    assert event.trigger.text == "drone strike"


def test_outcome_verbs_beside_an_attack_are_not_separate_events(nlp, coder):
    events = code(nlp, coder, "Ruritania shelled Zenda on Monday, killing twelve civilians.")
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].mode == "heavy-weapons"


def test_coordinated_subjects_meet_as_actor_and_recipient(nlp, coder):
    event = only(code(nlp, coder, "Borduria and Syldavia held a phone conversation on Friday."), "CONSULT")
    assert {event.actor.country, event.recipient.country} == {"BOR", "SYL"}
    assert event.mode == "phone"


def test_frame_content_is_not_a_second_event(nlp, coder):
    events = code(nlp, coder, "Ruritania called for an immediate ceasefire with Zenda.")
    assert [e.type for e in events] == ["REQUEST"]
    assert events[0].mode == "yield"
    events = code(nlp, coder, "Borduria and Syldavia agreed to cooperate on border security.")
    assert [e.type for e in events] == ["AGREE"]


def test_request_recipient_is_the_subject_of_the_requested_clause(nlp, coder):
    event = only(code(nlp, coder, "Borduria renewed its call for Syldavia to release the prisoners."), "REQUEST")
    assert (event.actor.country, event.recipient.country) == ("BOR", "SYL")


def test_passive_agent_is_the_actor(nlp, coder):
    event = only(code(nlp, coder, "The border post was attacked by Ruritanian troops."), "ASSAULT")
    assert event.actor.country == "RUR"


def test_status_cues(nlp, coder):
    assert only(code(nlp, coder, "The meeting did not produce any agreement."), "AGREE").status == "negated"
    assert only(code(nlp, coder, "Ruritania did not sign the treaty."), "REJECT").status == "asserted"
    conditional = code(nlp, coder, "Any agreement reached must include the northern provinces.")
    assert only(conditional, "AGREE").status == "hypothetical"
    assert only(code(nlp, coder, "Ruritania invaded Zenda in March 2019."), "ASSAULT").status == "historical"
    future = code(nlp, coder, "Ruritania proposed closer cooperation with Zenda.")
    assert only(future, "AGREE").status == "future"


def test_intent_turns_cooperation_into_agree_and_force_into_threaten(nlp, coder):
    assert only(code(nlp, coder, "Ruritania will provide food aid to Zenda."), "AGREE").status == "future"
    assert only(code(nlp, coder, "Ruritania vowed to attack Zenda."), "THREATEN")


def test_refusing_party_rejects(nlp, coder):
    events = code(nlp, coder, "Ruritania failed to reach an agreement with Zenda.")
    assert [e.type for e in events] == ["REJECT"]


def test_attribution_from_teller_and_from_own_verbal_actor(nlp, coder):
    told = only(code(nlp, coder, "Local officials said Ruritanian troops attacked the village."), "ASSAULT")
    assert told.attribution.text == "Local officials"
    assert told.status == "asserted"
    own = only(code(nlp, coder, "Borduria condemned the Syldavian blockade."), "ACCUSE")
    assert own.attribution.text == "Borduria"
    hearsay = only(code(nlp, coder, "Ruritania reportedly attacked Zenda."), "ASSAULT")
    assert hearsay.attribution.text == "reportedly" and hearsay.confidence < 0.8


def test_background_events_are_told_in_passing(nlp, coder):
    text = "The crowd left after Ruritanian soldiers arrested two reporters."
    assert code(nlp, coder, text) == []
    told = code(nlp, coder, text, passing=True)
    assert [(e.type, e.trigger.text, e.background) for e in told] == [("COERCE", "arrested", True)]


def test_evidence_is_the_sentence_span(nlp, coder):
    text = "Borduria praised Syldavia. Ruritania shelled Zenda."
    events = code(nlp, coder, text)
    assert [e.type for e in events] == ["SUPPORT", "ASSAULT"]
    for event in events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.sentence
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
    assert events[1].id == "t-e2"


def test_both_leaders_resolve_to_the_last_meeting(nlp, coder):
    text = "Borduria and Syldavia held talks on Monday. Both leaders agreed to coordinate closely."
    event = only(code(nlp, coder, text), "AGREE")
    assert {event.actor.country, event.recipient.country} == {"BOR", "SYL"}


def test_lexicon_categories_are_plover():
    lexicon = load_lexicon()
    assert lexicon.senses
    for senses in lexicon.senses.values():
        for sense in senses:
            assert sense.type in PLOVER
    for category in lexicon.mappings["cameo"]:
        assert category in PLOVER


def test_plover_gsr_reader_maps_old_labels(tmp_path: Path):
    records = [
        {"id": "D", "event": "DOCUMENT"},
        {"id": "a", "event": "DEMAND", "text": "X demanded Y.", "source": [{"actorText": "X", "code": "JAP"}]},
        {"id": "b", "event": "FIGHT", "text": "X demanded Y.", "target": ""},
        {"id": "c", "event": "DISAPPROVE", "text": "Z criticized W.", "mode": ""},
    ]
    (tmp_path / "PLOVER_GSR_CAMEO.txt").write_text(json.dumps(records), encoding="utf-8")
    sentences = read_plover_sentences(tmp_path)
    assert [s.categories for s in sentences] == [{"REQUEST", "ASSAULT"}, {"ACCUSE"}]
    assert sentences[1].events[0].mode == "disapprove"


def test_scoring_counts_sets_and_party_countries():
    gold = PloverSentence("s", "text", [PloverEvent("CONSULT", "phone", [PloverParty("a", "JAP", "GOV")],
                                                    [PloverParty("b", "IGO", None)])])  # fmt: skip
    predicted = {"events": [
        {"type": "CONSULT", "mode": "phone", "actor": {"country": None, "sector": "IGO"},
         "recipient": {"country": "JPN", "sector": "GOV"}},
        {"type": "ASSAULT", "mode": None, "actor": None, "recipient": None},
    ]}  # fmt: skip
    scores = EventScores()
    score_sentence(scores, gold, predicted)
    assert scores.true_pos["CONSULT"] == 1 and scores.false_pos["ASSAULT"] == 1
    assert (scores.actor.right, scores.recipient.right, scores.mode.right) == (1, 1, 1)  # swapped parties count


SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "macron-putin-call.jsonl"


@pytest.mark.shared
@pytest.mark.skipif(not SEED.exists(), reason="../shared is absent")
def test_seed_events_have_types_and_statuses():
    from eventwire.pipeline import Pipeline

    record = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    result = Pipeline(components=["actors", "events"]).extract(record["text"], published_at=record["published_at"])
    by_trigger = {e["trigger"]["text"]: SimpleNamespace(**e) for e in result["events"]}
    events = list(by_trigger.values())
    assert by_trigger["phone conversation"].mode == "phone"
    assert by_trigger["drone strike"].type == "ASSAULT"
    assert by_trigger["proposed"].status == "future"
    assert by_trigger["visit"].status == "historical"
    assert any(e.type == "ACCUSE" and e.attribution and "Kremlin" in e.attribution["text"] for e in events)
    assert "peace deal" not in by_trigger  # "any peace deal must address ...": an accord named, not made
    assert "progress" not in by_trigger  # "has not produced any progress": no accord, made or denied
