"""Reconnect delays: exponential with full jitter, capped, reset after a connection proved healthy."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """`next()` returns a delay in seconds drawn uniformly from [initial/2, min(cap, initial * factor**n)]."""

    initial: float = 0.5
    maximum: float = 30.0
    factor: float = 2.0
    rng: random.Random = field(default_factory=random.Random)
    attempt: int = 0

    def next(self) -> float:
        ceiling = min(self.maximum, self.initial * self.factor ** self.attempt)
        self.attempt += 1
        return self.rng.uniform(min(self.initial / 2, ceiling), ceiling)

    def reset(self) -> None:
        self.attempt = 0
