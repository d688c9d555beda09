"""`Instrument`: what a venue trades and the precision rules an order must satisfy."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field

from ..precision import quantize_to_step
from .base import FrozenModel
from .enums import InstrumentKind, InstrumentStatus


class Instrument(FrozenModel):
    """A tradable contract with its unified symbol (`BTC/USDT:USDT`) and venue symbol."""

    symbol: str
    venue_symbol: str
    venue: str
    base: str
    quote: str
    settle: str | None = None
    kind: InstrumentKind = InstrumentKind.SWAP
    tick_size: Decimal
    lot_step: Decimal
    min_qty: Decimal = Decimal(0)
    max_qty: Decimal | None = None
    min_notional: Decimal = Decimal(0)
    contract_size: Decimal = Decimal(1)
    max_leverage: Decimal | None = None
    maker_fee: Decimal | None = None
    taker_fee: Decimal | None = None
    status: InstrumentStatus = InstrumentStatus.TRADING
    metadata: dict[str, str] = Field(default_factory=dict)
    raw: Any = Field(default=None, repr=False, exclude=True)

    def quantize_price(self, price: Decimal, *, side_aware: str | None = None) -> Decimal:
        """Round a price to the tick (half-even, or down/up via `side_aware="down"|"up"`)."""
        return quantize_to_step(price, self.tick_size, mode=side_aware or "nearest")

    def quantize_amount(self, amount: Decimal) -> Decimal:
        """Round an amount down to the lot step, so a rounded order never exceeds what was asked."""
        return quantize_to_step(amount, self.lot_step, mode="down")
