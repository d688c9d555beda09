"""Exactly-once account events: duplicates, reordering and REST replays of known states are withheld."""

from __future__ import annotations

from decimal import Decimal as D

from venuekit.core.streams import AccountDeduper, BalanceUpdate, ExecType, FillUpdate, OrderUpdate
from venuekit.core.types import Fill, Order, OrderStatus, OrderType, Side


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
