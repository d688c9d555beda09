"""In-process httpx transport onto a simulator ASGI app, turning injected network faults into httpx errors."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

import httpx

from .asgi import INPROCESS_SCOPE_KEY, Receive, Scope, Send
from .faults import FaultKind, SimulatedNetworkFault

AsgiApp = Any


@dataclass(frozen=True)
class LoggedRequest:
    """What the client sent, and how it ended (status, or the network fault raised)."""

    method: str
    url: str
    headers: list[tuple[str, str]]
    body: bytes
    status: int | None = None
    fault: FaultKind | None = None

    @property
    def path(self) -> str:
        return httpx.URL(self.url).path


class SimulatorTransport(httpx.AsyncBaseTransport):
    """`httpx.AsyncClient(transport=SimulatorTransport(app), base_url=...)` without sockets.

    Drop before the handler -> ConnectError; timeout before -> ConnectTimeout;
    drop after -> RemoteProtocolError; timeout after -> ReadTimeout.
    """

    def __init__(self, app: AsgiApp, *, client: tuple[str, int] = ("127.0.0.1", 50000)) -> None:
        self.app = app
        self.client = client
        self.requests: list[LoggedRequest] = []

    def _scope(self, request: httpx.Request) -> Scope:
        url = request.url
        port = url.port or (443 if url.scheme == "https" else 80)
        return {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": request.method,
            "scheme": url.scheme,
            "path": url.path,
            "raw_path": url.raw_path.split(b"?")[0],
            "query_string": url.query,
            "root_path": "",
            "headers": [(k.lower(), v) for k, v in request.headers.raw],
            "client": self.client,
            "server": (url.host, port),
            INPROCESS_SCOPE_KEY: True,
        }

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw]
        sent = False
        status: int | None = None
        response_headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []

        async def receive() -> MutableMapping[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: MutableMapping[str, Any]) -> None:
            nonlocal status, response_headers
            if message["type"] == "http.response.start":
                status = message["status"]
                response_headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        log = LoggedRequest(request.method, str(request.url), headers, body)
        try:
            await self._run(self._scope(request), receive, send)
        except SimulatedNetworkFault as fault:
            self.requests.append(_with(log, fault=fault.kind))
            raise _network_error(fault, request) from None
        if status is None:
            self.requests.append(log)
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        self.requests.append(_with(log, status=status))
        return httpx.Response(status, headers=response_headers, content=b"".join(chunks), request=request)

    async def _run(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)

    def clear_log(self) -> None:
        self.requests.clear()


def _with(log: LoggedRequest, *, status: int | None = None, fault: FaultKind | None = None) -> LoggedRequest:
    return LoggedRequest(log.method, log.url, log.headers, log.body, status, fault)


def _network_error(fault: SimulatedNetworkFault, request: httpx.Request) -> httpx.TransportError:
    if fault.kind is FaultKind.TIMEOUT:
        if fault.after_handler:
            return httpx.ReadTimeout("simulated timeout waiting for the response", request=request)
        return httpx.ConnectTimeout("simulated timeout while connecting", request=request)
    if fault.after_handler:
        return httpx.RemoteProtocolError(
            "simulated drop: server disconnected without sending a complete response", request=request
        )
    return httpx.ConnectError("simulated drop: connection refused/reset before the request was sent", request=request)
