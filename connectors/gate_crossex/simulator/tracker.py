"""Follows engine fills to give positions CrossEx ids, fee totals and close history, and orders their last fill."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from venuekit.core.simulator import Exchange, FillEvent, SimEvent, SimFill
from venuekit.core.types.enums import PositionMode, PositionSide, Side

from .markets import is_market_maker

ZERO = Decimal(0)


@dataclass
class PositionRecord:
    """One position's life from first open to flat; becomes a history row at its first reduction."""

    position_id: str
    account_id: str
    symbol: str
    side: PositionSide
    direction: str
    position_mode: str
    create_ms: int
    update_ms: int
    leverage: int
    open_avg_price: Decimal = ZERO
    max_qty: Decimal = ZERO
    fee: Decimal = ZERO
    interest: Decimal = ZERO
    closed_qty: Decimal = ZERO
    closed_value: Decimal = ZERO
    closed_pnl: Decimal = ZERO
    complete: bool = False

    @property
    def closed_avg_price(self) -> Decimal:
        return self.closed_value / self.closed_qty if self.closed_qty else ZERO


@dataclass
class PositionTracker:
    """Subscribe with `exchange.subscribe(tracker.on_event, FillEvent)`."""

    exchange: Exchange
    live: dict[tuple[str, str, PositionSide], PositionRecord] = field(default_factory=dict)
    history: list[PositionRecord] = field(default_factory=list)
    last_fill: dict[str, SimFill] = field(default_factory=dict)

    def on_event(self, event: SimEvent) -> None:
        if isinstance(event, FillEvent):
            self._on_fill(event.fill)

    def record(self, account_id: str, symbol: str, leg: PositionSide) -> PositionRecord | None:
        return self.live.get((account_id, symbol, leg))

    def _on_fill(self, fill: SimFill) -> None:
        self.last_fill[fill.order_id] = fill
        if not self.exchange.has_account(fill.account_id) or is_market_maker(fill.account_id):
            return
        view = self.exchange.position(fill.account_id, fill.symbol, fill.position_side)
        after = view.quantity
        signed = fill.quantity if fill.side is Side.BUY else -fill.quantity
        before = after - signed
        key = (fill.account_id, fill.symbol, fill.position_side)
        record = self.live.get(key)
        if record is None or before == 0:
            record = self._open(fill, view.leverage)
        record.fee += fill.fee
        record.update_ms = fill.ts
        closes = before != 0 and (before > 0) != (signed > 0)
        if closes:
            closed = min(fill.quantity, abs(before))
            if record.closed_qty == 0:
                self.history.append(record)
            record.closed_qty += closed
            record.closed_value += closed * fill.price
            record.closed_pnl += fill.realized_pnl
            flipped = after != 0 and (after > 0) != (before > 0)
            if after == 0 or flipped:
                record.complete = True
                del self.live[key]
            if flipped:
                fresh = self._open(fill, view.leverage)
                fresh.open_avg_price = view.entry_price
                fresh.max_qty = abs(after)
            return
        record.open_avg_price = view.entry_price
        record.max_qty = max(record.max_qty, abs(after))

    def _open(self, fill: SimFill, leverage: int) -> PositionRecord:
        mode = self.exchange.position_mode(fill.account_id)
        record = PositionRecord(
            position_id=self.exchange.ids.record_id(),
            account_id=fill.account_id,
            symbol=fill.symbol,
            side=fill.position_side,
            direction="LONG" if fill.side is Side.BUY else "SHORT",
            position_mode="DUAL" if mode is PositionMode.HEDGE else "SINGLE",
            create_ms=fill.ts,
            update_ms=fill.ts,
            leverage=leverage,
        )
        self.live[(fill.account_id, fill.symbol, fill.position_side)] = record
        return record
