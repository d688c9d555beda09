"""Exactly-once account events: duplicates, reordering and REST replays of known states are withheld; a
push stamped older than the last delivered one (position, balance) is late and withheld."""

from __future__ import annotations

from decimal import Decimal as D

from venuekit.core.streams import AccountDeduper, BalanceUpdate, ExecType, FillUpdate, OrderUpdate, PositionUpdate
from venuekit.core.types import Fill, Order, OrderStatus, OrderType, Position, Side


def order(status: OrderStatus, filled: str, t: int) -> OrderUpdate:
    o = Order(venue="v", id="1", symbol="S", side=Side.BUY, type=OrderType.LIMIT, amount=D(2), filled=D(filled),
              status=status, updated_at=t)
    return OrderUpdate(venue="v", order=o, exec_type=ExecType.NEW, timestamp=t)


def test_orders_only_move_forward() -> None:
    dedup = AccountDeduper()
    new, part = order(OrderStatus.OPEN, "0", 1), order(OrderStatus.OPEN, "1", 2)
    done = order(OrderStatus.CLOSED, "2", 3)
    assert [dedup.accept(e) for e in (new, new, done, part, new)] == [True, False, True, False, False]
    assert dedup.suppressed == 3


def test_fills_once_per_id_and_balances_on_change() -> None:
    dedup = AccountDeduper()
    fill = Fill(venue="v", id="7", order_id="1", symbol="S", side=Side.BUY, price=D(1), amount=D(1), timestamp=1)
    update = FillUpdate(venue="v", fill=fill, timestamp=1)
    assert dedup.accept(update) and not dedup.accept(update.model_copy(update={"replayed": True}))
    bal = BalanceUpdate(venue="v", asset="USDT", wallet_balance=D("10.0"), timestamp=1)
    assert dedup.accept(bal)
    assert not dedup.accept(bal.model_copy(update={"wallet_balance": D("10.00000000")}))
    assert dedup.accept(bal.model_copy(update={"wallet_balance": D("9")}))


def position(size: str, version: int | None, *, replayed: bool = False) -> PositionUpdate:
    p = Position(venue="v", symbol="S", side=Side.BUY, size=D(size), entry_price=D(100))
    return PositionUpdate(venue="v", position=p, timestamp=version or 0, version=version, replayed=replayed)


def test_a_late_position_push_is_withheld() -> None:
    dedup = AccountDeduper()
    one, two, three = position("1", 100), position("2", 200), position("3", 300)
    assert [dedup.accept(e) for e in (one, two, one)] == [True, True, False]
    assert not dedup.accept(position("2", 200))  # a duplicate of the newest
    rest = position("3", None, replayed=True)  # a REST row without an update time: state decides
    assert dedup.accept(rest)
    assert not dedup.accept(position("1", 150))  # older than the last stamp, even after an unstamped row
    assert not dedup.accept(three)  # same state as the REST row
    assert dedup.accept(position("4", 300))  # same stamp, new state: delivered
    assert dedup.suppressed == 4


def test_a_late_balance_push_is_withheld() -> None:
    dedup = AccountDeduper()
    bal = BalanceUpdate(venue="v", asset="USDT", wallet_balance=D("10"), timestamp=1, version=1)
    newer = bal.model_copy(update={"wallet_balance": D("9"), "version": 2})
    assert dedup.accept(bal) and dedup.accept(newer)
    assert not dedup.accept(bal)
    assert dedup.accept(bal.model_copy(update={"version": 3}))
    unstamped = BalanceUpdate(venue="v", asset="BTC", wallet_balance=D("1"), timestamp=1)
    assert dedup.accept(unstamped) and dedup.accept(unstamped.model_copy(update={"wallet_balance": D("2")}))
    assert dedup.accept(unstamped)  # no stamps: a change is a change
