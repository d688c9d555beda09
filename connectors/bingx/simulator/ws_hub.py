"""Fan-out of engine events to the simulator's WebSocket connections, listen keys, and depth update ids.

Subscribed to the engine for the simulator's whole life, so each symbol's `lastUpdateId` counts every book
change and a new `@incrDepth` subscriber's `action: all` snapshot lines up with the updates that follow.
User data goes to connections holding a live listen key of the event's account; an expired key gets one
`listenKeyExpired` and nothing after.
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from venuekit.core.simulator import (
    FUTURES_WALLET,
    BalanceEvent,
    BookEvent,
    FundingEvent,
    MarkPriceEvent,
    OrderEvent,
    PositionEvent,
    SimEvent,
    StreamFaults,
    TradeEvent,
    dumps,
)
from venuekit.core.types.enums import MarginMode

from . import ws_shapes
from .state import BingXState

Levels = dict[Decimal, Decimal]
KEY_TTL_MS = 60 * 60 * 1000


@dataclass(eq=False)
class Listener:
    """One connection: its topics (`dataType`s) and/or its listen key, and its outgoing messages."""

    outbox: asyncio.Queue[tuple[str, str]] = field(default_factory=asyncio.Queue)
    topics: set[str] = field(default_factory=set)
    listen_key: str | None = None
    account_id: str | None = None
    expired: bool = False
    ping_outstanding: bool = False
    missed_pongs: int = 0
    pongs: int = 0

    def put(self, kind: str, payload: object) -> None:
        self.outbox.put_nowait((kind, dumps(payload).decode()))


@dataclass
class _BookState:
    last_id: int = 0
    bids: Levels = field(default_factory=dict)
    asks: Levels = field(default_factory=dict)
    best: tuple[tuple[Decimal, Decimal], tuple[Decimal, Decimal]] | None = None


class BingXWsHub:
    """Receives engine events synchronously and queues rendered messages on the interested listeners."""

    def __init__(self, state: BingXState, faults: StreamFaults, *, first_update_id: int = 1_000_000,
                 ping_interval: float = 5.0, max_missed_pongs: int = 3) -> None:
        self.state = state
        self.exchange = state.exchange
        self.faults = faults
        self.ping_interval = ping_interval
        self.max_missed_pongs = max_missed_pongs
        self.listeners: set[Listener] = set()
        self.listen_keys: dict[str, tuple[str, int]] = {}
        self.books: dict[str, _BookState] = {}
        self.first_update_id = first_update_id
        self.exchange.subscribe(self.on_event)
        faults.on_expire_listen_key(self.expire)

    # -- listen keys -------------------------------------------------------------------------------
    def create_key(self, account_id: str) -> str:
        key = secrets.token_hex(32)
        self.listen_keys[key] = (account_id, self.exchange.now_ms() + KEY_TTL_MS)
        return key

    def key_owner(self, listen_key: str) -> str | None:
        """The account of a live listen key, None when unknown or expired."""
        entry = self.listen_keys.get(listen_key)
        if entry is None or entry[1] <= self.exchange.now_ms():
            return None
        return entry[0]

    def extend_key(self, listen_key: str) -> bool:
        owner = self.key_owner(listen_key)
        if owner is None:
            return False
        self.listen_keys[listen_key] = (owner, self.exchange.now_ms() + KEY_TTL_MS)
        return True

    def delete_key(self, listen_key: str) -> bool:
        return self.listen_keys.pop(listen_key, None) is not None

    def expire(self, account_id: str | None) -> None:
        """Fault hook: the key(s) lapse now; connected user streams get `listenKeyExpired`."""
        now = self.exchange.now_ms()
        for key, (owner, _) in list(self.listen_keys.items()):
            if account_id is None or owner == account_id:
                self.listen_keys[key] = (owner, now)
        for listener in list(self.listeners):
            if listener.listen_key and (account_id is None or listener.account_id == account_id):
                self._expired(listener)

    def _expired(self, listener: Listener) -> None:
        if listener.expired or listener.listen_key is None:
            return
        listener.expired = True
        listener.put("listenKeyExpired", ws_shapes.listen_key_expired(listener.listen_key, self.exchange.now_ms()))

    # -- connections -------------------------------------------------------------------------------
    def attach(self, listener: Listener) -> None:
        self.listeners.add(listener)

    def detach(self, listener: Listener) -> None:
        self.listeners.discard(listener)

    def _to_account(self, account_id: str, kind: str, payload: dict[str, Any] | None) -> None:
        if payload is None:
            return
        for listener in list(self.listeners):
            if listener.account_id != account_id or listener.listen_key is None or listener.expired:
                continue
            if self.key_owner(listener.listen_key) is None:
                self._expired(listener)
                continue
            listener.put(kind, payload)

    def _to_topic(self, data_type: str, kind: str, data: Any, ts: int | None = None) -> None:
        message: dict[str, Any] | None = None
        for listener in list(self.listeners):
            if data_type in listener.topics:
                message = message or ws_shapes.envelope(data_type, data, ts)
                listener.put(kind, message)

    def on_event(self, event: SimEvent) -> None:
        if isinstance(event, OrderEvent):
            inst = self.exchange.instrument(event.order.symbol)
            extra = self.state.extras.get(event.order.order_id)
            self._to_account(event.account_id, "ORDER_TRADE_UPDATE",
                             ws_shapes.order_trade_update(event, inst, extra))
        elif isinstance(event, BalanceEvent):
            if event.wallet == FUTURES_WALLET:
                self._to_account(event.account_id, "ACCOUNT_UPDATE", ws_shapes.account_balance(event))
        elif isinstance(event, PositionEvent):
            cross_funding = event.reason == "FUNDING_FEE" and event.position.margin_mode is MarginMode.CROSS
            if not cross_funding:
                inst = self.exchange.instrument(event.position.symbol)
                self._to_account(event.account_id, "ACCOUNT_UPDATE", ws_shapes.account_position(event, inst))
        elif isinstance(event, MarkPriceEvent):
            self._mark(event.symbol, event.mark_price, event.ts)
        elif isinstance(event, FundingEvent):
            self._mark(event.symbol, self.exchange.mark_price(event.symbol), event.ts)
        elif isinstance(event, TradeEvent):
            inst = self.exchange.instrument(event.symbol)
            self._to_topic(f"{event.symbol}@trade", "trade", ws_shapes.trade(event, inst))
        elif isinstance(event, BookEvent):
            self._book(event.symbol, event.ts)

    def _mark(self, symbol: str, mark: Decimal, ts: int) -> None:
        self._to_topic(f"{symbol}@markPrice", "markPriceUpdate", ws_shapes.mark_price(symbol, mark, ts))

    # -- books -------------------------------------------------------------------------------------
    def book_state(self, symbol: str) -> _BookState:
        state = self.books.get(symbol)
        if state is None:
            state = self.books[symbol] = _BookState(last_id=self.first_update_id)
            bids, asks = self.exchange.book(symbol)
            state.bids, state.asks = dict(bids), dict(asks)
        return state

    def last_update_id(self, symbol: str) -> int:
        return self.book_state(symbol).last_id

    def depth_snapshot(self, symbol: str) -> dict[str, Any]:
        """The `action: all` push a new `@incrDepth` subscriber gets: the whole book at the current id."""
        state = self.book_state(symbol)
        inst = self.exchange.instrument(symbol)
        return ws_shapes.envelope(f"{symbol}@incrDepth", ws_shapes.incr_depth(
            inst, "all", state.last_id, self.exchange.now_ms(), list(state.bids.items()), list(state.asks.items())))

    def partial_depth(self, symbol: str, levels: int) -> Any:
        bids, asks = self.exchange.book(symbol, levels)
        return ws_shapes.depth_snapshot(self.exchange.instrument(symbol), list(bids), list(asks))

    def _book(self, symbol: str, ts: int) -> None:
        known = symbol in self.books
        state = self.book_state(symbol)
        if not known:
            return
        inst = self.exchange.instrument(symbol)
        bids, asks = self.exchange.book(symbol)
        new_bids, new_asks = dict(bids), dict(asks)
        bid_changes, ask_changes = _diff(state.bids, new_bids), _diff(state.asks, new_asks)
        state.bids, state.asks = new_bids, new_asks
        if bid_changes or ask_changes:
            state.last_id += 1
            self._to_topic(f"{symbol}@incrDepth", "incrDepth",
                           ws_shapes.incr_depth(inst, "update", state.last_id, ts, bid_changes, ask_changes))
            for topic in {t for listener in self.listeners for t in listener.topics}:
                levels = _partial_levels(topic, symbol)
                if levels is not None:
                    self._to_topic(topic, "depth", self.partial_depth(symbol, levels), ts)
        zero = (Decimal(0), Decimal(0))
        best = (bids[0] if bids else zero, asks[0] if asks else zero)
        if best != state.best:
            state.best = best
            self._to_topic(f"{symbol}@bookTicker", "bookTicker",
                           ws_shapes.book_ticker(inst, state.last_id, ts, best[0], best[1]))


def _partial_levels(topic: str, symbol: str) -> int | None:
    """`BTC-USDT@depth20@500ms` (or `@depth20`) → 20 for `BTC-USDT`."""
    prefix = f"{symbol}@depth"
    if not topic.startswith(prefix):
        return None
    digits = topic[len(prefix):].split("@", 1)[0]
    return int(digits) if digits.isdigit() else None


def _diff(old: Levels, new: Levels) -> list[tuple[Decimal, Decimal]]:
    """Levels whose absolute quantity changed; removed levels carry quantity 0."""
    changed = [(p, q) for p, q in new.items() if old.get(p) != q]
    changed += [(p, Decimal(0)) for p in old if p not in new]
    return sorted(changed)
