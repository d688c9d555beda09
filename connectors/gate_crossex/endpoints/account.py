"""Account assets and modes, fee rates, account book."""

from __future__ import annotations

from venuekit.core.errors import InvalidRequest
from venuekit.core.transport.client import RestClient

from ..enums import AccountMode, GatePositionMode
from ..models import Account, AccountBookEntry, AccountUpdate, FeeRates, FeeRatesList
from ._base import declare, page_params

GET_ACCOUNT = declare("account.get_account", "GET", "/accounts", Account)
UPDATE_ACCOUNT = declare("account.update_account", "PUT", "/accounts", AccountUpdate)
GET_FEE = declare("account.get_fee", "GET", "/fee", FeeRatesList)
LIST_ACCOUNT_BOOK = declare("account.list_account_book", "GET", "/account_book", list[AccountBookEntry])

ENDPOINTS = (GET_ACCOUNT, UPDATE_ACCOUNT, GET_FEE, LIST_ACCOUNT_BOOK)


class AccountApi:
    """`client.account`."""

    def __init__(self, client: RestClient) -> None:
        self._client = client

    async def get_account(self, *, exchange_type: str | None = None) -> Account:
        """`GET /api/v4/crossex/accounts`: margins and per-exchange assets (`exchange_type` in isolated mode)."""
        return await self._client.call(GET_ACCOUNT, {"exchange_type": exchange_type})

    async def update_account(
        self,
        *,
        position_mode: GatePositionMode | None = None,
        account_mode: AccountMode | None = None,
        exchange_type: str | None = None,
    ) -> AccountUpdate:
        """`PUT /api/v4/crossex/accounts` (202): position mode (+exchange) or account mode, not both."""
        if position_mode is None and account_mode is None:
            raise InvalidRequest("give position_mode or account_mode", field="position_mode")
        if position_mode is not None and account_mode is not None:
            raise InvalidRequest("position_mode and account_mode cannot be set together", field="account_mode")
        if exchange_type is not None and position_mode is None:
            raise InvalidRequest("exchange_type needs position_mode", field="exchange_type")
        body = {"position_mode": position_mode, "account_mode": account_mode, "exchange_type": exchange_type}
        return await self._client.call(UPDATE_ACCOUNT, body={k: v for k, v in body.items() if v is not None})

    async def get_fee(self) -> list[FeeRates]:
        """`GET /api/v4/crossex/fee`: one schedule (v1.0.0 object) or one per exchange (v1.0.2 array)."""
        return await self._client.call(GET_FEE)

    async def list_account_book(
        self,
        *,
        coin: str | None = None,
        type: str | None = None,
        start: int | None = None,
        end: int | None = None,
        page: int | None = None,
        limit: int | None = None,
    ) -> list[AccountBookEntry]:
        """`GET /api/v4/crossex/account_book`: balance changes (`type` is the SDK's `statement_type`)."""
        params = {"coin": coin, "statement_type": type, **page_params(page, limit, start, end)}
        return await self._client.call(LIST_ACCOUNT_BOOK, params)
