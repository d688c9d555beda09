"""Contract specification the engine validates and settles orders against."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..types.enums import InstrumentStatus


def is_multiple(value: Decimal, step: Decimal) -> bool:
    """True when `value` is an exact multiple of `step` (a zero step accepts everything)."""
    return step == 0 or value % step == 0


def decimals_of(step: Decimal) -> int:
    """Number of decimal places a tick or step implies, e.g. 0.010 -> 2."""
    exponent = step.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@dataclass(frozen=True)
class SimInstrument:
    """A perpetual contract; `symbol` is the venue-neutral engine key such as "BTC-USDT"."""

    symbol: str
    base: str
    quote: str
    settle: str
    tick_size: Decimal
    step_size: Decimal
    min_qty: Decimal
    min_notional: Decimal = Decimal(0)
    contract_size: Decimal = Decimal(1)
    max_leverage: int = 125
    maker_fee_rate: Decimal = Decimal("0.0002")
    taker_fee_rate: Decimal = Decimal("0.0005")
    maintenance_margin_rate: Decimal = Decimal("0.004")
    max_qty: Decimal | None = None
    status: InstrumentStatus = InstrumentStatus.TRADING

    @property
    def price_precision(self) -> int:
        return decimals_of(self.tick_size)

    @property
    def quantity_precision(self) -> int:
        return decimals_of(self.step_size)

    def notional(self, price: Decimal, quantity: Decimal) -> Decimal:
        """Quote value of `quantity` contracts at `price`."""
        return price * quantity * self.contract_size

    def round_price(self, price: Decimal) -> Decimal:
        """Round down to the tick grid (used to place seeded liquidity on valid prices)."""
        return (price // self.tick_size) * self.tick_size
