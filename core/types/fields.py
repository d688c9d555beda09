"""Annotated field types for venue models: the venues' own ways of saying "no value"."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BeforeValidator


def blank_to_none(value: object) -> object:
    """`""` means "not given" (never zero or false)."""
    return None if value == "" else value


#: A decimal that venues send as `""` when absent (e.g. Binance `activatePrice` on non-trailing orders).
OptionalDecimal = Annotated[Decimal | None, BeforeValidator(blank_to_none)]
OptionalInt = Annotated[int | None, BeforeValidator(blank_to_none)]
OptionalBool = Annotated[bool | None, BeforeValidator(blank_to_none)]
