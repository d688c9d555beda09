"""Typed order specifications shared by place, test, batch and cancel-replace: validated once, here."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Required, TypedDict

from ..enums import (
    CancelReplaceMode,
    CancelRestriction,
    OrderSide,
    OrderType,
    PositionSide,
    TimeInForce,
    WorkingType,
)
from ._base import JsonInt, check_client_id, check_order_id, check_positive, check_symbol, compact_json, one_of


@dataclass(frozen=True, slots=True, kw_only=True)
class TpSlSpec:
    """A take-profit or stop-loss attached to an order; sent as compact JSON text."""

    type: OrderType
    stop_price: Decimal
    price: Decimal | None = None
    quantity: Decimal | None = None
    working_type: WorkingType | None = None
    stop_guaranteed: bool | None = None

    def to_json(self) -> str:
        check_positive(stop_price=self.stop_price, price=self.price, quantity=self.quantity)
        return compact_json(
            {
                "type": self.type,
                "stopPrice": self.stop_price,
                "price": self.price,
                "quantity": self.quantity,
                "workingType": self.working_type,
                "stopGuaranteed": self.stop_guaranteed,
            }
        )


class OrderFields(TypedDict, total=False):
    """Keyword arguments of `place_order` / `test_order`, the same names as `NewOrder`."""

    symbol: Required[str]
    side: Required[OrderSide]
    type: Required[OrderType]
    position_side: PositionSide
    quantity: Decimal
    price: Decimal
    stop_price: Decimal
    price_rate: Decimal
    activation_price: Decimal
    working_type: WorkingType
    time_in_force: TimeInForce
    reduce_only: bool
    close_position: bool
    stop_guaranteed: bool
    client_order_id: str
    take_profit: TpSlSpec
    stop_loss: TpSlSpec
    position_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NewOrder:
    """Parameters of `POST /openApi/swap/v2/trade/order` (also of order/test and each batch element)."""

    symbol: str
    side: OrderSide
    type: OrderType
    position_side: PositionSide | None = None
    quantity: Decimal | None = None
    price: Decimal | None = None
    stop_price: Decimal | None = None
    price_rate: Decimal | None = None
    activation_price: Decimal | None = None
    working_type: WorkingType | None = None
    time_in_force: TimeInForce | None = None
    reduce_only: bool | None = None
    close_position: bool | None = None
    stop_guaranteed: bool | None = None
    client_order_id: str | None = None
    take_profit: TpSlSpec | None = None
    stop_loss: TpSlSpec | None = None
    position_id: str | None = None

    def to_params(self) -> dict[str, Any]:
        check_symbol(self.symbol)
        check_positive(
            quantity=self.quantity,
            price=self.price,
            stop_price=self.stop_price,
            price_rate=self.price_rate,
            activation_price=self.activation_price,
        )
        check_client_id(self.client_order_id)
        check_order_id(self.position_id, "positionId")
        return {
            "symbol": self.symbol,
            "side": self.side,
            "type": self.type,
            "positionSide": self.position_side,
            "quantity": self.quantity,
            "price": self.price,
            "stopPrice": self.stop_price,
            "priceRate": self.price_rate,
            "activationPrice": self.activation_price,
            "workingType": self.working_type,
            "timeInForce": self.time_in_force,
            "reduceOnly": self.reduce_only,
            "closePosition": self.close_position,
            "stopGuaranteed": self.stop_guaranteed,
            "clientOrderId": self.client_order_id,
            "takeProfit": self.take_profit.to_json() if self.take_profit else None,
            "stopLoss": self.stop_loss.to_json() if self.stop_loss else None,
            "positionId": JsonInt(self.position_id) if self.position_id else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class CancelReplace:
    """Cancel one order (by id or client id) and place `order` in its place, atomically at BingX."""

    order: NewOrder
    mode: CancelReplaceMode
    cancel_order_id: str | None = None
    cancel_client_order_id: str | None = None
    cancel_restrictions: CancelRestriction | None = None

    def to_params(self) -> dict[str, Any]:
        one_of(cancel_order_id=self.cancel_order_id, cancel_client_order_id=self.cancel_client_order_id)
        check_order_id(self.cancel_order_id, "cancelOrderId")
        check_client_id(self.cancel_client_order_id, "cancelClientOrderId")
        return {
            "cancelReplaceMode": self.mode,
            "cancelOrderId": JsonInt(self.cancel_order_id) if self.cancel_order_id else None,
            "cancelClientOrderId": self.cancel_client_order_id,
            "cancelRestrictions": self.cancel_restrictions,
            **self.order.to_params(),
        }
