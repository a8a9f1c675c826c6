"""Watch a folder while serving: files that appear or change there are ingested by the server.

A file is taken once its size and modification time held still for one interval, so a file
still being copied in is not read half-written. Documents already stored are skipped by their
content hash (as `eventwire ingest` does), so a rewritten JSONL file adds only its new lines.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from eventwire.ingest.readers import iter_files

Signature = tuple[int, int]  # (mtime_ns, size)


class FolderWatcher:
    def __init__(self, folder: str | Path, ingest: Callable[[list[Path]], object], interval: float = 5.0) -> None:
        self.folder = Path(folder)
        self.ingest = ingest
        self.interval = interval
        self.previous: dict[Path, Signature] = {}
        self.taken: dict[Path, Signature] = {}
        self.stopped = threading.Event()
        self.thread: threading.Thread | None = None

    def ready_files(self) -> list[Path]:
        """Files new or changed since they were last taken, unchanged since the previous scan."""
        current: dict[Path, Signature] = {}
        for path in iter_files(self.folder) if self.folder.is_dir() else []:
            try:
                stat = path.stat()
            except OSError:  # removed meanwhile
                continue
            current[path] = (stat.st_mtime_ns, stat.st_size)
        ready = [
            path
            for path, signature in current.items()
            if self.previous.get(path) == signature and self.taken.get(path) != signature
        ]
        self.previous = current
        return ready

    def scan_once(self) -> list[Path]:
        ready = self.ready_files()
        if ready:
            self.ingest(ready)
            for path in ready:
                self.taken[path] = self.previous[path]
        return ready

    def _loop(self) -> None:
        while not self.stopped.wait(self.interval):
            try:
                self.scan_once()
            except Exception as exc:  # a bad scan must not end the watch
                print(f"eventwire watch: {self.folder}: {type(exc).__name__}: {exc}", flush=True)

    def start(self) -> FolderWatcher:
        self.thread = threading.Thread(target=self._loop, name="eventwire-watch", daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopped.set()
        if self.thread:
            self.thread.join(timeout=self.interval + 1)
