"""`AiohttpSender`: the default asyncio sender, one aiohttp keep-alive pool per client and nothing in between.

URLs go out with `encoded=True`: the signers percent-encode every value, and the bytes they signed are the
bytes sent (no re-quoting of `%2C`, `%3A`, …).

Timeouts: the whole exchange (pool wait and connect included) must be over within the call type's read
timeout (`Timeouts.read`, `Timeouts.order` for placement), kept by `Deadlines` with one timer for all calls.
aiohttp's own connect timeout, at most that long too, still reports a connection never made as not sent.
"""

from __future__ import annotations

import asyncio
import math
import os
import ssl
from collections.abc import Mapping

import aiohttp
from yarl import URL

from .config import Timeouts
from .deadlines import Deadlines
from .response import RawResponse
from .sender import KEEPALIVE_S, MAX_CONNECTIONS, SendError

#: nothing left the machine: refused, DNS, TLS handshake, connect or pool timeout, unusable URL
_NOT_SENT = (
    aiohttp.ClientConnectorError,
    aiohttp.ConnectionTimeoutError,
    aiohttp.InvalidURL,
    aiohttp.NonHttpUrlClientError,
)

_ssl_context: ssl.SSLContext | None = None
#: query-less URLs (form-body POSTs, fixed paths) keep their parsed `yarl.URL`; signed queries change every call
_MAX_CACHED_URLS = 256


def _tls() -> ssl.SSLContext:
    """Verified TLS with the same CA choice as httpx: `SSL_CERT_FILE`/`SSL_CERT_DIR`, else certifi."""
    global _ssl_context  # noqa: PLW0603
    if _ssl_context is None:
        if os.environ.get("SSL_CERT_FILE"):
            _ssl_context = ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
        elif os.environ.get("SSL_CERT_DIR"):
            _ssl_context = ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
        else:
            try:
                import certifi
            except ImportError:
                _ssl_context = ssl.create_default_context()
            else:
                _ssl_context = ssl.create_default_context(cafile=certifi.where())
    return _ssl_context


def client_timeout(timeouts: Timeouts, *, placing_order: bool) -> aiohttp.ClientTimeout:
    """aiohttp's part: `connect` covers the pool wait plus the TCP/TLS connect, never longer than the exchange
    may take; the read side is `Deadlines`' (no per-chunk `sock_read` timer)."""
    whole = timeouts.order if placing_order else timeouts.read
    return aiohttp.ClientTimeout(
        total=None,
        connect=min(timeouts.pool + timeouts.connect, whole),
        sock_connect=min(timeouts.connect, whole),
        ceil_threshold=math.inf,  # aiohttp rounds longer timeouts up to the next second: it must fire first
    )


class AiohttpSender:
    """Lazily opens its `ClientSession` on the first send (it must belong to the running loop)."""

    def __init__(self, timeouts: Timeouts | None = None, *, limit: int = MAX_CONNECTIONS,
                 proxy: str | None = None) -> None:
        timeouts = timeouts or Timeouts()
        self._timeout_plain = client_timeout(timeouts, placing_order=False)
        self._timeout_order = client_timeout(timeouts, placing_order=True)
        self._whole_plain = timeouts.read
        self._whole_order = timeouts.order
        self._limit = limit
        self._proxy = proxy
        self._session: aiohttp.ClientSession | None = None
        self._deadlines: Deadlines | None = None
        self._urls: dict[str, URL] = {}

    def _open(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(limit=self._limit, keepalive_timeout=KEEPALIVE_S, ssl=_tls())
        self._session = aiohttp.ClientSession(connector=connector)
        self._deadlines = Deadlines(asyncio.get_running_loop())
        return self._session

    async def send(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, *, placing_order: bool
    ) -> RawResponse:
        session = self._session or self._open()
        target = self._urls.get(url)
        if target is None:
            target = URL(url, encoded=True)
            if "?" not in url and len(self._urls) < _MAX_CACHED_URLS:
                self._urls[url] = target
        task = asyncio.current_task()
        deadlines = self._deadlines
        assert task is not None and deadlines is not None
        deadlines.start(task, self._whole_order if placing_order else self._whole_plain)
        try:
            response = await session.request(
                method, target, headers=headers, data=body or None, allow_redirects=False,
                timeout=self._timeout_order if placing_order else self._timeout_plain, proxy=self._proxy,
            )
            try:
                content = await response.read()
            finally:
                response.release()
        except asyncio.CancelledError as exc:
            if deadlines.expired(task):
                raise SendError(TimeoutError("no complete answer in time"), sent=True, timeout=True) from exc
            raise
        except _NOT_SENT as exc:
            raise SendError(exc, sent=False) from exc
        except TimeoutError as exc:
            raise SendError(exc, sent=True, timeout=True) from exc
        except aiohttp.ClientError as exc:
            raise SendError(exc, sent=True) from exc
        finally:
            deadlines.stop(task)
        return RawResponse(response.status, response.headers, content)

    async def aclose(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()
