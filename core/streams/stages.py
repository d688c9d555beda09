"""What happens between decode and the queue: dedup + reconciliation (account), sequencing (books)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from decimal import Decimal
from typing import Generic, Protocol, TypeVar

from ..types import OrderStatus, Position, PositionSide, Side
from .book import BookDelta
from .booksync import BookSynchronizer, ResyncNeeded
from .dedup import AccountDeduper
from .plugin import AccountReconciler, ReconcileContext
from .updates import AccountUpdate, OrderBookUpdate, OrderUpdate, PositionUpdate, StreamState, StreamStatus

T = TypeVar("T")
E_contra = TypeVar("E_contra", contravariant=True)
Out_co = TypeVar("Out_co", covariant=True)


def now_ms() -> int:
    return int(time.time() * 1000)


class Reconnect(Exception):
    """Raised by a stage to make the session reconnect (e.g. a book resync that needs a new stream snapshot)."""

    def __init__(self, reason: str, *, gap: bool = False) -> None:
        super().__init__(reason)
        self.gap = gap


class Stage(Protocol[E_contra, Out_co]):
    async def on_connect(self, attempt: int) -> Sequence[Out_co | StreamStatus]:
        """Runs after subscribing, before any frame is processed (frames arriving meanwhile are held back):
        REST reconciliation or state reset."""
        ...

    async def process(self, event: E_contra) -> Sequence[Out_co | StreamStatus]: ...


class PassThrough(Generic[T]):
    """Market data: nothing to reconcile; every decoded event goes to the queue."""

    async def on_connect(self, attempt: int) -> Sequence[T | StreamStatus]:
        return ()

    async def process(self, event: T) -> Sequence[T | StreamStatus]:
        return (event,)


class AccountStage:
    """Exactly-once account events: live pushes and reconciliation both pass one deduper."""

    def __init__(self, venue: str, name: str, reconciler: AccountReconciler | None,
                 symbols: Sequence[str] = ()) -> None:
        self.venue, self.name = venue, name
        self.reconciler = reconciler
        self.deduper = AccountDeduper()
        self.symbols: set[str] = set(symbols)
        self.open_orders: dict[str, str] = {}
        self._connected_once = False
        self._synced_at: int = now_ms()
        """Local time of the stream's creation, then of each (re)connect: the stream is complete from then
        on, so the next reconciliation looks back to it (venues subtract a clock-skew slack)."""

    def _note(self, event: AccountUpdate) -> None:
        symbol = getattr(getattr(event, "order", None) or getattr(event, "fill", None)
                         or getattr(event, "position", None), "symbol", None)
        if symbol:
            self.symbols.add(symbol)

    def _track(self, event: AccountUpdate) -> None:
        if isinstance(event, OrderUpdate):
            if event.order.status is OrderStatus.OPEN:
                self.open_orders[event.order.id] = event.order.symbol
            else:
                self.open_orders.pop(event.order.id, None)

    async def on_connect(self, attempt: int) -> Sequence[AccountUpdate | StreamStatus]:
        first = not self._connected_once
        self._connected_once = True
        since, self._synced_at = self._synced_at, now_ms()
        if self.reconciler is None:
            return ()
        ctx = ReconcileContext(first=first, since_ms=since, symbols=frozenset(self.symbols),
                               open_orders=dict(self.open_orders))
        replayed = list(await self.reconciler.reconcile(ctx))
        seen_legs = {(u.position.symbol, u.position.position_side.value) for u in replayed
                     if isinstance(u, PositionUpdate)}
        stamp = now_ms()
        for symbol, leg in self.deduper.open_position_legs():
            if (symbol, leg) not in seen_legs:
                flat = Position(venue=self.venue, symbol=symbol, side=Side.BUY, position_side=PositionSide(leg),
                                size=Decimal(0))
                replayed.append(PositionUpdate(venue=self.venue, position=flat, reason="RECONCILED",
                                               timestamp=stamp, replayed=True))
        out: list[AccountUpdate | StreamStatus] = []
        for event in replayed:
            self._note(event)
            if self.deduper.accept(event):
                self._track(event)
                out.append(event)
        if not first:
            out.append(StreamStatus(venue=self.venue, stream=self.name, state=StreamState.RESYNCED,
                                    detail=f"reconciled {len(out)} missed events", attempt=attempt,
                                    timestamp=stamp))
        return out

    async def process(self, event: AccountUpdate) -> Sequence[AccountUpdate | StreamStatus]:
        self._note(event)
        if not self.deduper.accept(event):
            return ()
        self._track(event)
        return (event,)


class BookStage:
    """Turns depth deltas into consistent `OrderBookUpdate` snapshots; a gap → GAP, resync → RESYNCED.

    A gap is reported once, by the GAP status (the session counts those): returned here when the venue has
    a REST snapshot, raised as `Reconnect(gap=True)` when only a new subscription brings one.
    """

    def __init__(self, venue: str, name: str, symbol: str, sync: BookSynchronizer, depth: int | None) -> None:
        self.venue, self.name, self.symbol = venue, name, symbol
        self.sync = sync
        self.depth = depth
        self.resyncs = 0
        self._recovering = False

    @property
    def stale_dropped(self) -> int:
        """Deltas the book already covered (duplicates), dropped without a resync."""
        return self.sync.stale_dropped

    async def on_connect(self, attempt: int) -> Sequence[OrderBookUpdate | StreamStatus]:
        self.sync.reset()
        self._recovering = attempt > 0
        return ()

    def _status(self, state: StreamState, detail: str) -> StreamStatus:
        return StreamStatus(venue=self.venue, stream=self.name, state=state, detail=detail, timestamp=now_ms())

    async def process(self, event: BookDelta) -> Sequence[OrderBookUpdate | StreamStatus]:
        try:
            changed = await self.sync.feed(event)
        except ResyncNeeded as exc:
            self.sync.reset()
            self._recovering = True
            if self.sync.fetch_snapshot is None:
                raise Reconnect(str(exc), gap=True) from exc
            return (self._status(StreamState.GAP, str(exc)),)
        if not changed:
            return ()
        out: list[OrderBookUpdate | StreamStatus] = []
        if self._recovering:
            self._recovering = False
            self.resyncs += 1
            out.append(self._status(StreamState.RESYNCED, f"book rebuilt at {self.sync.book.sequence}"))
        out.append(self.sync.book.snapshot(self.venue, self.symbol, self.depth))
        return out
