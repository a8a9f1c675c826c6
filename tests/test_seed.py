"""The seed report (../shared/seed) scored by the project's own checker; skipped without ../shared."""

import importlib.util
import json

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed(shared_dir, pipeline):
    spec = importlib.util.spec_from_file_location("check_seed", shared_dir / "tools" / "check_seed.py")
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    record = json.loads((shared_dir / "seed" / "macron-putin-call.jsonl").read_text(encoding="utf-8").splitlines()[0])
    expected = json.loads((shared_dir / "seed" / "expected.json").read_text(encoding="utf-8"))
    out = pipeline.extract(record["text"], published_at=record["published_at"], doc_id=record["id"])
    return checker, record["text"], expected, out


def fields_right(seed, key: str) -> set[str]:
    checker, text, expected, out = seed
    (want,) = [e for e in expected["events"] if e["key"] == key]
    return max((checker.check(ev, want, text) for ev in out["events"]), key=len, default=set())


@pytest.mark.parametrize("key", ["call", "izhevsk-strike"])
def test_foundation_events_fully_right(seed, key):
    assert fields_right(seed, key) == set(seed[0].FIELDS)


def test_kremlin_is_never_a_location(seed):
    _, _, _, out = seed
    assert not [p for p in out["places"] if p["text"] == "Kremlin" and p["role"] == "location"]
    assert not [e for e in out["events"] if (e["location"] or {}).get("name") in {"Paris", "Kremlin"}]
