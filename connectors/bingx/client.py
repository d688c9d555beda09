"""`BingXClient`: the raw layer, one typed method per documented endpoint, grouped like BingX's docs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from venuekit.core.credentials import Credentials
from venuekit.core.events import EventBus
from venuekit.core.lazy import LazyGroup
from venuekit.core.ratelimit import LimiterStore
from venuekit.core.transport.config import RetryPolicy, Timeouts
from venuekit.core.transport.raw_client import VenueClient
from venuekit.core.validation import require_range

from .config import RECV_WINDOW_MAX, RECV_WINDOW_MIN, VENUE, Environment, base_urls, parse_environment
from .limits import QUOTAS
from .signer import BingXSigner

if TYPE_CHECKING:
    import httpx

    from .endpoints.market import MarketApi
    from .endpoints.spot_fund import SpotFundApi
    from .endpoints.swap_account import SwapAccountApi
    from .endpoints.swap_trade import SwapTradeApi
    from .endpoints.user_stream import UserStreamApi


class BingXClient(VenueClient):
    """Raw BingX client: `market`, `swap_trade`, `swap_account`, `spot_fund`, `user_stream` endpoint groups."""

    venue = VENUE
    market: LazyGroup[MarketApi] = LazyGroup(".endpoints.market:MarketApi")
    swap_trade: LazyGroup[SwapTradeApi] = LazyGroup(".endpoints.swap_trade:SwapTradeApi")
    swap_account: LazyGroup[SwapAccountApi] = LazyGroup(".endpoints.swap_account:SwapAccountApi")
    spot_fund: LazyGroup[SpotFundApi] = LazyGroup(".endpoints.spot_fund:SpotFundApi")
    user_stream: LazyGroup[UserStreamApi] = LazyGroup(".endpoints.user_stream:UserStreamApi")

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
        recv_window: int | None = None,
        limiter_store: LimiterStore | None = None,
        events: EventBus | None = None,
    ) -> None:
        from .codec import BingXCodec  # imports pydantic: paid by the first client, not by importing the class

        require_range("recvWindow", recv_window, RECV_WINDOW_MIN, RECV_WINDOW_MAX)
        self.env = parse_environment(env)
        super().__init__(
            credentials, base_urls=base_urls(self.env, base_url),
            signer=BingXSigner(credentials, recv_window=recv_window), codec=BingXCodec(), quotas=QUOTAS,
            transport=transport, timeouts=timeouts, proxy=proxy, retry=retry, limiter_store=limiter_store,
            events=events,
        )

    def __repr__(self) -> str:
        return f"BingXClient(env={self.env.value!r}, base_url={self.rest.base_url!r}, credentials={self.credentials!r})"

    async def _server_ms(self) -> int:
        return (await self.market.server_time()).server_time
