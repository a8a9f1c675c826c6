"""Ingest into a store: skip known documents before parsing, extract, save per batch.

One bad document never sinks a batch: a document that cannot be read, extracted or
stored is reported through `on_error(where, reason)` and the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from eventwire.ingest import IngestError
from eventwire.model import DocResult, Document
from eventwire.store.base import EventStore

ErrorHandler = Callable[[str, str], None]
ProgressHandler = Callable[[int], None]
Pair = tuple[Document, DocResult]


class Extractor(Protocol):
    """What ingest needs of `eventwire.pipeline.Pipeline`."""

    def process(self, documents: Iterable[Document]) -> Iterator[DocResult]: ...


@dataclass
class IngestSummary:
    new: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0

    def __str__(self) -> str:
        return (
            f"documents: {self.new} new, {self.skipped} skipped (already stored), {self.failed} failed; "
            f"events stored: {self.events}"
        )


def _ignore(*_args: object) -> None:
    return None


def document_name(document: Document) -> str:
    """How errors name a document: its id, and its source when it has one."""
    return f"{document.id} ({document.source})" if document.source else document.id


def ingest_documents(
    store: EventStore,
    items: Iterable[Document | IngestError],
    pipeline_factory: Callable[[], Extractor],
    batch_size: int = 32,
    on_error: ErrorHandler = _ignore,
    on_progress: ProgressHandler = _ignore,
) -> IngestSummary:
    """Store every new document of `items` with its extraction result.

    The pipeline is built (`pipeline_factory()`) only when a first new document comes, so
    re-ingesting known documents costs no model load and no parse.
    """
    summary = IngestSummary()
    pipeline: Extractor | None = None
    for batch in _new_document_batches(store, items, batch_size, summary, on_error, on_progress):
        pipeline = pipeline or pipeline_factory()
        results = _extract_batch(pipeline, batch, summary, on_error)
        _save_batch(store, results, summary, on_error)
        on_progress(len(batch))
    return summary


def _new_document_batches(
    store: EventStore,
    items: Iterable[Document | IngestError],
    batch_size: int,
    summary: IngestSummary,
    on_error: ErrorHandler,
    on_progress: ProgressHandler,
) -> Iterator[list[Document]]:
    """Batches of documents not stored yet (nor seen earlier in this run); counts the rest."""
    seen: set[str] = set()
    batch: list[Document] = []
    for item in items:
        if isinstance(item, IngestError):
            summary.failed += 1
            on_error(item.where, item.reason)
            on_progress(1)
            continue
        content_id = item.content_id
        if content_id in seen or store.has_document(content_id):
            summary.skipped += 1
            on_progress(1)
            continue
        seen.add(content_id)
        batch.append(item)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_batch(
    pipeline: Extractor, batch: list[Document], summary: IngestSummary, on_error: ErrorHandler
) -> list[Pair]:
    """Extract the batch in one go; if that fails, again one document at a time to find the culprit."""
    try:
        results = list(pipeline.process(batch))
    except Exception:  # any extractor bug: isolated per document below
        results = []
    if len(results) == len(batch):
        return list(zip(batch, results, strict=True))
    pairs: list[Pair] = []
    for document in batch:
        try:
            pairs.append((document, next(iter(pipeline.process([document])))))
        except Exception as exc:
            summary.failed += 1
            on_error(document_name(document), f"extraction failed: {type(exc).__name__}: {exc}")
    return pairs


def _save_batch(store: EventStore, pairs: list[Pair], summary: IngestSummary, on_error: ErrorHandler) -> None:
    """Save the batch in one transaction; if it fails, each document in its own, to keep the good ones."""
    try:
        _count_saved(store.save(pairs), pairs, summary)
        return
    except Exception:  # the transaction rolled back; retried per document below
        pass
    for pair in pairs:
        try:
            _count_saved(store.save([pair]), [pair], summary)
        except Exception as exc:
            summary.failed += 1
            on_error(document_name(pair[0]), f"could not be stored: {type(exc).__name__}: {exc}")


def _count_saved(added: int, pairs: list[Pair], summary: IngestSummary) -> None:
    summary.new += added
    # Pairs were filtered against the store beforehand, so all were added unless another
    # writer raced us; then count the events of as many documents as were added.
    summary.events += sum(len(result.events) for _, result in pairs[:added])
