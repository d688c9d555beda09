"""The one place BingX's `{code, msg, data}` envelope is opened: typed data out, or the mapped error.

Shapes (`Endpoint.extra["shape"]`): `data` (default: validate `data`), `top` (no envelope or fields at the
top level, e.g. the v3 transfer query), `data_or_top` (`data` when present, else the top level: positionMargin,
POST marginType) and `raw` (a file download: the bytes).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, TypeVar

import orjson
from pydantic import ConfigDict, ValidationError, create_model

from venuekit.core.clock import local_ms
from venuekit.core.codec import JsonDecoder, decoder_for
from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import (
    AuthenticationError,
    BadResponse,
    ErrorClass,
    ExchangeUnavailable,
    InsufficientFunds,
    InvalidRequest,
    IPBanned,
    PermissionDenied,
    RateLimited,
    RequestInfo,
    VenueError,
)
from venuekit.core.ratelimit import RateLimiter, Scope
from venuekit.core.transport.response import RawResponse

from .config import VENUE
from .errors import error_class, unblock_time_ms
from .limits import UID_PER_SECOND, ip_group, uid_quota_name

T = TypeVar("T")

#: The endpoint being called in this task, so `feedback` can block just that endpoint on 100410.

REMAIN_HEADER = "X-RateLimit-Requests-Remain"
_SUCCESS = ("0", "")
_MISSING = object()


def _head(body: bytes) -> Any:
    """The parsed body for the code check, or `_MISSING` when it is not JSON."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return _MISSING


def _retry_after_s(headers: Mapping[str, str]) -> float | None:
    value = headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


@cache
def _envelope(data: Any) -> Any:
    """`{code, msg, transferErrorMsg, data}` around a response type, one model per type in the process."""
    return create_model(
        "BingXEnvelope", __config__=ConfigDict(extra="ignore"), code=(Any, None), msg=(Any, None),
        transferErrorMsg=(Any, None), data=(data, ...),
    )


class BingXCodec:
    """Stateless apart from one cached `JsonDecoder` per endpoint and shape."""

    def __init__(self) -> None:
        self._decoders: dict[tuple[int, str], JsonDecoder[Any]] = {}

    def _decoder(self, endpoint: Endpoint[Any], shape: str) -> JsonDecoder[Any]:
        key = (id(endpoint), shape)
        decoder = self._decoders.get(key)
        if decoder is None:
            target = _envelope(endpoint.response) if shape == "data" else endpoint.response
            decoder = self._decoders[key] = decoder_for(target)
        return decoder

    def decode(self, endpoint: Endpoint[T], response: RawResponse, request: RequestInfo) -> T:
        shape = str(endpoint.extra.get("shape", "data"))
        if shape == "data":
            return self._decode_envelope(endpoint, response, request)
        return self._decode_other(endpoint, shape, response, request)

    def _decode_envelope(self, endpoint: Endpoint[T], response: RawResponse, request: RequestInfo) -> T:
        """One validation of `{code, msg, data}`; the body is re-read only when that fails (errors, bad data)."""
        try:
            envelope = self._decoder(endpoint, "data")(response.body)
        except (ValidationError, ValueError):
            return self._decode_other(endpoint, "data", response, request)
        code = envelope.code
        if code != 0:
            head = {"code": code, "msg": envelope.msg} if code is not None else {}
            if envelope.transferErrorMsg is not None:
                head["transferErrorMsg"] = envelope.transferErrorMsg
            self._raise_for_code(head, response.status, request)
        if response.status >= 400:
            raise self._status_error(response, request)
        return envelope.data  # type: ignore[no-any-return]

    def _decode_other(self, endpoint: Endpoint[T], shape: str, response: RawResponse, request: RequestInfo) -> T:
        head = _head(response.body)
        if isinstance(head, dict):
            self._raise_for_code(head, response.status, request)
        if response.status >= 400:
            raise self._status_error(response, request)
        if shape == "raw":
            return response.body  # type: ignore[return-value]
        if head is _MISSING:
            raise BadResponse(f"not JSON: {response.body[:80]!r}", venue=VENUE, status=response.status, request=request)
        if shape == "data_or_top":
            shape = "data" if isinstance(head, dict) and head.get("data") is not None else "top"
        if shape == "data" and (not isinstance(head, dict) or "data" not in head):
            raise BadResponse("envelope without `data`", venue=VENUE, status=response.status, request=request)
        try:
            value = self._decoder(endpoint, shape)(response.body)
        except ValueError as exc:
            detail = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            raise BadResponse(
                f"unexpected {endpoint.name or endpoint.path} payload: {detail}",
                venue=VENUE,
                status=response.status,
                request=request,
            ) from exc
        return value.data if shape == "data" else value  # type: ignore[no-any-return]

    def _raise_for_code(self, head: dict[str, Any], status: int, request: RequestInfo) -> None:
        code = head.get("code")
        if code is None:
            if "transferErrorMsg" in head:
                message = str(head["transferErrorMsg"])
                kind: ErrorClass = InsufficientFunds if "insufficient" in message.lower() else InvalidRequest
                raise kind(message, venue=VENUE, status=status, request=request)
            return
        text = str(code).strip()
        if text in _SUCCESS:
            return
        message = str(head.get("msg") or "")
        cls = error_class(text, message)
        if issubclass(cls, RateLimited):
            until = unblock_time_ms(message)
            wait = max(0.0, (until - local_ms()) / 1000) if until is not None else None
            raise cls(message, retry_after=wait, venue=VENUE, code=text, status=status, request=request)
        raise cls(message, venue=VENUE, code=text, status=status, request=request)

    def _status_error(self, response: RawResponse, request: RequestInfo) -> VenueError:
        status = response.status
        text = f"HTTP {status}"
        kw: dict[str, Any] = {"venue": VENUE, "status": status, "request": request}
        if status == 418:
            return IPBanned(text, retry_after=_retry_after_s(response.headers), **kw)
        if status == 429:
            return RateLimited(text, retry_after=_retry_after_s(response.headers), **kw)
        if status >= 500:
            return ExchangeUnavailable(text, **kw)
        if status == 401:
            return AuthenticationError(text, **kw)
        if status == 403:
            return PermissionDenied(text, **kw)
        return InvalidRequest(text, **kw)

    async def feedback(self, endpoint: Endpoint[Any], response: RawResponse, limiter: RateLimiter) -> None:
        """429/418 block the IP scope; a 100410 blocks the endpoint until the time its message names."""
        now = local_ms()
        if response.status in (418, 429):
            wait = _retry_after_s(response.headers)
            if response.status == 418:
                await limiter.block(now + int((wait or 300) * 1000), "ban: HTTP 418", scope=Scope.IP)
            else:
                await limiter.block(now + int((wait or 1) * 1000), "HTTP 429", scope=Scope.IP)
        if b"100410" in response.body:
            head = _head(response.body)
            if isinstance(head, dict) and str(head.get("code")) == "100410":
                until = unblock_time_ms(str(head.get("msg") or ""))
                if until is not None and until > now:
                    quota = uid_quota_name(endpoint.name) if endpoint.name in UID_PER_SECOND else None
                    await limiter.block(until, "100410 disabled period", scope=Scope.ACCOUNT, quota=quota)
        remain = response.headers.get(REMAIN_HEADER)
        if remain is not None and remain.isdigit() and endpoint is not None:
            group = limiter.quotas.get(ip_group(endpoint.name))
            if group is not None:
                await limiter.observe_usage(group.name, max(0, group.limit - int(remain)))
