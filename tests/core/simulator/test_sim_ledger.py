"""Funding, transfers, income, order queries, cancels, amends, events and deterministic ids."""

from __future__ import annotations

from decimal import Decimal

import pytest

from venuekit.core.simulator import (
    BalanceEvent,
    Exchange,
    ExecType,
    FillEvent,
    FundingEvent,
    IdGenerator,
    IncomeType,
    ManualClock,
    OrderEvent,
    RejectReason,
    SimEvent,
    SimRejected,
)
from venuekit.core.types.enums import OrderStatus, OrderType, Side

D = Decimal
SYMBOL = "BTC-USDT"


def open_pair(ex: Exchange, qty: str = "2", price: str = "100") -> None:
    """alice long, bob short, both at `price`."""
    ex.place_order("bob", SYMBOL, Side.SELL, OrderType.LIMIT, D(qty), price=D(price))
    ex.place_order("alice", SYMBOL, Side.BUY, OrderType.MARKET, D(qty))


def test_funding_settlement(ex: Exchange, clock: ManualClock) -> None:
    open_pair(ex)
    alice_before = ex.balance("alice")["USDT"].wallet_balance
    bob_before = ex.balance("bob")["USDT"].wallet_balance
    ex.set_funding_rate(SYMBOL, D("0.0001"))
    ex.set_mark_price(SYMBOL, D("110"))
    clock.advance(1000)
    entries = ex.settle_funding(SYMBOL)
    payment = D("2") * D("110") * D("0.0001")
    assert {(e.account_id, e.amount) for e in entries} == {("alice", -payment), ("bob", payment)}
    assert ex.balance("alice")["USDT"].wallet_balance == alice_before - payment
    assert ex.balance("bob")["USDT"].wallet_balance == bob_before + payment
    income = ex.income("alice", SYMBOL, IncomeType.FUNDING_FEE)
    assert len(income) == 1 and income[0].ts == clock.now_ms()
    ex.settle_funding(SYMBOL, D("-0.0002"))
    assert ex.income("alice", income_type=IncomeType.FUNDING_FEE)[-1].amount == D("2") * D("110") * D("0.0002")
    assert [(r, m) for _, r, m in ex.funding_history(SYMBOL)] == [(D("0.0001"), D("110")), (D("-0.0002"), D("110"))]
    assert ex.next_funding_ms(SYMBOL) > clock.now_ms()


def test_transfers_and_transfer_income(ex: Exchange) -> None:
    record = ex.transfer("alice", "USDT", D("100"), "futures", "spot")
    assert ex.balance("alice")["USDT"].wallet_balance == D("9900")
    assert ex.balance("alice", "spot")["USDT"].available == D("100")
    assert ex.income("alice", income_type=IncomeType.TRANSFER)[-1].amount == D("-100")
    with pytest.raises(SimRejected) as err:
        ex.transfer("alice", "USDT", D("101"), "spot", "fund")
    assert err.value.reason is RejectReason.INSUFFICIENT_BALANCE
    ex.transfer("alice", "USDT", D("40"), "spot", "fund", to_account="bob")
    assert ex.balance("bob", "fund")["USDT"].wallet_balance == D("40")
    assert ex.transfers("alice")[0] == record and len(ex.transfers("bob")) == 1
    ex.place_order("alice", SYMBOL, Side.BUY, OrderType.LIMIT, D("1900"), price=D("100"))
    assert ex.balance("alice")["USDT"].available == D("9900") - D("190000") / 20
    with pytest.raises(SimRejected):
        ex.transfer("alice", "USDT", D("400.1"), "futures", "spot")
    ex.transfer("alice", "USDT", D("400"), "futures", "spot")


def test_cancel_cancel_all_and_queries(ex: Exchange, clock: ManualClock) -> None:
    t0 = clock.now_ms()
    a = ex.place_order("alice", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("90"), client_order_id="a")
    clock.advance(10)
    b = ex.place_order("alice", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("91"))
    clock.advance(10)
    c = ex.place_order("alice", SYMBOL, Side.SELL, OrderType.STOP_MARKET, D("1"), trigger_price=D("80"))
    assert ex.open_orders("alice") == [a, b, c]
    assert ex.cancel_order("alice", SYMBOL, client_order_id="a") is a
    assert a.status is OrderStatus.CANCELED
    with pytest.raises(SimRejected) as err:
        ex.cancel_order("alice", SYMBOL, order_id=a.order_id)
    assert err.value.reason is RejectReason.ORDER_NOT_OPEN
    with pytest.raises(SimRejected) as err:
        ex.cancel_order("alice", SYMBOL, order_id="1")
    assert err.value.reason is RejectReason.ORDER_NOT_FOUND
    assert ex.cancel_all("alice", SYMBOL) == [b, c]
    assert ex.open_orders("alice") == [] and ex.book(SYMBOL) == ([], [])
    ex.set_mark_price(SYMBOL, D("79"))
    assert c.status is OrderStatus.CANCELED
    assert ex.orders("alice", start_ms=t0 + 5) == [b, c]
    assert ex.orders("alice", limit=1) == [c]
    assert ex.get_order("alice", order_id=b.order_id) is b


def test_amend_keeps_id_and_priority_rules(ex: Exchange) -> None:
    first = ex.place_order("alice", SYMBOL, Side.SELL, OrderType.LIMIT, D("2"), price=D("101"))
    second = ex.place_order("bob", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("101"))
    ex.amend_order("alice", SYMBOL, first.order_id, quantity=D("1"))
    ex.place_order("carol", SYMBOL, Side.BUY, OrderType.MARKET, D("1"))
    assert first.status is OrderStatus.CLOSED and second.is_open
    ex.amend_order("bob", SYMBOL, second.order_id, price=D("102"))
    third = ex.place_order("dave", SYMBOL, Side.SELL, OrderType.LIMIT, D("1"), price=D("102"))
    ex.amend_order("bob", SYMBOL, second.order_id, price=D("102.5"))
    ex.amend_order("bob", SYMBOL, second.order_id, price=D("102"))
    ex.place_order("carol", SYMBOL, Side.BUY, OrderType.MARKET, D("1"))
    assert third.status is OrderStatus.CLOSED and second.is_open and second.order_id == ex.orders("bob")[0].order_id
    ex.place_order("alice", SYMBOL, Side.BUY, OrderType.LIMIT, D("1"), price=D("100"))
    ex.amend_order("bob", SYMBOL, second.order_id, price=D("100"))
    assert second.status is OrderStatus.CLOSED and ex.fills("bob")[0].price == D("100")
    with pytest.raises(SimRejected) as err:
        ex.amend_order("bob", SYMBOL, second.order_id, quantity=D("3"))
    assert err.value.reason is RejectReason.ORDER_NOT_OPEN


def test_events_are_snapshots_and_cover_both_sides(ex: Exchange) -> None:
    seen: list[SimEvent] = []
    unsubscribe = ex.subscribe(seen.append)
    fills_only: list[SimEvent] = []
    ex.subscribe(fills_only.append, FillEvent)
    ex.subscribe(lambda e: 1 / 0)
    open_pair(ex, "1", "100")
    orders = [e for e in seen if isinstance(e, OrderEvent)]
    assert [(e.account_id, e.exec_type, e.order.status) for e in orders] == [
        ("bob", ExecType.NEW, OrderStatus.OPEN),
        ("alice", ExecType.NEW, OrderStatus.OPEN),
        ("bob", ExecType.TRADE, OrderStatus.CLOSED),
        ("alice", ExecType.TRADE, OrderStatus.CLOSED),
    ]
    assert orders[0].order.filled_qty == 0
    assert {e.account_id for e in fills_only if isinstance(e, FillEvent)} == {"alice", "bob"}
    assert all(isinstance(e, FillEvent) for e in fills_only)
    assert any(isinstance(e, BalanceEvent) and e.reason == "ORDER" for e in seen)
    assert len(ex.subscriber_errors) > 0
    unsubscribe()
    count = len(seen)
    ex.settle_funding(SYMBOL, D("0.001"))
    assert len(seen) == count
    assert isinstance(fills_only[-1], FillEvent)
    funding: list[SimEvent] = []
    ex.subscribe(funding.append, FundingEvent)
    ex.settle_funding(SYMBOL, D("0.001"))
    assert len(funding) == 1


def test_ids_deterministic_per_seed() -> None:
    a, b, c = IdGenerator(7), IdGenerator(7), IdGenerator(8)
    seq_a = [a.order_id() for _ in range(5)]
    assert seq_a == [b.order_id() for _ in range(5)]
    assert seq_a != [c.order_id() for _ in range(5)]
    assert all(len(i) == 19 and i.isdigit() for i in seq_a)
    assert [int(i) for i in seq_a] == sorted(int(i) for i in seq_a)


def test_exchange_replays_identically(instrument_factory: object) -> None:
    def run(seed: int) -> list[str]:
        ex = Exchange("x", clock=ManualClock(0), seed=seed)
        ex.add_instrument(instrument_factory())  # type: ignore[operator]
        ex.seed_book(SYMBOL, D("100"), levels=2, step=D("1"), qty=D("1"))
        ex.create_account("a", {"USDT": D("1000")})
        order = ex.place_order("a", SYMBOL, Side.BUY, OrderType.MARKET, D("1.5"))
        return [order.order_id, *(f.trade_id for f in ex.fills("a"))]

    assert run(3) == run(3)
    assert run(3) != run(4)


def test_market_motion_walks_marks_and_recentres_maker_books(ex: Exchange) -> None:
    from venuekit.core.simulator import MarketMotion

    ex.seed_book(SYMBOL, D("100"), levels=3, account_id="mm")
    motion = MarketMotion(ex, volatility_bps=50, seed=3)
    marks = []
    for _ in range(20):
        motion.step()
        marks.append(ex.mark_price(SYMBOL))
    assert len(set(marks)) > 1, "the mark moves"
    assert all(abs(m - D(100)) <= D(100) * D("0.005") * 20 for m in marks), "each step is bounded by 50 bps"
    bids, asks = ex.book(SYMBOL)
    assert bids[0][0] < marks[-1] < asks[0][0], "the maker book is centred on the new mark"
