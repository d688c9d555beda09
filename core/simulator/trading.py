"""Order entry, matching, triggers, cancels and amends on top of the ledger."""

from __future__ import annotations

import dataclasses
from collections import deque
from decimal import Decimal

from ..types.enums import (
    LiquidityRole,
    OrderStatus,
    OrderType,
    PositionMode,
    PositionSide,
    Side,
    TimeInForce,
)
from .accounts import SimAccount
from .events import BookEvent, ExecType, OrderEvent, TradeEvent
from .ledger import LedgerMixin
from .orders import CONDITIONAL_TYPES, ZERO, SimFill, SimOrder
from .validation import PRICED_TYPES, OrderRequest, validate_request


class TradingMixin(LedgerMixin):
    """Price-time matching with maker-price execution, IOC/FOK/post-only and stop/take-profit triggers."""

    def place_order(
        self,
        account_id: str,
        symbol: str,
        side: Side,
        order_type: OrderType,
        quantity: Decimal | None,
        *,
        price: Decimal | None = None,
        trigger_price: Decimal | None = None,
        time_in_force: TimeInForce = TimeInForce.GTC,
        position_side: PositionSide = PositionSide.BOTH,
        reduce_only: bool = False,
        post_only: bool = False,
        close_position: bool = False,
        client_order_id: str | None = None,
        dry_run: bool = False,
    ) -> SimOrder:
        """Validate, accept and work an order; raises `SimRejected` when refused.

        With `dry_run` the order is validated and given an id but never booked (venues' test-order endpoints).
        """
        acct, inst = self._acct(account_id), self._inst(symbol)
        post_only = post_only or time_in_force is TimeInForce.POST_ONLY
        order = SimOrder(
            order_id="",
            account_id=account_id,
            symbol=symbol,
            side=side,
            order_type=order_type,
            quantity=quantity or ZERO,
            created_ms=self.now_ms(),
            price=price if order_type in PRICED_TYPES else None,
            trigger_price=trigger_price if order_type in CONDITIONAL_TYPES else None,
            time_in_force=TimeInForce.POST_ONLY if post_only else time_in_force,
            position_side=position_side,
            reduce_only=reduce_only,
            post_only=post_only,
            close_position=close_position,
            client_order_id=client_order_id,
        )
        validate_request(self._request_context(acct, order), inst)
        order.order_id = self.ids.order_id()
        order.updated_ms = order.created_ms
        if dry_run:
            return order
        acct.add_order(order)
        self._publish_order(order, ExecType.NEW)
        if order.is_conditional:
            self._conditional.setdefault(symbol, []).append(order)
            if self._has_reference_price(symbol) and order.trigger_hit(self.mark_price(symbol)):
                self._activate(order)
        elif post_only and self._books[symbol].would_cross(side, order.price or ZERO):
            self._finish(order, OrderStatus.EXPIRED, ExecType.EXPIRED)
        else:
            self._work(order)
        return order

    def _has_reference_price(self, symbol: str) -> bool:
        return symbol in self._marks or symbol in self._last

    def _request_context(self, acct: SimAccount, order: SimOrder) -> OrderRequest:
        book = self._books[order.symbol]
        reference = order.price or order.trigger_price or book.best_opposite(order.side)
        if reference is None:
            reference = self.mark_price(order.symbol)
        scope = acct.orders.values() if self.unique_client_ids_forever else acct.open_orders()
        duplicate = order.client_order_id is not None and any(o.client_order_id == order.client_order_id for o in scope)
        return OrderRequest(
            order=order,
            hedge_mode=acct.position_mode is PositionMode.HEDGE,
            duplicate_client_id=duplicate,
            reference_price=reference,
            reducible=self._reducible(acct, order),
            opening_qty=self._opening_qty(acct, order, order.quantity),
            leverage=self._leverage_of(acct, order.symbol, order.position_side),
            available=self._available(acct, self._inst(order.symbol).settle),
            would_cross=order.price is not None and book.would_cross(order.side, order.price),
            reject_post_only=self.post_only_reject,
            would_trigger=self._has_reference_price(order.symbol)
            and order.trigger_hit(self.mark_price(order.symbol))
            and self.reject_immediate_trigger,
        )

    def _reducible(self, acct: SimAccount, order: SimOrder) -> Decimal:
        """How much of the order's leg it could close right now."""
        pos = acct.positions.get((order.symbol, self._leg(acct, order.position_side)))
        if pos is None or pos.quantity == 0 or (pos.quantity > 0) == (order.side is Side.BUY):
            return ZERO
        return pos.size

    def _publish_order(self, order: SimOrder, exec_type: ExecType, fill: SimFill | None = None) -> None:
        snapshot = dataclasses.replace(order)
        self._emit(OrderEvent(self.now_ms(), order.account_id, snapshot, exec_type, fill))

    def _finish(self, order: SimOrder, status: OrderStatus, exec_type: ExecType) -> None:
        if self._books[order.symbol].remove(order):
            self._emit(BookEvent(self.now_ms(), order.symbol))
        pending = self._conditional.get(order.symbol, [])
        if order in pending:
            pending.remove(order)
        order.status = status
        order.updated_ms = self.now_ms()
        self._publish_order(order, exec_type)

    def _activate(self, order: SimOrder) -> None:
        """A trigger fired: the order becomes a live market or limit order."""
        self._conditional[order.symbol].remove(order)
        order.triggered = True
        order.trigger_ms = order.updated_ms = self.now_ms()
        self._publish_order(order, ExecType.TRIGGERED)
        acct = self._acct(order.account_id)
        reducible = self._reducible(acct, order)
        if order.is_closing and reducible == 0:
            self._finish(order, OrderStatus.EXPIRED, ExecType.EXPIRED)
            return
        if order.close_position:
            order.quantity = reducible
        self._work(order)

    def _work(self, order: SimOrder) -> None:
        """Match as taker, then rest the remainder (GTC limit) or expire it (market, IOC, FOK)."""
        book = self._books[order.symbol]
        limit = None if order.is_market_like else order.price
        acct = self._acct(order.account_id)
        if order.time_in_force is TimeInForce.FOK:
            wanted = order.remaining_qty
            if order.is_closing:
                wanted = min(wanted, self._reducible(acct, order))
            if book.available(order.side, limit) < wanted:
                self._finish(order, OrderStatus.EXPIRED, ExecType.EXPIRED)
                return
        self._match(order, limit)
        if not order.is_open:
            return
        ioc = order.is_market_like or order.time_in_force in (TimeInForce.IOC, TimeInForce.FOK)
        if ioc or (order.is_closing and self._reducible(acct, order) == 0):
            self._finish(order, OrderStatus.EXPIRED, ExecType.EXPIRED)
            return
        order.seq = self.ids.sequence()
        book.add(order)
        self._emit(BookEvent(self.now_ms(), order.symbol))

    def _match(self, taker: SimOrder, limit: Decimal | None) -> None:
        book = self._books[taker.symbol]
        taker_acct = self._acct(taker.account_id)
        traded = False
        for maker in book.matchable(taker.side, limit):
            if not taker.is_open:
                break
            if not maker.is_open:
                continue
            qty = min(taker.remaining_qty, maker.remaining_qty)
            if taker.is_closing:
                qty = min(qty, self._reducible(taker_acct, taker))
            if qty <= 0:
                break
            if maker.is_closing:
                room = self._reducible(self._acct(maker.account_id), maker)
                if room <= 0:
                    self._finish(maker, OrderStatus.EXPIRED, ExecType.EXPIRED)
                    continue
                qty = min(qty, room)
            self._trade(maker, taker, qty)
            traded = True
        if traded:
            self._emit(BookEvent(self.now_ms(), taker.symbol))

    def _trade(self, maker: SimOrder, taker: SimOrder, qty: Decimal) -> None:
        price = maker.price or ZERO
        trade_id = self.ids.trade_id()
        fills = []
        for order, role in ((maker, LiquidityRole.MAKER), (taker, LiquidityRole.TAKER)):
            fills.append(self._apply_fill(order, price, qty, role, trade_id))
            if order.remaining_qty == 0:
                order.status = OrderStatus.CLOSED
                self._books[order.symbol].remove(order)
        self._last[taker.symbol] = price
        event = TradeEvent(self.now_ms(), taker.symbol, trade_id, price, qty, taker.side)
        self._trades.setdefault(taker.symbol, deque(maxlen=self.trade_history_size)).append(event)
        self._publish_order(maker, ExecType.TRADE, fills[0])
        self._publish_order(taker, ExecType.TRADE, fills[1])
        self._emit(event)
        for order in (maker, taker):
            self._expire_orphaned_closers(order.account_id, order.symbol, exclude=taker)

    def _expire_orphaned_closers(self, account_id: str, symbol: str, exclude: SimOrder) -> None:
        """Once a leg is flat, resting reduce-only orders on it can never fill: expire them like venues do."""
        acct = self._acct(account_id)
        for order in acct.open_orders(symbol):
            if order is exclude or order.is_untriggered or not order.is_closing:
                continue
            if self._reducible(acct, order) == 0:
                self._finish(order, OrderStatus.EXPIRED, ExecType.EXPIRED)

    def check_triggers(self, symbol: str) -> list[SimOrder]:
        """Fire every untriggered order whose trigger the current mark has crossed, oldest first."""
        mark = self.mark_price(symbol)
        fired = [o for o in list(self._conditional.get(symbol, [])) if o.is_open and o.trigger_hit(mark)]
        for order in fired:
            if order.is_open and not order.triggered:
                self._activate(order)
        return fired
