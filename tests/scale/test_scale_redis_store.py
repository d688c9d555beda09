"""RedisStore against a real redis-server: all-or-nothing reservations, sliding spans, observed usage, bans."""

from __future__ import annotations

import random
import time

import anyio
import pytest
from scale_support import RedisServer, span_peak, venue_peak

from venuekit.core.clock import local_ms
from venuekit.core.errors import IPBanned, RateLimited
from venuekit.core.ratelimit import Cost, MemoryStore, Quota, RateLimiter, Reservation, Scope
from venuekit.core.ratelimit.redis_store import RedisStore, limiter_store_from_env

# The `now_ms` argument is ignored by RedisStore (time comes from the server); any value shows that.
IGNORED_NOW = 0


async def settle(store: RedisStore, window_ms: int, margin_ms: int = 300) -> None:
    """Start a test early in a window so a boundary cannot fall inside it."""
    now = await store.server_time_ms()
    left = window_ms - now % window_ms
    if left < margin_ms:
        await anyio.sleep(left / 1000 + 0.01)


async def test_reserve_is_all_or_nothing(store: RedisStore) -> None:
    wide, narrow = Reservation("v:wide:a", 1, 5, 60_000), Reservation("v:narrow:a", 1, 2, 60_000)
    await settle(store, 60_000)
    assert await store.reserve([wide, narrow], IGNORED_NOW) == 0
    assert await store.reserve([wide, narrow], IGNORED_NOW) == 0
    refused = await store.reserve([wide, narrow], IGNORED_NOW)
    assert 0 < refused <= 60_001
    # `wide` was not charged by the refused call: 3 of its 5 units are still free.
    assert [await store.reserve([wide], IGNORED_NOW) for _ in range(4)][:3] == [0, 0, 0]
    assert await store.reserve([wide], IGNORED_NOW) > 0


async def test_multi_unit_cost_that_does_not_fit_is_refused_whole(store: RedisStore) -> None:
    await settle(store, 60_000)
    item = Reservation("v:weight:ip", 7, 10, 60_000)
    assert await store.reserve([item], IGNORED_NOW) == 0
    assert await store.reserve([item], IGNORED_NOW) > 0
    assert await store.reserve([Reservation("v:weight:ip", 3, 10, 60_000)], IGNORED_NOW) == 0


async def test_grants_leave_one_span_later_and_the_key_expires(
    store: RedisStore, redis_server: RedisServer, prefix: str
) -> None:
    item = Reservation("v:fast:a", 1, 3, 300, guard_ms=20)
    assert [await store.reserve([item], IGNORED_NOW) for _ in range(3)] == [0, 0, 0]
    wait = await store.reserve([item], IGNORED_NOW)
    assert 300 < wait <= 321, "a fixed window would free the units at its boundary, at most 300 ms on"
    sync = redis_server.sync_client()
    assert sync.keys(prefix + "*") == [prefix + "v:fast:a:log"]
    assert sync.type(prefix + "v:fast:a:log") == "zset"
    assert 0 < sync.pttl(prefix + "v:fast:a:log") <= 321
    assert await store.reserve([item], IGNORED_NOW) > 0
    await anyio.sleep(wait / 1000)
    assert await store.reserve([item], IGNORED_NOW) == 0
    await anyio.sleep(0.35)
    assert sync.keys(prefix + "*") == []
    sync.close()


async def test_weighted_grants_leave_oldest_first(store: RedisStore) -> None:
    def item(units: int) -> Reservation:
        return Reservation("v:weight:ip", units, 10, 400)

    assert await store.reserve([item(3)], IGNORED_NOW) == 0
    first = store.last_server_ms
    await anyio.sleep(0.1)
    assert await store.reserve([item(4)], IGNORED_NOW) == 0
    assert await store.reserve([item(3)], IGNORED_NOW) == 0
    assert first is not None and store.last_server_ms is not None
    # 10 used: 3 more units need only the first grant (3 units) to leave, 5 more need the second one too.
    three = await store.reserve([item(3)], IGNORED_NOW)
    assert three == first + 401 - store.last_server_ms
    five = await store.reserve([item(5)], IGNORED_NOW)
    assert five >= three + 90
    await anyio.sleep(three / 1000)
    assert await store.reserve([item(5)], IGNORED_NOW) > 0
    assert await store.reserve([item(3)], IGNORED_NOW) == 0
    assert await store.reserve([item(1)], IGNORED_NOW) > 0


async def test_observed_usage_adds_only_what_we_did_not_grant(store: RedisStore) -> None:
    await settle(store, 60_000)
    quota = Reservation("v:w:ip", 1, 10, 60_000)
    for _ in range(4):
        assert await store.reserve([quota], IGNORED_NOW) == 0
    await store.observe("v:w:ip", 60_000, 4, IGNORED_NOW)
    assert [await store.reserve([quota], IGNORED_NOW) for _ in range(6)] == [0] * 6
    assert await store.reserve([quota], IGNORED_NOW) > 0
    other = Reservation("v:x:ip", 1, 10, 60_000)
    await store.observe("v:x:ip", 60_000, 9, IGNORED_NOW)
    assert await store.reserve([other], IGNORED_NOW) == 0
    assert await store.reserve([other], IGNORED_NOW) > 0


async def test_concurrent_weighted_grants_never_overflow_a_venue_window(
    store: RedisStore, other_store: RedisStore
) -> None:
    """Two connections (two processes' worth) flood one quota with weights 1-3 for ~1.2 s."""
    limit, window, guard, rng = 100, 250, 10, random.Random(11)
    grants: list[tuple[int, int]] = []
    stop = await store.server_time_ms() + 1_200

    async def flood(s: RedisStore, seed: int) -> None:
        own = random.Random(seed)
        limiter = RateLimiter("v", [Quota("q", limit, window)], store=s, guard_ms=guard)
        while True:
            units = own.randint(1, 3)
            await limiter.acquire([Cost("q", units)])
            assert s.last_server_ms is not None
            grants.append((s.last_server_ms, units))
            if s.last_server_ms >= stop:
                return

    with anyio.fail_after(5):
        async with anyio.create_task_group() as tg:
            for i, s in enumerate((store, other_store, store, other_store)):
                tg.start_soon(flood, s, i)
    assert span_peak(grants, window + guard) <= limit
    assert venue_peak(grants, window, guard, rng) <= limit
    first = min(t for t, _ in grants)
    spans = 4
    granted = sum(u for t, u in grants if t < first + spans * (window + guard + 1))
    assert granted >= 0.9 * limit * spans * (window + guard + 1) / window, granted


async def test_limiter_waits_for_the_next_window(store: RedisStore) -> None:
    limiter = RateLimiter("v", [Quota("q", 2, 400)], store=store)
    await settle(store, 400, margin_ms=200)
    started = time.monotonic()
    with anyio.fail_after(3):
        for _ in range(3):
            await limiter.acquire([Cost("q")])
    assert time.monotonic() - started >= 0.15
    assert limiter.waited_ms > 0


async def test_observed_usage_is_shared_and_never_lowered(store: RedisStore, other_store: RedisStore) -> None:
    await settle(store, 60_000)
    quota = Quota("weight", 100, 60_000)
    a = RateLimiter("v", [quota], store=store)
    b = RateLimiter("v", [quota], store=other_store, max_wait_s=0.05)
    await a.observe_usage("weight", 98)
    await a.observe_usage("weight", 10)
    await b.acquire([Cost("weight", 2)])
    with pytest.raises(RateLimited):
        await b.acquire([Cost("weight", 1)])


async def test_ban_learned_by_one_process_stops_the_other(store: RedisStore, other_store: RedisStore) -> None:
    quotas = [Quota("orders", 10, 1000, Scope.ACCOUNT), Quota("weight", 100, 1000)]
    first = RateLimiter("v", quotas, store=store, scope_ids={Scope.ACCOUNT: "acct1"})
    second = RateLimiter("v", quotas, store=other_store, scope_ids={Scope.ACCOUNT: "acct2"}, max_wait_s=0.2)
    await second.acquire([Cost("orders")])
    await first.block(local_ms() + 5_000, "ban: HTTP 418", scope=Scope.IP)
    with pytest.raises(IPBanned) as caught:
        await second.acquire([Cost("orders")])
    assert caught.value.retry_after is not None and 4 < caught.value.retry_after <= 5


async def test_short_back_off_is_waited_out_by_the_other_process(store: RedisStore, other_store: RedisStore) -> None:
    quotas = [Quota("orders", 10, 10_000, Scope.ACCOUNT)]
    first = RateLimiter("v", quotas, store=store, scope_ids={Scope.ACCOUNT: "acct1"})
    same_account = RateLimiter("v", quotas, store=other_store, scope_ids={Scope.ACCOUNT: "acct1"})
    other_account = RateLimiter("v", quotas, store=other_store, scope_ids={Scope.ACCOUNT: "acct2"})
    await first.block(local_ms() + 300, "429: too many", quota="orders")
    started = time.monotonic()
    with anyio.fail_after(2):
        await other_account.acquire([Cost("orders")])
    assert time.monotonic() - started < 0.1
    with anyio.fail_after(2):
        await same_account.acquire([Cost("orders")])
    assert time.monotonic() - started >= 0.25


async def test_accounts_have_their_own_quota_but_share_the_ip_quota(store: RedisStore, other_store: RedisStore) -> None:
    await settle(store, 60_000)
    quotas = [Quota("orders", 2, 60_000, Scope.ACCOUNT), Quota("weight", 3, 60_000, Scope.IP)]
    one = RateLimiter("v", quotas, store=store, scope_ids={Scope.ACCOUNT: "a1"}, max_wait_s=0.05)
    two = RateLimiter("v", quotas, store=other_store, scope_ids={Scope.ACCOUNT: "a2"}, max_wait_s=0.05)
    cost = [Cost("orders"), Cost("weight")]
    await one.acquire(cost)
    await one.acquire(cost)
    with pytest.raises(RateLimited):
        await one.acquire(cost)
    await two.acquire(cost)
    with pytest.raises(RateLimited):
        await two.acquire(cost)


async def test_later_block_wins_and_keys_expire(store: RedisStore, redis_server: RedisServer, prefix: str) -> None:
    now = local_ms()
    await store.block("v:block:ip:local", now + 250, "429: first")
    await store.block("v:block:ip:local", now + 100, "429: shorter")
    found = await store.blocked(["v:block:ip:local", "v:other:block"], local_ms())
    assert found is not None and found[1] == "429: first"
    assert 150 <= found[0] - local_ms() <= 260
    await anyio.sleep(0.3)
    assert await store.blocked(["v:block:ip:local"], local_ms()) is None
    sync = redis_server.sync_client()
    assert sync.keys(prefix + "*") == []
    sync.close()


async def test_scripts_are_loaded_again_after_a_script_flush(store: RedisStore, redis_server: RedisServer) -> None:
    await store.reserve([Reservation("v:s:a", 1, 100, 60_000)], IGNORED_NOW)
    sync = redis_server.sync_client()
    sync.script_flush()
    sync.close()
    assert await store.reserve([Reservation("v:s:a", 1, 100, 60_000)], IGNORED_NOW) == 0


async def test_store_from_env(redis_server: RedisServer) -> None:
    assert isinstance(limiter_store_from_env(env={}), MemoryStore)
    env = {
        "VENUEKIT_LIMITER_URL": redis_server.url,
        "VENUEKIT_LIMITER_ON_UNAVAILABLE": "local",
        "VENUEKIT_LIMITER_PROCESS_COUNT": "8",
    }
    built = limiter_store_from_env(env=env)
    assert isinstance(built, RedisStore)
    assert (built.on_unavailable, built.process_count) == ("local", 8)
    assert await built.server_time_ms() > 1_600_000_000_000
    await built.aclose()
    with pytest.raises(ValueError, match="on_unavailable"):
        limiter_store_from_env(env={**env, "VENUEKIT_LIMITER_ON_UNAVAILABLE": "ignore"})
    with pytest.raises(ValueError, match="limiter URL"):
        limiter_store_from_env("http://127.0.0.1:1")


def test_repr_hides_the_url_password() -> None:
    built = RedisStore.from_url("redis://user:hunter2@127.0.0.1:1/0")
    assert "hunter2" not in repr(built)
