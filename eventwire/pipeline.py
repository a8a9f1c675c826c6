"""The pipeline: one spaCy parse per document, then the extractors in order.

Each extractor is a component: built once (it loads its knowledge files then), called
with a `DocContext` per document, and it adds its results to `ctx.result`. Later
components read what earlier ones wrote (events read actors, places, times,
quantities; the event linkers fill each event's location, date and counts).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from spacy.tokens import Doc

from eventwire.model import DocResult, Document
from eventwire.nlp import load_nlp, parse, text_of
from eventwire.nlp.casing import map_spans_to_original


@dataclass
class DocContext:
    document: Document
    doc: Doc
    result: DocResult
    # Scratch space for components to share intermediate decisions (e.g. metonymy).
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def published_at(self) -> date | None:
        return self.document.published_at

    def warn(self, message: str) -> None:
        self.result.warnings.append(message)


class Component(Protocol):
    def __call__(self, ctx: DocContext) -> None: ...


def _registry() -> dict[str, Callable[[], Component]]:
    """Component factories by name, in pipeline order. Imported lazily to keep start-up cheap."""
    from eventwire.extract.actors import ActorResolver
    from eventwire.extract.events import EventCoder
    from eventwire.extract.places import EventLocator, PlaceResolver
    from eventwire.extract.quantities import CountExtractor, EventCounter
    from eventwire.extract.times import EventDater, TimeTagger

    return {
        "actors": ActorResolver,
        "places": PlaceResolver,
        "times": TimeTagger,
        "quantities": CountExtractor,
        "events": EventCoder,
        "event_locations": EventLocator,
        "event_dates": EventDater,
        "event_counts": EventCounter,
    }


DEFAULT_COMPONENTS = [
    "actors",
    "places",
    "times",
    "quantities",
    "events",
    "event_locations",
    "event_dates",
    "event_counts",
]


class Pipeline:
    """`Pipeline().extract(text, published_at=...)` returns the `eventwire extract` dict."""

    def __init__(
        self,
        components: list[str] | None = None,
        batch_size: int = 32,
        config: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        """`config` passes keyword arguments to a component's factory, e.g. {"actors": {"extra_files": [...]}}."""
        self.nlp = load_nlp()
        factories = _registry()
        config = config or {}
        self.component_names = components or DEFAULT_COMPONENTS
        self.components = [factories[name](**config.get(name, {})) for name in self.component_names]
        self.batch_size = batch_size

    def process(self, documents: Iterable[Document]) -> Iterator[DocResult]:
        """Parse documents in batches (one parse each) and run every component."""
        for document, doc in parse(self.nlp, documents, batch_size=self.batch_size):
            yield self.run_components(document, doc)

    def run_components(self, document: Document, doc: Doc) -> DocResult:
        ctx = DocContext(document, doc, DocResult(doc_id=document.id, published_at=document.published_at))
        if document.published_at is None:
            ctx.warn("published_at unknown: relative dates stay unresolved")
        for name, component in zip(self.component_names, self.components, strict=True):
            try:
                component(ctx)
            except Exception as exc:  # one failing stage must not lose the document's other results
                ctx.warn(f"{name} failed on this document: {type(exc).__name__}: {exc}")
        map_spans_to_original(ctx.result, document.text, text_of(doc))  # re-cased text: spans get the input's own
        return ctx.result

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
