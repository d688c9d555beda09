"""Base model for the shared domain types: immutable, typed, exact Decimal parsing."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic_core import CoreSchema

from .fast_decimal import with_fast_decimals


class FrozenModel(BaseModel):
    """Immutable pydantic model; numbers coerce to `str` ids and `Decimal` money without float."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        coerce_numbers_to_str=True,
        arbitrary_types_allowed=True,
        ser_json_inf_nan="strings",
        defer_build=True,
    )


class VenueModel(BaseModel):
    """Base for raw venue response models: venue field names kept, unknown fields accepted and dropped.

    `extra="ignore"`: storing every undocumented field (`extra="allow"`) cost a dict per object and ~25 % of
    the BingX 1,000-order parse (docs/performance.md). The model (e.g. `Order.raw`) holds every documented
    field; to see a venue's full payload while debugging, subclass with `ConfigDict(extra="allow")`.
    Decimal fields validate through `fast_decimal`: shared instances, and no float on a codec's decode.
    """

    model_config = ConfigDict(
        frozen=True,
        extra="ignore",
        coerce_numbers_to_str=True,
        populate_by_name=True,
        defer_build=True,
    )

    @classmethod
    def __get_pydantic_core_schema__(cls, source: type[BaseModel], handler: GetCoreSchemaHandler, /) -> CoreSchema:
        schema: CoreSchema = with_fast_decimals(handler(source))
        return schema
