"""httpx transports for callers who want one; the client itself sends through `sender.default_sender`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .sender import KEEPALIVE_S, MAX_CONNECTIONS

if TYPE_CHECKING:
    import httpx


def httpx_transport(limits: httpx.Limits | None = None, *, proxy: str | None = None) -> httpx.AsyncBaseTransport:
    """httpx's own keep-alive transport (works under asyncio and trio), optionally through `proxy`."""
    import httpx

    limits = limits or httpx.Limits(
        max_connections=MAX_CONNECTIONS, max_keepalive_connections=100, keepalive_expiry=KEEPALIVE_S
    )
    return httpx.AsyncHTTPTransport(limits=limits, proxy=proxy)
