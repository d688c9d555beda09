"""The simulator's WebSocket endpoint on BingX's path and the listen-key REST routes.

`/swap-market` serves market topics (`{"id","reqType":"sub"|"unsub","dataType"}` → `{"id","code":0,"msg":""…}`)
and, with `?listenKey=`, the account's user data. Every server frame is gzip-compressed binary; the server
sends `Ping` every `hub.ping_interval` seconds and closes a connection that missed `hub.max_missed_pongs`.
Errors as BingX lists them: 80015 unsupported `dataType`, 80403 more than 200 topics.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Awaitable, Callable
from typing import Any, Final

import anyio
import orjson

from venuekit.core.simulator import SimRequest, SimResponse, SimWebSocket, StreamFaultKind, WsApp

from . import codes
from .auth import parse_params
from .wire import error, ok, respond
from .ws_hub import BingXWsHub, Listener

PATH: Final = "/swap-market"
LISTEN_KEY_PATH: Final = "/openApi/user/auth/userDataStream"
TOPICS_MAX: Final = 200
UNSUPPORTED: Final = 80015
TOO_MANY_TOPICS: Final = 80403
LISTEN_KEY_EXPIRED: Final = 100401
_TOPIC = re.compile(r"(?P<symbol>[^@]+)@(?P<kind>markPrice|bookTicker|trade|incrDepth|depth(?P<n>5|10|20|50|100)"
                    r"(?:@(?:100|200|500|1000)ms)?)")


def _reply(ident: object, code: int = 0, msg: str = "", data_type: str = "") -> dict[str, Any]:
    return {"id": ident, "code": code, "msg": msg, "dataType": data_type, "data": None}


def _subscribe(hub: BingXWsHub, listener: Listener, ident: object, data_type: str) -> None:
    found = _TOPIC.fullmatch(data_type)
    symbol = found.group("symbol") if found else ""
    if found is None or symbol not in {i.symbol for i in hub.exchange.instruments()}:
        listener.put("reply", _reply(ident, UNSUPPORTED, "dataType not supported", data_type))
        return
    if data_type not in listener.topics and len(listener.topics) >= TOPICS_MAX:
        listener.put("reply", _reply(ident, TOO_MANY_TOPICS, "subscribed topics exceed the limit", data_type))
        return
    kind = found.group("kind")
    if kind in ("incrDepth", "bookTicker") or kind.startswith("depth"):
        hub.book_state(symbol)
    listener.topics.add(data_type)
    listener.put("reply", _reply(ident))
    if kind == "incrDepth":
        listener.put("incrDepthSnapshot", hub.depth_snapshot(symbol))


def handle_client(hub: BingXWsHub, listener: Listener, text: str) -> None:
    """One client message: `Pong`, or a sub/unsub request."""
    if text.strip() == "Pong":
        listener.pongs += 1
        listener.ping_outstanding, listener.missed_pongs = False, 0
        return
    try:
        request = orjson.loads(text)
    except orjson.JSONDecodeError:
        listener.put("reply", {"code": codes.BAD_PARAMS, "msg": "invalid request", "timestamp": hub.exchange.now_ms()})
        return
    if isinstance(request, dict) and "pong" in request:
        listener.pongs += 1
        listener.ping_outstanding, listener.missed_pongs = False, 0
        return
    if not isinstance(request, dict) or request.get("reqType") not in ("sub", "unsub"):
        ident = request.get("id") if isinstance(request, dict) else None
        listener.put("reply", _reply(ident, codes.BAD_PARAMS, "reqType must be sub or unsub"))
        return
    ident, data_type = request.get("id"), str(request.get("dataType") or "")
    if request["reqType"] == "sub":
        _subscribe(hub, listener, ident, data_type)
    else:
        listener.topics.discard(data_type)
        listener.put("reply", _reply(ident))


def connection_handler(hub: BingXWsHub) -> Callable[[SimWebSocket], Awaitable[None]]:
    async def handle(ws: SimWebSocket) -> None:
        listener = Listener()
        listen_key = ws.query.get("listenKey")
        if listen_key is not None:
            owner = hub.key_owner(listen_key)
            if owner is None or hub.faults.take(StreamFaultKind.REFUSE_LOGIN):
                await ws.reject(1008, "invalid listen key")
                return
            listener.listen_key, listener.account_id = listen_key, owner
        await ws.accept()
        hub.attach(listener)
        try:
            async with anyio.create_task_group() as tg:

                async def read() -> None:
                    while (text := await ws.receive_text()) is not None:
                        handle_client(hub, listener, text)
                    tg.cancel_scope.cancel()

                async def ping() -> None:
                    while True:
                        await anyio.sleep(hub.ping_interval)
                        if listener.ping_outstanding and not ws.stalled:
                            listener.missed_pongs += 1
                            if listener.missed_pongs >= hub.max_missed_pongs:
                                await ws.close(1000, "no pong")
                                tg.cancel_scope.cancel()
                                return
                        listener.ping_outstanding = True
                        listener.outbox.put_nowait(("Ping", "Ping"))

                tg.start_soon(read)
                tg.start_soon(ping)
                while True:
                    kind, text = await listener.outbox.get()
                    await ws.send(gzip.compress(text.encode(), mtime=0), kind)
        finally:
            hub.detach(listener)

    return handle


def websocket_app(hub: BingXWsHub, app: WsApp) -> WsApp:
    app.route(PATH, connection_handler(hub))
    return app


def ws_paths() -> list[tuple[str, str]]:
    """(`WS`, path) pairs served, for the coverage table."""
    return [("WS", PATH), ("WS", f"{PATH}?listenKey={{listenKey}}")]


# -- listen keys over REST -------------------------------------------------------------------------------
Handler = Callable[[SimRequest], Awaitable[SimResponse]]


def listen_key_handlers(hub: BingXWsHub) -> dict[str, Handler]:
    """POST create (bare `{"listenKey": ...}`, as recorded live), PUT extend, DELETE close: API key header
    only; an unknown or expired key is HTTP 404, a missing `listenKey` HTTP 204 (BingX's status table)."""

    def account_of(request: SimRequest) -> str | None:
        entry = hub.state.keys.get(request.headers.get("x-bx-apikey") or "")
        return entry.account_id if entry is not None else None

    def refused(request: SimRequest) -> SimResponse | None:
        if account_of(request) is None:
            return respond(error(codes.BAD_API_KEY, "Incorrect apiKey"))
        return None

    async def create(request: SimRequest) -> SimResponse:
        account = account_of(request)
        if account is None:
            return respond(error(codes.BAD_API_KEY, "Incorrect apiKey"))
        return respond({"listenKey": hub.create_key(account)})

    def keyed(action: Callable[[str], bool]) -> Handler:
        async def run(request: SimRequest) -> SimResponse:
            denied = refused(request)
            if denied is not None:
                return denied
            key = parse_params(request).params.get("listenKey")
            if not key:
                return SimResponse(status=204, headers=[], body=b"")
            if not action(key):
                return respond(error(LISTEN_KEY_EXPIRED, "listenKey does not exist"), status=404)
            return respond(ok({}))

        return run

    return {"POST": create, "PUT": keyed(hub.extend_key), "DELETE": keyed(hub.delete_key)}


def listen_key_routes() -> list[tuple[str, str]]:
    return [(method, LISTEN_KEY_PATH) for method in ("POST", "PUT", "DELETE")]
