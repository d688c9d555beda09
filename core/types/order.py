"""Order request, order state and fills in venue-neutral form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field

from .base import FrozenModel
from .enums import LiquidityRole, OrderStatus, OrderType, PositionSide, Side, TimeInForce


class OrderRequest(FrozenModel):
    """What the user asks for; amounts are in the instrument's base units (contracts × size)."""

    symbol: str
    side: Side
    type: OrderType
    amount: Decimal
    price: Decimal | None = None
    trigger_price: Decimal | None = None
    time_in_force: TimeInForce | None = None
    position_side: PositionSide | None = None
    reduce_only: bool = False
    post_only: bool = False
    client_order_id: str | None = None
    take_profit_price: Decimal | None = None
    stop_loss_price: Decimal | None = None
    params: dict[str, Any] = Field(default_factory=dict)

    @classmethod
    def limit(cls, symbol: str, side: Side, amount: Decimal, price: Decimal, **kw: Any) -> OrderRequest:
        return cls(symbol=symbol, side=side, type=OrderType.LIMIT, amount=amount, price=price, **kw)

    @classmethod
    def market(cls, symbol: str, side: Side, amount: Decimal, **kw: Any) -> OrderRequest:
        return cls(symbol=symbol, side=side, type=OrderType.MARKET, amount=amount, **kw)


class Fee(FrozenModel):
    cost: Decimal
    currency: str | None = None


class Order(FrozenModel):
    """An order as the venue reports it, with the raw venue payload kept for debugging."""

    venue: str
    id: str
    client_order_id: str | None = None
    symbol: str
    side: Side
    position_side: PositionSide | None = None
    type: OrderType
    time_in_force: TimeInForce | None = None
    price: Decimal | None = None
    trigger_price: Decimal | None = None
    amount: Decimal
    filled: Decimal = Decimal(0)
    remaining: Decimal | None = None
    average_price: Decimal | None = None
    status: OrderStatus
    reduce_only: bool = False
    post_only: bool = False
    created_at: int | None = None
    updated_at: int | None = None
    fee: Fee | None = None
    raw: Any = Field(default=None, repr=False, exclude=True)


class Fill(FrozenModel):
    """One execution of an order."""

    venue: str
    id: str
    order_id: str
    client_order_id: str | None = None
    symbol: str
    side: Side
    position_side: PositionSide | None = None
    price: Decimal
    amount: Decimal
    cost: Decimal | None = None
    fee: Fee | None = None
    role: LiquidityRole | None = None
    realized_pnl: Decimal | None = None
    timestamp: int
    raw: Any = Field(default=None, repr=False, exclude=True)
