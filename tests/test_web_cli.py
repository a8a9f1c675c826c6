"""`eventwire sitrep` and `eventwire serve` as commands (the server itself is tested in test_web_e2e.py)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from web_samples import build_store

from eventwire.cli import main


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "web.duckdb"
    build_store(path).close()
    return str(path)


def test_sitrep_markdown_and_html(db, tmp_path):
    result = CliRunner().invoke(main, ["sitrep", "--db", db, "--country", "cod", "--since", "2025-03-01"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Situation report: COD, 2025-03-01 to now")
    assert "1 events in 1 documents; 5 reported dead, 12 injured" in result.output
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["sitrep", "--db", db, "--country", "AFG", "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;" in page


def test_sitrep_refuses_bad_input(db, tmp_path):
    assert CliRunner().invoke(main, ["sitrep", "--db", db, "--country", "Congo"]).exit_code == 2
    assert CliRunner().invoke(main, ["sitrep", "--db", db, "--country", "COD", "--since", "soon"]).exit_code == 2
    missing = CliRunner().invoke(main, ["sitrep", "--db", str(tmp_path / "none.duckdb"), "--country", "COD"])
    assert missing.exit_code == 1 and "no eventwire database" in missing.output


def test_serve_is_registered():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--watch" in result.output and "127.0.0.1" in result.output
