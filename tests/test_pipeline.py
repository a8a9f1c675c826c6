"""The pipeline core: the order check, components and exporters from outside the package, timings."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import textwrap

import pytest
from store_samples import sample_results

from eventwire.context import DocContext
from eventwire.export import export_events, format_names
from eventwire.ingest import make_document
from eventwire.pipeline import DEFAULT_COMPONENTS, Pipeline, PipelineError
from eventwire.registry import component, registered
from eventwire.store import open_store

TEXT = "Russian forces shelled Kharkiv on Monday, killing three civilians, Ukrainian officials said."


@component("test_event_census", requires=["result.events"])
class EventCensus:
    """A component from outside the package: notes how many events it saw per document."""

    def __init__(self) -> None:
        self.seen: list[int] = []

    def __call__(self, ctx: DocContext) -> None:
        self.seen.append(len(ctx.result.events))


@pytest.fixture(scope="module")
def small():
    """actors + events only: enough to code an event, cheap to build."""
    return lambda: Pipeline(components=["actors", "events"])


def test_default_order_is_the_registered_built_ins(pipeline):
    assert pipeline.component_names == DEFAULT_COMPONENTS
    assert set(DEFAULT_COMPONENTS) <= set(registered())


def test_events_before_actors_is_refused_when_built():
    with pytest.raises(PipelineError) as missing:
        Pipeline(components=["events"])
    assert str(missing.value) == "events requires actor_by_token, assigned by actors; add it before events"
    with pytest.raises(PipelineError) as wrong_order:
        Pipeline(components=["events", "actors"])
    assert str(wrong_order.value) == (
        "events requires actor_by_token, assigned by actors, which runs after it; move actors before events"
    )
    with pytest.raises(PipelineError, match="places requires metonymy, assigned by actors"):
        Pipeline(components=["places", "actors"])


def test_unknown_component_names_the_known_ones():
    with pytest.raises(KeyError, match="unknown component 'nonesuch'; known: .*actors"):
        Pipeline(components=["actors", "nonesuch"])


def test_a_component_missing_its_requirement_fails_at_add(small):
    pipeline = small()

    def locate(ctx: DocContext) -> None: ...

    with pytest.raises(PipelineError) as missing:
        pipeline.add(locate, name="test_locate", requires=["place_mentions"])
    assert str(missing.value) == "test_locate requires place_mentions, assigned by places; add it before test_locate"
    with pytest.raises(PipelineError, match="test_event_census requires result.events, assigned by events, which"):
        pipeline.add(EventCensus(), before="events")
    assert pipeline.component_names == ["actors", "events"]  # a refused add leaves the pipeline as it was


def test_an_unknown_field_is_refused_when_declared():
    with pytest.raises(ValueError, match="'test_typo' declares unknown field\\(s\\) actor_by_tokens"):
        component("test_typo", requires=["actor_by_tokens"])(EventCensus)


def test_pipeline_add_runs_an_outside_component_in_place(small):
    pipeline = small()
    census = pipeline.add(EventCensus(), after="events")
    assert pipeline.component_names == ["actors", "events", "test_event_census"]
    result = next(pipeline.process([make_document(TEXT, published_at="2024-05-13")]))
    assert census.seen == [len(result.events)] and result.events
    by_name = pipeline.add("test_event_census", name="second_census", before="test_event_census")
    assert isinstance(by_name, EventCensus) and by_name is not census
    assert pipeline.component_names == ["actors", "events", "second_census", "test_event_census"]


def test_remove_and_replace_keep_the_order_checked(small):
    pipeline = small()
    with pytest.raises(PipelineError, match="events requires actor_by_token"):
        pipeline.remove("actors")
    census = pipeline.replace("events", EventCensus(), requires=["result.actors"])
    pipeline.process([make_document(TEXT)]).__next__()
    assert pipeline.component_names == ["actors", "events"] and census.seen == [0]
    pipeline.remove("events")
    assert pipeline.component_names == ["actors"]


def test_a_failing_component_leaves_a_warning_and_the_rest_runs(small):
    pipeline = small()

    def broken(ctx: DocContext) -> None:
        raise RuntimeError("boom")

    pipeline.add(broken, name="test_broken", after="actors")
    result = next(pipeline.process([make_document(TEXT, published_at="2024-05-13")]))
    assert "test_broken failed on this document: RuntimeError: boom" in result.warnings
    assert result.events


def test_timings_accumulate_per_component(small):
    pipeline = small()
    documents = [make_document(TEXT, published_at="2024-05-13"), make_document(TEXT + " Talks resumed.")]
    list(pipeline.process(documents[:1]))
    first = dict(pipeline.timings)
    list(pipeline.process(documents[1:]))
    assert set(first) == {"parse", "actors", "events"} and all(seconds > 0 for seconds in first.values())
    assert all(pipeline.timings[name] > first[name] for name in first)
    ctx = pipeline.run_context(documents[0], pipeline.nlp(TEXT))
    assert ctx.actor_by_token and ctx.result.events  # the hand-overs, for an evaluation that needs them
    with pytest.raises(PipelineError, match="'parse' names the spaCy parse"):
        pipeline.add(EventCensus(), name="parse")


PLUGIN = '''
from eventwire.registry import component


class Tagger:
    """Declared by entry point only: no decorator."""

    def __init__(self, tag: str = "plugin") -> None:
        self.tag = tag

    def __call__(self, ctx) -> None:
        ctx.warn(f"{self.tag}: {len(ctx.result.events)} events")


@component("ew_plugin_strict", requires=["place_mentions"])
class Strict:
    def __call__(self, ctx) -> None: ...


def write_ids(store, filters, out) -> int:
    rows = list(store.iter_events(filters))
    out.write("".join(f"{row['event_id']}\\n" for row in rows).encode())
    return len(rows)
'''

ENTRY_POINTS = """
[eventwire.components]
ew_plugin_tagger = ew_plugin:Tagger
ew_plugin_strict = ew_plugin:Strict

[eventwire.exporters]
ids = ew_plugin:write_ids
"""


@pytest.fixture
def installed_plugin(tmp_path, monkeypatch):
    """A package installed beside eventwire: a module and its dist-info declaring entry points."""
    (tmp_path / "ew_plugin.py").write_text(textwrap.dedent(PLUGIN))
    info = tmp_path / "ew_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: ew-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(ENTRY_POINTS)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    sys.modules.pop("ew_plugin", None)


def test_entry_point_component_runs_by_name(installed_plugin):
    pipeline = Pipeline(
        components=["actors", "events", "ew_plugin_tagger"], config={"ew_plugin_tagger": {"tag": "seen"}}
    )
    result = next(pipeline.process([make_document(TEXT, published_at="2024-05-13")]))
    assert f"seen: {len(result.events)} events" in result.warnings and result.events


def test_entry_point_component_keeps_its_declared_requirements(installed_plugin):
    with pytest.raises(PipelineError, match="ew_plugin_strict requires place_mentions, assigned by places"):
        Pipeline(components=["actors", "ew_plugin_strict"])


def test_entry_point_exporter_is_a_format(installed_plugin, tmp_path):
    assert format_names()[-1] == "ids" and "jsonl" in format_names()
    with open_store(":memory:") as store:
        store.save(sample_results())
        written = export_events(store, "ids", path=tmp_path / "ids.txt")
    ids = (tmp_path / "ids.txt").read_text().split()
    assert written == len(ids) and sorted(ids) == sorted(e.id for _, result in sample_results() for e in result.events)


def test_extractors_do_not_import_the_pipeline():
    """The pipeline imports the extractors, never the other way round (no hidden cycle)."""
    code = (
        "import sys, eventwire.extract.actors, eventwire.extract.places, eventwire.extract.times, "
        "eventwire.extract.quantities, eventwire.extract.events; print('eventwire.pipeline' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_extract_command_adds_an_installed_component(installed_plugin):
    from click.testing import CliRunner

    from eventwire.cli import main

    record = json.dumps({"id": "k", "text": TEXT, "published_at": "2024-05-13"})
    run = CliRunner().invoke(main, ["extract", "-q", "--component", "ew_plugin_tagger", "--timings"], input=record)
    assert run.exit_code == 0, run.output
    result = json.loads(run.stdout.splitlines()[0])
    assert f"plugin: {len(result['events'])} events" in result["warnings"] and result["events"]
    assert "ew_plugin_tagger" in run.stderr and "event_counts" in run.stderr and "total / parse" in run.stderr
    refused = CliRunner().invoke(main, ["extract", "--component", "nonesuch"], input=record)
    assert refused.exit_code == 2 and "unknown component 'nonesuch'" in refused.output


def test_building_defers_cycle_collection_and_restores_the_thresholds():
    """Start-up builds its tables with the cycle collector held back (about 0.6 CPU s less); afterwards, or when
    a component fails to build, the process's own thresholds are back."""
    from eventwire import pipeline as pipeline_module

    seen: list[tuple[int, int, int]] = []

    @component("test_threshold_probe")
    class ThresholdProbe:
        def __init__(self, fail: bool = False) -> None:
            seen.append(gc.get_threshold())
            if fail:
                raise RuntimeError("cannot build")

        def __call__(self, ctx: DocContext) -> None:
            pass

    before = gc.get_threshold()
    try:
        gc.set_threshold(500, 7, 9)
        Pipeline(components=["test_threshold_probe"])
        assert seen[-1][0] >= pipeline_module.BUILD_COLLECTION_THRESHOLD and seen[-1][1:] == (7, 9)
        assert gc.get_threshold() == (500, 7, 9)
        with pytest.raises(RuntimeError, match="cannot build"):
            Pipeline(components=["test_threshold_probe"], config={"test_threshold_probe": {"fail": True}})
        assert gc.get_threshold() == (500, 7, 9)
    finally:
        gc.set_threshold(*before)


@pytest.mark.parametrize("invisible", ["\ufeff", "\u200b"])
def test_a_character_with_no_width_changes_no_event_and_stays_in_the_evidence(pipeline, invisible):
    plain = "The protests paralysed the city. Police arrested five protesters in Lagos on Monday."
    marked = invisible + plain.replace("Police arrested", "Police" + invisible + " arrested")
    [first, second] = [pipeline.extract(text, published_at="2025-06-01")["events"] for text in (plain, marked)]
    assert [e["type"] for e in first] == [e["type"] for e in second] == ["PROTEST", "COERCE"]
    for event in second:
        trigger = event["trigger"]
        assert marked[trigger["start"] : trigger["end"]] == trigger["text"]
    assert invisible in second[1]["evidence"]["sentence"]
