"""The `eventwire` command: thin wrappers over the Python API."""

from __future__ import annotations

import gc
import importlib
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TypeVar

import click

from eventwire.export import format_names
from eventwire.ingest import CsvColumns, IngestError, parse_date, read_paths, read_stream
from eventwire.model import Document

EVALUATIONS = {
    "events": "eventwire.evaluate.events",
    "actors": "eventwire.evaluate.actors",
    "places": "eventwire.evaluate.places",
    "times": "eventwire.evaluate.times",
    "casualties": "eventwire.evaluate.casualties",
}


def _date_option(value: str | None, option: str | None = None) -> date | None:
    try:
        return parse_date(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


Built = TypeVar("Built")


def held_for_the_process(pipeline: Built) -> Built:
    """The pipeline's tables (about a million objects: the actor knowledge base and its phrase index, the
    lexicons) live as long as this command's process: freeze them out of the cycle collector, which would
    otherwise walk them all again in its next full collections (about 0.15 CPU s of a start-up). Once per
    process: frozen objects are never collected, so a process running many commands (the tests) freezes once."""
    if not gc.get_freeze_count():
        gc.freeze()
    return pipeline


class ErrorReporter:
    """Pass documents on; print each bad one to stderr, naming it and the reason, and count them."""

    def __init__(self) -> None:
        self.failed = 0

    def __call__(self, items: Iterable[Document | IngestError]) -> Iterator[Document]:
        for item in items:
            if isinstance(item, IngestError):
                self.failed += 1
                click.secho(f"error: {item.where}: {item.reason}", fg="red", err=True)
            else:
                yield item


def progress(items: Iterable, quiet: bool, unit: str = "doc") -> Iterable:
    """A progress bar on stderr for long runs, unless --quiet or stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, unit=unit, file=sys.stderr)


def csv_options(func):
    for name, help_text in [
        ("text", "CSV column holding the article text"),
        ("id", "CSV column holding the document id"),
        ("date", "CSV column holding the publication date"),
    ]:
        func = click.option(f"--{name}-col", default=None, help=help_text)(func)
    return func


def actors_kb_option(func):
    return click.option(
        "--actors-kb",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="Extra actor dictionary (YAML, docs/actors.md); repeatable.",
    )(func)


def min_confidence_option(func):
    return click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=0.0,
        show_default=True,
        help="Keep only events of at least this confidence (more precise, fewer events; docs/output.md).",
    )(func)


def pipeline_config(actors_kb: tuple[str, ...], min_confidence: float = 0.0) -> dict:
    config: dict[str, dict] = {}
    if actors_kb:
        config["actors"] = {"extra_files": list(actors_kb)}
    if min_confidence:
        config["event_confidence"] = {"min_confidence": min_confidence}
    return config


def columns_from(text_col: str | None, id_col: str | None, date_col: str | None) -> CsvColumns:
    columns = CsvColumns()
    columns.text = text_col or columns.text
    columns.id = id_col or columns.id
    columns.published_at = date_col or columns.published_at
    # Columns the user named must exist; the defaults are optional.
    columns.required = tuple(name for name in (id_col, date_col) if name)
    return columns


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def main() -> None:
    """Turn news articles into political event data with evidence on every field."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--published-at", help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("--pretty", is_flag=True, help="Indent the JSON (one document per block, not JSONL).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@csv_options
@actors_kb_option
@min_confidence_option
@click.option(
    "--component",
    "added",
    multiple=True,
    help="Run this registered component (e.g. an installed package's) after the built-in ones; repeatable.",
)
@click.option("--timings", is_flag=True, help="Print the seconds each component took to standard error.")
def extract(
    paths: tuple[str, ...],
    published_at: str | None,
    pretty: bool,
    quiet: bool,
    text_col,
    id_col,
    date_col,
    actors_kb,
    min_confidence: float,
    added: tuple[str, ...],
    timings: bool,
) -> None:
    """Extract events: JSONL documents (or files, folders, '-') in, one JSON line per document out."""
    from eventwire.pipeline import Pipeline, PipelineError

    default_date = _date_option(published_at)
    columns = columns_from(text_col, id_col, date_col)
    items = read_paths(paths, default_date, columns) if paths else read_stream(sys.stdin, default_date, columns=columns)
    reporter = ErrorReporter()
    pipeline = held_for_the_process(Pipeline(config=pipeline_config(actors_kb, min_confidence)))
    try:
        for name in added:
            pipeline.add(name)
    except (KeyError, PipelineError) as exc:
        raise click.UsageError(str(exc)) from exc
    for result in progress(pipeline.process(reporter(items)), quiet):
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2 if pretty else None))
    if timings:
        total = sum(pipeline.timings.values())
        for name, seconds in [*pipeline.timings.items(), ("total", total)]:
            click.echo(f"{name:16} {seconds:8.2f} s", err=True)
        if pipeline.timings.get("parse"):
            click.echo(f"total / parse    {total / pipeline.timings['parse']:8.2f}", err=True)
    if reporter.failed:
        click.secho(f"{reporter.failed} document(s) could not be read (see errors above)", fg="red", err=True)
        sys.exit(1)


# -- store: ingest, events, export (thin wrappers over eventwire.store / eventwire.export) ----------


DB_HELP = "DuckDB file [default: $EVENTWIRE_DB, else ./eventwire.duckdb]."


def db_option(func):
    return click.option("--db", default=None, help=DB_HELP)(func)


def wait_option(func):
    from eventwire.store import DEFAULT_WAIT

    return click.option(
        "--wait",
        default=DEFAULT_WAIT,
        show_default=True,
        type=click.FloatRange(0),
        help="Seconds to wait while another process holds the database, then give up.",
    )(func)


def event_filter_options(func):
    options = [
        click.option("--type", "types", multiple=True, help="PLOVER type, e.g. ASSAULT (repeat or comma-separate)."),
        click.option("--actor", help="Actor or recipient: name (substring) or country code (ISO3)."),
        click.option("--country", help="ISO3 country of the event location."),
        click.option("--since", help="Events dated on or after YYYY-MM-DD."),
        click.option("--until", help="Events dated on or before YYYY-MM-DD."),
        click.option("--near", help="'lat,lon,km': events located within km of the point."),
        click.option("--text", help="Substring of the evidence sentence."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def filters_from(types, actor, country, since, until, near, text, limit):
    from eventwire.store import EventFilters, Near

    try:
        circle = Near.parse(near) if near else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--near") from None
    kinds = tuple(kind.strip() for value in types for kind in value.split(",") if kind.strip())
    return EventFilters(
        types=kinds,
        actor=actor,
        country=country,
        since=_date_option(since, "--since"),
        until=_date_option(until, "--until"),
        near=circle,
        text=text,
        limit=limit,
    )


def say_waiting(message: str) -> None:
    click.secho(f"note: {message}", fg="yellow", err=True)


def open_store_or_fail(db: str | None, read_only: bool = False, wait: float = 0.0):
    from eventwire.store import open_store

    try:
        return open_store(db, read_only=read_only, wait=wait, on_wait=say_waiting)
    except OSError as exc:  # missing, damaged, unwritable, or locked by another process for too long
        raise click.ClickException(str(exc)) from None


@contextmanager
def reading_store(db: str | None, wait: float):
    """The store opened read-only; a database that fails while being read is reported, not a traceback."""
    import duckdb

    store = open_store_or_fail(db, read_only=True, wait=wait)
    try:
        with store:
            yield store
    except duckdb.Error as exc:
        where = getattr(store, "path", db)
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise click.ClickException(f"cannot read {where}: {first_line} (run `eventwire check`)") from None


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@db_option
@wait_option
@click.option("--published-at", help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1), help="Documents per transaction.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@csv_options
@actors_kb_option
@min_confidence_option
def ingest(
    paths, db, wait, published_at, batch_size, quiet, text_col, id_col, date_col, actors_kb, min_confidence
) -> None:
    """Extract events from files, folders or '-' and store them; documents already stored are skipped.

    Exits with 1 when some documents could not be read, extracted or stored (each is named on stderr)."""
    from tqdm import tqdm

    from eventwire.pipeline import Pipeline
    from eventwire.store import ingest_documents

    items = read_paths(paths, _date_option(published_at, "--published-at"), columns_from(text_col, id_col, date_col))
    # Opened (and checked writable) before any model loads; held only while a batch is checked and saved.
    store = open_store_or_fail(db, wait=wait)
    bar = tqdm(unit="doc", file=sys.stderr, disable=quiet or not sys.stderr.isatty())

    def on_error(where: str, reason: str) -> None:
        with bar.external_write_mode(file=sys.stderr):
            click.secho(f"error: {where}: {reason}", fg="red", err=True)

    def on_warning(where: str, message: str) -> None:
        with bar.external_write_mode(file=sys.stderr):
            click.secho(f"warning: {where}: {message}", fg="yellow", err=True)

    with store, bar:
        # The pipeline (model, gazetteer) is built only once a new document comes.
        config = pipeline_config(actors_kb, min_confidence)

        def build_pipeline():
            return held_for_the_process(Pipeline(batch_size=batch_size, config=config))

        summary = ingest_documents(store, items, build_pipeline, batch_size, on_error, bar.update, on_warning)
        path = getattr(store, "path", "")
    click.echo(f"{summary} ({path})")
    if summary.failed or summary.stopped:
        sys.exit(1)  # like `extract`: the good documents are stored, but say that some were not


@main.command()
@db_option
@wait_option
@event_filter_options
@click.option("--limit", default=50, show_default=True, type=click.IntRange(0), help="Most events to show.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event per line instead of a table.")
def events(db, wait, types, actor, country, since, until, near, text, limit, as_json) -> None:
    """Show stored events, filtered, as a table."""
    from dataclasses import replace

    from rich.console import Console

    from eventwire.export.table import events_table

    filters = filters_from(types, actor, country, since, until, near, text, limit)
    with reading_store(db, wait) as store:
        rows = store.query_events(filters)
        total = store.count_events(replace(filters, limit=None))
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    else:
        # Piped output gets a wide table rather than rich's 80-column default.
        console = Console() if sys.stdout.isatty() else Console(width=160)
        console.print(events_table(rows, total))


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(format_names()), required=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write [default: standard output].")
@db_option
@wait_option
@event_filter_options
@click.option("--limit", type=click.IntRange(0), help="Most records (documents for jsonl, events otherwise).")
def export(fmt, output, db, wait, types, actor, country, since, until, near, text, limit) -> None:
    """Export stored events: jsonl (extract output per document), csv/parquet (event rows), geojson."""
    from eventwire.export import export_events

    if fmt == "parquet" and output in (None, "-") and sys.stdout.isatty():
        raise click.UsageError("parquet is binary: write it to a file with -o FILE")
    filters = filters_from(types, actor, country, since, until, near, text, limit)
    if output not in (None, "-") and not Path(output).absolute().parent.is_dir():
        raise click.BadParameter(f"no folder {Path(output).absolute().parent}", param_hint="-o/--output")
    with reading_store(db, wait) as store:
        try:
            written = export_events(store, fmt, filters, output)
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
    unit = "documents" if fmt == "jsonl" else "events"
    click.echo(f"wrote {written} {unit}" + (f" to {output}" if output not in (None, "-") else ""), err=True)


@main.command()
@db_option
@wait_option
def check(db, wait) -> None:
    """Verify a store: it opens, its tables and keys agree, every evidence span matches its text.

    Prints one line per check; exits with 1 when any fails."""
    from eventwire.store.check import check_store

    with reading_store(db, wait) as store:
        findings = check_store(store)
        click.echo(f"{store.path}")
    for finding in findings:
        click.secho(str(finding), fg=None if finding.ok else "red")
    if not all(finding.ok for finding in findings):
        sys.exit(1)


class LazyGroup(click.Group):
    """Subcommands imported when called, so `eventwire events` does not load spaCy."""

    def __init__(self, *args, modules: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.modules = modules

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.modules)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = self.modules.get(name)
        return importlib.import_module(module).command if module else None


@main.group(cls=LazyGroup, modules=EVALUATIONS)
def evaluate() -> None:
    """Score extraction against gold data and print the tables."""


# `serve` and `sitrep` live in eventwire/web (FastAPI and uvicorn are imported only when they run).
from eventwire.web.cli import serve, sitrep  # noqa: E402

main.add_command(serve)
main.add_command(sitrep)
