from decimal import Decimal
from enum import StrEnum

import pytest

from venuekit.core.signing.params import json_body, render_params, render_value


class _Side(StrEnum):
    BUY = "BUY"


def test_false_and_zero_are_sent_none_is_dropped() -> None:
    assert render_params({"reduceOnly": False, "price": 0, "qty": Decimal("0"), "x": None, "s": ""}) == {
        "reduceOnly": "false",
        "price": "0",
        "qty": "0",
        "s": "",
    }


def test_json_values_are_compact_and_decimals_exact() -> None:
    value = {"type": "TAKE_PROFIT_MARKET", "stopPrice": Decimal("31968.0"), "workingType": _Side.BUY}
    assert render_value(value) == '{"type":"TAKE_PROFIT_MARKET","stopPrice":"31968","workingType":"BUY"}'
    assert render_value([1, "a"]) == '[1,"a"]'


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError, match="Decimal"):
        render_value(0.1)


def test_enum_and_bool() -> None:
    assert render_value(_Side.BUY) == "BUY"
    assert render_value(True) == "true"


def test_json_body_bytes() -> None:
    assert json_body({"size": Decimal("1.50"), "reduce": False}) == b'{"size":"1.5","reduce":false}'
