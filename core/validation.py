"""Checks applied before anything reaches the wire, each failing with `InvalidRequest` naming the field."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from .errors import InvalidRequest

FORBIDDEN_CHARS = frozenset("&=?#\r\n")


def require_positive(field: str, value: Decimal | None, *, allow_none: bool = True) -> None:
    if value is None:
        if not allow_none:
            raise InvalidRequest("is required", field=field)
        return
    if not value.is_finite() or value <= 0:
        raise InvalidRequest(f"must be a positive number, got {value}", field=field)


def require_pattern(field: str, value: str | None, pattern: re.Pattern[str], hint: str) -> None:
    if value is not None and not pattern.fullmatch(value):
        raise InvalidRequest(f"{value!r} is not {hint}", field=field)


def require_range(field: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise InvalidRequest(f"must be between {low} and {high}, got {value}", field=field)


def require_length(field: str, value: str | None, low: int, high: int) -> None:
    if value is not None and not low <= len(value) <= high:
        raise InvalidRequest(f"length must be {low}..{high}, got {len(value)}", field=field)


def reject_forbidden_chars(params: Mapping[str, str], forbidden: frozenset[str] = FORBIDDEN_CHARS) -> None:
    """Venues that sign raw query strings cannot carry `& = ? #` or line breaks inside a value."""
    for key, value in params.items():
        bad = forbidden.intersection(value)
        if bad:
            shown = ", ".join(sorted(repr(c) for c in bad))
            raise InvalidRequest(f"contains forbidden character(s) {shown}", field=key)
