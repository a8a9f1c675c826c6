"""The `eventwire extract` contract: schema-valid output whose every span points at its text."""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from eventwire.cli import main

SCHEMA = json.loads((Path(__file__).parents[1] / "eventwire" / "schema" / "extract.schema.json").read_text())

# Invented for the tests: no real event is described.
ARTICLE = (
    "Rebel fighters attacked an army base near the town of Kidal in northern Mali on Saturday, "
    "killing five soldiers and wounding 11, the Malian army said.\n"
    "The United Nations condemned the attack and called for an investigation.\n"
    "Mali's government accused Algeria of sheltering the rebels, a charge Algiers rejected on Sunday."
)


def spans_in(value, path="$"):
    """Every (path, dict) in the output that carries a text span."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield path, value
        for key, item in value.items():
            yield from spans_in(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from spans_in(item, f"{path}[{index}]")


def assert_spans_point_at_text(out: dict, text: str) -> None:
    for path, span in spans_in(out):
        piece = text[span["start"] : span["end"]]
        quoted = span.get("text", span.get("sentence"))
        assert quoted is not None, path
        assert piece == quoted, f"{path}: {piece!r} != {quoted!r}"


@pytest.fixture(scope="module")
def extracted(pipeline):
    return pipeline.extract(ARTICLE, published_at="2026-02-16", doc_id="fixture-kidal")


def test_output_is_schema_valid(extracted):
    jsonschema.validate(extracted, SCHEMA)
    assert extracted["doc_id"] == "fixture-kidal"


def test_every_span_points_at_its_text(extracted):
    assert_spans_point_at_text(extracted, ARTICLE)


def test_every_event_has_trigger_and_evidence_sentence(extracted):
    for event in extracted["events"]:
        evidence = event["evidence"]
        assert evidence["start"] <= event["trigger"]["start"] < event["trigger"]["end"] <= evidence["end"]


def test_cli_extract_reads_jsonl_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "good-1", "text": ARTICLE, "published_at": "2026-02-16"}),
        "{broken",
        json.dumps({"id": "good-2", "text": "Protesters marched in Dakar on Friday."}),
    ]
    result = CliRunner().invoke(main, ["extract", "--quiet"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1, result.output  # some input failed, but the rest was extracted
    outputs = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [o["doc_id"] for o in outputs] == ["good-1", "good-2"]
    assert "<stdin>:2" in result.stderr and "malformed JSON" in result.stderr
    assert "1 document(s) could not be read" in result.stderr
    for out in outputs:
        jsonschema.validate(out, SCHEMA)


def test_unknown_publication_date_warns(pipeline):
    out = pipeline.extract("Troops attacked the village of Kidal last week.")
    assert any("published_at unknown" in w for w in out["warnings"])


def test_a_failing_component_warns_and_keeps_the_rest(pipeline):
    def explode(ctx):
        raise RuntimeError("boom")

    index = pipeline.component_names.index("quantities")
    original = pipeline.components[index]
    pipeline.components[index] = explode
    try:
        out = pipeline.extract(ARTICLE, published_at="2026-02-16", doc_id="fixture-kidal")
    finally:
        pipeline.components[index] = original
    assert any(w.startswith("quantities failed on this document: RuntimeError: boom") for w in out["warnings"])
    assert out["events"] and out["places"]  # the other stages still ran


def test_cli_actors_kb_flag_adds_a_user_actor(tmp_path):
    kb = tmp_path / "mine.yaml"
    kb.write_text("organizations:\n  - {id: 'NGO:OWL', sector: NGO, country: CAN, names: [Owl Watch]}\n")
    line = json.dumps({"id": "owl", "text": "Owl Watch accused the army of torture.", "published_at": "2026-01-05"})
    result = CliRunner().invoke(main, ["extract", "--quiet", "--actors-kb", str(kb)], input=line + "\n")
    assert result.exit_code == 0, result.output
    (out,) = [json.loads(row) for row in result.stdout.splitlines() if row.strip()]
    owl = [party for party in out["actors"] if party["text"] == "Owl Watch"]
    assert owl and owl[0]["kb_id"] == "NGO:OWL" and owl[0]["country"] == "CAN"


@pytest.mark.parametrize("name", ["events", "actors", "places", "times", "casualties"])
def test_every_evaluation_command_loads(name):
    result = CliRunner().invoke(main, ["evaluate", name, "--help"])
    assert result.exit_code == 0, result.output
    assert "--gold" in result.output
