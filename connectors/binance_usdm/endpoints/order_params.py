"""`NewOrder`: the parameters of one order (single or batch), checked against the documented rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Required, TypedDict

from venuekit.core.errors import InvalidRequest
from venuekit.core.validation import require_positive

from ..enums import TIF, NewOrderRespType, OrderSide, OrderType, PositionSide, WorkingType
from ._common import check_client_id, check_symbol

#: Mandatory wire parameters per order type.
_NEEDS: Final[dict[OrderType, tuple[str, ...]]] = {
    OrderType.LIMIT: ("timeInForce", "quantity", "price"),
    OrderType.MARKET: ("quantity",),
    OrderType.STOP: ("quantity", "price", "stopPrice"),
    OrderType.TAKE_PROFIT: ("quantity", "price", "stopPrice"),
    OrderType.STOP_MARKET: ("stopPrice",),
    OrderType.TAKE_PROFIT_MARKET: ("stopPrice",),
    OrderType.TRAILING_STOP_MARKET: ("callbackRate",),
}
MIN_CALLBACK_RATE: Final = Decimal("0.1")
MAX_CALLBACK_RATE: Final = Decimal(5)


class OrderParams(TypedDict, total=False):
    """The wire parameters given for one order, in the documented order (absent = not given)."""

    symbol: Required[str]
    side: Required[OrderSide]
    positionSide: PositionSide
    type: Required[OrderType]
    timeInForce: TIF
    quantity: Decimal
    reduceOnly: bool
    price: Decimal
    newClientOrderId: str
    stopPrice: Decimal
    closePosition: bool
    activationPrice: Decimal
    callbackRate: Decimal
    workingType: WorkingType
    priceProtect: str
    newOrderRespType: NewOrderRespType
    priceMatch: str
    selfTradePreventionMode: str
    goodTillDate: int


def order_params(
    *,
    symbol: str,
    side: OrderSide,
    type: OrderType,
    quantity: Decimal | None = None,
    price: Decimal | None = None,
    time_in_force: TIF | None = None,
    position_side: PositionSide | None = None,
    reduce_only: bool | None = None,
    new_client_order_id: str | None = None,
    stop_price: Decimal | None = None,
    close_position: bool | None = None,
    activation_price: Decimal | None = None,
    callback_rate: Decimal | None = None,
    working_type: WorkingType | None = None,
    price_protect: bool | None = None,
    new_order_resp_type: NewOrderRespType | None = None,
    price_match: str | None = None,
    self_trade_prevention_mode: str | None = None,
    good_till_date: int | None = None,
) -> OrderParams:
    """`NewOrder`'s given fields (not `None`; `False` and `0` kept) under their wire names, in documented order.

    Built without a `NewOrder`, for the single-order hot path.
    """
    params: OrderParams = (
        {"symbol": symbol, "side": side, "type": type} if position_side is None
        else {"symbol": symbol, "side": side, "positionSide": position_side, "type": type}
    )
    if time_in_force is not None:
        params["timeInForce"] = time_in_force
    if quantity is not None:
        params["quantity"] = quantity
    if reduce_only is not None:
        params["reduceOnly"] = reduce_only
    if price is not None:
        params["price"] = price
    if new_client_order_id is not None:
        params["newClientOrderId"] = new_client_order_id
    if stop_price is not None:
        params["stopPrice"] = stop_price
    if close_position is not None:
        params["closePosition"] = close_position
    if activation_price is not None:
        params["activationPrice"] = activation_price
    if callback_rate is not None:
        params["callbackRate"] = callback_rate
    if working_type is not None:
        params["workingType"] = working_type
    if price_protect is not None:
        params["priceProtect"] = "TRUE" if price_protect else "FALSE"
    if new_order_resp_type is not None:
        params["newOrderRespType"] = new_order_resp_type
    if price_match is not None:
        params["priceMatch"] = price_match
    if self_trade_prevention_mode is not None:
        params["selfTradePreventionMode"] = self_trade_prevention_mode
    if good_till_date is not None:
        params["goodTillDate"] = good_till_date
    return params


def check_order_params(params: OrderParams, *, max_callback_rate: Decimal = MAX_CALLBACK_RATE) -> None:
    """The documented per-type mandatory parameters and exclusions, before the wire (errors name wire fields)."""
    check_symbol(params["symbol"])
    check_client_id(params.get("newClientOrderId"))
    require_positive("quantity", params.get("quantity"))
    require_positive("price", params.get("price"))
    require_positive("stopPrice", params.get("stopPrice"))
    require_positive("activationPrice", params.get("activationPrice"))
    kind = params["type"]
    needs = _NEEDS.get(kind)
    if needs is None:
        needs = _NEEDS[OrderType(kind)]
    for name in needs:
        if name not in params and not (name == "price" and params.get("priceMatch")):
            raise InvalidRequest(f"is required for {kind} orders", field=name)
    if params.get("closePosition"):
        if "quantity" in params:
            raise InvalidRequest("cannot be sent with closePosition=true", field="quantity")
        if "reduceOnly" in params:
            raise InvalidRequest("cannot be sent with closePosition=true", field="reduceOnly")
    rate = params.get("callbackRate")
    if rate is not None and not MIN_CALLBACK_RATE <= rate <= max_callback_rate:
        raise InvalidRequest(f"must be 0.1..{max_callback_rate}", field="callbackRate")
    if params.get("timeInForce") == TIF.GTD and "goodTillDate" not in params:
        raise InvalidRequest("is required with timeInForce=GTD", field="goodTillDate")


@dataclass(frozen=True, slots=True)
class NewOrder:
    """One order of `POST /fapi/v1/order` or an item of `POST /fapi/v1/batchOrders`."""

    symbol: str
    side: OrderSide
    type: OrderType
    quantity: Decimal | None = None
    price: Decimal | None = None
    time_in_force: TIF | None = None
    position_side: PositionSide | None = None
    reduce_only: bool | None = None
    new_client_order_id: str | None = None
    stop_price: Decimal | None = None
    close_position: bool | None = None
    activation_price: Decimal | None = None
    callback_rate: Decimal | None = None
    working_type: WorkingType | None = None
    price_protect: bool | None = None
    new_order_resp_type: NewOrderRespType | None = None
    price_match: str | None = None
    self_trade_prevention_mode: str | None = None
    good_till_date: int | None = None

    def validate(self, *, max_callback_rate: Decimal = MAX_CALLBACK_RATE) -> None:
        """The documented per-type mandatory parameters and exclusions, before the wire."""
        check_order_params(self.params(), max_callback_rate=max_callback_rate)

    def params(self) -> OrderParams:
        """The given fields under their wire names, in the documented order."""
        return order_params(
            symbol=self.symbol, side=self.side, type=self.type, quantity=self.quantity, price=self.price,
            time_in_force=self.time_in_force, position_side=self.position_side, reduce_only=self.reduce_only,
            new_client_order_id=self.new_client_order_id, stop_price=self.stop_price,
            close_position=self.close_position, activation_price=self.activation_price,
            callback_rate=self.callback_rate, working_type=self.working_type, price_protect=self.price_protect,
            new_order_resp_type=self.new_order_resp_type, price_match=self.price_match,
            self_trade_prevention_mode=self.self_trade_prevention_mode, good_till_date=self.good_till_date,
        )
