"""Binance USDⓈ-M WebSocket streams: URLs, typed event models, decoding, plugins, book rules, reconciliation.

`BinanceStreams` is what `BinanceUSDM.watch_*` delegate to; it owns the connector, URLs, policy and the
registry of open streams (closed by `BinanceUSDM.close()`).
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

from .book import BINANCE_RULES, DepthSnapshots
from .decode import UnknownEvent, parse
from .plugins import DepthPlugin, MarketPlugin, UserDataPlugin
from .reconcile import BinanceReconciler
from .urls import StreamUrls, stream_urls

if TYPE_CHECKING:
    from ..unified import BinanceUSDM

__all__ = [
    "BINANCE_RULES",
    "BinanceReconciler",
    "BinanceStreams",
    "DepthPlugin",
    "DepthSnapshots",
    "MarketPlugin",
    "StreamUrls",
    "UnknownEvent",
    "UserDataPlugin",
    "parse",
    "stream_urls",
]


class BinanceStreams(VenueStreamsBase):
    """Stream factory of one `BinanceUSDM`; set `connector`/`urls`/`policy` before opening streams."""

    def __init__(self, venue: BinanceUSDM, env: Any, ws_url: str | None = None) -> None:
        super().__init__()
        self.venue = venue
        self.urls = stream_urls(env, ws_url)
        self.keepalive_interval = 30 * 60.0

    def _use_simulator_url(self, ws_url: str) -> None:
        self.urls = StreamUrls(ws_url.rstrip("/"), split=False)

    async def _ready(self) -> None:
        await self.venue.load_instruments()

    def account(self, symbols: Sequence[str] | None = None) -> Stream[AccountUpdate]:
        plugin = UserDataPlugin(self.venue.raw.stream, self.urls, self.venue.symbols, self._ready,
                                self.keepalive_interval)
        reconciler = BinanceReconciler(self.venue, self.venue.raw.account)
        return account_stream(plugin, self.connector, reconciler=reconciler, symbols=list(symbols or ()),
                              policy=self.policy_factory(), registry=self.registry)

    def _market(self, symbol: str, suffix: str) -> MarketPlugin:
        venue_symbol = self.venue.symbols.to_venue(symbol) if len(self.venue.symbols) else _guess(symbol)
        return MarketPlugin(f"{venue_symbol.lower()}@{suffix}", self.urls, self.venue.symbols, self._ready)

    def mark_price(self, symbol: str) -> Stream[MarkPriceUpdate]:
        plugin: Any = self._market(symbol, "markPrice@1s")
        return market_stream(plugin, self.connector, policy=self.policy_factory(), registry=self.registry,
                             maxsize=self.market_queue_size)

    def book_ticker(self, symbol: str) -> Stream[BookTickerUpdate]:
        plugin: Any = self._market(symbol, "bookTicker")
        return market_stream(plugin, self.connector, policy=self.policy_factory(), registry=self.registry,
                             maxsize=self.market_queue_size)

    def trades(self, symbol: str) -> Stream[TradeUpdate]:
        plugin: Any = self._market(symbol, "aggTrade")
        return market_stream(plugin, self.connector, overflow=Overflow.DROP_OLDEST, policy=self.policy_factory(),
                             registry=self.registry, maxsize=self.market_queue_size)

    def order_book(self, symbol: str, depth: int = 20) -> Stream[OrderBookUpdate]:
        venue_symbol = self.venue.symbols.to_venue(symbol) if len(self.venue.symbols) else _guess(symbol)
        plugin = DepthPlugin(f"{venue_symbol.lower()}@depth@100ms", self.urls, self.venue.symbols, self._ready)
        return order_book_stream(plugin, self.connector, symbol=symbol, venue_symbol=venue_symbol,
                                 rules=BINANCE_RULES, fetch_snapshot=DepthSnapshots(self.venue.raw.market),
                                 depth=depth, policy=self.policy_factory(), registry=self.registry,
                                 maxsize=self.market_queue_size)



def _guess(symbol: str) -> str:
    """`BTC/USDT:USDT` → `BTCUSDT` before instruments are loaded (Binance's perpetual naming)."""
    base, _, rest = symbol.partition("/")
    return base + rest.partition(":")[0] if rest else symbol
