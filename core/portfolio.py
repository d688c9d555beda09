"""`Portfolio`: one snapshot across many venue clients, concurrent, isolated, bounded in time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import anyio

from .errors import RequestTimeout, VenueError
from .types import Balance, Order, Position
from .venue import Venue

STABLE = frozenset({"USDT", "USDC", "USD", "FDUSD", "BUSD"})


@dataclass(frozen=True, slots=True)
class VenueSnapshot:
    """What one venue returned; `error` is set (and the lists empty) when it failed or timed out."""

    venue: str
    balances: Mapping[str, Balance] = field(default_factory=dict)
    positions: Sequence[Position] = ()
    open_orders: Sequence[Order] = ()
    error: VenueError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Combined view with per-venue provenance; `failed` names venues that did not answer in time."""

    venues: Sequence[VenueSnapshot]
    total_usd: Decimal
    unvalued_assets: frozenset[str]

    @property
    def failed(self) -> dict[str, VenueError]:
        return {v.venue: v.error for v in self.venues if v.error is not None}

    @property
    def balances(self) -> list[Balance]:
        return [b for v in self.venues for b in v.balances.values()]

    @property
    def positions(self) -> list[Position]:
        return [p for v in self.venues for p in v.positions]

    @property
    def open_orders(self) -> list[Order]:
        return [o for v in self.venues for o in v.open_orders]


class Portfolio:
    """Fan out to venues with an anyio task group; one venue failing never sinks the snapshot."""

    def __init__(self, venues: Sequence[Venue], *, deadline_s: float = 10.0,
                 prices_usd: Mapping[str, Decimal] | None = None, include_orders: bool = True) -> None:
        self.venues = list(venues)
        self.deadline_s = deadline_s
        self.prices_usd = dict(prices_usd or {})
        self.include_orders = include_orders

    async def snapshot(self) -> Snapshot:
        results: dict[int, VenueSnapshot] = {}
        async with anyio.create_task_group() as tg:
            for index, venue in enumerate(self.venues):
                tg.start_soon(self._one, index, venue, results)
        ordered = [results[i] for i in range(len(self.venues))]
        total, unvalued = self._value(ordered)
        return Snapshot(ordered, total, unvalued)

    async def _one(self, index: int, venue: Venue, results: dict[int, VenueSnapshot]) -> None:
        try:
            with anyio.fail_after(self.deadline_s):
                balances = await venue.fetch_balances()
                positions = await venue.fetch_positions()
                orders = await venue.fetch_open_orders() if self.include_orders else []
            results[index] = VenueSnapshot(venue.name, balances, positions, orders)
        except TimeoutError:
            results[index] = VenueSnapshot(
                venue.name, error=RequestTimeout(f"no snapshot within {self.deadline_s}s", venue=venue.name)
            )
        except VenueError as exc:
            results[index] = VenueSnapshot(venue.name, error=exc)

    def _value(self, snapshots: Sequence[VenueSnapshot]) -> tuple[Decimal, frozenset[str]]:
        total = Decimal(0)
        unvalued: set[str] = set()
        for snap in snapshots:
            for balance in snap.balances.values():
                price = Decimal(1) if balance.asset in STABLE else self.prices_usd.get(balance.asset)
                if price is None:
                    if balance.total:
                        unvalued.add(balance.asset)
                    continue
                total += (balance.total + (balance.unrealized_pnl or 0)) * price
        return total, frozenset(unvalued)
