"""Binance-only account state the shared engine does not keep: keys, modes, timers, listen keys, extras."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from venuekit.core.simulator import Exchange, ExecType, OrderEvent, SimEvent, SimOrder

from .auth import ApiKey
from .shapes_orders import OrderExtras

LISTEN_KEY_TTL_MS: Final = 60 * 60 * 1000
_ALPHABET: Final = string.ascii_letters + string.digits


@dataclass(frozen=True)
class MarginChange:
    """One POST /fapi/v1/positionMargin that succeeded (for the history endpoint)."""

    account_id: str
    symbol: str
    amount: Decimal
    asset: str
    time: int
    kind: int
    position_side: str


class AckRecorder:
    """Keeps the snapshot of each order at acceptance, so ACK responses show it as Binance does."""

    def __init__(self) -> None:
        self.snapshots: dict[str, SimOrder] = {}

    def __call__(self, event: SimEvent) -> None:
        if isinstance(event, OrderEvent) and event.exec_type is ExecType.NEW:
            self.snapshots[event.order.order_id] = event.order

    def take(self, order: SimOrder) -> SimOrder:
        snapshot = self.snapshots.pop(order.order_id, order)
        self.snapshots.clear()
        return snapshot


@dataclass
class VenueState:
    """Everything the Binance layer remembers between requests."""

    seed: int = 0
    keys: dict[str, ApiKey] = field(default_factory=dict)
    multi_assets: set[str] = field(default_factory=set)
    countdowns: dict[tuple[str, str], int] = field(default_factory=dict)
    listen_keys: dict[str, tuple[str, int]] = field(default_factory=dict)
    margin_changes: list[MarginChange] = field(default_factory=list)
    extras: dict[str, OrderExtras] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    acks: AckRecorder = field(default_factory=AckRecorder)
    algo_orders: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._rng = random.Random(f"binance-usdm:{self.seed}")

    def token(self, length: int) -> str:
        return "".join(self._rng.choice(_ALPHABET) for _ in range(length))

    def client_order_id(self) -> str:
        """An id like the ones Binance generates when `newClientOrderId` is not sent."""
        return self.token(22)

    def alias(self, account_id: str) -> str:
        return self.aliases.setdefault(account_id, self.token(4))

    def sweep_countdowns(self, exchange: Exchange) -> int:
        """Cancel the open orders of every symbol whose countdown has run out; returns how many fired."""
        now = exchange.now_ms()
        due = [key for key, deadline in self.countdowns.items() if deadline <= now]
        for account_id, symbol in due:
            del self.countdowns[(account_id, symbol)]
            exchange.cancel_all(account_id, symbol)
        return len(due)

    def listen_key_for(self, account_id: str, now_ms: int) -> str:
        """The account's listen key (created if none is live), extended for another 60 minutes."""
        for key, (owner, expires) in self.listen_keys.items():
            if owner == account_id and expires > now_ms:
                self.listen_keys[key] = (owner, now_ms + LISTEN_KEY_TTL_MS)
                return key
        key = self.token(64)
        self.listen_keys[key] = (account_id, now_ms + LISTEN_KEY_TTL_MS)
        return key

    def live_listen_key(self, account_id: str, now_ms: int) -> str | None:
        return next(
            (k for k, (owner, expires) in self.listen_keys.items() if owner == account_id and expires > now_ms),
            None,
        )
