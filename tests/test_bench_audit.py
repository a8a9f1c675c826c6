"""bench/audit.py: the blinded judge input and the per-version audit figures, on invented outputs."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from audit import judge_input, tally  # noqa: E402


def event(start: int, category: str = "ASSAULT", confidence: float = 0.9) -> dict:
    return {
        "type": category,
        "mode": None,
        "status": "asserted",
        "trigger": {"text": "attacked", "start": start, "end": start + 8},
        "actor": None,
        "recipient": None,
        "location": None,
        "date": None,
        "confidence": confidence,
    }


SAMPLE = [{"id": "d1", "text": "Rebels attacked the town and attacked it again."}]
ACTS = [
    {"doc_id": "d1", "act": "the first attack", "type": "ASSAULT"},
    {"doc_id": "d1", "act": "a second one", "type": "ASSAULT"},
]
START = [{"doc_id": "d1", "events": [event(7)]}]
FINAL = [{"doc_id": "d1", "events": [event(7), event(26, confidence=0.3)]}]


def test_an_event_both_versions_output_is_judged_once_and_the_versions_are_not_named():
    blocks, keys = judge_input(SAMPLE, ACTS, {"start": START, "final": FINAL})
    assert keys == {"start": {"d1": ["k1"]}, "final": {"d1": ["k1", "k2"]}}
    assert "start" not in blocks[0] and "final" not in blocks[0]
    assert "[a1]" in blocks[0] and "[a2]" in blocks[0]


def test_a_later_event_telling_an_act_again_is_a_repeat_and_recall_counts_the_versions_own_keys():
    outputs = {"d1": FINAL[0]}
    right = {"real": "right", "type": "right", "actor": "n/a", "recipient": "n/a", "location": "n/a", "date": "n/a"}
    judged = {("d1", "k1"): {**right, "same_act_as": []}, ("d1", "k2"): {**right, "same_act_as": []}}
    found_by = {("d1", "a1"): {"k1"}, ("d1", "a2"): {"k2"}}
    final = tally({"d1": ["k1", "k2"]}, outputs, judged, found_by, {"d1": 2})
    assert (final.events, final.right, final.found, final.acts) == (2, 2, 2, 2)
    start = tally({"d1": ["k1"]}, {"d1": START[0]}, judged, found_by, {"d1": 2})
    assert (start.right, start.found) == (1, 1)
    judged[("d1", "k2")]["same_act_as"] = ["k1"]
    repeated = tally({"d1": ["k1", "k2"]}, outputs, judged, found_by, {"d1": 2})
    assert repeated.right == 1 and repeated.fields["actor"]["n/a"] == 1
