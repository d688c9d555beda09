"""`Venue`: the unified interface every connector implements; what a venue lacks raises `NotSupported`."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from types import TracebackType
from typing import TYPE_CHECKING, ClassVar, Self

from .errors import NotSupported, VenueError
from .idempotency import PlacementPolicy
from .precision import check_order_size
from .symbols import SymbolMap

if TYPE_CHECKING:
    from .streams import AccountUpdate, BookTickerUpdate, MarkPriceUpdate, OrderBookUpdate, Stream, TradeUpdate
    from .types import (
        Balance,
        Commission,
        Fill,
        FundingRate,
        IncomeEntry,
        Instrument,
        Leverage,
        MarginMode,
        Order,
        OrderRequest,
        Position,
        PositionMode,
        PositionSide,
        Ticker,
    )


class Capability(StrEnum):
    """One per unified method; `Venue.capabilities` lists those a connector implements."""

    LOAD_INSTRUMENTS = "load_instruments"
    FETCH_BALANCES = "fetch_balances"
    FETCH_POSITIONS = "fetch_positions"
    CREATE_ORDER = "create_order"
    CREATE_ORDERS = "create_orders"
    AMEND_ORDER = "amend_order"
    CANCEL_ORDER = "cancel_order"
    CANCEL_ORDERS = "cancel_orders"
    CANCEL_ALL_ORDERS = "cancel_all_orders"
    CANCEL_ALL_AFTER = "cancel_all_after"
    FETCH_ORDER = "fetch_order"
    FETCH_OPEN_ORDERS = "fetch_open_orders"
    FETCH_ORDERS = "fetch_orders"
    FETCH_FILLS = "fetch_fills"
    FETCH_LEVERAGE = "fetch_leverage"
    SET_LEVERAGE = "set_leverage"
    SET_MARGIN_MODE = "set_margin_mode"
    SET_POSITION_MODE = "set_position_mode"
    CLOSE_POSITION = "close_position"
    FETCH_INCOME = "fetch_income"
    FETCH_FUNDING_RATE = "fetch_funding_rate"
    FETCH_TICKER = "fetch_ticker"
    FETCH_COMMISSION = "fetch_commission"
    WATCH_ACCOUNT = "watch_account"
    WATCH_MARK_PRICE = "watch_mark_price"
    WATCH_BOOK_TICKER = "watch_book_ticker"
    WATCH_TRADES = "watch_trades"
    WATCH_ORDER_BOOK = "watch_order_book"


class Venue:
    """Base of the unified layer: an async context manager with the same methods on every venue."""

    name: ClassVar[str] = "venue"

    def __init__(self) -> None:
        self.symbols = SymbolMap(self.name)
        self.placement = PlacementPolicy()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Release connections; subclasses close their raw client here."""

    @property
    def capabilities(self) -> frozenset[Capability]:
        """Methods this connector overrides; everything else raises `NotSupported`."""
        cls = type(self)
        return frozenset(c for c in Capability if getattr(cls, c.value) is not getattr(Venue, c.value))

    def _unsupported(self, what: str, reason: str = "") -> NotSupported:
        return NotSupported(f"{what} is not supported on {self.name}" + (f": {reason}" if reason else ""),
                            venue=self.name)

    def instrument(self, symbol: str) -> Instrument:
        """The loaded instrument for a unified symbol; `BadSymbol` when unknown."""
        return self.symbols.by_unified(symbol)

    def prepare(self, request: OrderRequest) -> OrderRequest:
        """Quantise to tick/step and enforce min qty/notional before the wire."""
        inst = self.instrument(request.symbol)
        amount, price = check_order_size(
            symbol=request.symbol, amount=request.amount, price=request.price, lot_step=inst.lot_step,
            tick_size=inst.tick_size, min_qty=inst.min_qty, min_notional=inst.min_notional,
            contract_size=inst.contract_size,
        )
        trigger = inst.quantize_price(request.trigger_price) if request.trigger_price is not None else None
        return request.model_copy(update={"amount": amount, "price": price, "trigger_price": trigger})

    async def load_instruments(self, *, reload: bool = False) -> dict[str, Instrument]:
        raise self._unsupported("load_instruments")

    async def fetch_balances(self) -> dict[str, Balance]:
        raise self._unsupported("fetch_balances")

    async def fetch_positions(self, symbols: Sequence[str] | None = None) -> list[Position]:
        raise self._unsupported("fetch_positions")

    async def create_order(self, request: OrderRequest) -> Order:
        raise self._unsupported("create_order")

    async def create_orders(self, requests: Sequence[OrderRequest]) -> list[Order | VenueError]:
        raise self._unsupported("create_orders")

    async def amend_order(
        self, symbol: str, order_id: str, *, amount: Decimal | None = None, price: Decimal | None = None
    ) -> Order:
        raise self._unsupported("amend_order")

    async def cancel_order(
        self, symbol: str, order_id: str | None = None, *, client_order_id: str | None = None
    ) -> Order:
        raise self._unsupported("cancel_order")

    async def cancel_orders(self, symbol: str, order_ids: Sequence[str]) -> list[Order | VenueError]:
        raise self._unsupported("cancel_orders")

    async def cancel_all_orders(self, symbol: str | None = None) -> list[Order]:
        raise self._unsupported("cancel_all_orders")

    async def cancel_all_after(self, timeout_ms: int, symbol: str | None = None) -> None:
        raise self._unsupported("cancel_all_after")

    async def fetch_order(
        self, symbol: str, order_id: str | None = None, *, client_order_id: str | None = None
    ) -> Order:
        raise self._unsupported("fetch_order")

    async def fetch_open_orders(self, symbol: str | None = None) -> list[Order]:
        raise self._unsupported("fetch_open_orders")

    async def fetch_orders(self, symbol: str, *, since: int | None = None, limit: int | None = None) -> list[Order]:
        raise self._unsupported("fetch_orders")

    async def fetch_fills(
        self, symbol: str | None = None, *, since: int | None = None, limit: int | None = None
    ) -> list[Fill]:
        raise self._unsupported("fetch_fills")

    async def fetch_leverage(self, symbol: str) -> Leverage:
        raise self._unsupported("fetch_leverage")

    async def set_leverage(self, symbol: str, leverage: int, *, position_side: PositionSide | None = None) -> None:
        raise self._unsupported("set_leverage")

    async def set_margin_mode(self, symbol: str, mode: MarginMode) -> None:
        raise self._unsupported("set_margin_mode")

    async def set_position_mode(self, mode: PositionMode) -> None:
        raise self._unsupported("set_position_mode")

    async def close_position(self, symbol: str, *, position_side: PositionSide | None = None) -> list[Order]:
        raise self._unsupported("close_position")

    async def fetch_income(
        self, symbol: str | None = None, *, since: int | None = None, limit: int | None = None
    ) -> list[IncomeEntry]:
        raise self._unsupported("fetch_income")

    async def fetch_funding_rate(self, symbol: str) -> FundingRate:
        raise self._unsupported("fetch_funding_rate")

    async def fetch_ticker(self, symbol: str) -> Ticker:
        raise self._unsupported("fetch_ticker")

    async def fetch_commission(self, symbol: str) -> Commission:
        raise self._unsupported("fetch_commission")

    def watch_account(self, *, symbols: Sequence[str] | None = None) -> Stream[AccountUpdate]:
        """User data (orders, fills, positions, balances), exactly once across reconnects.

        `async with venue.watch_account() as stream: async for event in stream: ...`; `symbols` adds
        symbols the post-reconnect reconciliation must cover even if the stream has not seen them yet.
        """
        raise self._unsupported("watch_account")

    def watch_mark_price(self, symbol: str) -> Stream[MarkPriceUpdate]:
        """Mark/index price and funding; a slow consumer sees the latest value (conflated)."""
        raise self._unsupported("watch_mark_price")

    def watch_book_ticker(self, symbol: str) -> Stream[BookTickerUpdate]:
        """Best bid/ask; conflated to the latest for a slow consumer."""
        raise self._unsupported("watch_book_ticker")

    def watch_trades(self, symbol: str) -> Stream[TradeUpdate]:
        """Public trades; a slow consumer loses the oldest (counted in `stream.stats["dropped"]`)."""
        raise self._unsupported("watch_trades")

    def watch_order_book(self, symbol: str, depth: int = 20) -> Stream[OrderBookUpdate]:
        """A local book kept from snapshot + diffs under the venue's sequence rules; top `depth` levels."""
        raise self._unsupported("watch_order_book")
