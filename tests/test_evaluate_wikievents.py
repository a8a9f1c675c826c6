"""The WikiEvents reader and its sentence-level scoring, on a document written for the test."""

import json
from collections import Counter
from datetime import date

from eventwire.evaluate.gold import read_wikievents
from eventwire.evaluate.wikievents import SCORED, category_of, score_document

HEADLINE = "Bomb hits market in Dorvale"
BODY = ["Gov. Ana Ruiz met the mayor on Monday.", "Police arrested two men after the blast killed four."]


def write_folder(tmp_path, doc_id="12_VOA_EN_NW_2016.03.04.999"):
    raw = HEADLINE + BODY[0] + " " + BODY[1]  # the source glues the headline to the first line
    record = {
        "doc_id": doc_id,
        "text": raw,
        "sentences": [[[], HEADLINE], [[], "Gov."], [[], "Ana Ruiz met the mayor on Monday."], [[], BODY[1]]],
        "event_mentions": [
            {"event_type": "Conflict.Attack.DetonateExplode.Unspecified", "trigger": {"sent_idx": 0}},
            {"event_type": "Contact.Contact.Meet", "trigger": {"sent_idx": 2}},
            {"event_type": "Justice.ArrestJailDetain.Unspecified", "trigger": {"sent_idx": 3}},
            {"event_type": "Life.Die.Unspecified", "trigger": {"sent_idx": 3}},
        ],
    }
    (tmp_path / "dev.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "test.jsonl").write_text("", encoding="utf-8")
    return tmp_path


def test_reader_parts_glued_sentences_and_keeps_an_abbreviation_joined(tmp_path):
    (doc,) = read_wikievents(write_folder(tmp_path))
    text = doc.document.text
    assert text.startswith(HEADLINE + "\nGov. Ana Ruiz met")
    assert [text[start : start + 4] for start in doc.sentence_starts] == ["Bomb", "Gov.", "Ana ", "Poli"]
    assert doc.document.published_at == date(2016, 3, 4)
    assert doc.document.id == "wiki-12_VOA_EN_NW_2016.03.04.999"


def test_kairos_types_map_by_their_longest_prefix():
    assert category_of("Conflict.Attack.DetonateExplode.Unspecified") == "ASSAULT"
    assert category_of("Contact.Contact.Meet") == "CONSULT"
    assert category_of("Contact.Contact.Broadcast") is None
    assert category_of("Life.Die.Unspecified") is None


def event(text, word, category, mentions=()):
    start = text.index(word)
    return {
        "type": category,
        "trigger": {"start": start},
        "mentions": [{"trigger": {"start": text.index(m)}} for m in mentions],
    }


def test_scoring_counts_sentences_per_category_and_spares_what_gold_cannot_contradict(tmp_path):
    (doc,) = read_wikievents(write_folder(tmp_path))
    text = doc.document.text
    result = {
        "events": [
            event(text, "Bomb", "ASSAULT", mentions=["blast"]),  # the headline right; the blast: a death there
            event(text, "met", "AGREE"),  # not a scored category
            event(text, "Monday", "ACCUSE"),  # nothing of the kind in that sentence
        ]
    }
    counts = {category: Counter() for category in SCORED}
    score_document(counts, doc, result)
    assert counts["ASSAULT"] == Counter(tp=1)
    assert counts["CONSULT"] == Counter(fn=1)
    assert counts["COERCE"] == Counter(fn=1)
    assert counts["ACCUSE"] == Counter(fp=1)
