"""Field types shared by the CrossEx models: blank strings read as "not given"."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import AliasChoices, BeforeValidator, Field


def _blank_none(value: object) -> object:
    return None if value == "" else value


OptDecimal = Annotated[Decimal | None, BeforeValidator(_blank_none)]
OptInt = Annotated[int | None, BeforeValidator(_blank_none)]
OptBool = Annotated[bool | None, BeforeValidator(_blank_none)]


def opt(*names: str) -> Any:
    """An optional field read from any of `names`."""
    return Field(default=None, validation_alias=AliasChoices(*names))
