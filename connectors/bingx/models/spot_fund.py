"""Spot / fund account responses: balances, asset overview, transfers and their records."""

from __future__ import annotations

from decimal import Decimal

from pydantic import AliasChoices, Field

from .common import BingXModel, OptDec, OptId, OptInt


class AssetBalance(BingXModel):
    asset: str
    display_name: str | None = None
    free: Decimal
    locked: OptDec = None


class Balances(BingXModel):
    balances: list[AssetBalance] = Field(default_factory=list)


class AccountValue(BingXModel):
    account_type: str
    usdt_balance: OptDec = None


class TransferResult(BingXModel):
    """`tranId` (type form) or `transferId` (fromAccount/toAccount form)."""

    tran_id: OptId = Field(default=None, validation_alias=AliasChoices("tranId", "transferId"))


class TransferRow(BingXModel):
    asset: str
    amount: Decimal
    type: str | None = None
    status: str | None = None
    tran_id: OptId = None
    timestamp: OptInt = None


class TransferRows(BingXModel):
    """The v3 transfer query answers without an envelope: `{"total": n, "rows": [...]}`."""

    total: OptInt = None
    rows: list[TransferRow] = Field(default_factory=list)


class TransferRecord(BingXModel):
    transfer_id: OptId = None
    asset: str
    amount: Decimal
    from_account: str | None = None
    to_account: str | None = None
    timestamp: OptInt = None


class SupportCoin(BingXModel):
    coin: str | None = None
    name: str | None = None
    asset: str | None = None


class SupportCoins(BingXModel):
    coins: list[SupportCoin] = Field(default_factory=list)


class InnerTransferResult(BingXModel):
    id: str
    transfer_client_id: OptId = None


class InnerTransfer(BingXModel):
    id: str
    coin: str
    receiver: OptId = None
    amount: Decimal
    status: OptInt = None
    time: OptInt = None
    transfer_client_id: OptId = None
    from_uid: OptId = None
    record_type: str | None = None


class InnerTransfers(BingXModel):
    data: list[InnerTransfer] = Field(default_factory=list)
    total: OptInt = None
