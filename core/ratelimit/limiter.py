"""Client-side limiter: waits for room in every quota a request uses, honours bans the venue announced."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Final

import anyio

from ..clock import local_ms
from ..errors import IPBanned, RateLimited
from .quota import Cost, Quota, Scope
from .store import LimiterStore, MemoryStore, Reservation
from .turns import Turns

DEFAULT_GUARD_MS: Final = 50


class RateLimiter:
    """Quotas per venue, counted over sliding spans of `window + guard_ms`; state lives in a `LimiterStore`.

    A venue counts fixed windows; a request granted at `t` reaches it somewhere in `[t, t + guard_ms]`.
    Any venue window then holds only requests granted within one span of `window + guard_ms`, which the
    store keeps under `limit`: never a violation, whatever the alignment of the venue's windows, at
    `window / (window + guard_ms)` of the rate (95 % for 1 s windows with the default 50 ms).
    Waiting tasks of one process are served in arrival order per counter.
    """

    def __init__(
        self,
        venue: str,
        quotas: Iterable[Quota],
        *,
        store: LimiterStore | None = None,
        scope_ids: Mapping[Scope, str] | None = None,
        now_ms: Callable[[], int] = local_ms,
        max_wait_s: float = 60.0,
        guard_ms: int = DEFAULT_GUARD_MS,
    ) -> None:
        self.venue = venue
        self.quotas = {q.name: q for q in quotas}
        shortest = min((q.window_ms for q in self.quotas.values()), default=guard_ms)
        if not 0 <= guard_ms <= shortest:
            raise ValueError(f"guard_ms must be between 0 and the shortest quota window ({shortest} ms)")
        self.guard_ms = guard_ms
        self.store: LimiterStore = store if store is not None else MemoryStore()
        self._scope_ids = {Scope.IP: "local", Scope.ACCOUNT: "default", Scope.ENDPOINT: "-", **(scope_ids or {})}
        self._now = now_ms
        self.max_wait_s = max_wait_s
        self._plans: dict[tuple[Cost, ...], tuple[list[Reservation], list[str]]] = {}
        self._turns = Turns()
        self.waited_ms = 0

    def key(self, quota: Quota) -> str:
        return f"{self.venue}:{quota.name}:{self._scope_ids[quota.scope]}"

    def scope_block_key(self, scope: Scope) -> str:
        return f"{self.venue}:block:{scope.value}:{self._scope_ids[scope]}"

    def _plan(self, costs: tuple[Cost, ...]) -> tuple[list[Reservation], list[str]]:
        plan = self._plans.get(costs)
        if plan is None:
            units: dict[str, int] = {}
            for c in costs:
                if c.quota in self.quotas:
                    units[c.quota] = units.get(c.quota, 0) + c.units
            quotas = [(self.quotas[name], n) for name, n in units.items()]
            items = [Reservation(self.key(q), n, q.limit, q.window_ms, self.guard_ms) for q, n in quotas]
            block_keys = [self.scope_block_key(s) for s in Scope] + [i.key + ":block" for i in items]
            plan = (items, block_keys)
            self._plans[costs] = plan
        return plan

    async def acquire(self, costs: Sequence[Cost]) -> None:
        """Wait for this task's turn and for room in every quota (raise when that would exceed `max_wait_s`)."""
        items, block_keys = self._plan(tuple(costs))
        for item in items:
            if item.units > item.limit:
                raise RateLimited(f"a cost of {item.units} units never fits a limit of {item.limit}", venue=self.venue)
        start = self._now()
        deadline = start + int(self.max_wait_s * 1000)
        if not items:
            await self._take(items, block_keys, deadline)
            return
        turn = self._turns.enter([i.key for i in items])
        try:
            if not await self._turns.wait(turn, (deadline - start) / 1000):
                raise RateLimited(
                    f"still in line behind other requests for the same quotas after {self.max_wait_s:g} s",
                    venue=self.venue,
                )
            self.waited_ms += self._now() - start
            await self._take(items, block_keys, deadline)
        finally:
            self._turns.leave(turn)

    async def _take(self, items: list[Reservation], block_keys: list[str], deadline: int) -> None:
        while True:
            now = self._now()
            block = await self.store.blocked(block_keys, now)
            if block is not None:
                until, reason = block
                if until > deadline:
                    error = IPBanned if reason.startswith("ban") else RateLimited
                    raise error(
                        f"blocked until {until} ms ({reason}); not sending",
                        venue=self.venue,
                        retry_after=(until - now) / 1000,
                    )
                await self._sleep(until - now)
                continue
            if not items:
                return
            wait = await self.store.reserve(items, now)
            if wait == 0:
                return
            if now + wait > deadline:
                raise RateLimited(
                    f"client-side limit would need a {wait} ms wait", venue=self.venue, retry_after=wait / 1000
                )
            await self._sleep(wait)

    async def _sleep(self, ms: int) -> None:
        self.waited_ms += ms
        await anyio.sleep(ms / 1000)

    async def block(self, until_ms: int, reason: str, *, scope: Scope = Scope.IP, quota: str | None = None) -> None:
        """Stop all traffic of a scope (or of one quota) until `until_ms`: bans, Retry-After, 100410."""
        if quota is not None and quota in self.quotas:
            key = self.key(self.quotas[quota]) + ":block"
        else:
            key = self.scope_block_key(scope)
        await self.store.block(key, until_ms, reason)

    async def observe_usage(self, quota: str, used: int) -> None:
        """Align a quota with the usage the venue reported (e.g. `X-MBX-USED-WEIGHT-1M`)."""
        q = self.quotas.get(quota)
        if q is not None:
            await self.store.observe(self.key(q), q.window_ms, used, self._now())
