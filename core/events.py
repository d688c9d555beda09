"""A small event bus: the client emits what it does so streams, metrics and tests can listen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Listener = Callable[["Event"], None]


@dataclass(frozen=True, slots=True)
class Event:
    """`kind` names what happened (`request`, `response`, `rate_limited`, `clock_resync`, `order_unknown`…)."""

    kind: str
    venue: str
    data: dict[str, Any] = field(default_factory=dict)


class EventBus:
    """Synchronous fan-out to listeners; costs one truthiness check when nobody listens."""

    __slots__ = ("_listeners",)

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def __bool__(self) -> bool:
        return bool(self._listeners)

    def emit(self, event: Event) -> None:
        for listener in tuple(self._listeners):
            listener(event)
