"""`RestClient`: limit, sign, send, read, decode — the hot path shared by every venue."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import anyio
import httpx

from ..clock import ServerClock
from ..endpoint import Endpoint
from ..errors import (
    ExchangeUnavailable,
    IPBanned,
    NetworkError,
    RateLimited,
    RequestInfo,
    RequestTimeout,
    TimestampOutOfWindow,
)
from ..events import Event, EventBus
from ..ratelimit.limiter import RateLimiter
from ..signing.base import Signer, UnsignedRequest, WireRequest
from ..signing.params import render_params
from .config import RetryPolicy, Timeouts
from .factory import default_transport
from .response import RawResponse, ResponseCodec

T = TypeVar("T")
log = logging.getLogger("venuekit.transport")

_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


class RestClient:
    """One per venue account: a keep-alive pool, the limiter, the clock and the venue's plugins."""

    def __init__(
        self,
        venue: str,
        base_urls: Sequence[str],
        *,
        signer: Signer,
        codec: ResponseCodec,
        limiter: RateLimiter,
        clock: ServerClock,
        transport: httpx.AsyncBaseTransport | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        events: EventBus | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        if not base_urls:
            raise ValueError("at least one base URL is needed")
        self.venue = venue
        self.base_urls = [u.rstrip("/") for u in base_urls]
        self.signer = signer
        self.codec = codec
        self.limiter = limiter
        self.clock = clock
        self.timeouts = timeouts or Timeouts()
        self.retry = retry or RetryPolicy()
        self.events = events or EventBus()
        self._transport = transport
        self._owns_transport = transport is None
        self._headers = dict(headers or {})
        self._host = 0
        self._ext_plain = {"timeout": self.timeouts.as_extension(placing_order=False)}
        self._ext_order = {"timeout": self.timeouts.as_extension(placing_order=True)}

    @property
    def base_url(self) -> str:
        return self.base_urls[self._host]

    async def aclose(self) -> None:
        if self._transport is not None and self._owns_transport:
            await self._transport.aclose()
        self._transport = None

    async def call(
        self,
        endpoint: Endpoint[T],
        params: Mapping[str, object] | None = None,
        body: object = None,
        *,
        path: Mapping[str, str] | None = None,
    ) -> T:
        """Send one documented call and return its typed response, retrying only what is safe.

        `path` fills the endpoint's `{name}` placeholders (percent-encoded, one segment each).
        """
        rendered = render_params(params)
        unsigned = UnsignedRequest(endpoint.method, endpoint.format_path(path), rendered, body, endpoint.signed)
        costs = endpoint.costs_for(rendered)
        safe = endpoint.safe_to_retry
        attempts = self.retry.attempts if safe else 1
        resynced = False
        attempt = 0
        while True:
            await self.limiter.acquire(costs)
            if endpoint.signed:
                await self.clock.ensure_synced()
                wire = self.signer.sign(unsigned, self.clock.now_ms())
            else:
                wire = self.signer.encode(unsigned)
            try:
                response = await self._send(wire, endpoint)
                await self.codec.feedback(endpoint, response, self.limiter)
                return self.codec.decode(endpoint, response, self._info(unsigned))
            except TimestampOutOfWindow:
                if resynced:
                    raise
                resynced = True
                await self.clock.resync()
                self._emit("clock_resync", offset_ms=self.clock.offset_ms)
            except IPBanned:
                raise
            except RateLimited:
                attempt += 1
                if not safe or attempt >= attempts:
                    raise
            except (ExchangeUnavailable, NetworkError) as exc:
                attempt += 1
                if exc.status is None and isinstance(exc, NetworkError) and not exc.request_sent:
                    exc.request = self._info(unsigned)
                if not safe or attempt >= attempts:
                    if exc.request is None:
                        exc.request = self._info(unsigned)
                    raise
                await anyio.sleep(self.retry.delay(attempt - 1))

    async def _send(self, wire: WireRequest, endpoint: Endpoint[Any]) -> RawResponse:
        """Try the current host, then the fallbacks, but only while nothing could have been received."""
        transport = self._transport
        if transport is None:
            transport = self._transport = default_transport()
        headers = {**self._headers, **wire.headers} if self._headers else wire.headers
        ext = self._ext_order if endpoint.places_order else self._ext_plain
        last: Exception | None = None
        for offset in range(len(self.base_urls)):
            host = (self._host + offset) % len(self.base_urls)
            request = httpx.Request(
                wire.method, self.base_urls[host] + wire.target, headers=headers, content=wire.body,
                extensions=ext,
            )
            try:
                response = await transport.handle_async_request(request)
                try:
                    body = await response.aread()
                finally:
                    await response.aclose()
            except _NOT_SENT as exc:
                last = exc
                log.debug("%s: %s unreachable (%s), trying next host", self.venue, self.base_urls[host], exc)
                continue
            except httpx.TimeoutException as exc:
                raise RequestTimeout(f"timed out: {type(exc).__name__}", venue=self.venue, request_sent=True) from exc
            except httpx.TransportError as exc:
                raise NetworkError(
                    f"connection failed after sending: {type(exc).__name__}", venue=self.venue, request_sent=True
                ) from exc
            if host != self._host:
                self._host = host
            return RawResponse(response.status_code, response.headers, body)
        raise NetworkError(
            f"no host reachable: {type(last).__name__ if last else 'none'}", venue=self.venue, request_sent=False
        ) from last

    def _info(self, request: UnsignedRequest) -> RequestInfo:
        return RequestInfo.redacted(request.method, request.path, request.params)

    def _emit(self, kind: str, **data: Any) -> None:
        if self.events:
            self.events.emit(Event(kind, self.venue, data))
