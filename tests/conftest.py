"""Shared fixtures: the pipeline is loaded once per test session."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def pipeline():
    """The pipeline with every candidate the rules code kept: the learned keep/drop decision
    (extract/confidence) is tested on its own in test_confidence.py."""
    from eventwire.pipeline import Pipeline

    return Pipeline(config={"event_confidence": {"decide": False}})


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def coder():
    from eventwire.extract.events import EventCoder

    return EventCoder()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is absent")
    return SHARED


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: drives a real Chromium (scripts/install_browser.sh installs it)")
