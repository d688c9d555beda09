"""Default `WsConnector` on aiohttp's client (already a dependency; see docs/streams.md for the measurement)."""

from __future__ import annotations

import time
from collections.abc import Mapping

import aiohttp
import anyio

from .connection import WsClosed, WsConnectError, WsConnection

_CLOSING = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSING, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR)


class AiohttpConnection:
    """aiohttp `ClientWebSocketResponse` with pings handled here so pongs are visible to the watchdog."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, session: aiohttp.ClientSession | None) -> None:
        self._ws = ws
        self._session = session
        self._last = time.monotonic()

    @property
    def last_received(self) -> float:
        return self._last

    async def send_text(self, data: str) -> None:
        try:
            await self._ws.send_str(data)
        except (ConnectionError, RuntimeError, aiohttp.ClientError) as exc:
            raise WsClosed(reason=str(exc)) from exc

    async def send_bytes(self, data: bytes) -> None:
        try:
            await self._ws.send_bytes(data)
        except (ConnectionError, RuntimeError, aiohttp.ClientError) as exc:
            raise WsClosed(reason=str(exc)) from exc

    async def receive(self) -> str | bytes:
        while True:
            msg = await self._ws.receive()
            self._last = time.monotonic()
            if msg.type is aiohttp.WSMsgType.TEXT:
                return str(msg.data)
            if msg.type is aiohttp.WSMsgType.BINARY:
                return bytes(msg.data)
            if msg.type is aiohttp.WSMsgType.PING:
                await self._ws.pong(msg.data)
                continue
            if msg.type is aiohttp.WSMsgType.PONG:
                continue
            if msg.type in _CLOSING:
                raise WsClosed(self._ws.close_code, str(msg.extra or ""))

    async def ping(self, payload: bytes = b"") -> None:
        try:
            await self._ws.ping(payload)
        except (ConnectionError, RuntimeError, aiohttp.ClientError) as exc:
            raise WsClosed(reason=str(exc)) from exc

    async def close(self, code: int = 1000) -> None:
        try:
            await self._ws.close(code=code)
        finally:
            if self._session is not None:
                await self._session.close()


class AiohttpConnector:
    """One `aiohttp.ClientSession` per connection (sockets are long-lived; pooling buys nothing)."""

    def __init__(self, *, max_msg_size: int = 16 * 1024 * 1024, compress: int = 0) -> None:
        self.max_msg_size = max_msg_size
        self.compress = compress

    async def connect(
        self, url: str, *, headers: Mapping[str, str] | None = None, timeout: float = 10.0
    ) -> WsConnection:
        session = aiohttp.ClientSession()
        try:
            with anyio.fail_after(timeout):
                ws = await session.ws_connect(
                    url, headers=dict(headers or {}), autoping=False, autoclose=True,
                    max_msg_size=self.max_msg_size, compress=self.compress,
                    timeout=aiohttp.ClientWSTimeout(ws_receive=None, ws_close=timeout),
                )
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            await session.close()
            raise WsConnectError(reason=f"{type(exc).__name__}: {exc}") from exc
        return AiohttpConnection(ws, session)
