"""Simulator-side fixed-window rate limits per (bucket, scope), with bans, on the simulator clock."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .clock import SimClock, WallClock

ANY_BUCKET = "*"


@dataclass(frozen=True)
class RateLimitRule:
    key: str
    limit: int
    window_ms: int


@dataclass(frozen=True)
class RateLimitResult:
    """Outcome of one check: usage after counting (for used-weight headers) or a violation."""

    ok: bool
    key: str
    scope: str
    used: int
    limit: int
    window_ms: int
    retry_after_ms: int = 0
    banned: bool = False


class SimRateLimits:
    """Counters reset at window boundaries (`now - now % window`), like Binance's per-minute weight.

    `count_rejected` also charges refused requests; `ban_after` bans a scope for `ban_ms` after that many
    consecutive violations (Binance's 429 -> 418 escalation).
    """

    def __init__(
        self,
        clock: SimClock | None = None,
        *,
        count_rejected: bool = False,
        ban_after: int | None = None,
        ban_ms: int = 120_000,
    ) -> None:
        self.clock: SimClock = clock or WallClock()
        self.count_rejected = count_rejected
        self.ban_after = ban_after
        self.ban_ms = ban_ms
        self.rules: dict[str, RateLimitRule] = {}
        self._windows: dict[tuple[str, str], tuple[int, int]] = {}
        self._bans: dict[tuple[str, str], int] = {}
        self._strikes: Counter[str] = Counter()
        self.violations = 0
        self.violations_by_key: Counter[str] = Counter()

    def define(self, key: str, limit: int, window_ms: int) -> RateLimitRule:
        rule = RateLimitRule(key, limit, window_ms)
        self.rules[key] = rule
        return rule

    def _window_start(self, rule: RateLimitRule, now: int) -> int:
        return now - now % rule.window_ms

    def usage(self, key: str, scope: str) -> int:
        """Weight used in the current window."""
        rule = self.rules[key]
        start, used = self._windows.get((key, scope), (0, 0))
        return used if start == self._window_start(rule, self.clock.now_ms()) else 0

    def ban(self, scope: str, until_ms: int, key: str | None = None) -> None:
        """Refuse every request of `scope` (in one bucket, or all) until `until_ms`."""
        self._bans[(key or ANY_BUCKET, scope)] = until_ms

    def banned_until(self, scope: str, key: str | None = None) -> int | None:
        now = self.clock.now_ms()
        ends = [u for (k, s), u in self._bans.items() if s == scope and k in (ANY_BUCKET, key) and u > now]
        return max(ends) if ends else None

    def _evaluate(self, key: str, scope: str, weight: int) -> RateLimitResult:
        rule = self.rules[key]
        now = self.clock.now_ms()
        used = self.usage(key, scope)
        until = self.banned_until(scope, key)
        if until is not None:
            return RateLimitResult(False, key, scope, used, rule.limit, rule.window_ms, until - now, banned=True)
        if used + weight > rule.limit:
            retry = self._window_start(rule, now) + rule.window_ms - now
            return RateLimitResult(False, key, scope, used, rule.limit, rule.window_ms, retry)
        return RateLimitResult(True, key, scope, used + weight, rule.limit, rule.window_ms)

    def _count(self, key: str, scope: str, weight: int) -> None:
        start = self._window_start(self.rules[key], self.clock.now_ms())
        self._windows[(key, scope)] = (start, self.usage(key, scope) + weight)

    def check_many(self, checks: Iterable[tuple[str, str, int]]) -> list[RateLimitResult]:
        """Check (bucket, scope, weight) triples together: all are counted only if all pass."""
        items = list(checks)
        results = [self._evaluate(k, s, w) for k, s, w in items]
        failed = [r for r in results if not r.ok]
        if failed:
            for r in failed:
                self.violations += 1
                self.violations_by_key[r.key] += 1
            for scope in {r.scope for r in failed if not r.banned}:
                self._strike(scope)
        else:
            for scope in {s for _, s, _ in items}:
                self._strikes[scope] = 0
        if not failed or self.count_rejected:
            for k, s, w in items:
                self._count(k, s, w)
        return results

    def check_and_count(self, key: str, scope: str, weight: int = 1) -> RateLimitResult:
        return self.check_many([(key, scope, weight)])[0]

    def _strike(self, scope: str) -> None:
        self._strikes[scope] += 1
        if self.ban_after is not None and self._strikes[scope] >= self.ban_after:
            self.ban(scope, self.clock.now_ms() + self.ban_ms)
            self._strikes[scope] = 0

    def reset(self) -> None:
        """Forget usage, bans and violation counts."""
        self._windows.clear()
        self._bans.clear()
        self._strikes.clear()
        self.violations = 0
        self.violations_by_key.clear()
