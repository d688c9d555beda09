"""ASGI WebSocket support for simulator apps: a small server-side socket API, path routing, faults.

`WsApp` is what `SimApp(websocket=...)` takes. Handlers get a `SimWebSocket`; every outgoing message
carries a `kind` so `StreamFaults` can drop, stall, delay, duplicate, reorder or skip it; it goes out
as a text frame (`str`) or a binary frame (`bytes`, e.g. BingX's gzip). Hosts (the
in-process connector, the aiohttp socket host) put a `WsLink` in the scope under `WS_LINK_SCOPE_KEY`
so a stalled socket also stops answering protocol pings.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import anyio

from .ws_faults import StreamFaultKind, StreamFaults

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
WsHandler = Callable[["SimWebSocket"], Awaitable[None]]

WS_LINK_SCOPE_KEY = "venuekit.ws_link"


@dataclass
class WsLink:
    """Host ↔ app side channel: `answer_pings` off makes the host ignore pings (stall)."""

    answer_pings: bool = True


@dataclass
class _Held:
    """A message a REORDER fault holds back until `left` more messages (of kinds `behind` matches) went out."""

    data: str | bytes
    behind: str | None
    left: int


class ConnectionDropped(Exception):
    """Raised inside a handler to end the connection abruptly (hosts close without a close frame)."""


@dataclass(eq=False)
class SimWebSocket:
    """The server side of one connection as a simulator handler sees it."""

    scope: Scope
    receive_raw: Receive
    send_raw: Send
    faults: StreamFaults
    path: str = ""
    query: dict[str, str] = field(default_factory=dict)
    accepted: bool = False
    closed: bool = False
    stalled: bool = False
    sent: int = 0
    _held: list[_Held] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.path = self.scope.get("path", "")
        raw = self.scope.get("query_string", b"")
        self.query = dict(parse_qsl(raw.decode() if isinstance(raw, bytes) else raw, keep_blank_values=True))

    @property
    def link(self) -> WsLink:
        link = self.scope.get(WS_LINK_SCOPE_KEY)
        if not isinstance(link, WsLink):
            link = self.scope[WS_LINK_SCOPE_KEY] = WsLink()
        return link

    async def accept(self) -> None:
        message = await self.receive_raw()
        if message["type"] != "websocket.connect":
            raise ConnectionDropped("client went away before the handshake")
        await self.send_raw({"type": "websocket.accept"})
        self.accepted = True

    async def reject(self, code: int = 1008, reason: str = "") -> None:
        """Refuse the handshake (HTTP 403 on a real socket; a `WsConnectError` in process)."""
        await self.receive_raw()
        await self.send_raw({"type": "websocket.close", "code": code, "reason": reason})
        self.closed = True

    async def send(self, data: str | bytes, kind: str = "") -> None:
        """Send one message through the fault injector: `str` as a text frame, `bytes` as a binary frame."""
        if self.closed or self.stalled:
            return
        copies = 1
        for fault in self.faults.for_message(kind, self.path):
            if fault.kind is StreamFaultKind.DROP:
                self.closed = True
                raise ConnectionDropped(f"injected drop at {kind}")
            if fault.kind is StreamFaultKind.STALL:
                self.stalled = True
                self.link.answer_pings = False
                return
            if fault.kind is StreamFaultKind.DELAY:
                await anyio.sleep(fault.delay_ms / 1000)
            elif fault.kind is StreamFaultKind.SKIP:
                return
            elif fault.kind is StreamFaultKind.DUPLICATE:
                copies = 2
            elif fault.kind is StreamFaultKind.REORDER:
                self._held.append(_Held(data, fault.behind, fault.by))
                return
        for held in self._held:
            if held.behind is None or fnmatch.fnmatchcase(kind, held.behind):
                held.left -= 1
        due = [held.data for held in self._held if held.left <= 0]
        self._held = [held for held in self._held if held.left > 0]
        for _ in range(copies):
            await self._send_now(data)
        for data_held in due:
            await self._send_now(data_held)

    async def _send_now(self, data: str | bytes) -> None:
        if isinstance(data, bytes):
            await self.send_raw({"type": "websocket.send", "bytes": data})
        else:
            await self.send_raw({"type": "websocket.send", "text": data})
        self.sent += 1

    async def receive_text(self) -> str | None:
        """The next client text message; None once the client disconnected."""
        while True:
            message = await self.receive_raw()
            if message["type"] == "websocket.disconnect":
                self.closed = True
                return None
            if message["type"] == "websocket.receive":
                if message.get("text") is not None:
                    return str(message["text"])
                data = message.get("bytes")
                if data is not None:
                    return bytes(data).decode("utf-8", "replace")

    async def close(self, code: int = 1000, reason: str = "") -> None:
        if not self.closed:
            self.closed = True
            await self.send_raw({"type": "websocket.close", "code": code, "reason": reason})


class WsApp:
    """Routes WebSocket connections by path (exact or `*` glob) to handlers; unknown paths are refused."""

    def __init__(self, faults: StreamFaults | None = None) -> None:
        self.faults = faults or StreamFaults()
        self.routes: list[tuple[str, WsHandler]] = []
        self.connections: set[SimWebSocket] = set()

    def route(self, path: str, handler: WsHandler) -> None:
        self.routes.append((path, handler))

    def _handler(self, path: str) -> WsHandler | None:
        for pattern, handler in self.routes:
            if path == pattern or ("*" in pattern and fnmatch.fnmatchcase(path, pattern)):
                return handler
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        ws = SimWebSocket(scope, receive, send, self.faults)
        handler = self._handler(ws.path)
        if handler is None:
            await ws.reject(1008, "unknown path")
            return
        self.connections.add(ws)
        try:
            await handler(ws)
        finally:
            self.connections.discard(ws)
