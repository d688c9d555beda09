"""The venue-facing half of a call: what came back, and the codec seam that reads it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

if TYPE_CHECKING:
    from ..endpoint import Endpoint
    from ..errors import RequestInfo
    from ..ratelimit.limiter import RateLimiter

T = TypeVar("T")


class RawResponse(NamedTuple):
    """Status, headers (read-only and case-insensitive: aiohttp's `CIMultiDictProxy` or `httpx.Headers`), body."""

    status: int
    headers: Mapping[str, str]
    body: bytes


class ResponseCodec(Protocol):
    """Per-venue: unwrap the envelope into `T` or raise the mapped `VenueError`; feed limits back."""

    def decode(self, endpoint: Endpoint[T], response: RawResponse, request: RequestInfo) -> T: ...

    async def feedback(self, endpoint: Endpoint[Any], response: RawResponse, limiter: RateLimiter) -> None:
        """Tell the limiter what the venue said about usage, Retry-After, bans (per endpoint where it counts)."""
        ...
