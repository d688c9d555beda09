"""Trading through HTTP: matching between two accounts, modes, triggers, countdown, modify and rejections."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.core.simulator import ManualClock

if TYPE_CHECKING:
    from conftest import Trader

BTC_SELL = {"symbol": "BTCUSDT", "side": "SELL", "type": "LIMIT", "timeInForce": "GTC", "quantity": "0.010",
            "price": "65000.0"}


async def error_of(trader: Trader, method: str, path: str, params: dict[str, Any]) -> tuple[int, int]:
    response = await trader.call(method, path, params)
    return response.status_code, response.json()["code"]


async def test_two_accounts_trade_through_http(alice: Trader, bob: Trader) -> None:
    maker = await alice.ok("POST", "/fapi/v1/order", BTC_SELL)
    taker = await bob.ok("POST", "/fapi/v1/order", {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET",
                                                    "quantity": "0.010", "newOrderRespType": "RESULT"})
    assert taker["status"] == "FILLED"
    assert taker["executedQty"] == "0.010"
    assert Decimal(taker["avgPrice"]) == Decimal("65000")
    assert Decimal(taker["cumQuote"]) == Decimal("650")
    filled = await alice.ok("GET", "/fapi/v1/order", {"symbol": "BTCUSDT", "orderId": maker["orderId"]})
    assert filled["status"] == "FILLED"
    [mine] = await alice.ok("GET", "/fapi/v1/userTrades", {"symbol": "BTCUSDT"})
    [theirs] = await bob.ok("GET", "/fapi/v1/userTrades", {"symbol": "BTCUSDT"})
    assert mine["id"] == theirs["id"]
    assert (mine["maker"], mine["buyer"], theirs["maker"], theirs["buyer"]) == (True, False, False, True)
    assert Decimal(mine["commission"]) == Decimal("650") * Decimal("0.0002")
    assert Decimal(theirs["commission"]) == Decimal("650") * Decimal("0.0005")
    [short] = await alice.ok("GET", "/fapi/v2/positionRisk", {"symbol": "BTCUSDT"})
    [long] = await bob.ok("GET", "/fapi/v2/positionRisk", {"symbol": "BTCUSDT"})
    assert (short["positionAmt"], long["positionAmt"]) == ("-0.010", "0.010")
    fees = await bob.ok("GET", "/fapi/v1/income", {"incomeType": "COMMISSION"})
    assert [Decimal(f["income"]) for f in fees] == [Decimal("-0.325")]


async def test_ack_shows_the_order_as_accepted(bob: Trader) -> None:
    ack = await bob.ok("POST", "/fapi/v1/order", {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET",
                                                  "quantity": "0.010"})
    assert (ack["status"], ack["executedQty"]) == ("NEW", "0.000")
    query = await bob.ok("GET", "/fapi/v1/order", {"symbol": "BTCUSDT", "orderId": ack["orderId"]})
    assert query["status"] == "FILLED"


async def test_hedge_mode_rules(alice: Trader) -> None:
    await alice.ok("POST", "/fapi/v1/positionSide/dual", {"dualSidePosition": "true"})
    order = {"symbol": "SOLUSDT", "side": "BUY", "type": "MARKET", "quantity": "1"}
    assert await error_of(alice, "POST", "/fapi/v1/order", order) == (400, -4061)
    assert await error_of(alice, "POST", "/fapi/v1/order",
                          {**order, "positionSide": "LONG", "reduceOnly": "true"}) == (400, -1106)
    await alice.ok("POST", "/fapi/v1/order", {**order, "positionSide": "LONG"})
    await alice.ok("POST", "/fapi/v1/order", {**order, "side": "SELL", "positionSide": "SHORT"})
    legs = await alice.ok("GET", "/fapi/v2/positionRisk", {"symbol": "SOLUSDT"})
    assert {r["positionSide"]: r["positionAmt"] for r in legs} == {"LONG": "1", "SHORT": "-1"}
    assert await error_of(alice, "POST", "/fapi/v1/positionSide/dual", {"dualSidePosition": "false"}) == (400, -4068)


async def test_order_rejections(alice: Trader) -> None:
    base = dict(BTC_SELL)
    assert await error_of(alice, "POST", "/fapi/v1/order", {**base, "price": "65000.05"}) == (400, -4014)
    assert await error_of(alice, "POST", "/fapi/v1/order", {**base, "quantity": "0.0105"}) == (400, -4023)
    small = await alice.call("POST", "/fapi/v1/order", {**base, "quantity": "0.001"})
    assert small.json() == {"code": -4164, "msg": "Order's notional must be no smaller than 100 "
                                                  "(unless you choose reduce only)."}
    assert await error_of(alice, "POST", "/fapi/v1/order", {**base, "symbol": "FOOUSDT"}) == (400, -1121)
    assert await error_of(alice, "POST", "/fapi/v1/order", {**base, "side": "UP"}) == (400, -1117)
    assert await error_of(alice, "POST", "/fapi/v1/order",
                          {**base, "timeInForce": "GTX", "price": "64990.0"}) == (400, -5022)
    assert await error_of(alice, "POST", "/fapi/v1/order",
                          {"symbol": "BTCUSDT", "side": "SELL", "type": "MARKET", "quantity": "0.010",
                           "reduceOnly": "true"}) == (400, -2022)
    assert await error_of(alice, "POST", "/fapi/v1/order",
                          {"symbol": "BTCUSDT", "side": "SELL", "type": "STOP_MARKET",
                           "stopPrice": "66000.0", "quantity": "0.010"}) == (400, -2021)
    assert await error_of(alice, "POST", "/fapi/v1/order", {**base, "newClientOrderId": "a" * 37}) == (400, -4015)
    await alice.ok("POST", "/fapi/v1/order", {**base, "newClientOrderId": "dup-1"})
    assert await error_of(alice, "POST", "/fapi/v1/order", {**base, "newClientOrderId": "dup-1"}) == (400, -4116)


async def test_unknown_orders(alice: Trader) -> None:
    assert await error_of(alice, "DELETE", "/fapi/v1/order", {"symbol": "BTCUSDT", "orderId": 1}) == (400, -2011)
    assert await error_of(alice, "GET", "/fapi/v1/order", {"symbol": "BTCUSDT", "orderId": 1}) == (400, -2013)
    assert await error_of(alice, "GET", "/fapi/v1/order", {"symbol": "BTCUSDT"}) == (400, -1102)
    ioc = await alice.ok("POST", "/fapi/v1/order", {**BTC_SELL, "timeInForce": "IOC", "price": "65100.0"})
    assert await error_of(alice, "GET", "/fapi/v1/openOrder",
                          {"symbol": "BTCUSDT", "orderId": ioc["orderId"]}) == (400, -2013)
    expired = await alice.ok("GET", "/fapi/v1/order", {"symbol": "BTCUSDT", "orderId": ioc["orderId"]})
    assert expired["status"] == "EXPIRED"


async def test_close_position_stop_fires_on_mark(bob: Trader, sim: BinanceUSDMSimulator) -> None:
    await bob.ok("POST", "/fapi/v1/order", {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.020"})
    stop = await bob.ok("POST", "/fapi/v1/order", {"symbol": "BTCUSDT", "side": "SELL", "type": "STOP_MARKET",
                                                   "stopPrice": "64000.0", "closePosition": "true",
                                                   "workingType": "MARK_PRICE"})
    assert (stop["status"], stop["closePosition"], stop["workingType"]) == ("NEW", True, "MARK_PRICE")
    sim.exchange.set_mark_price("BTCUSDT", Decimal("64500"))
    assert (await bob.ok("GET", "/fapi/v1/openOrder", {"symbol": "BTCUSDT", "orderId": stop["orderId"]}))
    sim.exchange.set_mark_price("BTCUSDT", Decimal("63990"))
    done = await bob.ok("GET", "/fapi/v1/order", {"symbol": "BTCUSDT", "orderId": stop["orderId"]})
    assert (done["status"], done["type"], done["origType"]) == ("FILLED", "MARKET", "STOP_MARKET")
    [flat] = await bob.ok("GET", "/fapi/v2/positionRisk", {"symbol": "BTCUSDT"})
    assert Decimal(flat["positionAmt"]) == 0


async def test_leverage_and_margin_type(alice: Trader, bob: Trader) -> None:
    assert await error_of(alice, "POST", "/fapi/v1/leverage", {"symbol": "SOLUSDT", "leverage": 101}) == (400, -4028)
    lev = await alice.ok("POST", "/fapi/v1/leverage", {"symbol": "SOLUSDT", "leverage": 100})
    assert lev == {"leverage": 100, "maxNotionalValue": "5000", "symbol": "SOLUSDT"}
    assert await error_of(alice, "POST", "/fapi/v1/marginType",
                          {"symbol": "SOLUSDT", "marginType": "CROSSED"}) == (400, -4046)
    await bob.ok("POST", "/fapi/v1/order", {"symbol": "SOLUSDT", "side": "BUY", "type": "MARKET", "quantity": "1"})
    assert await error_of(bob, "POST", "/fapi/v1/marginType",
                          {"symbol": "SOLUSDT", "marginType": "ISOLATED"}) == (400, -4048)
    assert await error_of(bob, "POST", "/fapi/v1/positionMargin",
                          {"symbol": "SOLUSDT", "amount": "1", "type": 1}) == (400, -4049)


async def test_isolated_margin_add_and_reduce(bob: Trader) -> None:
    await bob.ok("POST", "/fapi/v1/marginType", {"symbol": "ETHUSDT", "marginType": "ISOLATED"})
    await bob.ok("POST", "/fapi/v1/order", {"symbol": "ETHUSDT", "side": "BUY", "type": "MARKET", "quantity": "1.000"})
    [before] = await bob.ok("GET", "/fapi/v2/positionRisk", {"symbol": "ETHUSDT"})
    await bob.ok("POST", "/fapi/v1/positionMargin", {"symbol": "ETHUSDT", "amount": "50", "type": 1})
    await bob.ok("POST", "/fapi/v1/positionMargin", {"symbol": "ETHUSDT", "amount": "20", "type": 2})
    [after] = await bob.ok("GET", "/fapi/v2/positionRisk", {"symbol": "ETHUSDT"})
    assert Decimal(after["isolatedWallet"]) - Decimal(before["isolatedWallet"]) == 30
    history = await bob.ok("GET", "/fapi/v1/positionMargin/history", {"symbol": "ETHUSDT"})
    assert [(h["amount"], h["type"]) for h in history] == [("50", 1), ("20", 2)]
    only_adds = await bob.ok("GET", "/fapi/v1/positionMargin/history", {"symbol": "ETHUSDT", "type": 1})
    assert len(only_adds) == 1


async def test_countdown_cancels_on_the_engine_clock(alice: Trader, clock: ManualClock,
                                                     sim: BinanceUSDMSimulator) -> None:
    order = {"symbol": "SOLUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "1",
             "price": "100.0000"}
    await alice.ok("POST", "/fapi/v1/order", order)
    await alice.ok("POST", "/fapi/v1/countdownCancelAll", {"symbol": "SOLUSDT", "countdownTime": 1000})
    clock.advance(999)
    assert len(await alice.ok("GET", "/fapi/v1/openOrders", {"symbol": "SOLUSDT"})) == 1
    await alice.ok("POST", "/fapi/v1/countdownCancelAll", {"symbol": "SOLUSDT", "countdownTime": 1000})
    clock.advance(999)
    assert len(await alice.ok("GET", "/fapi/v1/openOrders", {"symbol": "SOLUSDT"})) == 1
    clock.advance(1)
    assert sim.tick() == 1
    assert await alice.ok("GET", "/fapi/v1/openOrders", {"symbol": "SOLUSDT"}) == []
    await alice.ok("POST", "/fapi/v1/order", order)
    await alice.ok("POST", "/fapi/v1/countdownCancelAll", {"symbol": "SOLUSDT", "countdownTime": 1000})
    clock.advance(1000)
    assert await alice.ok("GET", "/fapi/v1/openOrders", {"symbol": "SOLUSDT"}) == []


async def test_modify_order(alice: Trader) -> None:
    placed = await alice.ok("POST", "/fapi/v1/order", {**BTC_SELL, "price": "65100.0"})
    params = {"symbol": "BTCUSDT", "orderId": placed["orderId"], "side": "SELL", "quantity": "0.020",
              "price": "65200.0"}
    modified = await alice.ok("PUT", "/fapi/v1/order", params)
    assert (modified["orderId"], modified["price"], modified["origQty"]) == (placed["orderId"], "65200.00", "0.020")
    assert await error_of(alice, "PUT", "/fapi/v1/order", params) == (400, -5027)


async def test_listen_key_lifecycle(alice: Trader, http: httpx.AsyncClient) -> None:
    created = await alice.ok("POST", "/fapi/v1/listenKey", signed=False)
    again = await alice.ok("POST", "/fapi/v1/listenKey", signed=False)
    assert created == again
    assert len(created["listenKey"]) == 64
    assert (await alice.call("PUT", "/fapi/v1/listenKey", signed=False)).status_code == 200
    assert (await alice.call("DELETE", "/fapi/v1/listenKey", signed=False)).status_code == 200
    gone = await alice.call("PUT", "/fapi/v1/listenKey", signed=False)
    assert (gone.status_code, gone.json()["code"]) == (400, -1125)
    assert (await http.post("/fapi/v1/listenKey")).json()["code"] == -2014


@pytest.mark.parametrize(("symbol", "tick", "step", "notional"),
                         [("BTCUSDT", "0.10", "0.001", "100"), ("ETHUSDT", "0.01", "0.001", "20"),
                          ("SOLUSDT", "0.0100", "1", "5")])
async def test_exchange_info_filters(http: httpx.AsyncClient, symbol: str, tick: str, step: str,
                                     notional: str) -> None:
    info = (await http.get("/fapi/v1/exchangeInfo")).json()
    entry = next(s for s in info["symbols"] if s["symbol"] == symbol)
    filters = {f["filterType"]: f for f in entry["filters"]}
    assert filters["PRICE_FILTER"]["tickSize"] == tick
    assert filters["LOT_SIZE"]["stepSize"] == step
    assert filters["MIN_NOTIONAL"]["notional"] == notional
    assert entry["contractType"] == "PERPETUAL"


async def test_public_market_data(http: httpx.AsyncClient, sim: BinanceUSDMSimulator) -> None:
    sim.exchange.set_mark_price("ETHUSDT", Decimal("3412.5"))
    mark = (await http.get("/fapi/v1/premiumIndex", params={"symbol": "ETHUSDT"})).json()
    assert Decimal(mark["markPrice"]) == Decimal("3412.5")
    assert len((await http.get("/fapi/v1/premiumIndex")).json()) == 3
    book = (await http.get("/fapi/v1/depth", params={"symbol": "BTCUSDT", "limit": 5})).json()
    assert len(book["bids"]) == len(book["asks"]) == 5
    assert Decimal(book["bids"][0][0]) < Decimal(book["asks"][0][0])
    ticker = (await http.get("/fapi/v1/ticker/bookTicker", params={"symbol": "BTCUSDT"})).json()
    assert ticker["bidPrice"] == book["bids"][0][0]
    price = (await http.get("/fapi/v1/ticker/price", params={"symbol": "SOLUSDT"})).json()
    assert set(price) == {"symbol", "price", "time"}
    unknown = await http.get("/fapi/v1/nothing")
    assert (unknown.status_code, unknown.json()["code"]) == (404, -1099)
