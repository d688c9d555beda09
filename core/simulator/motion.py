"""A market that moves by itself: a seeded random walk of mark prices, with market-maker books re-centred."""

from __future__ import annotations

import random
from decimal import Decimal

import anyio

from .engine import Exchange


class MarketMotion:
    """Each `step()` moves every marked instrument by a small random return and re-centres "mm*" books there."""

    def __init__(self, exchange: Exchange, *, interval_s: float = 1.0, volatility_bps: int = 3, seed: int = 0,
                 maker_prefix: str = "mm") -> None:
        self.exchange = exchange
        self.interval_s = interval_s
        self.volatility = Decimal(volatility_bps) / Decimal(10_000)
        self.maker_prefix = maker_prefix
        self._rng = random.Random(seed)
        self.steps = 0

    def step(self) -> None:
        for inst in self.exchange.instruments():
            mark = self.exchange.mark_price(inst.symbol)
            if mark <= 0:
                continue
            shock = Decimal(self._rng.randint(-1000, 1000)) / Decimal(1000) * self.volatility
            new_mark = inst.round_price(mark * (1 + shock))
            self.exchange.set_mark_price(inst.symbol, new_mark)
            for account in self.exchange.account_ids():
                if account.startswith(self.maker_prefix) and self.exchange.open_orders(account, inst.symbol):
                    self.exchange.seed_book(inst.symbol, new_mark, account_id=account)
        self.steps += 1

    async def run(self) -> None:
        """Step forever on the running event loop (the simulator's own), so no locking is needed."""
        while True:
            await anyio.sleep(self.interval_s)
            self.step()
