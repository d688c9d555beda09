"""Gate CrossEx WebSocket streams: URLs, signed login, typed frame models, decoding, plugins, book rules and
reconciliation.

`GateStreams` is what `GateCrossEx.watch_*` delegate to; it owns the connector, URLs, policy and the
registry of open streams (closed by `GateCrossEx.close()`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from venuekit.core.errors import BadSymbol
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
from venuekit.core.symbols import UnifiedSymbol

from .. import mapping
from ..config import VENUE
from .book import CHANNEL as BOOK_CHANNEL
from .book import CROSSEX_RULES
from .convert import Unified
from .decode import UnknownFrame, parse
from .login import WS_ERRORS, login_request, sign, sign_payload
from .plugins import PRIVATE_CHANNELS, BookPlugin, MarketPlugin, UserDataPlugin
from .reconcile import CrossExReconciler
from .urls import StreamUrls, stream_urls

if TYPE_CHECKING:
    from ..unified import GateCrossEx

__all__ = [
    "CROSSEX_RULES",
    "PRIVATE_CHANNELS",
    "WS_ERRORS",
    "BookPlugin",
    "CrossExReconciler",
    "GateStreams",
    "MarketPlugin",
    "StreamUrls",
    "Unified",
    "UnknownFrame",
    "UserDataPlugin",
    "login_request",
    "parse",
    "sign",
    "sign_payload",
    "stream_urls",
]

MARK_CHANNELS = ("funding_rate", "mark_price")
"""Funding first, so the first `MarkPriceUpdate` already carries the rate."""


class GateStreams(VenueStreamsBase):
    """Stream factory of one `GateCrossEx`; set `connector`/`urls`/`policy_factory` before opening streams."""

    def __init__(self, venue: GateCrossEx, env: Any, ws_url: str | None = None) -> None:
        super().__init__()
        self.venue = venue
        self.urls = stream_urls(env, ws_url)
        self.to_unified = Unified(lambda: venue.symbols)

    def _use_simulator_url(self, ws_url: str) -> None:
        self.urls = StreamUrls.at(ws_url)

    async def _ready(self) -> None:
        await self.venue.load_instruments()
        await self.venue.raw.clock.ensure_synced()

    def _now_ms(self) -> int:
        return self.venue.raw.clock.now_ms()

    def account(self, symbols: Sequence[str] | None = None) -> Stream[AccountUpdate]:
        plugin = UserDataPlugin(self.venue.raw.credentials, self.urls, self.to_unified, self._ready, self._now_ms)
        reconciler = CrossExReconciler(self.venue.raw, self.to_unified, self.venue.exchanges, self._now_ms)
        return account_stream(plugin, self.connector, reconciler=reconciler, symbols=list(symbols or ()),
                              policy=self.policy_factory(), registry=self.registry)

    def _resolve(self, symbol: str) -> tuple[str, str]:
        """(unified, venue) symbol: the loaded instrument, or before loading the CrossEx grammar."""
        if len(self.venue.symbols):
            inst = self.venue.instrument(symbol)
            return inst.symbol, inst.venue_symbol
        return guess(symbol, self.venue.default_exchange)

    def _market(self, symbol: str, channels: Sequence[str]) -> MarketPlugin:
        unified, venue_symbol = self._resolve(symbol)
        return MarketPlugin(channels, unified, venue_symbol, self.urls, self._ready, self._now_ms)

    def mark_price(self, symbol: str) -> Stream[MarkPriceUpdate]:
        plugin: Any = self._market(symbol, MARK_CHANNELS)
        return market_stream(plugin, self.connector, policy=self.policy_factory(), registry=self.registry,
                             maxsize=self.market_queue_size)

    def book_ticker(self, symbol: str) -> Stream[BookTickerUpdate]:
        plugin: Any = self._market(symbol, ("ticker",))
        return market_stream(plugin, self.connector, policy=self.policy_factory(), registry=self.registry,
                             maxsize=self.market_queue_size)

    def trades(self, symbol: str) -> Stream[TradeUpdate]:
        plugin: Any = self._market(symbol, ("trade",))
        return market_stream(plugin, self.connector, overflow=Overflow.DROP_OLDEST, policy=self.policy_factory(),
                             registry=self.registry, maxsize=self.market_queue_size)

    def order_book(self, symbol: str, depth: int = 20) -> Stream[OrderBookUpdate]:
        unified, venue_symbol = self._resolve(symbol)
        plugin = BookPlugin((BOOK_CHANNEL,), unified, venue_symbol, self.urls, self._ready, self._now_ms)
        return order_book_stream(plugin, self.connector, symbol=unified, venue_symbol=venue_symbol,
                                 rules=CROSSEX_RULES, fetch_snapshot=None, depth=depth,
                                 policy=self.policy_factory(), registry=self.registry,
                                 maxsize=self.market_queue_size)



def guess(symbol: str, default_exchange: str | None = None) -> tuple[str, str]:
    """`BTC/USDT:USDT@BINANCE` → `BINANCE_FUTURE_BTC_USDT` (`@X_MARGIN` → MARGIN, no settle → SPOT)."""
    parsed = UnifiedSymbol.parse(symbol)
    exchange = parsed.exchange or (default_exchange.upper() if default_exchange else None)
    if exchange is None:
        raise BadSymbol(f"{symbol!r}: name the underlying exchange (e.g. '@BINANCE')", venue=VENUE)
    business = "FUTURE" if parsed.settle else "SPOT"
    if exchange.endswith("_MARGIN"):
        exchange, business = exchange.removesuffix("_MARGIN"), "MARGIN"
    unified = mapping.unified_name(exchange, business, parsed.base, parsed.quote)
    return unified, f"{exchange}_{business}_{parsed.base}_{parsed.quote}"
