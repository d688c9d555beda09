"""Instruments, mark prices, seeded liquidity, public trades and funding."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any, NamedTuple

from ..types.enums import MarginMode, OrderType, Side
from .accounts import FUTURES_WALLET
from .book import OrderBook
from .core import FundingState
from .errors import RejectReason, SimRejected
from .events import BalanceEvent, FundingEvent, MarkPriceEvent, TradeEvent
from .income import IncomeType, SimIncome
from .instruments import SimInstrument
from .orders import SimOrder
from .positions import PositionsMixin

MM_BALANCE = Decimal(10) ** 15


class BookView(NamedTuple):
    bids: list[tuple[Decimal, Decimal]]
    asks: list[tuple[Decimal, Decimal]]


class MarketMixin(PositionsMixin):
    """Market-wide state: the instrument list, marks, books, trade prints and funding."""

    def add_instrument(self, inst: SimInstrument) -> None:
        self._instruments[inst.symbol] = inst
        self._books.setdefault(inst.symbol, OrderBook(inst.symbol))
        if inst.symbol not in self._funding:
            now = self.now_ms()
            state = FundingState()
            state.next_funding_ms = now - now % state.interval_ms + state.interval_ms
            self._funding[inst.symbol] = state

    def update_instrument(self, symbol: str, **changes: Any) -> SimInstrument:
        """Replace fields of an instrument, e.g. `status=InstrumentStatus.HALTED`."""
        inst = dataclasses.replace(self._inst(symbol), **changes)
        self._instruments[symbol] = inst
        return inst

    def instruments(self) -> list[SimInstrument]:
        return list(self._instruments.values())

    def instrument(self, symbol: str) -> SimInstrument:
        return self._inst(symbol)

    def set_mark_price(self, symbol: str, price: Decimal) -> list[SimOrder]:
        """Move the mark, publish it, and fire stops/take-profits it crossed; returns the fired orders."""
        self._inst(symbol)
        if price <= 0:
            raise SimRejected(RejectReason.INVALID_PRICE, "mark price must be positive")
        self._marks[symbol] = price
        funding = self._funding[symbol]
        self._emit(MarkPriceEvent(self.now_ms(), symbol, price, funding.rate, funding.next_funding_ms))
        return self.check_triggers(symbol)

    def seed_book(
        self,
        symbol: str,
        mid: Decimal,
        levels: int = 10,
        *,
        step: Decimal | None = None,
        qty: Decimal | None = None,
        account_id: str = "mm",
        replace: bool = True,
    ) -> list[SimOrder]:
        """Rest `levels` bids below and asks above `mid` from a richly funded market-maker account."""
        inst = self._inst(symbol)
        step = step or inst.tick_size
        qty = qty or max(inst.min_qty, inst.step_size) * 100
        mid = inst.round_price(mid)
        if account_id not in self._accounts:
            self.create_account(account_id, {inst.settle: MM_BALANCE})
        if replace:
            for order in self._acct(account_id).open_orders(symbol):
                self.cancel_order(account_id, symbol, order.order_id)
        self.set_leverage(account_id, symbol, inst.max_leverage)
        if symbol not in self._marks:
            self._marks[symbol] = mid
        placed = []
        for i in range(1, levels + 1):
            for side, price in ((Side.BUY, mid - step * i), (Side.SELL, mid + step * i)):
                if price > 0:
                    placed.append(self.place_order(account_id, symbol, side, OrderType.LIMIT, qty, price=price))
        return placed

    def book(self, symbol: str, depth: int | None = None) -> BookView:
        """Aggregated levels, best first: `bids, asks = ex.book(symbol, 5)`."""
        self._inst(symbol)
        bids, asks = self._books[symbol].depth(depth)
        return BookView(bids, asks)

    def best_bid_ask(self, symbol: str) -> tuple[Decimal | None, Decimal | None]:
        book = self._books[self._inst(symbol).symbol]
        return book.best_bid(), book.best_ask()

    def recent_trades(self, symbol: str, limit: int | None = None) -> list[TradeEvent]:
        """Public trade prints, oldest first."""
        trades = list(self._trades.get(self._inst(symbol).symbol, ()))
        return trades[-limit:] if limit else trades

    def funding_rate(self, symbol: str) -> Decimal:
        self._inst(symbol)
        return self._funding[symbol].rate

    def next_funding_ms(self, symbol: str) -> int:
        self._inst(symbol)
        return self._funding[symbol].next_funding_ms

    def set_funding_rate(
        self, symbol: str, rate: Decimal, next_funding_ms: int | None = None, interval_ms: int | None = None
    ) -> None:
        self._inst(symbol)
        state = self._funding[symbol]
        state.rate = rate
        if next_funding_ms is not None:
            state.next_funding_ms = next_funding_ms
        if interval_ms is not None:
            state.interval_ms = interval_ms

    def funding_history(self, symbol: str) -> list[tuple[int, Decimal, Decimal]]:
        """(time ms, rate, mark price) of each settlement, oldest first."""
        self._inst(symbol)
        return list(self._funding_history.get(symbol, []))

    def settle_funding(self, symbol: str, rate: Decimal | None = None) -> list[SimIncome]:
        """Charge longs and credit shorts (positive rate) `size * mark * contract_size * rate`."""
        inst = self._inst(symbol)
        state = self._funding[symbol]
        rate = state.rate if rate is None else rate
        mark = self.mark_price(symbol)
        ts = self.now_ms()
        entries = []
        for acct in self._accounts.values():
            for pos in acct.live_positions(symbol):
                payment = -(pos.quantity * mark * inst.contract_size * rate)
                if payment == 0:
                    continue
                balance = acct.credit(inst.settle, payment)
                if pos.margin_mode is MarginMode.ISOLATED:
                    pos.isolated_margin = max(Decimal(0), pos.isolated_margin + payment)
                entries.append(self._record_income(acct, symbol, IncomeType.FUNDING_FEE, payment, inst.settle))
                self._emit(
                    BalanceEvent(ts, acct.account_id, FUTURES_WALLET, inst.settle, balance, payment, "FUNDING_FEE")
                )
                self._emit_position(acct, pos, "FUNDING_FEE")
        self._funding_history.setdefault(symbol, []).append((ts, rate, mark))
        state.next_funding_ms = max(state.next_funding_ms, ts - ts % state.interval_ms) + state.interval_ms
        self._emit(FundingEvent(ts, symbol, rate, mark))
        return entries
