"""Plain ASGI 3 application for simulators: routing, hooks, error mapping, lifespan and fault injection.

Network faults behave differently by host. In process (`SimulatorTransport` marks the scope with
`INPROCESS_SCOPE_KEY`) the app raises `SimulatedNetworkFault` and the transport turns it into the
httpx error a network would give. Under a real server (uvicorn) a drop starts a response and then
abandons it, so uvicorn closes the socket and the client sees a protocol/read error; a timeout
sleeps `FaultInjector.hang_ms` before doing the same.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from .faults import NETWORK_FAULTS, Fault, FaultInjector, FaultKind, SimulatedNetworkFault
from .messages import RawNumber, SimRequest, SimResponse, decimal_text, dumps, json_response, text_response
from .routing import Handler, Router

__all__ = [
    "INPROCESS_SCOPE_KEY",
    "RawNumber",
    "Router",
    "SimApp",
    "SimRequest",
    "SimResponse",
    "decimal_text",
    "dumps",
    "json_response",
    "text_response",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
BeforeHook = Callable[[SimRequest], Awaitable[SimResponse | None]]
AfterHook = Callable[[SimRequest, SimResponse], Awaitable[SimResponse | None]]
ErrorHandler = Callable[[SimRequest, Exception], Awaitable[SimResponse | None]]
LifespanHook = Callable[[], Awaitable[None] | None]
WebSocketApp = Callable[[Scope, Receive, Send], Awaitable[None]]

INPROCESS_SCOPE_KEY = "venuekit.inprocess"


async def _call_lifespan_hook(hook: LifespanHook) -> None:
    result = hook()
    if inspect.isawaitable(result):
        await result


class SimApp:
    """ASGI callable: before hooks (may answer early) -> router -> after hooks, with faults around it."""

    def __init__(
        self,
        router: Router | None = None,
        *,
        faults: FaultInjector | None = None,
        before: Iterable[BeforeHook] = (),
        after: Iterable[AfterHook] = (),
        error_handler: ErrorHandler | None = None,
        websocket: WebSocketApp | None = None,
        on_startup: Iterable[LifespanHook] = (),
        on_shutdown: Iterable[LifespanHook] = (),
    ) -> None:
        self.router = router or Router()
        self.faults = faults or FaultInjector()
        self.before: list[BeforeHook] = list(before)
        self.after: list[AfterHook] = list(after)
        self.error_handler = error_handler
        self.websocket = websocket
        self.on_startup: list[LifespanHook] = list(on_startup)
        self.on_shutdown: list[LifespanHook] = list(on_shutdown)

    def add(self, method: str, path_template: str, handler: Handler) -> None:
        self.router.add(method, path_template, handler)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "lifespan":
            await self._lifespan(receive, send)
        elif kind == "http":
            await self._http(scope, receive, send)
        elif kind == "websocket" and self.websocket is not None:
            await self.websocket(scope, receive, send)
        elif kind == "websocket":
            await receive()
            await send({"type": "websocket.close", "code": 1000})

    async def handle(self, request: SimRequest) -> SimResponse:
        """Hooks, routing and error mapping for one request, without any fault injection."""
        try:
            for hook in self.before:
                early = await hook(request)
                if early is not None:
                    return early
            response = await self.router.dispatch(request)
            for after in self.after:
                response = await after(request, response) or response
            return response
        except Exception as exc:
            if self.error_handler is not None:
                mapped = await self.error_handler(request, exc)
                if mapped is not None:
                    return mapped
            raise

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = await self._read_request(scope, receive)
        latency_ms, fault = self.faults.take(request.method, request.path)
        if latency_ms:
            await self.faults.sleep(latency_ms / 1000)
        if fault is not None and not fault.after_handler:
            if fault.kind in NETWORK_FAULTS:
                await self._network_fault(fault, scope, send)
                return
            await self._send(send, fault.render(None))
            return
        response = await self.handle(request)
        if fault is not None:
            if fault.kind in NETWORK_FAULTS:
                await self._network_fault(fault, scope, send)
                return
            response = fault.render(response)
        await self._send(send, response)

    async def _network_fault(self, fault: Fault, scope: Scope, send: Send) -> None:
        if scope.get(INPROCESS_SCOPE_KEY):
            raise SimulatedNetworkFault(fault.kind, fault.after_handler)
        if fault.kind is FaultKind.TIMEOUT:
            await self.faults.sleep(self.faults.hang_ms / 1000)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"64")]})

    @staticmethod
    async def _read_request(scope: Scope, receive: Receive) -> SimRequest:
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        client = scope.get("client")
        return SimRequest(
            method=scope["method"].upper(),
            path=scope["path"],
            query_string=scope.get("query_string", b""),
            header_list=[(k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope.get("headers", [])],
            body=b"".join(chunks),
            client_host=client[0] if client else None,
        )

    @staticmethod
    async def _send(send: Send, response: SimResponse) -> None:
        headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in response.headers]
        if not any(k == b"content-length" for k, _ in headers):
            headers.append((b"content-length", str(len(response.body)).encode()))
        await send({"type": "http.response.start", "status": response.status, "headers": headers})
        await send({"type": "http.response.body", "body": response.body})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    for hook in self.on_startup:
                        await _call_lifespan_hook(hook)
                except Exception as exc:
                    await send({"type": "lifespan.startup.failed", "message": str(exc)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                for hook in self.on_shutdown:
                    await _call_lifespan_hook(hook)
                await send({"type": "lifespan.shutdown.complete"})
                return
