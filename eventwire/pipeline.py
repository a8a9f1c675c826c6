"""The pipeline: one spaCy parse per document, then the components in order.

Each component is built once (it loads its knowledge files then) and called with the
`DocContext` of each document (eventwire/context.py); it adds its results to `ctx.result`
and hands what later components need over in the context's named fields. Components
declare those fields (`requires`, `assigns`; eventwire/registry.py) and the pipeline
refuses an order in which a component would run before what it needs.
"""

from __future__ import annotations

import gc
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc

from eventwire.context import DocContext
from eventwire.model import DocResult, Document
from eventwire.nlp import load_nlp, parse, text_of
from eventwire.nlp.casing import map_spans_to_original
from eventwire.registry import Component, ComponentSpec, check_fields, component, get_spec, registered

__all__ = ["DEFAULT_COMPONENTS", "Component", "DocContext", "Pipeline", "PipelineError", "component"]

# Wall-clock seconds per document, checked between components (after the parse): past it the
# remaining components are skipped with a warning. It bounds pathological inputs, not a hang inside one.
DOC_TIME_LIMIT = 30.0

# The built-in components in the order they run (each registers itself with @component).
DEFAULT_COMPONENTS = [
    "actors",
    "places",
    "times",
    "quantities",
    "events",
    "event_locations",
    "event_dates",
    "event_counts",
    "event_merge",
    "event_confidence",
]


# The key of the parse's seconds in `Pipeline.timings` (no component may take that name).
PARSE = "parse"

# Objects allocated between cycle collections while the components are built (Python's default is 700).
BUILD_COLLECTION_THRESHOLD = 1_000_000


class PipelineError(ValueError):
    """A pipeline that cannot run as asked: unknown or repeated name, or a component before what it needs."""


@dataclass(frozen=True)
class Step:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


class Pipeline:
    """`Pipeline().extract(text, published_at=...)` returns the `eventwire extract` dict.

    `pipeline.timings` holds the seconds spent so far by each component (by name) and, under
    "parse", by the spaCy parse in `process` (reading the input included).
    """

    def __init__(
        self,
        components: list[str] | None = None,
        batch_size: int = 32,
        config: dict[str, dict[str, Any]] | None = None,
        time_limit: float = DOC_TIME_LIMIT,
    ) -> None:
        """`config` passes keyword arguments to a component's factory, e.g. {"actors": {"extra_files": [...]}}."""
        self.config = config or {}
        self.batch_size = batch_size
        self.time_limit = time_limit
        self.component_names: list[str] = []
        self.components: list[Component] = []
        self.steps: list[Step] = []
        self.timings: dict[str, float] = defaultdict(float)
        names = DEFAULT_COMPONENTS if components is None else components
        specs = [get_spec(name) for name in names]
        _check(names, [_step(spec.name, spec) for spec in specs])
        with _collection_deferred():
            self.nlp = load_nlp()
            for spec in specs:
                self._insert(len(self.steps), spec.factory(**self.config.get(spec.name, {})), _step(spec.name, spec))

    # ---- assembling ----------------------------------------------------------------------
    def add(
        self,
        name_or_component: str | Component,
        *,
        name: str | None = None,
        before: str | None = None,
        after: str | None = None,
        requires: Iterable[str] | None = None,
        assigns: Iterable[str] | None = None,
        config: dict[str, Any] | None = None,
    ) -> Component:
        """Add a registered component by name (built with `config`), or a ready callable, at the end or
        `before`/`after` a named one. A callable's `name`, `requires` and `assigns` come from its
        @component declaration unless given here. Returns the component added."""
        if before is not None and after is not None:
            raise PipelineError("add: give `before` or `after`, not both")
        position = len(self.steps)
        if before is not None:
            position = self._index(before)
        elif after is not None:
            position = self._index(after) + 1
        built, step = self._build(name_or_component, name, requires, assigns, config)
        steps = [*self.steps[:position], step, *self.steps[position:]]
        _check([s.name for s in steps], steps)
        self._insert(position, built, step)
        return built

    def remove(self, name: str) -> Component:
        """Take a component out (refused when a later one needs what only it assigns)."""
        position = self._index(name)
        steps = self.steps[:position] + self.steps[position + 1 :]
        _check([s.name for s in steps], steps)
        del self.steps[position], self.component_names[position]
        return self.components.pop(position)

    def replace(
        self,
        name: str,
        new: str | Component,
        *,
        requires: Iterable[str] | None = None,
        assigns: Iterable[str] | None = None,
        config: dict[str, Any] | None = None,
    ) -> Component:
        """Put `new` (a registered name, or a callable that keeps the name `name`) where `name` was."""
        position = self._index(name)
        built, step = self._build(new, None if isinstance(new, str) else name, requires, assigns, config)
        steps = [*self.steps[:position], step, *self.steps[position + 1 :]]
        _check([s.name for s in steps], steps)
        self.steps[position], self.component_names[position], self.components[position] = step, step.name, built
        return built

    def _build(
        self,
        target: str | Component,
        name: str | None,
        requires: Iterable[str] | None,
        assigns: Iterable[str] | None,
        config: dict[str, Any] | None,
    ) -> tuple[Component, Step]:
        if isinstance(target, str):
            spec = get_spec(target)
            built = spec.factory(**(config if config is not None else self.config.get(target, {})))
            return built, _step(name or target, spec, requires, assigns)
        spec = getattr(target, "component_spec", None)
        label = name or (spec.name if spec is not None else None)
        if label is None:
            raise PipelineError(f"add: {target!r} has no @component name; pass name=...")
        step = _step(label, spec, requires, assigns)
        check_fields(label, [*step.requires, *step.assigns])
        return target, step

    def _index(self, name: str) -> int:
        if name not in self.component_names:
            raise PipelineError(f"no component {name!r} in this pipeline ({', '.join(self.component_names)})")
        return self.component_names.index(name)

    def _insert(self, position: int, built: Component, step: Step) -> None:
        self.steps.insert(position, step)
        self.component_names.insert(position, step.name)
        self.components.insert(position, built)

    # ---- running -------------------------------------------------------------------------
    def process(self, documents: Iterable[Document]) -> Iterator[DocResult]:
        """Parse documents in batches (one parse each) and run every component."""
        parsed = parse(self.nlp, documents, batch_size=self.batch_size)
        while True:
            started = time.perf_counter()
            pair = next(parsed, None)
            self.timings[PARSE] += time.perf_counter() - started
            if pair is None:
                return
            yield self.run_components(*pair)

    def run_components(self, document: Document, doc: Doc) -> DocResult:
        """Run the components over one parsed document; a component that fails leaves a warning, and
        the others still run."""
        return self.run_context(document, doc).result

    def run_context(self, document: Document, doc: Doc) -> DocContext:
        """As `run_components`, returning the whole context (the hand-overs too, for evaluation)."""
        ctx = DocContext(document, doc, DocResult(doc_id=document.id, published_at=document.published_at))
        if document.published_at is None:
            ctx.warn("published_at unknown: relative dates stay unresolved")
        doc_started = time.monotonic()
        for name, component_ in zip(self.component_names, self.components, strict=True):
            if (spent := time.monotonic() - doc_started) > self.time_limit:
                ctx.warn(f"time limit: {spent:.1f} s > {self.time_limit:g} s, skipped {name} and the later components")
                break
            started = time.perf_counter()
            try:
                component_(ctx)
            except Exception as exc:  # one failing stage must not lose the document's other results
                ctx.warn(f"{name} failed on this document: {type(exc).__name__}: {exc}")
            self.timings[name] += time.perf_counter() - started
        map_spans_to_original(ctx.result, document.text, text_of(doc))  # re-cased text: spans get the input's own
        return ctx

    def extract(
        self,
        text: str,
        published_at: date | str | None = None,
        doc_id: str | None = None,
        **meta: Any,
    ) -> dict[str, Any]:
        from eventwire.ingest import make_document

        document = make_document(text, doc_id=doc_id, published_at=published_at, **meta)
        return next(self.process([document])).to_dict()


@contextmanager
def _collection_deferred() -> Iterator[None]:
    """Build without running the cycle collector. Start-up makes about a million long-lived objects (the
    actor knowledge base and its phrase index, the lexicons), none of them garbage, and the collector would
    walk them some 900 times: 0.6 CPU s of a 2.3 s start-up. Collections resume, as they were, afterwards."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], BUILD_COLLECTION_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _step(
    name: str,
    spec: ComponentSpec | None,
    requires: Iterable[str] | None = None,
    assigns: Iterable[str] | None = None,
) -> Step:
    return Step(
        name,
        tuple(requires) if requires is not None else (spec.requires if spec else ()),
        tuple(assigns) if assigns is not None else (spec.assigns if spec else ()),
    )


def _check(names: list[str], steps: list[Step]) -> None:
    """Refuse repeated names and any component placed before what it requires."""
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise PipelineError(f"component(s) named twice: {', '.join(repeated)}")
    if PARSE in names:
        raise PipelineError(f"{PARSE!r} names the spaCy parse; give the component another name")
    assigned: set[str] = set()
    for position, step in enumerate(steps):
        for field_name in step.requires:
            if field_name not in assigned:
                raise PipelineError(_missing(step.name, field_name, steps[position + 1 :]))
        assigned.update(step.assigns)


def _missing(name: str, field_name: str, later: list[Step]) -> str:
    runs_later = [step.name for step in later if field_name in step.assigns]
    if runs_later:
        return (
            f"{name} requires {field_name}, assigned by {runs_later[0]}, which runs after it; "
            f"move {runs_later[0]} before {name}"
        )
    assigners = [spec.name for spec in registered().values() if field_name in spec.assigns]
    if assigners:
        return f"{name} requires {field_name}, assigned by {' or '.join(assigners)}; add it before {name}"
    return f"{name} requires {field_name}, which no registered component assigns"
