"""The `eventwire` command: thin wrappers over the Python API."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date

import click

from eventwire.ingest import CsvColumns, IngestError, parse_date, read_paths, read_stream
from eventwire.model import Document

EVALUATIONS = {
    "events": "eventwire.evaluate.events",
    "actors": "eventwire.evaluate.actors",
    "places": "eventwire.evaluate.places",
    "times": "eventwire.evaluate.times",
    "casualties": "eventwire.evaluate.casualties",
}


def _date_option(value: str | None) -> date | None:
    try:
        return parse_date(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


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


def columns_from(text_col: str | None, id_col: str | None, date_col: str | None) -> CsvColumns:
    columns = CsvColumns()
    columns.text = text_col or columns.text
    columns.id = id_col or columns.id
    columns.published_at = date_col or columns.published_at
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
def extract(
    paths: tuple[str, ...], published_at: str | None, pretty: bool, quiet: bool, text_col, id_col, date_col
) -> None:
    """Extract events: JSONL documents (or files, folders, '-') in, one JSON line per document out."""
    from eventwire.pipeline import Pipeline

    default_date = _date_option(published_at)
    columns = columns_from(text_col, id_col, date_col)
    items = read_paths(paths, default_date, columns) if paths else read_stream(sys.stdin, default_date, columns=columns)
    reporter = ErrorReporter()
    pipeline = Pipeline()
    for result in progress(pipeline.process(reporter(items)), quiet):
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2 if pretty else None))
    if reporter.failed:
        click.secho(f"{reporter.failed} document(s) could not be read (see errors above)", fg="red", err=True)
        sys.exit(1)


def _add_evaluations() -> None:
    @main.group()
    def evaluate() -> None:
        """Score extraction against gold data and print the tables."""

    for name, module in EVALUATIONS.items():
        try:
            command = importlib.import_module(module).command
        except (ImportError, AttributeError):
            continue
        evaluate.add_command(command, name)


_add_evaluations()
