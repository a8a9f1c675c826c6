"""`eventwire serve` and `eventwire sitrep`: thin wrappers over eventwire.web (FastAPI loaded on call)."""

from __future__ import annotations

import sys

import click

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@click.option("--db", default=None, help="DuckDB file [default: $EVENTWIRE_DB, else ./eventwire.duckdb].")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback: only this machine).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", default=None, help="Token for write endpoints [default: $EVENTWIRE_TOKEN, else DB.token].")
@click.option("--watch", "watch", type=click.Path(file_okay=False), help="Folder whose new files are ingested.")
@click.option("--watch-interval", default=5.0, show_default=True, type=click.FloatRange(0.5), help="Seconds.")
def serve(db: str | None, host: str, port: int, token: str | None, watch: str | None, watch_interval: float) -> None:
    """Serve the analyst's page and the JSON API; POST /api/documents (or --watch DIR) ingests while serving."""
    import uvicorn

    from eventwire.store import default_db_path, open_store
    from eventwire.web.app import create_app
    from eventwire.web.security import TOKEN_HEADER, resolve_token

    path = db or default_db_path()
    try:
        store = open_store(path)
    except OSError as exc:  # another process holds the write lock
        raise click.ClickException(
            f"{exc}\nstop the other writer (ingest, serve) first: the server owns the store"
        ) from None
    secret, generated = resolve_token(token, path)
    if generated:
        click.echo(f"write token (new, kept in {path}.token): {secret}", err=True)
    hosts = [host, *LOOPBACK, f"{host}:{port}", *(f"{name}:{port}" for name in LOOPBACK)] if host in LOOPBACK else None
    app = create_app(store, secret, allowed_hosts=hosts)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventwire: serving {path} at http://{shown}:{port}/  (writes need header {TOKEN_HEADER})", err=True)
    if host not in LOOPBACK:
        click.secho(f"warning: bound to {host}: other machines can read the events", fg="yellow", err=True)
    watcher = None
    if watch:
        from eventwire.web.watch import FolderWatcher

        def ingest(paths) -> None:
            summary = app.state.ingest_paths(paths)
            click.echo(f"eventwire watch: {len(paths)} file(s): {summary['new']} new documents, "
                       f"{summary['events']} events, {summary['failed']} failed", err=True)  # fmt: skip
            for error in summary["errors"]:
                click.secho(f"error: {error['where']}: {error['reason']}", fg="red", err=True)

        watcher = FolderWatcher(watch, ingest, watch_interval).start()
        click.echo(f"eventwire: watching {watch} every {watch_interval:g} s", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        if watcher:
            watcher.stop()
        store.close()


@click.command()
@click.option("--db", default=None, help="DuckDB file [default: $EVENTWIRE_DB, else ./eventwire.duckdb].")
@click.option("--country", required=True, help="ISO3 code of the event locations, e.g. UKR.")
@click.option("--since", default=None, help="First day (YYYY-MM-DD).")
@click.option("--until", default=None, help="Last day (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write [default: standard output].")
def sitrep(db, country, since, until, fmt, output) -> None:
    """Situation report: a country's events over a period, by type and place, each line citing its sentence."""
    from eventwire.ingest import parse_date
    from eventwire.store import open_store
    from eventwire.web import sitrep as report_module

    if len(country) != 3 or not country.isalpha():
        raise click.BadParameter("an ISO3 code such as UKR", param_hint="--country")
    try:
        params = report_module.SitrepParams(country.upper(), parse_date(since), parse_date(until))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since/--until") from None
    try:
        store = open_store(db, read_only=True)
    except OSError as exc:
        raise click.ClickException(str(exc)) from None
    with store:
        report = report_module.build(store._execute, params)
    text = report_module.to_html(report) if fmt == "html" else report_module.to_markdown(report)
    if output and output != "-":
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
        click.echo(f"wrote {report['events']} events to {output}", err=True)
    else:
        sys.stdout.write(text)
