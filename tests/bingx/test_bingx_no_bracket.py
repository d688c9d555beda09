"""The "no take-profit / stop-loss" object BingX sends on most orders is one shared `TpSl`, equal to a fresh one."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from venuekit.connectors.bingx.models.swap_trade import NO_BRACKET, SwapOrder, TpSl
from venuekit.core.codec import JsonDecoder

ORDER = {"symbol": "BTC-USDT", "orderId": 1, "side": "BUY", "type": "LIMIT"}
DECODER = JsonDecoder(TypeAdapter(SwapOrder))
TPSL = JsonDecoder(TypeAdapter(TpSl))

#: Objects near the shared form: each key may be missing, changed in value or type, or joined by another.
_VALUES = st.sampled_from(["", " ", "0", 0, 0.0, 1, False, None, "LIMIT", "0.0"])
NEAR = st.dictionaries(st.sampled_from([*NO_BRACKET, "stopGuaranteed", "extra"]), _VALUES, max_size=7).map(
    lambda changes: {**NO_BRACKET, **changes}
) | st.just(dict(NO_BRACKET))


def _decode(bracket: Any) -> SwapOrder | str:
    try:
        return DECODER(json.dumps({**ORDER, "takeProfit": bracket, "stopLoss": NO_BRACKET}).encode())
    except ValueError as exc:
        return type(exc).__name__


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(NEAR)
@example(dict(NO_BRACKET))
@example({**NO_BRACKET, "stopGuaranteed": False})
@example({**NO_BRACKET, "quantity": 0.0})
def test_a_bracket_reads_as_a_fresh_tpsl_would(bracket: dict[str, Any]) -> None:
    order = _decode(bracket)
    try:
        fresh: TpSl | str = TPSL(json.dumps(bracket).encode())
    except ValueError as exc:
        fresh = type(exc).__name__
    if isinstance(order, str) or isinstance(fresh, str):
        assert isinstance(order, str) and isinstance(fresh, str)
        return
    assert repr(order.take_profit) == repr(fresh), "same values, down to each Decimal's exponent"
    assert order.take_profit is not None and order.take_profit.model_fields_set == fresh.model_fields_set
    shared = json.dumps(bracket) == json.dumps(NO_BRACKET)
    assert (order.take_profit is order.stop_loss) is shared


def test_orders_of_a_list_share_the_no_bracket_object() -> None:
    body = json.dumps([{**ORDER, "orderId": n, "takeProfit": NO_BRACKET, "stopLoss": NO_BRACKET} for n in range(3)])
    orders = JsonDecoder(TypeAdapter(list[SwapOrder]))(body.encode())
    assert len({id(o.take_profit) for o in orders} | {id(o.stop_loss) for o in orders}) == 1
    assert orders[0].take_profit == TpSl(type="", quantity=0, stop_price=0, price=0, working_type="")
