"""The WebSocket seam: what a stream needs from a socket, whatever library (or in-process app) is behind it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable


class WsClosed(Exception):
    """The socket closed (by either side or the network); the session reconnects."""

    def __init__(self, code: int | None = None, reason: str = "") -> None:
        super().__init__(f"websocket closed (code={code}) {reason}".rstrip())
        self.code = code
        self.reason = reason


class WsConnectError(WsClosed):
    """The connection could not be opened (refused, handshake rejected, timeout)."""


def describe(exc: BaseException) -> str:
    """`Type: message` of the exception that actually happened: exception groups (task groups) are unwrapped
    to their leaves, so a reason never reads "unhandled errors in a TaskGroup"."""
    if isinstance(exc, BaseExceptionGroup):
        return "; ".join(describe(inner) for inner in exc.exceptions)
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@runtime_checkable
class WsConnection(Protocol):
    """One open WebSocket. `receive` answers protocol pings itself and returns only data frames.

    `last_received` is the monotonic time (`time.monotonic()`) of the last frame of any kind, pongs
    included: the stall watchdog reads it.
    """

    @property
    def last_received(self) -> float: ...

    async def send_text(self, data: str) -> None: ...

    async def send_bytes(self, data: bytes) -> None: ...

    async def receive(self) -> str | bytes:
        """The next text or binary data frame; raises `WsClosed` once the socket is closed. Cancelling a
        waiting `receive` loses no frame (the session stops a reader this way after reconciliation)."""
        ...

    async def ping(self, payload: bytes = b"") -> None:
        """Send a protocol ping; the pong only updates `last_received`."""
        ...

    async def close(self, code: int = 1000) -> None: ...


class WsConnector(Protocol):
    """Opens connections; the default is `AiohttpConnector`, tests use the in-process ASGI connector."""

    async def connect(
        self, url: str, *, headers: Mapping[str, str] | None = None, timeout: float = 10.0
    ) -> WsConnection: ...
