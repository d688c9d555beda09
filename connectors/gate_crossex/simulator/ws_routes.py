"""The simulator's CrossEx WebSocket endpoints: `/ws/crossex` (private: signed login, then private channels)
and `/ws/crossex/public` (market channels by symbol), with the documented request/ack/error frames.

The login signature is verified here, independently of the client: hex(HMAC-SHA512(secret,
"channel=&event=login&time=<time>")). A bad login (or an armed `refuse_login` fault) answers error 100006;
a private subscription before login answers 100002.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import orjson

from venuekit.core import Secret
from venuekit.core.simulator import SimWebSocket, StreamFaultKind, WsApp

from . import ws_shapes
from .ws_hub import ALL, GateWsHub, Listener

PRIVATE_PATH = "/ws/crossex"
PUBLIC_PATH = "/ws/crossex/public"
PRIVATE_CHANNELS = frozenset({"order", "usertrades", "position", "margin_position", "asset"})
PUBLIC_CHANNELS = frozenset({"last_price", "index_price", "mark_price", "funding_rate", "ticker", "trade",
                             "order_book_update"})
Replies = list[tuple[str, str]]


class WsKeys:
    """API keys for WebSocket login (the REST authenticator keeps its own)."""

    def __init__(self) -> None:
        self._keys: dict[str, tuple[str, Secret]] = {}
        self.failures = 0

    def add(self, api_key: str, secret: str, account_id: str) -> None:
        self._keys[api_key] = (account_id, Secret(secret))

    def login(self, payload: Any, time_s: Any) -> str | None:
        """The account behind a correctly signed `api_key` login, else None."""
        if not isinstance(payload, dict) or payload.get("method") != "api_key" or not isinstance(time_s, int):
            return None
        entry = self._keys.get(str(payload.get("api_key", "")))
        if entry is None:
            return None
        account_id, secret = entry
        text = f"channel=&event=login&time={time_s}".encode()
        want = hmac.new(secret.reveal().encode(), text, hashlib.sha512).hexdigest()
        given = str(payload.get("sign", "")).lower()
        return account_id if hmac.compare_digest(want.encode(), given.encode()) else None


class Protocol:
    """Answers one connection's requests; replies (and first pushes) are returned as (kind, text)."""

    def __init__(self, hub: GateWsHub, keys: WsKeys) -> None:
        self.hub = hub
        self.keys = keys

    def handle(self, listener: Listener, text: str) -> Replies:
        now = self.hub.now_ms()
        try:
            request = orjson.loads(text)
        except orjson.JSONDecodeError:
            return [("error", ws_shapes.error("", "", "100001", now, "invalid JSON"))]
        if not isinstance(request, dict):
            return [("error", ws_shapes.error("", "", "100001", now, "request must be an object"))]
        channel, event = str(request.get("channel") or ""), str(request.get("event") or "")
        if event == "login" and not listener.public:
            return self._login(listener, request, now)
        if event in ("subscribe", "unsubscribe"):
            return self._subscription(listener, channel, event, request.get("payload"), now)
        return [("error", ws_shapes.error(channel, event, "100001", now, f"event {event!r} is not served here"))]

    def _login(self, listener: Listener, request: dict[str, Any], now: int) -> Replies:
        account_id = self.keys.login(request.get("payload"), request.get("time"))
        if account_id is None or self.hub.faults.take(StreamFaultKind.REFUSE_LOGIN):
            self.keys.failures += 1
            return [("login", ws_shapes.error("", "login", "100006", now))]
        listener.account_id = account_id
        listener.conn_id = str(uuid.uuid4())
        return [("login", ws_shapes.login_ok(listener.conn_id, now))]

    def _subscription(self, listener: Listener, channel: str, event: str, payload: Any, now: int) -> Replies:
        allowed = PUBLIC_CHANNELS if listener.public else PRIVATE_CHANNELS
        if channel not in allowed:
            detail = f"channel {channel!r} is not served here"
            return [("error", ws_shapes.error(channel, event, "100001", now, detail))]
        if not listener.public and listener.account_id is None:
            return [("error", ws_shapes.error(channel, event, "100002", now))]
        keys = [str(k) for k in payload] if isinstance(payload, list) else []
        if not keys or (listener.public and (ALL in keys or any(k not in self.hub.venue.pairs for k in keys))):
            return [("error", ws_shapes.error(channel, event, "100001", now, "payload"))]
        if event == "unsubscribe":
            listener.channels.get(channel, set()).difference_update(keys)
            return [("subscribe", ws_shapes.ack(channel, event, keys, now))]
        listener.channels.setdefault(channel, set()).update(keys)
        replies: Replies = [("subscribe", ws_shapes.ack(channel, event, keys, now))]
        for symbol in keys if listener.public else ():
            first = self.hub.current(channel, symbol)
            if first is not None:
                replies.append((channel, ws_shapes.public(channel, first, now)))
        return replies


def connection_handler(protocol: Protocol, *, public: bool) -> Callable[[SimWebSocket], Awaitable[None]]:
    hub = protocol.hub

    async def handle(ws: SimWebSocket) -> None:
        await ws.accept()
        listener = Listener(public=public)
        hub.attach(listener)
        try:
            async with anyio.create_task_group() as tg:

                async def read() -> None:
                    while (text := await ws.receive_text()) is not None:
                        for kind, reply in protocol.handle(listener, text):
                            listener.put(kind, reply)
                    tg.cancel_scope.cancel()

                tg.start_soon(read)
                while True:
                    kind, text = await listener.outbox.get()
                    await ws.send(text, kind)
        finally:
            hub.detach(listener)

    return handle


def websocket_app(hub: GateWsHub, keys: WsKeys, app: WsApp) -> WsApp:
    protocol = Protocol(hub, keys)
    app.route(PRIVATE_PATH, connection_handler(protocol, public=False))
    app.route(PUBLIC_PATH, connection_handler(protocol, public=True))
    return app


def ws_paths() -> list[tuple[str, str]]:
    """(`WS`, path) pairs served, for the coverage table."""
    return [("WS", PRIVATE_PATH), ("WS", PUBLIC_PATH)]
