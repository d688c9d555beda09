"""Behaviour through HTTP: matching between accounts, test orders, cancels, closes, TWAP, timers, transfers."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.simulator import ManualClock

Caller = Any
SWAP = "/openApi/swap"
ORDER = f"{SWAP}/v2/trade/order"


def limit(side: str, position_side: str, qty: str, price: str, **extra: Any) -> dict[str, Any]:
    return {
        "symbol": "BTC-USDT",
        "side": side,
        "positionSide": position_side,
        "type": "LIMIT",
        "quantity": qty,
        "price": price,
        **extra,
    }


async def test_two_accounts_fill_each_other(alice: Caller, bob: Caller) -> None:
    ask = await alice.ok("POST", ORDER, limit("SELL", "SHORT", "0.5", "65000.2", clientOrderId="a-1"))
    order_id = ask["data"]["order"]["orderId"]
    assert isinstance(order_id, int) and len(str(order_id)) == 19
    await bob.ok("POST", ORDER, limit("BUY", "LONG", "0.2", "65000.2"))
    mine = (await alice.ok("GET", ORDER, {"symbol": "BTC-USDT", "orderId": order_id}))["data"]["order"]
    assert (mine["status"], mine["executedQty"], mine["avgPrice"]) == ("PARTIALLY_FILLED", "0.2000", "65000.2")
    assert mine["commission"] == "-2.600008"  # 0.2 * 65000.2 * 0.0002 maker
    bob_pos = (await bob.ok("GET", f"{SWAP}/v2/user/positions", {"symbol": "BTC-USDT"}))["data"]
    alice_pos = (await alice.ok("GET", f"{SWAP}/v2/user/positions", {"symbol": "BTC-USDT"}))["data"]
    assert [(p["positionSide"], p["positionAmt"], p["avgPrice"]) for p in bob_pos] == [("LONG", "0.2000", "65000.2")]
    assert [(p["positionSide"], p["positionAmt"]) for p in alice_pos] == [("SHORT", "0.2000")]


async def test_order_id_is_a_19_digit_json_number_on_the_wire(alice: Caller) -> None:
    response = await alice.raw("POST", ORDER, limit("BUY", "LONG", "0.001", "60000.0"))
    order_id = json.loads(response.content)["data"]["order"]["orderId"]
    assert f'"orderId":{order_id},' in response.text
    assert order_id > 2**53


async def test_test_order_validates_without_placing(alice: Caller) -> None:
    body = await alice.ok("POST", f"{ORDER}/test", limit("BUY", "LONG", "0.001", "60000.0"))
    assert body["data"]["order"]["type"] == "LIMIT"
    assert (await alice.ok("GET", f"{SWAP}/v2/trade/openOrders"))["data"]["orders"] == []
    too_small = await alice.call("POST", f"{ORDER}/test", limit("BUY", "LONG", "0.00001", "60000.0"))
    assert too_small["code"] == 109400 or too_small["code"] == 101400
    poor = await alice.call("POST", f"{ORDER}/test", limit("BUY", "LONG", "100", "60000.0"))
    assert (poor["code"], poor["msg"]) == (101204, "Insufficient margin")


async def test_precision_is_truncated_not_rejected(alice: Caller) -> None:
    """Seed 000: excess precision is truncated (0.123456 with tick 0.0001 becomes 0.1234)."""
    placed = await alice.ok("POST", ORDER, limit("BUY", "LONG", "0.00123", "60000.17"))
    order = placed["data"]["order"]
    assert (order["price"], order["quantity"]) == (Decimal("60000.1"), Decimal("0.0012"))


async def test_unknown_symbol_and_missing_order(alice: Caller) -> None:
    bad = await alice.call("POST", ORDER, {**limit("BUY", "LONG", "1", "1"), "symbol": "CATI-USDT"})
    assert bad == {
        "code": 109400,
        "data": {},
        "msg": "CATI-USDT,symbol not exist, please verify it in api: /openApi/swap/v2/quote/contracts",
    }
    missing = await alice.call("DELETE", ORDER, {"symbol": "BTC-USDT", "orderId": "1800000000000000001"})
    assert missing["code"] == 80016


async def test_cancel_paths_and_client_id_lookup(alice: Caller) -> None:
    ids = []
    for i in range(3):
        body = await alice.ok("POST", ORDER, limit("BUY", "LONG", "0.001", f"6000{i}.0", clientOrderId=f"c{i}"))
        ids.append(body["data"]["order"]["orderId"])
    one = await alice.ok("DELETE", ORDER, {"symbol": "BTC-USDT", "clientOrderId": "c0"})
    assert (one["data"]["order"]["orderId"], one["data"]["order"]["status"]) == (ids[0], "CANCELLED")
    batch = await alice.ok(
        "DELETE", f"{SWAP}/v2/trade/batchOrders", {"symbol": "BTC-USDT", "orderIdList": f"[{ids[1]}, {ids[0]}]"}
    )
    assert [o["orderId"] for o in batch["data"]["success"]] == [ids[1]]
    assert batch["data"]["failed"][0]["errorCode"] == 80016
    rest = await alice.ok("DELETE", f"{SWAP}/v2/trade/allOpenOrders", {"symbol": "BTC-USDT"})
    assert [o["orderId"] for o in rest["data"]["success"]] == [ids[2]]
    history = (await alice.ok("GET", f"{SWAP}/v2/trade/allOrders", {"symbol": "BTC-USDT", "limit": 10}))["data"]
    assert [o["status"] for o in history["orders"]] == ["CANCELLED"] * 3


async def test_batch_orders_limit_and_partial_failure(alice: Caller) -> None:
    good = limit("BUY", "LONG", "0.001", "60000.0")
    bad = {**good, "symbol": "NOPE-USDT"}
    body = await alice.ok("POST", f"{SWAP}/v2/trade/batchOrders", {"batchOrders": json.dumps([good, bad])})
    assert len(body["data"]["orders"]) == 1
    too_many = await alice.call("POST", f"{SWAP}/v2/trade/batchOrders", {"batchOrders": json.dumps([good] * 6)})
    assert too_many["code"] == 109400


async def test_cancel_replace_swaps_the_order(alice: Caller) -> None:
    first = (await alice.ok("POST", ORDER, limit("BUY", "LONG", "0.001", "60000.0")))["data"]["order"]["orderId"]
    body = await alice.ok(
        "POST",
        f"{SWAP}/v1/trade/cancelReplace",
        {**limit("BUY", "LONG", "0.002", "60100.0"), "cancelReplaceMode": "STOP_ON_FAILURE", "cancelOrderId": first},
    )
    data = body["data"]
    assert (data["cancelResult"], data["replaceResult"]) == ("true", "true")
    assert data["cancelResponse"]["orderId"] == first and data["cancelResponse"]["status"] == "CANCELLED"
    assert data["newOrderResponse"]["price"] == 60100
    failed = await alice.ok(
        "POST",
        f"{SWAP}/v1/trade/cancelReplace",
        {**limit("BUY", "LONG", "0.002", "60100.0"), "cancelReplaceMode": "STOP_ON_FAILURE", "cancelOrderId": first},
    )
    assert (failed["data"]["cancelResult"], failed["data"]["replaceResult"]) == ("false", "false")


async def test_close_position_by_id_and_history(alice: Caller, clock: ManualClock) -> None:
    market = {"symbol": "ETH-USDT", "side": "BUY", "positionSide": "LONG", "type": "MARKET", "quantity": "2"}
    await alice.ok("POST", ORDER, market)
    pos = (await alice.ok("GET", f"{SWAP}/v2/user/positions", {"symbol": "ETH-USDT"}))["data"][0]
    clock.advance(1000)
    closed = await alice.ok("POST", f"{SWAP}/v1/trade/closePosition", {"positionId": pos["positionId"]})
    assert (closed["data"]["side"], closed["data"]["origQty"], closed["data"]["positionId"]) == (
        "Ask",
        "2.00",
        pos["positionId"],
    )
    assert (await alice.ok("GET", f"{SWAP}/v2/user/positions"))["data"] == []
    history = await alice.ok(
        "GET", f"{SWAP}/v1/trade/positionHistory", {"symbol": "ETH-USDT", "startTs": 0, "endTs": clock.now_ms()}
    )
    [row] = history["data"]["positionHistory"]
    assert (row["positionId"], row["positionAmt"], row["closePositionAmt"]) == (pos["positionId"], "2.00", "2.00")
    assert row["avgPrice"] == "3200.05" and row["avgClosePrice"] == "3199.95"
    assert row["realisedProfit"] == "-0.20000000"


async def test_close_all_and_reverse(alice: Caller) -> None:
    await alice.ok(
        "POST", ORDER, {"symbol": "SOL-USDT", "side": "BUY", "positionSide": "LONG", "type": "MARKET", "quantity": "3"}
    )
    reversed_ = await alice.ok("POST", f"{SWAP}/v1/trade/reverse", {"symbol": "SOL-USDT", "type": "Reverse"})
    assert reversed_["data"]["positionSide"] == "SHORT"
    legs = (await alice.ok("GET", f"{SWAP}/v2/user/positions"))["data"]
    assert [(p["positionSide"], p["positionAmt"]) for p in legs] == [("SHORT", "3.0")]
    closed = await alice.ok("POST", f"{SWAP}/v2/trade/closeAllPositions", {})
    assert len(closed["data"]["success"]) == 1 and closed["data"]["failed"] is None
    assert (await alice.ok("GET", f"{SWAP}/v2/user/positions"))["data"] == []


async def test_position_mode_switch(alice: Caller) -> None:
    assert (await alice.ok("GET", f"{SWAP}/v1/positionSide/dual"))["data"] == {"dualSidePosition": "true"}
    assert (await alice.ok("POST", f"{SWAP}/v1/positionSide/dual", {"dualSidePosition": "false"}))["data"] == {
        "dualSidePosition": "false"
    }
    one_way = await alice.ok(
        "POST", ORDER, {"symbol": "BTC-USDT", "side": "BUY", "type": "MARKET", "quantity": "0.001"}
    )
    assert one_way["data"]["order"]["positionSide"] == "BOTH"


async def test_twap_slices_on_the_engine_clock_and_cancels(alice: Caller, clock: ManualClock) -> None:
    placed = await alice.ok(
        "POST",
        f"{SWAP}/v1/twap/order",
        {
            "symbol": "SOL-USDT",
            "side": "BUY",
            "positionSide": "LONG",
            "priceType": "constant",
            "priceVariance": "1",
            "triggerPrice": "200",
            "interval": 10,
            "amountPerOrder": "1",
            "totalAmount": "5",
        },
    )
    main = placed["data"]["mainOrderId"]
    clock.advance(20_000)
    detail = (await alice.ok("GET", f"{SWAP}/v1/twap/orderDetail", {"mainOrderId": main}))["data"]
    assert (detail["executedQty"], detail["orderStatus"], detail["maxDuration"]) == ("3", "Running", 50)
    full = (await alice.ok("GET", f"{SWAP}/v1/trade/fullOrder", {"symbol": "SOL-USDT", "limit": 10}))["data"]
    assert {(o["isTwap"], o["mainOrderId"]) for o in full["orders"]} == {(True, main)}
    cancelled = await alice.ok("POST", f"{SWAP}/v1/twap/cancelOrder", {"mainOrderId": main})
    assert cancelled["data"]["orderStatus"] == "Cancelled"
    clock.advance(60_000)
    history = await alice.ok(
        "GET",
        f"{SWAP}/v1/twap/historyOrders",
        {"pageIndex": 1, "pageSize": 10, "startTime": 0, "endTime": clock.now_ms()},
    )
    assert history["data"]["list"][0]["executedQty"] == "3"


async def test_cancel_all_after_fires_on_the_clock(alice: Caller, clock: ManualClock) -> None:
    await alice.ok("POST", ORDER, limit("BUY", "LONG", "0.001", "60000.0"))
    armed = await alice.ok("POST", f"{SWAP}/v2/trade/cancelAllAfter", {"type": "ACTIVATE", "timeOut": 10})
    assert armed["data"]["status"] == "ACTIVATED"
    assert armed["data"]["triggerTime"] == (clock.now_ms() + 10_000) // 1000
    clock.advance(9_000)
    assert len((await alice.ok("GET", f"{SWAP}/v2/trade/openOrders"))["data"]["orders"]) == 1
    clock.advance(1_000)
    assert (await alice.ok("GET", f"{SWAP}/v2/trade/openOrders"))["data"]["orders"] == []


async def test_take_profit_bracket_is_placed_after_the_fill(alice: Caller) -> None:
    take_profit = json.dumps(
        {"type": "TAKE_PROFIT_MARKET", "stopPrice": 70000, "price": 70000, "workingType": "MARK_PRICE"}
    )
    await alice.ok(
        "POST",
        ORDER,
        {
            "symbol": "BTC-USDT",
            "side": "BUY",
            "positionSide": "LONG",
            "type": "MARKET",
            "quantity": "0.01",
            "takeProfit": take_profit,
        },
    )
    [tp] = (await alice.ok("GET", f"{SWAP}/v2/trade/openOrders"))["data"]["orders"]
    assert (tp["type"], tp["side"], tp["stopPrice"], tp["status"]) == ("TAKE_PROFIT_MARKET", "SELL", "70000.0", "NEW")


async def test_inner_transfer_between_users(alice: Caller, bob: Caller, sim: BingXSimulator) -> None:
    account = sim.state.keys["key-alice"].account_id
    sim.deposit(account, "USDT", Decimal(100), "fund")
    receiver = sim.uid_of("key-bob")
    sent = await alice.call(
        "POST",
        "/openApi/wallets/v1/capital/innerTransfer/apply",
        {"coin": "USDT", "userAccountType": 1, "userAccount": receiver, "amount": "40", "walletType": 1},
    )
    assert sent["code"] == 0 and isinstance(sent["data"]["id"], str)
    records = await alice.call("GET", "/openApi/wallets/v1/capital/innerTransfer/records", {"coin": "USDT"})
    assert records["data"]["total"] == 1 and records["data"]["data"][0]["receiver"] == int(receiver)
    bob_fund = await bob.ok("GET", "/openApi/fund/v1/account/balance")
    assert bob_fund["data"]["balances"] == [{"asset": "USDT", "free": "40", "locked": "0"}]
    short = await alice.call(
        "POST", "/openApi/api/asset/v1/transfer", {"type": "FUND_PFUTURES", "asset": "USDT", "amount": "1000"}
    )
    assert (short["code"], short["msg"]) == (100202, "Insufficient assets")
