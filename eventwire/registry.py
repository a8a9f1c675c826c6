"""Components by name: the built-in extractors and any a package adds.

A component is built once by its factory (a class, usually) and then called with the
`DocContext` of each document. It declares the context fields it reads (`requires`) and
writes (`assigns`), so the pipeline can check its order when it is built:

    from eventwire.registry import component

    @component("sentiment", requires=["result.events"], assigns=[])
    class Sentiment:
        def __call__(self, ctx): ...

A package outside eventwire ships a component through the entry-point group
`eventwire.components` (name = component name, value = its factory), e.g. in pyproject.toml:

    [project.entry-points."eventwire.components"]
    sentiment = "my_package.sentiment:Sentiment"
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Protocol

from eventwire.context import declarable_fields

if TYPE_CHECKING:
    from eventwire.context import DocContext

ENTRY_POINT_GROUP = "eventwire.components"
# The packages whose modules register the built-in components (imported when first needed).
BUILTIN_MODULES = (
    "eventwire.extract.actors",
    "eventwire.extract.places",
    "eventwire.extract.times",
    "eventwire.extract.quantities",
    "eventwire.extract.events",
    "eventwire.extract.confidence",
)


class Component(Protocol):
    def __call__(self, ctx: DocContext) -> None: ...


@dataclass(frozen=True)
class ComponentSpec:
    """A component's name, its factory and the context fields it reads and writes."""

    name: str
    factory: Callable[..., Component]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


_REGISTRY: dict[str, ComponentSpec] = {}


class UnknownComponent(KeyError):
    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


def component(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[Callable[..., Component]], Callable[..., Component]]:
    """Register a component factory under `name`, with the fields it `requires` and `assigns`
    (fields of DocContext, or `result.<field>` for the DocResult it fills)."""

    def register(factory: Callable[..., Component]) -> Callable[..., Component]:
        spec = ComponentSpec(name, factory, tuple(requires), tuple(assigns))
        check_fields(name, [*spec.requires, *spec.assigns])
        _REGISTRY[name] = spec
        factory.component_spec = spec  # type: ignore[attr-defined]  # Pipeline.add(instance) reads it
        return factory

    return register


def check_fields(name: str, declared: Iterable[str]) -> None:
    """Refuse a declared field that is neither a DocContext field nor `result.<field>` (a typo would
    otherwise only show as a requirement nobody assigns)."""
    known = declarable_fields()
    unknown = [f for f in declared if f not in known]
    if unknown:
        known_list = ", ".join(sorted(known))
        raise ValueError(f"component {name!r} declares unknown field(s) {', '.join(unknown)}; known: {known_list}")


def load_builtins() -> None:
    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def get_spec(name: str) -> ComponentSpec:
    """The registered component `name`: built in, registered by an import, or from an entry point."""
    load_builtins()
    if name not in _REGISTRY:
        _load_entry_point(name)
    if name not in _REGISTRY:
        known = sorted({*registered(), *entry_point_names()})
        raise UnknownComponent(f"unknown component {name!r}; known: {', '.join(known)}")
    return _REGISTRY[name]


def registered() -> dict[str, ComponentSpec]:
    """Every component registered so far, built-in first (entry points are loaded when named)."""
    load_builtins()
    return dict(_REGISTRY)


def entry_point_names() -> list[str]:
    """Components installed packages declare (not imported until named)."""
    return [ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)]


def _load_entry_point(name: str) -> None:
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if ep.name != name:
            continue
        factory = ep.load()  # importing a decorated factory registers it
        spec = getattr(factory, "component_spec", None)
        if spec is None or spec.name != name:
            spec = ComponentSpec(name, factory, *_declared(spec))
        _REGISTRY[name] = spec
        return


def _declared(spec: ComponentSpec | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (spec.requires, spec.assigns) if spec is not None else ((), ())
