"""Unmodified ccxt, pointed at `venuekit sim serve`, trades on the simulators as it would on the venues."""

from __future__ import annotations

from collections.abc import Callable

import ccxt.async_support as ccxt
import pytest
from cli_support import serving


def _binance(base: str) -> ccxt.Exchange:
    exchange = ccxt.binanceusdm({"apiKey": "cli-key", "secret": "cli-secret",
                                 "options": {"fetchMarkets": {"types": ["linear"]}, "fetchCurrencies": False}})
    exchange.has["fetchCurrencies"] = False
    for name, url in list(exchange.urls["api"].items()):
        if name.startswith("fapi"):
            exchange.urls["api"][name] = base + url.split(".com", 1)[1]
    return exchange


def _bingx(base: str) -> ccxt.Exchange:
    # ccxt's sandbox switch loads only swap markets, which is what the simulator serves.
    exchange = ccxt.bingx({"apiKey": "cli-key", "secret": "cli-secret",
                           "options": {"defaultType": "swap", "sandboxMode": True, "fetchCurrencies": False}})
    exchange.has["fetchCurrencies"] = False
    for name in list(exchange.urls["api"]):
        exchange.urls["api"][name] = base + "/openApi"
    return exchange


@pytest.mark.parametrize(("venue", "make", "params"), [
    ("binance-usdm", _binance, {}),
    ("bingx", _bingx, {"positionSide": "LONG"}),
])
async def test_ccxt_places_lists_and_cancels(venue: str, make: Callable[[str], ccxt.Exchange],
                                             params: dict[str, str]) -> None:
    with serving(venue) as base:
        exchange = make(base)
        try:
            markets = await exchange.load_markets()
            assert "BTC/USDT:USDT" in markets
            balance = await exchange.fetch_balance()
            assert balance["USDT"]["total"] == 1234.5
            order = await exchange.create_order("BTC/USDT:USDT", "limit", "buy", 0.002, 50000, params)
            assert [o["id"] for o in await exchange.fetch_open_orders("BTC/USDT:USDT")] == [order["id"]]
            assert (await exchange.cancel_order(order["id"], "BTC/USDT:USDT"))["status"] == "canceled"
        finally:
            await exchange.close()


def test_official_gate_sdk_trades_on_the_crossex_simulator() -> None:
    import gate_api

    with serving("gate-crossex") as base:
        config = gate_api.Configuration(host=base + "/api/v4", key="cli-key", secret="cli-secret")
        api = gate_api.CrossExApi(gate_api.ApiClient(config))
        assert "BINANCE_FUTURE_BTC_USDT" in {s.symbol for s in api.list_crossex_rule_symbols()}
        request = gate_api.CrossexOrderRequest(symbol="BINANCE_FUTURE_BTC_USDT", side="BUY", type="LIMIT",
                                               qty="0.002", price="50000")
        placed = api.create_crossex_order(crossex_order_request=request)
        assert [o.order_id for o in api.list_crossex_open_orders()] == [placed.order_id]
        assert api.get_crossex_order(placed.order_id).state == "NEW"
        api.cancel_crossex_order(placed.order_id)
        assert api.list_crossex_open_orders() == []
