"""The `Sender` seam: one HTTP exchange, bytes in and `RawResponse` out, with "was it sent?" on failure.

`RestClient` owns hosts, retries and error mapping; a sender only moves bytes. The default under asyncio
talks to aiohttp directly (no per-call request/response wrappers); an injected httpx transport (respx,
`httpx.MockTransport`, the simulators' `SimulatorTransport`, `httpx.ASGITransport`) and trio go through httpx.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .config import Timeouts
    from .response import RawResponse

#: keep-alive pool size per client (connections to the venue's hosts)
MAX_CONNECTIONS = 200
KEEPALIVE_S = 5.0


class SendError(Exception):
    """A sender could not complete the exchange.

    `sent` is False only when nothing can have reached the venue (connect refused/timed out, pool wait),
    so the caller may try another host; `timeout` marks a timeout after sending.
    """

    def __init__(self, cause: BaseException, *, sent: bool, timeout: bool = False) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.cause = cause
        self.sent = sent
        self.timeout = timeout


class Sender(Protocol):
    """Sends one request to an absolute URL; raises `SendError` for anything that is not an HTTP answer."""

    async def send(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, *, placing_order: bool
    ) -> RawResponse:
        """`placing_order` picks the order read timeout (`Timeouts.order`) instead of `Timeouts.read`."""
        ...

    async def aclose(self) -> None: ...


def default_sender(timeouts: Timeouts, proxy: str | None = None) -> Sender:
    """A keep-alive pool for one client: aiohttp under asyncio, httpx's own transport under trio."""
    import sniffio

    if sniffio.current_async_library() == "asyncio":
        from .aiohttp_sender import AiohttpSender

        return AiohttpSender(timeouts, proxy=proxy)
    from .factory import httpx_transport
    from .httpx_sender import HttpxSender

    return HttpxSender(httpx_transport(proxy=proxy), timeouts, owned=True)
