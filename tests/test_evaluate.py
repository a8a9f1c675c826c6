"""The evaluation kit: metrics and the runner over Pipeline.process (invented documents)."""

from __future__ import annotations

import pytest

from eventwire.evaluate.metrics import Accuracy, best_overlap, overlaps, prf, prf_counts
from eventwire.model import Document


def test_prf_and_its_count_form_agree():
    assert prf(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert prf_counts(3, 1, 3) == prf(3, 4, 6)
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)


def test_accuracy_prints_right_out_of_total():
    tally = Accuracy()
    for ok in (True, True, False):
        tally.add(ok)
    assert str(tally) == "0.667 (2/3)" and tally.value == pytest.approx(2 / 3)
    assert str(Accuracy()) == "n/a"


def test_best_overlap_takes_the_most_shared_characters_then_the_shorter():
    items = [{"start": 0, "end": 12}, {"start": 6, "end": 12}, {"start": 20, "end": 25}]
    assert best_overlap(items, 6, 12) == {"start": 6, "end": 12}
    assert best_overlap(items, 0, 5) == {"start": 0, "end": 12}
    assert best_overlap(items, 13, 19) is None
    assert overlaps(0, 5, 4, 9) and not overlaps(0, 5, 5, 9)


@pytest.mark.slow
def test_runner_inserts_a_component_between_stages_and_keeps_error_isolation(capsys):
    from eventwire.evaluate.runner import Insert, Runner

    seen = []

    def count_actors(ctx):  # runs after actors, before places
        seen.append((len(ctx.result.actors), len(ctx.result.places)))

    def fail(ctx):
        raise ValueError("broken on purpose")

    probe = Insert("probe", count_actors, "places", requires=("result.actors",))
    runner = Runner(["actors", "places"], insert=[probe, Insert("fail", fail)])
    text = "French President Emmanuel Macron met Vladimir Putin in Moscow."
    (result,) = runner.process([Document(id="d1", text=text)])
    assert seen == [(len(result.actors), 0)] and len(result.actors) >= 2 and result.places
    assert any("fail failed on this document" in w for w in result.warnings)
    assert "error: d1: fail failed on this document" in capsys.readouterr().err
    assert set(runner.seconds_in) == {"actors", "probe", "places", "fail"} and runner.seconds > 0
