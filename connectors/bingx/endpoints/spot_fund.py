"""`client.spot_fund`: spot / fund balances, asset overview and transfers (seed 003)."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import InvalidRequest

from ..config import VENUE
from ..enums import AccountName, AccountType, TransferType, UserAccountType, WalletType
from ..models.common import OneOrMany, Page
from ..models.spot_fund import (
    AccountValue,
    Balances,
    InnerTransferResult,
    InnerTransfers,
    SupportCoins,
    TransferRecord,
    TransferResult,
    TransferRows,
)
from ._base import ApiGroup, check_length, check_positive, check_range, endpoint

G = "spot_fund"

SPOT_BALANCE: Final[Endpoint[Balances]] = endpoint(
    f"{G}.spot_balance", "GET", "/openApi/spot/v1/account/balance", Balances
)
FUND_BALANCE: Final[Endpoint[Balances]] = endpoint(
    f"{G}.fund_balance", "GET", "/openApi/fund/v1/account/balance", Balances
)
ALL_ACCOUNT_BALANCE: Final[Endpoint[list[AccountValue]]] = endpoint(
    f"{G}.all_account_balance", "GET", "/openApi/account/v1/allAccountBalance", OneOrMany[AccountValue]
)
TRANSFER: Final[Endpoint[TransferResult]] = endpoint(
    f"{G}.transfer", "POST", "/openApi/api/asset/v1/transfer", TransferResult
)
TRANSFER_RECORDS: Final[Endpoint[TransferRows]] = endpoint(
    f"{G}.transfer_records", "GET", "/openApi/api/v3/asset/transfer", TransferRows, shape="data_or_top"
)
TRANSFER_RECORDS_NEW: Final[Endpoint[Page[TransferRecord]]] = endpoint(
    f"{G}.transfer_records_new", "GET", "/openApi/api/v3/asset/transferRecord", Page[TransferRecord]
)
TRANSFER_SUPPORT_COINS: Final[Endpoint[SupportCoins]] = endpoint(
    f"{G}.transfer_support_coins", "GET", "/openApi/api/asset/v1/transfer/supportCoins", SupportCoins
)
INNER_TRANSFER: Final[Endpoint[InnerTransferResult]] = endpoint(
    f"{G}.inner_transfer", "POST", "/openApi/wallets/v1/capital/innerTransfer/apply", InnerTransferResult
)
INNER_TRANSFER_RECORDS: Final[Endpoint[InnerTransfers]] = endpoint(
    f"{G}.inner_transfer_records", "GET", "/openApi/wallets/v1/capital/innerTransfer/records", InnerTransfers
)

ENDPOINTS: Final = (
    SPOT_BALANCE,
    FUND_BALANCE,
    ALL_ACCOUNT_BALANCE,
    TRANSFER,
    TRANSFER_RECORDS,
    TRANSFER_RECORDS_NEW,
    TRANSFER_SUPPORT_COINS,
    INNER_TRANSFER,
    INNER_TRANSFER_RECORDS,
)
PAGE_MAX: Final = 100


class SpotFundApi(ApiGroup):
    """Balances outside the perpetual account and moving assets between accounts and users."""

    async def spot_balance(self) -> Balances:
        return await self._call(SPOT_BALANCE)

    async def fund_balance(self, *, asset: str | None = None) -> Balances:
        return await self._call(FUND_BALANCE, {"asset": asset})

    async def all_account_balance(self, *, account_type: AccountType | None = None) -> list[AccountValue]:
        """USDT value of every account type (spot, futures, copy trading, grid…)."""
        return await self._call(ALL_ACCOUNT_BALANCE, {"accountType": account_type})

    async def transfer(
        self,
        *,
        asset: str,
        amount: Decimal,
        type: TransferType | None = None,
        from_account: AccountName | None = None,
        to_account: AccountName | None = None,
    ) -> TransferResult:
        """Move `amount` of `asset` between own accounts: by `type` (seed 003) or by from/to account."""
        check_positive(amount=amount)
        if type is None and (from_account is None or to_account is None):
            raise InvalidRequest("give `type`, or both `from_account` and `to_account`", field="type", venue=VENUE)
        return await self._call(
            TRANSFER,
            {
                "asset": asset,
                "amount": amount,
                "type": type,
                "fromAccount": from_account,
                "toAccount": to_account,
            },
        )

    async def transfer_records(
        self,
        *,
        type: TransferType,
        tran_id: str | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        current: int | None = None,
        size: int | None = None,
    ) -> TransferRows:
        """Own transfers by direction; BingX answers without the usual envelope."""
        check_range("current", current, 1, 10**6)
        check_range("size", size, 1, PAGE_MAX)
        return await self._call(
            TRANSFER_RECORDS,
            {
                "type": type,
                "tranId": tran_id,
                "startTime": start_time,
                "endTime": end_time,
                "current": current,
                "size": size,
            },
        )

    async def transfer_records_new(
        self,
        *,
        from_account: AccountName | None = None,
        to_account: AccountName | None = None,
        transfer_id: str | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        page_index: int | None = None,
        page_size: int | None = None,
    ) -> Page[TransferRecord]:
        check_range("pageIndex", page_index, 1, 10**6)
        check_range("pageSize", page_size, 1, PAGE_MAX)
        return await self._call(
            TRANSFER_RECORDS_NEW,
            {
                "fromAccount": from_account,
                "toAccount": to_account,
                "transferId": transfer_id,
                "startTime": start_time,
                "endTime": end_time,
                "pageIndex": page_index,
                "pageSize": page_size,
            },
        )

    async def transfer_support_coins(self, *, from_account: AccountName, to_account: AccountName) -> SupportCoins:
        return await self._call(TRANSFER_SUPPORT_COINS, {"fromAccount": from_account, "toAccount": to_account})

    async def inner_transfer(
        self,
        *,
        coin: str,
        user_account_type: UserAccountType,
        user_account: str,
        amount: Decimal,
        wallet_type: WalletType,
        calling_code: str | None = None,
        transfer_client_id: str | None = None,
    ) -> InnerTransferResult:
        """Send to another BingX user (main account to main or sub account); needs withdraw permission."""
        check_positive(amount=amount)
        if user_account_type is UserAccountType.PHONE and calling_code is None:
            raise InvalidRequest("is required for a phone number", field="callingCode", venue=VENUE)
        check_length("transferClientId", transfer_client_id, 1, 99)
        return await self._call(
            INNER_TRANSFER,
            {
                "coin": coin,
                "userAccountType": user_account_type,
                "userAccount": user_account,
                "amount": amount,
                "walletType": wallet_type,
                "callingCode": calling_code,
                "transferClientId": transfer_client_id,
            },
        )

    async def inner_transfer_records(
        self,
        *,
        coin: str,
        id: str | None = None,
        transfer_client_id: str | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        offset: int | None = None,
        limit: int | None = None,
    ) -> InnerTransfers:
        check_range("offset", offset, 0, 10**9)
        check_range("limit", limit, 1, 1000)
        return await self._call(
            INNER_TRANSFER_RECORDS,
            {
                "coin": coin,
                "id": id,
                "transferClientId": transfer_client_id,
                "startTime": start_time,
                "endTime": end_time,
                "offset": offset,
                "limit": limit,
            },
        )
