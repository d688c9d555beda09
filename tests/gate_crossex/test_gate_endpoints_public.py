"""Public, transfer and convert endpoints: request shape and the seed's example responses."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from venuekit.connectors.gate_crossex import GateCrossExClient
from venuekit.core import InvalidRequest

P = "/api/v4/crossex"


async def test_list_symbols(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/rule/symbols")
    rows = await client.market.list_symbols(symbols=["BINANCE_FUTURE_ADA_USDT", "OKX_FUTURE_ADA_USDT"])
    assert mock.last.method == "GET" and mock.last.url.path == f"{P}/rule/symbols"
    assert mock.last.url.params["symbols"] == "BINANCE_FUTURE_ADA_USDT,OKX_FUTURE_ADA_USDT"
    assert "SIGN" not in mock.last.headers
    assert rows[0].tick_size == Decimal("0.00010") and rows[0].default_leverage == Decimal(3)
    assert rows[1].state == "suspend" and rows[1].delist_time == 1762163297615
    assert rows[1].contract_size == Decimal(100)


async def test_list_risk_limits(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/rule/risk_limits")
    rows = await client.market.list_risk_limits(symbols="BINANCE_FUTURE_AAVE_USDT")
    assert mock.last.url.params["symbols"] == "BINANCE_FUTURE_AAVE_USDT"
    assert "SIGN" not in mock.last.headers
    assert rows[0].symbol == "BINANCE_FUTURE_BTC_USDT"
    assert [t.leverage_max for t in rows[0].tiers] == [Decimal(20), Decimal(18)]
    assert rows[0].tiers[1].maintenance_rate == Decimal("0.005") and rows[0].tiers[1].tier == 2


async def test_list_risk_limits_needs_symbols(client: GateCrossExClient) -> None:
    with pytest.raises(InvalidRequest) as err:
        await client.market.list_risk_limits(symbols=[])
    assert err.value.field == "symbols"


async def test_list_transfer_coins(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/transfers/coin")
    rows = await client.transfers.list_coins(coin="USDT")
    assert mock.last.url.path == f"{P}/transfers/coin" and mock.last.url.params["coin"] == "USDT"
    assert "SIGN" not in mock.last.headers
    assert rows[0].coin == "string" and rows[0].min_trans_amount == Decimal(0) and rows[0].is_disabled == 0


async def test_create_transfer(client: GateCrossExClient, mock: Any, examples: dict[str, Any]) -> None:
    mock.example("POST /api/v4/crossex/transfers")
    req = examples["POST /api/v4/crossex/transfers"]["request"]
    result = await client.transfers.create_transfer(
        coin=req["coin"], amount=Decimal(req["amount"]), from_account=req["from"], to_account=req["to"], text="t1"
    )
    assert mock.last.method == "POST" and mock.last_json() == {**req, "text": "t1"}
    assert result.tx_id == "23453" and result.text == "23453"


async def test_create_transfer_rejects_non_positive_amount(client: GateCrossExClient, mock: Any) -> None:
    with pytest.raises(InvalidRequest) as err:
        await client.transfers.create_transfer(coin="USDT", amount=Decimal(0), from_account="SPOT", to_account="X")
    assert err.value.field == "amount" and not mock.requests


async def test_list_transfers(client: GateCrossExClient, mock: Any) -> None:
    mock.example("GET /api/v4/crossex/transfers")
    rows = await client.transfers.list_transfers(coin="BTC", order_id="33829017692939266", start=1, end=2, page=1,
                                                 limit=1000)
    assert dict(mock.last.url.params) == {
        "coin": "BTC", "order_id": "33829017692939266", "page": "1", "limit": "1000", "from": "1", "to": "2"
    }
    assert "SIGN" in mock.last.headers
    assert rows[0].actual_receive == Decimal("1.123") and rows[0].from_account_type == "CROSSEX_BINANCE"
    assert rows[1].actual_receive is None and rows[1].fail_reason == "Insufficient transferAvailable"
    assert rows[1].create_time == 1750681141933


async def test_list_transfers_limit_is_checked(client: GateCrossExClient) -> None:
    with pytest.raises(InvalidRequest) as err:
        await client.transfers.list_transfers(limit=1001)
    assert err.value.field == "limit"


async def test_convert_quote(client: GateCrossExClient, mock: Any, examples: dict[str, Any]) -> None:
    mock.example("POST /api/v4/crossex/convert/quote")
    req = examples["POST /api/v4/crossex/convert/quote"]["request"]
    quote = await client.convert.create_quote(
        exchange_type=req["exchange_type"], from_coin=req["from_coin"], to_coin=req["to_coin"],
        from_amount=Decimal(req["from_amount"]),
    )
    assert mock.last.url.path == f"{P}/convert/quote"
    assert mock.last.content == b'{"exchange_type":"GATE","from_coin":"BTC","to_coin":"USDT","from_amount":"0.00008"}'
    assert quote.quote_id == "2074460878500352" and quote.valid_ms == 5000
    assert quote.to_amount == Decimal("0.000027") and quote.price == Decimal("0.000009")


async def test_convert_order(client: GateCrossExClient, mock: Any) -> None:
    mock.example("POST /api/v4/crossex/convert/orders")
    result = await client.convert.create_order(quote_id="232321331")
    assert mock.last.content == b'{"quote_id":"232321331"}'
    assert result.model_dump() == {}


async def test_server_time_is_spot_time_in_ms(client: GateCrossExClient, mock: Any) -> None:
    mock.add("GET", "/api/v4/spot/time", {"server_time": 1700000000123})
    assert (await client.market.server_time()).server_time == 1700000000123
    assert "SIGN" not in mock.last.headers


async def test_tickers_and_funding_info(client: GateCrossExClient, mock: Any) -> None:
    """Endpoints added after v1.0.0 (field lists of SDK 7.2.161)."""
    mock.add("GET", f"{P}/market/tickers", [{
        "symbol": "BINANCE_FUTURE_BTC_USDT", "last_price": "65000.1", "open_24h": "64000", "low_24h": "63000",
        "high_24h": "66000", "volume_24h_base": "10", "volume_24h_quote": "650000", "mark_price": "65000.2",
        "index_price": "65000.3", "open_interest": "5", "open_interest_quote": "325000", "timestamp": "1750000000000",
    }])
    mock.add("GET", f"{P}/market/funding_info", [{
        "symbol": "BINANCE_FUTURE_BTC_USDT", "funding_rate": "0.0001", "funding_interval": "28800000",
        "funding_time": "1750003200000",
    }])
    tickers = await client.market.list_tickers(symbols=["BINANCE_FUTURE_BTC_USDT"])
    assert mock.last.url.params["symbols"] == "BINANCE_FUTURE_BTC_USDT" and "SIGN" in mock.last.headers
    assert tickers[0].mark_price == Decimal("65000.2") and tickers[0].timestamp == 1750000000000
    funding = await client.market.list_funding_info(symbols="BINANCE_FUTURE_BTC_USDT")
    assert funding[0].funding_rate == Decimal("0.0001") and funding[0].funding_time == 1750003200000
