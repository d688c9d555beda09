from decimal import Decimal

import pytest

from venuekit.core.errors import InvalidOrder
from venuekit.core.precision import check_order_size, quantize_to_step


@pytest.mark.parametrize(
    ("value", "step", "mode", "expected"),
    [
        ("2.2504", "0.0001", "down", "2.2504"),
        ("2.25049", "0.0001", "down", "2.2504"),
        ("0.00000003", "0.00000001", "nearest", "0.00000003"),
        ("101.3", "0.5", "nearest", "101.5"),
        ("101.2", "0.5", "down", "101.0"),
        ("1234", "25", "up", "1250"),
        ("0.129", "0.01", "up", "0.13"),
    ],
)
def test_quantize(value: str, step: str, mode: str, expected: str) -> None:
    result = quantize_to_step(Decimal(value), Decimal(step), mode=mode)
    assert result == Decimal(expected)
    assert result.as_tuple() == Decimal(expected).as_tuple(), "same digits and scale as the step"


def _check(amount: str, price: str | None, **kw: str) -> tuple[Decimal, Decimal | None]:
    params = {"lot_step": "0.001", "tick_size": "0.1", "min_qty": "0.001", "min_notional": "5"} | kw
    return check_order_size(
        symbol="BTC/USDT:USDT",
        amount=Decimal(amount),
        price=Decimal(price) if price else None,
        **{k: Decimal(v) for k, v in params.items()},  # type: ignore[arg-type]
    )


def test_check_order_size_quantises() -> None:
    assert _check("0.0129", "60000.06") == (Decimal("0.012"), Decimal("60000.1"))


def test_below_min_qty_rejected_before_wire() -> None:
    with pytest.raises(InvalidOrder, match="below the minimum"):
        _check("0.0009", "60000")


def test_below_min_notional_rejected() -> None:
    with pytest.raises(InvalidOrder, match="notional"):
        _check("0.001", "100")
