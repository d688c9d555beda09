"""BingX order pushes carry cumulative totals only (`z`, `ap`, `n`, `rp`), no last fill or trade id, so a
fill is the step between two successive states of one order. Its id is `<orderId>:<cumulative filled>`,
which REST reconciliation derives the same way from fillHistory (one push per trade), so a fill seen both
ways is delivered once.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from decimal import Decimal

from venuekit.core.numbers import format_decimal

ZERO = Decimal(0)


def fill_id(order_id: str, cumulative: Decimal) -> str:
    return f"{order_id}:{format_decimal(cumulative)}"


@dataclass(frozen=True)
class Progress:
    """An order's cumulative filled quantity, quote amount, fee (wire sign: negative = paid) and realised PnL."""

    filled: Decimal = ZERO
    quote: Decimal = ZERO
    fee: Decimal = ZERO
    pnl: Decimal = ZERO


@dataclass(frozen=True)
class Step:
    """What one push added: the fill's quantity, quote amount, fee and realised PnL."""

    cumulative: Decimal
    qty: Decimal
    quote: Decimal | None
    fee: Decimal | None
    pnl: Decimal | None


class FillTracker:
    """Last cumulative state per order (bounded LRU), fed by pushes and by reconciled REST orders."""

    def __init__(self, limit: int = 20_000) -> None:
        self.limit = limit
        self._orders: OrderedDict[str, Progress] = OrderedDict()

    def get(self, order_id: str) -> Progress | None:
        return self._orders.get(order_id)

    def _set(self, order_id: str, progress: Progress) -> None:
        self._orders[order_id] = progress
        self._orders.move_to_end(order_id)
        while len(self._orders) > self.limit:
            self._orders.popitem(last=False)

    def seed(self, order_id: str, progress: Progress) -> None:
        """A REST view of the order: kept only if it is further filled than what is known (never backwards)."""
        known = self._orders.get(order_id)
        if known is None or progress.filled > known.filled:
            self._set(order_id, progress)

    def advance(self, order_id: str, now: Progress, *, have_quote: bool = True, have_fee: bool = True,
                have_pnl: bool = True) -> Step | None:
        """Record `now`; the step since the last state when the filled quantity grew, else None."""
        before = self._orders.get(order_id) or Progress()
        if now.filled <= before.filled:
            return None
        self._set(order_id, now)
        return Step(
            cumulative=now.filled,
            qty=now.filled - before.filled,
            quote=now.quote - before.quote if have_quote else None,
            fee=now.fee - before.fee if have_fee else None,
            pnl=now.pnl - before.pnl if have_pnl else None,
        )
