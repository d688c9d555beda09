"""Typed BingX swap stream events, validated from the (gunzipped) frame bytes; venue field names as aliases.

User data (top-level `e`): ORDER_TRADE_UPDATE, ACCOUNT_UPDATE, ACCOUNT_CONFIG_UPDATE, listenKeyExpired.
Market pushes (`{"code", "dataType", "data"}`): `@markPrice`, `@bookTicker`, `@trade`, `@incrDepth`,
`@depth<N>@<interval>`. Ids arrive as JSON numbers or strings and are kept as exact strings; numbers in
strings become `Decimal`. BingX's order push has no last-fill quantity, price or trade id (streams.md §A4).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field

from venuekit.core.types import OptionalDecimal, VenueModel

Level = tuple[Decimal, Decimal]


class WsModel(VenueModel):
    """Single-letter wire names are aliases; extra fields are kept."""

    model_config = ConfigDict(populate_by_name=True)


def _as_list(value: Any) -> Any:
    """Trade `data` was one object in 2023 and is an array now: accept both."""
    if isinstance(value, dict):
        return [value]
    return value


def _zero_to_none(value: Any) -> Any:
    """The live recording has `"T": 0` for the transaction time: no time given."""
    return None if value in (0, "0", "") else value


OptTime = Annotated[int | None, BeforeValidator(_zero_to_none)]


class WsOrder(WsModel):
    """`o` of ORDER_TRADE_UPDATE. `z`, `n` and `rp` are taken as the order's cumulative filled quantity,
    fee and realised PnL (like the REST order's executedQty/commission/profit)."""

    symbol: str = Field(alias="s")
    client_order_id: str = Field("", alias="c")
    order_id: str = Field(alias="i")
    side: str = Field(alias="S")
    type: str = Field(alias="o")
    quantity: Decimal = Field(alias="q")
    price: OptionalDecimal = Field(None, alias="p")
    avg_price: OptionalDecimal = Field(None, alias="ap")
    exec_type: str = Field(alias="x")
    status: str = Field(alias="X")
    fee_asset: str | None = Field(None, alias="N")
    fee: OptionalDecimal = Field(None, alias="n")
    trade_time: OptTime = Field(None, alias="T")
    working_type: str | None = Field(None, alias="wt")
    position_side: str | None = Field(None, alias="ps")
    realized_profit: OptionalDecimal = Field(None, alias="rp")
    filled_qty: Decimal = Field(Decimal(0), alias="z")
    filled_quote: OptionalDecimal = Field(None, alias="Z")
    stop_price: OptionalDecimal = Field(None, alias="sp")
    reduce_only: bool | None = Field(None, alias="ro")


class WsOrderTradeUpdate(WsModel):
    event: Literal["ORDER_TRADE_UPDATE"] = Field(alias="e")
    event_time: int = Field(alias="E")
    order: WsOrder = Field(alias="o")


class WsBalance(WsModel):
    asset: str = Field(alias="a")
    wallet_balance: Decimal = Field(alias="wb")
    cross_wallet_balance: OptionalDecimal = Field(None, alias="cw")
    balance_change: OptionalDecimal = Field(None, alias="bc")


class WsPosition(WsModel):
    """`pa` is the leg's size (positive on a SHORT leg too, per the 2023 sample); `ps` is LONG or SHORT."""

    symbol: str = Field(alias="s")
    position_amount: Decimal = Field(alias="pa")
    entry_price: OptionalDecimal = Field(None, alias="ep")
    unrealized_pnl: OptionalDecimal = Field(None, alias="up")
    margin_type: str | None = Field(None, alias="mt")
    isolated_wallet: OptionalDecimal = Field(None, alias="iw")
    position_side: str | None = Field(None, alias="ps")


class WsAccountData(WsModel):
    reason: str = Field("", alias="m")
    balances: list[WsBalance] = Field(default_factory=list, alias="B")
    positions: list[WsPosition] = Field(default_factory=list, alias="P")


class WsAccountUpdate(WsModel):
    event: Literal["ACCOUNT_UPDATE"] = Field(alias="e")
    event_time: int = Field(alias="E")
    transaction_time: OptTime = Field(None, alias="T")
    account: WsAccountData = Field(alias="a")


class WsAccountConfig(WsModel):
    symbol: str = Field(alias="s")
    long_leverage: int | None = Field(None, alias="l")
    short_leverage: int | None = Field(None, alias="S")
    margin_type: str | None = Field(None, alias="mt")


class WsAccountConfigUpdate(WsModel):
    event: Literal["ACCOUNT_CONFIG_UPDATE"] = Field(alias="e")
    event_time: int = Field(alias="E")
    config: WsAccountConfig = Field(alias="ac")


class WsListenKeyExpired(WsModel):
    event: Literal["listenKeyExpired"] = Field(alias="e")
    event_time: int = Field(alias="E")
    listen_key: str = Field("", alias="listenKey")


class WsMarkPrice(WsModel):
    """No funding rate or index price in BingX's push (REST premiumIndex has them)."""

    event: str = Field("markPriceUpdate", alias="e")
    event_time: int = Field(alias="E")
    symbol: str = Field(alias="s")
    mark_price: Decimal = Field(alias="p")


class WsBookTicker(WsModel):
    event: str = Field("bookTicker", alias="e")
    update_id: int | None = Field(None, alias="u")
    event_time: int = Field(alias="E")
    transaction_time: int | None = Field(None, alias="T")
    symbol: str = Field(alias="s")
    bid_price: Decimal = Field(alias="b")
    bid_qty: Decimal = Field(alias="B")
    ask_price: Decimal = Field(alias="a")
    ask_qty: Decimal = Field(alias="A")


class WsTrade(WsModel):
    """One public trade; BingX sends no trade id. `m` true: the buyer was the maker (the taker sold)."""

    quantity: Decimal = Field(alias="q")
    price: Decimal = Field(alias="p")
    trade_time: int = Field(alias="T")
    buyer_is_maker: bool = Field(alias="m")
    symbol: str = Field(alias="s")


class WsIncrDepth(WsModel):
    """`action` "all" is a full book, "update" absolute quantities per changed level (`0` removes it)."""

    action: str
    last_update_id: int = Field(alias="lastUpdateId")
    time: int = 0
    bids: list[Level] = Field(default_factory=list)
    asks: list[Level] = Field(default_factory=list)


class WsDepthSnapshot(WsModel):
    """`@depth<N>@<interval>`: the top N levels, each push a whole snapshot (asks may come highest first)."""

    bids: list[Level] = Field(default_factory=list)
    asks: list[Level] = Field(default_factory=list)


class WsFrame(WsModel):
    """The market push envelope; `data` stays untyped here and is validated per topic."""

    code: int | str = 0
    data_type: str = Field("", alias="dataType")
    ts: int | None = None
    data: Any = None


class MarkPriceFrame(WsFrame):
    data: WsMarkPrice


class BookTickerFrame(WsFrame):
    data: WsBookTicker


class TradeFrame(WsFrame):
    data: Annotated[list[WsTrade], BeforeValidator(_as_list)]


class IncrDepthFrame(WsFrame):
    data: WsIncrDepth


class DepthFrame(WsFrame):
    data: WsDepthSnapshot


class WsReply(WsModel):
    """A subscribe / unsubscribe answer or an error frame: `code` 0 is success."""

    id: str | None = None
    code: int | str = 0
    msg: str = ""
    data_type: str | None = Field(None, alias="dataType")

    @property
    def ok(self) -> bool:
        return str(self.code) == "0"


UserEvent = WsOrderTradeUpdate | WsAccountUpdate | WsAccountConfigUpdate | WsListenKeyExpired
MarketFrame = MarkPriceFrame | BookTickerFrame | TradeFrame | IncrDepthFrame | DepthFrame
