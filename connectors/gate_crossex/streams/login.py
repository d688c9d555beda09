"""CrossEx WebSocket requests and the signed login (streams.md §C2/§C3), and the WS error codes.

Sign = hex(HMAC-SHA512(secret, "channel=<channel>&event=<event>&time=<seconds>")); for login the channel
is empty. Requests are `{"time", "channel", "event", "payload"}` JSON objects.
"""

from __future__ import annotations

from typing import Final

from venuekit.core.codec import dumps
from venuekit.core.credentials import Credentials
from venuekit.core.errors import (
    AuthenticationError,
    ExchangeUnavailable,
    InvalidRequest,
    RateLimited,
    VenueError,
)
from venuekit.core.signing.hmac_digest import hmac_sha512_hex

from ..config import VENUE

WS_ERRORS: Final[dict[str, type[VenueError]]] = {
    "100001": InvalidRequest,  # Parameter missing or invalid
    "100002": AuthenticationError,  # Not logged in
    "100003": RateLimited,  # Connection limit reached (20 per uid + channel)
    "100004": ExchangeUnavailable,  # Timeout
    "100005": ExchangeUnavailable,  # Operation failed
    "100006": AuthenticationError,  # Login failed
    "100007": ExchangeUnavailable,  # Network error, please try again later
}


def sign_payload(channel: str, event: str, time_s: int) -> str:
    return f"channel={channel}&event={event}&time={time_s}"


def sign(secret: str, channel: str, event: str, time_s: int) -> str:
    return hmac_sha512_hex(secret.encode(), sign_payload(channel, event, time_s).encode())


def request(channel: str, event: str, payload: object, time_s: int) -> str:
    return dumps({"time": time_s, "channel": channel, "event": event, "payload": payload}).decode()


def login_request(credentials: Credentials, time_s: int) -> str:
    """The login message; the secret only enters the HMAC."""
    signature = sign(credentials.secret.reveal(), "", "login", time_s)
    payload = {"method": "api_key", "api_key": credentials.api_key, "sign": signature}
    return dumps({"time": time_s, "event": "login", "payload": payload}).decode()


def ws_error(code: str, message: str, what: str) -> VenueError:
    """The shared exception for a refused WebSocket request (`what` says which request)."""
    cls = WS_ERRORS.get(code, VenueError)
    return cls(f"{what} refused: {message or 'no message'}", venue=VENUE, code=code or None)
