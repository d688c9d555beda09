"""Imports deferred to first use, so importing a client or venue class does not load every endpoint and model."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

if TYPE_CHECKING:
    from .transport.raw_client import VenueClient

G = TypeVar("G")


class LazyGroup(Generic[G]):
    """A raw client's endpoint group, `"<module>:<Class>"` relative to the client's package, built on first access.

    The group (made with the client's `rest`) is stored in the instance `__dict__`, which then shadows this
    non-data descriptor: later accesses are plain attribute lookups.
    """

    __slots__ = ("_attr", "_package", "_target")

    def __init__(self, target: str) -> None:
        self._target = target
        self._attr = ""
        self._package = ""

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._attr = name
        self._package = owner.__module__.rpartition(".")[0]

    @overload
    def __get__(self, obj: None, owner: type[Any] | None = None) -> Self: ...
    @overload
    def __get__(self, obj: VenueClient, owner: type[Any] | None = None) -> G: ...
    def __get__(self, obj: VenueClient | None, owner: type[Any] | None = None) -> Self | G:
        if obj is None:
            return self
        module, _, name = self._target.partition(":")
        group: G = getattr(import_module(module, self._package), name)(obj.rest)
        obj.__dict__[self._attr] = group
        return group

    def __repr__(self) -> str:
        return f"LazyGroup({self._target!r})"


class LazyModule:
    """Stands in for a module global until an attribute is read; then imports the module and rebinds the global.

    `convert = LazyModule(".convert", globals())` (with `from . import convert` under `TYPE_CHECKING`): after the
    first use, code in that module reads the real module, with no indirection left.
    """

    __slots__ = ("_alias", "_name", "_namespace")

    def __init__(self, name: str, namespace: dict[str, Any]) -> None:
        self._name = name
        self._namespace = namespace
        self._alias = name.rpartition(".")[2]

    def load(self) -> ModuleType:
        """Import the module and put it in place of this stand-in."""
        module = import_module(self._name, self._namespace.get("__package__"))
        if self._namespace.get(self._alias) is self:
            self._namespace[self._alias] = module
        return module

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.load(), attr)

    def __repr__(self) -> str:
        return f"LazyModule({self._name!r})"


def lazy_endpoints(
    package: str, groups: tuple[str, ...], exports: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """PEP 562 `__getattr__` and `__dir__` for a venue's `endpoints` package: `ENDPOINTS` (every group's, in
    `groups` order) and each name of `exports` (`name -> relative module`), imported on first access."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        if name == "ENDPOINTS":
            value: Any = tuple(ep for group in groups for ep in import_module(f".{group}", package).ENDPOINTS)
        elif name in exports:
            value = getattr(import_module(exports[name], package), name)
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, "ENDPOINTS", *exports})

    return __getattr__, __dir__
