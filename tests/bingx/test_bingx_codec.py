"""Envelope handling: every documented success form, and every documented conflict between sources."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import orjson
import pytest

from venuekit.connectors.bingx.codec import BingXCodec
from venuekit.connectors.bingx.endpoints import market, spot_fund, swap_account, swap_orders, swap_positions
from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import BadResponse, InsufficientFunds, IPBanned, RateLimited, RequestInfo
from venuekit.core.transport.response import RawResponse

INFO = RequestInfo("GET", "/x")


def decode(ep: Endpoint[Any], body: bytes | str, status: int = 200, headers: dict[str, str] | None = None) -> Any:
    raw = body.encode() if isinstance(body, str) else body
    return BingXCodec().decode(ep, RawResponse(status, httpx.Headers(headers or {}), raw), INFO)


def test_code_as_string_zero_and_timestamp_key_variant() -> None:
    body = '{"code":"0","msg":"","timeStamp":"1709002057516","data":{"dualSidePosition":"true"}}'
    assert decode(swap_positions.POSITION_MODE, body).dual_side_position is True
    assert decode(swap_positions.POSITION_MODE, '{"code":0,"msg":"","data":{"dualSidePosition":"false"}}') \
        .dual_side_position is False


def test_response_without_data() -> None:
    assert decode(swap_positions.SET_MARGIN_TYPE, '{"code":0,"msg":""}').code == 0


def test_position_margin_fields_at_top_level() -> None:
    result = decode(swap_positions.ADJUST_ISOLATED_MARGIN, '{"code":0,"msg":"","amount":1,"type":1}')
    assert result.amount == Decimal(1)
    assert result.type == 1


def test_data_object_or_list() -> None:
    one = '{"code":0,"msg":"","data":{"symbol":"BTC-USDT","lastPrice":"16880.5"}}'
    many = '{"code":0,"msg":"","data":[{"symbol":"BTC-USDT","lastPrice":"16880.5"},{"symbol":"ETH-USDT"}]}'
    assert [t.symbol for t in decode(market.TICKER, one)] == ["BTC-USDT"]
    assert [t.symbol for t in decode(market.TICKER, many)] == ["BTC-USDT", "ETH-USDT"]


def test_contracts_numbers_or_strings() -> None:
    as_numbers = {"symbol": "BTC-USDT", "quantityPrecision": 4, "pricePrecision": 1, "tradeMinQuantity": 0.0001,
                  "tradeMinUSDT": 2, "feeRate": 0.0005, "status": 1, "apiStateOpen": "true"}
    as_strings = {"symbol": "BTC-USDT", "quantityPrecision": "4", "pricePrecision": "1", "tradeMinQuantity": "0.0001",
                  "tradeMinUSDT": "2", "feeRate": "0.0005", "status": "1", "apiStateOpen": "true"}
    for payload in (as_numbers, as_strings):
        (c,) = decode(market.CONTRACTS, orjson.dumps({"code": 0, "msg": "", "data": [payload]}))
        assert (c.quantity_precision, c.price_precision, c.status) == (4, 1, 1)
        assert c.trade_min_quantity == Decimal("0.0001")
        assert c.trade_min_usdt == Decimal(2)
        assert c.api_state_open is True


def test_client_order_id_spellings() -> None:
    base = '{"code":0,"msg":"","data":{"order":{"symbol":"BTC-USDT","orderId":1,"side":"BUY","type":"LIMIT",%s}}}'
    assert decode(swap_orders.PLACE_ORDER, base % '"clientOrderID":"abc"').order.client_order_id == "abc"
    assert decode(swap_orders.QUERY_ORDER, base % '"clientOrderId":"abc"').order.client_order_id == "abc"
    assert decode(swap_orders.QUERY_ORDER, base % '"clientOrderId":""').order.client_order_id is None


def test_take_profit_as_json_text_or_object() -> None:
    text = ('{"code":0,"msg":"","data":{"order":{"symbol":"BTC-USDT","orderId":1,"side":"BUY","type":"MARKET",'
            '"stopLoss":"{\\"stopPrice\\":50,\\"workingType\\":\\"MARK_PRICE\\",\\"type\\":\\"STOP_MARKET\\",'
            '\\"quantity\\":1}","takeProfit":""}}}')
    order = decode(swap_orders.PLACE_ORDER, text).order
    assert order.stop_loss.stop_price == Decimal(50)
    assert order.stop_loss.type == "STOP_MARKET"
    assert order.take_profit is None
    obj = ('{"code":0,"msg":"","data":{"order":{"symbol":"BTC-USDT","orderId":1,"side":"BUY","type":"MARKET",'
           '"takeProfit":{"type":"TAKE_PROFIT","quantity":1,"stopPrice":45000,"price":45000,"StopGuaranteed":"true"}}}}')
    tp = decode(swap_orders.QUERY_ORDER, obj).order.take_profit
    assert (tp.price, tp.stop_guaranteed) == (Decimal(45000), True)


def test_booleans_as_strings_or_bools() -> None:
    body = ('{"code":0,"msg":"","data":[{"symbol":"BTC-USDT","positionAmt":"1","isolated":"true"},'
            '{"symbol":"ETH-USDT","positionAmt":"1","isolated":false}]}')
    assert [p.isolated for p in decode(swap_account.POSITIONS, body)] == [True, False]


def test_nineteen_digit_ids_stay_exact() -> None:
    body = ('{"code":0,"msg":"","data":{"order":{"symbol":"BTC-USDT","orderId":1742930526912864656,'
            '"side":"BUY","type":"LIMIT","positionID":1769649551460794369}}}')
    order = decode(swap_orders.QUERY_ORDER, body).order
    assert order.order_id == "1742930526912864656"
    assert order.position_id == "1769649551460794369"


def test_decimals_are_exact_even_with_long_fractions() -> None:
    body = ('{"code":0,"msg":"","data":{"balances":[{"asset":"USDT","free":"566773.193402631",'
            '"locked":0.10000000000000000555}]}}')
    (b,) = decode(spot_fund.SPOT_BALANCE, body).balances
    assert b.free == Decimal("566773.193402631")
    assert b.locked == Decimal("0.10000000000000000555")


def test_no_envelope_transfer_rows() -> None:
    body = ('{"total":2,"rows":[{"asset":"VST","amount":"100000.00000000000000000000","type":"FUND_PFUTURES",'
            '"status":"CONFIRMED","tranId":37600111,"timestamp":1702252271000}]}')
    rows = decode(spot_fund.TRANSFER_RECORDS, body)
    assert rows.total == 2
    assert rows.rows[0].amount == Decimal("100000")
    assert rows.rows[0].tran_id == "37600111"


def test_transfer_error_without_code() -> None:
    with pytest.raises(InsufficientFunds):
        decode(spot_fund.TRANSFER, '{"transferErrorMsg":"Insufficient assets"}')


def test_garbage_and_missing_data_are_bad_responses() -> None:
    with pytest.raises(BadResponse):
        decode(market.SERVER_TIME, "<html>bad gateway</html>")
    with pytest.raises(BadResponse):
        decode(market.SERVER_TIME, '{"code":0,"msg":""}')
    with pytest.raises(BadResponse):
        decode(market.SERVER_TIME, '{"code":0,"msg":"","data":{"serverTime":"soon"}}')


def test_number_beyond_decimal_range_is_a_bad_response() -> None:
    """The exact-number path must not leak `decimal.InvalidOperation` to the caller."""
    with pytest.raises(BadResponse):
        decode(spot_fund.SPOT_BALANCE, '{"code":0,"msg":"","data":{"balances":[{"asset":"USDT",'
                                       '"free":0e1000000000000000000,"locked":"0"}]}}')


def test_http_status_errors() -> None:
    with pytest.raises(IPBanned) as banned:
        decode(market.SERVER_TIME, "", 418, {"Retry-After": "120"})
    assert banned.value.retry_after == 120
    with pytest.raises(RateLimited):
        decode(market.SERVER_TIME, "", 429)


def test_income_export_returns_bytes() -> None:
    assert decode(swap_account.INCOME_EXPORT, b"PK\x03\x04xlsx") == b"PK\x03\x04xlsx"
