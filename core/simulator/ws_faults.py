"""Venue-neutral fault injection for simulated WebSocket streams.

Message faults match the `kind` the venue gives each outgoing message (its event name, e.g.
`ORDER_TRADE_UPDATE`, `depthUpdate`; `*` globs allowed) and fire after `after` matching messages:
drop the connection abruptly, stall it (nothing sent, pings unanswered), delay, duplicate, reorder
(hold one message back behind the next, or behind the next n of some kinds) or skip (a lost sequence
number). Faults apply alike to text and binary messages. Venue-level faults
(`expire_listen_key`, `refuse_login`) are interpreted by the venue's simulator through hooks/`take`.
"""

from __future__ import annotations

import fnmatch
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class StreamFaultKind(StrEnum):
    DROP = "drop"
    STALL = "stall"
    DELAY = "delay"
    DUPLICATE = "duplicate"
    REORDER = "reorder"
    SKIP = "skip"
    EXPIRE_LISTEN_KEY = "expire_listen_key"
    REFUSE_LOGIN = "refuse_login"


MESSAGE_FAULTS = frozenset({StreamFaultKind.DROP, StreamFaultKind.STALL, StreamFaultKind.DELAY,
                            StreamFaultKind.DUPLICATE, StreamFaultKind.REORDER, StreamFaultKind.SKIP})


@dataclass
class StreamFault:
    """One armed fault; `times=None` fires forever; `after` matching messages pass untouched first."""

    kind: StreamFaultKind
    match: str | None = None
    path: str | None = None
    times: int | None = 1
    after: int = 0
    delay_ms: int = 0
    seen: int = 0
    fired: int = 0
    behind: str | None = None
    """REORDER: count only messages whose kind matches this (None: every message) ..."""
    by: int = 1
    """... and release the held message after `by` of them."""

    @property
    def armed(self) -> bool:
        return self.times is None or self.fired < self.times

    def matches(self, kind: str, path: str) -> bool:
        if self.path is not None and not fnmatch.fnmatchcase(path, self.path):
            return False
        return self.match is None or fnmatch.fnmatchcase(kind, self.match)


class StreamFaults:
    """Tests arm faults here; the simulator's WebSocket layer consults it for every outgoing message."""

    def __init__(self) -> None:
        self.faults: list[StreamFault] = []
        self.counts: Counter[StreamFaultKind] = Counter()
        self._expire_hooks: list[Callable[[str | None], None]] = []

    def _arm(self, fault: StreamFault) -> StreamFault:
        self.faults.append(fault)
        return fault

    def drop(self, match: str | None = None, *, path: str | None = None, after: int = 0) -> StreamFault:
        """Close the connection abruptly (no close frame) when a matching message is due."""
        return self._arm(StreamFault(StreamFaultKind.DROP, match, path, 1, after))

    def stall(self, match: str | None = None, *, path: str | None = None, after: int = 0) -> StreamFault:
        """From the matching message on, send nothing and answer no ping; the socket stays open."""
        return self._arm(StreamFault(StreamFaultKind.STALL, match, path, 1, after))

    def delay(self, ms: int, match: str | None = None, *, path: str | None = None,
              times: int | None = 1) -> StreamFault:
        return self._arm(StreamFault(StreamFaultKind.DELAY, match, path, times, 0, ms))

    def duplicate(self, match: str | None = None, *, path: str | None = None, times: int | None = 1,
                  after: int = 0) -> StreamFault:
        return self._arm(StreamFault(StreamFaultKind.DUPLICATE, match, path, times, after))

    def reorder(self, match: str | None = None, *, path: str | None = None, times: int | None = 1,
                after: int = 0, behind: str | None = None, by: int = 1) -> StreamFault:
        """Hold the matching message back and send it after the next one; with `behind`/`by`, after the next
        `by` messages of the kinds `behind` matches (e.g. one account push behind the next two)."""
        return self._arm(StreamFault(StreamFaultKind.REORDER, match, path, times, after, behind=behind,
                                     by=max(1, by)))

    def skip(self, match: str | None = None, *, path: str | None = None, times: int | None = 1,
             after: int = 0) -> StreamFault:
        """Never send the matching message (for depth streams: a missing sequence number)."""
        return self._arm(StreamFault(StreamFaultKind.SKIP, match, path, times, after))

    def refuse_login(self, times: int | None = 1) -> StreamFault:
        """The venue rejects the next login / listen-key connection(s)."""
        return self._arm(StreamFault(StreamFaultKind.REFUSE_LOGIN, times=times))

    def on_expire_listen_key(self, hook: Callable[[str | None], None]) -> None:
        """The venue simulator registers how it expires keys (and tells connected streams)."""
        self._expire_hooks.append(hook)

    def expire_listen_key(self, account_id: str | None = None) -> None:
        """Expire the listen key(s) now (of one account, or all)."""
        self.counts[StreamFaultKind.EXPIRE_LISTEN_KEY] += 1
        for hook in list(self._expire_hooks):
            hook(account_id)

    def take(self, kind: StreamFaultKind) -> bool:
        """Consume one armed venue-level fault of `kind` (e.g. REFUSE_LOGIN); True when one fired."""
        for fault in self.faults:
            if fault.kind is kind and fault.armed:
                fault.fired += 1
                self.counts[kind] += 1
                self._prune()
                return True
        return False

    def for_message(self, kind: str, path: str) -> list[StreamFault]:
        """The message faults firing for this outgoing message (consumed)."""
        firing: list[StreamFault] = []
        for fault in self.faults:
            if fault.kind not in MESSAGE_FAULTS or not fault.armed or not fault.matches(kind, path):
                continue
            fault.seen += 1
            if fault.seen <= fault.after:
                continue
            fault.fired += 1
            self.counts[fault.kind] += 1
            firing.append(fault)
        self._prune()
        return firing

    def _prune(self) -> None:
        self.faults = [f for f in self.faults if f.armed]

    def fired(self, kind: StreamFaultKind | None = None) -> int:
        return sum(self.counts.values()) if kind is None else self.counts[kind]

    def clear(self) -> None:
        self.faults.clear()
        self.counts.clear()
