"""`HttpxSender`: any `httpx.AsyncBaseTransport` behind the `Sender` seam (mocks, simulators, ASGI, trio)."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from .config import Timeouts
from .response import RawResponse
from .sender import SendError

_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


class HttpxSender:
    """Builds one `httpx.Request` per call and reads the whole body; closes the transport only if it owns it."""

    def __init__(self, transport: httpx.AsyncBaseTransport, timeouts: Timeouts, *, owned: bool = False) -> None:
        self.transport = transport
        self.owned = owned
        self._ext_plain = {"timeout": timeouts.as_extension(placing_order=False)}
        self._ext_order = {"timeout": timeouts.as_extension(placing_order=True)}

    async def send(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, *, placing_order: bool
    ) -> RawResponse:
        request = httpx.Request(
            method, url, headers=headers, content=body,
            extensions=self._ext_order if placing_order else self._ext_plain,
        )
        try:
            response = await self.transport.handle_async_request(request)
            try:
                content = await response.aread()
            finally:
                await response.aclose()
        except _NOT_SENT as exc:
            raise SendError(exc, sent=False) from exc
        except httpx.TimeoutException as exc:
            raise SendError(exc, sent=True, timeout=True) from exc
        except httpx.TransportError as exc:
            raise SendError(exc, sent=True) from exc
        return RawResponse(response.status_code, response.headers, content)

    async def aclose(self) -> None:
        if self.owned:
            await self.transport.aclose()
