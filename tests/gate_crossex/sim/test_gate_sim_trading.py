"""Orders through HTTP: matching between two users, order rules as CrossEx labels, amend, cancel, history."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from gate_sim_helpers import User

from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator

BTC = "BINANCE_FUTURE_BTC_USDT"


async def test_two_users_match_at_the_maker_price(alice: User, bob: User) -> None:
    ask = await alice.ok("POST", "/orders", body={"symbol": BTC, "side": "SELL", "qty": "0.002", "price": "65000.0"})
    bid = await bob.ok(
        "POST", "/orders", body={"symbol": BTC, "side": "BUY", "qty": "0.002", "price": "65000.0", "text": "bob-1"}
    )
    assert bid["text"] == "bob-1"
    maker = await alice.ok("GET", f"/orders/{ask['order_id']}")
    taker = await bob.ok("GET", "/orders/bob-1")
    assert (maker["state"], taker["state"]) == ("FILLED", "FILLED")
    assert taker["executed_avg_price"] == "65000" and taker["executed_qty"] == "0.002"
    # fees: 0.002 * 65000 = 130 notional; maker 0.02%, taker 0.05%
    assert Decimal(maker["fee"]) == Decimal("0.026")
    assert Decimal(taker["fee"]) == Decimal("0.065")
    (alice_trade,) = await alice.ok("GET", "/history_trades")
    (bob_trade,) = await bob.ok("GET", "/history_trades")
    assert alice_trade["transaction_id"] == bob_trade["transaction_id"]
    assert (alice_trade["match_role"], bob_trade["match_role"]) == ("MAKER", "TAKER")
    assert (alice_trade["side"], bob_trade["side"]) == ("SELL", "BUY")
    (short,) = await alice.ok("GET", "/positions")
    (long,) = await bob.ok("GET", "/positions")
    assert (short["position_side"], short["position_qty"]) == ("SHORT", "0.002")
    assert (long["position_side"], long["avg_price"]) == ("LONG", "65000")


async def test_market_order_sweeps_seeded_book(alice: User) -> None:
    order = await alice.ok("POST", "/orders", body={"symbol": BTC, "side": "BUY", "type": "MARKET", "qty": "0.7"})
    detail = await alice.ok("GET", f"/orders/{order['order_id']}")
    # 0.5 at the best ask 65000.1, then 0.2 at 65000.2
    assert detail["state"] == "FILLED"
    assert Decimal(detail["executed_amount"]) == Decimal("0.5") * Decimal("65000.1") + Decimal("0.2") * Decimal(
        "65000.2"
    )
    assert (detail["last_executed_qty"], detail["last_executed_price"]) == ("0.2", "65000.2")


def _order(**fields: Any) -> dict[str, Any]:
    return {"symbol": BTC, "side": "BUY", "qty": "0.002", "price": "60000", **fields}


@pytest.mark.parametrize(
    ("body", "label"),
    [
        (_order(qty="0.0015"), "TRADE_ORDER_LOT_SIZE_ERROR"),
        (_order(price="60000.05"), "TRADE_ORDER_TICK_SIZE_ERROR"),
        (_order(qty="0.001"), "TRADE_ORDER_AMOUNT_MIN_ERROR"),
        (
            {"symbol": "GATE_MARGIN_SOL_USDT", "side": "BUY", "qty": "0.005", "price": "100", "position_side": "LONG"},
            "TRADE_ORDER_QUANTITY_MIN_ERROR",
        ),
        (_order(symbol="KRAKEN_FUTURE_BTC_USDT"), "TRADE_SYM_NOT_SUPPORT"),
        (_order(side="HOLD"), "TRADE_INVALID_SIDE"),
        (_order(type="STOP"), "TRADE_INVALID_ORDER_TYPE"),
        (_order(time_in_force="GTD"), "TRADE_INVALID_TIME_IN_FORCE"),
        (_order(type="MARKET", time_in_force="POC"), "TRADE_INVALID_POC"),
        (_order(price=None), "TRADE_INVALID_LIMIT_PRICE"),
        (_order(qty="lots"), "TRADE_INVALID_ORDER_QTY"),
        (_order(reduce_only="maybe"), "TRADE_INVALID_REDUCE_ONLY"),
        (_order(position_side="UP"), "TRADE_INVALID_POSITION_SIDE"),
        (_order(position_side="LONG"), "TRADE_INVALID_POSITION_SIDE"),
        (
            {"symbol": "BINANCE_MARGIN_BTC_USDT", "side": "BUY", "qty": "0.001", "price": "60000"},
            "TRADE_MARGIN_INVALID_PZ_SIDE_ERROR",
        ),
        (_order(text="x" * 33), "TRADE_CLIENT_ORDER_ID_LENGTH_ERROR"),
        (_order(text="bad id!"), "TRADE_CLIENT_ORDER_ID_MATCH_ERROR"),
        (_order(side="SELL", reduce_only="true"), "TRADE_REDUCE_ONLY_POSITION_QTY_ERROR"),
        (_order(qty="100"), "BALANCE_NOT_ENOUGH"),
        (
            {"symbol": "GATE_FUTURE_SOL_USDT", "side": "BUY", "type": "MARKET", "qty": "2000000"},
            "TRADE_ORDER_QUANTITY_MAX_ERROR",
        ),
        ({"side": "BUY", "qty": "1"}, "COMMON_PARAM_BIND_ERROR"),
    ],
)
async def test_order_rules_answer_documented_labels(alice: User, body: dict[str, Any], label: str) -> None:
    response = await alice.call("POST", "/orders", body={k: v for k, v in body.items() if v is not None})
    assert response.status_code == 400
    assert response.json()["label"] == label


async def test_reduce_only_in_the_position_direction_is_refused(alice: User) -> None:
    await alice.ok("POST", "/orders", body={"symbol": BTC, "side": "BUY", "type": "MARKET", "qty": "0.002"})
    response = await alice.call("POST", "/orders", body=_order(reduce_only=True))
    assert response.json()["label"] == "TRADE_REDUCE_ONLY_SIDE_ERROR"


async def test_duplicate_text_of_an_open_order(alice: User) -> None:
    await alice.ok("POST", "/orders", body=_order(text="dup-1"))
    response = await alice.call("POST", "/orders", body=_order(text="dup-1"))
    assert response.json()["label"] == "TRADE_ORDER_DUPLICATE_ERROR"


async def test_cancel_by_text_then_again(alice: User) -> None:
    placed = await alice.ok("POST", "/orders", body=_order(text="c-1"))
    canceled = await alice.ok("DELETE", "/orders/c-1", body={})
    assert canceled == {"order_id": placed["order_id"], "text": "c-1"}
    detail = await alice.ok("GET", f"/orders/{placed['order_id']}")
    assert detail["state"] == "CANCELED"
    again = await alice.call("DELETE", "/orders/c-1", body={})
    assert (again.status_code, again.json()["label"]) == (400, "TRADE_ORDER_NOT_FOUND_ERROR")
    (history,) = await alice.ok("GET", "/history_orders")
    assert history["order_id"] == placed["order_id"]
    assert await alice.ok("GET", "/open_orders") == []


async def test_orders_are_private_to_their_owner(alice: User, bob: User) -> None:
    placed = await alice.ok("POST", "/orders", body=_order())
    response = await bob.call("GET", f"/orders/{placed['order_id']}")
    assert response.json()["label"] == "TRADE_ORDER_NOT_FOUND_ERROR"


async def test_amend_price_and_quantity(alice: User) -> None:
    placed = await alice.ok("POST", "/orders", body=_order())
    await alice.ok("PUT", f"/orders/{placed['order_id']}", body={"qty": "0.003", "price": "60100"})
    detail = await alice.ok("GET", f"/orders/{placed['order_id']}")
    assert (detail["qty"], detail["price"], detail["state"]) == ("0.003", "60100", "NEW")


@pytest.mark.parametrize(
    ("change", "label"),
    [
        ({}, "TRADE_ORDER_REPLACE_QTY_PRICE_ERROR"),
        ({"qty": "-1"}, "TRADE_ORDER_REPLACE_QTY_PRICE_ERROR"),
        ({"qty": "0.002", "price": "60000"}, "TRADE_ORDER_REPLACE_QTY_PRICE_SAME_ERROR"),
        ({"price": "60000.01"}, "TRADE_ORDER_TICK_SIZE_ERROR"),
    ],
)
async def test_amend_refusals(alice: User, change: dict[str, str], label: str) -> None:
    placed = await alice.ok("POST", "/orders", body=_order())
    response = await alice.call("PUT", f"/orders/{placed['order_id']}", body=change)
    assert response.json()["label"] == label


async def test_amend_market_and_finished_orders(alice: User) -> None:
    market = await alice.ok("POST", "/orders", body={"symbol": BTC, "side": "BUY", "type": "MARKET", "qty": "0.002"})
    response = await alice.call("PUT", f"/orders/{market['order_id']}", body={"qty": "0.003"})
    assert response.json()["label"] == "TRADE_NOT_ALLOW_REPLACE"
    filled = await alice.ok("POST", "/orders", body=_order(price="65100"))
    response = await alice.call("PUT", f"/orders/{filled['order_id']}", body={"qty": "0.003"})
    assert response.json()["label"] == "TRADE_ORDER_REPLACE_ALLOW_ERROR"


async def test_post_only_that_would_take_is_canceled(alice: User) -> None:
    placed = await alice.ok("POST", "/orders", body=_order(price="65100", time_in_force="POC"))
    detail = await alice.ok("GET", f"/orders/{placed['order_id']}")
    assert (detail["state"], detail["executed_qty"], detail["time_in_force"]) == ("CANCELED", "0", "POC")


async def test_dual_mode_holds_both_legs(alice: User) -> None:
    assert (await alice.call("PUT", "/accounts", body={"position_mode": "DUAL"})).status_code == 202
    for side, leg in (("BUY", "LONG"), ("SELL", "SHORT")):
        body = {"symbol": BTC, "side": side, "type": "MARKET", "qty": "0.002", "position_side": leg}
        await alice.ok("POST", "/orders", body=body)
    legs = sorted(p["position_side"] for p in await alice.ok("GET", "/positions"))
    assert legs == ["LONG", "SHORT"]
    response = await alice.call(
        "POST", "/orders", body={"symbol": BTC, "side": "BUY", "type": "MARKET", "qty": "0.002"}
    )
    assert response.json()["label"] == "TRADE_INVALID_POSITION_SIDE"


async def test_margin_long_open_and_close_in_single_mode(alice: User, sim: GateCrossExSimulator) -> None:
    body = {"symbol": "OKX_MARGIN_ETH_USDT", "side": "BUY", "type": "MARKET", "qty": "0.5", "position_side": "LONG"}
    await alice.ok("POST", "/orders", body=body)
    (pos,) = await alice.ok("GET", "/margin_positions")
    assert (pos["position_side"], pos["asset_coin"], pos["liability_coin"]) == ("LONG", "ETH", "USDT")
    assert pos["asset_qty"] == "0.5"
    await alice.ok("POST", "/orders", body={**body, "side": "SELL"})
    assert await alice.ok("GET", "/margin_positions") == []
    (closed,) = await alice.ok("GET", "/history_margin_positions")
    assert (closed["closed_type"], closed["closed_qty"], closed["position_side"]) == ("COMPLETE_CLOSED", "0.5", "LONG")
    assert sim.exchange.positions(alice.user_id) == []


async def test_margin_quote_qty_market_buy(alice: User) -> None:
    body = {"symbol": "BINANCE_MARGIN_ETH_USDT", "side": "BUY", "type": "MARKET", "quote_qty": "100"}
    placed = await alice.ok("POST", "/orders", body={**body, "position_side": "LONG"})
    detail = await alice.ok("GET", f"/orders/{placed['order_id']}")
    # best ask 3400.01: 100 / 3400.01 = 0.02941..., rounded down to the 0.0001 lot
    assert (detail["qty"], detail["quote_qty"], detail["executed_qty"]) == ("0", "100", "0.0294")


async def test_history_positions_track_partial_then_complete_close(alice: User) -> None:
    buy = {"symbol": BTC, "side": "BUY", "type": "MARKET", "qty": "0.004"}
    await alice.ok("POST", "/orders", body=buy)
    await alice.ok("POST", "/orders", body={**buy, "side": "SELL", "qty": "0.002"})
    (partial,) = await alice.ok("GET", "/history_positions")
    assert (partial["closed_type"], partial["closed_qty"], partial["max_position_qty"]) == (
        "PARTIAL_CLOSED",
        "0.002",
        "0.004",
    )
    await alice.ok("POST", "/orders", body={**buy, "side": "SELL", "qty": "0.002"})
    (done,) = await alice.ok("GET", "/history_positions")
    assert (done["position_id"], done["closed_type"], done["closed_qty"]) == (
        partial["position_id"],
        "COMPLETE_CLOSED",
        "0.004",
    )
    # bought at 65000.1, sold at 64999.9 twice: -0.2 * 0.004
    assert Decimal(done["closed_pnl"]) == Decimal("-0.0008")
