"""Matching engine: priority, partial fills, sweeps, time-in-force, post-only, triggers, fees, validation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from venuekit.core.simulator import Exchange, Lifecycle, RejectReason, SimRejected
from venuekit.core.types.enums import LiquidityRole, OrderStatus, OrderType, Side, TimeInForce

D = Decimal
SYMBOL = "BTC-USDT"


def test_price_time_priority_and_maker_price(ex: Exchange) -> None:
    a = ex.place_order("alice", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("101"))
    b = ex.place_order("bob", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("100"))
    c = ex.place_order("carol", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("100"))
    t = ex.place_order("dave", SYMBOL, Side.BUY, OrderType.LIMIT, D("2.5"), price=D("101"))

    fills = ex.fills("dave")
    assert [(f.price, f.quantity) for f in fills] == [(D("100"), D("1")), (D("100"), D("1")), (D("101"), D("0.5"))]
    assert [ex.fills(n)[0].order_id for n in ("bob", "carol", "alice")] == [b.order_id, c.order_id, a.order_id]
    assert t.status is OrderStatus.CLOSED and t.lifecycle is Lifecycle.FILLED
    assert t.avg_price == (D(100) + D(100) + D("50.5")) / D("2.5")
    assert a.is_open and a.is_partially_filled and a.remaining_qty == D("0.5")
    assert ex.book(SYMBOL).asks == [(D("101"), D("0.5"))]
    assert all(f.role is LiquidityRole.TAKER for f in fills)
    assert ex.fills("bob")[0].role is LiquidityRole.MAKER
    assert ex.fills("bob")[0].trade_id == fills[0].trade_id


def test_limit_executes_at_maker_price_and_rests_remainder(ex: Exchange) -> None:
    ex.place_order("alice", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("100"))
    order = ex.place_order("bob", SYMBOL, Side.BUY, OrderType.LIMIT, D("2"), price=D("105"))
    assert ex.fills("bob")[0].price == D("100")
    assert order.is_open and order.filled_qty == D("1")
    assert order.lifecycle is Lifecycle.PARTIALLY_FILLED
    assert ex.book(SYMBOL) == ([(D("105"), D("1"))], [])
    assert ex.last_price(SYMBOL) == D("100")


def test_market_sweeps_levels_and_expires_remainder(ex: Exchange) -> None:
    ex.seed_book(SYMBOL, D("100"), levels=3, step=D("1"), qty=D("1"))
    order = ex.place_order("alice", SYMBOL, Side.BUY, OrderType.MARKET, D("2.5"))
    assert [(f.price, f.quantity) for f in ex.fills("alice")] == [
        (D("101"), D("1")),
        (D("102"), D("1")),
        (D("103"), D("0.5")),
    ]
    assert order.avg_price == (D("101") + D("102") + D("51.5")) / D("2.5")
    assert order.status is OrderStatus.CLOSED
    big = ex.place_order("bob", SYMBOL, Side.BUY, OrderType.MARKET, D("5"))
    assert big.filled_qty == D("0.5") and big.status is OrderStatus.EXPIRED
    assert ex.book(SYMBOL).asks == []
    mm_position = ex.positions("mm")[0]
    assert mm_position.quantity == D("-3")


def test_market_on_empty_book_expires_unfilled(ex: Exchange) -> None:
    order = ex.place_order("alice", SYMBOL, Side.SELL, OrderType.MARKET, D("1"))
    assert order.status is OrderStatus.EXPIRED and order.filled_qty == 0
    assert ex.positions("alice") == []


def test_ioc_and_fok(ex: Exchange) -> None:
    ex.place_order("alice", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("100"))
    fok = ex.place_order(
        "bob", SYMBOL, Side.BUY, OrderType.LIMIT, D("2"), price=D("100"), time_in_force=TimeInForce.FOK
    )
    assert fok.status is OrderStatus.EXPIRED and fok.filled_qty == 0
    assert ex.book(SYMBOL).asks == [(D("100"), D("1"))]
    ioc = ex.place_order(
        "bob", SYMBOL, Side.BUY, OrderType.LIMIT, D("2"), price=D("100"), time_in_force=TimeInForce.IOC
    )
    assert ioc.status is OrderStatus.EXPIRED and ioc.filled_qty == D("1")
    assert ex.book(SYMBOL) == ([], [])
    ex.place_order("alice", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("100"))
    fok_ok = ex.place_order(
        "bob", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("100"), time_in_force=TimeInForce.FOK
    )
    assert fok_ok.status is OrderStatus.CLOSED


def test_post_only(ex: Exchange) -> None:
    ex.place_order("alice", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("100"))
    with pytest.raises(SimRejected) as err:
        ex.place_order("bob", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("100"), post_only=True)
    assert err.value.reason is RejectReason.POST_ONLY_WOULD_TAKE
    resting = ex.place_order(
        "bob", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("99.9"), time_in_force=TimeInForce.POST_ONLY
    )
    assert resting.is_open and resting.post_only
    ex.post_only_reject = False
    expired = ex.place_order("bob", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("100.5"), post_only=True)
    assert expired.status is OrderStatus.EXPIRED and expired.filled_qty == 0
    assert ex.fills("bob") == []


def test_stop_market_triggers_only_when_mark_crosses(ex: Exchange) -> None:
    ex.seed_book(SYMBOL, D("100"), levels=5, step=D("1"), qty=D("1"))
    stop = ex.place_order("alice", SYMBOL, Side.BUY, OrderType.STOP_MARKET, D("1"), trigger_price=D("105"))
    assert stop.is_untriggered and ex.fills("alice") == []
    assert ex.set_mark_price(SYMBOL, D("104.9")) == []
    assert stop.is_untriggered
    assert ex.set_mark_price(SYMBOL, D("105")) == [stop]
    assert stop.triggered and stop.status is OrderStatus.CLOSED
    assert ex.fills("alice")[0].price == D("101")


def test_take_profit_and_stop_directions(ex: Exchange) -> None:
    ex.seed_book(SYMBOL, D("100"), levels=5, step=D("1"), qty=D("1"))
    tp_sell = ex.place_order("alice", SYMBOL, Side.SELL, OrderType.TAKE_PROFIT_MARKET, D("1"), trigger_price=D("110"))
    stop_sell = ex.place_order("bob", SYMBOL, Side.SELL, OrderType.STOP_MARKET, D("1"), trigger_price=D("95"))
    tp_buy = ex.place_order("carol", SYMBOL, Side.BUY, OrderType.TAKE_PROFIT_MARKET, D("1"), trigger_price=D("94"))
    ex.set_mark_price(SYMBOL, D("109"))
    assert tp_sell.is_untriggered and stop_sell.is_untriggered and tp_buy.is_untriggered
    ex.set_mark_price(SYMBOL, D("110"))
    assert tp_sell.triggered and stop_sell.is_untriggered
    ex.set_mark_price(SYMBOL, D("95"))
    assert stop_sell.triggered and tp_buy.is_untriggered
    ex.set_mark_price(SYMBOL, D("94"))
    assert tp_buy.triggered


def test_stop_limit_becomes_resting_limit(ex: Exchange) -> None:
    ex.place_order("bob", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("106"))
    ex.place_order("bob", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("107"))
    stop = ex.place_order("alice", SYMBOL, Side.BUY, OrderType.STOP, D("2"), price=D("106"), trigger_price=D("105"))
    ex.set_mark_price(SYMBOL, D("105.5"))
    assert stop.triggered and stop.filled_qty == D("1") and stop.is_open
    assert ex.book(SYMBOL) == ([(D("106"), D("1"))], [(D("107"), D("1"))])


def test_trigger_already_crossed_is_rejected_or_fired(ex: Exchange) -> None:
    with pytest.raises(SimRejected) as err:
        ex.place_order("alice", SYMBOL, Side.BUY, OrderType.STOP_MARKET, D("1"), trigger_price=D("99"))
    assert err.value.reason is RejectReason.WOULD_IMMEDIATELY_TRIGGER
    ex.reject_immediate_trigger = False
    order = ex.place_order("alice", SYMBOL, Side.BUY, OrderType.STOP_MARKET, D("1"), trigger_price=D("99"))
    assert order.triggered and order.status is OrderStatus.EXPIRED


def test_maker_and_taker_fees_hit_wallets(ex: Exchange) -> None:
    ex.place_order("alice", SYMBOL, Side.SELL, OrderType.LIMIT, D("2"), price=D("100"))
    ex.place_order("bob", SYMBOL, Side.BUY, OrderType.MARKET, D("2"))
    maker_fee = D("200") * D("0.0002")
    taker_fee = D("200") * D("0.0005")
    assert ex.fills("alice")[0].fee == maker_fee
    assert ex.fills("bob")[0].fee == taker_fee
    assert ex.balance("alice")["USDT"].wallet_balance == D("10000") - maker_fee
    assert ex.balance("bob")["USDT"].wallet_balance == D("10000") - taker_fee
    ex.set_commission_rate("carol", D("0"), D("0.001"))
    assert ex.commission_rate("carol", SYMBOL) == (D("0"), D("0.001"))
    ex.place_order("dave", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("100"))
    ex.place_order("carol", SYMBOL, Side.BUY, OrderType.MARKET, D("1"))
    assert ex.fills("carol")[0].fee == D("0.1")


@pytest.mark.parametrize(
    ("qty", "price", "reason"),
    [
        ("1", "100.05", RejectReason.PRICE_TICK),
        ("1.0005", "100", RejectReason.QTY_STEP),
        ("0", "100", RejectReason.INVALID_QUANTITY),
        ("0.01", "100", RejectReason.MIN_NOTIONAL),
        ("1", "0", RejectReason.INVALID_PRICE),
        ("2001", "100", RejectReason.INSUFFICIENT_MARGIN),
    ],
)
def test_validation_rejects(ex: Exchange, qty: str, price: str, reason: RejectReason) -> None:
    with pytest.raises(SimRejected) as err:
        ex.place_order("alice", SYMBOL, Side.BUY, OrderType.LIMIT, D(qty), price=D(price))
    assert err.value.reason is reason
    assert ex.orders("alice") == []


def test_min_qty_unknown_symbol_and_halt(instrument_factory: Any) -> None:
    ex = Exchange("t", seed=1)
    ex.add_instrument(instrument_factory(min_qty=D("0.01")))
    ex.create_account("a", {"USDT": D("1000")})
    with pytest.raises(SimRejected) as err:
        ex.place_order("a", SYMBOL, Side.BUY, OrderType.LIMIT, D("0.005"), price=D("2000"))
    assert err.value.reason is RejectReason.MIN_QTY
    with pytest.raises(SimRejected) as err:
        ex.place_order("a", "ETH-USDT", Side.BUY, OrderType.LIMIT, D("1"), price=D("1"))
    assert err.value.reason is RejectReason.UNKNOWN_SYMBOL
    from venuekit.core.types.enums import InstrumentStatus

    ex.update_instrument(SYMBOL, status=InstrumentStatus.HALTED)
    with pytest.raises(SimRejected) as err:
        ex.place_order("a", SYMBOL, Side.BUY, OrderType.LIMIT, D("0.01"), price=D("2000"))
    assert err.value.reason is RejectReason.SYMBOL_NOT_TRADING


def test_margin_boundary(ex: Exchange) -> None:
    ex.create_account("small", {"USDT": D("10")})
    with pytest.raises(SimRejected) as err:
        ex.place_order("small", SYMBOL, Side.BUY, OrderType.LIMIT, D("2.1"), price=D("100"))
    assert err.value.reason is RejectReason.INSUFFICIENT_MARGIN
    order = ex.place_order("small", SYMBOL, Side.BUY, OrderType.LIMIT, D("2"), price=D("100"))
    assert ex.balance("small")["USDT"].order_margin == D("200") / 20
    assert ex.balance("small")["USDT"].available == 0
    assert order.is_open


def test_duplicate_client_order_id(ex: Exchange) -> None:
    first = ex.place_order("alice", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("90"), client_order_id="x1")
    with pytest.raises(SimRejected) as err:
        ex.place_order("alice", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("91"), client_order_id="x1")
    assert err.value.reason is RejectReason.DUPLICATE_CLIENT_ORDER_ID
    other = ex.place_order("bob", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("91"), client_order_id="x1")
    assert other.client_order_id == "x1"
    ex.cancel_order("alice", SYMBOL, client_order_id="x1")
    reused = ex.place_order("alice", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("92"), client_order_id="x1")
    assert ex.get_order("alice", SYMBOL, client_order_id="x1") is reused
    assert ex.get_order("alice", SYMBOL, order_id=first.order_id).status is OrderStatus.CANCELED


def test_dry_run_validates_but_books_nothing(ex: Exchange) -> None:
    ex.place_order("alice", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("100"))
    probe = ex.place_order("bob", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("100"), dry_run=True)
    assert probe.order_id and probe.filled_qty == 0
    assert ex.open_orders("bob") == [] and ex.fills("bob") == []
    assert ex.book(SYMBOL).asks == [(D("100"), D("1"))]
    with pytest.raises(SimRejected) as info:
        ex.place_order("bob", SYMBOL, Side.BUY, OrderType.LIMIT, D("0.0001"), price=D("100"), dry_run=True)
    assert info.value.reason is RejectReason.QTY_STEP, "0.0001 is off the 0.001 step"
