"""The HTTP API and the analyst's page, in one FastAPI app that owns the store.

DuckDB admits one writing process per file, so the server opens the store read-write and
takes new documents itself (`POST /api/documents`, or the folder watcher): reads run on a
cursor per thread, saves under a lock, and extraction outside it, so the page stays
responsive during an ingest.
"""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from eventwire.ingest import IngestError, read_paths, read_stream
from eventwire.model import Document
from eventwire.store.base import EventFilters, Near
from eventwire.store.load import Extractor, ingest_documents
from eventwire.store.sql_store import SqlEventStore
from eventwire.web import queries, sitrep
from eventwire.web.security import MAX_BODY_BYTES, TOKEN_HEADER, SecurityHeaders, token_matches

STATIC = Path(__file__).with_name("static")
MAX_PAGE = 1000
Text = Annotated[str | None, Query(max_length=200)]


class LockedStore:
    """The store shared by the server's threads. Writes (`save`) take a lock; reads run on a
    cursor of their own per thread where the database offers one (DuckDB: concurrent readers
    over MVCC snapshots), else under the same lock. `has_document` and `save` are what
    `ingest_documents` needs from an `EventStore`."""

    def __init__(self, store: SqlEventStore) -> None:
        self.store = store
        self.lock = threading.Lock()
        self.local = threading.local()
        connection = getattr(store, "connection", None)
        self.cursors = connection is not None and hasattr(connection, "cursor")

    def run(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        if not self.cursors:
            with self.lock:
                return self.store._execute(sql, params)
        cursor = getattr(self.local, "cursor", None)
        if cursor is None:
            with self.lock:
                cursor = self.local.cursor = self.store.connection.cursor()  # type: ignore[attr-defined]
        return cursor.execute(sql, params).fetchall()

    def has_document(self, content_id: str) -> bool:
        with self.lock:
            return self.store.has_document(content_id)

    def save(self, results: list) -> int:
        with self.lock:
            return self.store.save(results)

    def doc_id_owner(self, doc_id: str) -> str | None:
        owner = getattr(self.store, "doc_id_owner", None)
        if owner is None:
            return None
        with self.lock:
            return owner(doc_id)

    def release(self) -> None:
        """Kept open: the server owns the file for as long as it runs (see docs/store.md)."""


class FastJSON(Response):
    """JSON straight from json.dumps (dates as ISO text): FastAPI's generic encoder is several
    times slower on large pages of events."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=str, allow_nan=False).encode("utf-8")


def bad_parameter(name: str, message: str, value: Any) -> RequestValidationError:
    """A 422 naming the query parameter, in FastAPI's own error shape."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": message, "input": value}])


def _floats(name: str, value: str, count: int) -> list[float]:
    try:
        numbers = [float(part) for part in value.split(",")]
    except ValueError:
        raise bad_parameter(name, f"expected {count} comma-separated numbers", value) from None
    if len(numbers) != count or any(number != number or abs(number) == float("inf") for number in numbers):
        raise bad_parameter(name, f"expected {count} comma-separated finite numbers", value)
    return numbers


def _codes(values: list[str] | None) -> tuple[str, ...]:
    return tuple(part.strip() for value in values or [] for part in value.split(",") if part.strip())


def event_query(
    type: Annotated[list[str] | None, Query(max_length=200, description="PLOVER type(s), comma-separated")] = None,
    acled_type: Annotated[list[str] | None, Query(max_length=200, description="ACLED event type(s)")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="actor or recipient: ISO3 code or name")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 code of the location")] = None,
    dyad: Annotated[str | None, Query(max_length=200, description="ACTOR-RECIPIENT, e.g. RUS-UKR")] = None,
    since: Annotated[date | None, Query(description="events dated on or after")] = None,
    until: Annotated[date | None, Query(description="events dated on or before")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="west,south,east,north in degrees")] = None,
    near: Annotated[str | None, Query(max_length=200, description="lat,lon,km")] = None,
    text: Text = None,
    status: Annotated[list[str] | None, Query(max_length=200, description="asserted, historical, future ...")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> queries.EventQuery:
    """Every event filter of the API, validated: a bad value is a 422 naming its parameter."""
    types = _codes(type)
    if any(not kind.replace("_", "").isalpha() for kind in types):
        raise bad_parameter("type", "PLOVER types are letters, e.g. ASSAULT", type)
    circle = None
    if near:
        lat, lon, km = _floats("near", near, 3)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
            raise bad_parameter("near", "lat in [-90, 90], lon in [-180, 180], km >= 0", near)
        circle = Near(lat, lon, km)
    box = None
    if bbox:
        west, south, east, north = _floats("bbox", bbox, 4)
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise bad_parameter("bbox", "west,south,east,north with -90 <= south <= north <= 90", bbox)
        box = (west, south, east, north)
    pair = None
    if dyad:
        parts = dyad.split("-")
        if len(parts) != 2 or not all(part.strip() for part in parts):
            raise bad_parameter("dyad", "expected ACTOR-RECIPIENT, e.g. RUS-UKR", dyad)
        pair = (parts[0].strip(), parts[1].strip())
    if since and until and since > until:
        raise bad_parameter("until", "until is before since", str(until))
    base = EventFilters(
        types=types, actor=actor or None, country=country, since=since, until=until, near=circle, text=text or None
    )
    return queries.EventQuery(
        base=base,
        acled_types=_codes(acled_type),
        dyad=pair,
        bbox=box,
        statuses=_codes(status),
        min_confidence=min_confidence,
    )


Filters = Annotated[queries.EventQuery, Depends(event_query)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
SortKey = Annotated[str, Query(pattern="^-?(" + "|".join(queries.SORTS) + ")$")]


def create_app(
    store: SqlEventStore,
    token: str,
    pipeline_factory: Callable[[], Extractor] | None = None,
    max_body: int = MAX_BODY_BYTES,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The app over an open store. `pipeline_factory` builds the extractor for POSTed documents
    (default: `eventwire.pipeline.Pipeline`, loaded on the first POST)."""
    app = FastAPI(
        title="eventwire",
        summary="Political events extracted from news, with the evidence behind each field.",
        version="1",
        default_response_class=FastJSON,
        docs_url=None,  # Swagger UI and ReDoc load their script from a CDN: not offline, not under our CSP
        redoc_url=None,
    )
    locked = LockedStore(store)
    run = locked.run
    ingest_lock = threading.Lock()
    pipelines: list[Extractor] = []

    def pipeline() -> Extractor:
        if not pipelines:
            if pipeline_factory is None:
                from eventwire.pipeline import Pipeline

                pipelines.append(Pipeline())
            else:
                pipelines.append(pipeline_factory())
        return pipelines[0]

    def require_token(request: Request) -> None:
        given = request.headers.get(TOKEN_HEADER)
        authorization = request.headers.get("authorization", "")
        if given is None and authorization.lower().startswith("bearer "):
            given = authorization[7:].strip()
        if given is None:
            raise HTTPException(401, f"a write needs the token: header {TOKEN_HEADER} or Authorization: Bearer")
        if not token_matches(given, token):
            raise HTTPException(403, "wrong token")

    @app.get("/api/status", summary="Counts and the last ingest number (poll it to see new documents)")
    def status():
        return FastJSON(queries.store_status(run))

    @app.get("/api/events", summary="Events matching the filters, one page of them")
    def events(filters: Filters, sort: SortKey = "date", limit: Limit = 100, offset: Offset = 0):
        return FastJSON(queries.list_events(run, filters, sort, limit, offset))

    @app.get("/api/events/{content_id}/{event_index}", summary="One event with its evidence, paragraph and sources")
    def event(
        content_id: Annotated[str, PathParam(max_length=200)],
        event_index: Annotated[int, PathParam(ge=0, le=2**31 - 1)],
    ):
        detail = queries.event_detail(run, content_id, event_index)
        if detail is None:
            raise HTTPException(404, "no such event")
        return FastJSON(detail)

    @app.get("/api/documents", summary="Stored documents in ingest order")
    def documents(limit: Limit = 100, offset: Offset = 0):
        return FastJSON(queries.list_documents(run, limit, offset))

    @app.get("/api/documents/{content_id}", summary="One document: text, metadata and its events")
    def document(content_id: Annotated[str, PathParam(max_length=200)]):
        detail = queries.document_detail(run, content_id)
        if detail is None:
            raise HTTPException(404, "no such document")
        return FastJSON(detail)

    @app.post("/api/documents", summary="Extract and store documents (JSONL body, or plain text); token required")
    async def post_documents(request: Request, published_at: date | None = None, _: None = Depends(require_token)):
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_body:
                raise HTTPException(413, "request body too large")
        try:
            content = bytes(body).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise HTTPException(422, "the body is not UTF-8") from None
        return FastJSON(await run_in_threadpool(ingest_text, content, published_at))

    def ingest_items(items: Iterable[Document | IngestError]) -> dict:
        """Extract and store documents; the summary with each failure named."""
        errors: list[dict] = []
        with ingest_lock:  # one extraction at a time; reads go on meanwhile
            summary = ingest_documents(
                locked,  # type: ignore[arg-type]  # has_document and save, each under the lock
                items,
                pipeline,
                on_error=lambda where, reason: errors.append({"where": where, "reason": reason}),
            )
        return {**summary.__dict__, "errors": errors}

    def ingest_text(content: str, published_at: date | None) -> dict:
        return ingest_items(read_stream(io.StringIO(content), published_at, where="request"))

    def ingest_paths(paths: list[Path]) -> dict:
        return ingest_items(read_paths(paths))

    @app.get("/api/counts", summary="Event counts by day, week, month, type, country, ACLED type or status")
    def counts(filters: Filters, by: Annotated[str, Query(pattern="^(" + "|".join(queries.COUNT_KEYS) + ")$")]):
        return FastJSON(queries.counts(run, filters, by))

    @app.get("/api/timeline", summary="Event counts per period and type (stacked timeline)")
    def timeline(filters: Filters, interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "day"):
        return FastJSON(queries.timeline(run, filters, interval))

    @app.get("/api/graph", summary="Actor graph: who acts on whom, how often, cooperative vs conflictual")
    def graph(filters: Filters, max_edges: Annotated[int, Query(ge=1, le=2000)] = 200):
        return FastJSON(queries.actor_graph(run, filters, max_edges))

    @app.get("/api/geojson", summary="Located events as GeoJSON points")
    def geojson(filters: Filters, limit: Annotated[int, Query(ge=1, le=100_000)] = 5000):
        return FastJSON(queries.geojson(run, filters, limit))

    @app.get("/api/quad-classes", summary="PLOVER type to quad class")
    def quad_classes():
        return FastJSON(queries.quad_classes())

    @app.get("/api/sitrep", summary="Situation report for a country and period (Markdown or JSON)")
    def sitrep_api(
        params: Annotated[sitrep.SitrepParams, Depends(sitrep_params)],
        format: Annotated[str, Query(pattern="^(md|json)$")] = "md",
    ):
        report = sitrep.build(run, params)
        if format == "json":
            return FastJSON(report)
        return PlainTextResponse(sitrep.to_markdown(report), media_type="text/markdown")

    @app.get("/sitrep", response_class=HTMLResponse, summary="Printable situation report page")
    def sitrep_page(params: Annotated[sitrep.SitrepParams, Depends(sitrep_params)]):
        return HTMLResponse(sitrep.to_html(sitrep.build(run, params)))

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.state.locked_store = locked
    app.state.ingest_paths = ingest_paths  # for the folder watcher (`eventwire serve --watch`)
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)  # against DNS rebinding
    app.add_middleware(SecurityHeaders, max_body=max_body)
    return app


def sitrep_params(
    country: Annotated[str, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 code")],
    since: date | None = None,
    until: date | None = None,
) -> sitrep.SitrepParams:
    if since and until and since > until:
        raise bad_parameter("until", "until is before since", str(until))
    return sitrep.SitrepParams(country=country.upper(), since=since, until=until)
