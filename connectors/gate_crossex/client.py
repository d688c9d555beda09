"""`GateCrossExClient`: the raw CrossEx API, one typed async method per endpoint, grouped by family."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from venuekit.core.clock import local_ms
from venuekit.core.credentials import Credentials
from venuekit.core.errors import VenueError
from venuekit.core.events import EventBus
from venuekit.core.lazy import LazyGroup
from venuekit.core.ratelimit.store import LimiterStore
from venuekit.core.transport.config import RetryPolicy, Timeouts
from venuekit.core.transport.raw_client import VenueClient

from .config import VENUE, Environment, base_urls
from .limits import QUOTAS
from .signer import GateSigner

if TYPE_CHECKING:
    import httpx

    from .endpoints.account import AccountApi
    from .endpoints.convert import ConvertApi
    from .endpoints.margin import MarginApi
    from .endpoints.market import MarketApi
    from .endpoints.orders import OrdersApi
    from .endpoints.positions import PositionsApi
    from .endpoints.transfers import TransfersApi

log = logging.getLogger("venuekit.gate_crossex")


class GateCrossExClient(VenueClient):
    """Raw client; groups: `market`, `transfers`, `orders`, `convert`, `account`, `positions`, `margin`."""

    venue = VENUE
    market: LazyGroup[MarketApi] = LazyGroup(".endpoints.market:MarketApi")
    transfers: LazyGroup[TransfersApi] = LazyGroup(".endpoints.transfers:TransfersApi")
    orders: LazyGroup[OrdersApi] = LazyGroup(".endpoints.orders:OrdersApi")
    convert: LazyGroup[ConvertApi] = LazyGroup(".endpoints.convert:ConvertApi")
    account: LazyGroup[AccountApi] = LazyGroup(".endpoints.account:AccountApi")
    positions: LazyGroup[PositionsApi] = LazyGroup(".endpoints.positions:PositionsApi")
    margin: LazyGroup[MarginApi] = LazyGroup(".endpoints.margin:MarginApi")

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
        from .codec import GateCodec  # imports pydantic: paid by the first client, not by importing the class

        super().__init__(
            credentials, base_urls=base_urls(env, base_url), signer=GateSigner(credentials), codec=GateCodec(),
            quotas=QUOTAS, transport=transport, timeouts=timeouts, proxy=proxy, retry=retry,
            limiter_store=limiter_store, events=events, sync_clock=sync_clock,
        )

    async def _server_ms(self) -> int:
        """Server time from `GET /api/v4/spot/time`; local time when that host does not serve it."""
        try:
            return (await self.market.server_time()).server_time
        except VenueError as exc:
            log.warning("gate-crossex: server time unavailable (%s); using local time", type(exc).__name__)
            return local_ms()
