"""What every measurement shares: run sizes, timers, RSS, and the result row with its target."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

Better = Literal["lower", "higher"]

FAKE_KEY = "vkbenchkey" * 6 + "abcd"
FAKE_SECRET = "vkbenchsecret" * 4 + "0123456789ab"


@dataclass(frozen=True)
class Sizes:
    """Counts for one run; `quick()` shrinks everything so the smoke test stays in seconds."""

    quick: bool = False
    import_runs: int = 7
    sign_loops: int = 20_000
    parse_loops: int = 300
    list_orders: int = 1_000
    list_loops: int = 5
    repeats: int = 5
    parse_rounds: int = 15
    seq_calls: int = 1_500
    conc_calls: int = 4_000
    concurrency: tuple[int, ...] = (50, 500)
    rounds: int = 7
    warmup_calls: int = 200
    limiter_calls: int = 5_000
    limiter_rate: int = 400
    limiter_window_ms: int = 1_000
    memory_orders: int = 100_000
    time_budget_s: float = 30.0

    @classmethod
    def full(cls) -> Sizes:
        return cls()

    @classmethod
    def small(cls) -> Sizes:
        return cls(
            quick=True, import_runs=1, sign_loops=300, parse_loops=20, list_orders=50, list_loops=2, repeats=2,
            parse_rounds=2, seq_calls=40, conc_calls=200, concurrency=(10, 50), rounds=1, warmup_calls=10,
            limiter_calls=150, limiter_rate=100, limiter_window_ms=1_000, memory_orders=2_000, time_budget_s=5.0,
        )


@dataclass
class Row:
    """One measured comparison: our figure, the other side's, their ratio and the target it must meet."""

    section: str
    name: str
    ours: float
    theirs: float | None
    unit: str
    against: str = "ccxt"
    better: Better = "lower"
    limit: float | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    #: Set when both sides were measured in rounds: the median of the per-round ratios (see `paired_ratio`).
    paired: float | None = None

    @property
    def ratio(self) -> float | None:
        """ours / theirs (or the median per-round ratio), None when there is nothing to compare with."""
        if self.paired is not None:
            return self.paired
        if self.theirs is None or self.theirs == 0:
            return None
        return self.ours / self.theirs

    @property
    def passed(self) -> bool | None:
        ratio = self.ratio
        if self.limit is None:
            return None
        if ratio is None:
            return self._absolute_pass()
        return ratio <= self.limit if self.better == "lower" else ratio >= self.limit

    def _absolute_pass(self) -> bool:
        assert self.limit is not None
        return self.ours <= self.limit if self.better == "lower" else self.ours >= self.limit

    @property
    def target(self) -> str:
        if self.limit is None:
            return ""
        op = "<=" if self.better == "lower" else ">="
        if self.theirs is None:
            return f"{op} {self.limit:g}"
        return f"ratio {op} {self.limit:g}"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(ratio=self.ratio, passed=self.passed, target=self.target)
        return data


def paired_ratio(ours: list[float], theirs: list[float]) -> float:
    """Median of ours[i] / theirs[i]: both measured back to back in round i, so a slow spell of the machine
    weighs on both sides of each ratio (a best round of each side may come from different spells)."""
    return statistics.median(a / b for a, b in zip(ours, theirs, strict=True))


def freeze_setup_heap() -> None:
    """Move everything built so far (ccxt's markets and classes, our clients) out of the collector's reach.

    The bench process holds both libraries; without this, each full collection walks ccxt's ~230k objects, a cost
    that neither library would pay in a process of its own. Measured work still allocates and collects as usual.
    """
    gc.collect()
    gc.freeze()


def per_op_us(fn: Callable[[], object], loops: int, repeats: int) -> float:
    """Median over `repeats` of the mean microseconds per call of `fn` over `loops` calls."""
    fn()
    samples: list[float] = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter_ns()
        for _ in range(loops):
            fn()
        samples.append((time.perf_counter_ns() - start) / loops / 1000)
    return statistics.median(samples)


def interleaved_rounds_us(fns: dict[str, Callable[[], object]], loops: int, rounds: int) -> dict[str, list[float]]:
    """Mean microseconds per call of each `fn`, per round; in every round each `fn` takes its turn.

    Taking turns puts the machine's slow spells on every side of a comparison (`paired_ratio`).
    """
    for fn in fns.values():
        fn()
    seen: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            gc.collect()
            start = time.perf_counter_ns()
            for _ in range(loops):
                fn()
            seen[name].append((time.perf_counter_ns() - start) / loops / 1000)
    return seen


def rss_kib() -> int:
    """Resident set size of this process in KiB (Linux `/proc/self/status`)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
