"""Binance sends `""` for decimals that do not apply (trailing fields on plain algo orders): parsed as None."""

from decimal import Decimal

from pydantic import TypeAdapter

from venuekit.connectors.binance_usdm.models.algo import AlgoOrder

PAYLOAD = (
    b'{"algoId":2146760,"clientAlgoId":"6B2I9XVcJpCjqPAJ4YoFX7","algoType":"CONDITIONAL","orderType":"TAKE_PROFIT",'
    b'"symbol":"BNBUSDT","side":"SELL","positionSide":"BOTH","timeInForce":"GTC","quantity":"0.01",'
    b'"algoStatus":"NEW","triggerPrice":"750.000","price":"750.000","workingType":"CONTRACT_PRICE",'
    b'"activatePrice":"","callbackRate":"","createTime":1750485492076}'
)


def test_blank_strings_become_none_and_real_values_stay_exact() -> None:
    order = TypeAdapter(AlgoOrder).validate_json(PAYLOAD)
    assert order.activate_price is None and order.callback_rate is None
    assert order.trigger_price == Decimal("750.000") and order.algo_id == "2146760"
