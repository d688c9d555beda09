"""Fan-out of engine events to the simulator's WebSocket connections, with Binance's depth update ids.

Subscribed to the engine for the simulator's whole life, so the depth ids (`U`/`u`/`pu`) and the REST
snapshot's `lastUpdateId` always describe the same book. User data goes to connections holding a live
listen key of the event's account; an expired key gets one `listenKeyExpired` and nothing after.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from decimal import Decimal

import orjson

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
)

from . import ws_shapes
from .pipeline import Backend

Levels = dict[Decimal, Decimal]


@dataclass(eq=False)
class Listener:
    """One connection: its market topics (lowercase → name as subscribed) and/or its listen key."""

    outbox: asyncio.Queue[tuple[str, str]] = field(default_factory=asyncio.Queue)
    topics: dict[str, str] = field(default_factory=dict)
    listen_key: str | None = None
    account_id: str | None = None
    combined: bool = False
    expired: bool = False


@dataclass
class _BookState:
    last_id: int = 0
    bids: Levels = field(default_factory=dict)
    asks: Levels = field(default_factory=dict)
    best: tuple[tuple[Decimal, Decimal], tuple[Decimal, Decimal]] | None = None


class BinanceWsHub:
    """Receives engine events synchronously and queues rendered messages on the interested listeners."""

    def __init__(self, backend: Backend, faults: StreamFaults, *, first_update_id: int = 1_000_000) -> None:
        self.backend = backend
        self.faults = faults
        self.listeners: set[Listener] = set()
        self.books: dict[str, _BookState] = {}
        self.first_update_id = first_update_id
        backend.exchange.subscribe(self.on_event)
        faults.on_expire_listen_key(self.expire)

    # -- connections -----------------------------------------------------------------------------
    def attach(self, listener: Listener) -> None:
        self.listeners.add(listener)

    def detach(self, listener: Listener) -> None:
        self.listeners.discard(listener)

    def key_owner(self, listen_key: str) -> str | None:
        """The account of a live listen key, None when unknown or expired."""
        entry = self.backend.state.listen_keys.get(listen_key)
        if entry is None or entry[1] <= self.backend.exchange.now_ms():
            return None
        return entry[0]

    def expire(self, account_id: str | None) -> None:
        """Fault hook: the key(s) lapse now; connected user streams get `listenKeyExpired`."""
        now = self.backend.exchange.now_ms()
        keys = self.backend.state.listen_keys
        for key, (owner, _) in list(keys.items()):
            if account_id is None or owner == account_id:
                keys[key] = (owner, now)
        for listener in list(self.listeners):
            if listener.listen_key and (account_id is None or listener.account_id == account_id):
                self._expired(listener)

    def _expired(self, listener: Listener) -> None:
        if listener.expired or listener.listen_key is None:
            return
        listener.expired = True
        now = str(self.backend.exchange.now_ms())
        payload: dict[str, object] = {"e": "listenKeyExpired", "E": now, "listenKey": listener.listen_key}
        self._put(listener, "listenKeyExpired", listener.listen_key, payload)

    # -- rendering ---------------------------------------------------------------------------------
    @staticmethod
    def _put(listener: Listener, kind: str, stream: str, payload: dict[str, object]) -> None:
        data = {"stream": stream, "data": payload} if listener.combined else payload
        listener.outbox.put_nowait((kind, orjson.dumps(data).decode()))

    def _to_account(self, account_id: str, kind: str, payload: dict[str, object] | None) -> None:
        if payload is None:
            return
        for listener in list(self.listeners):
            if listener.account_id != account_id or listener.listen_key is None or listener.expired:
                continue
            if self.key_owner(listener.listen_key) is None:
                self._expired(listener)
                continue
            self._put(listener, kind, listener.listen_key, payload)

    def _to_topic(self, topics: tuple[str, ...], kind: str, payload: dict[str, object]) -> None:
        for listener in list(self.listeners):
            for topic in topics:
                name = listener.topics.get(topic)
                if name is not None:
                    self._put(listener, kind, name, payload)
                    break

    def on_event(self, event: SimEvent) -> None:
        backend = self.backend
        if isinstance(event, OrderEvent):
            if event.fill is not None:
                self._to_account(event.account_id, "TRADE_LITE", ws_shapes.trade_lite(backend, event))
            extras = backend.state.extras.get(event.order.order_id)
            self._to_account(event.account_id, "ORDER_TRADE_UPDATE",
                             ws_shapes.order_trade_update(backend, event, extras))
        elif isinstance(event, BalanceEvent):
            if event.wallet == FUTURES_WALLET:
                self._to_account(event.account_id, "ACCOUNT_UPDATE", ws_shapes.account_balance(event))
        elif isinstance(event, PositionEvent):
            self._to_account(event.account_id, "ACCOUNT_UPDATE", ws_shapes.account_position(backend, event))
        elif isinstance(event, MarkPriceEvent):
            self._mark(event)
        elif isinstance(event, FundingEvent):
            ex = backend.exchange
            self._mark(MarkPriceEvent(event.ts, event.symbol, ex.mark_price(event.symbol),
                                      ex.funding_rate(event.symbol), ex.next_funding_ms(event.symbol)))
        elif isinstance(event, TradeEvent):
            topic = backend.wire(event.symbol).lower() + "@aggtrade"
            self._to_topic((topic,), "aggTrade", ws_shapes.agg_trade(backend, event))
        elif isinstance(event, BookEvent):
            self._book(event.symbol, event.ts)

    def _mark(self, event: MarkPriceEvent) -> None:
        base = self.backend.wire(event.symbol).lower() + "@markprice"
        self._to_topic((base + "@1s", base), "markPriceUpdate", ws_shapes.mark_price(self.backend, event))

    # -- books -----------------------------------------------------------------------------------
    def book_state(self, symbol: str) -> _BookState:
        state = self.books.get(symbol)
        if state is None:
            state = self.books[symbol] = _BookState(last_id=self.first_update_id)
            bids, asks = self.backend.exchange.book(symbol)
            state.bids, state.asks = dict(bids), dict(asks)
        return state

    def last_update_id(self, symbol: str) -> int:
        return self.book_state(symbol).last_id

    def _book(self, symbol: str, ts: int) -> None:
        known = symbol in self.books
        state = self.book_state(symbol)
        if not known:
            return
        bids, asks = self.backend.exchange.book(symbol)
        new_bids, new_asks = dict(bids), dict(asks)
        bid_changes = _diff(state.bids, new_bids)
        ask_changes = _diff(state.asks, new_asks)
        state.bids, state.asks = new_bids, new_asks
        if bid_changes or ask_changes:
            prev = state.last_id
            state.last_id = prev + len(bid_changes) + len(ask_changes)
            wire = self.backend.wire(symbol).lower()
            payload = ws_shapes.depth_update(self.backend, symbol, ts, (prev + 1, state.last_id, prev),
                                             bid_changes, ask_changes)
            self._to_topic((wire + "@depth", wire + "@depth@100ms", wire + "@depth@500ms"), "depthUpdate", payload)
        zero = (Decimal(0), Decimal(0))
        best = (bids[0] if bids else zero, asks[0] if asks else zero)
        if best != state.best:
            state.best = best
            wire = self.backend.wire(symbol).lower()
            payload = ws_shapes.book_ticker(self.backend, symbol, state.last_id, ts, best[0], best[1])
            self._to_topic((wire + "@bookticker",), "bookTicker", payload)


def _diff(old: Levels, new: Levels) -> list[tuple[Decimal, Decimal]]:
    """Levels whose absolute quantity changed; removed levels carry quantity 0."""
    changed = [(p, q) for p, q in new.items() if old.get(p) != q]
    changed += [(p, Decimal(0)) for p in old if p not in new]
    return sorted(changed)
