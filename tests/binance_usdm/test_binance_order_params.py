"""`trade.new_order` parameters: every documented per-type rule refuses before the wire with the wire field
name, and `False` / `0` values are sent, not dropped."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import binance_usdm_seed as seed
import pytest
from binance_usdm_helpers import MockVenue, doc_json

from venuekit.connectors.binance_usdm import BinanceUSDMClient
from venuekit.connectors.binance_usdm.endpoints.order_params import NewOrder
from venuekit.connectors.binance_usdm.enums import TIF, OrderSide, OrderType
from venuekit.core.errors import InvalidRequest

LIMIT: dict[str, Any] = {"symbol": "BTCUSDT", "side": OrderSide.BUY, "type": OrderType.LIMIT,
                         "quantity": Decimal("0.01"), "price": Decimal("50000"), "time_in_force": TIF.GTC}


@pytest.mark.parametrize(("change", "field"), [
    ({"symbol": "btc-usdt"}, "symbol"),
    ({"new_client_order_id": "has space"}, "newClientOrderId"),
    ({"quantity": Decimal(0)}, "quantity"),
    ({"price": Decimal("-1")}, "price"),
    ({"stop_price": Decimal("NaN")}, "stopPrice"),
    ({"activation_price": Decimal(0)}, "activationPrice"),
    ({"time_in_force": None}, "timeInForce"),
    ({"price": None}, "price"),
    ({"type": OrderType.STOP}, "stopPrice"),
    ({"type": OrderType.TRAILING_STOP_MARKET}, "callbackRate"),
    ({"type": OrderType.TRAILING_STOP_MARKET, "callback_rate": Decimal("5.1")}, "callbackRate"),
    ({"close_position": True}, "quantity"),
    ({"type": OrderType.STOP_MARKET, "stop_price": Decimal(1), "close_position": True, "quantity": None,
      "reduce_only": False}, "reduceOnly"),
    ({"time_in_force": TIF.GTD}, "goodTillDate"),
])
async def test_documented_rules_refuse_before_the_wire(
    change: dict[str, Any], field: str, venue: MockVenue, client: BinanceUSDMClient
) -> None:
    with pytest.raises(InvalidRequest) as info:
        await client.trade.new_order(**(LIMIT | change))
    assert info.value.field == field
    assert venue.sent == []


def test_wire_type_strings_are_accepted_and_unknown_types_refused() -> None:
    NewOrder(**(LIMIT | {"type": "LIMIT"})).validate()
    with pytest.raises(InvalidRequest) as info:
        NewOrder(**(LIMIT | {"type": "MARKET", "quantity": None})).validate()
    assert info.value.field == "quantity"
    with pytest.raises(ValueError, match="limit"):
        NewOrder(**(LIMIT | {"type": "limit"})).validate()


def test_price_match_stands_in_for_the_price() -> None:
    NewOrder(**(LIMIT | {"price": None, "price_match": "OPPONENT"})).validate()


async def test_false_and_zero_values_are_sent(venue: MockVenue, client: BinanceUSDMClient) -> None:
    venue.json("POST", "/fapi/v1/order", doc_json(seed.NEW_ORDER))
    await client.trade.new_order(**(LIMIT | {"time_in_force": TIF.GTD, "good_till_date": 0, "reduce_only": False,
                                            "price_protect": False, "new_client_order_id": "vk0"}))
    [sent] = venue.calls("POST", "/fapi/v1/order")
    params = sent.params
    assert params["reduceOnly"] == "false"
    assert params["priceProtect"] == "FALSE"
    assert params["goodTillDate"] == "0"
    assert sent.body.startswith(
        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTD&quantity=0.01&reduceOnly=false&price=50000"
        "&newClientOrderId=vk0&priceProtect=FALSE&goodTillDate=0&timestamp="
    ), "documented order, None dropped"
    assert "stopPrice" not in params and "closePosition" not in params
