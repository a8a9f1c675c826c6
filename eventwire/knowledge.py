"""Strict loading of the knowledge files (word lists, lexicons) that users may edit.

Every stage keeps its words in YAML beside its code. `load(path)` reads one file once per
process and hands out typed values by key. A key the code asks for and the file lacks is an
error naming both (never a silent empty set); each file records the keys read, so
`unread_keys()` (checked by tests/test_knowledge_in_data.py) finds a key that nothing uses,
such as a misspelt one. A file read whole by one loader calls `check_all_read()` at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_LOADED: dict[str, Knowledge] = {}


# libyaml's C parser when PyYAML was built with it (the same documents, about six times faster: start-up time).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Yaml12Loader(_SafeLoader):
    """YAML with only true/false as booleans (YAML 1.2): `on`, `off`, `no`, `yes` stay words.

    A key written twice in one mapping is an error: PyYAML would silently keep the last one, and two
    people adding senses to the same lemma would lose one of them without a sign.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} written twice in one mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(text: str) -> Any:
    """Parse a knowledge file's text. PyYAML alone reads the preposition `on` and the ISO code `NO` as booleans."""
    return yaml.load(text, Loader=_Yaml12Loader)  # noqa: S506 - a SafeLoader subclass


class KnowledgeError(KeyError):
    """A knowledge file lacks a key, has one that nothing reads, or holds the wrong type."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class Knowledge(Mapping[str, Any]):
    """One YAML mapping, handing out values by key and recording which keys were read."""

    def __init__(self, data: Any, source: str) -> None:
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise KnowledgeError(f"{source}: expected a mapping of keys, found {type(data).__name__}")
        self._data: dict[str, Any] = data
        self.source = source
        self._read: set[str] = set()
        self._sections: dict[str, Knowledge] = {}
        self._word_sets: dict[str, frozenset[str]] = {}  # `words` is asked per token in places: built once

    def __contains__(self, key: str) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __getitem__(self, key: str) -> Any:
        if key not in self._data:
            raise KnowledgeError(f"{self.source}: no key {key!r} (keys: {', '.join(sorted(map(str, self._data)))})")
        self._read.add(key)
        return self._data[key]

    def get(self, key: str, default: Any = None) -> Any:
        """An optional key: its value, or `default` where the file leaves it out."""
        return self[key] if key in self._data else default

    def words(self, key: str) -> frozenset[str]:
        """A list of words, as a set."""
        if key not in self._word_sets:
            self._word_sets[key] = frozenset(self.sequence(key))
        return self._word_sets[key]

    def sequence(self, key: str) -> tuple[str, ...]:
        """A list of words, in the file's order."""
        value = self[key]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise KnowledgeError(f"{self.source}: {key!r} should be a list of strings")
        return tuple(value)

    def table(self, key: str) -> dict[str, Any]:
        """A mapping, read whole."""
        value = self[key]
        if not isinstance(value, dict):
            raise KnowledgeError(f"{self.source}: {key!r} should be a mapping")
        return dict(value)

    def section(self, key: str) -> Knowledge:
        """A nested mapping whose own keys are tracked like the file's."""
        if key not in self._sections:
            self._sections[key] = Knowledge(self.table(key), f"{self.source}:{key}")
        return self._sections[key]

    def convert(self, key: str, shape: Callable[[Any], Any]) -> None:
        """Reshape a value once after loading (a list into a set) without counting it as read."""
        self._data[key] = shape(self._data[key]) if key in self._data else self[key]
        self._word_sets.pop(key, None)

    def unread(self) -> list[str]:
        """Keys nothing has asked for (nested ones as 'section.key')."""
        missing = [str(key) for key in self._data if key not in self._read]
        for name, section in self._sections.items():
            missing += [f"{name}.{key}" for key in section.unread()]
        return missing

    def check_all_read(self) -> None:
        """Fail on a key that nothing read (a misspelt or obsolete entry)."""
        unread = self.unread()
        if unread:
            raise KnowledgeError(f"{self.source}: unknown key(s) nothing reads: {', '.join(unread)}")


def load(path: str | Path) -> Knowledge:
    """The knowledge file at `path`, parsed once per process."""
    key = str(Path(path).resolve())
    if key not in _LOADED:
        text = Path(path).read_text(encoding="utf-8")
        _LOADED[key] = Knowledge(read_yaml(text), _display(Path(path)))
    return _LOADED[key]


def package_file(package: str, *parts: str) -> Knowledge:
    """A knowledge file shipped inside `package` ('eventwire.extract.times', 'lexicon.yaml')."""
    return load(Path(str(resources.files(package).joinpath(*parts))))


def function_words() -> Knowledge:
    """Prepositions, determiners and other closed-class words several stages share."""
    return package_file("eventwire.extract", "data", "function_words.yaml")


def loaded() -> dict[str, Knowledge]:
    """Resolved path -> file, for every knowledge file loaded so far."""
    return dict(_LOADED)


def unread_keys() -> dict[str, list[str]]:
    """File -> keys nothing has read, over every file loaded so far."""
    return {k.source: k.unread() for k in _LOADED.values() if k.unread()}


def _display(path: Path) -> str:
    """'eventwire/extract/times/lexicon.yaml' for the package's own files, else the path as given."""
    package = Path(__file__).resolve().parent
    resolved = path.resolve()
    if resolved.is_relative_to(package):
        return "eventwire/" + resolved.relative_to(package).as_posix()
    return str(path)
