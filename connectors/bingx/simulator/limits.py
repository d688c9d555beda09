"""BingX rate limits as data on `SimRateLimits`: per UID per endpoint (req/s) and per IP group (req/10 s).

Exceeding either answers 100410 with the epoch-ms at which the endpoint unblocks, in the documented text.
"""

from __future__ import annotations

from venuekit.core.simulator import SimRateLimits

from . import codes
from .codes import BingXError

SECOND_MS = 1000
TEN_SECONDS_MS = 10_000

# Market data shares 500 requests / 10 s per IP; account interfaces 2000 / 10 s per IP (BingX
# announcement, reference §7). Seed 001 numbers the account groups 2 and 3; seed 000 leaves them blank.
IP_GROUPS: dict[str, tuple[int, int]] = {
    "market": (500, TEN_SECONDS_MS),
    "2": (2000, TEN_SECONDS_MS),
    "3": (2000, TEN_SECONDS_MS),
    "account": (2000, TEN_SECONDS_MS),
}


def define_groups(limits: SimRateLimits) -> None:
    for group, (limit, window) in IP_GROUPS.items():
        limits.define(f"ip:{group}", limit, window)


def define_endpoint(limits: SimRateLimits, route: str, uid_per_second: int | None) -> None:
    if uid_per_second is not None:
        limits.define(f"uid:{route}", uid_per_second, SECOND_MS)


def enforce(limits: SimRateLimits, route: str, ip_group: str, ip: str, uid: str | None) -> None:
    """Count one request against its IP group (and a UID quota when `uid` is given), or raise 100410."""
    checks = [(f"ip:{ip_group}", ip, 1)] if f"ip:{ip_group}" in limits.rules else []
    if uid is not None and f"uid:{route}" in limits.rules:
        checks.append((f"uid:{route}", uid, 1))
    if not checks:
        return
    results = limits.check_many(checks)
    refused = [r for r in results if not r.ok]
    if refused:
        unblock = limits.clock.now_ms() + max(r.retry_after_ms for r in refused)
        raise BingXError(codes.RATE_LIMITED, codes.disabled_period_msg(unblock))


def enforce_uid(limits: SimRateLimits, route: str, uid: str) -> None:
    """Count a signed request against its endpoint's per-UID quota."""
    if f"uid:{route}" in limits.rules:
        results = limits.check_many([(f"uid:{route}", uid, 1)])
        if not results[0].ok:
            unblock = limits.clock.now_ms() + results[0].retry_after_ms
            raise BingXError(codes.RATE_LIMITED, codes.disabled_period_msg(unblock))
