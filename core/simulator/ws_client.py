"""In-process `WsConnector` onto a simulator's ASGI app: WebSocket streams in tests without sockets.

The app runs as a task per connection; ASGI `websocket.*` messages are carried over two queues.
Protocol pings are answered here (as an ASGI server would) unless the app stalled the link. An app
that raises (e.g. an injected drop) looks to the client like an abnormal close (code 1006) whose reason
names the exception (unwrapped from the handler's task group).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from ..streams.connection import WsClosed, WsConnectError, WsConnection, describe
from .asgi import INPROCESS_SCOPE_KEY
from .ws import WS_LINK_SCOPE_KEY, WsLink

AsgiApp = Any
_ABNORMAL = 1006


class AsgiWsConnection:
    """Client end of one in-process connection."""

    def __init__(self, link: WsLink) -> None:
        self.link = link
        self.to_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.from_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.task: asyncio.Task[None] | None = None
        self._last = time.monotonic()
        self._closed: WsClosed | None = None

    @property
    def last_received(self) -> float:
        return self._last

    def _check_open(self) -> None:
        if self._closed is not None:
            raise self._closed

    async def send_text(self, data: str) -> None:
        self._check_open()
        await self.to_app.put({"type": "websocket.receive", "text": data})

    async def send_bytes(self, data: bytes) -> None:
        self._check_open()
        await self.to_app.put({"type": "websocket.receive", "bytes": data})

    async def receive(self) -> str | bytes:
        self._check_open()
        message = await self.from_app.get()
        kind = message["type"]
        if kind == "websocket.send":
            self._last = time.monotonic()
            text = message.get("text")
            return str(text) if text is not None else bytes(message.get("bytes") or b"")
        self._closed = WsClosed(message.get("code", _ABNORMAL), str(message.get("reason", "")))
        raise self._closed

    async def ping(self, payload: bytes = b"") -> None:
        self._check_open()
        await asyncio.sleep(0)
        if self.link.answer_pings:
            self._last = time.monotonic()

    async def close(self, code: int = 1000) -> None:
        if self._closed is None:
            self._closed = WsClosed(code, "closed by client")
        await self.to_app.put({"type": "websocket.disconnect", "code": code})
        task = self.task
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


class AsgiWsConnector:
    """`AsgiWsConnector(sim)` opens connections to `sim`'s WebSocket routes; `connections` lists them."""

    def __init__(self, app: AsgiApp, *, client: tuple[str, int] = ("127.0.0.1", 50001)) -> None:
        self.app = app
        self.client = client
        self.connections: list[AsgiWsConnection] = []

    async def connect(
        self, url: str, *, headers: Mapping[str, str] | None = None, timeout: float = 10.0
    ) -> WsConnection:
        parts = urlsplit(url)
        link = WsLink()
        scope: dict[str, Any] = {
            "type": "websocket", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "scheme": parts.scheme or "ws", "path": parts.path or "/", "raw_path": (parts.path or "/").encode(),
            "query_string": parts.query.encode(), "root_path": "",
            "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()],
            "client": self.client, "server": (parts.hostname or "sim", parts.port or 443), "subprotocols": [],
            INPROCESS_SCOPE_KEY: True, WS_LINK_SCOPE_KEY: link,
        }
        conn = AsgiWsConnection(link)
        conn.to_app.put_nowait({"type": "websocket.connect"})
        conn.task = asyncio.get_running_loop().create_task(self._run(scope, conn), name=f"sim-ws:{parts.path}")
        try:
            first = await asyncio.wait_for(conn.from_app.get(), timeout)
        except TimeoutError as exc:
            await conn.close()
            raise WsConnectError(reason="handshake timeout") from exc
        if first["type"] != "websocket.accept":
            await conn.close()
            raise WsConnectError(first.get("code"), str(first.get("reason", "handshake refused")))
        self.connections.append(conn)
        return conn

    async def _run(self, scope: dict[str, Any], conn: AsgiWsConnection) -> None:
        try:
            await self.app(scope, conn.to_app.get, conn.from_app.put)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            await conn.from_app.put({"type": "websocket.close", "code": _ABNORMAL, "reason": describe(exc)})
            return
        await conn.from_app.put({"type": "websocket.close", "code": _ABNORMAL, "reason": "app returned"})

    def open_connections(self) -> list[AsgiWsConnection]:
        return [c for c in self.connections if c.task is not None and not c.task.done()]
