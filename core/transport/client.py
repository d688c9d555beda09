"""`RestClient`: limit, sign, send, read, decode — the hot path shared by every venue."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

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
    VenueError,
)
from ..events import Event, EventBus
from ..ratelimit.limiter import RateLimiter
from ..ratelimit.quota import Cost
from ..signing.base import Signer, UnsignedRequest, WireRequest
from ..signing.params import render_params
from .config import RetryPolicy, Timeouts
from .sender import Sender, SendError, default_sender

if TYPE_CHECKING:
    import httpx

    from .response import RawResponse, ResponseCodec

T = TypeVar("T")
log = logging.getLogger("venuekit.transport")


class _CallPlan(NamedTuple):
    """Per endpoint: the method and path for errors (`call` adds the redacted params if one is raised), the
    fixed costs (None when they depend on the parameters) and whether a failure may be retried."""

    bare: RequestInfo
    costs: tuple[Cost, ...] | None
    safe: bool


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
        sender: Sender | None = None,
        proxy: str | None = None,
    ) -> None:
        """`transport` (any httpx transport: mocks, simulators, ASGI) or `sender` replaces the default pool;
        `proxy` (`http://user:pass@host:port`) routes the default pool through a proxy."""
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
        if sender is None and transport is not None:
            from .httpx_sender import HttpxSender

            sender = HttpxSender(transport, self.timeouts)
        self._sender = sender
        self._owns_sender = sender is None
        self._proxy = proxy
        self._headers = dict(headers or {})
        self._host = 0
        self._plans: dict[Endpoint[Any], _CallPlan] = {}

    @property
    def base_url(self) -> str:
        return self.base_urls[self._host]

    async def aclose(self) -> None:
        """Close the default pool (a later call opens a new one); an injected transport/sender is left open."""
        if self._owns_sender and self._sender is not None:
            sender, self._sender = self._sender, None
            await sender.aclose()

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
        plan = None if path else self._plans.get(endpoint)
        if plan is None:
            plan = self._plan(endpoint, path)
        unsigned = UnsignedRequest(endpoint.method, plan.bare.path, rendered, body, endpoint.signed)
        costs = plan.costs if plan.costs is not None else endpoint.costs_for(rendered)
        resynced = False
        attempt = 0
        while True:
            await self.limiter.acquire(costs)
            if endpoint.signed:
                clock = self.clock
                if not clock.synced:
                    await clock.ensure_synced()
                wire = self.signer.sign(unsigned, clock.now_ms())
            else:
                wire = self.signer.encode(unsigned)
            try:
                response = await self._send(wire, endpoint)
                codec = self.codec
                await codec.feedback(endpoint, response, self.limiter)
                try:
                    return codec.decode(endpoint, response, plan.bare)
                except VenueError as exc:
                    if exc.request is plan.bare:
                        exc.request = self._info(unsigned)
                    raise
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
                if not plan.safe or attempt >= self.retry.attempts:
                    raise
            except (ExchangeUnavailable, NetworkError) as exc:
                attempt += 1
                if exc.status is None and isinstance(exc, NetworkError) and not exc.request_sent:
                    exc.request = self._info(unsigned)
                if not plan.safe or attempt >= self.retry.attempts:
                    if exc.request is None:
                        exc.request = self._info(unsigned)
                    raise
                import anyio

                await anyio.sleep(self.retry.delay(attempt - 1))

    def _plan(self, endpoint: Endpoint[Any], path: Mapping[str, str] | None) -> _CallPlan:
        """What a call of `endpoint` needs besides its parameters, kept per endpoint unless its path is templated."""
        plan = _CallPlan(
            RequestInfo(endpoint.method, endpoint.format_path(path)),
            None if endpoint.cost_fn is not None else endpoint.costs,
            endpoint.safe_to_retry,
        )
        if not path:
            self._plans[endpoint] = plan
        return plan

    async def _send(self, wire: WireRequest, endpoint: Endpoint[Any]) -> RawResponse:
        """Try the current host, then the fallbacks, but only while nothing could have been received."""
        sender = self._sender
        if sender is None:
            sender = self._sender = default_sender(self.timeouts, self._proxy)
        headers = {**self._headers, **wire.headers} if self._headers else wire.headers
        query = wire.query
        target = f"{wire.path}?{query}" if query else wire.path
        urls = self.base_urls
        last: BaseException | None = None
        for offset in range(len(urls)):
            host = (self._host + offset) % len(urls)
            try:
                response = await sender.send(
                    wire.method, urls[host] + target, headers, wire.body, placing_order=endpoint.places_order
                )
            except SendError as exc:
                name = type(exc.cause).__name__
                if not exc.sent:
                    last = exc.cause
                    log.debug("%s: %s unreachable (%s), trying next host", self.venue, urls[host], exc)
                    continue
                if exc.timeout:
                    raise RequestTimeout(f"timed out: {name}", venue=self.venue, request_sent=True) from exc.cause
                raise NetworkError(
                    f"connection failed after sending: {name}", venue=self.venue, request_sent=True
                ) from exc.cause
            if host != self._host:
                self._host = host
            return response
        raise NetworkError(
            f"no host reachable: {type(last).__name__ if last else 'none'}", venue=self.venue, request_sent=False
        ) from last

    def _info(self, request: UnsignedRequest) -> RequestInfo:
        return RequestInfo.redacted(request.method, request.path, request.params)

    def _emit(self, kind: str, **data: Any) -> None:
        if self.events:
            self.events.emit(Event(kind, self.venue, data))
