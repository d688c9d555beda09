"""Income ledger and wallet transfer records (Binance-style income history, BingX transfer logs)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class IncomeType(StrEnum):
    TRANSFER = "TRANSFER"
    REALIZED_PNL = "REALIZED_PNL"
    FUNDING_FEE = "FUNDING_FEE"
    COMMISSION = "COMMISSION"
    INSURANCE_CLEAR = "INSURANCE_CLEAR"


@dataclass(frozen=True)
class SimIncome:
    """One signed change of a futures wallet balance, with its cause."""

    income_id: str
    account_id: str
    symbol: str
    income_type: IncomeType
    amount: Decimal
    asset: str
    ts: int
    info: str = ""
    trade_id: str = ""


@dataclass(frozen=True)
class SimTransfer:
    """A movement of funds between wallets, possibly across accounts."""

    transfer_id: str
    from_account: str
    to_account: str
    asset: str
    amount: Decimal
    from_wallet: str
    to_wallet: str
    ts: int
    status: str = "SUCCESS"
