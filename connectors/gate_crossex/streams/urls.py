"""CrossEx WebSocket URLs: private push `/ws/crossex`, public market data `/ws/crossex/public` (streams.md §C1)."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import WS_PRIVATE_URL, WS_PUBLIC_URL, Environment

PRIVATE_PATH = "/ws/crossex"
PUBLIC_PATH = "/ws/crossex/public"


@dataclass(frozen=True)
class StreamUrls:
    private: str
    public: str

    @classmethod
    def at(cls, base: str) -> StreamUrls:
        """The documented paths under another host (the simulator, a proxy)."""
        root = base.rstrip("/")
        return cls(root + PRIVATE_PATH, root + PUBLIC_PATH)


def stream_urls(env: str | Environment, ws_url: str | None = None) -> StreamUrls:
    """Gate publishes no CrossEx testnet: live unless an explicit `ws_url` is given."""
    if ws_url:
        return StreamUrls.at(ws_url)
    Environment(env)
    return StreamUrls(WS_PRIVATE_URL, WS_PUBLIC_URL)
