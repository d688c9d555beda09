"""Typed CrossEx WebSocket frames (streams.md §C2–§C5), validated from the frame bytes.

Private pushes carry their data in `payload` (the same objects the REST API returns: orders, trades,
positions, assets), public pushes in `result` with the short field names of the market channels.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from venuekit.core.types import VenueModel

from ..models import AccountAsset, CrossexOrder, CrossexTrade, MarginPosition, Position
from ..models._types import OptDecimal, OptInt

SUCCESS = "100000"


class WsResult(VenueModel):
    """`{"code": "100000", "message": "success"}` on acks and private pushes; codes are strings."""

    code: str = ""
    message: str = ""


class WsFrame(VenueModel):
    """The envelope every frame shares; `error` is empty unless the request failed."""

    time: OptInt = None
    time_ms: OptInt = None
    channel: str = ""
    event: str = ""
    error: WsResult | None = None

    @property
    def stamp(self) -> int:
        return self.time_ms or (self.time or 0) * 1000


class WsError(WsFrame):
    """A refused request: `error` holds one of the codes 100001–100007 (streams.md §C2)."""

    result: Any = None

    @property
    def code(self) -> str:
        return self.error.code if self.error else ""

    @property
    def message(self) -> str:
        return self.error.message if self.error else ""

    @property
    def text(self) -> str:
        return f"{self.code} {self.message}".strip()


class WsLoginPayload(VenueModel):
    conn_id: str = ""


class WsLogin(WsFrame):
    event: Literal["login"]
    payload: WsLoginPayload = Field(default_factory=WsLoginPayload)
    result: WsResult | None = None


class WsAck(WsFrame):
    """Answer to subscribe / unsubscribe: the symbols (or coins, or `!all`) now covered."""

    event: Literal["subscribe", "unsubscribe"]
    payload: list[str] = Field(default_factory=list)
    result: WsResult | None = None


class WsOrderPush(WsFrame):
    channel: Literal["order"]
    payload: CrossexOrder


class WsTradePush(WsFrame):
    channel: Literal["usertrades"]
    payload: CrossexTrade


class WsPositionPush(WsFrame):
    channel: Literal["position"]
    payload: Position


class WsMarginPositionPush(WsFrame):
    """No `margin_position` example is in our reference: the REST margin position fields are assumed."""

    channel: Literal["margin_position"]
    payload: MarginPosition


class WsAsset(AccountAsset):
    price: OptDecimal = None


class WsAssetPush(WsFrame):
    channel: Literal["asset"]
    payload: WsAsset


class MarkPrice(VenueModel):
    s: str
    mp: Decimal


class IndexPrice(VenueModel):
    s: str
    ip: Decimal


class FundingRate(VenueModel):
    s: str
    r: Decimal
    next_funding_time: OptInt = Field(None, alias="T")


class Ticker(VenueModel):
    """`ticker`: last, best bid/ask with sizes, 24 h open/high/low and volumes."""

    s: str
    lp: OptDecimal = None
    bid_price: OptDecimal = Field(None, alias="bp")
    bid_size: OptDecimal = Field(None, alias="bs")
    ask_price: OptDecimal = Field(None, alias="ap")
    ask_size: OptDecimal = Field(None, alias="as")
    o: OptDecimal = None
    h: OptDecimal = None
    low: OptDecimal = Field(None, alias="l")
    v: OptDecimal = None
    q: OptDecimal = None
    ts: OptInt = None


class Trade(VenueModel):
    """`trade`: `S` is the taker side (`m` true = buyer was the maker, as on Binance)."""

    s: str
    i: str
    p: Decimal
    q: Decimal
    side: str = Field(alias="S")
    ts: int
    m: bool | None = None


class BookUpdate(VenueModel):
    """`order_book_update`: `snapshot` true replaces the book; `U`/`u` first/last update id (typed string,
    numbers in the examples)."""

    snapshot: bool = False
    ts: int = 0
    s: str
    first_id: int = Field(alias="U")
    last_id: int = Field(alias="u")
    a: list[tuple[Decimal, Decimal]] = Field(default_factory=list)
    b: list[tuple[Decimal, Decimal]] = Field(default_factory=list)


class WsMarkPricePush(WsFrame):
    channel: Literal["mark_price"]
    result: MarkPrice


class WsIndexPricePush(WsFrame):
    channel: Literal["index_price"]
    result: IndexPrice


class WsFundingRatePush(WsFrame):
    channel: Literal["funding_rate"]
    result: FundingRate


class WsTickerPush(WsFrame):
    channel: Literal["ticker"]
    result: Ticker


class WsTradePublic(WsFrame):
    channel: Literal["trade"]
    result: Trade


class WsBookUpdatePush(WsFrame):
    channel: Literal["order_book_update"]
    result: BookUpdate


UserPush = WsOrderPush | WsTradePush | WsPositionPush | WsMarginPositionPush | WsAssetPush
MarketPush = WsMarkPricePush | WsIndexPricePush | WsFundingRatePush | WsTickerPush | WsTradePublic | WsBookUpdatePush
Control = WsLogin | WsAck | WsError
