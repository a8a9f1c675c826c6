"""The one run loop of the evaluations: gold documents through the real `Pipeline.process`.

Going through `Pipeline.process` keeps what `eventwire extract` does: one parse per document,
`published_at` passed on, and per-component error isolation (a component failing on a document
leaves a warning and the other components' results; the runner names it on stderr). An evaluation
that must act between components (an event made at the gold verb before event location, the
fitting script collecting candidate rows) adds its own component with `Pipeline.add`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.model import DocResult, Document
from eventwire.pipeline import Pipeline

FAILED = "failed on this document"  # the pipeline's warning when a component raised


@dataclass(frozen=True)
class Insert:
    """A component an evaluation adds: run just before `before` (None: last), declaring what it reads and writes."""

    name: str
    component: Callable[[Any], None]
    before: str | None = None
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


class Runner:
    """A pipeline for an evaluation: `components` (None: all), with `insert`ed components."""

    def __init__(
        self, components: list[str] | None = None, *, insert: Iterable[Insert] = (), batch_size: int = 32
    ) -> None:
        self.pipeline = Pipeline(components=components, batch_size=batch_size)
        for extra in insert:
            self.pipeline.add(
                extra.component, name=extra.name, before=extra.before, requires=extra.requires, assigns=extra.assigns
            )

    @property
    def nlp(self):
        return self.pipeline.nlp

    @property
    def seconds(self) -> float:
        """Seconds spent so far parsing and in the components."""
        return sum(self.pipeline.timings.values())

    @property
    def seconds_in(self) -> dict[str, float]:
        """Seconds spent so far in each component, in pipeline order (the parse left out)."""
        return {name: self.pipeline.timings[name] for name in self.pipeline.component_names}

    def process(self, documents: Iterable[Document]) -> Iterator[DocResult]:
        """Each document's DocResult, in order; component failures named on stderr."""
        for result in self.pipeline.process(documents):
            for warning in result.warnings:
                if FAILED in warning:
                    print(f"error: {result.doc_id}: {warning}", file=sys.stderr)
            yield result

    def results(self, documents: Iterable[Document]) -> list[dict[str, Any]]:
        """The contract output (`eventwire extract` dicts) of each document."""
        return [result.to_dict() for result in self.process(documents)]
