"""Ingest into a store: skip known documents before parsing, extract, save per batch.

One bad document never sinks a batch: a document that cannot be read, extracted or
stored is reported through `on_error(where, reason)` and the others go on. A database
that cannot be written at all (disk full, read-only, locked too long) stops the run at
once, before more documents are extracted for nothing: `IngestSummary.stopped` says why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from eventwire.ingest import IngestError
from eventwire.model import DocResult, Document
from eventwire.store.base import EventStore, StoreError

ErrorHandler = Callable[[str, str], None]
ProgressHandler = Callable[[int], None]
Pair = tuple[Document, DocResult]
# How `Pipeline` begins the warning of a document over its time limit.
TIME_LIMIT_WARNING = "time limit:"


class Extractor(Protocol):
    """What ingest needs of `eventwire.pipeline.Pipeline`."""

    def process(self, documents: Iterable[Document]) -> Iterator[DocResult]: ...


@dataclass
class IngestSummary:
    new: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    stopped: str | None = None

    def __str__(self) -> str:
        return (
            f"documents: {self.new} new, {self.skipped} skipped (already stored), {self.failed} failed; "
            f"events stored: {self.events}" + (" (stopped early, see the error)" if self.stopped else "")
        )


def _ignore(*_args: object) -> None:
    return None


def document_name(document: Document) -> str:
    """How errors name a document: where it was read (file:line) and its id, else its id and source."""
    if document.origin:
        return f"{document.origin} (id {document.id!r})"
    return f"{document.id} ({document.source})" if document.source else document.id


def ingest_documents(
    store: EventStore,
    items: Iterable[Document | IngestError],
    pipeline_factory: Callable[[], Extractor],
    batch_size: int = 32,
    on_error: ErrorHandler = _ignore,
    on_progress: ProgressHandler = _ignore,
    on_warning: ErrorHandler = _ignore,
) -> IngestSummary:
    """Store every new document of `items` with its extraction result.

    The pipeline is built (`pipeline_factory()`) only when a first new document comes, so
    re-ingesting known documents costs no model load and no parse. `on_warning` hears of
    documents cut short by the pipeline's time limit (they are stored with what was found).
    """
    summary = IngestSummary()
    pipeline: Extractor | None = None
    try:
        for batch in _new_document_batches(store, items, batch_size, summary, on_error, on_progress):
            store.release()  # other processes may read while this batch is extracted
            pipeline = pipeline or pipeline_factory()
            results = _extract_batch(pipeline, batch, summary, on_error)
            _report_time_limits(results, on_warning)
            _save_batch(store, results, summary, on_error)
            store.release()
            on_progress(len(batch))
    except StoreError as exc:
        summary.stopped = str(exc)
        on_error("database", f"{exc}; ingest stopped: documents stored so far are kept, re-run to add the rest")
    return summary


def _new_document_batches(
    store: EventStore,
    items: Iterable[Document | IngestError],
    batch_size: int,
    summary: IngestSummary,
    on_error: ErrorHandler,
    on_progress: ProgressHandler,
) -> Iterator[list[Document]]:
    """Batches of documents not stored yet (nor seen earlier in this run); counts the rest.
    A document whose id belongs to another document (stored, or earlier in this run) fails."""
    seen: set[str] = set()
    ids: dict[str, str] = {}
    batch: list[Document] = []
    for item in _guarded(items, on_error):
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
        clash = _id_clash(store, item, ids)
        if clash:
            summary.failed += 1
            on_error(document_name(item), clash)
            on_progress(1)
            continue
        seen.add(content_id)
        ids[item.id] = item.origin or item.id
        batch.append(item)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _guarded(items: Iterable[Document | IngestError], on_error: ErrorHandler) -> Iterator[Document | IngestError]:
    """The items until the input itself fails (a reader bug): that is reported, and the
    documents read so far are still stored."""
    iterator = iter(items)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except Exception as exc:
            yield IngestError("input", f"reading stopped: {type(exc).__name__}: {exc}")
            return
        yield item


def _id_clash(store: EventStore, document: Document, ids: dict[str, str]) -> str | None:
    """Why the document's id cannot be used (it names another document), else None."""
    if document.id in ids:
        return f"id {document.id!r} is already used by another document in this input ({ids[document.id]})"
    if store.doc_id_owner(document.id) not in (None, document.content_id):
        return f"id {document.id!r} is already used by another stored document"
    return None


def _report_time_limits(pairs: list[Pair], on_warning: ErrorHandler) -> None:
    for document, result in pairs:
        for warning in result.warnings:
            if warning.startswith(TIME_LIMIT_WARNING):
                on_warning(document_name(document), warning)


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
    except StoreError:  # the database itself cannot be written: retrying per document is futile
        summary.failed += len(pairs)
        raise
    except Exception:  # the transaction rolled back; retried per document below
        pass
    for pair in pairs:
        try:
            _count_saved(store.save([pair]), [pair], summary)
        except StoreError:
            summary.failed += len(pairs) - pairs.index(pair)
            raise
        except Exception as exc:
            summary.failed += 1
            on_error(document_name(pair[0]), f"could not be stored: {type(exc).__name__}: {exc}")


def _count_saved(added: int, pairs: list[Pair], summary: IngestSummary) -> None:
    summary.new += added
    # Pairs were filtered against the store beforehand, so all were added unless another
    # writer raced us; then count the events of as many documents as were added.
    summary.events += sum(len(result.events) for _, result in pairs[:added])
