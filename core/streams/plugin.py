"""The seam a venue implements: a `StreamPlugin` per connection, plus a reconciler for user data.

A venue writes one plugin class per stream kind (user data, mark price, book ticker, trades, depth);
everything else (connecting, back-off, stall detection, keep-alive scheduling, queues, dedup,
reconciliation ordering, local-book sequencing) lives in core. See docs/streams.md "How to add a venue".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from .connection import WsConnection
from .updates import AccountUpdate

E = TypeVar("E")


@dataclass(frozen=True)
class Decoded(Generic[E]):
    """What one frame meant: events, a text reply to send (app-level pong), or a reason to reconnect."""

    events: Sequence[E] = ()
    reply: str | bytes | None = None
    reconnect: str | None = None


class StreamPlugin(Protocol[E]):
    """One WebSocket connection's venue logic. Called by `StreamSession` in this order, on every (re)connect:
    `url()` → connect → `on_open(conn)` → `decode(frame)` for each frame; `keepalive()` every
    `keepalive_interval` seconds while connected; `heartbeat()` every ping interval. An
    `AuthenticationError` (or `PermissionDenied`) from `url()` or `on_open` is a refused login: after
    `StreamPolicy.auth_attempts` in a row the stream ends with it.
    """

    venue: str
    name: str
    keepalive_interval: float | None

    async def url(self) -> str:
        """Where to connect now; create or re-create a listen key here (it may have expired)."""
        ...

    async def on_open(self, conn: WsConnection) -> None:
        """Log in and subscribe to every topic of this stream (the same set after each reconnect)."""
        ...

    def decode(self, frame: str | bytes) -> Decoded[E]:
        """Parse one frame; acks and pongs decode to no events. Raising counts a decode error and skips it."""
        ...

    def heartbeat(self) -> str | bytes | None:
        """An app-level ping to send, or None to send a protocol ping frame."""
        ...

    def heartbeat_reply(self, frame: str | bytes) -> str | bytes | None:
        """The answer to a server heartbeat in `frame` (BingX `Ping` → `Pong`), else None. Called for frames
        that arrive while the session reconciles and holds frames back, so the venue's ping is answered at
        once; such a frame's later `Decoded.reply` is not sent again. Must be cheap and side-effect free."""
        ...

    async def keepalive(self) -> str | None:
        """Periodic upkeep (listen-key PUT). Return a reason to force a reconnect (key gone), else None."""
        ...


@dataclass(frozen=True)
class ReconcileContext:
    """What the stream knew before the reconnect: reconcile at least these symbols from `since_ms`."""

    first: bool
    since_ms: int | None
    symbols: frozenset[str] = field(default_factory=frozenset)
    """Unified symbols seen on the stream or asked for by the caller."""
    open_orders: Mapping[str, str] = field(default_factory=dict)
    """Order id → unified symbol of orders last seen open: report their current state even if closed now."""


class AccountReconciler(Protocol):
    """REST catch-up after each (re)connect: open orders, orders/fills since `since_ms` on `symbols`,
    non-flat positions and balances, as `replayed=True` updates. Core filters out what was already
    delivered and reports legs that went flat."""

    async def reconcile(self, ctx: ReconcileContext) -> Sequence[AccountUpdate]: ...
