"""Every documented route answers in the shape of the seed document's example (keys and JSON types)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from conftest import Trader

# Only returned for TRAILING_STOP_MARKET orders (doc comments), which the engine does not model.
TRAILING_ONLY = frozenset({"activatePrice", "priceRate"})
SEED_ROUTES = (
    "POST /fapi/v1/positionSide/dual", "GET /fapi/v1/positionSide/dual", "POST /fapi/v1/multiAssetsMargin",
    "GET /fapi/v1/multiAssetsMargin", "POST /fapi/v1/order", "POST /fapi/v1/batchOrders", "GET /fapi/v1/order",
    "DELETE /fapi/v1/order", "DELETE /fapi/v1/allOpenOrders", "DELETE /fapi/v1/batchOrders",
    "POST /fapi/v1/countdownCancelAll", "GET /fapi/v1/openOrder", "GET /fapi/v1/openOrders",
    "GET /fapi/v1/allOrders", "GET /fapi/v2/balance", "GET /fapi/v4/account", "POST /fapi/v1/leverage",
    "POST /fapi/v1/marginType", "POST /fapi/v1/positionMargin", "GET /fapi/v1/positionMargin/history",
    "GET /fapi/v2/positionRisk", "GET /fapi/v1/userTrades", "GET /fapi/v1/income", "GET /fapi/v1/leverageBracket",
    "GET /fapi/v1/adlQuantile", "GET /fapi/v1/forceOrders", "GET /fapi/v1/commissionRate",
)


def kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def assert_shape(doc: Any, ours: Any, where: str = "$") -> None:
    """`ours` has every key of `doc` (recursively) with the same JSON type."""
    assert kind(ours) == kind(doc), f"{where}: {kind(ours)} != {kind(doc)} ({ours!r} vs {doc!r})"
    if isinstance(doc, dict):
        for key, value in doc.items():
            if key in TRAILING_ONLY:
                continue
            assert key in ours, f"{where}: missing {key!r}"
            assert_shape(value, ours[key], f"{where}.{key}")
    elif isinstance(doc, list) and doc:
        assert ours, f"{where}: empty list, the document shows items"
        for i, item in enumerate(ours):
            assert_shape(doc[min(i, len(doc) - 1)], item, f"{where}[{i}]")


async def run_scenario(alice: Trader, bob: Trader) -> dict[str, list[Any]]:
    """Drive every documented route once through HTTP; returns the JSON answers by "METHOD path"."""
    got: dict[str, list[Any]] = {}

    async def call(method: str, path: str, params: dict[str, object] | None = None, who: Trader = alice) -> Any:
        body = await who.ok(method, path, params)
        got.setdefault(f"{method} {path}", []).append(body)
        return body

    await call("POST", "/fapi/v1/positionSide/dual", {"dualSidePosition": "true"})
    await call("GET", "/fapi/v1/positionSide/dual")
    await alice.ok("POST", "/fapi/v1/positionSide/dual", {"dualSidePosition": "false"})
    await call("POST", "/fapi/v1/multiAssetsMargin", {"multiAssetsMargin": "true"})
    await call("GET", "/fapi/v1/multiAssetsMargin")
    await alice.ok("POST", "/fapi/v1/multiAssetsMargin", {"multiAssetsMargin": "false"})
    await call("POST", "/fapi/v1/leverage", {"symbol": "BTCUSDT", "leverage": 21})
    await call("POST", "/fapi/v1/marginType", {"symbol": "ETHUSDT", "marginType": "ISOLATED"})
    sell = {"symbol": "BTCUSDT", "side": "SELL", "type": "LIMIT", "timeInForce": "GTC", "quantity": "0.010",
            "price": "65000.0", "newClientOrderId": "testOrder"}
    placed = await call("POST", "/fapi/v1/order", sell)
    await call("GET", "/fapi/v1/order", {"symbol": "BTCUSDT", "orderId": placed["orderId"]})
    await call("GET", "/fapi/v1/openOrder", {"symbol": "BTCUSDT", "origClientOrderId": "testOrder"})
    await call("GET", "/fapi/v1/openOrders", {"symbol": "BTCUSDT"})
    await bob.ok("POST", "/fapi/v1/order", {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.010"})
    await call("GET", "/fapi/v1/allOrders", {"symbol": "BTCUSDT"})
    await call("GET", "/fapi/v1/userTrades", {"symbol": "BTCUSDT"})
    await alice.ok("POST", "/fapi/v1/order", {"symbol": "ETHUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.1"})
    await call("POST", "/fapi/v1/positionMargin", {"symbol": "ETHUSDT", "amount": "100", "type": 1})
    await call("GET", "/fapi/v1/positionMargin/history", {"symbol": "ETHUSDT"})
    await call("GET", "/fapi/v1/income")
    await call("GET", "/fapi/v2/positionRisk", {"symbol": "BTCUSDT"})
    await call("GET", "/fapi/v2/balance")
    await call("GET", "/fapi/v4/account")
    await call("GET", "/fapi/v1/leverageBracket")
    await call("GET", "/fapi/v1/leverageBracket", {"symbol": "ETHUSDT"})
    await call("GET", "/fapi/v1/adlQuantile")
    await call("GET", "/fapi/v1/commissionRate", {"symbol": "BTCUSDT"})
    await alice.ok("POST", "/fapi/v1/order", {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "quantity": "0.010",
                                              "timeInForce": "IOC", "price": "65001.0", "reduceOnly": "true",
                                              "newClientOrderId": "autoclose-1596107620040000020"})
    await call("GET", "/fapi/v1/forceOrders")
    resting = {"symbol": "SOLUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "1",
               "price": "120.0000"}
    batch = [resting, {**resting, "side": "SELL", "type": "MARKET", "reduceOnly": "true"}]
    placed_batch = await call("POST", "/fapi/v1/batchOrders", {"batchOrders": json.dumps(batch)})
    one = await alice.ok("POST", "/fapi/v1/order", resting)
    await call("DELETE", "/fapi/v1/order", {"symbol": "SOLUSDT", "orderId": one["orderId"]})
    ids = json.dumps([placed_batch[0]["orderId"], 1])
    await call("DELETE", "/fapi/v1/batchOrders", {"symbol": "SOLUSDT", "orderIdList": ids})
    await call("POST", "/fapi/v1/countdownCancelAll", {"symbol": "BTCUSDT", "countdownTime": 100000})
    await call("DELETE", "/fapi/v1/allOpenOrders", {"symbol": "SOLUSDT"})
    return got


async def test_every_seed_route_matches_the_documented_shape(alice: Trader, bob: Trader,
                                                             doc_examples: dict[str, list[Any]]) -> None:
    got = await run_scenario(alice, bob)
    assert set(got) == set(SEED_ROUTES) == set(doc_examples)
    for route in SEED_ROUTES:
        examples, answers = doc_examples[route], got[route]
        if route == "GET /fapi/v1/leverageBracket":
            assert_shape(examples[0], answers[0], route)
            assert_shape(examples[1], answers[1], route + "?symbol")
        elif route == "GET /fapi/v1/adlQuantile":
            for row in answers[0]:
                assert set(row) == {"symbol", "adlQuantile"}
                assert any(set(row["adlQuantile"]) == set(e["adlQuantile"]) for e in examples[0])
        else:
            assert_shape(examples[0], answers[0], route)


@pytest.mark.parametrize("mode", ["false", "true"])
async def test_position_risk_legs_follow_the_mode(alice: Trader, doc_examples: dict[str, list[Any]],
                                                  mode: str) -> None:
    if mode == "true":
        await alice.ok("POST", "/fapi/v1/positionSide/dual", {"dualSidePosition": mode})
    rows = await alice.ok("GET", "/fapi/v2/positionRisk", {"symbol": "BTCUSDT"})
    one_way, hedge = doc_examples["GET /fapi/v2/positionRisk"]
    example = hedge if mode == "true" else one_way
    assert [r["positionSide"] for r in rows] == [r["positionSide"] for r in example]
    assert_shape(example, rows)


async def test_batch_reports_each_item_error_in_place(alice: Trader) -> None:
    good = {"symbol": "SOLUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "1",
            "price": "120.0000"}
    bad_symbol = {**good, "symbol": "NOPEUSDT"}
    reduce_only = {**good, "side": "SELL", "type": "MARKET", "reduceOnly": "true"}
    del reduce_only["price"], reduce_only["timeInForce"]
    rows = await alice.ok("POST", "/fapi/v1/batchOrders", {"batchOrders": json.dumps([good, bad_symbol, reduce_only])})
    assert rows[0]["status"] == "NEW"
    assert rows[1] == {"code": -1121, "msg": "Invalid symbol."}
    assert rows[2] == {"code": -2022, "msg": "ReduceOnly Order is rejected."}
    too_many = await alice.call("POST", "/fapi/v1/batchOrders", {"batchOrders": json.dumps([good] * 6)})
    assert too_many.status_code == 400
    assert too_many.json()["code"] == -4082
