"""`Portfolio`: one snapshot across many accounts on many venues, concurrent but bounded, isolated, on time.

Each entry is one account: a venue client under a label. Accounts of one venue are snapshotted at most
`concurrency` at a time (a per-venue-name `anyio.CapacityLimiter`), so a process watching hundreds of
accounts never floods a venue; the clients' own rate limiters still pace every call. Time spent waiting
for a slot counts against the snapshot's deadline.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import anyio

from .errors import RequestTimeout, VenueError
from .types import Balance, Order, Position
from .venue import Venue

if TYPE_CHECKING:
    from .streams.updates import AccountUpdate, StreamStatus

STABLE = frozenset({"USDT", "USDC", "USD", "FDUSD", "BUSD"})
#: Accounts of one venue snapshotted at the same time, unless `concurrency` says otherwise.
DEFAULT_CONCURRENCY: Final = 8

Accounts = Mapping[str, Venue] | Iterable[Venue | tuple[str, Venue]]


@dataclass(frozen=True, slots=True)
class VenueSnapshot:
    """What one account returned; `error` is set (and the lists empty) when it failed or timed out.

    `account` is the label the account was given (the venue's name when it was passed bare).
    """

    venue: str
    balances: Mapping[str, Balance] = field(default_factory=dict)
    positions: Sequence[Position] = ()
    open_orders: Sequence[Order] = ()
    error: VenueError | None = None
    account: str = ""

    def __post_init__(self) -> None:
        if not self.account:
            object.__setattr__(self, "account", self.venue)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Combined view with per-account provenance; `failed` names the accounts that did not answer in time."""

    venues: Sequence[VenueSnapshot]
    total_usd: Decimal
    unvalued_assets: frozenset[str]

    @property
    def failed(self) -> dict[str, VenueError]:
        """{account label: error} of every account left out of the totals."""
        return {v.account: v.error for v in self.venues if v.error is not None}

    @property
    def accounts(self) -> dict[str, VenueSnapshot]:
        """Each account's part of the snapshot, by label."""
        return {v.account: v for v in self.venues}

    @property
    def balances(self) -> list[Balance]:
        return [b for v in self.venues for b in v.balances.values()]

    @property
    def positions(self) -> list[Position]:
        return [p for v in self.venues for p in v.positions]

    @property
    def open_orders(self) -> list[Order]:
        return [o for v in self.venues for o in v.open_orders]


def _labelled(accounts: Accounts) -> list[tuple[str, Venue]]:
    """(label, venue) pairs from a mapping, pairs, or bare venues (labelled by venue name); labels are unique."""
    items = accounts.items() if isinstance(accounts, Mapping) else accounts
    pairs = [item if isinstance(item, tuple) else (item.name, item) for item in items]
    seen: set[str] = set()
    for label, _ in pairs:
        if label in seen:
            raise ValueError(f"account label {label!r} is used twice; pass (label, venue) pairs with unique labels")
        seen.add(label)
    return pairs


class Portfolio:
    """Fan out to accounts with an anyio task group; one account failing never sinks the snapshot.

    `Portfolio([venue, ...])` labels each account by its venue's name; `Portfolio([(label, venue), ...])`
    or `Portfolio({label: venue})` names many accounts of one venue. `deadline_s` bounds the whole
    snapshot (queueing for a slot included), `account_timeout_s` each account once it has a slot, so a
    hanging account gives its slot back early. `concurrency` caps the accounts of one venue name in
    flight at once: one number for every venue, or {venue name: n} (others get `DEFAULT_CONCURRENCY`).
    """

    def __init__(
        self,
        accounts: Accounts,
        *,
        deadline_s: float = 10.0,
        prices_usd: Mapping[str, Decimal] | None = None,
        include_orders: bool = True,
        concurrency: int | Mapping[str, int] = DEFAULT_CONCURRENCY,
        account_timeout_s: float | None = None,
    ) -> None:
        self.accounts = _labelled(accounts)
        limits = concurrency.values() if isinstance(concurrency, Mapping) else [concurrency]
        if any(n < 1 for n in limits):
            raise ValueError("concurrency must be at least 1")
        self.deadline_s = deadline_s
        self.prices_usd = dict(prices_usd or {})
        self.include_orders = include_orders
        self.concurrency = concurrency
        self.account_timeout_s = account_timeout_s

    @property
    def venues(self) -> list[Venue]:
        return [venue for _, venue in self.accounts]

    def slots(self, venue_name: str) -> int:
        """How many accounts of `venue_name` are snapshotted at the same time."""
        if isinstance(self.concurrency, Mapping):
            return self.concurrency.get(venue_name, DEFAULT_CONCURRENCY)
        return self.concurrency

    def watch_accounts(
        self, *, symbols: Sequence[str] | None = None, buffer: int = 1024
    ) -> AbstractAsyncContextManager[AsyncIterator[tuple[str, AccountUpdate | StreamStatus]]]:
        """Every account's order, fill, position and balance events merged into one stream of
        `(label, event)`; see `portfolio_streams.merged_account_streams` for the back-pressure policy."""
        from .portfolio_streams import merged_account_streams

        return merged_account_streams(self.accounts, symbols=symbols, buffer=buffer)

    async def snapshot(self) -> Snapshot:
        limiters = {name: anyio.CapacityLimiter(self.slots(name)) for name in {v.name for _, v in self.accounts}}
        deadline = anyio.current_time() + self.deadline_s
        results: list[VenueSnapshot | None] = [None] * len(self.accounts)
        async with anyio.create_task_group() as tg:
            for index, (label, venue) in enumerate(self.accounts):
                tg.start_soon(self._one, index, label, venue, limiters[venue.name], deadline, results)
        ordered = [r for r in results if r is not None]
        total, unvalued = self._value(ordered)
        return Snapshot(ordered, total, unvalued)

    async def _one(
        self,
        index: int,
        label: str,
        venue: Venue,
        slots: anyio.CapacityLimiter,
        deadline: float,
        results: list[VenueSnapshot | None],
    ) -> None:
        waited = True
        try:
            with anyio.fail_after(max(0.0, deadline - anyio.current_time())):
                async with slots:
                    waited = False
                    results[index] = await self._fetch(label, venue, deadline)
        except TimeoutError:
            why = "waiting for a slot" if waited else "in flight"
            error = RequestTimeout(f"no snapshot within {self.deadline_s}s ({why})", venue=venue.name)
            results[index] = VenueSnapshot(venue.name, error=error, account=label)
        except VenueError as exc:
            results[index] = VenueSnapshot(venue.name, error=exc, account=label)

    async def _fetch(self, label: str, venue: Venue, deadline: float) -> VenueSnapshot:
        budget = self.account_timeout_s if self.account_timeout_s is not None else math.inf
        try:
            with anyio.fail_after(min(budget, max(0.0, deadline - anyio.current_time()))):
                balances = await venue.fetch_balances()
                positions = await venue.fetch_positions()
                orders = await venue.fetch_open_orders() if self.include_orders else []
        except TimeoutError:
            if anyio.current_time() >= deadline:
                raise
            error = RequestTimeout(f"account gave no snapshot within {self.account_timeout_s}s", venue=venue.name)
            return VenueSnapshot(venue.name, error=error, account=label)
        return VenueSnapshot(venue.name, balances, positions, orders, account=label)

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
