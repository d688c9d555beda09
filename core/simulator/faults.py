"""Fault injection for simulator apps: latency, HTTP/HTML errors, broken bodies, drops and timeouts."""

from __future__ import annotations

import asyncio
import fnmatch
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .messages import SimResponse, dumps

HTML_PAGES = {
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
    504: "Gateway Time-out",
    403: "Forbidden",
    520: "Web server is returning an unknown error",
}


class FaultKind(StrEnum):
    LATENCY = "latency"
    HTTP_ERROR = "http_error"
    DROP = "drop_connection"
    TIMEOUT = "timeout"
    TRUNCATE = "truncate_body"
    HTML_ERROR = "html_error"
    EMPTY_BODY = "empty_body"
    MALFORMED_JSON = "malformed_json"


NETWORK_FAULTS = frozenset({FaultKind.DROP, FaultKind.TIMEOUT})


class SimulatedNetworkFault(Exception):
    """Raised inside the app for in-process transports, which turn it into the matching httpx error."""

    def __init__(self, kind: FaultKind, after_handler: bool) -> None:
        super().__init__(f"simulated {kind.value} ({'after' if after_handler else 'before'} handler)")
        self.kind = kind
        self.after_handler = after_handler


@dataclass
class Fault:
    """One armed fault; `times=None` fires forever, otherwise it disarms after `times` hits."""

    kind: FaultKind
    method: str | None = None
    path: str | None = None
    times: int | None = 1
    after_handler: bool = False
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    latency_ms: int = 0
    headers: tuple[tuple[str, str], ...] = ()
    fired: int = 0

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        if self.path is None:
            return True
        return fnmatch.fnmatchcase(path, self.path) if "*" in self.path else path == self.path

    @property
    def armed(self) -> bool:
        return self.times is None or self.fired < self.times

    def render(self, response: SimResponse | None) -> SimResponse:
        """The response the client receives instead of (or derived from) the handler's."""
        if self.kind is FaultKind.TRUNCATE:
            body = response.body if response is not None else b'{"code":0,"data":{"orderId":"1"}}'
            cut = body[: max(1, len(body) // 2)]
            headers = [(k, v) for k, v in (response.headers if response else []) if k.lower() != "content-length"]
            return SimResponse(
                response.status if response else 200, cut, headers or [("content-type", "application/json")]
            )
        return SimResponse(self.status, self.body, [("content-type", self.content_type), *self.headers])


def _html_page(status: int) -> bytes:
    title = f"{status} {HTML_PAGES.get(status, 'Error')}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n"
        "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    ).encode()


class FaultInjector:
    """Tests arm faults matched by method and path (exact or `*` glob); the app consumes them per request."""

    def __init__(self, *, sleep: Callable[[Any], Awaitable[Any]] = asyncio.sleep, hang_ms: int = 30_000) -> None:
        self.faults: list[Fault] = []
        self.counts: Counter[FaultKind] = Counter()
        self.sleep = sleep
        self.hang_ms = hang_ms

    def _arm(self, fault: Fault) -> Fault:
        self.faults.append(fault)
        return fault

    def latency(self, ms: int, *, method: str | None = None, path: str | None = None, times: int | None = 1) -> Fault:
        """Delay the response by `ms` (stacks with one other fault on the same request)."""
        return self._arm(Fault(FaultKind.LATENCY, method, path, times, latency_ms=ms))

    def http_error(
        self,
        status: int = 500,
        body: bytes | str | Mapping[str, Any] = b"",
        content_type: str = "application/json",
        *,
        after_handler: bool = False,
        method: str | None = None,
        path: str | None = None,
        times: int | None = 1,
        headers: Mapping[str, str] | None = None,
    ) -> Fault:
        """Answer `status` with `body` (and `headers`, e.g. Retry-After); with `after_handler` the handler ran
        (its effects persist) first."""
        raw = body.encode() if isinstance(body, str) else body if isinstance(body, bytes) else dumps(body)
        return self._arm(Fault(FaultKind.HTTP_ERROR, method, path, times, after_handler, status, raw, content_type,
                               headers=tuple((headers or {}).items())))

    def html_error(
        self,
        status: int = 502,
        *,
        after_handler: bool = False,
        method: str | None = None,
        path: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """A proxy/CDN style HTML error page instead of the venue's JSON."""
        page = _html_page(status)
        return self._arm(Fault(FaultKind.HTML_ERROR, method, path, times, after_handler, status, page, "text/html"))

    def drop_connection(
        self, *, after_handler: bool = False, method: str | None = None, path: str | None = None, times: int | None = 1
    ) -> Fault:
        return self._arm(Fault(FaultKind.DROP, method, path, times, after_handler))

    def timeout(
        self, *, after_handler: bool = False, method: str | None = None, path: str | None = None, times: int | None = 1
    ) -> Fault:
        return self._arm(Fault(FaultKind.TIMEOUT, method, path, times, after_handler))

    def truncate_body(self, *, method: str | None = None, path: str | None = None, times: int | None = 1) -> Fault:
        """Cut the handler's body in half (Content-Length matches the cut body)."""
        return self._arm(Fault(FaultKind.TRUNCATE, method, path, times, after_handler=True))

    def empty_body(
        self, *, after_handler: bool = False, method: str | None = None, path: str | None = None, times: int | None = 1
    ) -> Fault:
        """A 200 with an empty body."""
        return self._arm(Fault(FaultKind.EMPTY_BODY, method, path, times, after_handler, 200, b""))

    def malformed_json(
        self, *, after_handler: bool = False, method: str | None = None, path: str | None = None, times: int | None = 1
    ) -> Fault:
        """A 200 JSON response whose body does not parse."""
        body = b'{"code":0,"msg":"","data":{"order":'
        return self._arm(Fault(FaultKind.MALFORMED_JSON, method, path, times, after_handler, 200, body))

    def take(self, method: str, path: str) -> tuple[int, Fault | None]:
        """Consume the faults for one request: total latency ms, and the first other matching fault."""
        latency = 0
        chosen: Fault | None = None
        for fault in self.faults:
            if not fault.armed or not fault.matches(method, path):
                continue
            if fault.kind is FaultKind.LATENCY:
                latency += fault.latency_ms
                self._fire(fault)
            elif chosen is None:
                chosen = fault
                self._fire(chosen)
        self.faults = [f for f in self.faults if f.armed]
        return latency, chosen

    def _fire(self, fault: Fault) -> None:
        fault.fired += 1
        self.counts[fault.kind] += 1

    def fired(self, kind: FaultKind | None = None) -> int:
        """How many times faults (of one kind) have fired."""
        return sum(self.counts.values()) if kind is None else self.counts[kind]

    @property
    def pending(self) -> list[Fault]:
        return [f for f in self.faults if f.armed]

    def clear(self) -> None:
        """Disarm everything and reset the counters."""
        self.faults.clear()
        self.counts.clear()
