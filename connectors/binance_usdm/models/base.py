"""Base for Binance response models: snake_case attributes, Binance camelCase on the wire."""

from __future__ import annotations

from pydantic import ConfigDict
from pydantic.alias_generators import to_camel

from venuekit.core.types import VenueModel


class BinanceModel(VenueModel):
    """Numbers arrive as strings (→ `Decimal`), ids as numbers (→ `str`); unknown fields are dropped."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class CodeMsg(BinanceModel):
    """`{"code": 200, "msg": "success"}` (the code is sometimes a string, e.g. cancel-all's `"200"`)."""

    code: str
    msg: str


class Empty(BinanceModel):
    """`{}` (ping, listen-key close)."""
