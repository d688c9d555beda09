"""Each alternative field spelling the document uses is read, in both of its forms."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import TypeAdapter

from venuekit.connectors.gate_crossex.models import (
    CrossexOrder,
    CrossexTrade,
    FeeRatesList,
    HistoricalMarginPosition,
    MarginInterest,
    OrderAction,
    Position,
    SymbolLeverage,
)

ORDER = '{"order_id": "1", "symbol": "BINANCE_FUTURE_BTC_USDT", "side": "BUY", %s}'


@pytest.mark.parametrize("key", ["text", "client_order_id"])
def test_order_client_id(key: str) -> None:
    assert CrossexOrder.model_validate_json(ORDER % f'"{key}": "abc-1"').text == "abc-1"


@pytest.mark.parametrize("key", ["time_in_force", "tif"])
def test_order_time_in_force(key: str) -> None:
    assert CrossexOrder.model_validate_json(ORDER % f'"{key}": "IOC"').time_in_force == "IOC"


@pytest.mark.parametrize("key", ["fee_coin", "fee_currency"])
def test_order_fee_coin(key: str) -> None:
    assert CrossexOrder.model_validate_json(ORDER % f'"{key}": "USDT"').fee_coin == "USDT"


@pytest.mark.parametrize("key", ["fee_coin", "fee_currency"])
def test_trade_fee_coin(key: str) -> None:
    raw = f'{{"transaction_id": "9", "order_id": "1", "symbol": "S", "side": "SELL", "{key}": "BNB"}}'
    assert CrossexTrade.model_validate_json(raw).fee_coin == "BNB"


@pytest.mark.parametrize(("raw", "expected"), [('"leverage": 10', Decimal(10)), ('"leverage": "2.5"', Decimal("2.5"))])
def test_leverage_number_or_string(raw: str, expected: Decimal) -> None:
    assert SymbolLeverage.model_validate_json(f'{{"symbol": "S", {raw}}}').leverage == expected
    assert CrossexOrder.model_validate_json(ORDER % raw).leverage == expected


@pytest.mark.parametrize("raw", ['"order_id": 123456', '"order_id": "123456"'])
def test_order_id_number_or_string(raw: str) -> None:
    assert OrderAction.model_validate_json(f"{{{raw}}}").order_id == "123456"


def test_long_order_id_number_stays_exact() -> None:
    assert OrderAction.model_validate_json('{"order_id": 2048522992198912123}').order_id == "2048522992198912123"


@pytest.mark.parametrize("key", ["entry_price", "avg_price"])
def test_position_entry_price(key: str) -> None:
    assert Position.model_validate_json(f'{{"symbol": "S", "{key}": "0.5426"}}').entry_price == Decimal("0.5426")


@pytest.mark.parametrize("key", ["business_type", "bussiness_type"])
def test_margin_history_business_type(key: str) -> None:
    assert HistoricalMarginPosition.model_validate_json(f'{{"symbol": "S", "{key}": "MARGIN"}}').business_type == (
        "MARGIN"
    )


@pytest.mark.parametrize("key", ["user_id", "userId"])
def test_margin_interest_user_id(key: str) -> None:
    assert MarginInterest.model_validate_json(f'{{"symbol": "S", "{key}": "7"}}').user_id == "7"


@pytest.mark.parametrize(
    "raw",
    ['{"spot_maker_fee": "0.1", "future_taker_fee": "0.2"}',
     '[{"exchange_type": "GATE", "spot_maker_fee": "0.1", "future_taker_fee": "0.2"}]'],
)
def test_fee_object_or_array(raw: str) -> None:
    fees = TypeAdapter(FeeRatesList).validate_json(raw)
    assert len(fees) == 1 and fees[0].spot_maker_fee == Decimal("0.1") and fees[0].future_taker_fee == Decimal("0.2")


def test_blank_numbers_read_as_missing() -> None:
    order = CrossexOrder.model_validate_json(ORDER % '"price": "", "create_time": "", "reduce_only": "true"')
    assert order.price is None and order.create_time is None and order.reduce_only is True
