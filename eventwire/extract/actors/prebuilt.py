"""The actor knowledge base with its phrase index, kept built between processes.

Reading the knowledge files (the YAML and the converted Phoenix tables) and indexing some 40,000 names
takes about 0.5 CPU s of every start-up; reading the built tables back (pickle) takes about 0.15 s. They
are kept beside the gazetteer's cache ($EVENTWIRE_CACHE, default ~/.cache/eventwire) in a file named by a
digest of everything the build reads: the bytes of every knowledge file and user file, the source of the
code that builds the tables, and the versions of Python, spaCy and the model that cuts names into tokens.
Any change names another file, so stale tables are never read. Where the cache cannot be read or written,
the tables are built in memory as before.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from eventwire import knowledge as knowledge_files
from eventwire.extract.actors import knowledge, lexicon
from eventwire.extract.actors.knowledge import KnowledgeBase, extra_kb_files, read_knowledge
from eventwire.extract.actors.lexicon import PhraseIndex
from eventwire.extract.places.gazetteer import cache_dir

Tables = tuple[KnowledgeBase, PhraseIndex]

KEEP_TABLES = 4  # built tables kept on disk: a few user-file sets used in turn need not rebuild
_BUILT: dict[str, Tables] = {}  # digest -> tables, once per process


def actor_tables(
    extra_files: Iterable[str | Path] | None, tokenize: Callable[[str], list[str]], tokenizer_id: str
) -> Tables:
    """The knowledge base (with `extra_files`) and its phrase index, cut into tokens by `tokenize`;
    `tokenizer_id` names that tokenizer (spaCy and model versions) for the cache key."""
    users = extra_kb_files(extra_files)
    key = tables_digest(users, tokenizer_id)
    if key not in _BUILT:
        path = cache_dir() / f"actors-{key}.pickle"
        tables = _read(path)
        if tables is None:
            kb = read_knowledge(extra_files)
            tables = (kb, PhraseIndex(kb, tokenize))
            _write(path, tables)
        _BUILT[key] = tables
    knowledge.shared_place_nouns()  # read from the cache too, so that its keys count as read
    return _BUILT[key]


def tables_digest(user_files: list[Path], tokenizer_id: str) -> str:
    """A digest of all that the built tables depend on."""
    digest = hashlib.sha256(f"{sys.version_info[:2]} {tokenizer_id}".encode())
    sources = [Path(module.__file__) for module in (knowledge_files, knowledge, lexicon, sys.modules[__name__])]
    data = [knowledge.DATA_DIR / name for name in sorted(knowledge.SECTION_FILES.values())]
    data += sorted(knowledge.PHOENIX_DIR.glob("*.tsv")) + [knowledge.CURRENT_FILE, _place_nouns_file()]
    for path in [*sources, *data, *user_files]:
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"(none)")
    return digest.hexdigest()[:16]


def _place_nouns_file() -> Path:
    return Path(knowledge.__file__).parents[1] / "data" / "place_nouns.yaml"


def _read(path: Path) -> Tables | None:
    try:
        with open(path, "rb") as handle:
            tables = pickle.load(handle)  # noqa: S301 - our own cache file, written by _write
    except Exception:  # none yet, unreadable, truncated or from other code: build instead
        return None
    valid = isinstance(tables, tuple) and len(tables) == 2
    return tables if valid and isinstance(tables[0], KnowledgeBase) and isinstance(tables[1], PhraseIndex) else None


def _write(path: Path, tables: Tables) -> None:
    """Write to a temporary file, then rename: a process reading at the same time sees all or nothing."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return  # a read-only disk: the tables stay in memory only
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(tables, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError):
        Path(temporary).unlink(missing_ok=True)
        return
    _prune(path.parent)


def _prune(folder: Path, keep: int = KEEP_TABLES) -> None:
    """Each edit of the code or knowledge writes a new file (about 9 MB): keep only the newest few."""
    try:
        files = sorted(folder.glob("actors-*.pickle"), key=lambda f: f.stat().st_mtime, reverse=True)
        for stale in files[keep:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first, or the folder is read-only
