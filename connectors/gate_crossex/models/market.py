"""Public rule data: trading pairs, risk-limit tiers, plus the later tickers/funding endpoints."""

from __future__ import annotations

from pydantic import Field

from venuekit.core.types import VenueModel

from ._types import OptDecimal, OptInt


class Symbol(VenueModel):
    """One tradable pair on one underlying exchange (`EXCHANGE_BUSINESS_BASE_QUOTE`)."""

    symbol: str
    exchange_type: str = ""
    business_type: str = ""
    state: str = "live"
    min_size: OptDecimal = None
    min_notional: OptDecimal = None
    lot_size: OptDecimal = None
    tick_size: OptDecimal = None
    max_num_orders: OptInt = None
    max_market_size: OptDecimal = None
    max_limit_size: OptDecimal = None
    contract_size: OptDecimal = None
    liquidation_fee: OptDecimal = None
    default_leverage: OptDecimal = None
    delist_time: OptInt = None
    support_rpi: str | None = None
    support_cross: str | None = None
    tag: str | None = None


class RiskLimitTier(VenueModel):
    min_risk_limit_value: OptDecimal = None
    max_risk_limit_value: OptDecimal = None
    leverage_max: OptDecimal = None
    maintenance_rate: OptDecimal = None
    tier: OptInt = None


class RiskLimit(VenueModel):
    symbol: str
    tiers: list[RiskLimitTier] = Field(default_factory=list)


class MarketTicker(VenueModel):
    """`GET /crossex/market/tickers` (not in the v1.0.0 document; SDK >= 7.2.123)."""

    symbol: str
    last_price: OptDecimal = None
    open_24h: OptDecimal = None
    low_24h: OptDecimal = None
    high_24h: OptDecimal = None
    volume_24h_base: OptDecimal = None
    volume_24h_quote: OptDecimal = None
    mark_price: OptDecimal = None
    index_price: OptDecimal = None
    open_interest: OptDecimal = None
    open_interest_quote: OptDecimal = None
    timestamp: OptInt = None


class FundingInfo(VenueModel):
    """`GET /crossex/market/funding_info` (not in the v1.0.0 document; SDK >= 7.2.123)."""

    symbol: str
    funding_rate: OptDecimal = None
    funding_interval: OptInt = None
    funding_time: OptInt = None


class ServerTime(VenueModel):
    """`GET /api/v4/spot/time`: milliseconds."""

    server_time: int
