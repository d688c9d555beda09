"""`BinanceUSDM`: the unified `Venue` over the raw Binance USDⓈ-M client."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from venuekit.core.credentials import Credentials
from venuekit.core.errors import InvalidRequest, OrderNotFound, UnknownOrderState, VenueError, error_for
from venuekit.core.events import Event, EventBus
from venuekit.core.lazy import LazyModule
from venuekit.core.streaming_venue import StreamingVenue
from venuekit.core.types.enums import OrderType, PositionSide

from .client import BinanceUSDMClient
from .config import VENUE, Environment
from .enums import MARGIN_MODE_FROM_WIRE, MARGIN_MODE_TO_WIRE, POSITION_MODE_TO_DUAL
from .errors import ALREADY_SET, ERRORS

if TYPE_CHECKING:
    import httpx

    from venuekit.core.ratelimit.store import LimiterStore
    from venuekit.core.transport.config import Timeouts
    from venuekit.core.types import (
        Balance,
        Commission,
        Fill,
        FundingRate,
        IncomeEntry,
        Instrument,
        Leverage,
        MarginMode,
        Order,
        OrderRequest,
        Position,
        PositionMode,
        Ticker,
    )

    from . import convert, placement
    from .endpoints.order_params import NewOrder
    from .models import BatchItem, OrderResponse
    from .streams import BinanceStreams
else:
    convert = LazyModule(".convert", globals())
    placement = LazyModule(".placement", globals())


class BinanceUSDM(StreamingVenue["BinanceStreams", BinanceUSDMClient]):
    """Binance USDⓈ-M perpetuals through the shared interface; `raw` exposes every endpoint."""

    name: ClassVar[str] = VENUE

    def __init__(
        self,
        credentials: Credentials | None = None,
        *,
        env: str | Environment = "live",
        base_url: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeouts: Timeouts | None = None,
        proxy: str | None = None,
        recv_window: int | None = None,
        limiter_store: LimiterStore | None = None,
        events: EventBus | None = None,
    ) -> None:
        super().__init__()
        if credentials is None:
            credentials = Credentials.from_env(VENUE)
        self.events = events or EventBus()
        self.raw = BinanceUSDMClient(
            credentials, env=env, base_url=base_url, transport=transport, timeouts=timeouts, proxy=proxy,
            recv_window=recv_window, limiter_store=limiter_store, events=self.events,
        )
        self.client_order_ids = placement.client_order_ids()
        self._env = env

    def _make_streams(self) -> BinanceStreams:
        from .streams import BinanceStreams

        return BinanceStreams(self, self._env)

    async def _loaded(self) -> None:
        if not len(self.symbols):
            await self.load_instruments()

    async def _venue_symbol(self, symbol: str) -> str:
        await self._loaded()
        return self.symbols.to_venue(symbol)

    def _order(self, o: OrderResponse) -> Order:
        return convert.order(o, self.symbols)

    def _item(self, item: BatchItem) -> Order | VenueError:
        from .models import BatchError

        if isinstance(item, BatchError):
            return error_for(ERRORS, item.code)(item.msg, venue=VENUE, code=item.code)
        return self._order(item)

    async def load_instruments(self, *, reload: bool = False) -> dict[str, Instrument]:
        """Perpetual contracts from exchangeInfo (`BTC/USDT:USDT` ↔ `BTCUSDT`); adopts the live rate limits."""
        if len(self.symbols) and not reload:
            return {i.symbol: i for i in self.symbols.instruments()}
        info = await self.raw.market.exchange_info()
        self.raw.apply_rate_limits(info.rate_limits)
        for sym in info.symbols:
            if sym.contract_type == "PERPETUAL":
                self.symbols.add(convert.instrument(sym))
        return {i.symbol: i for i in self.symbols.instruments()}

    async def fetch_balances(self) -> dict[str, Balance]:
        return {b.asset: convert.balance(b) for b in await self.raw.account.balance()}

    async def fetch_positions(self, symbols: Sequence[str] | None = None) -> list[Position]:
        await self._loaded()
        wanted = {self.symbols.to_venue(s) for s in symbols} if symbols else None
        single = next(iter(wanted)) if wanted and len(wanted) == 1 else None
        rows = await self.raw.account.position_risk(symbol=single)
        return [convert.position(p, self.symbols) for p in rows
                if p.position_amt != 0 and (wanted is None or p.symbol in wanted)]

    async def create_order(self, request: OrderRequest) -> Order:
        """Quantise, tag with a client order id, place once; an ambiguous outcome is looked up by that id."""
        await self._loaded()
        request = self.prepare(request)
        venue_symbol = self.symbols.to_venue(request.symbol)
        cid = placement.resolve_client_id(request, self.client_order_ids)
        order = placement.to_new_order(request, venue_symbol, cid)

        async def submit() -> OrderResponse:
            return await self.raw.trade.new_order(**_kwargs(order))

        async def lookup() -> OrderResponse:
            return await self.raw.orders.query_order(symbol=venue_symbol, orig_client_order_id=cid)

        try:
            placed = await placement.place_exactly_once(submit, lookup, client_order_id=cid,
                                                        lookups=self.placement.lookups,
                                                        backoff_s=self.placement.backoff_s)
        except UnknownOrderState:
            if self.events:
                self.events.emit(Event("order_unknown", VENUE, {"client_order_id": cid, "symbol": request.symbol}))
            raise
        return self._order(placed)

    async def create_orders(self, requests: Sequence[OrderRequest]) -> list[Order | VenueError]:
        """Batches of 5 per symbol-agnostic call; each item keeps its own client order id."""
        from .endpoints.trade import MAX_BATCH_PLACE

        await self._loaded()
        results: list[Order | VenueError] = []
        for start in range(0, len(requests), MAX_BATCH_PLACE):
            chunk = [self.prepare(r) for r in requests[start:start + MAX_BATCH_PLACE]]
            orders = [placement.to_new_order(r, self.symbols.to_venue(r.symbol),
                                             placement.resolve_client_id(r, self.client_order_ids))
                      for r in chunk]
            results.extend(await self._place_batch(orders))
        return results

    async def _place_batch(self, orders: list[NewOrder]) -> list[Order | VenueError]:
        try:
            items = await self.raw.trade.batch_orders(orders=orders)
        except VenueError as exc:
            if not placement.is_ambiguous(exc):
                raise
            out: list[Order | VenueError] = []
            for o in orders:
                cid = o.new_client_order_id or ""

                async def lookup(vs: str = o.symbol, cid: str = cid) -> OrderResponse:
                    return await self.raw.orders.query_order(symbol=vs, orig_client_order_id=cid)

                try:
                    found = await placement.resolve_ambiguous(exc, lookup, client_order_id=cid,
                                                              lookups=self.placement.lookups,
                                                              backoff_s=self.placement.backoff_s)
                    out.append(self._order(found))
                except VenueError as err:
                    out.append(err)
            return out
        return [self._item(i) for i in items]

    async def cancel_order(
        self, symbol: str, order_id: str | None = None, *, client_order_id: str | None = None
    ) -> Order:
        vs = await self._venue_symbol(symbol)
        return self._order(await self.raw.trade.cancel_order(symbol=vs, order_id=order_id,
                                                             orig_client_order_id=client_order_id))

    async def cancel_orders(self, symbol: str, order_ids: Sequence[str]) -> list[Order | VenueError]:
        from .endpoints.trade import MAX_BATCH_CANCEL

        vs = await self._venue_symbol(symbol)
        out: list[Order | VenueError] = []
        for start in range(0, len(order_ids), MAX_BATCH_CANCEL):
            chunk = order_ids[start:start + MAX_BATCH_CANCEL]
            items = await self.raw.trade.cancel_batch_orders(symbol=vs, order_ids=chunk)
            out.extend(self._item(i) for i in items)
        return out

    async def cancel_all_orders(self, symbol: str | None = None) -> list[Order]:
        """Binance answers cancel-all with `{code,msg}`; the orders returned are those open just before."""
        await self._loaded()
        snapshot = await self.raw.orders.open_orders(symbol=self.symbols.to_venue(symbol) if symbol else None)
        for vs in sorted({o.symbol for o in snapshot}):
            await self.raw.trade.cancel_all_open_orders(symbol=vs)
        return [self._order(o.model_copy(update={"status": "CANCELED"})) for o in snapshot]

    async def cancel_all_after(self, timeout_ms: int, symbol: str | None = None) -> None:
        """Binance's countdown is per symbol (`POST /fapi/v1/countdownCancelAll`); 0 stops it."""
        if symbol is None:
            raise InvalidRequest("binance-usdm's countdown cancel-all needs a symbol", field="symbol")
        await self.raw.trade.countdown_cancel_all(symbol=await self._venue_symbol(symbol), countdown_time=timeout_ms)

    async def fetch_order(
        self, symbol: str, order_id: str | None = None, *, client_order_id: str | None = None
    ) -> Order:
        vs = await self._venue_symbol(symbol)
        return self._order(await self.raw.orders.query_order(symbol=vs, order_id=order_id,
                                                             orig_client_order_id=client_order_id))

    async def fetch_open_orders(self, symbol: str | None = None) -> list[Order]:
        vs = await self._venue_symbol(symbol) if symbol else None
        await self._loaded()
        return [self._order(o) for o in await self.raw.orders.open_orders(symbol=vs)]

    async def fetch_orders(self, symbol: str, *, since: int | None = None, limit: int | None = None) -> list[Order]:
        vs = await self._venue_symbol(symbol)
        return [self._order(o) for o in await self.raw.orders.all_orders(symbol=vs, start_time=since, limit=limit)]

    async def fetch_fills(
        self, symbol: str | None = None, *, since: int | None = None, limit: int | None = None
    ) -> list[Fill]:
        if symbol is None:
            raise InvalidRequest("binance-usdm lists fills per symbol", field="symbol")
        vs = await self._venue_symbol(symbol)
        trades = await self.raw.orders.user_trades(symbol=vs, start_time=since, limit=limit)
        return [convert.fill(t, self.symbols) for t in trades]

    async def fetch_leverage(self, symbol: str) -> Leverage:
        from venuekit.core.types import Leverage

        vs = await self._venue_symbol(symbol)
        rows = await self.raw.account.position_risk(symbol=vs)
        if not rows:
            raise OrderNotFound(f"no position row for {symbol}", venue=VENUE)
        row = rows[0]
        lev = Decimal(row.leverage)
        mode = MARGIN_MODE_FROM_WIRE.get(row.margin_type.lower())
        return Leverage(venue=VENUE, symbol=symbol, long=lev, short=lev, margin_mode=mode)

    async def set_leverage(self, symbol: str, leverage: int, *, position_side: PositionSide | None = None) -> None:
        """Binance leverage is per symbol (both sides); `position_side` is accepted and ignored."""
        await self.raw.config.change_leverage(symbol=await self._venue_symbol(symbol), leverage=leverage)

    async def set_margin_mode(self, symbol: str, mode: MarginMode) -> None:
        """Already in that mode (-4046) counts as success."""
        try:
            await self.raw.config.change_margin_type(symbol=await self._venue_symbol(symbol),
                                                     margin_type=MARGIN_MODE_TO_WIRE[mode])
        except VenueError as exc:
            if exc.code not in ALREADY_SET:
                raise

    async def set_position_mode(self, mode: PositionMode) -> None:
        """Hedge ↔ one-way for every symbol; already in that mode (-4059) counts as success."""
        try:
            await self.raw.config.change_position_mode(dual_side_position=POSITION_MODE_TO_DUAL[mode])
        except VenueError as exc:
            if exc.code not in ALREADY_SET:
                raise

    async def close_position(self, symbol: str, *, position_side: PositionSide | None = None) -> list[Order]:
        """Market orders against each open leg: reduce-only in one-way mode, by position side in hedge mode."""
        from venuekit.core.types import OrderRequest

        orders: list[Order] = []
        for pos in await self.fetch_positions([symbol]):
            if position_side is not None and pos.position_side is not position_side:
                continue
            hedge = pos.position_side is not PositionSide.BOTH
            request = OrderRequest(
                symbol=symbol, side=pos.side.opposite, type=OrderType.MARKET, amount=pos.size,
                position_side=pos.position_side if hedge else None, reduce_only=not hedge,
            )
            orders.append(await self.create_order(request))
        return orders

    async def fetch_income(
        self, symbol: str | None = None, *, since: int | None = None, limit: int | None = None
    ) -> list[IncomeEntry]:
        vs = await self._venue_symbol(symbol) if symbol else None
        rows = await self.raw.account.income(symbol=vs, start_time=since, limit=limit)
        return [convert.income(r, self.symbols) for r in rows]

    async def fetch_funding_rate(self, symbol: str) -> FundingRate:
        rows = await self.raw.market.premium_index(symbol=await self._venue_symbol(symbol))
        return convert.funding(rows[0], self.symbols)

    async def fetch_ticker(self, symbol: str) -> Ticker:
        from venuekit.core.types import Ticker

        rows = await self.raw.market.ticker_price(symbol=await self._venue_symbol(symbol))
        return Ticker(venue=VENUE, symbol=symbol, last=rows[0].price, timestamp=rows[0].time)

    async def fetch_commission(self, symbol: str) -> Commission:
        return convert.commission(await self.raw.account.commission_rate(symbol=await self._venue_symbol(symbol)),
                                  self.symbols)


def _kwargs(order: NewOrder) -> dict[str, Any]:
    """A `NewOrder` as keyword arguments of `TradeApi.new_order`."""
    return {f.name: getattr(order, f.name) for f in dataclasses.fields(order)}
