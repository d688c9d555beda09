"""Fixed-window simulator rate limits on a manual clock."""

from __future__ import annotations

from venuekit.core.simulator import ManualClock, SimRateLimits


def test_fixed_window_counts_and_resets() -> None:
    clock = ManualClock(60_000 * 100 + 10_000)
    limits = SimRateLimits(clock)
    limits.define("weight", limit=10, window_ms=60_000)
    first = limits.check_and_count("weight", "1.2.3.4", weight=4)
    assert first.ok and first.used == 4
    assert limits.check_and_count("weight", "1.2.3.4", weight=6).used == 10
    denied = limits.check_and_count("weight", "1.2.3.4")
    assert not denied.ok and denied.retry_after_ms == 50_000 and denied.used == 10
    assert limits.check_and_count("weight", "5.6.7.8").ok
    assert limits.violations == 1 and limits.violations_by_key["weight"] == 1
    clock.advance(49_999)
    assert not limits.check_and_count("weight", "1.2.3.4").ok
    clock.advance(1)
    assert limits.check_and_count("weight", "1.2.3.4").used == 1
    assert limits.violations == 2


def test_check_many_is_all_or_nothing() -> None:
    clock = ManualClock(0)
    limits = SimRateLimits(clock)
    limits.define("weight", 100, 60_000)
    limits.define("orders_10s", 2, 10_000)
    for _ in range(2):
        assert all(r.ok for r in limits.check_many([("weight", "acct", 1), ("orders_10s", "acct", 1)]))
    results = limits.check_many([("weight", "acct", 1), ("orders_10s", "acct", 1)])
    assert [r.ok for r in results] == [True, False]
    assert limits.usage("weight", "acct") == 2
    clock.advance(10_000)
    assert limits.check_many([("weight", "acct", 1), ("orders_10s", "acct", 1)])[1].ok
    assert limits.usage("weight", "acct") == 3


def test_bans_and_auto_ban() -> None:
    clock = ManualClock(0)
    limits = SimRateLimits(clock, ban_after=2, ban_ms=5_000)
    limits.define("w", 1, 1_000)
    limits.ban("9.9.9.9", until_ms=3_000)
    banned = limits.check_and_count("w", "9.9.9.9")
    assert banned.banned and banned.retry_after_ms == 3_000
    clock.set(3_000)
    assert limits.check_and_count("w", "9.9.9.9").ok
    assert not limits.check_and_count("w", "9.9.9.9").ok
    assert limits.banned_until("9.9.9.9") is None
    assert not limits.check_and_count("w", "9.9.9.9").ok
    assert limits.banned_until("9.9.9.9") == 8_000
    clock.set(7_999)
    assert limits.check_and_count("w", "9.9.9.9").banned
    clock.set(8_000)
    assert limits.check_and_count("w", "9.9.9.9").ok


def test_count_rejected_charges_refused_requests() -> None:
    clock = ManualClock(0)
    limits = SimRateLimits(clock, count_rejected=True)
    limits.define("w", 2, 1_000)
    limits.check_and_count("w", "s", 2)
    limits.check_and_count("w", "s", 1)
    assert limits.usage("w", "s") == 3
