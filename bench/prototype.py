"""Benchmark-local prototypes of hot-path changes proposed to the lead (never used by the package itself).

`AiohttpRestClient` is `RestClient` with `_send` talking to one `aiohttp.ClientSession` directly: no
`httpx.Request` (pure-Python URL parsing), no `httpx.Response` and its three nested async generators
per body, no header re-wrapping. Everything else — limiter, clock, signer, codec, retries — is the
same code. `python -m bench --prototype` measures it next to the shipped path.

`DOT_ANCHORED` is a drop-in for `core/codec.py`'s `_LONG_FRACTION`: the same decision for every valid
JSON number (a literal with a dot and 16+ digits), but the scan starts at each `.` instead of trying a
17-character lookahead at every byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import aiohttp
from multidict import CIMultiDictProxy

from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import NetworkError, RequestTimeout
from venuekit.core.signing.base import WireRequest
from venuekit.core.transport.client import RestClient
from venuekit.core.transport.response import RawResponse

_NOT_SENT = (aiohttp.ClientConnectorError, aiohttp.InvalidURL)


class AiohttpRestClient(RestClient):
    """Same behaviour, fewer layers: the request goes from `WireRequest` straight to aiohttp."""

    _session: aiohttp.ClientSession | None = None

    def _aio_timeout(self, placing_order: bool) -> aiohttp.ClientTimeout:
        t = self.timeouts
        read = t.order if placing_order else t.read
        return aiohttp.ClientTimeout(sock_connect=t.connect, sock_read=read, connect=t.pool)

    def session(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=200, keepalive_timeout=5.0),
                auto_decompress=False, skip_auto_headers=("Accept-Encoding",),
            )
            self._timeouts = {False: self._aio_timeout(False), True: self._aio_timeout(True)}
        return self._session

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
        await super().aclose()

    async def _send(self, wire: WireRequest, endpoint: Endpoint[Any]) -> RawResponse:
        session = self.session()
        headers = {**self._headers, **wire.headers} if self._headers else wire.headers
        timeout = self._timeouts[endpoint.places_order]
        last: Exception | None = None
        for offset in range(len(self.base_urls)):
            host = (self._host + offset) % len(self.base_urls)
            try:
                async with session.request(
                    wire.method, self.base_urls[host] + wire.target, headers=headers, data=wire.body or None,
                    timeout=timeout, allow_redirects=False,
                ) as response:
                    body = await response.read()
                    status, raw_headers = response.status, response.headers
            except _NOT_SENT as exc:
                last = exc
                continue
            except TimeoutError as exc:
                raise RequestTimeout(f"timed out: {type(exc).__name__}", venue=self.venue, request_sent=True) from exc
            except aiohttp.ClientError as exc:
                raise NetworkError(
                    f"connection failed after sending: {type(exc).__name__}", venue=self.venue, request_sent=True
                ) from exc
            if host != self._host:
                self._host = host
            return RawResponse(status, _headers(raw_headers), body)
        raise NetworkError(
            f"no host reachable: {type(last).__name__ if last else 'none'}", venue=self.venue, request_sent=False
        ) from last


def _headers(headers: CIMultiDictProxy[str]) -> Any:
    """aiohttp's case-insensitive multidict already answers `.get(name)` the way the codecs use it."""
    return headers


def install(client: Any) -> None:
    """Swap a raw venue client's `RestClient` for the prototype, keeping its plugins and groups."""
    old: RestClient = client.rest
    new = AiohttpRestClient(
        old.venue, old.base_urls, signer=old.signer, codec=old.codec, limiter=old.limiter, clock=old.clock,
        timeouts=old.timeouts, retry=old.retry, events=old.events, headers=old._headers,
    )
    client.rest = new
    for value in vars(client).values():
        if getattr(value, "_client", None) is old:
            value._client = new


DOT_ANCHORED = re.compile(
    rb"\.(?:[0-9]{16}|"
    + b"|".join(rb"(?<=[0-9]{%d}\.)[0-9]{%d}" % (k, 16 - k) for k in range(1, 16))
    + rb"|(?<=[0-9]{16}\.))"
)


@contextmanager
def fast_exact_check() -> Iterator[None]:
    """Swap `venuekit.core.codec._LONG_FRACTION` for `DOT_ANCHORED` while the block runs."""
    from venuekit.core import codec

    original = codec._LONG_FRACTION
    codec._LONG_FRACTION = DOT_ANCHORED
    try:
        yield
    finally:
        codec._LONG_FRACTION = original
