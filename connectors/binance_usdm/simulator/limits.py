"""Binance's request-weight and order-count limits on top of `SimRateLimits`, with the 429 -> 418 escalation."""

from __future__ import annotations

from typing import Final

from venuekit.core.simulator import RateLimitResult, SimClock, SimRateLimits

from .errors import BinanceError

WEIGHT: Final = "REQUEST_WEIGHT"
ORDERS_10S: Final = "ORDERS_10S"
ORDERS_1M: Final = "ORDERS_1M"
WEIGHT_LIMIT: Final = 2400
ORDERS_10S_LIMIT: Final = 300
ORDERS_1M_LIMIT: Final = 1200
BAN_MS: Final = 120_000


def binance_limits(clock: SimClock) -> SimRateLimits:
    """The three buckets exchangeInfo publishes: weight per IP per minute, orders per account per 10s and 1m."""
    limits = SimRateLimits(clock)
    limits.define(WEIGHT, WEIGHT_LIMIT, 60_000)
    limits.define(ORDERS_10S, ORDERS_10S_LIMIT, 10_000)
    limits.define(ORDERS_1M, ORDERS_1M_LIMIT, 60_000)
    return limits


class Throttle:
    """Charges weight per IP and orders per account; a request sent while limited bans the IP (418)."""

    def __init__(self, limits: SimRateLimits, clock: SimClock, ban_ms: int = BAN_MS) -> None:
        self.limits = limits
        self.clock = clock
        self.ban_ms = ban_ms
        self._limited_until: dict[str, int] = {}

    def weight_headers(self, ip: str) -> dict[str, str]:
        return {"X-MBX-USED-WEIGHT-1M": str(self.limits.usage(WEIGHT, ip))}

    def order_headers(self, account_id: str) -> dict[str, str]:
        return {
            "X-MBX-ORDER-COUNT-10S": str(self.limits.usage(ORDERS_10S, account_id)),
            "X-MBX-ORDER-COUNT-1M": str(self.limits.usage(ORDERS_1M, account_id)),
        }

    def charge_weight(self, ip: str, weight: int) -> None:
        """Count `weight` against the IP; raises the 429/418 error when refused."""
        now = self.clock.now_ms()
        if self.limits.banned_until(ip) is None and self._limited_until.get(ip, 0) > now:
            self.limits.ban(ip, now + self.ban_ms)
        result = self.limits.check_and_count(WEIGHT, ip, weight)
        if result.ok:
            return
        if result.banned:
            raise self._banned(ip, now + result.retry_after_ms, result)
        self._limited_until[ip] = now + result.retry_after_ms
        raise BinanceError(
            -1003,
            f"Too many requests; current limit of IP({ip}) is {result.limit} requests per minute. "
            "Please use the websocket for live updates to avoid polling the API.",
            429,
            self._retry_headers(result),
        )

    def charge_orders(self, account_id: str, count: int) -> None:
        """Count `count` new orders against the account's 10s and 1m order limits (-1015 / 429)."""
        if count <= 0:
            return
        results = self.limits.check_many([(ORDERS_10S, account_id, count), (ORDERS_1M, account_id, count)])
        failed = next((r for r in results if not r.ok), None)
        if failed is None:
            return
        span = "10 seconds" if failed.key == ORDERS_10S else "1 minute"
        raise BinanceError(
            -1015, f"Too many new orders; current limit is {failed.limit} orders per {span}.", 429,
            self._retry_headers(failed),
        )

    def _banned(self, ip: str, until_ms: int, result: RateLimitResult) -> BinanceError:
        return BinanceError(
            -1003,
            f"Way too many requests; IP({ip}) banned until {until_ms}. "
            "Please use the websocket for live updates to avoid bans.",
            418,
            self._retry_headers(result),
        )

    @staticmethod
    def _retry_headers(result: RateLimitResult) -> dict[str, str]:
        seconds = max(1, -(-result.retry_after_ms // 1000))
        return {"Retry-After": str(seconds)}
