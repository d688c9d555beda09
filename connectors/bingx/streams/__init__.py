"""BingX swap WebSocket streams: URLs, typed event models, decoding (gzip, Ping), plugins, book rules,
fill derivation and reconciliation.

`BingXStreams` is what `BingX.watch_*` delegate to; it owns the connector, URLs, policy and the registry of
open streams (closed by `BingX.close()`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from venuekit.core.streams import (
    AccountUpdate,
    BookTickerUpdate,
    MarkPriceUpdate,
    OrderBookUpdate,
    Overflow,
    Stream,
    TradeUpdate,
    account_stream,
    market_stream,
    order_book_stream,
)
from venuekit.core.streams.venue_streams import VenueStreamsBase

from .book import BINGX_RULES, INCR_DEPTH
from .decode import Ping, UnknownMessage, parse, unzip
from .fills import FillTracker, fill_id
from .plugins import DepthPlugin, MarketPlugin, UserDataPlugin
from .reconcile import BingXReconciler
from .urls import StreamUrls, stream_urls

if TYPE_CHECKING:
    from ..unified import BingX

__all__ = [
    "BINGX_RULES",
    "BingXReconciler",
    "BingXStreams",
    "DepthPlugin",
    "FillTracker",
    "MarketPlugin",
    "Ping",
    "StreamUrls",
    "UnknownMessage",
    "UserDataPlugin",
    "fill_id",
    "parse",
    "stream_urls",
    "unzip",
]


class BingXStreams(VenueStreamsBase):
    """Stream factory of one `BingX`; set `connector`/`urls`/`policy_factory` before opening streams."""

    def __init__(self, venue: BingX, env: Any, ws_url: str | None = None) -> None:
        super().__init__()
        self.venue = venue
        self.urls = stream_urls(env, ws_url)
        self.keepalive_interval = 30 * 60.0

    def _use_simulator_url(self, ws_url: str) -> None:
        self.urls = StreamUrls(ws_url.rstrip("/"))

    async def _ready(self) -> None:
        await self.venue.load_instruments()

    async def _account_ready(self) -> None:
        await self._ready()
        await self.venue.is_hedge_mode()

    def _hedge(self) -> bool:
        """The account's position mode as last known (BingX accounts default to hedge mode)."""
        return self.venue._hedge is not False

    def account(self, symbols: Sequence[str] | None = None) -> Stream[AccountUpdate]:
        tracker = FillTracker()
        plugin = UserDataPlugin(self.venue.raw.user_stream, self.urls, self.venue.symbols, self._account_ready,
                                self._hedge, tracker, self.keepalive_interval)
        reconciler = BingXReconciler(self.venue, self.venue.raw, tracker)
        return account_stream(plugin, self.connector, reconciler=reconciler, symbols=list(symbols or ()),
                              policy=self.policy_factory(), registry=self.registry)

    def _venue_symbol(self, symbol: str) -> str:
        return self.venue.symbols.to_venue(symbol) if len(self.venue.symbols) else _guess(symbol)

    def _market(self, symbol: str, topic: str) -> MarketPlugin:
        return MarketPlugin(f"{self._venue_symbol(symbol)}@{topic}", self.urls, self.venue.symbols, self._ready)

    def mark_price(self, symbol: str) -> Stream[MarkPriceUpdate]:
        plugin: Any = self._market(symbol, "markPrice")
        return market_stream(plugin, self.connector, policy=self.policy_factory(), registry=self.registry,
                             maxsize=self.market_queue_size)

    def book_ticker(self, symbol: str) -> Stream[BookTickerUpdate]:
        plugin: Any = self._market(symbol, "bookTicker")
        return market_stream(plugin, self.connector, policy=self.policy_factory(), registry=self.registry,
                             maxsize=self.market_queue_size)

    def trades(self, symbol: str) -> Stream[TradeUpdate]:
        plugin: Any = self._market(symbol, "trade")
        return market_stream(plugin, self.connector, overflow=Overflow.DROP_OLDEST, policy=self.policy_factory(),
                             registry=self.registry, maxsize=self.market_queue_size)

    def order_book(self, symbol: str, depth: int = 20) -> Stream[OrderBookUpdate]:
        venue_symbol = self._venue_symbol(symbol)
        plugin = DepthPlugin(f"{venue_symbol}@{INCR_DEPTH}", venue_symbol, self.urls, self.venue.symbols,
                             self._ready)
        return order_book_stream(plugin, self.connector, symbol=symbol, venue_symbol=venue_symbol,
                                 rules=BINGX_RULES, fetch_snapshot=None, depth=depth, policy=self.policy_factory(),
                                 registry=self.registry, maxsize=self.market_queue_size)



def _guess(symbol: str) -> str:
    """`BTC/USDT:USDT` → `BTC-USDT` before instruments are loaded (BingX's perpetual naming)."""
    base, _, rest = symbol.partition("/")
    return f"{base}-{rest.partition(':')[0]}" if rest else symbol
