"""Flash swap: quote, then execute the quote."""

from __future__ import annotations

from decimal import Decimal

from venuekit.core.transport.client import RestClient

from ..models import ConvertQuote, ConvertResult
from ._base import declare, positive, require_text

CREATE_QUOTE = declare("convert.create_quote", "POST", "/convert/quote", ConvertQuote)
CREATE_ORDER = declare("convert.create_order", "POST", "/convert/orders", ConvertResult)

ENDPOINTS = (CREATE_QUOTE, CREATE_ORDER)


class ConvertApi:
    """`client.convert`: small-amount asset conversion inside one exchange account (venue-only)."""

    def __init__(self, client: RestClient) -> None:
        self._client = client

    async def create_quote(
        self, *, exchange_type: str, from_coin: str, to_coin: str, from_amount: Decimal
    ) -> ConvertQuote:
        """`POST /api/v4/crossex/convert/quote` (100 per day): a price valid for `valid_ms`."""
        require_text("exchange_type", exchange_type)
        require_text("from_coin", from_coin)
        require_text("to_coin", to_coin)
        positive("from_amount", from_amount, required=True)
        body = {"exchange_type": exchange_type, "from_coin": from_coin, "to_coin": to_coin, "from_amount": from_amount}
        return await self._client.call(CREATE_QUOTE, body=body)

    async def create_order(self, *, quote_id: str) -> ConvertResult:
        """`POST /api/v4/crossex/convert/orders`: execute a quote."""
        require_text("quote_id", quote_id)
        return await self._client.call(CREATE_ORDER, body={"quote_id": quote_id})
