"""The venue-facing half of a call: what came back, and the codec seam that reads it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import httpx

from ..endpoint import Endpoint
from ..errors import RequestInfo
from ..ratelimit.limiter import RateLimiter

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RawResponse:
    status: int
    headers: httpx.Headers
    body: bytes


class ResponseCodec(Protocol):
    """Per-venue: unwrap the envelope into `T` or raise the mapped `VenueError`; feed limits back."""

    def decode(self, endpoint: Endpoint[T], response: RawResponse, request: RequestInfo) -> T: ...

    async def feedback(self, endpoint: Endpoint[Any], response: RawResponse, limiter: RateLimiter) -> None:
        """Tell the limiter what the venue said about usage, Retry-After, bans (per endpoint where it counts)."""
        ...
