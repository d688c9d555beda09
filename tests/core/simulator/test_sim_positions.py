"""Positions: averaging, realised PnL, flips, hedge vs one-way, reduce-only, leverage and margin modes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from venuekit.core.simulator import Exchange, IncomeType, RejectReason, SimRejected
from venuekit.core.types.enums import MarginMode, OrderStatus, OrderType, PositionMode, PositionSide, Side

D = Decimal
SYMBOL = "BTC-USDT"


def trade(ex: Exchange, buyer: str, seller: str, qty: str, price: str, **taker: object) -> None:
    """`seller` rests a limit, `buyer` takes it with a market order."""
    maker_side = PositionSide.BOTH if ex.position_mode(seller) is PositionMode.ONE_WAY else PositionSide.SHORT
    ex.place_order(seller, SYMBOL, Side.SELL, OrderType.LIMIT, D(qty), price=D(price), position_side=maker_side)
    ex.place_order(buyer, SYMBOL, Side.BUY, OrderType.MARKET, D(qty), **taker)  # type: ignore[arg-type]


def sell_to(ex: Exchange, seller: str, buyer: str, qty: str, price: str, **taker: object) -> None:
    ex.place_order(buyer, SYMBOL, Side.BUY, OrderType.LIMIT, D(qty), price=D(price))
    ex.place_order(seller, SYMBOL, Side.SELL, OrderType.MARKET, D(qty), **taker)  # type: ignore[arg-type]


def test_average_entry_unrealised_and_realised(ex: Exchange) -> None:
    trade(ex, "alice", "bob", "1", "100")
    trade(ex, "alice", "bob", "3", "104")
    pos = ex.positions("alice")[0]
    assert pos.quantity == D("4") and pos.entry_price == D("103")
    ex.set_mark_price(SYMBOL, D("105"))
    assert ex.positions("alice")[0].unrealized_pnl == D("8")
    sell_to(ex, "alice", "carol", "2", "108")
    pos = ex.positions("alice")[0]
    assert pos.quantity == D("2") and pos.entry_price == D("103")
    assert pos.realized_pnl == D("10")
    fees = (D("100") + D("312") + D("216")) * D("0.0005")
    assert ex.balance("alice")["USDT"].wallet_balance == D("10000") - fees + D("10")
    pnl = ex.income("alice", income_type=IncomeType.REALIZED_PNL)
    assert [i.amount for i in pnl] == [D("10")]
    assert sum(i.amount for i in ex.income("alice", income_type=IncomeType.COMMISSION)) == -fees
    assert ex.positions("bob")[0].quantity == D("-4")


def test_one_way_flip(ex: Exchange) -> None:
    trade(ex, "alice", "bob", "2", "103")
    sell_to(ex, "alice", "carol", "5", "100")
    pos = ex.positions("alice")[0]
    assert pos.quantity == D("-3") and pos.entry_price == D("100")
    assert pos.realized_pnl == D("-6")
    assert pos.direction is PositionSide.SHORT


def test_hedge_mode_legs(ex: Exchange) -> None:
    with pytest.raises(SimRejected) as err:
        ex.place_order(
            "alice", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("90"), position_side=PositionSide.LONG
        )
    assert err.value.reason is RejectReason.POSITION_SIDE_MISMATCH
    assert ex.set_position_mode("alice", PositionMode.HEDGE) is True
    assert ex.set_position_mode("alice", PositionMode.HEDGE) is False
    with pytest.raises(SimRejected) as err:
        ex.place_order("alice", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("90"))
    assert err.value.reason is RejectReason.POSITION_SIDE_MISMATCH
    trade(ex, "alice", "bob", "1", "100", position_side=PositionSide.LONG)
    ex.place_order("carol", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("100"))
    ex.place_order("alice", SYMBOL, Side.SELL, OrderType.MARKET, D("1"), position_side=PositionSide.SHORT)
    legs = {p.position_side: p for p in ex.positions("alice")}
    assert legs[PositionSide.LONG].quantity == D("1") and legs[PositionSide.SHORT].quantity == D("-1")
    ex.place_order("dave", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("101"))
    ex.place_order("alice", SYMBOL, Side.SELL, OrderType.MARKET, D("1"), position_side=PositionSide.LONG)
    legs = {p.position_side: p for p in ex.positions("alice", include_empty=True)}
    assert legs[PositionSide.LONG].quantity == 0 and legs[PositionSide.LONG].realized_pnl == D("1")
    assert legs[PositionSide.SHORT].quantity == D("-1")
    with pytest.raises(SimRejected) as err:
        ex.place_order("alice", SYMBOL, Side.SELL, OrderType.MARKET, D("1"), position_side=PositionSide.LONG)
    assert err.value.reason is RejectReason.NO_POSITION
    with pytest.raises(SimRejected) as err:
        ex.set_position_mode("alice", PositionMode.ONE_WAY)
    assert err.value.reason is RejectReason.POSITION_EXISTS


def test_reduce_only(ex: Exchange) -> None:
    with pytest.raises(SimRejected) as err:
        ex.place_order("alice", SYMBOL, Side.SELL, OrderType.MARKET, D("1"), reduce_only=True)
    assert err.value.reason is RejectReason.REDUCE_ONLY_WOULD_INCREASE
    trade(ex, "alice", "bob", "1", "100")
    with pytest.raises(SimRejected) as err:
        ex.place_order("alice", SYMBOL, Side.BUY, OrderType.MARKET, D("1"), reduce_only=True)
    assert err.value.reason is RejectReason.REDUCE_ONLY_WOULD_INCREASE
    ex.place_order("carol", SYMBOL, Side.BUY, OrderType.LIMIT, D("5"), price=D("99"))
    order = ex.place_order("alice", SYMBOL, Side.SELL, OrderType.MARKET, D("3"), reduce_only=True)
    assert order.filled_qty == D("1") and order.status is OrderStatus.EXPIRED
    assert ex.positions("alice") == []


def test_resting_reduce_only_expires_when_position_closes(ex: Exchange) -> None:
    trade(ex, "alice", "bob", "1", "100")
    tp = ex.place_order("alice", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("110"), reduce_only=True)
    ex.place_order("carol", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("99"))
    ex.place_order("alice", SYMBOL, Side.SELL, OrderType.MARKET, D("1"))
    assert tp.status is OrderStatus.EXPIRED
    assert ex.book(SYMBOL).asks == []


def test_leverage_rules_and_margin(ex: Exchange) -> None:
    for bad in (0, 126):
        with pytest.raises(SimRejected) as err:
            ex.set_leverage("alice", SYMBOL, bad)
        assert err.value.reason is RejectReason.LEVERAGE_OUT_OF_RANGE
    assert ex.leverage("alice", SYMBOL) == 20
    ex.set_leverage("alice", SYMBOL, 10)
    trade(ex, "alice", "bob", "2", "100")
    ex.place_order("alice", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("90"))
    bal = ex.balance("alice")["USDT"]
    assert bal.position_margin == D("20") and bal.order_margin == D("9")
    assert bal.available == D("10000") - D("0.1") - D("20") - D("9")
    assert ex.positions("alice")[0].leverage == 10
    ex.set_leverage("alice", SYMBOL, 5)
    assert ex.balance("alice")["USDT"].position_margin == D("40")
    ex.set_leverage("alice", SYMBOL, 7, PositionSide.SHORT)
    assert ex.leverage("alice", SYMBOL, PositionSide.SHORT) == 7
    assert ex.leverage("alice", SYMBOL, PositionSide.LONG) == 5


def test_margin_mode_rules_and_isolated_margin(ex: Exchange) -> None:
    ex.place_order("alice", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("90"))
    with pytest.raises(SimRejected) as err:
        ex.set_margin_mode("alice", SYMBOL, MarginMode.ISOLATED)
    assert err.value.reason is RejectReason.OPEN_ORDERS_EXIST
    ex.cancel_all("alice")
    assert ex.set_margin_mode("alice", SYMBOL, MarginMode.ISOLATED) is True
    assert ex.set_margin_mode("alice", SYMBOL, MarginMode.ISOLATED) is False
    ex.set_leverage("alice", SYMBOL, 10)
    trade(ex, "alice", "bob", "2", "100")
    pos = ex.positions("alice")[0]
    assert pos.margin_mode is MarginMode.ISOLATED and pos.isolated_margin == D("20")
    expected_liq = ((D("200") - D("20")) / (D("2") * (1 - D("0.004")))).quantize(D("0.1"))
    assert pos.liquidation_price == expected_liq
    with pytest.raises(SimRejected) as err:
        ex.set_margin_mode("alice", SYMBOL, MarginMode.CROSS)
    assert err.value.reason is RejectReason.POSITION_EXISTS
    assert ex.adjust_isolated_margin("alice", SYMBOL, PositionSide.BOTH, D("5"), add=True).isolated_margin == D("25")
    with pytest.raises(SimRejected) as err:
        ex.adjust_isolated_margin("alice", SYMBOL, PositionSide.BOTH, D("10"), add=False)
    assert err.value.reason is RejectReason.MARGIN_TOO_LOW
    assert ex.adjust_isolated_margin("alice", SYMBOL, PositionSide.BOTH, D("5"), add=False).isolated_margin == D("20")
    with pytest.raises(SimRejected) as err:
        ex.adjust_isolated_margin("bob", SYMBOL, PositionSide.BOTH, D("5"), add=True)
    assert err.value.reason is RejectReason.NOT_ISOLATED
    sell_to(ex, "alice", "carol", "1", "100")
    assert ex.positions("alice")[0].isolated_margin == D("10")


def test_close_position_and_close_all(ex: Exchange) -> None:
    ex.seed_book(SYMBOL, D("100"), levels=5, step=D("1"), qty=D("10"))
    ex.place_order("alice", SYMBOL, Side.BUY, OrderType.MARKET, D("2"))
    ex.place_order("bob", SYMBOL, Side.SELL, OrderType.MARKET, D("3"))
    closing = ex.close_position("alice", SYMBOL)
    assert len(closing) == 1 and closing[0].side is Side.SELL and closing[0].reduce_only
    assert closing[0].filled_qty == D("2")
    assert ex.positions("alice") == []
    with pytest.raises(SimRejected) as err:
        ex.close_position("alice", SYMBOL)
    assert err.value.reason is RejectReason.NO_POSITION
    orders = ex.close_all_positions("bob")
    assert [o.side for o in orders] == [Side.BUY] and ex.positions("bob") == []
    assert ex.close_all_positions("bob") == []


def test_close_position_stop_fires_for_whole_position(ex: Exchange) -> None:
    ex.seed_book(SYMBOL, D("100"), levels=5, step=D("1"), qty=D("10"))
    ex.place_order("alice", SYMBOL, Side.BUY, OrderType.MARKET, D("1.5"))
    stop = ex.place_order(
        "alice", SYMBOL, Side.SELL, OrderType.STOP_MARKET, None, trigger_price=D("95"), close_position=True
    )
    ex.set_mark_price(SYMBOL, D("94.9"))
    assert stop.quantity == D("1.5") and stop.status is OrderStatus.CLOSED
    assert ex.positions("alice") == []
