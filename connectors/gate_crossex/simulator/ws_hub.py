"""Fan-out of engine events to the simulator's CrossEx WebSocket connections.

Subscribed to the engine for the simulator's whole life: book update ids (`U`/`u`) and each position leg's
last direction are kept even while nobody listens, so a later subscriber gets a consistent snapshot and a
flat leg is reported under the direction it had. Private data goes to logged-in connections of the event's
account that subscribed the channel (`!all` or the symbol / coin); market data to the symbol's subscribers.
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from venuekit.core.simulator import (
    FUTURES_WALLET,
    BalanceEvent,
    BookEvent,
    FillEvent,
    FundingEvent,
    MarkPriceEvent,
    OrderEvent,
    PositionEvent,
    PositionView,
    SimEvent,
    StreamFaults,
    TradeEvent,
)
from venuekit.core.types.enums import PositionSide

from . import ws_shapes
from .context import CrossEx
from .markets import EXCHANGES, FUTURE, MARGIN, is_market_maker
from .state import ISOLATED_EXCHANGE

ALL = "!all"
Levels = dict[Decimal, Decimal]
Best = tuple[tuple[Decimal, Decimal], tuple[Decimal, Decimal]]


@dataclass(eq=False)
class Listener:
    """One connection: its account once logged in, and channel → covered symbols/coins (or `!all`)."""

    public: bool
    outbox: asyncio.Queue[tuple[str, str]] = field(default_factory=asyncio.Queue)
    account_id: str | None = None
    conn_id: str = ""
    channels: dict[str, set[str]] = field(default_factory=dict)

    def wants(self, channel: str, key: str) -> bool:
        covered = self.channels.get(channel)
        return covered is not None and (ALL in covered or key in covered)

    def put(self, kind: str, text: str) -> None:
        self.outbox.put_nowait((kind, text))


@dataclass
class _BookState:
    last_id: int
    bids: Levels = field(default_factory=dict)
    asks: Levels = field(default_factory=dict)
    best: Best | None = None


class GateWsHub:
    """Receives engine events synchronously and queues rendered frames on the interested listeners."""

    def __init__(self, venue: CrossEx, faults: StreamFaults, *, first_update_id: int = 88_000_000_000) -> None:
        self.venue = venue
        self.faults = faults
        self.listeners: set[Listener] = set()
        self.books: dict[str, _BookState] = {}
        self.directions: dict[tuple[str, str, PositionSide], str] = {}
        self.funding: dict[str, tuple[Decimal, int]] = {}
        self.first_update_id = first_update_id
        venue.exchange.subscribe(self.on_event)

    def now_ms(self) -> int:
        return self.venue.exchange.now_ms()

    def attach(self, listener: Listener) -> None:
        self.listeners.add(listener)

    def detach(self, listener: Listener) -> None:
        self.listeners.discard(listener)

    # -- private -------------------------------------------------------------------------------------
    def _audience(self, account_id: str, channel: str, key: str) -> list[Listener]:
        return [x for x in self.listeners
                if not x.public and x.account_id == account_id and x.wants(channel, key)]

    def _private(self, account_id: str, channel: str, key: str, payload: dict[str, object]) -> None:
        text = ws_shapes.private(channel, payload, self.now_ms())
        for listener in self._audience(account_id, channel, key):
            listener.put(channel, text)

    def on_event(self, event: SimEvent) -> None:
        if isinstance(event, OrderEvent | FillEvent | PositionEvent | BalanceEvent):
            if not is_market_maker(event.account_id):
                self._account_event(event)
            return
        if isinstance(event, MarkPriceEvent):
            self._mark(event.symbol, event.mark_price, event.funding_rate, event.next_funding_ms)
        elif isinstance(event, FundingEvent):
            ex = self.venue.exchange
            self._mark(event.symbol, ex.mark_price(event.symbol), ex.funding_rate(event.symbol),
                       ex.next_funding_ms(event.symbol))
        elif isinstance(event, TradeEvent):
            self._public("trade", event.symbol, ws_shapes.trade(event))
            self._public("last_price", event.symbol, ws_shapes.last_price(event.symbol, event.price))
            self._ticker(event.symbol, force=True)
        elif isinstance(event, BookEvent):
            self._book(event.symbol, event.ts)
            self._ticker(event.symbol)

    def _account_event(self, event: OrderEvent | FillEvent | PositionEvent | BalanceEvent) -> None:
        venue, account = self.venue, event.account_id
        if isinstance(event, OrderEvent):
            if self._audience(account, "order", event.order.symbol):
                self._private(account, "order", event.order.symbol,
                              ws_shapes.order(venue, event.order, event.fill))
        elif isinstance(event, FillEvent):
            if self._audience(account, "usertrades", event.fill.symbol):
                self._private(account, "usertrades", event.fill.symbol, ws_shapes.user_trade(venue, event.fill))
        elif isinstance(event, PositionEvent):
            self._position(event.position)
        elif event.wallet == FUTURES_WALLET and self._audience(account, "asset", event.asset):
            user = venue.state.users.get(account)
            labels = EXCHANGES if user is not None and user.account_mode == ISOLATED_EXCHANGE else ("CROSSEX",)
            for label in labels:
                self._private(account, "asset", event.asset,
                              ws_shapes.asset(venue, account, event.asset, event.balance, label))

    def _position(self, view: PositionView) -> None:
        """Push the leg; a leg that flipped direction (one-way mode) is first reported flat in its old one."""
        spec = self.venue.pairs.get(view.symbol)
        if spec is None or spec.business not in (FUTURE, MARGIN):
            return
        key = (view.account_id, view.symbol, view.position_side)
        before = self.directions.get(key)
        if view.position_side is not PositionSide.BOTH:
            now = view.position_side.value.upper() if view.quantity else None
        else:
            now = "LONG" if view.quantity > 0 else "SHORT" if view.quantity < 0 else None
        if now is None:
            self.directions.pop(key, None)
        else:
            self.directions[key] = now
        if before is not None and now is not None and before != now:
            flat = dataclasses.replace(view, quantity=Decimal(0))
            self._push_position(flat, before)
        self._push_position(view, before)

    def _push_position(self, view: PositionView, direction: str | None) -> None:
        channel, row = ws_shapes.position(self.venue, view, direction)
        self._private(view.account_id, channel, view.symbol, row)

    # -- public --------------------------------------------------------------------------------------
    def _public(self, channel: str, symbol: str, result: dict[str, object]) -> None:
        targets = [x for x in self.listeners if x.public and x.wants(channel, symbol)]
        if targets:
            text = ws_shapes.public(channel, result, self.now_ms())
            for listener in targets:
                listener.put(channel, text)

    def _mark(self, symbol: str, mark: Decimal, rate: Decimal, next_ms: int) -> None:
        self._public("mark_price", symbol, ws_shapes.mark_price(symbol, mark))
        spec = self.venue.pairs.get(symbol)
        if spec is not None and spec.business == MARGIN:
            self._public("index_price", symbol, ws_shapes.index_price(symbol, mark))
        if self.funding.get(symbol) != (rate, next_ms):
            self.funding[symbol] = (rate, next_ms)
            self._public("funding_rate", symbol, ws_shapes.funding_rate(symbol, rate, next_ms))

    def current(self, channel: str, symbol: str) -> dict[str, object] | None:
        """What a new subscriber of a state channel gets at once (the venue pushes these periodically)."""
        ex = self.venue.exchange
        if channel == "mark_price":
            return ws_shapes.mark_price(symbol, ex.mark_price(symbol))
        if channel == "index_price":
            return ws_shapes.index_price(symbol, ex.mark_price(symbol))
        if channel == "funding_rate":
            return ws_shapes.funding_rate(symbol, ex.funding_rate(symbol), ex.next_funding_ms(symbol))
        if channel == "last_price":
            return ws_shapes.last_price(symbol, ex.last_price(symbol) or ex.mark_price(symbol))
        if channel == "ticker":
            return ws_shapes.ticker(self.venue, symbol, self.book_state(symbol).best or _best(ex.book(symbol, 1)),
                                    self.now_ms())
        if channel == "order_book_update":
            state = self.book_state(symbol)
            bids, asks = sorted(state.bids.items(), reverse=True), sorted(state.asks.items())
            return ws_shapes.book(symbol, self.now_ms(), (state.last_id, state.last_id), bids, asks, snapshot=True)
        return None

    def _ticker(self, symbol: str, *, force: bool = False) -> None:
        state = self.books.get(symbol)
        if state is None or not any(x.public and x.wants("ticker", symbol) for x in self.listeners):
            return
        best = _best(self.venue.exchange.book(symbol, 1))
        if best != state.best or force:
            state.best = best
            self._public("ticker", symbol, ws_shapes.ticker(self.venue, symbol, best, self.now_ms()))

    def book_state(self, symbol: str) -> _BookState:
        state = self.books.get(symbol)
        if state is None:
            bids, asks = self.venue.exchange.book(symbol)
            state = self.books[symbol] = _BookState(self.first_update_id, dict(bids), dict(asks))
            state.best = _best(self.venue.exchange.book(symbol, 1))
        return state

    def _book(self, symbol: str, ts: int) -> None:
        state = self.books.get(symbol)
        if state is None:
            return
        bids, asks = self.venue.exchange.book(symbol)
        new_bids, new_asks = dict(bids), dict(asks)
        bid_changes, ask_changes = _diff(state.bids, new_bids), _diff(state.asks, new_asks)
        state.bids, state.asks = new_bids, new_asks
        if bid_changes or ask_changes:
            first = state.last_id + 1
            state.last_id += len(bid_changes) + len(ask_changes)
            payload = ws_shapes.book(symbol, ts, (first, state.last_id), bid_changes, ask_changes, snapshot=False)
            self._public("order_book_update", symbol, payload)


def _best(view: tuple[list[tuple[Decimal, Decimal]], list[tuple[Decimal, Decimal]]]) -> Best:
    zero = (Decimal(0), Decimal(0))
    bids, asks = view
    return (bids[0] if bids else zero, asks[0] if asks else zero)


def _diff(old: Levels, new: Levels) -> list[tuple[Decimal, Decimal]]:
    """Levels whose absolute quantity changed; removed levels carry quantity 0."""
    changed = [(p, q) for p, q in new.items() if old.get(p) != q]
    changed += [(p, Decimal(0)) for p in old if p not in new]
    return sorted(changed)
