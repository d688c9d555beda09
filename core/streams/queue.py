"""Bounded event queues with an explicit overflow policy, so a slow consumer never grows memory.

* `Overflow.BLOCK` (user data): the producer waits for room: nothing is dropped, the socket read pauses
  (TCP back-pressure) and the stall watchdog does not count that time.
* `Overflow.DROP_OLDEST` (trades): the oldest queued item is discarded and counted in `dropped`.
* `Overflow.CONFLATE` (mark price, book ticker, order book): an item replaces the queued one with the
  same key (counted in `conflated`); when no such item is queued and the queue is full, the oldest goes.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Hashable
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

import anyio
import sniffio

T = TypeVar("T")


class Overflow(StrEnum):
    BLOCK = "block"
    DROP_OLDEST = "drop_oldest"
    CONFLATE = "conflate"


class QueueClosed(Exception):
    """`get` on a closed, drained queue."""


class _Event(Protocol):
    def set(self) -> None: ...
    def is_set(self) -> bool: ...
    async def wait(self) -> None: ...


class _FutureEvent:
    """A one-shot event over a bare asyncio future: the consumer re-arms one per item it waits for, and
    `anyio.Event` (an `asyncio.Event` plus a waiter list) costs ~2 µs more per hand-off (docs/performance.md)."""

    __slots__ = ("_future",)

    def __init__(self) -> None:
        self._future: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def set(self) -> None:
        if not self._future.done():
            self._future.set_result(None)

    def is_set(self) -> bool:
        return self._future.done()

    async def wait(self) -> None:
        try:
            await self._future
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise


class EventQueue(Generic[T]):
    """Single-consumer queue; `put` may block only under `Overflow.BLOCK`."""

    def __init__(
        self, maxsize: int = 1000, overflow: Overflow = Overflow.BLOCK,
        key: Callable[[T], Hashable | None] | None = None,
    ) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be >= 1")
        self.maxsize = maxsize
        self.overflow = overflow
        self._key = key
        self._items: deque[T] = deque()
        self._readable: _Event = anyio.Event()
        self._writable: _Event = anyio.Event()
        self._closed = False
        self._event_type: Callable[[], _Event] | None = None
        self.dropped = 0
        self.conflated = 0
        self.delivered = 0
        self.high_water = 0

    def __len__(self) -> int:
        return len(self._items)

    @property
    def closed(self) -> bool:
        return self._closed

    def _fresh_event(self) -> _Event:
        """A new unset event: a bare future under asyncio, anyio's event elsewhere (trio); the backend is
        looked up once, since the consumer re-arms an event for almost every item."""
        if self._event_type is None:
            asyncio_backend = sniffio.current_async_library() == "asyncio"
            self._event_type = _FutureEvent if asyncio_backend else type(anyio.Event())
        return self._event_type()

    def _wake_reader(self) -> None:
        self._readable.set()

    def _append(self, item: T) -> None:
        self._items.append(item)
        self.high_water = max(self.high_water, len(self._items))
        self._wake_reader()

    def _conflate(self, item: T) -> bool:
        if self._key is None:
            return False
        key = self._key(item)
        if key is None:
            return False
        for index in range(len(self._items) - 1, -1, -1):
            if self._key(self._items[index]) == key:
                self._items[index] = item
                self.conflated += 1
                return True
        return False

    def put_nowait(self, item: T) -> bool:
        """Queue without waiting; under BLOCK returns False when full (nothing is dropped)."""
        if self._closed:
            return False
        if self.overflow is Overflow.CONFLATE and self._conflate(item):
            return True
        if len(self._items) >= self.maxsize:
            if self.overflow is Overflow.BLOCK:
                return False
            self._items.popleft()
            self.dropped += 1
        self._append(item)
        return True

    async def put(self, item: T) -> None:
        """Queue `item`, waiting for room under BLOCK; a closed queue discards silently."""
        while not self.put_nowait(item):
            if self._closed:
                return
            if self._writable.is_set():
                self._writable = self._fresh_event()
            await self._writable.wait()

    async def get(self) -> T:
        while not self._items:
            if self._closed:
                raise QueueClosed
            if self._readable.is_set():
                self._readable = self._fresh_event()
            await self._readable.wait()
        item = self._items.popleft()
        self.delivered += 1
        self._writable.set()
        return item

    def close(self) -> None:
        """No more items; readers drain what is queued, then get `QueueClosed`; blocked writers return."""
        self._closed = True
        self._readable.set()
        self._writable.set()
