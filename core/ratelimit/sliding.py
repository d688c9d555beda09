"""A sliding-window log of grants: who used how many units when, with O(log n) sums and waits.

Entries are `(time_ms, cumulative units)` in time order, so the units in any suffix of the log are one
subtraction and the moment enough units age out is one binary search. An entry stamped `t` counts for
every `now` with `now - t <= span_ms` (closed: timestamps are truncated to milliseconds, and the extra
millisecond keeps two grants stamped `span_ms + 1` apart truly more than `span_ms` apart).
"""

from __future__ import annotations

from bisect import bisect_left

_COMPACT_AT = 256


class SlidingLog:
    """Units granted per timestamp for one counter; `base` is the cumulative total of the entries dropped."""

    __slots__ = ("base", "cums", "head", "times")

    def __init__(self) -> None:
        self.times: list[int] = []
        self.cums: list[int] = []
        self.head = 0
        self.base = 0

    def __len__(self) -> int:
        return len(self.times) - self.head

    @property
    def last_time(self) -> int | None:
        return self.times[-1] if len(self.times) > self.head else None

    @property
    def last_cum(self) -> int:
        return self.cums[-1] if len(self.cums) > self.head else self.base

    def trim(self, cutoff_ms: int) -> None:
        """Forget the entries stamped before `cutoff_ms`."""
        i = bisect_left(self.times, cutoff_ms, self.head)
        if i == self.head:
            return
        self.base = self.cums[i - 1]
        self.head = i
        if i >= _COMPACT_AT and 2 * i >= len(self.times):
            del self.times[:i], self.cums[:i]
            self.head = 0

    def used(self) -> int:
        """Units of every entry still in the log."""
        cums = self.cums
        return cums[-1] - self.base if len(cums) > self.head else 0

    def used_since(self, start_ms: int) -> int:
        """Units of the entries stamped at or after `start_ms`."""
        i = bisect_left(self.times, start_ms, self.head)
        return self.last_cum - (self.cums[i - 1] if i > self.head else self.base)

    def add(self, time_ms: int, units: int) -> None:
        """Add `units` at `time_ms`, or at the last entry's time if the clock went back (keeps the order).

        Grants stamped with the last entry's millisecond join that entry: the sums and waits are the same.
        """
        times, cums = self.times, self.cums
        if len(times) > self.head:
            last = times[-1]
            if time_ms <= last:
                cums[-1] += units
                return
            cum = cums[-1]
        else:
            cum = self.base
        times.append(time_ms)
        cums.append(cum + units)

    def freed_at(self, units: int) -> int | None:
        """Stamp of the entry whose expiry frees at least `units` of the oldest units; None if the log holds fewer."""
        i = bisect_left(self.cums, self.base + units, self.head)
        return self.times[i] if i < len(self.cums) else None


def wait_ms(log: SlidingLog, units: int, limit: int, span_ms: int, now_ms: int) -> int:
    """0 when `units` fit under `limit` in the span ending at `now_ms` (trimming first), else ms until they do."""
    log.trim(now_ms - span_ms)
    excess = log.used() + units - limit
    if excess <= 0:
        return 0
    stamp = log.freed_at(excess)
    if stamp is None:
        return span_ms + 1
    return stamp + span_ms + 1 - now_ms
