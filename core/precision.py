"""Quantising prices and amounts to an instrument's tick and lot step, exactly in Decimal."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Literal

RoundingMode = Literal["nearest", "down", "up"]
_MODES = {"nearest": ROUND_HALF_EVEN, "down": ROUND_FLOOR, "up": ROUND_CEILING}


def quantize_to_step(value: Decimal, step: Decimal, *, mode: RoundingMode | str = "nearest") -> Decimal:
    """Round `value` to a multiple of `step` (steps like 0.5 or 25 work, not only powers of ten)."""
    if step <= 0:
        return value
    units = (value / step).quantize(Decimal(1), rounding=_MODES[mode])
    result = units * step
    exponent = step.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < 0:
        return result.quantize(Decimal(1).scaleb(exponent))
    return result.quantize(Decimal(1))


def is_multiple(value: Decimal, step: Decimal) -> bool:
    return step <= 0 or value % step == 0


def check_order_size(
    *,
    symbol: str,
    amount: Decimal,
    price: Decimal | None,
    lot_step: Decimal,
    tick_size: Decimal,
    min_qty: Decimal,
    min_notional: Decimal,
    contract_size: Decimal = Decimal(1),
) -> tuple[Decimal, Decimal | None]:
    """Quantise amount (down) and price (nearest) and reject what falls under the minimums, pre-wire."""
    from .errors import InvalidOrder

    if amount <= 0:
        raise InvalidOrder(f"{symbol}: amount must be positive, got {amount}")
    q_amount = quantize_to_step(amount, lot_step, mode="down")
    q_price = quantize_to_step(price, tick_size) if price is not None else None
    if q_price is not None and q_price <= 0:
        raise InvalidOrder(f"{symbol}: price {price} rounds to {q_price} at tick {tick_size}")
    if q_amount <= 0 or q_amount < min_qty:
        raise InvalidOrder(
            f"{symbol}: amount {amount} (rounded to {q_amount} at step {lot_step}) is below the minimum {min_qty}"
        )
    if q_price is not None and min_notional > 0 and q_amount * q_price * contract_size < min_notional:
        raise InvalidOrder(
            f"{symbol}: notional {q_amount * q_price * contract_size} is below the minimum {min_notional}"
        )
    return q_amount, q_price
