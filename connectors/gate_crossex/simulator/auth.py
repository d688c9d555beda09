"""APIv4 request verification: `KEY`, `Timestamp` (seconds) and `SIGN` = hex HMAC-SHA512 over
`METHOD\\nPATH\\nQUERY\\nhex(SHA512(body))\\nTIMESTAMP`, checked independently of the client signer."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from urllib.parse import unquote, unquote_plus

from venuekit.core import Secret
from venuekit.core.simulator import SimClock, SimRequest

from .errors import GateError

WINDOW_SECONDS = 60
AUTH_STATUS = 401


def body_digest(body: bytes) -> str:
    return hashlib.sha512(body).hexdigest()


def sign_string(method: str, path: str, query: str, body: bytes, timestamp: str) -> str:
    return f"{method.upper()}\n{path}\n{query}\n{body_digest(body)}\n{timestamp}"


def expected_sign(secret: str, method: str, path: str, *, query: str, body: bytes, timestamp: str) -> str:
    payload = sign_string(method, path, query, body, timestamp)
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha512).hexdigest()


def _query_forms(raw: str) -> list[str]:
    """The query as received, plus its decoded forms: Gate signs the query "without URL encoding"."""
    return list(dict.fromkeys((raw, unquote(raw), unquote_plus(raw))))


@dataclass(frozen=True)
class ApiKey:
    account_id: str
    secret: Secret


class Authenticator:
    """Key registry plus the header, window and signature checks, in the order Gate applies them."""

    def __init__(self, clock: SimClock) -> None:
        self.clock = clock
        self._keys: dict[str, ApiKey] = {}
        self.failures = 0

    def add_key(self, api_key: str, secret: str, account_id: str) -> None:
        self._keys[api_key] = ApiKey(account_id, Secret(secret))

    def account_for_key(self, api_key: str | None) -> str | None:
        entry = self._keys.get(api_key or "")
        return entry.account_id if entry else None

    def verify(self, request: SimRequest) -> str:
        """The account id behind a correctly signed, fresh request; raises `GateError` otherwise."""
        try:
            return self._verify(request)
        except GateError:
            self.failures += 1
            raise

    def _verify(self, request: SimRequest) -> str:
        headers = request.headers
        for name in ("KEY", "Timestamp", "SIGN"):
            if not headers.get(name.lower()):
                raise GateError("MISSING_REQUIRED_HEADER", f"Missing required header: {name}", AUTH_STATUS)
        timestamp = headers["timestamp"]
        try:
            sent = Decimal(timestamp)
        except InvalidOperation:
            raise GateError("REQUEST_EXPIRED", "Timestamp is not a number of seconds", AUTH_STATUS) from None
        if not sent.is_finite() or abs(Decimal(self.clock.now_ms()) / 1000 - sent) > WINDOW_SECONDS:
            raise GateError("REQUEST_EXPIRED", "gap between request Timestamp and server time exceeds 60", AUTH_STATUS)
        entry = self._keys.get(headers["key"])
        if entry is None:
            raise GateError("INVALID_KEY", "Invalid key provided", AUTH_STATUS)
        given = headers["sign"].strip().lower()
        secret = entry.secret.reveal()
        method, path, body = request.method, request.path, request.body
        for query in _query_forms(request.raw_query):
            want = expected_sign(secret, method, path, query=query, body=body, timestamp=timestamp)
            if hmac.compare_digest(want.encode(), given.encode()):
                return entry.account_id
        raise GateError("INVALID_SIGNATURE", "Signature mismatch", AUTH_STATUS)
