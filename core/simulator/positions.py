"""Position queries and the per-account settings venues expose: leverage, margin mode, position mode."""

from __future__ import annotations

from decimal import Decimal

from ..types.enums import MarginMode, OrderType, PositionMode, PositionSide, Side
from .accounts import PositionView
from .errors import RejectReason, SimRejected
from .order_ops import OrderOpsMixin
from .orders import SimOrder


class PositionsMixin(OrderOpsMixin):
    """Read positions, change leverage and modes under venue-like rules, close positions."""

    def positions(self, account_id: str, symbol: str | None = None, include_empty: bool = False) -> list[PositionView]:
        """Position legs valued at mark; flat legs only when `include_empty`."""
        acct = self._acct(account_id)
        legs = acct.positions.values() if include_empty else acct.live_positions()
        return [self._view(acct, p) for p in legs if symbol is None or p.symbol == symbol]

    def position(self, account_id: str, symbol: str, position_side: PositionSide = PositionSide.BOTH) -> PositionView:
        """One leg, flat if never traded."""
        acct = self._acct(account_id)
        self._inst(symbol)
        return self._view(acct, self._position(acct, symbol, position_side))

    def leverage(self, account_id: str, symbol: str, position_side: PositionSide | None = None) -> int:
        return self._leverage_of(self._acct(account_id), symbol, position_side or PositionSide.LONG)

    def set_leverage(
        self, account_id: str, symbol: str, leverage: int, position_side: PositionSide | None = None
    ) -> int:
        """Set leverage for both legs (or one hedge leg); refused if cross margin would go negative."""
        acct, inst = self._acct(account_id), self._inst(symbol)
        if not 1 <= leverage <= inst.max_leverage:
            raise SimRejected(RejectReason.LEVERAGE_OUT_OF_RANGE, f"leverage must be 1..{inst.max_leverage}")
        sides = (
            [PositionSide.LONG, PositionSide.SHORT] if position_side in (None, PositionSide.BOTH) else [position_side]
        )
        before = dict(acct.leverages)
        before_pos = {k: p.leverage for k, p in acct.positions.items()}
        for side in sides:
            acct.leverages[(symbol, side)] = leverage
        for (sym, leg), pos in acct.positions.items():
            if sym == symbol and (leg is PositionSide.BOTH or leg in sides):
                pos.leverage = leverage
        if self._available(acct, inst.settle) < 0:
            acct.leverages = before
            for key, lev in before_pos.items():
                acct.positions[key].leverage = lev
            raise SimRejected(RejectReason.INSUFFICIENT_MARGIN, "not enough margin for this leverage")
        return leverage

    def margin_mode(self, account_id: str, symbol: str) -> MarginMode:
        self._inst(symbol)
        return self._margin_mode_of(self._acct(account_id), symbol)

    def set_margin_mode(self, account_id: str, symbol: str, mode: MarginMode) -> bool:
        """Switch cross/isolated; refused with a position or open order. Returns False if unchanged."""
        acct = self._acct(account_id)
        if self.margin_mode(account_id, symbol) is mode:
            return False
        if acct.live_positions(symbol):
            raise SimRejected(RejectReason.POSITION_EXISTS, "close the position before changing margin mode")
        if acct.open_orders(symbol):
            raise SimRejected(RejectReason.OPEN_ORDERS_EXIST, "cancel open orders before changing margin mode")
        acct.margin_modes[symbol] = mode
        for (sym, _), pos in acct.positions.items():
            if sym == symbol:
                pos.margin_mode = mode
        return True

    def position_mode(self, account_id: str) -> PositionMode:
        return self._acct(account_id).position_mode

    def set_position_mode(self, account_id: str, mode: PositionMode) -> bool:
        """Switch one-way/hedge; refused with any position or open order. Returns False if unchanged."""
        acct = self._acct(account_id)
        if acct.position_mode is mode:
            return False
        if acct.live_positions():
            raise SimRejected(RejectReason.POSITION_EXISTS, "close all positions before changing position mode")
        if acct.open_orders():
            raise SimRejected(RejectReason.OPEN_ORDERS_EXIST, "cancel all orders before changing position mode")
        acct.position_mode = mode
        acct.positions.clear()
        return True

    def adjust_isolated_margin(
        self, account_id: str, symbol: str, position_side: PositionSide, amount: Decimal, add: bool
    ) -> PositionView:
        """Add margin to, or remove it from, an isolated position (never below its initial margin)."""
        acct, inst = self._acct(account_id), self._inst(symbol)
        if amount <= 0:
            raise SimRejected(RejectReason.INVALID_AMOUNT, "amount must be positive")
        if self._margin_mode_of(acct, symbol) is not MarginMode.ISOLATED:
            raise SimRejected(RejectReason.NOT_ISOLATED, f"{symbol} is not in isolated mode")
        pos = acct.positions.get((symbol, self._leg(acct, position_side)))
        if pos is None or pos.quantity == 0:
            raise SimRejected(RejectReason.NO_POSITION, f"no {position_side.value} position on {symbol}")
        if add and amount > self._available(acct, inst.settle):
            raise SimRejected(RejectReason.INSUFFICIENT_MARGIN, "not enough available balance")
        initial = inst.notional(pos.entry_price, pos.size) / pos.leverage
        if not add and pos.isolated_margin - amount < initial:
            raise SimRejected(RejectReason.MARGIN_TOO_LOW, "cannot remove margin below the initial margin")
        pos.isolated_margin += amount if add else -amount
        pos.updated_ms = self.now_ms()
        self._emit_position(acct, pos, "MARGIN_TRANSFER")
        return self._view(acct, pos)

    def close_position(self, account_id: str, symbol: str, position_side: PositionSide | None = None) -> list[SimOrder]:
        """Flatten the symbol's legs (or one leg) with reduce-only market orders."""
        acct = self._acct(account_id)
        legs = [
            p
            for p in acct.live_positions(symbol)
            if position_side is None or position_side is PositionSide.BOTH or p.position_side is position_side
        ]
        if not legs:
            raise SimRejected(RejectReason.NO_POSITION, f"no position on {symbol}")
        return [self._close_leg(account_id, p.symbol, p.position_side, p.quantity) for p in legs]

    def close_all_positions(self, account_id: str) -> list[SimOrder]:
        """Flatten every position of the account; returns the closing orders (empty if flat)."""
        legs = self._acct(account_id).live_positions()
        return [self._close_leg(account_id, p.symbol, p.position_side, p.quantity) for p in legs]

    def _close_leg(self, account_id: str, symbol: str, leg: PositionSide, quantity: Decimal) -> SimOrder:
        side = Side.SELL if quantity > 0 else Side.BUY
        return self.place_order(
            account_id,
            symbol,
            side,
            OrderType.MARKET,
            abs(quantity),
            position_side=leg,
            reduce_only=leg is PositionSide.BOTH,
        )
