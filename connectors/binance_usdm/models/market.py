"""Public market-data models: server time, exchangeInfo (filters, rate limits), mark price, ticker."""

from __future__ import annotations

from decimal import Decimal

from pydantic import AliasChoices, Field

from .base import BinanceModel


class ServerTime(BinanceModel):
    server_time: int


class RateLimit(BinanceModel):
    """`{rateLimitType: REQUEST_WEIGHT|ORDERS, interval: MINUTE|SECOND, intervalNum, limit}`."""

    rate_limit_type: str
    interval: str
    interval_num: int
    limit: int

    @property
    def window_ms(self) -> int:
        unit = {"SECOND": 1000, "MINUTE": 60_000, "HOUR": 3_600_000, "DAY": 86_400_000}.get(self.interval, 60_000)
        return unit * self.interval_num


class SymbolFilter(BinanceModel):
    """Every filter type in one model; which fields are set depends on `filterType`."""

    filter_type: str
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    tick_size: Decimal | None = None
    min_qty: Decimal | None = None
    max_qty: Decimal | None = None
    step_size: Decimal | None = None
    limit: int | None = None
    notional: Decimal | None = None
    multiplier_up: Decimal | None = None
    multiplier_down: Decimal | None = None
    multiplier_decimal: Decimal | None = None


class ExchangeSymbol(BinanceModel):
    symbol: str
    pair: str | None = None
    contract_type: str
    status: str
    base_asset: str
    quote_asset: str
    margin_asset: str
    price_precision: int | None = None
    quantity_precision: int | None = None
    base_asset_precision: int | None = None
    quote_precision: int | None = None
    delivery_date: int | None = None
    onboard_date: int | None = None
    maint_margin_percent: Decimal | None = None
    required_margin_percent: Decimal | None = None
    underlying_type: str | None = None
    underlying_sub_type: list[str] = Field(default_factory=list)
    settle_plan: int | None = None
    trigger_protect: Decimal | None = None
    liquidation_fee: Decimal | None = None
    market_take_bound: Decimal | None = None
    max_move_order_limit: int | None = None
    filters: list[SymbolFilter] = Field(default_factory=list)
    order_types: list[str] = Field(
        default_factory=list, validation_alias=AliasChoices("orderTypes", "OrderType", "order_types")
    )
    time_in_force: list[str] = Field(default_factory=list)

    def filter(self, filter_type: str) -> SymbolFilter | None:
        return next((f for f in self.filters if f.filter_type == filter_type), None)


class ExchangeAsset(BinanceModel):
    asset: str
    margin_available: bool
    auto_asset_exchange: Decimal | None = None


class ExchangeInfo(BinanceModel):
    timezone: str
    server_time: int
    futures_type: str | None = None
    rate_limits: list[RateLimit] = Field(default_factory=list)
    exchange_filters: list[dict[str, object]] = Field(default_factory=list)
    assets: list[ExchangeAsset] = Field(default_factory=list)
    symbols: list[ExchangeSymbol]


class PremiumIndex(BinanceModel):
    """Mark price and funding of one symbol (`GET /fapi/v1/premiumIndex`)."""

    symbol: str
    mark_price: Decimal
    index_price: Decimal
    estimated_settle_price: Decimal
    last_funding_rate: Decimal
    interest_rate: Decimal
    next_funding_time: int
    time: int


class TickerPrice(BinanceModel):
    symbol: str
    price: Decimal
    time: int


class OrderBook(BinanceModel):
    """`GET /fapi/v1/depth`: price levels best first, and the update id the diff stream aligns to."""

    last_update_id: int
    event_time: int | None = Field(None, alias="E")
    transaction_time: int | None = Field(None, alias="T")
    bids: list[tuple[Decimal, Decimal]]
    asks: list[tuple[Decimal, Decimal]]
