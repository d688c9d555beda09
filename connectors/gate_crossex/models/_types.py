"""Field types shared by the CrossEx models: blank strings read as "not given"."""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, Field

from venuekit.core.types.fields import OptionalBool as OptBool
from venuekit.core.types.fields import OptionalDecimal as OptDecimal
from venuekit.core.types.fields import OptionalInt as OptInt


def opt(*names: str) -> Any:
    """An optional field read from any of `names`."""
    return Field(default=None, validation_alias=AliasChoices(*names))


__all__ = ["OptBool", "OptDecimal", "OptInt", "opt"]
