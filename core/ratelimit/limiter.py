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
_MAX_PLANS_BY_ID: Final = 256


class _Plan:
    """What one cost list charges: the store reservations, their counter keys and the block keys to check."""

    __slots__ = ("block_keys", "items", "keys", "oversized")

    def __init__(self, items: list[Reservation], block_keys: list[str]) -> None:
        self.items = items
        self.keys = [i.key for i in items]
        self.block_keys = block_keys
        self.oversized = next((i for i in items if i.units > i.limit), None)


def _plain_memory(store: LimiterStore) -> MemoryStore | None:
    """The store if it is a `MemoryStore` that keeps its own reserve/observe/block/blocked (else the awaited path)."""
    if not isinstance(store, MemoryStore):
        return None
    cls = type(store)
    own = all(getattr(cls, name) is getattr(MemoryStore, name) for name in ("reserve", "observe", "blocked", "block"))
    return store if own else None


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
        self.store = store if store is not None else MemoryStore()
        self._scope_ids = {Scope.IP: "local", Scope.ACCOUNT: "default", Scope.ENDPOINT: "-", **(scope_ids or {})}
        self._now = now_ms
        self.max_wait_s = max_wait_s
        self._plans: dict[tuple[Cost, ...], _Plan] = {}
        self._plans_by_id: dict[int, tuple[tuple[Cost, ...], _Plan]] = {}
        self._keys: dict[str, tuple[Quota, str]] = {}
        self._turns = Turns()
        self.waited_ms = 0

    @property
    def store(self) -> LimiterStore:
        return self._store

    @store.setter
    def store(self, store: LimiterStore) -> None:
        self._store = store
        self._memory = _plain_memory(store)

    def key(self, quota: Quota) -> str:
        return f"{self.venue}:{quota.name}:{self._scope_ids[quota.scope]}"

    def scope_block_key(self, scope: Scope) -> str:
        return f"{self.venue}:block:{scope.value}:{self._scope_ids[scope]}"

    def _plan(self, costs: Sequence[Cost]) -> _Plan:
        """The counters and block keys of a cost list, cached by value (and by identity for an endpoint's tuple)."""
        immutable = type(costs) is tuple
        if immutable:
            cached = self._plans_by_id.get(id(costs))
            if cached is not None and cached[0] is costs:
                return cached[1]
        key = tuple(costs)
        plan = self._plans.get(key)
        if plan is None:
            units: dict[str, int] = {}
            for c in key:
                if c.quota in self.quotas:
                    units[c.quota] = units.get(c.quota, 0) + c.units
            quotas = [(self.quotas[name], n) for name, n in units.items()]
            items = [Reservation(self.key(q), n, q.limit, q.window_ms, self.guard_ms) for q, n in quotas]
            block_keys = [self.scope_block_key(s) for s in Scope] + [i.key + ":block" for i in items]
            plan = self._plans[key] = _Plan(items, block_keys)
        if immutable:
            if len(self._plans_by_id) >= _MAX_PLANS_BY_ID:
                self._plans_by_id.clear()
            self._plans_by_id[id(costs)] = (key, plan)
        return plan

    async def acquire(self, costs: Sequence[Cost]) -> None:
        """Wait for this task's turn and for room in every quota (raise when that would exceed `max_wait_s`).

        With a plain `MemoryStore` and nobody in line for these counters, a request that fits now is
        charged synchronously: no await, so no other task can slip in between the check and the charge.
        """
        plan = self._plan(costs)
        items, block_keys = plan.items, plan.block_keys
        memory = self._memory
        if memory is not None and self._turns.idle(plan.keys) and memory.take_now(items, block_keys, self._now()):
            return
        item = plan.oversized
        if item is not None:
            raise RateLimited(f"a cost of {item.units} units never fits a limit of {item.limit}", venue=self.venue)
        start = self._now()
        deadline = start + int(self.max_wait_s * 1000)
        if not items:
            await self._take(items, block_keys, deadline, start)
            return
        turn = self._turns.enter(plan.keys)
        try:
            now = start
            if turn.event is not None:
                if not await self._turns.wait(turn, (deadline - start) / 1000):
                    raise RateLimited(
                        f"still in line behind other requests for the same quotas after {self.max_wait_s:g} s",
                        venue=self.venue,
                    )
                now = self._now()
                self.waited_ms += now - start
            await self._take(items, block_keys, deadline, now)
        finally:
            self._turns.leave(turn)

    async def _take(self, items: list[Reservation], block_keys: list[str], deadline: int, now: int) -> None:
        """Wait out blocks and quota room, asking the store; `now` is the time of the first attempt."""
        while True:
            block = await self._store.blocked(block_keys, now)
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
                now = self._now()
                continue
            if not items:
                return
            wait = await self._store.reserve(items, now)
            if wait == 0:
                return
            if now + wait > deadline:
                raise RateLimited(
                    f"client-side limit would need a {wait} ms wait", venue=self.venue, retry_after=wait / 1000
                )
            await self._sleep(wait)
            now = self._now()

    async def _sleep(self, ms: int) -> None:
        self.waited_ms += ms
        await anyio.sleep(ms / 1000)

    async def block(self, until_ms: int, reason: str, *, scope: Scope = Scope.IP, quota: str | None = None) -> None:
        """Stop all traffic of a scope (or of one quota) until `until_ms`: bans, Retry-After, 100410."""
        if quota is not None and quota in self.quotas:
            key = self.key(self.quotas[quota]) + ":block"
        else:
            key = self.scope_block_key(scope)
        await self._store.block(key, until_ms, reason)

    async def observe_usage(self, quota: str, used: int) -> None:
        """Align a quota with the usage the venue reported (e.g. `X-MBX-USED-WEIGHT-1M`)."""
        await self.observe_usages({quota: used})

    async def observe_usages(self, reports: Mapping[str, int]) -> None:
        """`observe_usage` for several quotas of one response in one call (synchronous on a plain `MemoryStore`)."""
        now = self._now()
        memory = self._memory
        for quota, used in reports.items():
            q = self.quotas.get(quota)
            if q is None:
                continue
            key = self._quota_key(q)
            if memory is not None:
                memory.observe_now(key, q.window_ms, used, now)
            else:
                await self._store.observe(key, q.window_ms, used, now)

    def _quota_key(self, quota: Quota) -> str:
        cached = self._keys.get(quota.name)
        if cached is None or cached[0] is not quota:
            cached = self._keys[quota.name] = (quota, self.key(quota))
        return cached[1]
