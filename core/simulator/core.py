"""Engine state, lookups and valuation (positions at mark, balances) shared by the Exchange mixins."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..types.enums import MarginMode, PositionMode, PositionSide, Side
from .accounts import (
    FUTURES_WALLET,
    CommissionRate,
    PositionView,
    SimAccount,
    SimBalance,
    SimPosition,
)
from .book import OrderBook
from .clock import SimClock, WallClock
from .errors import RejectReason, SimRejected
from .events import EventBus, PositionEvent, SimEvent, Subscriber, TradeEvent
from .ids import IdGenerator
from .instruments import SimInstrument
from .orders import ZERO, SimOrder

EIGHT_HOURS_MS = 8 * 3600 * 1000


@dataclass
class FundingState:
    rate: Decimal = ZERO
    next_funding_ms: int = 0
    interval_ms: int = EIGHT_HOURS_MS


class ExchangeCore:
    """State and read-side helpers; trading, ledger and market behaviour live in the mixins."""

    def __init__(self, venue: str, *, clock: SimClock | None = None, seed: int = 0) -> None:
        self.venue = venue
        self.clock: SimClock = clock or WallClock()
        self.ids = IdGenerator(seed)
        self.default_leverage = 20
        self.post_only_reject = True
        self.reject_immediate_trigger = True
        self.unique_client_ids_forever = False
        self.trade_history_size = 1000
        self._instruments: dict[str, SimInstrument] = {}
        self._books: dict[str, OrderBook] = {}
        self._marks: dict[str, Decimal] = {}
        self._last: dict[str, Decimal] = {}
        self._funding: dict[str, FundingState] = {}
        self._funding_history: dict[str, list[tuple[int, Decimal, Decimal]]] = {}
        self._trades: dict[str, deque[TradeEvent]] = {}
        self._accounts: dict[str, SimAccount] = {}
        self._conditional: dict[str, list[SimOrder]] = {}
        self._bus = EventBus()

    def now_ms(self) -> int:
        return self.clock.now_ms()

    def subscribe(self, callback: Subscriber, *types: type) -> Callable[[], None]:
        """Receive engine events synchronously; pass event classes to filter. Returns an unsubscribe."""
        return self._bus.subscribe(callback, *types)

    @property
    def subscriber_errors(self) -> list[BaseException]:
        return self._bus.errors

    def _emit(self, event: SimEvent) -> None:
        self._bus.publish(event)

    def _inst(self, symbol: str) -> SimInstrument:
        inst = self._instruments.get(symbol)
        if inst is None:
            raise SimRejected(RejectReason.UNKNOWN_SYMBOL, f"unknown symbol {symbol}")
        return inst

    def _acct(self, account_id: str) -> SimAccount:
        acct = self._accounts.get(account_id)
        if acct is None:
            raise SimRejected(RejectReason.UNKNOWN_ACCOUNT, f"unknown account {account_id}")
        return acct

    def has_account(self, account_id: str) -> bool:
        return account_id in self._accounts

    def mark_price(self, symbol: str) -> Decimal:
        """Mark price; falls back to the last trade, then the book mid, then zero."""
        self._inst(symbol)
        mark = self._marks.get(symbol) or self._last.get(symbol) or self._books[symbol].mid()
        return mark if mark is not None else ZERO

    def last_price(self, symbol: str) -> Decimal | None:
        self._inst(symbol)
        return self._last.get(symbol)

    def _leg(self, acct: SimAccount, position_side: PositionSide) -> PositionSide:
        return PositionSide.BOTH if acct.position_mode is PositionMode.ONE_WAY else position_side

    def _leverage_of(self, acct: SimAccount, symbol: str, position_side: PositionSide) -> int:
        key_side = PositionSide.SHORT if position_side is PositionSide.SHORT else PositionSide.LONG
        default = min(self.default_leverage, self._inst(symbol).max_leverage)
        return acct.leverages.get((symbol, key_side), default)

    def _margin_mode_of(self, acct: SimAccount, symbol: str) -> MarginMode:
        return acct.margin_modes.get(symbol, MarginMode.CROSS)

    def commission_rate(self, account_id: str, symbol: str) -> CommissionRate:
        """The account's maker/taker rates: symbol override, account override, else the instrument's."""
        acct, inst = self._acct(account_id), self._inst(symbol)
        rate = acct.commissions.get(symbol) or acct.commissions.get(None)
        return rate or CommissionRate(inst.maker_fee_rate, inst.taker_fee_rate)

    def _position(self, acct: SimAccount, symbol: str, position_side: PositionSide) -> SimPosition:
        leg = self._leg(acct, position_side)
        pos = acct.positions.get((symbol, leg))
        if pos is None:
            pos = SimPosition(
                symbol=symbol,
                position_side=leg,
                margin_mode=self._margin_mode_of(acct, symbol),
                leverage=self._leverage_of(acct, symbol, leg),
            )
            acct.positions[(symbol, leg)] = pos
        return pos

    def _opening_qty(self, acct: SimAccount, order: SimOrder, qty: Decimal) -> Decimal:
        """Part of `qty` that would add exposure rather than offset the current position."""
        if order.is_closing:
            return ZERO
        if acct.position_mode is PositionMode.HEDGE:
            return qty
        pos = acct.positions.get((order.symbol, PositionSide.BOTH))
        if pos is None or pos.quantity == 0 or (pos.quantity > 0) == (order.side is Side.BUY):
            return qty
        return max(ZERO, qty - pos.size)

    def _order_margin(self, acct: SimAccount, order: SimOrder) -> Decimal:
        if not order.is_open or order.is_untriggered or order.price is None:
            return ZERO
        inst = self._inst(order.symbol)
        lev = self._leverage_of(acct, order.symbol, order.position_side)
        return inst.notional(order.price, self._opening_qty(acct, order, order.remaining_qty)) / lev

    def _position_margin(self, pos: SimPosition, inst: SimInstrument) -> Decimal:
        if pos.margin_mode is MarginMode.ISOLATED:
            return pos.isolated_margin
        return inst.notional(pos.entry_price, pos.size) / pos.leverage

    def _upnl(self, pos: SimPosition, inst: SimInstrument) -> Decimal:
        if pos.quantity == 0:
            return ZERO
        return (self.mark_price(pos.symbol) - pos.entry_price) * pos.quantity * inst.contract_size

    def _totals(self, acct: SimAccount, asset: str, exclude: SimPosition | None = None) -> dict[str, Decimal]:
        pos_margin = order_margin = upnl = cross_upnl = ZERO
        for pos in acct.positions.values():
            inst = self._instruments[pos.symbol]
            if inst.settle != asset or pos.quantity == 0 or pos is exclude:
                continue
            pnl = self._upnl(pos, inst)
            pos_margin += self._position_margin(pos, inst)
            upnl += pnl
            if pos.margin_mode is MarginMode.CROSS:
                cross_upnl += pnl
        for order in acct.open_orders():
            if self._instruments[order.symbol].settle == asset:
                order_margin += self._order_margin(acct, order)
        wallet = acct.wallet(FUTURES_WALLET).get(asset, ZERO)
        return {
            "wallet": wallet,
            "position_margin": pos_margin,
            "order_margin": order_margin,
            "upnl": upnl,
            "available": wallet - pos_margin - order_margin + cross_upnl,
        }

    def _available(self, acct: SimAccount, asset: str) -> Decimal:
        """Free futures margin, possibly negative (used for margin checks)."""
        return self._totals(acct, asset)["available"]

    def balance(self, account_id: str, wallet: str = FUTURES_WALLET) -> dict[str, SimBalance]:
        """Per-asset balances of a wallet; only the futures wallet carries margin and PnL."""
        acct = self._acct(account_id)
        assets = list(acct.wallet(wallet))
        if wallet == FUTURES_WALLET:
            assets += [self._instruments[p.symbol].settle for p in acct.live_positions()]
        out: dict[str, SimBalance] = {}
        for asset in dict.fromkeys(assets):
            if wallet != FUTURES_WALLET:
                amount = acct.wallet(wallet).get(asset, ZERO)
                out[asset] = SimBalance(asset, amount, amount, ZERO, ZERO, ZERO, ZERO, amount)
                continue
            t = self._totals(acct, asset)
            out[asset] = SimBalance(
                asset=asset,
                wallet_balance=t["wallet"],
                available=max(ZERO, t["available"]),
                used_margin=t["position_margin"] + t["order_margin"],
                position_margin=t["position_margin"],
                order_margin=t["order_margin"],
                unrealized_pnl=t["upnl"],
                equity=t["wallet"] + t["upnl"],
            )
        return out

    def _view(self, acct: SimAccount, pos: SimPosition) -> PositionView:
        inst = self._instruments[pos.symbol]
        mark = self.mark_price(pos.symbol)
        notional = inst.notional(mark, pos.size)
        return PositionView(
            account_id=acct.account_id,
            symbol=pos.symbol,
            position_side=pos.position_side,
            quantity=pos.quantity,
            entry_price=pos.entry_price,
            mark_price=mark,
            unrealized_pnl=self._upnl(pos, inst),
            realized_pnl=pos.realized_pnl,
            leverage=pos.leverage,
            margin_mode=pos.margin_mode,
            isolated_margin=pos.isolated_margin,
            initial_margin=inst.notional(pos.entry_price, pos.size) / pos.leverage,
            maintenance_margin=notional * inst.maintenance_margin_rate,
            notional=notional,
            liquidation_price=self._liquidation_price(acct, pos, inst),
            settle=inst.settle,
            updated_ms=pos.updated_ms,
        )

    def _liquidation_price(self, acct: SimAccount, pos: SimPosition, inst: SimInstrument) -> Decimal:
        """Approximate: the price where the margin backing the leg equals maintenance margin."""
        if pos.quantity == 0:
            return ZERO
        if pos.margin_mode is MarginMode.ISOLATED:
            backing = pos.isolated_margin
        else:
            others = self._totals(acct, inst.settle, exclude=pos)
            backing = others["available"]
        units = pos.size * inst.contract_size
        mmr = inst.maintenance_margin_rate
        if pos.quantity > 0:
            price = (pos.entry_price * units - backing) / (units * (1 - mmr))
        else:
            price = (pos.entry_price * units + backing) / (units * (1 + mmr))
        return max(ZERO, price).quantize(inst.tick_size)

    def _emit_position(self, acct: SimAccount, pos: SimPosition, reason: str) -> None:
        self._emit(PositionEvent(self.now_ms(), acct.account_id, self._view(acct, pos), reason))
