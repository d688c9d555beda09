"""A toy venue (signer + codec) so the shared transport can be tested without any real venue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import httpx
import orjson
import pytest
from pydantic import TypeAdapter

from venuekit.core import Endpoint, ServerClock
from venuekit.core.errors import (
    ExchangeUnavailable,
    RateLimited,
    RequestInfo,
    TimestampOutOfWindow,
    VenueError,
)
from venuekit.core.ratelimit import RateLimiter
from venuekit.core.signing import UnsignedRequest, WireRequest, hmac_sha256_hex
from venuekit.core.transport import RawResponse, RestClient, RetryPolicy

T = TypeVar("T")


class ToySigner:
    def sign(self, request: UnsignedRequest, now_ms: int) -> WireRequest:
        query = "&".join(f"{k}={v}" for k, v in {**request.params, "timestamp": str(now_ms)}.items())
        return WireRequest(request.method, request.path, f"{query}&signature={hmac_sha256_hex(b's', query.encode())}",
                           headers={"X-KEY": "k"})

    def encode(self, request: UnsignedRequest) -> WireRequest:
        return WireRequest(request.method, request.path, "&".join(f"{k}={v}" for k, v in request.params.items()))


class ToyCodec:
    def decode(self, endpoint: Endpoint[T], response: RawResponse, request: RequestInfo) -> T:
        if response.status >= 500:
            raise ExchangeUnavailable("down", venue="toy", status=response.status, request=request)
        if response.status == 429:
            raise RateLimited("slow", venue="toy", status=429, request=request)
        if response.status >= 400:
            body = orjson.loads(response.body)
            cls = TimestampOutOfWindow if body.get("code") == "skew" else VenueError
            raise cls(body.get("msg", ""), venue="toy", code=body.get("code"), status=response.status, request=request)
        adapter: TypeAdapter[T] = TypeAdapter(endpoint.response)
        return adapter.validate_json(response.body)

    async def feedback(self, endpoint: Endpoint[Any], response: RawResponse, limiter: RateLimiter) -> None:
        return None


Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def make_client() -> Callable[..., RestClient]:
    def build(handler: Handler, *, hosts: tuple[str, ...] = ("https://a.test",), server_ms: int | None = None,
              attempts: int = 3) -> RestClient:
        async def fetch() -> int:
            assert server_ms is not None
            return server_ms

        return RestClient(
            "toy",
            hosts,
            signer=ToySigner(),
            codec=ToyCodec(),
            limiter=RateLimiter("toy", []),
            clock=ServerClock(fetch if server_ms is not None else None),
            transport=httpx.MockTransport(handler),
            retry=RetryPolicy(attempts=attempts, backoff_s=0.0),
        )

    return build
