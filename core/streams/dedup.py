"""Exactly-once delivery of account events across pushes, duplicates, reordering and REST reconciliation.

Each entity has a key (order id, fill id, position leg, asset) and a monotonic version; an event is
delivered only when its version is newer than the last one delivered for that key. Orders version on
(status rank, filled quantity, update time): a late NEW after a FILLED, a duplicated push or a REST row
equal to what the stream already said are all suppressed. Positions and balances are delivered when their
state changed, unless the venue stamped them (`version`) older than the last one delivered: a late push.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from decimal import Decimal
from typing import Generic, TypeVar

from ..types import Order, OrderStatus, Position
from .updates import AccountUpdate, BalanceUpdate, FillUpdate, OrderUpdate, PositionUpdate

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
S = TypeVar("S")

OrderVersion = tuple[int, Decimal, int]
PositionState = tuple[Decimal, str, Decimal | None]


def order_version(order: Order) -> OrderVersion:
    """Orders only move forward: open < final; more filled is newer; then the venue's update time."""
    rank = 0 if order.status is OrderStatus.OPEN else 1
    return rank, order.filled, order.updated_at or 0


def position_version(position: Position) -> PositionState:
    """What a consumer of a leg acts on: signed size, margin mode, entry price."""
    signed = position.size if position.side.value == "buy" else -position.size
    return signed, position.margin_mode.value if position.margin_mode else "", position.entry_price


class _Bounded(Generic[K, V]):
    """An LRU map: old keys fall out so a long-lived stream keeps bounded memory."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        return self._data.get(key)

    def set(self, key: K, value: V) -> None:
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self.limit:
            self._data.popitem(last=False)

    def __contains__(self, key: object) -> bool:
        return key in self._data


class AccountDeduper:
    """Filters account updates; `suppressed` counts what was withheld as stale or duplicate."""

    def __init__(self, limit: int = 50_000) -> None:
        self._orders: _Bounded[str, OrderVersion] = _Bounded(limit)
        self._fills: _Bounded[tuple[str, str], None] = _Bounded(limit)
        self._positions: dict[tuple[str, str], tuple[PositionState, int | None]] = {}
        self._balances: dict[str, tuple[Decimal, int | None]] = {}
        self.suppressed = 0
        self.last_event_ms = 0

    def _order_is_new(self, order: Order) -> bool:
        version = order_version(order)
        seen = self._orders.get(order.id)
        if seen is not None and version <= seen:
            return False
        self._orders.set(order.id, version)
        return True

    def known_order(self, order_id: str) -> OrderVersion | None:
        return self._orders.get(order_id)

    def accept(self, event: AccountUpdate) -> bool:
        """True when `event` is news; updates the remembered versions."""
        fresh = self._accept(event)
        if fresh:
            self.last_event_ms = max(self.last_event_ms, event.timestamp)
        else:
            self.suppressed += 1
        return fresh

    def _accept(self, event: AccountUpdate) -> bool:
        if isinstance(event, OrderUpdate):
            return self._order_is_new(event.order)
        if isinstance(event, FillUpdate):
            key = (event.fill.order_id, event.fill.id)
            if key in self._fills:
                return False
            self._fills.set(key, None)
            return True
        if isinstance(event, PositionUpdate):
            pos = event.position
            leg = (pos.symbol, pos.position_side.value)
            return _changed(self._positions, leg, position_version(pos), event.version)
        if isinstance(event, BalanceUpdate):
            return _changed(self._balances, event.asset, event.wallet_balance, event.version)
        return True

    def open_position_legs(self) -> list[tuple[str, str]]:
        """Legs last seen non-flat (reconciliation reports those that went flat while disconnected)."""
        return [leg for leg, (state, _) in self._positions.items() if state[0] != 0]


def _changed(seen: dict[K, tuple[S, int | None]], key: K, state: S, version: int | None) -> bool:
    """Record `state` when it is news: not older than the last delivered version (when both have one) and
    different from the last delivered state. The remembered version only moves forward, so an unversioned
    update (a REST row, a flat leg found by reconciliation) does not let an older push through afterwards."""
    last = seen.get(key)
    if last is None:
        seen[key] = (state, version)
        return True
    last_state, last_version = last
    if version is not None and last_version is not None and version < last_version:
        return False
    newest = last_version if version is None else version
    seen[key] = (state, newest)
    return state != last_state
