"""CrossEx facts the engine does not keep: account mode, order extras, transfers, quotes, book and interest."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ZERO = Decimal(0)
CROSS_EXCHANGE = "CROSS_EXCHANGE"
ISOLATED_EXCHANGE = "ISOLATED_EXCHANGE"


@dataclass
class UserMeta:
    account_mode: str
    create_ms: int
    update_ms: int


@dataclass
class OrderMeta:
    """What the wire order shows beyond the engine order: leverage at entry, quote size, close reason."""

    leverage: int
    qty: Decimal
    quote_qty: Decimal = ZERO
    reason: str = ""


@dataclass
class TransferRecord:
    tx_id: str
    text: str
    from_account: str
    to_account: str
    coin: str
    amount: Decimal
    status: str
    fail_reason: str | None
    create_ms: int

    @property
    def actual_receive(self) -> Decimal | None:
        return self.amount if self.status == "SUCCESS" else None


@dataclass(frozen=True)
class Quote:
    quote_id: str
    account_id: str
    exchange: str
    from_coin: str
    to_coin: str
    from_amount: Decimal
    to_amount: Decimal
    price: Decimal
    expires_ms: int


@dataclass(frozen=True)
class BookEntry:
    """A wallet change the engine's income ledger does not record (conversions, interest)."""

    entry_id: str
    account_id: str
    business_id: str
    kind: str
    exchange: str
    coin: str
    change: Decimal
    ts: int


@dataclass(frozen=True)
class InterestRecord:
    interest_id: str
    account_id: str
    symbol: str
    exchange: str
    liability_id: str
    liability: Decimal
    liability_coin: str
    interest: Decimal
    rate: Decimal
    kind: str
    ts: int


@dataclass
class CrossExState:
    users: dict[str, UserMeta] = field(default_factory=dict)
    orders: dict[str, OrderMeta] = field(default_factory=dict)
    transfers: dict[str, list[TransferRecord]] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    book: dict[str, list[BookEntry]] = field(default_factory=dict)
    interest: dict[str, list[InterestRecord]] = field(default_factory=dict)

    def user(self, account_id: str) -> UserMeta:
        return self.users[account_id]
