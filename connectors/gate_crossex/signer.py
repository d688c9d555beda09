"""Gate APIv4 signing: HMAC-SHA512 over `METHOD\\nPATH\\nQUERY\\nhex(SHA512(body))\\nTIMESTAMP`.

The body is rendered to JSON bytes once; those exact bytes are hashed and sent.
"""

from __future__ import annotations

from urllib.parse import quote

from venuekit.core.credentials import Credentials
from venuekit.core.errors import AuthenticationError
from venuekit.core.signing.base import UnsignedRequest, WireRequest
from venuekit.core.signing.hmac_digest import HmacKey, sha512_hex
from venuekit.core.signing.params import is_unreserved, json_body

from .config import VENUE

_JSON_HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}
_ACCEPT = {"Accept": "application/json"}
_QUERY_SAFE = "-_.~,"


def _query(params: dict[str, str] | None) -> tuple[str, str]:
    """(wire query, signed query): Gate signs the query without URL encoding, in request order."""
    if not params:
        return "", ""
    plain = "&".join(map("=".join, params.items()))
    if is_unreserved("".join(params) + "".join(params.values())):
        return plain, plain
    wire = "&".join(f"{quote(k, safe=_QUERY_SAFE)}={quote(v, safe=_QUERY_SAFE)}" for k, v in params.items())
    return wire, plain


def signature_payload(method: str, path: str, query: str, body: bytes, timestamp: str) -> str:
    """The documented signature string (exposed for tests and the simulator)."""
    return f"{method.upper()}\n{path}\n{query}\n{sha512_hex(body)}\n{timestamp}"


class GateSigner:
    """`KEY`, `Timestamp` (whole seconds) and `SIGN` headers for APIv4 private calls."""

    def __init__(self, credentials: Credentials | None) -> None:
        self._credentials = credentials
        self._key = HmacKey(credentials.secret.reveal(), "sha512") if credentials is not None else None

    def __repr__(self) -> str:
        return f"GateSigner({self._credentials!r})"

    def encode(self, request: UnsignedRequest) -> WireRequest:
        query, _ = _query(dict(request.params))
        body = b"" if request.body is None else json_body(request.body)
        headers = _JSON_HEADERS if body else _ACCEPT
        return WireRequest(request.method, request.path, query, body, headers)

    def sign(self, request: UnsignedRequest, now_ms: int) -> WireRequest:
        creds, key = self._credentials, self._key
        if creds is None or key is None:
            raise AuthenticationError("this call needs API credentials", venue=VENUE)
        query, plain = _query(dict(request.params))
        body = b"" if request.body is None else json_body(request.body)
        timestamp = str(now_ms // 1000)
        payload = signature_payload(request.method, request.path, plain, body, timestamp)
        sign = key.hexdigest(payload.encode())
        headers = {
            **(_JSON_HEADERS if body else _ACCEPT),
            "KEY": creds.api_key,
            "Timestamp": timestamp,
            "SIGN": sign,
        }
        return WireRequest(request.method, request.path, query, body, headers)
