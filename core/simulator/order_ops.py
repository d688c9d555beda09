"""Order lookups, history, cancels and amends."""

from __future__ import annotations

from decimal import Decimal

from ..types.enums import OrderStatus
from .errors import RejectReason, SimRejected
from .events import BookEvent, ExecType
from .instruments import is_multiple
from .ledger import window
from .orders import SimOrder
from .trading import TradingMixin


class OrderOpsMixin(TradingMixin):
    """Read and modify existing orders."""

    def get_order(
        self,
        account_id: str,
        symbol: str | None = None,
        order_id: str | None = None,
        client_order_id: str | None = None,
    ) -> SimOrder:
        """Find an order (open or finished) by id or, failing that, by the newest use of a client id."""
        acct = self._acct(account_id)
        found: SimOrder | None = None
        if order_id is not None:
            found = acct.orders.get(order_id)
        elif client_order_id is not None:
            found = next((o for o in reversed(acct.orders.values()) if o.client_order_id == client_order_id), None)
        if found is None or (symbol is not None and found.symbol != symbol):
            raise SimRejected(RejectReason.ORDER_NOT_FOUND, f"order {order_id or client_order_id} not found")
        return found

    def open_orders(self, account_id: str, symbol: str | None = None) -> list[SimOrder]:
        """Working orders, untriggered stops included, oldest first."""
        return self._acct(account_id).open_orders(symbol)

    def orders(
        self,
        account_id: str,
        symbol: str | None = None,
        start_ms: int | None = None,
        end_ms: int | None = None,
        limit: int | None = None,
    ) -> list[SimOrder]:
        """All orders by creation time, oldest first; `limit` keeps the newest."""
        rows = (o for o in self._acct(account_id).orders.values() if symbol is None or o.symbol == symbol)
        return window(rows, lambda o: o.created_ms, start_ms, end_ms, limit)

    def cancel_order(
        self,
        account_id: str,
        symbol: str | None = None,
        order_id: str | None = None,
        client_order_id: str | None = None,
    ) -> SimOrder:
        order = self.get_order(account_id, symbol, order_id, client_order_id)
        if not order.is_open:
            raise SimRejected(RejectReason.ORDER_NOT_OPEN, f"order {order.order_id} is {order.status.value}")
        self._finish(order, OrderStatus.CANCELED, ExecType.CANCELED)
        return order

    def cancel_all(self, account_id: str, symbol: str | None = None) -> list[SimOrder]:
        """Cancel every open order of the account (optionally one symbol); returns those canceled."""
        canceled = self._acct(account_id).open_orders(symbol)
        for order in canceled:
            self._finish(order, OrderStatus.CANCELED, ExecType.CANCELED)
        return canceled

    def amend_order(
        self,
        account_id: str,
        symbol: str | None = None,
        order_id: str | None = None,
        quantity: Decimal | None = None,
        price: Decimal | None = None,
        *,
        client_order_id: str | None = None,
    ) -> SimOrder:
        """Change quantity and/or price keeping the order id; priority is kept only for a pure size cut."""
        order = self.get_order(account_id, symbol, order_id, client_order_id)
        if not order.is_open:
            raise SimRejected(RejectReason.ORDER_NOT_OPEN, f"order {order.order_id} is {order.status.value}")
        inst = self._inst(order.symbol)
        new_qty = order.quantity if quantity is None else quantity
        new_price = order.price if price is None else price
        if new_qty <= order.filled_qty or not is_multiple(new_qty, inst.step_size) or new_qty < inst.min_qty:
            raise SimRejected(RejectReason.INVALID_QUANTITY, f"cannot amend quantity to {new_qty}")
        if price is not None and (order.price is None or price <= 0):
            raise SimRejected(RejectReason.INVALID_PRICE, "this order has no amendable price")
        if new_price is not None and not is_multiple(new_price, inst.tick_size):
            raise SimRejected(RejectReason.PRICE_TICK, f"price {new_price} is not a multiple of {inst.tick_size}")
        book = self._books[order.symbol]
        keep_priority = new_price == order.price and new_qty <= order.quantity
        if order.is_untriggered or keep_priority:
            order.quantity, order.price = new_qty, new_price
            order.updated_ms = self.now_ms()
            self._publish_order(order, ExecType.AMENDMENT)
            if not order.is_untriggered:
                self._emit(BookEvent(order.updated_ms, order.symbol))
            return order
        if order.post_only and new_price is not None and book.would_cross(order.side, new_price):
            raise SimRejected(RejectReason.POST_ONLY_WOULD_TAKE, "amended post-only order would take liquidity")
        book.remove(order)
        order.quantity, order.price = new_qty, new_price
        order.updated_ms = self.now_ms()
        self._publish_order(order, ExecType.AMENDMENT)
        self._work(order)
        return order
