"""`BinanceUSDMClient`: the raw client, one attribute per endpoint group over one `RestClient`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from venuekit.core.credentials import Credentials
from venuekit.core.events import EventBus
from venuekit.core.lazy import LazyGroup
from venuekit.core.ratelimit.limiter import RateLimiter
from venuekit.core.ratelimit.quota import Quota
from venuekit.core.ratelimit.store import LimiterStore
from venuekit.core.transport.config import RetryPolicy, Timeouts
from venuekit.core.transport.raw_client import VenueClient

from .config import VENUE, Environment, base_urls
from .limits import ORDERS_1M, ORDERS_10S, QUOTAS, WEIGHT_1M
from .signer import BinanceSigner

if TYPE_CHECKING:
    import httpx

    from .endpoints.account import AccountApi
    from .endpoints.algo import AlgoApi
    from .endpoints.config import ConfigApi
    from .endpoints.market import MarketApi
    from .endpoints.orders import OrdersApi
    from .endpoints.stream import StreamApi
    from .endpoints.trade import TradeApi
    from .models import RateLimit

_LIVE_LIMITS = {("REQUEST_WEIGHT", 60_000): WEIGHT_1M, ("ORDERS", 10_000): ORDERS_10S, ("ORDERS", 60_000): ORDERS_1M}


class BinanceUSDMClient(VenueClient):
    """Raw Binance USDⓈ-M client: `market`, `trade`, `orders`, `account`, `config`, `stream`, `algo`."""

    venue = VENUE
    market: LazyGroup[MarketApi] = LazyGroup(".endpoints.market:MarketApi")
    trade: LazyGroup[TradeApi] = LazyGroup(".endpoints.trade:TradeApi")
    orders: LazyGroup[OrdersApi] = LazyGroup(".endpoints.orders:OrdersApi")
    account: LazyGroup[AccountApi] = LazyGroup(".endpoints.account:AccountApi")
    config: LazyGroup[ConfigApi] = LazyGroup(".endpoints.config:ConfigApi")
    stream: LazyGroup[StreamApi] = LazyGroup(".endpoints.stream:StreamApi")
    algo: LazyGroup[AlgoApi] = LazyGroup(".endpoints.algo:AlgoApi")

    def __init__(
        self,
        credentials: Credentials | None = None,
        *,
        env: str | Environment = Environment.LIVE,
        base_url: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeouts: Timeouts | None = None,
        proxy: str | None = None,
        recv_window: int | None = None,
        limiter_store: LimiterStore | None = None,
        events: EventBus | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        from .codec import BinanceCodec  # imports pydantic: paid by the first client, not by importing the class

        self.signer = BinanceSigner(credentials, recv_window=recv_window)
        self.codec = BinanceCodec()
        super().__init__(
            credentials, base_urls=base_urls(env, base_url), signer=self.signer, codec=self.codec, quotas=QUOTAS,
            transport=transport, timeouts=timeouts, proxy=proxy, retry=retry, limiter_store=limiter_store,
            events=events,
        )

    async def _server_ms(self) -> int:
        return (await self.market.server_time()).server_time

    def apply_rate_limits(self, limits: Sequence[RateLimit]) -> None:
        """Adopt the live `exchangeInfo.rateLimits` values, keeping the counters (same store)."""
        quotas = {q.name: q for q in QUOTAS}
        for item in limits:
            name = _LIVE_LIMITS.get((item.rate_limit_type, item.window_ms))
            if name is not None:
                quotas[name] = Quota(name, item.limit, item.window_ms, quotas[name].scope)
        old = self.rest.limiter
        self.rest.limiter = RateLimiter(VENUE, quotas.values(), store=old.store, scope_ids=self.scope_ids,
                                        max_wait_s=old.max_wait_s, guard_ms=old.guard_ms)
