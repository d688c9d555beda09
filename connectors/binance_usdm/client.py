"""`BinanceUSDMClient`: the raw client, one attribute per endpoint group over one `RestClient`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from venuekit.core.credentials import Credentials
from venuekit.core.events import EventBus
from venuekit.core.ratelimit.limiter import RateLimiter
from venuekit.core.ratelimit.quota import Quota
from venuekit.core.ratelimit.store import LimiterStore
from venuekit.core.transport.config import RetryPolicy, Timeouts
from venuekit.core.transport.raw_client import VenueClient

from .codec import BinanceCodec
from .config import VENUE, Environment, base_urls
from .endpoints import AccountApi, AlgoApi, ConfigApi, MarketApi, OrdersApi, StreamApi, TradeApi
from .limits import ORDERS_1M, ORDERS_10S, QUOTAS, WEIGHT_1M
from .models import RateLimit
from .signer import BinanceSigner

if TYPE_CHECKING:
    import httpx

_LIVE_LIMITS = {("REQUEST_WEIGHT", 60_000): WEIGHT_1M, ("ORDERS", 10_000): ORDERS_10S, ("ORDERS", 60_000): ORDERS_1M}


class BinanceUSDMClient(VenueClient):
    """Raw Binance USDⓈ-M client: `market`, `trade`, `orders`, `account`, `config`, `stream`, `algo`."""

    venue = VENUE

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
        self.signer = BinanceSigner(credentials, recv_window=recv_window)
        self.codec = BinanceCodec()
        super().__init__(
            credentials, base_urls=base_urls(env, base_url), signer=self.signer, codec=self.codec, quotas=QUOTAS,
            transport=transport, timeouts=timeouts, proxy=proxy, retry=retry, limiter_store=limiter_store,
            events=events,
        )
        self.market = MarketApi(self.rest)
        self.trade = TradeApi(self.rest)
        self.orders = OrdersApi(self.rest)
        self.account = AccountApi(self.rest)
        self.config = ConfigApi(self.rest)
        self.stream = StreamApi(self.rest)
        self.algo = AlgoApi(self.rest)

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
