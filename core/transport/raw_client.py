"""`VenueClient`: what every raw venue client shares — limiter, clock, `RestClient`, lifecycle."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, ClassVar, Self

from ..clock import ServerClock
from ..credentials import Credentials
from ..events import EventBus
from ..ratelimit.limiter import RateLimiter
from ..ratelimit.quota import Quota, Scope
from ..ratelimit.store import LimiterStore
from .client import RestClient
from .config import RetryPolicy, Timeouts
from .response import ResponseCodec

if TYPE_CHECKING:
    import httpx

    from ..signing.base import Signer


class VenueClient:
    """Base of the raw clients: a venue client adds its endpoint groups as attributes after `__init__`."""

    venue: ClassVar[str]

    def __init__(
        self,
        credentials: Credentials | None,
        *,
        base_urls: Sequence[str],
        signer: Signer,
        codec: ResponseCodec,
        quotas: Iterable[Quota],
        transport: httpx.AsyncBaseTransport | None = None,
        timeouts: Timeouts | None = None,
        proxy: str | None = None,
        retry: RetryPolicy | None = None,
        limiter_store: LimiterStore | None = None,
        events: EventBus | None = None,
        sync_clock: bool = True,
    ) -> None:
        self.credentials = credentials
        self.scope_ids = {Scope.ACCOUNT: credentials.account_tag if credentials else "anonymous"}
        self.clock = ServerClock(self._server_ms if sync_clock else None)
        self.rest = RestClient(
            self.venue, base_urls, signer=signer, codec=codec,
            limiter=RateLimiter(self.venue, quotas, store=limiter_store, scope_ids=self.scope_ids),
            clock=self.clock, transport=transport, timeouts=timeouts, proxy=proxy, retry=retry, events=events,
        )

    @property
    def limiter(self) -> RateLimiter:
        return self.rest.limiter

    @limiter.setter
    def limiter(self, limiter: RateLimiter) -> None:
        """Swap the limiter (e.g. a shared store or venue-published limits); the next call uses it."""
        self.rest.limiter = limiter

    async def _server_ms(self) -> int:
        """The venue's server time in ms (for the clock offset); each venue reads its own endpoint."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.rest.base_url!r}, credentials={self.credentials!r})"

    async def aclose(self) -> None:
        await self.rest.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
