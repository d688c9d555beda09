"""`GateCrossEx`: the unified venue over one Gate CrossEx account that trades on several exchanges."""

from __future__ import annotations

import string
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from venuekit.core.credentials import Credentials
from venuekit.core.errors import BadResponse, BadSymbol, InvalidRequest, OrderNotFound, VenueError
from venuekit.core.idempotency import ClientOrderIds, place_once
from venuekit.core.lazy import LazyModule
from venuekit.core.streaming_venue import StreamingVenue
from venuekit.core.symbols import SymbolMap, UnifiedSymbol
from venuekit.core.types.enums import InstrumentKind, OrderStatus, OrderType, PositionSide

from .client import GateCrossExClient
from .config import VENUE, Environment
from .enums import POSITION_MODE_TO_GATE, POSITION_SIDE_TO_GATE, AccountMode, ClosePositionMethod, GatePositionSide
from .errors import ERRORS

if TYPE_CHECKING:
    import httpx

    from venuekit.core.events import EventBus
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
        Order,
        OrderRequest,
        Position,
        PositionMode,
        Ticker,
    )

    from . import mapping, order_builder
    from .endpoints.margin import MarginApi
    from .endpoints.positions import PositionsApi
    from .models import CrossexOrder, OrderAction, TransferCoin
    from .streams import GateStreams
else:
    mapping = LazyModule(".mapping", globals())
    order_builder = LazyModule(".order_builder", globals())

_RISK_CHUNK = 50


class GateCrossEx(StreamingVenue["GateStreams", GateCrossExClient]):
    """Unified API; symbols name the underlying exchange (`BTC/USDT:USDT@BINANCE`), or use `default_exchange`."""

    name = VENUE

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
        default_exchange: str | None = None,
        close_method: ClosePositionMethod | str | None = None,
    ) -> None:
        """`recv_window` is accepted for symmetry; Gate's window is a fixed 60 s."""
        super().__init__()
        if credentials is None:
            credentials = Credentials.from_env(VENUE)
        self.raw = GateCrossExClient(
            credentials, env=env, base_url=base_url, transport=transport, timeouts=timeouts, proxy=proxy,
            limiter_store=limiter_store, events=events,
        )
        self.recv_window = recv_window
        self.default_exchange = default_exchange.upper() if default_exchange else None
        self._close_method = ClosePositionMethod(close_method) if close_method else None
        self._ids = ClientOrderIds(prefix="vk", max_length=28, alphabet=string.ascii_lowercase + string.digits)
        self.transfer_coins: dict[str, TransferCoin] = {}
        self._env = env

    def _make_streams(self) -> GateStreams:
        """Streams: signed login on `/ws/crossex` for orders, fills (`usertrades`), positions, margin positions and
        assets; mark price joined with funding; best bid/ask from `ticker`; `order_book_update` (a gap
        re-subscribes for a fresh snapshot)."""
        from .streams import GateStreams

        return GateStreams(self, self._env)

    # --- symbols ---------------------------------------------------------------------------------
    def instrument(self, symbol: str) -> Instrument:
        """Exact unified symbol, or a plain one (`BTC/USDT:USDT`) on `default_exchange`."""
        if symbol in self.symbols:
            return self.symbols.by_unified(symbol)
        try:
            parsed = UnifiedSymbol.parse(symbol)
        except BadSymbol as exc:
            raise BadSymbol(str(exc.message), venue=self.name) from exc
        if parsed.exchange is None and self.default_exchange is not None:
            parsed = UnifiedSymbol(parsed.base, parsed.quote, parsed.settle, self.default_exchange)
        return self.symbols.by_unified(str(parsed))

    def _venue_symbol(self, symbol: str | None) -> str | None:
        return None if symbol is None else self.instrument(symbol).venue_symbol

    def _order(self, item: CrossexOrder) -> Order:
        return mapping.order(item, self.symbols.to_unified)

    async def load_instruments(self, *, reload: bool = False) -> dict[str, Instrument]:
        """Pairs from `rule/symbols`, max leverage from `rule/risk_limits`, transferable coins kept aside."""
        if len(self.symbols) and not reload:
            return {i.symbol: i for i in self.symbols.instruments()}
        items = await self.raw.market.list_symbols()
        leveraged = [s.symbol for s in items if s.business_type.upper() in ("FUTURE", "MARGIN")]
        risks = {}
        for start in range(0, len(leveraged), _RISK_CHUNK):
            for risk in await self.raw.market.list_risk_limits(symbols=leveraged[start : start + _RISK_CHUNK]):
                risks[risk.symbol] = risk
        self.transfer_coins = {c.coin: c for c in await self.raw.transfers.list_coins()}
        fresh = [mapping.instrument(item, risks.get(item.symbol)) for item in items]
        self.symbols = SymbolMap(self.name, fresh)
        return {i.symbol: i for i in fresh}

    def exchanges(self) -> list[str]:
        """Underlying exchanges seen in the loaded instruments (never a fixed list)."""
        return sorted({i.metadata["exchange"] for i in self.symbols.instruments()})

    # --- account ---------------------------------------------------------------------------------
    async def fetch_balances(self, *, exchange: str | None = None) -> dict[str, Balance]:
        """Per coin, summed over the underlying exchanges unless `exchange` picks one."""
        account = await self.raw.account.get_account()
        return mapping.balances(account.assets, exchange)

    async def fetch_positions(self, symbols: Sequence[str] | None = None) -> list[Position]:
        """Contract positions and margin positions together."""
        wanted = {self.instrument(s).venue_symbol for s in symbols} if symbols else None
        found: list[Position | None] = []
        for item in await self.raw.positions.list_positions():
            if wanted is None or item.symbol in wanted:
                found.append(mapping.position(item, self.symbols.to_unified))
        for margin_item in await self.raw.margin.list_positions():
            if wanted is None or margin_item.symbol in wanted:
                found.append(mapping.margin_position(margin_item, self.symbols.to_unified))
        return [p for p in found if p is not None]

    async def fetch_leverage(self, symbol: str) -> Leverage:
        from venuekit.core.types import Leverage

        inst = self.instrument(symbol)
        api = self._leverage_api(inst)
        for item in await api.get_leverage(symbols=[inst.venue_symbol]):
            if item.symbol == inst.venue_symbol:
                return Leverage(venue=self.name, symbol=inst.symbol, long=item.leverage, short=item.leverage)
        raise BadResponse(f"no leverage returned for {inst.venue_symbol}", venue=self.name)

    async def set_leverage(self, symbol: str, leverage: int, *, position_side: PositionSide | None = None) -> None:
        """One leverage per pair (both sides); answered with 202 Accepted."""
        inst = self.instrument(symbol)
        await self._leverage_api(inst).set_leverage(symbol=inst.venue_symbol, leverage=leverage)

    def _leverage_api(self, inst: Instrument) -> PositionsApi | MarginApi:
        if inst.kind is InstrumentKind.SWAP:
            return self.raw.positions
        if inst.kind is InstrumentKind.MARGIN:
            return self.raw.margin
        raise self._unsupported("leverage on spot pairs")

    async def set_position_mode(self, mode: PositionMode, *, exchange: str | None = None) -> None:
        """SINGLE/DUAL; `exchange` is required by the venue in isolated-exchange account mode."""
        await self.raw.account.update_account(position_mode=POSITION_MODE_TO_GATE[mode], exchange_type=exchange)

    async def set_account_mode(self, mode: AccountMode | str) -> None:
        """CrossEx-only: CROSS_EXCHANGE (one margin pool) or ISOLATED_EXCHANGE (per exchange)."""
        await self.raw.account.update_account(account_mode=AccountMode(mode))

    async def fetch_commission(self, symbol: str) -> Commission:
        inst = self.instrument(symbol)
        found = mapping.commission(await self.raw.account.get_fee(), inst)
        if found is None:
            raise BadResponse(f"no fee rate for {inst.venue_symbol}", venue=self.name)
        return found

    async def fetch_income(
        self, symbol: str | None = None, *, since: int | None = None, limit: int | None = None,
        asset: str | None = None,
    ) -> list[IncomeEntry]:
        """The account book. It is kept per coin and underlying exchange, not per symbol: a `symbol` narrows
        it to that instrument's settle coin on that instrument's exchange."""
        exchange = None
        if symbol is not None:
            inst = self.instrument(symbol)
            asset = asset or inst.settle or inst.quote
            exchange = inst.metadata.get("exchange")
        rows = await self.raw.account.list_account_book(coin=asset, start=since, limit=limit)
        return [mapping.income(r) for r in rows
                if exchange is None or (r.exchange_type or exchange).upper() == exchange.upper()]

    async def fetch_ticker(self, symbol: str) -> Ticker:
        from venuekit.core.types import Ticker

        inst = self.instrument(symbol)
        for t in await self.raw.market.list_tickers(symbols=[inst.venue_symbol]):
            if t.symbol == inst.venue_symbol:
                return Ticker(venue=self.name, symbol=inst.symbol, last=t.last_price, mark=t.mark_price,
                              timestamp=t.timestamp)
        raise BadResponse(f"no ticker returned for {inst.venue_symbol}", venue=self.name)

    async def fetch_funding_rate(self, symbol: str) -> FundingRate:
        from venuekit.core.types import FundingRate

        inst = self.instrument(symbol)
        for f in await self.raw.market.list_funding_info(symbols=[inst.venue_symbol]):
            if f.symbol == inst.venue_symbol and f.funding_rate is not None:
                return FundingRate(venue=self.name, symbol=inst.symbol, rate=f.funding_rate,
                                   next_funding_time=f.funding_time)
        raise BadResponse(f"no funding info returned for {inst.venue_symbol}", venue=self.name)

    # --- orders ----------------------------------------------------------------------------------
    async def create_order(self, request: OrderRequest) -> Order:
        """Placed once under a client id (`text`); an ambiguous outcome is resolved by looking that id up."""
        from .endpoints._base import check_client_order_id

        prepared = self.prepare(request)
        inst = self.instrument(prepared.symbol)
        cid = prepared.client_order_id or self._ids.new()
        check_client_order_id(cid)
        kwargs = order_builder.order_kwargs(prepared, inst, cid)

        async def submit() -> Order:
            action = await self.raw.orders.create_order(**kwargs)
            return await self._after(action, cid, prepared, inst)

        async def lookup() -> Order:
            return self._order(await self.raw.orders.get_order(order_id=cid))

        return await place_once(submit, lookup, client_order_id=cid, venue=self.name,
                                lookups=self.placement.lookups, backoff_s=self.placement.backoff_s)

    async def _after(self, action: OrderAction, cid: str, request: OrderRequest, inst: Instrument) -> Order:
        """The order as the venue now reports it; if not yet visible, as accepted."""
        try:
            return self._order(await self.raw.orders.get_order(order_id=action.order_id or cid))
        except OrderNotFound:
            from venuekit.core.types import Order

            return Order(
                venue=self.name, id=action.order_id or cid, client_order_id=action.text or cid, symbol=inst.symbol,
                side=request.side, position_side=request.position_side, type=request.type,
                time_in_force=request.time_in_force, price=request.price, amount=request.amount,
                remaining=request.amount, status=OrderStatus.OPEN, reduce_only=request.reduce_only,
                post_only=request.post_only,
            )

    async def amend_order(
        self, symbol: str, order_id: str, *, amount: Decimal | None = None, price: Decimal | None = None
    ) -> Order:
        inst = self.instrument(symbol)
        qty = inst.quantize_amount(amount) if amount is not None else None
        px = inst.quantize_price(price) if price is not None else None
        await self.raw.orders.amend_order(order_id=order_id, qty=qty, price=px)
        return self._order(await self.raw.orders.get_order(order_id=order_id))

    async def cancel_order(
        self, symbol: str, order_id: str | None = None, *, client_order_id: str | None = None
    ) -> Order:
        """Cancel by order id or client id (the venue accepts either in the path)."""
        key = order_id or client_order_id
        if not key:
            raise InvalidRequest("give order_id or client_order_id", field="order_id")
        self.instrument(symbol)
        await self.raw.orders.cancel_order(order_id=key)
        return self._order(await self.raw.orders.get_order(order_id=key))

    async def cancel_all_orders(self, symbol: str | None = None) -> list[Order]:
        """No cancel-all endpoint in v1.0.0: cancels each open order in turn."""
        done: list[Order] = []
        for item in await self.raw.orders.list_open_orders(symbol=self._venue_symbol(symbol)):
            try:
                await self.raw.orders.cancel_order(order_id=item.order_id)
            except OrderNotFound:
                continue
            done.append(self._order(await self.raw.orders.get_order(order_id=item.order_id)))
        return done

    async def fetch_order(
        self, symbol: str, order_id: str | None = None, *, client_order_id: str | None = None
    ) -> Order:
        key = order_id or client_order_id
        if not key:
            raise InvalidRequest("give order_id or client_order_id", field="order_id")
        self.instrument(symbol)
        return self._order(await self.raw.orders.get_order(order_id=key))

    async def fetch_open_orders(self, symbol: str | None = None) -> list[Order]:
        return [self._order(o) for o in await self.raw.orders.list_open_orders(symbol=self._venue_symbol(symbol))]

    async def fetch_orders(self, symbol: str, *, since: int | None = None, limit: int | None = None) -> list[Order]:
        rows = await self.raw.orders.list_history_orders(symbol=self._venue_symbol(symbol), start=since, limit=limit)
        return [self._order(o) for o in rows]

    async def fetch_fills(
        self, symbol: str | None = None, *, since: int | None = None, limit: int | None = None
    ) -> list[Fill]:
        rows = await self.raw.orders.list_history_trades(symbol=self._venue_symbol(symbol), start=since, limit=limit)
        return [mapping.fill(t, self.symbols.to_unified) for t in rows]

    async def close_position(self, symbol: str, *, position_side: PositionSide | None = None) -> list[Order]:
        """Reduce-only market orders per open leg; a dust leg under the minimum size uses CrossEx full close."""
        from venuekit.core.types import OrderRequest

        inst = self.instrument(symbol)
        closed: list[Order] = []
        hedged = (await self.raw.account.get_account()).position_mode == "DUAL"
        for pos in await self.fetch_positions([inst.symbol]):
            if position_side is not None and pos.position_side is not position_side:
                continue
            if pos.size < inst.min_qty:
                closed += await self.full_close(inst.symbol, position_side=pos.position_side)
                continue
            closed.append(await self.create_order(OrderRequest(
                symbol=inst.symbol, side=pos.side.opposite, type=OrderType.MARKET, amount=pos.size, reduce_only=True,
                position_side=pos.position_side if hedged else None,
            )))
        return closed

    async def full_close(self, symbol: str, *, position_side: PositionSide | None = None) -> list[Order]:
        """CrossEx-only "full close" (venue rule: positions at or under the minimum size, 100 per day)."""
        venue_symbol = self.instrument(symbol).venue_symbol
        side = POSITION_SIDE_TO_GATE[position_side] if position_side not in (None, PositionSide.BOTH) else None
        action = await self._full_close(venue_symbol, side)
        key = action.order_id or action.text
        if not key:
            return []
        try:
            return [self._order(await self.raw.orders.get_order(order_id=key))]
        except OrderNotFound:
            return []

    async def _full_close(self, venue_symbol: str, side: GatePositionSide | None) -> OrderAction:
        """POST (current docs) or DELETE (v1.0.0): the one that works is remembered."""
        methods = [self._close_method] if self._close_method else [ClosePositionMethod.POST, ClosePositionMethod.DELETE]
        for index, method in enumerate(methods):
            call = self.raw.positions.close_position_post if method is ClosePositionMethod.POST else (
                self.raw.positions.close_position
            )
            try:
                action = await call(symbol=venue_symbol, position_side=side)
            except VenueError as exc:
                if exc.code not in ERRORS and exc.status in (404, 405) and index + 1 < len(methods):
                    continue
                raise
            self._close_method = method
            return action
        raise AssertionError("unreachable")
