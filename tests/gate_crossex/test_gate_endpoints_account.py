"""Account, position and margin endpoints against the seed's examples."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from venuekit.connectors.gate_crossex import AccountMode, GateCrossExClient
from venuekit.connectors.gate_crossex.enums import GatePositionMode, GatePositionSide
from venuekit.core import InvalidRequest

P = "/api/v4/crossex"


async def test_get_account(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/accounts")
    account = await client.account.get_account(exchange_type="BINANCE")
    assert mock.last.url.params["exchange_type"] == "BINANCE"
    assert account.account_mode == "CROSS_EXCHANGE" and account.available_margin == Decimal(1200)
    asset = account.assets[0]
    assert asset.coin == "USDT" and asset.exchange_type == "BINANCE" and asset.available_balance == Decimal("1000.0")


async def test_update_account_is_202(client: GateCrossExClient, mock: Any) -> None:
    ex = mock.example("PUT /api/v4/crossex/accounts")
    assert ex["status"] == 202
    result = await client.account.update_account(position_mode=GatePositionMode.DUAL, exchange_type="GATE")
    assert mock.last.method == "PUT" and mock.last_json() == {"position_mode": "DUAL", "exchange_type": "GATE"}
    assert result.position_mode == "string"


async def test_update_account_mode(client: GateCrossExClient, mock: Any) -> None:
    mock.add("PUT", f"{P}/accounts", {"account_mode": "ISOLATED_EXCHANGE"}, status=202)
    result = await client.account.update_account(account_mode=AccountMode.ISOLATED_EXCHANGE)
    assert mock.last_json() == {"account_mode": "ISOLATED_EXCHANGE"}
    assert result.account_mode == "ISOLATED_EXCHANGE"


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"position_mode": GatePositionMode.DUAL, "account_mode": AccountMode.CROSS_EXCHANGE},
        {"account_mode": AccountMode.CROSS_EXCHANGE, "exchange_type": "GATE"},
    ],
)
async def test_update_account_rules(client: GateCrossExClient, mock: Any, kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidRequest):
        await client.account.update_account(**kwargs)
    assert not mock.requests


async def test_get_fee_object_form(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/fee")
    fees = await client.account.get_fee()
    assert len(fees) == 1 and fees[0].exchange_type is None
    assert fees[0].future_taker_fee == Decimal("0.00022")
    assert fees[0].special_fee_list[2].symbol == "OKX_MARGIN_BCH_USDT"


async def test_get_fee_array_form(client: GateCrossExClient, mock: Any) -> None:
    """v1.0.2: one schedule per exchange."""
    mock.add("GET", f"{P}/fee", [
        {"exchange_type": "BINANCE", "spot_maker_fee": "0.0001", "spot_taker_fee": "0.0002",
         "future_maker_fee": "0.00002", "future_taker_fee": "0.0004", "special_fee_list": []},
        {"exchange_type": "OKX", "spot_maker_fee": "0.0003", "spot_taker_fee": "0.0004",
         "future_maker_fee": "0.00005", "future_taker_fee": "0.0005", "spot_rpi_maker_fee": "0"},
    ])
    fees = await client.account.get_fee()
    assert [f.exchange_type for f in fees] == ["BINANCE", "OKX"]
    assert fees[1].future_taker_fee == Decimal("0.0005") and fees[1].special_fee_list == []


async def test_account_book(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/account_book")
    rows = await client.account.list_account_book(coin="USDT", type="TRADING_FEE", start=1, end=2, page=1, limit=10)
    assert dict(mock.last.url.params) == {
        "coin": "USDT", "statement_type": "TRADING_FEE", "from": "1", "to": "2", "page": "1", "limit": "10"
    }
    assert rows[0].type == "TRADING_FEE" and rows[0].change == Decimal("-0.002") and rows[0].balance == Decimal(81)


async def test_set_contract_leverage(client: GateCrossExClient, mock: Any, examples: dict[str, Any]) -> None:
    mock.example("POST /api/v4/crossex/positions/leverage")
    await client.positions.set_leverage(symbol="OKX_FUTURE_ADA_USDT", leverage=1)
    assert mock.last_json() == examples["POST /api/v4/crossex/positions/leverage"]["request"]


async def test_get_contract_leverage_numbers(client: GateCrossExClient, mock: Any) -> None:
    """This example gives leverage as JSON numbers."""
    mock.example("GET /api/v4/crossex/positions/leverage")
    rows = await client.positions.get_leverage(symbols=["BINANCE_FUTURE_ADA_USDT", "OKX_FUTURE_ADA_USDT"])
    assert [(r.symbol, r.leverage) for r in rows] == [
        ("BINANCE_FUTURE_ADA_USDT", Decimal(10)), ("OKX_FUTURE_ADA_USDT", Decimal(5))
    ]


async def test_set_margin_leverage(client: GateCrossExClient, mock: Any, examples: dict[str, Any]) -> None:
    mock.example("POST /api/v4/crossex/margin_positions/leverage")
    await client.margin.set_leverage(symbol="OKX_MARGIN_ADA_USDT", leverage=Decimal("1"))
    assert mock.last_json() == examples["POST /api/v4/crossex/margin_positions/leverage"]["request"]


async def test_get_margin_leverage_strings(client: GateCrossExClient, mock: Any) -> None:
    """This example gives leverage as JSON strings."""
    mock.example("GET /api/v4/crossex/margin_positions/leverage")
    rows = await client.margin.get_leverage()
    assert [r.leverage for r in rows] == [Decimal(10), Decimal(5)] and "symbols" not in mock.last.url.params


async def test_leverage_must_be_positive(client: GateCrossExClient) -> None:
    with pytest.raises(InvalidRequest) as err:
        await client.positions.set_leverage(symbol="X", leverage=0)
    assert err.value.field == "leverage"


async def test_full_close_delete(client: GateCrossExClient, mock: Any, examples: dict[str, Any]) -> None:
    mock.example("DELETE /api/v4/crossex/position")
    result = await client.positions.close_position(
        symbol="BINANCE_FUTURE_SOL_USDT", position_side=GatePositionSide.LONG
    )
    assert mock.last.method == "DELETE"
    assert mock.last_json() == examples["DELETE /api/v4/crossex/position"]["request"]
    assert result.order_id == "123456"


async def test_full_close_post(client: GateCrossExClient, mock: Any, examples: dict[str, Any]) -> None:
    mock.add("POST", f"{P}/position", examples["DELETE /api/v4/crossex/position"]["response"], status=202)
    result = await client.positions.close_position_post(symbol="BINANCE_FUTURE_SOL_USDT")
    assert mock.last.method == "POST" and mock.last_json() == {"symbol": "BINANCE_FUTURE_SOL_USDT"}
    assert result.text == "123456"


async def test_positions(client: GateCrossExClient, mock: Any) -> None:
    """The example calls the entry price `avg_price`; the schema `entry_price`."""
    mock.example("GET /api/v4/crossex/positions")
    rows = await client.positions.list_positions(symbol="OKX_FUTURE_ADA_USDT", exchange_type="OKX")
    assert dict(mock.last.url.params) == {"symbol": "OKX_FUTURE_ADA_USDT", "exchange_type": "OKX"}
    p = rows[0]
    assert p.position_qty == Decimal(10) and p.entry_price == Decimal("0.5426")
    assert p.upnl_rate == Decimal("0.068005897530409141") and p.closed_pnl == Decimal(12)


async def test_adl_rank(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/adl_rank")
    rows = await client.positions.list_adl_rank(symbol="BINANCE_FUTURE_ADA_USDT")
    assert mock.last.url.params["symbol"] == "BINANCE_FUTURE_ADA_USDT"
    assert rows[0].crossex_adl_rank == 1 and rows[0].exchange_adl_rank == 1


async def test_history_positions(client: GateCrossExClient, mock: Any) -> None:
    """Leverage is a JSON number here."""
    mock.example("GET /api/v4/crossex/history_positions")
    rows = await client.positions.list_history_positions(page=1)
    assert rows[0].leverage == Decimal(1) and rows[0].closed_type == "COMPLETE_CLOSED"
    assert rows[0].position_mode == "DUAL" and rows[0].closed_value == Decimal("5.597")


async def test_margin_positions(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/margin_positions")
    rows = await client.margin.list_positions(exchange_type="BINANCE")
    assert rows[0].liability == Decimal("0.0001708920658") and rows[0].asset_coin == "ADA"
    assert rows[0].upnl_rate == Decimal(-3)


async def test_history_margin_positions(client: GateCrossExClient, mock: Any) -> None:
    """The example spells `bussiness_type`."""
    mock.example("GET /api/v4/crossex/history_margin_positions")
    rows = await client.margin.list_history_positions(symbol="BINANCE_FUTURE_ADA_USDT")
    assert rows[0].business_type == "MARGIN" and rows[0].interest == Decimal("0.2")


async def test_history_margin_interests(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/history_margin_interests")
    rows = await client.margin.list_history_interests(symbol="OKX_MARGIN_WLD_USDT", exchange_type="OKX", limit=2)
    assert mock.last.url.params["exchange_type"] == "OKX"
    assert rows[0].interest == Decimal("0.00000732") and rows[0].user_id == "2124575357"
    assert rows[1].exchange_type == ""


async def test_interest_rates(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/interest_rate")
    rows = await client.margin.list_interest_rates(coin="BCH", exchange_type="GATE")
    assert dict(mock.last.url.params) == {"coin": "BCH", "exchange_type": "GATE"}
    assert rows[1].hour_interest_rate == Decimal("0.0000036558334") and rows[0].time == 1763971200000


async def test_coin_discount_rates(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/coin_discount_rate")
    rows = await client.margin.list_coin_discount_rates(coin="SOL")
    assert [r.discount_rate for r in rows] == [Decimal("0.95"), Decimal("0.93"), Decimal("0.2")]
    assert rows[2].tier == 3 and rows[1].max_value == Decimal(20000)
