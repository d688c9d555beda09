"""Annotated field types for venue models: the venues' own ways of saying "no value".

Blanks are handled without a Python call per value: the field's own type is tried first, natively, and only a
value it rejects reaches the blank check (a `BeforeValidator` ran Python on every value; docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler, StringConstraints
from pydantic_core import PydanticCustomError, core_schema

from .fast_decimal import optional_fast_decimal

#: What `str.isspace()` accepts, hence what `str.strip()` removes (tests/core/test_blank_fields.py checks it).
WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # noqa: E501


def blank_to_none(value: object) -> object:
    """`""` means "not given" (never zero or false)."""
    return None if value == "" else value


def is_empty(value: object) -> bool:
    """Only `""` is blank."""
    return value == ""


def is_blank(value: object) -> bool:
    """`""` or whitespace only."""
    return isinstance(value, str) and not value.strip()


class BlankAsNone:
    """Field marker: a value the annotated type rejects is `None` when `blank(value)`, else the type's error stands.

    Reads like a `BeforeValidator` mapping blanks to `None`, provided the type itself rejects every blank.
    """

    __slots__ = ("blank",)

    def __init__(self, blank: Callable[[object], bool] = is_empty) -> None:
        self.blank = blank

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        blank = self.blank

        def none_if_blank(value: object) -> None:
            if blank(value):
                return None
            raise PydanticCustomError("not_blank", "Input is not a blank string")

        own = handler(source)
        fast = optional_fast_decimal(own)
        if fast is not own and blank is is_empty:
            return fast  # its table reads "" as None already: the only blank `is_empty` knows
        fallback = core_schema.no_info_plain_validator_function(none_if_blank)
        return core_schema.union_schema([fast, fallback], mode="left_to_right")


#: A string with at least one non-whitespace character (checked natively, by pydantic-core's regex).
NonBlankStr = Annotated[str, StringConstraints(pattern=f"[^{WHITESPACE}]")]

#: A decimal that venues send as `""` when absent (e.g. Binance `activatePrice` on non-trailing orders).
OptionalDecimal = Annotated[Decimal | None, BlankAsNone()]
OptionalInt = Annotated[int | None, BlankAsNone()]
OptionalBool = Annotated[bool | None, BlankAsNone()]
