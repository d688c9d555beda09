"""Binance USDⓈ-M WebSocket URLs: the 2026 split (`/public`, `/market`, `/private`) on live, legacy paths elsewhere.

Public (high-frequency) streams: `@depth*`, `@bookTicker`; market streams: `@aggTrade`, `@markPrice`…;
user data: `/private/ws?listenKey=<key>` on live, `/ws/<key>` on the testnet and the simulator
(streams.md §B1/§E: the private form is configurable because the sources disagree).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from ..config import WS_URLS, Environment, environment

PUBLIC_SUFFIXES = ("@depth", "@bookticker")


@dataclass(frozen=True)
class StreamUrls:
    """Builds stream URLs; `split=False` keeps everything on the legacy `/ws/...` paths."""

    base: str
    split: bool = True

    def _category(self, stream: str) -> str:
        lowered = stream.lower()
        return "/public" if any(s in lowered for s in PUBLIC_SUFFIXES) else "/market"

    def market(self, *streams: str) -> str:
        """A raw stream (`/ws/<s>`) or several combined (`/stream?streams=a/b`); names are lowercase."""
        names = [s if s.startswith("!") else s[:1].lower() + s[1:] for s in streams]
        names = [_lower_symbol(n) for n in names]
        prefix = self._category(names[0]) if self.split else ""
        if len(names) == 1:
            return f"{self.base}{prefix}/ws/{names[0]}"
        return f"{self.base}{prefix}/stream?streams={'/'.join(names)}"

    def user(self, listen_key: str) -> str:
        if self.split:
            return f"{self.base}/private/ws?listenKey={quote(listen_key, safe='')}"
        return f"{self.base}/ws/{quote(listen_key, safe='')}"


def _lower_symbol(stream: str) -> str:
    """Binance stream names are lowercase symbols, but the stream type keeps its case (`@markPrice@1s`)."""
    symbol, at, rest = stream.partition("@")
    return symbol.lower() + at + rest


def stream_urls(env: str | Environment, ws_url: str | None = None) -> StreamUrls:
    """Live uses the split paths; testnets keep the legacy ones; an explicit `ws_url` (simulator) is legacy."""
    if ws_url:
        return StreamUrls(ws_url.rstrip("/"), split=False)
    resolved = environment(env)
    return StreamUrls(WS_URLS[resolved], split=resolved is Environment.LIVE)
