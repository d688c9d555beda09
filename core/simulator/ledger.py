"""Money movements: accounts, deposits, transfers, fills into positions and wallets, income records."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

from ..types.enums import LiquidityRole, MarginMode
from .accounts import FUTURES_WALLET, CommissionRate, SimAccount
from .core import ExchangeCore
from .errors import RejectReason, SimRejected
from .events import BalanceEvent, FillEvent
from .income import IncomeType, SimIncome, SimTransfer
from .orders import ZERO, SimFill, SimOrder

T = TypeVar("T")


def window(
    items: Iterable[T], ts: Callable[[T], int], start_ms: int | None, end_ms: int | None, limit: int | None
) -> list[T]:
    """Items within [start_ms, end_ms], oldest first, keeping the newest `limit`."""
    out = [i for i in items if (start_ms is None or ts(i) >= start_ms) and (end_ms is None or ts(i) <= end_ms)]
    return out[-limit:] if limit is not None and limit > 0 else out


class LedgerMixin(ExchangeCore):
    """Account creation, funds movement and the bookkeeping of each fill."""

    def create_account(self, account_id: str, balances: dict[str, Decimal] | None = None) -> SimAccount:
        """Create (or fetch) an account and deposit `balances` into its futures wallet."""
        acct = self._accounts.setdefault(account_id, SimAccount(account_id))
        acct.wallet(FUTURES_WALLET)
        for asset, amount in (balances or {}).items():
            self.deposit(account_id, asset, amount)
        return acct

    def account(self, account_id: str) -> SimAccount:
        return self._acct(account_id)

    def account_ids(self) -> list[str]:
        return list(self._accounts)

    def deposit(self, account_id: str, asset: str, amount: Decimal, wallet: str = FUTURES_WALLET) -> Decimal:
        """Credit funds from outside; recorded as TRANSFER income when it lands in the futures wallet."""
        acct = self._acct(account_id)
        if amount <= 0:
            raise SimRejected(RejectReason.INVALID_AMOUNT, "deposit must be positive")
        balance = acct.credit(asset, amount, wallet)
        if wallet == FUTURES_WALLET:
            self._record_income(acct, "", IncomeType.TRANSFER, amount, asset, info="DEPOSIT")
        self._emit(BalanceEvent(self.now_ms(), account_id, wallet, asset, balance, amount, "DEPOSIT"))
        return balance

    def set_commission_rate(self, account_id: str, maker: Decimal, taker: Decimal, symbol: str | None = None) -> None:
        """Override fee rates for one account, for one symbol or (symbol=None) all of them."""
        self._acct(account_id).commissions[symbol] = CommissionRate(maker, taker)

    def _spendable(self, acct: SimAccount, asset: str, wallet: str) -> Decimal:
        if wallet == FUTURES_WALLET:
            return min(self._available(acct, asset), acct.wallet(wallet).get(asset, ZERO))
        return acct.wallet(wallet).get(asset, ZERO)

    def transfer(
        self,
        account_id: str,
        asset: str,
        amount: Decimal,
        from_wallet: str,
        to_wallet: str,
        *,
        to_account: str | None = None,
    ) -> SimTransfer:
        """Move funds between wallets (of the same account, or to `to_account`)."""
        src = self._acct(account_id)
        dst = self._acct(to_account) if to_account is not None else src
        if amount <= 0:
            raise SimRejected(RejectReason.INVALID_AMOUNT, "transfer amount must be positive")
        if self._spendable(src, asset, from_wallet) < amount:
            raise SimRejected(RejectReason.INSUFFICIENT_BALANCE, f"not enough {asset} in {from_wallet}")
        ts = self.now_ms()
        record = SimTransfer(
            self.ids.record_id(), src.account_id, dst.account_id, asset, amount, from_wallet, to_wallet, ts
        )
        for acct, wallet, change in ((src, from_wallet, -amount), (dst, to_wallet, amount)):
            balance = acct.credit(asset, change, wallet)
            if wallet == FUTURES_WALLET:
                self._record_income(acct, "", IncomeType.TRANSFER, change, asset, info=record.transfer_id)
            self._emit(BalanceEvent(ts, acct.account_id, wallet, asset, balance, change, "TRANSFER"))
        src.transfers.append(record)
        if dst is not src:
            dst.transfers.append(record)
        return record

    def transfers(
        self, account_id: str, start_ms: int | None = None, end_ms: int | None = None, limit: int | None = None
    ) -> list[SimTransfer]:
        return window(self._acct(account_id).transfers, lambda t: t.ts, start_ms, end_ms, limit)

    def income(
        self,
        account_id: str,
        symbol: str | None = None,
        income_type: IncomeType | None = None,
        *,
        start_ms: int | None = None,
        end_ms: int | None = None,
        limit: int | None = None,
    ) -> list[SimIncome]:
        """Income history, oldest first; `limit` keeps the newest entries."""
        rows = (
            i
            for i in self._acct(account_id).income
            if (symbol is None or i.symbol == symbol) and (income_type is None or i.income_type is income_type)
        )
        return window(rows, lambda i: i.ts, start_ms, end_ms, limit)

    def fills(
        self,
        account_id: str,
        symbol: str | None = None,
        order_id: str | None = None,
        *,
        start_ms: int | None = None,
        end_ms: int | None = None,
        limit: int | None = None,
    ) -> list[SimFill]:
        """The account's own trades, oldest first; `limit` keeps the newest."""
        rows = (
            f
            for f in self._acct(account_id).fills
            if (symbol is None or f.symbol == symbol) and (order_id is None or f.order_id == order_id)
        )
        return window(rows, lambda f: f.ts, start_ms, end_ms, limit)

    def _record_income(
        self,
        acct: SimAccount,
        symbol: str,
        income_type: IncomeType,
        amount: Decimal,
        asset: str,
        *,
        info: str = "",
        trade_id: str = "",
    ) -> SimIncome:
        entry = SimIncome(
            self.ids.record_id(), acct.account_id, symbol, income_type, amount, asset, self.now_ms(), info, trade_id
        )
        acct.income.append(entry)
        return entry

    def _apply_fill(self, order: SimOrder, price: Decimal, qty: Decimal, role: LiquidityRole, trade_id: str) -> SimFill:
        """Book one side of a trade: fee, position change, realised PnL, wallet and order totals."""
        acct, inst = self._acct(order.account_id), self._inst(order.symbol)
        ts = self.now_ms()
        rates = self.commission_rate(acct.account_id, inst.symbol)
        notional = inst.notional(price, qty)
        fee = notional * (rates.maker if role is LiquidityRole.MAKER else rates.taker)
        pos = self._position(acct, inst.symbol, order.position_side)
        realised, opened = pos.apply_trade(order.side, qty, price, inst.contract_size)
        if opened > 0 and pos.margin_mode is MarginMode.ISOLATED:
            pos.isolated_margin += inst.notional(price, opened) / pos.leverage
        pos.updated_ms = ts
        balance = acct.credit(inst.settle, realised - fee)
        if fee != 0:
            self._record_income(acct, inst.symbol, IncomeType.COMMISSION, -fee, inst.settle, trade_id=trade_id)
        if realised != 0:
            self._record_income(acct, inst.symbol, IncomeType.REALIZED_PNL, realised, inst.settle, trade_id=trade_id)
        order.avg_price = (order.avg_price * order.filled_qty + price * qty) / (order.filled_qty + qty)
        order.filled_qty += qty
        order.cum_quote += notional
        order.fee += fee
        order.fee_asset = inst.settle
        order.realized_pnl += realised
        order.updated_ms = ts
        fill = SimFill(
            trade_id=trade_id,
            order_id=order.order_id,
            client_order_id=order.client_order_id,
            account_id=acct.account_id,
            symbol=inst.symbol,
            side=order.side,
            position_side=pos.position_side,
            price=price,
            quantity=qty,
            quote_qty=notional,
            fee=fee,
            fee_asset=inst.settle,
            role=role,
            realized_pnl=realised,
            ts=ts,
        )
        acct.fills.append(fill)
        self._emit(FillEvent(ts, acct.account_id, fill))
        self._emit(BalanceEvent(ts, acct.account_id, FUTURES_WALLET, inst.settle, balance, realised - fee, "ORDER"))
        self._emit_position(acct, pos, "ORDER")
        return fill
