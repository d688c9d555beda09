"""BingX swap WebSocket URLs: one path (`/swap-market`) for market topics and, with `?listenKey=`, user data.

Live `wss://open-api-swap.bingx.com/swap-market`, VST `wss://vst-open-api-ws.bingx.com/swap-market` (a host
named differently from the VST REST host `open-api-vst.bingx.com`; streams.md §A1/§D1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final
from urllib.parse import quote

from ..config import Environment, parse_environment

PATH: Final = "/swap-market"
WS_URLS: Final[dict[Environment, str]] = {
    Environment.LIVE: "wss://open-api-swap.bingx.com",
    Environment.VST: "wss://vst-open-api-ws.bingx.com",
}


@dataclass(frozen=True)
class StreamUrls:
    """`base` is scheme + host (+ port); every connection goes to `base + /swap-market`."""

    base: str

    def market(self) -> str:
        """Market topics are subscribed with messages after connecting, so the URL is always the same."""
        return f"{self.base}{PATH}"

    def user(self, listen_key: str) -> str:
        return f"{self.base}{PATH}?listenKey={quote(listen_key, safe='')}"


def stream_urls(env: str | Environment, ws_url: str | None = None) -> StreamUrls:
    """The environment's host, or an explicit `ws_url` (a simulator or a proxy)."""
    if ws_url:
        return StreamUrls(ws_url.rstrip("/"))
    return StreamUrls(WS_URLS[parse_environment(env)])
