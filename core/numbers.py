"""Exact conversions between wire numbers and `Decimal`: no float ever touches money."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation


def to_decimal(value: object) -> Decimal:
    """Parse a wire value (str, int, Decimal; float only via its shortest repr) into a Decimal."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, int | str):
        try:
            return Decimal(value)
        except InvalidOperation as exc:
            raise ValueError(f"not a decimal number: {value!r}") from exc
    if isinstance(value, float):
        return Decimal(repr(value))
    raise TypeError(f"cannot read {type(value).__name__} as a decimal number")


def format_decimal(value: Decimal) -> str:
    """Plain positional notation without exponent or trailing zeros: `Decimal("1E-8")` → `"0.00000001"`."""
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    text = str(value)
    if "E" in text:
        text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        return "0"
    return text
