"""`AiohttpSender`: the default asyncio sender, one aiohttp keep-alive pool per client and nothing in between.

URLs go out with `encoded=True`: the signers percent-encode every value, and the bytes they signed are the
bytes sent (no re-quoting of `%2C`, `%3A`, …).
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Mapping

import aiohttp
from yarl import URL

from .config import Timeouts
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
    """`connect` covers the pool wait plus the TCP/TLS connect; `sock_read` is the per-call-type read."""
    return aiohttp.ClientTimeout(
        total=None,
        connect=timeouts.pool + timeouts.connect,
        sock_connect=timeouts.connect,
        sock_read=timeouts.order if placing_order else timeouts.read,
    )


class AiohttpSender:
    """Lazily opens its `ClientSession` on the first send (it must belong to the running loop)."""

    def __init__(self, timeouts: Timeouts | None = None, *, limit: int = MAX_CONNECTIONS,
                 proxy: str | None = None) -> None:
        timeouts = timeouts or Timeouts()
        self._timeout_plain = client_timeout(timeouts, placing_order=False)
        self._timeout_order = client_timeout(timeouts, placing_order=True)
        self._limit = limit
        self._proxy = proxy
        self._session: aiohttp.ClientSession | None = None
        self._urls: dict[str, URL] = {}

    def _open(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(limit=self._limit, keepalive_timeout=KEEPALIVE_S, ssl=_tls())
        self._session = aiohttp.ClientSession(connector=connector)
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
        try:
            response = await session.request(
                method, target, headers=headers, data=body or None, allow_redirects=False,
                timeout=self._timeout_order if placing_order else self._timeout_plain, proxy=self._proxy,
            )
            try:
                content = await response.read()
            finally:
                response.release()
        except _NOT_SENT as exc:
            raise SendError(exc, sent=False) from exc
        except TimeoutError as exc:
            raise SendError(exc, sent=True, timeout=True) from exc
        except aiohttp.ClientError as exc:
            raise SendError(exc, sent=True) from exc
        return RawResponse(response.status, response.headers, content)

    async def aclose(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()
