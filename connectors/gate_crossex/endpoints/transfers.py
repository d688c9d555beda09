"""Fund transfers between SPOT, CROSSEX and CROSSEX_<EXCHANGE> accounts."""

from __future__ import annotations

from decimal import Decimal

from venuekit.core.transport.client import RestClient

from ..models import TransferCoin, TransferRecord, TransferResult
from ._base import declare, page_params, positive, require_text

LIST_COINS = declare("transfers.list_coins", "GET", "/transfers/coin", list[TransferCoin], signed=False)
CREATE_TRANSFER = declare("transfers.create_transfer", "POST", "/transfers", TransferResult)
LIST_TRANSFERS = declare("transfers.list_transfers", "GET", "/transfers", list[TransferRecord])

ENDPOINTS = (LIST_COINS, CREATE_TRANSFER, LIST_TRANSFERS)


class TransfersApi:
    """`client.transfers`: moving assets in and out of CrossEx (a venue-only feature)."""

    def __init__(self, client: RestClient) -> None:
        self._client = client

    async def list_coins(self, *, coin: str | None = None) -> list[TransferCoin]:
        """`GET /api/v4/crossex/transfers/coin` (public): transferable coins, minimums and fees."""
        return await self._client.call(LIST_COINS, {"coin": coin})

    async def create_transfer(
        self, *, coin: str, amount: Decimal, from_account: str, to_account: str, text: str | None = None
    ) -> TransferResult:
        """`POST /api/v4/crossex/transfers`: accounts are SPOT, CROSSEX or CROSSEX_<EXCHANGE>."""
        require_text("coin", coin)
        positive("amount", amount, required=True)
        require_text("from", from_account)
        require_text("to", to_account)
        body: dict[str, object] = {"coin": coin, "amount": amount, "from": from_account, "to": to_account}
        if text is not None:
            body["text"] = text
        return await self._client.call(CREATE_TRANSFER, body=body)

    async def list_transfers(
        self,
        *,
        coin: str | None = None,
        order_id: str | None = None,
        start: int | None = None,
        end: int | None = None,
        page: int | None = None,
        limit: int | None = None,
    ) -> list[TransferRecord]:
        """`GET /api/v4/crossex/transfers`: history; `order_id` matches `tx_id` or the custom `text`."""
        params = {"coin": coin, "order_id": order_id, **page_params(page, limit, start, end)}
        return await self._client.call(LIST_TRANSFERS, params)
