"""`NewOrder`: the parameters of one order (single or batch), checked against the documented rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from venuekit.core.errors import InvalidRequest
from venuekit.core.validation import require_positive

from ..enums import TIF, NewOrderRespType, OrderSide, OrderType, PositionSide, WorkingType
from ._common import check_client_id, check_symbol

_NEEDS: dict[OrderType, tuple[str, ...]] = {
    OrderType.LIMIT: ("time_in_force", "quantity", "price"),
    OrderType.MARKET: ("quantity",),
    OrderType.STOP: ("quantity", "price", "stop_price"),
    OrderType.TAKE_PROFIT: ("quantity", "price", "stop_price"),
    OrderType.STOP_MARKET: ("stop_price",),
    OrderType.TAKE_PROFIT_MARKET: ("stop_price",),
    OrderType.TRAILING_STOP_MARKET: ("callback_rate",),
}
_WIRE = {
    "time_in_force": "timeInForce", "quantity": "quantity", "price": "price", "stop_price": "stopPrice",
    "callback_rate": "callbackRate",
}


def _upper_bool(value: bool | None) -> str | None:
    """`priceProtect` is documented as "TRUE"/"FALSE"."""
    return None if value is None else ("TRUE" if value else "FALSE")


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

    def validate(self, *, max_callback_rate: Decimal = Decimal(5)) -> None:
        """The documented per-type mandatory parameters and exclusions, before the wire."""
        check_symbol(self.symbol)
        check_client_id(self.new_client_order_id)
        for name in ("quantity", "price", "stop_price", "activation_price"):
            require_positive(_WIRE.get(name, name), getattr(self, name))
        for name in _NEEDS[OrderType(self.type)]:
            if getattr(self, name) is None and not (name == "price" and self.price_match):
                raise InvalidRequest(f"is required for {self.type} orders", field=_WIRE[name])
        if self.close_position:
            if self.quantity is not None:
                raise InvalidRequest("cannot be sent with closePosition=true", field="quantity")
            if self.reduce_only is not None:
                raise InvalidRequest("cannot be sent with closePosition=true", field="reduceOnly")
        if self.callback_rate is not None and not Decimal("0.1") <= self.callback_rate <= max_callback_rate:
            raise InvalidRequest(f"must be 0.1..{max_callback_rate}", field="callbackRate")
        if self.time_in_force == TIF.GTD and self.good_till_date is None:
            raise InvalidRequest("is required with timeInForce=GTD", field="goodTillDate")

    def params(self) -> dict[str, object]:
        """Wire parameter names in the documented order; `None` values are dropped later."""
        return {
            "symbol": self.symbol,
            "side": self.side,
            "positionSide": self.position_side,
            "type": self.type,
            "timeInForce": self.time_in_force,
            "quantity": self.quantity,
            "reduceOnly": self.reduce_only,
            "price": self.price,
            "newClientOrderId": self.new_client_order_id,
            "stopPrice": self.stop_price,
            "closePosition": self.close_position,
            "activationPrice": self.activation_price,
            "callbackRate": self.callback_rate,
            "workingType": self.working_type,
            "priceProtect": _upper_bool(self.price_protect),
            "newOrderRespType": self.new_order_resp_type,
            "priceMatch": self.price_match,
            "selfTradePreventionMode": self.self_trade_prevention_mode,
            "goodTillDate": self.good_till_date,
        }
