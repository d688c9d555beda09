"""Serve a simulator ASGI app (HTTP and WebSocket) on a real socket with aiohttp's server.

uvicorn needs the `websockets` or `wsproto` package for WebSockets; aiohttp is already a dependency, so
real-socket stream tests and `serve_sockets` use this host instead. Protocol pings are answered here
unless the app stalled the link (`WsLink.answer_pings`); an app that raises aborts the TCP connection
(the client sees an abnormal close, like a network drop).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import WSMsgType, web

from .asgi import Message
from .ws import WS_LINK_SCOPE_KEY, WsLink

AsgiApp = Any


def _headers(request: web.Request) -> list[tuple[bytes, bytes]]:
    return [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in request.headers.items()]


def _scope(request: web.Request, kind: str) -> dict[str, Any]:
    peer = request.transport.get_extra_info("peername") if request.transport else None
    return {
        "type": kind, "asgi": {"version": "3.0"}, "http_version": "1.1", "method": request.method,
        "scheme": "ws" if kind == "websocket" else "http", "path": request.path,
        "raw_path": request.raw_path.split("?")[0].encode(), "query_string": request.query_string.encode(),
        "root_path": "", "headers": _headers(request), "client": tuple(peer[:2]) if peer else None,
        "server": None, "subprotocols": [],
    }


async def _http(app: AsgiApp, request: web.Request) -> web.StreamResponse:
    body = await request.read()
    incoming: list[Message] = [{"type": "http.request", "body": body, "more_body": False}]
    status, headers, chunks = 500, [], []

    async def receive() -> Message:
        if incoming:
            return incoming.pop()
        await asyncio.Event().wait()
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        nonlocal status, headers
        if message["type"] == "http.response.start":
            status, headers = message["status"], message.get("headers", [])
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    try:
        await app(_scope(request, "http"), receive, send)
    except Exception:
        if request.transport is not None:
            request.transport.abort()
        raise
    kept = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in headers if k.lower() != b"content-length"]
    return web.Response(status=status, body=b"".join(chunks), headers=kept)


async def _websocket(app: AsgiApp, request: web.Request) -> web.StreamResponse:
    link = WsLink()
    scope = _scope(request, "websocket") | {WS_LINK_SCOPE_KEY: link}
    to_app: asyncio.Queue[Message] = asyncio.Queue()
    from_app: asyncio.Queue[Message] = asyncio.Queue()
    to_app.put_nowait({"type": "websocket.connect"})
    task = asyncio.get_running_loop().create_task(app(scope, to_app.get, from_app.put))
    task.add_done_callback(lambda _: from_app.put_nowait({"type": "host.app_done"}))
    first = await from_app.get()
    if first["type"] != "websocket.accept":
        task.cancel()
        return web.Response(status=403, text=str(first.get("reason", "refused")))
    ws = web.WebSocketResponse(autoping=False, autoclose=False)
    await ws.prepare(request)

    async def pump_in() -> None:
        async for msg in ws:
            if msg.type is WSMsgType.TEXT:
                await to_app.put({"type": "websocket.receive", "text": msg.data})
            elif msg.type is WSMsgType.BINARY:
                await to_app.put({"type": "websocket.receive", "bytes": msg.data})
            elif msg.type is WSMsgType.PING and link.answer_pings:
                await ws.pong(msg.data)
            elif msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSING):
                break
        await to_app.put({"type": "websocket.disconnect", "code": ws.close_code or 1000})

    reader = asyncio.get_running_loop().create_task(pump_in())
    try:
        while True:
            message = await from_app.get()
            kind = message["type"]
            if kind == "websocket.send":
                if message.get("text") is not None:
                    await ws.send_str(message["text"])
                else:
                    await ws.send_bytes(message.get("bytes") or b"")
            elif kind == "websocket.close":
                await ws.close(code=message.get("code", 1000))
                break
            else:
                if task.done() and not task.cancelled() and task.exception() is not None and request.transport:
                    request.transport.abort()
                else:
                    await ws.close()
                break
    finally:
        for pending in (reader, task):
            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await pending
    return ws


@contextlib.asynccontextmanager
async def running_socket_server(app: AsgiApp, host: str = "127.0.0.1", port: int = 0) -> AsyncIterator[str]:
    """Serve `app` (HTTP + WebSocket) on the current loop; yields `http://host:port`."""

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.headers.get("Upgrade", "").lower() == "websocket":
            return await _websocket(app, request)
        return await _http(app, request)

    server = web.Application()
    server.router.add_route("*", "/{tail:.*}", handle)
    runner = web.AppRunner(server, handle_signals=False, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    sockets = site._server.sockets if site._server is not None else ()  # type: ignore[attr-defined]
    bound = sockets[0].getsockname()[1] if sockets else port
    try:
        yield f"http://{host}:{bound}"
    finally:
        await runner.cleanup()
