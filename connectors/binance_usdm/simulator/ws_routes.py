"""The simulator's WebSocket endpoints on Binance's paths, and the REST depth snapshot aligned to them.

Paths: `/ws/<stream>[/<stream>…]` or `/ws/<listenKey>` (raw), `/stream?streams=a/b` (combined, wrapped in
`{"stream", "data"}`), the same under `/public`, `/market`, and `/private/ws?listenKey=<key>`. Live
`SUBSCRIBE` / `UNSUBSCRIBE` / `LIST_SUBSCRIPTIONS` work on every connection. An unknown or expired listen
key is refused at the handshake; a bare number (`/ws/0`, ccxt.pro's connection index) is neither a stream
nor a key, so it opens a plain connection that waits for `SUBSCRIBE`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import anyio
import orjson

from venuekit.core.simulator import SimWebSocket, StreamFaultKind, WsApp

from .errors import invalid
from .pipeline import Ctx, Spec
from .routes_public import DEPTH_LIMITS, _depth_limit, depth_weight
from .wire import price_text, qty_text
from .ws_hub import BinanceWsHub, Listener

PREFIXES = ("", "/public", "/market", "/private")


def _is_stream(name: str) -> bool:
    return "@" in name or name.startswith("!")


def _is_placeholder(name: str) -> bool:
    """A path name that is neither a stream nor possibly a listen key (those are long alphanumeric strings):
    ccxt.pro opens `/ws/<connection index>` (`/ws/0`) and then sends SUBSCRIBE, so it is a plain connection."""
    return name.isdigit()


def _subscribe(listener: Listener, hub: BinanceWsHub, names: list[str]) -> None:
    for name in names:
        if _is_stream(name):
            listener.topics[name.lower()] = name
            symbol_part = name.split("@", 1)[0]
            for inst in hub.backend.exchange.instruments():
                if hub.backend.wire(inst.symbol).lower() == symbol_part and "@depth" in name.lower():
                    hub.book_state(inst.symbol)
        elif name and (hub.key_owner(name) is not None or not _is_placeholder(name)):
            listener.listen_key = name


def _control(listener: Listener, hub: BinanceWsHub, text: str) -> dict[str, object]:
    """Answer a live SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS request (errors as Binance's codes)."""
    try:
        request = orjson.loads(text)
    except orjson.JSONDecodeError:
        return {"code": 3, "msg": "Invalid JSON: expected value at line 1 column 1"}
    if not isinstance(request, dict) or "method" not in request:
        return {"code": 2, "msg": "Invalid request: missing field `method` at line 1 column 2"}
    method, ident, params = request.get("method"), request.get("id"), request.get("params") or []
    if method == "SUBSCRIBE":
        _subscribe(listener, hub, [str(p) for p in params])
        return {"result": None, "id": ident}
    if method == "UNSUBSCRIBE":
        for name in params:
            listener.topics.pop(str(name).lower(), None)
        return {"result": None, "id": ident}
    if method == "LIST_SUBSCRIPTIONS":
        return {"result": sorted(listener.topics.values()), "id": ident}
    return {"code": 2, "msg": "Invalid request: unknown variant method"}


def connection_handler(hub: BinanceWsHub, *, combined: bool) -> Callable[[SimWebSocket], Awaitable[None]]:
    async def handle(ws: SimWebSocket) -> None:
        listener = Listener(combined=combined)
        if combined:
            names = [n for n in ws.query.get("streams", "").split("/") if n]
        else:
            tail = ws.path.split("/ws", 1)[1].lstrip("/") if "/ws" in ws.path else ""
            names = [n for n in tail.split("/") if n]
        if ws.query.get("listenKey"):
            names.append(ws.query["listenKey"])
        _subscribe(listener, hub, names)
        if listener.listen_key is not None:
            listener.account_id = hub.key_owner(listener.listen_key)
            if listener.account_id is None or hub.faults.take(StreamFaultKind.REFUSE_LOGIN):
                await ws.reject(1008, "invalid listen key")
                return
        await ws.accept()
        hub.attach(listener)
        try:
            async with anyio.create_task_group() as tg:

                async def read() -> None:
                    while (text := await ws.receive_text()) is not None:
                        listener.outbox.put_nowait(("response", orjson.dumps(_control(listener, hub, text)).decode()))
                    tg.cancel_scope.cancel()

                tg.start_soon(read)
                while True:
                    kind, text = await listener.outbox.get()
                    await ws.send(text, kind)
        finally:
            hub.detach(listener)

    return handle


def websocket_app(hub: BinanceWsHub, app: WsApp) -> WsApp:
    for prefix in PREFIXES:
        app.route(f"{prefix}/ws", connection_handler(hub, combined=False))
        app.route(f"{prefix}/ws/*", connection_handler(hub, combined=False))
        app.route(f"{prefix}/stream", connection_handler(hub, combined=True))
    return app


def ws_paths() -> list[tuple[str, str]]:
    """(`WS`, path) pairs served, for the coverage table."""
    return [("WS", f"{p}{s}") for p in PREFIXES for s in ("/ws/{streams|listenKey}", "/stream")]


def depth_route(hub: BinanceWsHub) -> Spec:
    """`GET /fapi/v1/depth` whose `lastUpdateId` is the diff stream's current `u` for the symbol."""

    def depth(ctx: Ctx) -> object:
        inst = ctx.inst()
        limit = _depth_limit(ctx.params)
        if limit not in DEPTH_LIMITS:
            raise invalid("limit")
        spec = ctx.backend.spec_of(inst)
        last_id = hub.last_update_id(inst.symbol)
        bids, asks = ctx.exchange.book(inst.symbol, limit)
        return {
            "lastUpdateId": last_id, "E": ctx.now, "T": ctx.now,
            "bids": [[price_text(p, spec.price_places), qty_text(q, spec.qty_places)] for p, q in bids],
            "asks": [[price_text(p, spec.price_places), qty_text(q, spec.qty_places)] for p, q in asks],
        }

    return Spec("GET", "/fapi/v1/depth", "NONE", depth, depth_weight)
