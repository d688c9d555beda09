"""Rate limiting: declarative quotas, a limiter that waits, and pluggable state."""

from .limiter import RateLimiter
from .quota import Cost, Quota, Scope
from .store import LimiterStore, MemoryStore, Reservation

__all__ = ["Cost", "LimiterStore", "MemoryStore", "Quota", "RateLimiter", "Reservation", "Scope"]
