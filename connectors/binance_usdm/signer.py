"""HMAC-SHA256 signing over Binance's total parameter string (query then form body, joined directly)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from venuekit.core.credentials import Credentials
from venuekit.core.errors import AuthenticationError, InvalidRequest
from venuekit.core.signing.base import UnsignedRequest, WireRequest
from venuekit.core.signing.hmac_digest import HmacKey, hmac_sha256_hex
from venuekit.core.signing.params import encode_query, quote_all, render_params

from .config import MAX_RECV_WINDOW_MS, VENUE

API_KEY_HEADER: Final = "X-MBX-APIKEY"
FORM_TYPE: Final = "application/x-www-form-urlencoded"
FORM: Final = {"Content-Type": FORM_TYPE}
#: USER_STREAM security: the API key header is required, no signature.
KEY_ONLY_PATHS: Final = frozenset({"/fapi/v1/listenKey"})
_BODY_METHODS: Final = frozenset({"POST", "PUT"})


def encode_pairs(pairs: Iterable[tuple[str, str]]) -> str:
    """`k=v&…` with values percent-encoded (JSON lists included), in the order given."""
    return "&".join([k + "=" + quote_all(v) for k, v in pairs])


def signature(secret: str, query: str, body: str) -> str:
    """hex(HMAC_SHA256(secret, query + body)): Binance concatenates the two with nothing between."""
    return hmac_sha256_hex(secret.encode(), (query + body).encode())


class BinanceSigner:
    """Adds `recvWindow`, `timestamp` and `signature` (last) and the `X-MBX-APIKEY` header.

    GET/DELETE carry parameters in the query string, POST/PUT in a form body; an explicit mapping
    `body` makes a mixed request (params in the query, body in the form), signed over both.
    """

    def __init__(self, credentials: Credentials | None, *, recv_window: int | None = None) -> None:
        if recv_window is not None and not 0 < recv_window <= MAX_RECV_WINDOW_MS:
            raise InvalidRequest(f"must be 1..{MAX_RECV_WINDOW_MS} ms, got {recv_window}", field="recvWindow")
        self._credentials = credentials
        self._signing = (
            (credentials.api_key, HmacKey(credentials.secret.reveal(), "sha256")) if credentials is not None else None
        )
        self.recv_window = recv_window

    def __repr__(self) -> str:
        return f"BinanceSigner(credentials={self._credentials!r}, recv_window={self.recv_window!r})"

    def _creds(self) -> Credentials:
        if self._credentials is None:
            raise AuthenticationError("this call needs an API key and secret", venue=VENUE)
        return self._credentials

    def _split(self, request: UnsignedRequest) -> tuple[dict[str, str], dict[str, str] | None]:
        body = request.body
        if body is None:
            method = request.method
            if method in _BODY_METHODS or method.upper() in _BODY_METHODS:
                return {}, dict(request.params)
            return dict(request.params), None
        if isinstance(body, Mapping):
            return dict(request.params), render_params(body)
        raise TypeError("binance-usdm sends parameters only; pass the body as a mapping")

    def sign(self, request: UnsignedRequest, now_ms: int) -> WireRequest:
        signing = self._signing
        if signing is None:
            raise AuthenticationError("this call needs an API key and secret", venue=VENUE)
        api_key, key = signing
        params = request.params
        if request.body is not None or "timestamp" in params:
            return self._sign_split(request, now_ms, api_key, key)
        stamp = f"timestamp={now_ms}"
        if self.recv_window is not None and "recvWindow" not in params:
            stamp = f"recvWindow={self.recv_window}&{stamp}"
        payload = f"{encode_query(params)}&{stamp}" if params else stamp
        signed = f"{payload}&signature={key.hexdigest(payload.encode())}"
        method = request.method
        if method in _BODY_METHODS or method.upper() in _BODY_METHODS:
            headers = {API_KEY_HEADER: api_key, "Content-Type": FORM_TYPE}
            return WireRequest(method, request.path, "", signed.encode(), headers)
        return WireRequest(method, request.path, signed, b"", {API_KEY_HEADER: api_key})

    def _sign_split(self, request: UnsignedRequest, now_ms: int, api_key: str, key: HmacKey) -> WireRequest:
        """A mapping `body` (query and form both carry parameters) or a caller-given `timestamp`."""
        query_params, body_params = self._split(request)
        tail = body_params if body_params is not None else query_params
        if self.recv_window is not None and "recvWindow" not in query_params and "recvWindow" not in tail:
            tail["recvWindow"] = str(self.recv_window)
        tail["timestamp"] = str(now_ms)
        query = encode_query(query_params) if query_params else ""
        body = encode_query(body_params) if body_params is not None else ""
        sig = key.hexdigest((query + body).encode())
        if body_params is not None:
            body = f"{body}&signature={sig}"
            headers = {API_KEY_HEADER: api_key, "Content-Type": FORM_TYPE}
        else:
            query = f"{query}&signature={sig}" if query else f"signature={sig}"
            headers = {API_KEY_HEADER: api_key}
        return WireRequest(request.method, request.path, query, body.encode(), headers)

    def encode(self, request: UnsignedRequest) -> WireRequest:
        query_params, body_params = self._split(request)
        headers: dict[str, str] = {}
        if request.path in KEY_ONLY_PATHS:
            headers[API_KEY_HEADER] = self._creds().api_key
        body = b""
        if body_params:
            body = encode_query(body_params).encode()
            headers |= FORM
        return WireRequest(request.method, request.path, encode_query(query_params), body, headers)
