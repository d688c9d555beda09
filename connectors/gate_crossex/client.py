"""`GateCrossExClient`: the raw CrossEx API, one typed async method per endpoint, grouped by family."""

from __future__ import annotations

import logging
from types import TracebackType
from typing import TYPE_CHECKING, Self, TypeVar

from venuekit.core.clock import ServerClock, local_ms
from venuekit.core.credentials import Credentials
from venuekit.core.errors import VenueError
from venuekit.core.events import EventBus
from venuekit.core.ratelimit import RateLimiter
from venuekit.core.ratelimit.quota import Scope
from venuekit.core.ratelimit.store import LimiterStore
from venuekit.core.transport.client import RestClient
from venuekit.core.transport.config import RetryPolicy, Timeouts

from .codec import GateCodec
from .config import VENUE, Environment, base_urls
from .endpoints import AccountApi, ConvertApi, MarginApi, MarketApi, OrdersApi, PositionsApi, TransfersApi
from .limits import QUOTAS
from .signer import GateSigner

if TYPE_CHECKING:
    import httpx

T = TypeVar("T")
log = logging.getLogger("venuekit.gate_crossex")


class GateCrossExClient:
    """Raw client; groups: `market`, `transfers`, `orders`, `convert`, `account`, `positions`, `margin`."""

    def __init__(
        self,
        credentials: Credentials | None = None,
        *,
        env: str | Environment = Environment.LIVE,
        base_url: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeouts: Timeouts | None = None,
        proxy: str | None = None,
        retry: RetryPolicy | None = None,
        limiter_store: LimiterStore | None = None,
        events: EventBus | None = None,
        sync_clock: bool = True,
    ) -> None:
        self.credentials = credentials
        scope_ids = {Scope.ACCOUNT: credentials.account_tag if credentials else "public"}
        self.limiter = RateLimiter(VENUE, QUOTAS, store=limiter_store, scope_ids=scope_ids)
        self.clock = ServerClock(self._server_ms if sync_clock else None)
        self.rest: RestClient = RestClient(
            VENUE,
            base_urls(env, base_url),
            signer=GateSigner(credentials),
            codec=GateCodec(),
            limiter=self.limiter,
            clock=self.clock,
            transport=transport,
            timeouts=timeouts,
            proxy=proxy,
            retry=retry,
            events=events,
        )
        self.market = MarketApi(self.rest)
        self.transfers = TransfersApi(self.rest)
        self.orders = OrdersApi(self.rest)
        self.convert = ConvertApi(self.rest)
        self.account = AccountApi(self.rest)
        self.positions = PositionsApi(self.rest)
        self.margin = MarginApi(self.rest)

    def __repr__(self) -> str:
        return f"GateCrossExClient({self.rest.base_url!r}, {self.credentials!r})"

    async def _server_ms(self) -> int:
        """Server time from `GET /api/v4/spot/time`; local time when that host does not serve it."""
        try:
            return (await self.market.server_time()).server_time
        except VenueError as exc:
            log.warning("gate-crossex: server time unavailable (%s); using local time", type(exc).__name__)
            return local_ms()

    async def aclose(self) -> None:
        await self.rest.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
