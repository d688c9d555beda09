"""Flash swap (convert) quote and execution."""

from __future__ import annotations

from pydantic import ConfigDict

from venuekit.core.types import VenueModel

from ._types import OptDecimal, OptInt


class ConvertQuote(VenueModel):
    quote_id: str
    valid_ms: OptInt = None
    from_coin: str | None = None
    to_coin: str | None = None
    from_amount: OptDecimal = None
    to_amount: OptDecimal = None
    price: OptDecimal = None


class ConvertResult(VenueModel):
    """The document's example is `{}`; any fields a later version adds are kept as extras."""

    model_config = ConfigDict(extra="allow")
