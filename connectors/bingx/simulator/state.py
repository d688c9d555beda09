"""BingX-only state kept beside the engine: API keys, order extras, position ids and their histories."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from venuekit.core.simulator.engine import Exchange
from venuekit.core.simulator.events import FillEvent, PositionEvent, SimEvent
from venuekit.core.simulator.income import IncomeType
from venuekit.core.types.enums import MarginMode, PositionSide, Side

ZERO = Decimal(0)


@dataclass(frozen=True)
class ApiKey:
    secret: str
    account_id: str
    uid: str


@dataclass
class OrderExtra:
    """What BingX shows about an order that the engine does not model."""

    bx_type: str
    working_type: str = ""
    take_profit: str = ""
    stop_loss: str = ""
    price_rate: Decimal = ZERO
    leverage: int = 0
    position_id: str = ""
    main_order_id: str = ""
    brackets_done: bool = False


@dataclass
class PositionRecord:
    """One open-to-flat life of a position leg, for positionHistory and positionId lookups."""

    position_id: str
    account_id: str
    symbol: str
    leg: PositionSide
    direction: PositionSide
    open_ms: int
    isolated: bool = False
    leverage: int = 0
    entry: Decimal = ZERO
    max_qty: Decimal = ZERO
    close_qty: Decimal = ZERO
    close_notional: Decimal = ZERO
    realized: Decimal = ZERO
    commission: Decimal = ZERO
    funding: Decimal = ZERO
    update_ms: int = 0
    margin: Decimal = ZERO
    auto_add_margin: bool = False


@dataclass
class MarginRecord:
    symbol: str
    position_id: str
    reason: str
    change: Decimal
    after: Decimal
    ts: int


@dataclass
class AccountState:
    asset_mode: str = "singleAssetMode"
    cancel_after_ms: int | None = None
    vst_granted: Decimal = ZERO
    history: list[PositionRecord] = field(default_factory=list)
    margin_history: list[MarginRecord] = field(default_factory=list)
    inner_transfers: list[dict[str, Any]] = field(default_factory=list)


class BingXState:
    """Keys, per-order extras and position lifecycles, fed by the engine's synchronous events."""

    def __init__(self, exchange: Exchange, seed: int = 0) -> None:
        self.exchange = exchange
        self.keys: dict[str, ApiKey] = {}
        self.extras: dict[str, OrderExtra] = {}
        self.accounts: dict[str, AccountState] = {}
        self.open_positions: dict[tuple[str, str, PositionSide], PositionRecord] = {}
        rng = random.Random(f"bingx-position:{seed}")
        self._position_seq = 1_850_000_000_000_000_000 + rng.randrange(10**16)
        self._uid_seq = 1_000_000_000 + rng.randrange(10**8)
        self._record_seq = 10_000 + rng.randrange(10**4)
        self.pending_brackets: list[tuple[str, str]] = []
        exchange.subscribe(self._on_event, FillEvent, PositionEvent)

    def new_position_id(self) -> str:
        self._position_seq += 1 + self._position_seq % 997
        return str(self._position_seq)

    def new_uid(self) -> str:
        self._uid_seq += 7
        return str(self._uid_seq)

    def new_record_id(self) -> int:
        self._record_seq += 1
        return self._record_seq

    def account(self, account_id: str) -> AccountState:
        return self.accounts.setdefault(account_id, AccountState())

    def extra(self, order_id: str, default_type: str = "") -> OrderExtra:
        return self.extras.setdefault(order_id, OrderExtra(bx_type=default_type))

    def record_for(self, account_id: str, symbol: str, leg: PositionSide) -> PositionRecord | None:
        return self.open_positions.get((account_id, symbol, leg))

    def find_position(self, account_id: str, position_id: str) -> PositionRecord | None:
        for rec in self.open_positions.values():
            if rec.account_id == account_id and rec.position_id == position_id:
                return rec
        return None

    def _on_event(self, event: SimEvent) -> None:
        if isinstance(event, FillEvent):
            self._on_fill(event)
        elif isinstance(event, PositionEvent):
            self._on_position(event)

    def _open(
        self, account_id: str, symbol: str, leg: PositionSide, direction: PositionSide, ts: int
    ) -> PositionRecord:
        rec = PositionRecord(self.new_position_id(), account_id, symbol, leg, direction, ts, update_ms=ts)
        self.open_positions[(account_id, symbol, leg)] = rec
        return rec

    def _on_fill(self, event: FillEvent) -> None:
        fill = event.fill
        key = (fill.account_id, fill.symbol, fill.position_side)
        rec = self.open_positions.get(key)
        if rec is None:
            direction = PositionSide.LONG if fill.side is Side.BUY else PositionSide.SHORT
            rec = self._open(fill.account_id, fill.symbol, fill.position_side, direction, fill.ts)
        rec.commission -= fill.fee
        rec.realized += fill.realized_pnl
        closing = (rec.direction is PositionSide.LONG) == (fill.side is Side.SELL)
        if closing:
            rec.close_qty += fill.quantity
            rec.close_notional += fill.quantity * fill.price
        extra = self.extras.get(fill.order_id)
        if extra is not None and not extra.position_id:
            extra.position_id = rec.position_id

    def _on_position(self, event: PositionEvent) -> None:
        view = event.position
        key = (view.account_id, view.symbol, view.position_side)
        rec = self.open_positions.get(key)
        if rec is None:
            return
        rec.update_ms = event.ts
        rec.leverage = view.leverage
        rec.isolated = view.margin_mode is MarginMode.ISOLATED
        if rec.isolated and view.isolated_margin != rec.margin:
            self._margin_change(rec, event.reason, view.isolated_margin, event.ts)
        if view.quantity != 0:
            rec.entry = view.entry_price
            rec.max_qty = max(rec.max_qty, view.size)
        flipped = view.direction is not None and view.direction is not rec.direction
        if view.quantity == 0 or flipped:
            self._finish(rec, event.ts)
            if flipped and view.direction is not None:
                new = self._open(view.account_id, view.symbol, view.position_side, view.direction, event.ts)
                new.entry, new.max_qty, new.leverage = view.entry_price, view.size, view.leverage

    def _margin_change(self, rec: PositionRecord, cause: str, after: Decimal, ts: int) -> None:
        change = after - rec.margin
        if cause == "MARGIN_TRANSFER":
            reason = "AddMargin" if change > 0 else "ReduceMargin"
        elif cause == "FUNDING_FEE":
            reason = "FundingFee"
        else:
            reason = "OpenPosition" if change > 0 else "ClosePosition"
        rec.margin = after
        self.account(rec.account_id).margin_history.append(
            MarginRecord(rec.symbol, rec.position_id, reason, change, after, ts)
        )

    def _finish(self, rec: PositionRecord, ts: int) -> None:
        self.open_positions.pop((rec.account_id, rec.symbol, rec.leg), None)
        rec.update_ms = ts
        rec.funding = sum(
            (
                i.amount
                for i in self.exchange.income(
                    rec.account_id, rec.symbol, IncomeType.FUNDING_FEE, start_ms=rec.open_ms, end_ms=ts
                )
            ),
            ZERO,
        )
        self.account(rec.account_id).history.append(rec)
