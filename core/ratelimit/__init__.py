"""Rate limiting: declarative quotas, a limiter that waits, and pluggable state (memory or Redis)."""

from typing import Any

from .limiter import RateLimiter
from .quota import Cost, Quota, Scope
from .store import LimiterStore, MemoryStore, Reservation

_REDIS = frozenset({"RedisStore", "LimiterUnavailable", "limiter_store_from_env"})


def __getattr__(name: str) -> Any:
    """Redis names load on first use, so a plain install never imports the redis package."""
    if name in _REDIS:
        from . import redis_store

        return getattr(redis_store, name)
    raise AttributeError(name)


__all__ = [
    "Cost",
    "LimiterStore",
    "LimiterUnavailable",
    "MemoryStore",
    "Quota",
    "RateLimiter",
    "RedisStore",
    "Reservation",
    "Scope",
    "limiter_store_from_env",
]
