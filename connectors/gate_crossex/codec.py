"""Gate CrossEx responses: bare JSON on 2xx (200/201/202, 204 without body), `{label, message|detail}`
otherwise; `X-Gate-RateLimit-*` headers feed the per-endpoint quotas."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import orjson
from pydantic import TypeAdapter, ValidationError

from venuekit.core.codec import decoder_for
from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import BadResponse, ExchangeUnavailable, RateLimited, RequestInfo, VenueError
from venuekit.core.ratelimit.limiter import RateLimiter
from venuekit.core.ratelimit.quota import Scope
from venuekit.core.transport.response import RawResponse

from .config import VENUE
from .errors import ERRORS, STATUS_ERRORS

T = TypeVar("T")

# The endpoint being called in this task: `feedback` gets only the response, yet Gate's rate-limit
# headers are per endpoint, so the client sets this around each call.

REMAIN = "X-Gate-RateLimit-Requests-Remain"
LIMIT = "X-Gate-RateLimit-Limit"
RESET = "X-Gate-RateLimit-Reset-Timestamp"


def _int_header(response: RawResponse, name: str) -> int | None:
    value = response.headers.get(name)
    if value is None:
        return None
    try:
        return int(Decimal(value))
    except (ArithmeticError, ValueError):
        return None


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class GateCodec:
    """One per client: decodes through the process-wide `JsonDecoder` of each response type and maps labels to
    shared errors."""

    def __init__(self, *, now_ms: Callable[[], int] = _wall_ms) -> None:
        self._now = now_ms

    def decode(self, endpoint: Endpoint[T], response: RawResponse, request: RequestInfo) -> T:
        if not 200 <= response.status < 300:
            raise self.error(response, request)
        decoder = decoder_for(endpoint.response)
        body = response.body
        try:
            if response.status in (202, 204) and not body.strip():
                return self._empty(decoder.adapter)  # type: ignore[no-any-return]
            return decoder(body)  # type: ignore[no-any-return]
        except (ValidationError, ValueError) as exc:
            raise BadResponse(
                f"unexpected response shape: {str(exc)[:300]}", venue=VENUE, status=response.status, request=request
            ) from exc

    @staticmethod
    def _empty(adapter: TypeAdapter[Any]) -> Any:
        """No body (204, or 202 without one): `None`, `{}` or `[]`, whichever the endpoint's type takes."""
        last: ValidationError | None = None
        candidates: tuple[object, ...] = (None, {}, [])
        for candidate in candidates:
            try:
                return adapter.validate_python(candidate)
            except ValidationError as exc:
                last = exc
        assert last is not None
        raise last

    def error(self, response: RawResponse, request: RequestInfo | None = None) -> VenueError:
        """The shared exception for a non-2xx answer, chosen by `label`, else by HTTP status."""
        label: str | None = None
        message = ""
        try:
            data = orjson.loads(response.body) if response.body else None
        except orjson.JSONDecodeError:
            data = None
        if isinstance(data, dict):
            raw_label = data.get("label")
            label = str(raw_label) if raw_label else None
            message = str(data.get("message") or data.get("detail") or "")
        if not message:
            message = response.body[:200].decode("utf-8", "replace") or f"HTTP {response.status}"
        cls = ERRORS.get(label) if label else None
        if cls is None:
            cls = ExchangeUnavailable if response.status >= 500 else STATUS_ERRORS.get(response.status, VenueError)
        kw: dict[str, Any] = {"venue": VENUE, "code": label, "status": response.status, "request": request}
        if issubclass(cls, RateLimited):
            return cls(message, retry_after=self._retry_after(response), **kw)
        return cls(message, **kw)

    def _retry_after(self, response: RawResponse) -> float | None:
        header = response.headers.get("Retry-After")
        if header is not None:
            try:
                return max(0.0, float(header))
            except ValueError:
                pass
        reset = _int_header(response, RESET)
        if reset is None:
            return None
        return max(0.0, reset - self._now() / 1000)

    async def feedback(self, endpoint: Endpoint[Any], response: RawResponse, limiter: RateLimiter) -> None:
        quota = endpoint.costs[0].quota if endpoint.costs else None
        remain, limit = _int_header(response, REMAIN), _int_header(response, LIMIT)
        if quota is not None and remain is not None and limit is not None:
            await limiter.observe_usage(quota, max(0, limit - remain))
        if response.status not in (418, 429) and remain != 0:
            return
        now = self._now()
        retry_after = self._retry_after(response)
        if response.status == 418:
            until = now + int((retry_after or 300) * 1000)
            await limiter.block(until, "ban: HTTP 418", scope=Scope.IP)
            return
        until = now + int(retry_after * 1000) if retry_after else now + 1000
        reason = "HTTP 429 TOO_MANY_REQUESTS" if response.status == 429 else "endpoint quota exhausted"
        if quota is not None:
            await limiter.block(until, reason, quota=quota)
        else:
            await limiter.block(until, reason, scope=Scope.IP)
