"""Reads Binance USDⓈ-M responses: typed bodies, `{code,msg}` errors, weight/order headers, 429/418 bans."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final, TypeVar

import orjson
from multidict import istr
from pydantic import ValidationError

from venuekit.core.clock import local_ms
from venuekit.core.codec import JsonDecoder, decoder_for
from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import (
    BadResponse,
    ExchangeUnavailable,
    InvalidRequest,
    IPBanned,
    PermissionDenied,
    RateLimited,
    RequestInfo,
    VenueError,
    error_for,
)
from venuekit.core.ratelimit.limiter import RateLimiter
from venuekit.core.ratelimit.quota import Scope
from venuekit.core.transport.response import RawResponse

from .config import VENUE
from .errors import ERRORS
from .limits import USAGE_HEADERS

T = TypeVar("T")

DEFAULT_BAN_S: Final = 120.0
DEFAULT_RETRY_AFTER_S: Final = 1.0
_BANNED_UNTIL = re.compile(r"banned until (\d{13})", re.IGNORECASE)
#: `istr` names: case-insensitive headers (aiohttp's multidict) are read without folding the name on each call.
_USAGE: Final = tuple((istr(name), quota) for name, quota in USAGE_HEADERS.items())


def _error_body(body: bytes) -> tuple[str | None, str]:
    """`{"code": -1121, "msg": "Invalid symbol."}` → ("-1121", "Invalid symbol."); text bodies kept short."""
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        text = body.decode("utf-8", "replace").strip()
        return None, text[:200]
    if isinstance(data, dict):
        code = data.get("code")
        msg = data.get("msg", "")
        return (None if code is None else str(code)), str(msg)
    return None, str(data)[:200]


def _negative_code(body: bytes) -> bool:
    """A 2xx body that is really an error envelope (`{"code": -NNNN, …}`), checked cheaply first."""
    if body.find(b'"code"', 0, 48) < 0:
        return False
    code, _ = _error_body(body)
    return code is not None and code.startswith("-")


class BinanceCodec:
    """The one place where a Binance response becomes a model or a mapped `VenueError`."""

    def __init__(self, *, now_ms: Callable[[], int] = local_ms) -> None:
        self._now = now_ms

    def decode(self, endpoint: Endpoint[T], response: RawResponse, request: RequestInfo) -> T:
        body = response.body
        if 200 <= response.status < 300 and not _negative_code(body):
            try:
                decoder: JsonDecoder[T] = decoder_for(endpoint.response)
                return decoder(body)
            except (ValidationError, ValueError) as exc:
                raise BadResponse(
                    f"unreadable {endpoint.name or endpoint.path} response: {str(exc)[:300]}",
                    venue=VENUE, status=response.status, request=request,
                ) from exc
        raise self.error(response, request)

    def error(self, response: RawResponse, request: RequestInfo | None = None) -> VenueError:
        """Map status + `{code,msg}` to the shared hierarchy (5xx means "outcome unknown")."""
        status = response.status
        code, msg = _error_body(response.body)
        kw: dict[str, Any] = {"venue": VENUE, "code": code, "status": status, "request": request}
        if status == 418 or (code == "-1003" and "banned" in msg.lower()):
            return IPBanned(msg or "IP banned", retry_after=self.retry_after_s(response, ban=True), **kw)
        if status == 429:
            return RateLimited(msg or "too many requests", retry_after=self.retry_after_s(response), **kw)
        if code == "-1008":
            return RateLimited(msg, retry_after=self.retry_after_s(response), **kw)
        if status >= 500 or status == 408:
            return ExchangeUnavailable(msg or f"HTTP {status}", **kw)
        if code is not None:
            return error_for(ERRORS, code, fallback=InvalidRequest)(msg, **kw)
        if status == 403:
            return PermissionDenied(msg or "WAF limit violated", **kw)
        if 400 <= status < 500:
            return InvalidRequest(msg or f"HTTP {status}", **kw)
        return BadResponse(msg or f"unexpected HTTP {status}", **kw)

    def retry_after_s(self, response: RawResponse, *, ban: bool = False) -> float:
        """Seconds to stay away: `Retry-After`, else the "banned until <ms>" of a -1003, else a default."""
        header = response.headers.get("Retry-After")
        if header is not None:
            try:
                return max(0.0, float(header))
            except ValueError:
                pass
        _, msg = _error_body(response.body)
        match = _BANNED_UNTIL.search(msg)
        if match is not None:
            return max(0.0, (int(match.group(1)) - self._now()) / 1000)
        return DEFAULT_BAN_S if ban else DEFAULT_RETRY_AFTER_S

    async def feedback(self, endpoint: Endpoint[Any], response: RawResponse, limiter: RateLimiter) -> None:
        get = response.headers.get
        usage: dict[str, int] = {}
        for name, quota in _USAGE:
            value = get(name)
            if value is not None and value.isdigit():
                usage[quota] = int(value)
        if usage:
            await limiter.observe_usages(usage)
        status = response.status
        if status not in (418, 429):
            return
        error = self.error(response)
        now = self._now()
        if isinstance(error, IPBanned):
            until = now + int(self.retry_after_s(response, ban=True) * 1000)
            await limiter.block(until, f"ban: {error.message}", scope=Scope.IP)
            return
        scope = Scope.ACCOUNT if error.code == "-1015" else Scope.IP
        await limiter.block(now + int(self.retry_after_s(response) * 1000), f"429: {error.message}", scope=scope)
