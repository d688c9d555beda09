"""Public swap market data: server time, contracts, tickers, mark price / funding, book ticker."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from venuekit.core.types import VenueModel

from .common import BingXModel, OptDec, OptInt


class ServerTime(BingXModel):
    server_time: int


class Contract(BingXModel):
    """One perpetual; numbers come as JSON numbers (older docs) or as strings (newer): both parse."""

    contract_id: str | None = None
    symbol: str
    size: OptDec = None
    quantity_precision: int
    price_precision: int
    fee_rate: OptDec = None
    maker_fee_rate: OptDec = None
    taker_fee_rate: OptDec = None
    trade_min_limit: OptDec = None
    trade_min_quantity: OptDec = None
    trade_min_usdt: OptDec = Field(default=None, alias="tradeMinUSDT")
    max_long_leverage: OptInt = None
    max_short_leverage: OptInt = None
    currency: str | None = None
    asset: str | None = None
    status: OptInt = None
    api_state_open: bool | None = None
    api_state_close: bool | None = None
    ensure_trigger: bool | None = None
    trigger_fee_rate: OptDec = None


class SwapTicker(BingXModel):
    symbol: str
    price_change: OptDec = None
    price_change_percent: str | None = None
    last_price: OptDec = None
    last_qty: OptDec = None
    high_price: OptDec = None
    low_price: OptDec = None
    volume: OptDec = None
    quote_volume: OptDec = None
    open_price: OptDec = None
    open_time: OptInt = None
    close_time: OptInt = None
    bid_price: OptDec = None
    bid_qty: OptDec = None
    ask_price: OptDec = None
    ask_qty: OptDec = None


class PremiumIndex(BingXModel):
    """Mark price, index price and the current funding rate of one symbol."""

    symbol: str
    mark_price: OptDec = None
    index_price: OptDec = None
    last_funding_rate: OptDec = None
    next_funding_time: OptInt = None
    funding_interval_hours: OptInt = None
    update_time: OptInt = None


class FundingRateRecord(BingXModel):
    symbol: str
    funding_rate: Decimal
    funding_time: int


class LastPrice(BingXModel):
    symbol: str
    price: Decimal
    time: OptInt = None


class BookTicker(VenueModel):
    """Best bid/ask; this endpoint uses snake_case keys and JSON numbers."""

    symbol: str
    bid_price: OptDec = None
    bid_qty: OptDec = None
    ask_price: OptDec = None
    ask_qty: OptDec = None


class BookTickerData(VenueModel):
    book_ticker: BookTicker
