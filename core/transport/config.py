"""Client-level settings: timeouts per call type, retries, receive window."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds; order placement gets its own read timeout because its failure is the costly one.

    Under asyncio `read` / `order` bound the whole exchange, from the send to the last byte of the answer
    (`connect` and `pool` only bound making the connection, which then counts as never sent); through an
    httpx transport (trio, injected transports) `read` is httpx's wait between two reads.
    """

    connect: float = 5.0
    read: float = 10.0
    order: float = 10.0
    pool: float = 5.0

    def as_extension(self, *, placing_order: bool) -> dict[str, float]:
        read = self.order if placing_order else self.read
        return {"connect": self.connect, "read": read, "write": read, "pool": self.pool}


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Bounded retries for calls that are safe to repeat; placement goes through idempotency instead."""

    attempts: int = 3
    backoff_s: float = 0.2
    max_backoff_s: float = 2.0

    def delay(self, attempt: int) -> float:
        return float(min(self.max_backoff_s, self.backoff_s * (2**attempt)))
