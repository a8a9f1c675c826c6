"""The one run loop of the evaluations: gold documents through the real `Pipeline.process`.

Going through `Pipeline.process` keeps what `eventwire extract` does: one parse per document,
`published_at` passed on, and per-component error isolation (a component failing on a document
leaves a warning and the other components' results; the runner names it on stderr). An evaluation
that must act between components (an event made at the gold verb before event location, the
fitting script collecting candidate rows) inserts its own component by name.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from eventwire.model import DocResult, Document
from eventwire.pipeline import Pipeline

FAILED = "failed on this document"  # the pipeline's warning when a component raised

Component = Callable[[Any], None]


class TimedComponent:
    """Wraps a pipeline component to add up the seconds spent in it."""

    def __init__(self, component: Component, seconds: dict[str, float], name: str) -> None:
        self.component, self.seconds, self.name = component, seconds, name

    def __call__(self, ctx: Any) -> None:
        started = time.perf_counter()
        try:
            self.component(ctx)
        finally:
            self.seconds[self.name] += time.perf_counter() - started


class Runner:
    """A pipeline for an evaluation: `components` (None: all), extra components inserted, optional timing.

    `insert` holds (name, component, before): the component runs just before the named one (None: last).
    With `timed`, `seconds_in[name]` adds up the seconds each component took."""

    def __init__(
        self,
        components: list[str] | None = None,
        *,
        insert: Iterable[tuple[str, Component, str | None]] = (),
        timed: bool = False,
        batch_size: int = 32,
    ) -> None:
        self.pipeline = Pipeline(components=components, batch_size=batch_size)
        for name, component, before in insert:
            _add(self.pipeline, name, component, before)
        self.seconds_in: dict[str, float] = defaultdict(float)
        if timed:
            self.pipeline.components = [
                TimedComponent(component, self.seconds_in, name)
                for name, component in zip(self.pipeline.component_names, self.pipeline.components, strict=True)
            ]
        self.seconds = 0.0  # spent in `process`: parse and components

    @property
    def nlp(self):
        return self.pipeline.nlp

    def process(self, documents: Iterable[Document]) -> Iterator[DocResult]:
        """Each document's DocResult, in order; component failures named on stderr."""
        started = time.perf_counter()
        for result in self.pipeline.process(documents):
            for warning in result.warnings:
                if FAILED in warning:
                    print(f"error: {result.doc_id}: {warning}", file=sys.stderr)
            self.seconds += time.perf_counter() - started
            yield result
            started = time.perf_counter()

    def results(self, documents: Iterable[Document]) -> list[dict[str, Any]]:
        """The contract output (`eventwire extract` dicts) of each document."""
        return [result.to_dict() for result in self.process(documents)]


def _add(pipeline: Pipeline, name: str, component: Component, before: str | None) -> None:
    """Insert a component into a built pipeline (new lists: the names may be the shared default list)."""
    names = list(pipeline.component_names)
    at = names.index(before) if before is not None else len(names)
    pipeline.component_names = [*names[:at], name, *names[at:]]
    pipeline.components = [*pipeline.components[:at], component, *pipeline.components[at:]]
