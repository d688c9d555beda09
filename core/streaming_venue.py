"""`StreamingVenue`: the part of a unified venue that is the same everywhere — streams built on first use,
`watch_*` delegating to them, `from_simulator`, and a `close()` that stops streams before the REST pool."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar, cast

from .credentials import Credentials
from .venue import Venue

if TYPE_CHECKING:
    from .streams import AccountUpdate, BookTickerUpdate, MarkPriceUpdate, OrderBookUpdate, Stream, TradeUpdate
    from .transport.raw_client import VenueClient


class VenueStreams(Protocol):
    """What a venue's `streams` package offers (see docs/streams.md, "How to add a venue")."""

    def account(self, symbols: Sequence[str] | None) -> Stream[AccountUpdate]: ...
    def mark_price(self, symbol: str) -> Stream[MarkPriceUpdate]: ...
    def book_ticker(self, symbol: str) -> Stream[BookTickerUpdate]: ...
    def trades(self, symbol: str) -> Stream[TradeUpdate]: ...
    def order_book(self, symbol: str, depth: int) -> Stream[OrderBookUpdate]: ...
    def use_simulator(self, sim: Any) -> None: ...
    async def aclose(self) -> None: ...


S = TypeVar("S", bound=VenueStreams)
R = TypeVar("R", bound="VenueClient")


class StreamingVenue(Venue, Generic[S, R]):
    """A venue with a raw client `raw: R` and WebSocket streams `S` made by `_make_streams()` when first used."""

    raw: R
    _streams: S | None = None

    def _make_streams(self) -> S:
        """Build this venue's streams object (import the streams package here, not at module import)."""
        raise NotImplementedError

    @property
    def streams(self) -> S:
        if self._streams is None:
            self._streams = self._make_streams()
        return self._streams

    @classmethod
    def from_simulator(cls, sim: Any, api_key: str, secret: str, **kw: Any) -> Self:
        """Talk to an in-process simulator (duck-typed: `base_url`, `transport()`, optionally `ws_connector()`)."""
        venue = cast(Any, cls)(Credentials.of(api_key, secret), base_url=sim.base_url, transport=sim.transport(), **kw)
        if hasattr(sim, "ws_connector"):
            venue.streams.use_simulator(sim)
        return cast(Self, venue)

    async def close(self) -> None:
        """Close every open stream (sockets and tasks), then the REST client."""
        if self._streams is not None:
            await self._streams.aclose()
        await self.raw.aclose()

    def watch_account(self, *, symbols: Sequence[str] | None = None) -> Stream[AccountUpdate]:
        return self.streams.account(symbols)

    def watch_mark_price(self, symbol: str) -> Stream[MarkPriceUpdate]:
        return self.streams.mark_price(symbol)

    def watch_book_ticker(self, symbol: str) -> Stream[BookTickerUpdate]:
        return self.streams.book_ticker(symbol)

    def watch_trades(self, symbol: str) -> Stream[TradeUpdate]:
        return self.streams.trades(symbol)

    def watch_order_book(self, symbol: str, depth: int = 20) -> Stream[OrderBookUpdate]:
        return self.streams.order_book(symbol, depth)
