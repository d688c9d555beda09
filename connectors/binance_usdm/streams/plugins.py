"""Binance `StreamPlugin`s: user data (listen key), one market stream, and the diff-depth stream."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Final

from venuekit.core.errors import VenueError
from venuekit.core.streams import AccountUpdate, BookDelta, Decoded, MarketUpdate, WsConnection
from venuekit.core.symbols import SymbolMap

from ..config import VENUE
from ..endpoints.stream import StreamApi
from . import convert
from .decode import ACCOUNT_EVENTS, parse, warm
from .models import (
    WsAccountUpdate,
    WsAggTrade,
    WsBookTicker,
    WsDepthUpdate,
    WsListenKeyExpired,
    WsMarkPrice,
    WsOrderTradeUpdate,
)
from .urls import StreamUrls

Ready = Callable[[], Awaitable[None]]
INVALID_LISTEN_KEY: Final = "-1125"
KEEPALIVE_S: Final = 30 * 60.0
"""Keep the 60-minute listen key alive every 30 minutes (streams.md §E: use ≤30 min)."""
_MARKET_EVENTS: Final = (("@markprice", "markPriceUpdate"), ("@bookticker", "bookTicker"),
                         ("@aggtrade", "aggTrade"), ("@depth", "depthUpdate"))


def _events_of(stream: str) -> tuple[str, ...]:
    """The event names a market stream sends (its validators are built when it opens)."""
    lowered = stream.lower()
    return tuple(event for marker, event in _MARKET_EVENTS if marker in lowered)


class UserDataPlugin:
    """`/ws/<listenKey>`: no subscribe message; the key is created in `url()` and re-created after expiry.

    TRADE_LITE (same fill as the ORDER_TRADE_UPDATE with x=TRADE, without fees), ACCOUNT_CONFIG_UPDATE and
    MARGIN_CALL have no shared update type and are not forwarded.
    """

    venue = VENUE
    name = f"{VENUE}:account"

    def __init__(self, api: StreamApi, urls: StreamUrls, symbols: SymbolMap, ready: Ready,
                 keepalive_interval: float = KEEPALIVE_S) -> None:
        self.api = api
        self.urls = urls
        self.symbols = symbols
        self.ready = ready
        self.keepalive_interval: float | None = keepalive_interval
        self.listen_key: str | None = None
        self.keys_created = 0

    async def url(self) -> str:
        warm(ACCOUNT_EVENTS)
        await self.ready()
        if self.listen_key is None:
            self.listen_key = (await self.api.new_listen_key()).listen_key
            self.keys_created += 1
        return self.urls.user(self.listen_key)

    async def on_open(self, conn: WsConnection) -> None:
        return None

    def decode(self, frame: str | bytes) -> Decoded[AccountUpdate]:
        event = parse(frame)
        if isinstance(event, WsOrderTradeUpdate):
            return Decoded(convert.order_events(event, self.symbols))
        if isinstance(event, WsAccountUpdate):
            return Decoded(convert.account_events(event, self.symbols))
        if isinstance(event, WsListenKeyExpired):
            self.listen_key = None
            return Decoded(reconnect="listen key expired")
        return Decoded()

    def heartbeat(self) -> str | bytes | None:
        return None

    def heartbeat_reply(self, frame: str | bytes) -> str | bytes | None:
        """Binance pings at the protocol level only (answered by the socket)."""
        return None

    async def keepalive(self) -> str | None:
        if self.listen_key is None:
            return None
        try:
            await self.api.keepalive_listen_key()
        except VenueError as exc:
            if exc.code == INVALID_LISTEN_KEY:
                self.listen_key = None
                return "listen key no longer exists"
            raise
        return None


class MarketPlugin:
    """One raw market stream (`<symbol>@markPrice@1s`, `@bookTicker`, `@aggTrade`); the topic is in the URL."""

    venue = VENUE
    keepalive_interval: float | None = None

    def __init__(self, stream: str, urls: StreamUrls, symbols: SymbolMap, ready: Ready) -> None:
        self.stream = stream
        self.name = f"{VENUE}:{stream}"
        self.urls = urls
        self.symbols = symbols
        self.ready = ready

    async def url(self) -> str:
        warm(_events_of(self.stream))
        await self.ready()
        return self.urls.market(self.stream)

    async def on_open(self, conn: WsConnection) -> None:
        return None

    def decode(self, frame: str | bytes) -> Decoded[MarketUpdate]:
        event = parse(frame)
        if isinstance(event, WsMarkPrice):
            return Decoded((convert.mark_price(event, self.symbols),))
        if isinstance(event, WsBookTicker):
            return Decoded((convert.book_ticker(event, self.symbols),))
        if isinstance(event, WsAggTrade):
            return Decoded((convert.agg_trade(event, self.symbols),))
        return Decoded()

    def heartbeat(self) -> str | bytes | None:
        return None

    def heartbeat_reply(self, frame: str | bytes) -> str | bytes | None:
        """Binance pings at the protocol level only (answered by the socket)."""
        return None

    async def keepalive(self) -> str | None:
        return None


class DepthPlugin(MarketPlugin):
    """`<symbol>@depth@100ms` diffs as `BookDelta`s; sequencing is done by core with `BINANCE_RULES`."""

    def decode(self, frame: str | bytes) -> Decoded[BookDelta]:  # type: ignore[override]
        event = parse(frame)
        if isinstance(event, WsDepthUpdate):
            return Decoded((convert.depth_delta(event),))
        return Decoded()
