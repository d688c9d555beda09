"""Typed Binance USDⓈ-M stream events, validated from the frame bytes (venue field names as aliases)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import ConfigDict, Field

from venuekit.core.types import OptionalDecimal, VenueModel


class WsModel(VenueModel):
    """Single-letter wire names are aliases; numbers in strings → Decimal, ids → str, extra fields kept."""

    model_config = ConfigDict(populate_by_name=True)


class WsOrder(WsModel):
    symbol: str = Field(alias="s")
    client_order_id: str = Field("", alias="c")
    side: str = Field(alias="S")
    type: str = Field(alias="o")
    time_in_force: str | None = Field(None, alias="f")
    quantity: Decimal = Field(alias="q")
    price: Decimal = Field(alias="p")
    avg_price: OptionalDecimal = Field(None, alias="ap")
    stop_price: OptionalDecimal = Field(None, alias="sp")
    exec_type: str = Field(alias="x")
    status: str = Field(alias="X")
    order_id: str = Field(alias="i")
    last_qty: Decimal = Field(Decimal(0), alias="l")
    filled_qty: Decimal = Field(Decimal(0), alias="z")
    last_price: Decimal = Field(Decimal(0), alias="L")
    commission_asset: str | None = Field(None, alias="N")
    commission: OptionalDecimal = Field(None, alias="n")
    trade_time: int = Field(0, alias="T")
    trade_id: str = Field("0", alias="t")
    maker: bool = Field(False, alias="m")
    reduce_only: bool = Field(False, alias="R")
    working_type: str | None = Field(None, alias="wt")
    orig_type: str | None = Field(None, alias="ot")
    position_side: str = Field("BOTH", alias="ps")
    close_position: bool | None = Field(None, alias="cp")
    realized_profit: OptionalDecimal = Field(None, alias="rp")
    expire_reason: str | None = Field(None, alias="er")


class WsOrderTradeUpdate(WsModel):
    event: Literal["ORDER_TRADE_UPDATE"] = Field(alias="e")
    event_time: int = Field(alias="E")
    transaction_time: int | None = Field(None, alias="T")
    order: WsOrder = Field(alias="o")


class WsTradeLite(WsModel):
    event: Literal["TRADE_LITE"] = Field(alias="e")
    event_time: int = Field(alias="E")
    transaction_time: int = Field(alias="T")
    symbol: str = Field(alias="s")
    quantity: Decimal = Field(alias="q")
    price: Decimal = Field(alias="p")
    maker: bool = Field(alias="m")
    client_order_id: str = Field("", alias="c")
    side: str = Field(alias="S")
    last_price: Decimal = Field(alias="L")
    last_qty: Decimal = Field(alias="l")
    trade_id: str = Field(alias="t")
    order_id: str = Field(alias="i")


class WsBalance(WsModel):
    asset: str = Field(alias="a")
    wallet_balance: Decimal = Field(alias="wb")
    cross_wallet_balance: OptionalDecimal = Field(None, alias="cw")
    balance_change: OptionalDecimal = Field(None, alias="bc")


class WsPosition(WsModel):
    symbol: str = Field(alias="s")
    position_amount: Decimal = Field(alias="pa")
    entry_price: OptionalDecimal = Field(None, alias="ep")
    breakeven_price: OptionalDecimal = Field(None, alias="bep")
    accumulated_realized: OptionalDecimal = Field(None, alias="cr")
    unrealized_pnl: OptionalDecimal = Field(None, alias="up")
    margin_type: str | None = Field(None, alias="mt")
    isolated_wallet: OptionalDecimal = Field(None, alias="iw")
    position_side: str = Field("BOTH", alias="ps")


class WsAccountData(WsModel):
    reason: str = Field(alias="m")
    balances: list[WsBalance] = Field(default_factory=list, alias="B")
    positions: list[WsPosition] = Field(default_factory=list, alias="P")


class WsAccountUpdate(WsModel):
    event: Literal["ACCOUNT_UPDATE"] = Field(alias="e")
    event_time: int = Field(alias="E")
    transaction_time: int | None = Field(None, alias="T")
    account: WsAccountData = Field(alias="a")


class WsLeverageConfig(WsModel):
    symbol: str = Field(alias="s")
    leverage: int = Field(alias="l")


class WsMultiAssetsConfig(WsModel):
    multi_assets: bool = Field(alias="j")


class WsAccountConfigUpdate(WsModel):
    event: Literal["ACCOUNT_CONFIG_UPDATE"] = Field(alias="e")
    event_time: int = Field(alias="E")
    transaction_time: int | None = Field(None, alias="T")
    leverage: WsLeverageConfig | None = Field(None, alias="ac")
    multi_assets: WsMultiAssetsConfig | None = Field(None, alias="ai")


class WsListenKeyExpired(WsModel):
    event: Literal["listenKeyExpired"] = Field(alias="e")
    event_time: int = Field(alias="E")
    listen_key: str = Field("", alias="listenKey")


class WsMarginCallPosition(WsModel):
    symbol: str = Field(alias="s")
    position_side: str = Field("BOTH", alias="ps")
    position_amount: Decimal = Field(alias="pa")
    margin_type: str | None = Field(None, alias="mt")
    mark_price: OptionalDecimal = Field(None, alias="mp")
    unrealized_pnl: OptionalDecimal = Field(None, alias="up")
    maintenance_margin: OptionalDecimal = Field(None, alias="mm")


class WsMarginCall(WsModel):
    event: Literal["MARGIN_CALL"] = Field(alias="e")
    event_time: int = Field(alias="E")
    cross_wallet_balance: OptionalDecimal = Field(None, alias="cw")
    positions: list[WsMarginCallPosition] = Field(default_factory=list, alias="p")


class WsMarkPrice(WsModel):
    event: Literal["markPriceUpdate"] = Field(alias="e")
    event_time: int = Field(alias="E")
    symbol: str = Field(alias="s")
    mark_price: Decimal = Field(alias="p")
    index_price: OptionalDecimal = Field(None, alias="i")
    estimated_settle_price: OptionalDecimal = Field(None, alias="P")
    funding_rate: OptionalDecimal = Field(None, alias="r")
    next_funding_time: int | None = Field(None, alias="T")


class WsBookTicker(WsModel):
    event: Literal["bookTicker"] = Field(alias="e")
    update_id: int = Field(alias="u")
    event_time: int = Field(alias="E")
    transaction_time: int | None = Field(None, alias="T")
    symbol: str = Field(alias="s")
    bid_price: Decimal = Field(alias="b")
    bid_qty: Decimal = Field(alias="B")
    ask_price: Decimal = Field(alias="a")
    ask_qty: Decimal = Field(alias="A")


class WsAggTrade(WsModel):
    event: Literal["aggTrade"] = Field(alias="e")
    event_time: int = Field(alias="E")
    symbol: str = Field(alias="s")
    agg_id: str = Field(alias="a")
    price: Decimal = Field(alias="p")
    quantity: Decimal = Field(alias="q")
    first_trade_id: int | None = Field(None, alias="f")
    last_trade_id: int | None = Field(None, alias="l")
    trade_time: int = Field(alias="T")
    buyer_is_maker: bool = Field(alias="m")


class WsDepthUpdate(WsModel):
    event: Literal["depthUpdate"] = Field(alias="e")
    event_time: int = Field(alias="E")
    transaction_time: int | None = Field(None, alias="T")
    symbol: str = Field(alias="s")
    first_id: int = Field(alias="U")
    last_id: int = Field(alias="u")
    prev_id: int = Field(alias="pu")
    bids: list[tuple[Decimal, Decimal]] = Field(alias="b")
    asks: list[tuple[Decimal, Decimal]] = Field(alias="a")


UserEvent = (
    WsOrderTradeUpdate | WsAccountUpdate | WsAccountConfigUpdate | WsTradeLite | WsListenKeyExpired | WsMarginCall
)
MarketEvent = WsMarkPrice | WsBookTicker | WsAggTrade | WsDepthUpdate
