"""Default transports: aiohttp-backed under asyncio (fast), httpx's own under trio."""

from __future__ import annotations

import httpx
import sniffio


def default_transport(limits: httpx.Limits | None = None) -> httpx.AsyncBaseTransport:
    """A keep-alive pool for one venue client, picked for the running async library."""
    limits = limits or httpx.Limits(max_connections=200, max_keepalive_connections=100)
    if sniffio.current_async_library() == "asyncio":
        from httpx_aiohttp import AiohttpTransport

        return AiohttpTransport(limits=limits)
    return httpx.AsyncHTTPTransport(limits=limits)
