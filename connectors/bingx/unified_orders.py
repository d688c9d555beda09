"""Unified order methods of `BingX`: idempotent placement, batches, cancels, lookups, amend via cancel-replace."""

from __future__ import annotations

import string
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from venuekit.core.errors import (
    ExchangeUnavailable,
    InvalidOrder,
    NetworkError,
    OrderNotFound,
    UnknownOrderState,
    VenueError,
)
from venuekit.core.idempotency import ClientOrderIds, place_once
from venuekit.core.lazy import LazyModule
from venuekit.core.types.enums import OrderType, PositionSide, Side, TimeInForce
from venuekit.core.venue import Venue

from . import enums as bx
from .errors import error_class

if TYPE_CHECKING:
    from venuekit.core.types import Order, OrderRequest

    from . import convert
    from .client import BingXClient
    from .endpoints import specs
    from .endpoints.specs import OrderFields
    from .models.swap_trade import SwapOrder
else:
    convert = LazyModule(".convert", globals())
    specs = LazyModule(".endpoints.specs", globals())

#: BingX lower-cases client order ids (1-40 characters) and accepts them on LIMIT and MARKET orders only.
CLIENT_ID_ALPHABET = string.ascii_lowercase + string.digits
CLIENT_ID_TYPES = frozenset({bx.OrderType.LIMIT, bx.OrderType.MARKET})
BATCH = 5
CANCEL_BATCH = 10


class OrdersMixin(Venue):
    raw: BingXClient
    client_ids: ClientOrderIds
    confirm_placement: bool

    async def is_hedge_mode(self, *, refresh: bool = False) -> bool:
        raise NotImplementedError

    def _to_unified(self, venue_symbol: str) -> str:
        return self.symbols.to_unified(venue_symbol)

    async def _fields(self, req: OrderRequest, client_order_id: str | None) -> OrderFields:
        """Venue parameters of a prepared request; positionSide follows the account's position mode."""
        bx_type = bx.ORDER_TYPE_FROM_UNIFIED[req.type]
        fields: OrderFields = {
            "symbol": self.symbols.to_venue(req.symbol),
            "side": bx.SIDE_FROM_UNIFIED[req.side],
            "type": bx_type,
            "quantity": req.amount,
        }
        if await self.is_hedge_mode():
            leg = req.position_side
            if leg in (None, PositionSide.BOTH):
                opens_long = req.side is Side.BUY
                leg = PositionSide.SHORT if opens_long == req.reduce_only else PositionSide.LONG
            fields["position_side"] = bx.POSITION_SIDE_FROM_UNIFIED[leg]
        else:
            if req.position_side not in (None, PositionSide.BOTH):
                raise InvalidOrder(
                    f"position_side {req.position_side} needs hedge mode; this account is one-way", venue=self.name
                )
            fields["position_side"] = bx.PositionSide.BOTH
            if req.reduce_only:
                fields["reduce_only"] = True
        if req.price is not None and req.type is not OrderType.MARKET:
            fields["price"] = req.price
        if req.trigger_price is not None:
            fields["stop_price"] = req.trigger_price
        if req.post_only:
            fields["time_in_force"] = bx.TimeInForce.POST_ONLY
        elif req.time_in_force is not None:
            fields["time_in_force"] = bx.TIF_FROM_UNIFIED[req.time_in_force]
        if req.take_profit_price is not None:
            fields["take_profit"] = specs.TpSlSpec(
                type=bx.OrderType.TAKE_PROFIT_MARKET,
                stop_price=req.take_profit_price,
                working_type=bx.WorkingType.MARK_PRICE,
            )
        if req.stop_loss_price is not None:
            fields["stop_loss"] = specs.TpSlSpec(
                type=bx.OrderType.STOP_MARKET, stop_price=req.stop_loss_price, working_type=bx.WorkingType.MARK_PRICE
            )
        if client_order_id is not None:
            fields["client_order_id"] = client_order_id
        extra: dict[str, Any] = dict(req.params)
        return {**fields, **extra}  # type: ignore[typeddict-item]

    def _client_id(self, req: OrderRequest) -> str | None:
        if bx.ORDER_TYPE_FROM_UNIFIED[req.type] not in CLIENT_ID_TYPES:
            return None
        return (req.client_order_id or self.client_ids.new()).lower()

    async def create_order(self, request: OrderRequest) -> Order:
        """Place once: an ambiguous outcome is resolved by querying the client order id, never by resending."""
        req = self.prepare(request)
        cid = self._client_id(req)
        fields = await self._fields(req, cid)
        venue_symbol = fields["symbol"]

        async def submit() -> SwapOrder:
            return await self.raw.swap_trade.place_order(**fields)

        async def lookup() -> SwapOrder:
            return await self.raw.swap_trade.query_order(symbol=venue_symbol, client_order_id=cid)

        placed = await place_once(submit, lookup, client_order_id=cid or "", venue=self.name,
                                  lookups=self.placement.lookups if cid else 0, backoff_s=self.placement.backoff_s)
        if placed.status is None and self.confirm_placement:
            placed = await self.raw.swap_trade.query_order(symbol=venue_symbol, order_id=placed.order_id)
        return convert.order(placed, self._to_unified, req)

    async def create_orders(self, requests: Sequence[OrderRequest]) -> list[Order | VenueError]:
        """Batches of 5 (BingX's maximum); each result matched back by client order id."""
        results: list[Order | VenueError] = []
        for start in range(0, len(requests), BATCH):
            results += await self._create_batch(list(requests[start : start + BATCH]))
        return results

    async def _create_batch(self, requests: list[OrderRequest]) -> list[Order | VenueError]:
        prepared: list[tuple[OrderRequest, str | None, OrderFields]] = []
        outcome: list[Order | VenueError | None] = []
        for request in requests:
            try:
                req = self.prepare(request)
                cid = self._client_id(req)
                prepared.append((req, cid, await self._fields(req, cid)))
                outcome.append(None)
            except VenueError as exc:
                outcome.append(exc)
        if not prepared:
            return [o for o in outcome if o is not None]
        failure: VenueError | None = None
        try:
            placed = await self.raw.swap_trade.place_orders([specs.NewOrder(**f) for _, _, f in prepared])
        except (NetworkError, ExchangeUnavailable) as exc:
            if isinstance(exc, NetworkError) and not exc.request_sent:
                raise
            placed = [o for o in [await self._find(req, cid, f["symbol"]) for req, cid, f in prepared] if o]
        except VenueError as exc:
            placed, failure = [], exc
        by_cid = {o.client_order_id: o for o in placed if o.client_order_id}
        queue = iter(prepared)
        for i, slot in enumerate(outcome):
            if slot is not None:
                continue
            req, cid, _ = next(queue)
            found = by_cid.get(cid) if cid else None
            if found is not None:
                outcome[i] = convert.order(found, self._to_unified, req)
            else:
                outcome[i] = failure or UnknownOrderState(
                    "order missing from the batch answer", venue=self.name, client_order_id=cid
                )
        return [o for o in outcome if o is not None]

    async def _find(self, req: OrderRequest, cid: str | None, venue_symbol: str) -> SwapOrder | None:
        if cid is None:
            return None
        try:
            return await self.raw.swap_trade.query_order(symbol=venue_symbol, client_order_id=cid)
        except VenueError:
            return None

    async def amend_order(
        self, symbol: str, order_id: str, *, amount: Decimal | None = None, price: Decimal | None = None
    ) -> Order:
        """BingX has no in-place amend for swap orders: cancel-replace (STOP_ON_FAILURE) with the new values."""
        from venuekit.core.types import OrderRequest

        inst = self.instrument(symbol)
        old = await self.raw.swap_trade.query_order(symbol=inst.venue_symbol, order_id=order_id)
        current = convert.order(old, self._to_unified)
        new_amount = inst.quantize_amount(amount) if amount is not None else current.remaining or current.amount
        new_price = inst.quantize_price(price) if price is not None else current.price
        req = OrderRequest(
            symbol=symbol,
            side=current.side,
            type=current.type,
            amount=new_amount,
            price=new_price,
            position_side=current.position_side,
            reduce_only=current.reduce_only,
            post_only=current.post_only,
            time_in_force=current.time_in_force if current.time_in_force is not TimeInForce.POST_ONLY else None,
        )
        fields = await self._fields(req, self._client_id(req))
        result = await self.raw.swap_trade.cancel_replace(
            specs.CancelReplace(
                order=specs.NewOrder(**fields),
                mode=bx.CancelReplaceMode.STOP_ON_FAILURE,
                cancel_order_id=order_id,
            )
        )
        if result.new_order_response is None or result.replace_result in (False, "false"):
            raise InvalidOrder(
                f"amend of {order_id} failed: {result.cancel_msg or ''} {result.replace_msg or ''}".strip(),
                venue=self.name,
            )
        return convert.order(result.new_order_response, self._to_unified, req)

    async def cancel_order(
        self, symbol: str, order_id: str | None = None, *, client_order_id: str | None = None
    ) -> Order:
        cancelled = await self.raw.swap_trade.cancel_order(
            symbol=self.symbols.to_venue(symbol), order_id=order_id, client_order_id=client_order_id
        )
        return convert.order(cancelled, self._to_unified)

    async def cancel_orders(self, symbol: str, order_ids: Sequence[str]) -> list[Order | VenueError]:
        venue_symbol = self.symbols.to_venue(symbol)
        found: dict[str, Order | VenueError] = {}
        for start in range(0, len(order_ids), CANCEL_BATCH):
            chunk = list(order_ids[start : start + CANCEL_BATCH])
            data = await self.raw.swap_trade.cancel_orders(symbol=venue_symbol, order_ids=chunk)
            for o in data.success:
                found[o.order_id] = convert.order(o, self._to_unified)
            for f in data.failed:
                code = str(f.error_code or "")
                cls = error_class(code, f.error_message or "")
                found[f.order_id or ""] = cls(f.error_message or "cancel failed", venue=self.name, code=code or None)
        return [
            found.get(i) or OrderNotFound(f"order {i} not in the cancel answer", venue=self.name) for i in order_ids
        ]

    async def cancel_all_orders(self, symbol: str | None = None) -> list[Order]:
        data = await self.raw.swap_trade.cancel_all_open_orders(
            symbol=self.symbols.to_venue(symbol) if symbol else None
        )
        return [convert.order(o, self._to_unified) for o in data.success]

    async def fetch_order(
        self, symbol: str, order_id: str | None = None, *, client_order_id: str | None = None
    ) -> Order:
        o = await self.raw.swap_trade.query_order(
            symbol=self.symbols.to_venue(symbol),
            order_id=order_id,
            client_order_id=client_order_id.lower() if client_order_id else None,
        )
        return convert.order(o, self._to_unified)

    async def fetch_open_orders(self, symbol: str | None = None) -> list[Order]:
        orders = await self.raw.swap_trade.open_orders(symbol=self.symbols.to_venue(symbol) if symbol else None)
        return [convert.order(o, self._to_unified) for o in orders]

    async def fetch_orders(self, symbol: str, *, since: int | None = None, limit: int | None = None) -> list[Order]:
        """Orders of every status (BingX keeps 7 days here) via `GET /openApi/swap/v1/trade/fullOrder`."""
        orders = await self.raw.swap_trade.full_orders(
            symbol=self.symbols.to_venue(symbol), start_time=since, limit=limit or 500
        )
        return [convert.order(o, self._to_unified) for o in orders]
