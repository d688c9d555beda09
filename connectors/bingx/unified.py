"""`BingX`: the unified `Venue` over the raw client (USDT-M perpetual swap)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from venuekit.core.credentials import Credentials
from venuekit.core.errors import InvalidRequest, NotSupported
from venuekit.core.idempotency import ClientOrderIds
from venuekit.core.lazy import LazyModule
from venuekit.core.streaming_venue import StreamingVenue
from venuekit.core.types.enums import PositionMode, PositionSide

from . import enums as bx
from .client import BingXClient
from .config import VENUE, Environment
from .unified_orders import CLIENT_ID_ALPHABET, OrdersMixin

if TYPE_CHECKING:
    import httpx

    from venuekit.core.events import EventBus
    from venuekit.core.ratelimit import LimiterStore
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
        Position,
        Ticker,
    )

    from . import convert
    from .streams import BingXStreams
else:
    convert = LazyModule(".convert", globals())

DAY_MS = 86_400_000
FILL_WINDOW_MS = 7 * DAY_MS


class BingX(StreamingVenue["BingXStreams", BingXClient], OrdersMixin):
    """BingX perpetual swap behind the shared `Venue` API; BingX-only features stay on `self.raw`."""

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
        confirm_placement: bool = True,
    ) -> None:
        """`confirm_placement`: BingX's place-order answer has no status or fill; query the order once so
        `create_order` returns its real state (an IOC may already be filled). Turn off to save the call."""
        super().__init__()
        self.confirm_placement = confirm_placement
        creds = credentials if credentials is not None else Credentials.from_env(self.name)
        self.raw = BingXClient(
            creds,
            env=env,
            base_url=base_url,
            transport=transport,
            timeouts=timeouts,
            proxy=proxy,
            recv_window=recv_window,
            limiter_store=limiter_store,
            events=events,
        )
        self.client_ids = ClientOrderIds(prefix="vk", max_length=40, alphabet=CLIENT_ID_ALPHABET)
        self._hedge: bool | None = None
        self._env = env

    def _make_streams(self) -> BingXStreams:
        """Streams; BingX's mark-price push has no index price or funding rate (`fetch_funding_rate` has)."""
        from .streams import BingXStreams

        return BingXStreams(self, self._env)

    async def is_hedge_mode(self, *, refresh: bool = False) -> bool:
        """Whether the account is in hedge (dual-side) mode; asked once, then kept up to date locally."""
        if self._hedge is None or refresh:
            self._hedge = (await self.raw.swap_trade.position_mode()).dual_side_position
        return self._hedge

    async def load_instruments(self, *, reload: bool = False) -> dict[str, Instrument]:
        if reload or not len(self.symbols):
            for contract in await self.raw.market.contracts():
                self.symbols.add(convert.instrument(contract))
        return {i.symbol: i for i in self.symbols.instruments()}

    async def fetch_balances(self) -> dict[str, Balance]:
        return {b.asset: convert.balance(b) for b in await self.raw.swap_account.balance()}

    async def fetch_positions(self, symbols: Sequence[str] | None = None) -> list[Position]:
        venue_symbol = self.symbols.to_venue(symbols[0]) if symbols and len(symbols) == 1 else None
        raw = await self.raw.swap_account.positions(symbol=venue_symbol)
        hedge = await self.is_hedge_mode()
        positions = [convert.position(p, self._to_unified, hedge=hedge) for p in raw if p.position_amt != 0]
        return [p for p in positions if not symbols or p.symbol in symbols]

    async def fetch_leverage(self, symbol: str) -> Leverage:
        from venuekit.core.types import Leverage

        data = await self.raw.swap_trade.leverage(symbol=self.symbols.to_venue(symbol))
        margin = await self.raw.swap_trade.margin_type(symbol=self.symbols.to_venue(symbol))
        mode = (
            bx.MARGIN_TO_UNIFIED.get(bx.MarginType(margin.margin_type))
            if margin.margin_type in (bx.MarginType.ISOLATED, bx.MarginType.CROSSED)
            else None
        )
        return Leverage(
            venue=self.name,
            symbol=symbol,
            margin_mode=mode,
            long=None if data.long_leverage is None else Decimal(data.long_leverage),
            short=None if data.short_leverage is None else Decimal(data.short_leverage),
        )

    async def set_leverage(self, symbol: str, leverage: int, *, position_side: PositionSide | None = None) -> None:
        """One-way accounts set BOTH; hedge accounts set the given leg, or both legs when none is given."""
        venue_symbol = self.symbols.to_venue(symbol)
        if not await self.is_hedge_mode():
            legs = [bx.PositionSide.BOTH]
        elif position_side in (None, PositionSide.BOTH):
            legs = [bx.PositionSide.LONG, bx.PositionSide.SHORT]
        else:
            legs = [bx.POSITION_SIDE_FROM_UNIFIED[position_side]]
        for leg in legs:
            await self.raw.swap_trade.set_leverage(symbol=venue_symbol, side=leg, leverage=leverage)

    async def set_margin_mode(self, symbol: str, mode: MarginMode) -> None:
        await self.raw.swap_trade.set_margin_type(
            symbol=self.symbols.to_venue(symbol), margin_type=bx.MARGIN_FROM_UNIFIED[mode]
        )

    async def set_position_mode(self, mode: PositionMode) -> None:
        data = await self.raw.swap_trade.set_position_mode(dual_side_position=mode is PositionMode.HEDGE)
        self._hedge = data.dual_side_position

    async def close_position(self, symbol: str, *, position_side: PositionSide | None = None) -> list[Order]:
        """Close by position id (`POST /openApi/swap/v1/trade/closePosition`), one call per open leg."""
        closed: list[Order] = []
        for pos in await self.fetch_positions([symbol]):
            if position_side not in (None, PositionSide.BOTH) and pos.position_side is not position_side:
                continue
            position_id = getattr(pos.raw, "position_id", None)
            if not position_id:
                raise NotSupported("position without a position id", venue=self.name)
            result = await self.raw.swap_trade.close_position(position_id=position_id)
            if result.order_id:
                closed.append(await self.fetch_order(symbol, result.order_id))
        return closed

    async def cancel_all_after(self, timeout_ms: int, symbol: str | None = None) -> None:
        """`timeout_ms` 0 switches the dead-man switch off; otherwise 10-120 s, rounded up to whole seconds."""
        if symbol is not None:
            raise NotSupported("BingX's cancelAllAfter covers every symbol; call it without one", venue=self.name)
        if timeout_ms < 0:
            raise InvalidRequest("must not be negative", field="timeout_ms", venue=self.name)
        if timeout_ms == 0:
            await self.raw.swap_trade.cancel_all_after(type=bx.CancelAllAfterType.CLOSE, time_out=0)
            return
        await self.raw.swap_trade.cancel_all_after(
            type=bx.CancelAllAfterType.ACTIVATE, time_out=math.ceil(timeout_ms / 1000)
        )

    async def fetch_fills(
        self, symbol: str | None = None, *, since: int | None = None, limit: int | None = None
    ) -> list[Fill]:
        """With a symbol: fillHistory (has trade ids, maker/taker); without: allFillOrders. Last 7 days by default."""
        end = self.raw.clock.now_ms()
        start = since if since is not None else end - FILL_WINDOW_MS
        if symbol is not None:
            venue_symbol = self.symbols.to_venue(symbol)
            page = await self.raw.swap_trade.fill_history(
                symbol=venue_symbol, start_ts=start, end_ts=end, page_size=limit
            )
            fills = [convert.fill_from_history(f, self._to_unified, venue_symbol) for f in page.items]
        else:
            data = await self.raw.swap_trade.fill_orders(trading_unit=bx.TradingUnit.COIN, start_ts=start, end_ts=end)
            fills = [convert.fill_from_orders(f, i, self._to_unified, None) for i, f in enumerate(data.fill_orders)]
        return fills[:limit] if limit else fills

    async def fetch_income(
        self, symbol: str | None = None, *, since: int | None = None, limit: int | None = None
    ) -> list[IncomeEntry]:
        records = await self.raw.swap_account.income(
            symbol=self.symbols.to_venue(symbol) if symbol else None, start_time=since, limit=limit
        )
        return [convert.income(r, self._to_unified) for r in records]

    async def fetch_funding_rate(self, symbol: str) -> FundingRate:
        data = await self.raw.market.premium_index(symbol=self.symbols.to_venue(symbol))
        if not data:
            raise InvalidRequest(f"no funding data for {symbol}", field="symbol", venue=self.name)
        return convert.funding_rate(data[0], symbol)

    async def fetch_ticker(self, symbol: str) -> Ticker:
        data = await self.raw.market.ticker(symbol=self.symbols.to_venue(symbol))
        if not data:
            raise InvalidRequest(f"no ticker for {symbol}", field="symbol", venue=self.name)
        return convert.ticker(data[0], symbol)

    async def fetch_commission(self, symbol: str) -> Commission:
        """The account's rates (BingX reports them per account, the same for every symbol)."""
        from venuekit.core.types import Commission

        rate = await self.raw.swap_account.commission_rate()
        return Commission(
            venue=self.name, symbol=symbol, maker=rate.maker_commission_rate, taker=rate.taker_commission_rate
        )
