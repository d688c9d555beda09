"""One exception hierarchy for every venue: each error carries venue, code, message, status and request."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

REDACTED = "<redacted>"
_SECRET_PARAMS = frozenset({"signature", "sign", "secret", "secretkey", "api_secret", "passphrase"})
_SECRET_HEADERS = frozenset({"x-mbx-apikey", "x-bx-apikey", "key", "sign", "authorization", "passphrase"})


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """What was sent, with signatures and keys removed, safe to log and to keep in an exception."""

    method: str
    path: str
    params: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def redacted(
        cls,
        method: str,
        path: str,
        params: Mapping[str, object] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> RequestInfo:
        clean_params = {
            k: (REDACTED if k.lower() in _SECRET_PARAMS else str(v)) for k, v in (params or {}).items()
        }
        clean_headers = {
            k: REDACTED for k in (headers or {}) if k.lower() in _SECRET_HEADERS
        } | {k: v for k, v in (headers or {}).items() if k.lower() not in _SECRET_HEADERS}
        return cls(method, path, clean_params, clean_headers)

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


class VenueError(Exception):
    """Base of every venuekit error raised for a venue call."""

    default_message: ClassVar[str] = "venue error"

    def __init__(
        self,
        message: str = "",
        *,
        venue: str = "",
        code: str | int | None = None,
        status: int | None = None,
        request: RequestInfo | None = None,
    ) -> None:
        self.venue = venue
        self.code = None if code is None else str(code)
        self.message = message or self.default_message
        self.status = status
        self.request = request
        super().__init__(self._render())

    def _render(self) -> str:
        parts = [f"[{self.venue}]" if self.venue else "", f"{self.code}:" if self.code else "", self.message]
        text = " ".join(p for p in parts if p)
        if self.status is not None:
            text += f" (HTTP {self.status})"
        if self.request is not None:
            text += f" on {self.request}"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(venue={self.venue!r}, code={self.code!r}, "
            f"message={self.message!r}, status={self.status!r}, request={self.request!s})"
        )


class NotSupported(VenueError):
    """The venue has no such capability (or venuekit does not offer it there); the reason says which."""


class AuthenticationError(VenueError):
    """Bad API key or signature."""


class PermissionDenied(AuthenticationError):
    """Key valid but not allowed to do this (IP whitelist, missing permission)."""


class InvalidRequest(VenueError):
    """The request is malformed: a bad parameter, caught before the wire or by the venue."""

    def __init__(self, message: str = "", *, field: str | None = None, **kw: object) -> None:
        self.field = field
        if field and field not in message:
            message = f"{field}: {message}"
        super().__init__(message, **kw)  # type: ignore[arg-type]


class BadSymbol(InvalidRequest):
    """Unknown or delisted symbol."""


class InvalidOrder(InvalidRequest):
    """The venue refused the order itself (precision, limits, post-only crossed, reduce-only…)."""


class InsufficientFunds(InvalidOrder):
    """Not enough margin or balance."""


class OrderNotFound(VenueError):
    """No such order (or it is already gone)."""


class DuplicateOrder(InvalidOrder):
    """An order with this client order id already exists."""


class RateLimited(VenueError):
    """Too many requests; `retry_after` is in seconds when the venue said."""

    def __init__(self, message: str = "", *, retry_after: float | None = None, **kw: object) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kw)  # type: ignore[arg-type]


class IPBanned(RateLimited):
    """The venue banned this IP (Binance 418) until `retry_after` seconds from now."""


class TimestampOutOfWindow(VenueError):
    """The request timestamp fell outside the venue's receive window (clock skew)."""


class ExchangeUnavailable(VenueError):
    """The venue answered with a server error; unless `definite`, a sent order may still have been accepted."""

    def __init__(self, message: str = "", *, definite: bool = False, **kw: object) -> None:
        self.definite = definite
        super().__init__(message, **kw)  # type: ignore[arg-type]


class NetworkError(VenueError):
    """No usable answer arrived; `request_sent` says whether the venue may have received it."""

    def __init__(self, message: str = "", *, request_sent: bool = True, **kw: object) -> None:
        self.request_sent = request_sent
        super().__init__(message, **kw)  # type: ignore[arg-type]


class RequestTimeout(NetworkError):
    """The call timed out."""


class BadResponse(VenueError):
    """The venue answered with something we cannot read (truncated JSON, an HTML page, missing fields)."""


class UnknownOrderState(VenueError):
    """An order was sent but its fate could not be established; look it up by `client_order_id`."""

    def __init__(self, message: str = "", *, client_order_id: str | None = None, **kw: object) -> None:
        self.client_order_id = client_order_id
        super().__init__(message, **kw)  # type: ignore[arg-type]


ErrorClass = type[VenueError]


def error_for(
    table: Mapping[str, ErrorClass],
    code: str | int | None,
    *,
    fallback: ErrorClass = VenueError,
) -> ErrorClass:
    """Look a venue code up in its table (codes compared as strings)."""
    if code is None:
        return fallback
    return table.get(str(code), fallback)
