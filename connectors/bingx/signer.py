"""BingX request signing: sorted, percent-encoded `k=v` pairs, HMAC-SHA256 hex over exactly that string.

Choice (documented in docs/venues/bingx.md): the string that is signed is the string that is sent.
Every value is percent-encoded (RFC 3986, nothing left "safe") *before* signing, so JSON-valued
parameters (`takeProfit`, `batchOrders`…) and non-ASCII symbols cannot make the signed bytes differ
from the bytes BingX receives. GET/DELETE carry the string in the query; POST sends it as an
`application/x-www-form-urlencoded` body (both documented by BingX).
"""

from __future__ import annotations

from collections.abc import Mapping

from venuekit.core.credentials import Credentials
from venuekit.core.errors import AuthenticationError
from venuekit.core.signing.base import UnsignedRequest, WireRequest
from venuekit.core.signing.hmac_digest import HmacKey, hmac_sha256_hex
from venuekit.core.signing.params import encode_query

from .config import VENUE

API_KEY_HEADER = "X-BX-APIKEY"
FORM = "application/x-www-form-urlencoded"


def encode_pairs(params: Mapping[str, str]) -> str:
    """`k=v&…` sorted by key, each value percent-encoded as UTF-8 (`/`, `:` and `,` included)."""
    return encode_query({k: params[k] for k in sorted(params)})


def signature(secret: str, payload: str) -> str:
    """Lower-case hex HMAC-SHA256 of `payload` keyed by the API secret."""
    return hmac_sha256_hex(secret.encode(), payload.encode())


class BingXSigner:
    """Adds `timestamp` (server-corrected ms) and `recvWindow`, signs, puts the key in `X-BX-APIKEY`."""

    def __init__(self, credentials: Credentials | None, *, recv_window: int | None = None) -> None:
        self._credentials = credentials
        self._key = HmacKey(credentials.secret.reveal(), "sha256") if credentials is not None else None
        self._recv_window = recv_window

    def __repr__(self) -> str:
        return f"BingXSigner(credentials={self._credentials!r}, recv_window={self._recv_window})"

    def signed_payload(self, request: UnsignedRequest, now_ms: int) -> str:
        """The exact parameter string that is signed and sent (without `&signature=`)."""
        params = dict(request.params)
        params["timestamp"] = str(now_ms)
        if self._recv_window is not None and "recvWindow" not in params:
            params["recvWindow"] = str(self._recv_window)
        return encode_pairs(params)

    def sign(self, request: UnsignedRequest, now_ms: int) -> WireRequest:
        creds, key = self._credentials, self._key
        if creds is None or key is None:
            raise AuthenticationError(f"{request.path} needs API credentials", venue=VENUE)
        payload = self.signed_payload(request, now_ms)
        signed = f"{payload}&signature={key.hexdigest(payload.encode())}"
        headers = {API_KEY_HEADER: creds.api_key}
        if request.method == "POST":
            headers["Content-Type"] = FORM
            return WireRequest(request.method, request.path, "", signed.encode(), headers)
        return WireRequest(request.method, request.path, signed, b"", headers)

    def encode(self, request: UnsignedRequest) -> WireRequest:
        """Public calls: the same sorted, encoded query, no signature; the key header when we have one."""
        headers = {API_KEY_HEADER: self._credentials.api_key} if self._credentials is not None else {}
        return WireRequest(request.method, request.path, encode_pairs(request.params), b"", headers)
