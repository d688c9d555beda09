"""Accounts: wallets per asset, positions with leverage and margin mode, per-account settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ..types.enums import MarginMode, PositionMode, PositionSide, Side
from .income import SimIncome, SimTransfer
from .orders import ZERO, SimFill, SimOrder

FUTURES_WALLET = "futures"


class CommissionRate(NamedTuple):
    maker: Decimal
    taker: Decimal


@dataclass
class SimPosition:
    """A position leg; `quantity` is signed (positive long, negative short), `cost` is size x entry."""

    symbol: str
    position_side: PositionSide
    margin_mode: MarginMode
    leverage: int
    quantity: Decimal = ZERO
    cost: Decimal = ZERO
    isolated_margin: Decimal = ZERO
    realized_pnl: Decimal = ZERO
    updated_ms: int = 0

    @property
    def size(self) -> Decimal:
        return abs(self.quantity)

    @property
    def entry_price(self) -> Decimal:
        """Average entry price (zero when flat)."""
        return self.cost / self.size if self.quantity else ZERO

    def apply_trade(self, side: Side, qty: Decimal, price: Decimal, contract_size: Decimal) -> tuple[Decimal, Decimal]:
        """Fold a trade into the leg; returns (realised PnL, quantity that opened new exposure).

        Tracking cost rather than the average keeps a full close exact to the last digit.
        """
        signed = qty if side is Side.BUY else -qty
        if self.quantity == 0 or (self.quantity > 0) == (signed > 0):
            self.cost += qty * price
            self.quantity += signed
            return ZERO, qty
        closed = min(qty, self.size)
        direction = 1 if self.quantity > 0 else -1
        released = self.cost if closed == self.size else self.cost * closed / self.size
        realised = (closed * price - released) * contract_size * direction
        if self.margin_mode is MarginMode.ISOLATED:
            self.isolated_margin -= self.isolated_margin * closed / self.size
        self.cost -= released
        self.quantity -= closed * direction
        self.realized_pnl += realised
        opened = qty - closed
        if self.quantity == 0:
            self.cost = ZERO
            self.isolated_margin = ZERO
        if opened > 0:
            self.quantity = -direction * opened
            self.cost = opened * price
        return realised, opened


@dataclass(frozen=True)
class PositionView:
    """A snapshot of one position leg valued at the mark price."""

    account_id: str
    symbol: str
    position_side: PositionSide
    quantity: Decimal
    entry_price: Decimal
    mark_price: Decimal
    unrealized_pnl: Decimal
    realized_pnl: Decimal
    leverage: int
    margin_mode: MarginMode
    isolated_margin: Decimal
    initial_margin: Decimal
    maintenance_margin: Decimal
    notional: Decimal
    liquidation_price: Decimal
    settle: str
    updated_ms: int

    @property
    def size(self) -> Decimal:
        return abs(self.quantity)

    @property
    def direction(self) -> PositionSide | None:
        """LONG or SHORT by sign, None when flat."""
        if self.quantity == 0:
            return None
        return PositionSide.LONG if self.quantity > 0 else PositionSide.SHORT


@dataclass(frozen=True)
class SimBalance:
    """Futures-style balance of one asset in one wallet."""

    asset: str
    wallet_balance: Decimal
    available: Decimal
    used_margin: Decimal
    position_margin: Decimal
    order_margin: Decimal
    unrealized_pnl: Decimal
    equity: Decimal


@dataclass
class SimAccount:
    """Everything one trader owns: wallets, settings, positions and history."""

    account_id: str
    wallets: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    position_mode: PositionMode = PositionMode.ONE_WAY
    leverages: dict[tuple[str, PositionSide], int] = field(default_factory=dict)
    margin_modes: dict[str, MarginMode] = field(default_factory=dict)
    commissions: dict[str | None, CommissionRate] = field(default_factory=dict)
    positions: dict[tuple[str, PositionSide], SimPosition] = field(default_factory=dict)
    orders: dict[str, SimOrder] = field(default_factory=dict)
    active: dict[str, SimOrder] = field(default_factory=dict)
    fills: list[SimFill] = field(default_factory=list)
    income: list[SimIncome] = field(default_factory=list)
    transfers: list[SimTransfer] = field(default_factory=list)

    def wallet(self, name: str = FUTURES_WALLET) -> dict[str, Decimal]:
        return self.wallets.setdefault(name, {})

    def credit(self, asset: str, amount: Decimal, wallet: str = FUTURES_WALLET) -> Decimal:
        """Add a signed amount to a wallet and return the new balance."""
        w = self.wallet(wallet)
        w[asset] = w.get(asset, ZERO) + amount
        return w[asset]

    def add_order(self, order: SimOrder) -> None:
        self.orders[order.order_id] = order
        self.active[order.order_id] = order

    def open_orders(self, symbol: str | None = None) -> list[SimOrder]:
        """Open orders oldest first; `active` is pruned lazily so history can grow without slowing this."""
        for order_id in [k for k, o in self.active.items() if not o.is_open]:
            del self.active[order_id]
        return [o for o in self.active.values() if symbol is None or o.symbol == symbol]

    def live_positions(self, symbol: str | None = None) -> list[SimPosition]:
        return [p for p in self.positions.values() if p.quantity != 0 and (symbol is None or p.symbol == symbol)]
