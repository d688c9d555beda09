"""Deterministic id generation so a seed reproduces the same order, trade and record ids."""

from __future__ import annotations

import random

_ORDER_BASE = 1_800_000_000_000_000_000
_TRADE_BASE = 100_000_000


class IdGenerator:
    """Numeric-looking string ids: 19-digit order ids, 9+-digit trade ids, sequential record ids."""

    def __init__(self, seed: int = 0) -> None:
        self._order_rng = random.Random(f"order:{seed}")
        self._trade_rng = random.Random(f"trade:{seed}")
        self._order = _ORDER_BASE + self._order_rng.randrange(10**17)
        self._trade = _TRADE_BASE + self._trade_rng.randrange(10**8)
        self._record = 10_000_000 + random.Random(f"record:{seed}").randrange(10**6)
        self._seq = 0

    def order_id(self) -> str:
        """A fresh 19-digit order id, strictly increasing."""
        self._order += self._order_rng.randrange(1, 4096)
        return str(self._order)

    def trade_id(self) -> str:
        self._trade += self._trade_rng.randrange(1, 64)
        return str(self._trade)

    def record_id(self) -> str:
        """Ids for income entries and transfers."""
        self._record += 1
        return str(self._record)

    def sequence(self) -> int:
        """A monotonically increasing counter used for time priority in the book."""
        self._seq += 1
        return self._seq
