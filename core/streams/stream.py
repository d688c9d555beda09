"""`Stream`: what `Venue.watch_*` returns — an async context manager that is also an async iterator.

    async with venue.watch_account() as stream:
        async for event in stream:      # AccountUpdate | StreamStatus
            ...

Entering starts the session in a background task (anyio task group inside); leaving, `aclose()`, or the
venue's `close()` closes the socket and cancels every task before returning.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import asdict
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import anyio

from .queue import EventQueue, QueueClosed
from .session import StreamSession
from .updates import StreamStatus

T = TypeVar("T")


class Stream(Generic[T]):
    """Iterate to receive `T | StreamStatus`; `stats` shows drops, conflations, reconnects, stalls, gaps.

    Iteration ends with the session's error when it gave up (`GiveUp`, or the venue's `AuthenticationError`
    after `StreamPolicy.auth_attempts` refused logins), after every event queued before it.
    """

    def __init__(self, session: StreamSession[Any, T], registry: StreamRegistry | None = None) -> None:
        self.session = session
        self.queue: EventQueue[T | StreamStatus] = session.queue
        self._registry = registry
        self._task: asyncio.Task[None] | None = None
        self._error: BaseException | None = None
        self._closed = False

    @property
    def name(self) -> str:
        return self.session.plugin.name

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def stats(self) -> dict[str, Any]:
        out = asdict(self.session.counters)
        out.update(queued=len(self.queue), delivered=self.queue.delivered, dropped=self.queue.dropped,
                   conflated=self.queue.conflated, high_water=self.queue.high_water)
        out["resyncs"] = int(getattr(self.session.stage, "resyncs", 0))
        out["stale_dropped"] = int(getattr(self.session.stage, "stale_dropped", 0))
        deduper = getattr(self.session.stage, "deduper", None)
        if deduper is not None:
            out["suppressed"] = deduper.suppressed
        return out

    async def start(self, *, wait: bool = True) -> None:
        """Start the session; with `wait`, return once the first connection is subscribed and reconciled
        (or `policy.ready_timeout` passed, or the session ended), so nothing after this call is missed."""
        if self._closed:
            raise RuntimeError(f"stream {self.name} is closed")
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name=f"venuekit-stream:{self.name}")
            if self._registry is not None:
                self._registry.add(self)
        if wait:
            with anyio.move_on_after(self.session.policy.ready_timeout):
                while not self.session.ready.is_set() and self.running:
                    with anyio.move_on_after(0.05):
                        await self.session.ready.wait()

    async def _run(self) -> None:
        try:
            await self.session.run()
        except asyncio.CancelledError:
            raise
        except BaseException as exc:
            self._error = exc
        finally:
            self.queue.close()

    async def aclose(self) -> None:
        """Close the socket and stop every background task; idempotent."""
        self._closed = True
        self.queue.close()
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._registry is not None:
            self._registry.discard(self)

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> T | StreamStatus:
        if self._task is None and not self._closed:
            raise RuntimeError("use `async with venue.watch_...() as stream:` before iterating")
        try:
            return await self.queue.get()
        except QueueClosed:
            if self._error is not None:
                raise self._error from None
            raise StopAsyncIteration from None


class StreamRegistry:
    """The open streams of one venue object, so `Venue.close()` closes them all."""

    def __init__(self) -> None:
        self._streams: set[Stream[Any]] = set()

    def add(self, stream: Stream[Any]) -> None:
        self._streams.add(stream)

    def discard(self, stream: Stream[Any]) -> None:
        self._streams.discard(stream)

    def __len__(self) -> int:
        return len(self._streams)

    async def aclose(self) -> None:
        for stream in list(self._streams):
            await stream.aclose()
