"""Binance request authentication: API key header, HMAC-SHA256 over query+body, timestamp window."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qsl

from venuekit.core.credentials import Secret

from .errors import (
    ahead_of_server,
    bad_key_format,
    bad_signature,
    invalid,
    mandatory,
    outside_window,
    rejected_key,
)
from .params import Params

API_KEY_HEADER: Final = "x-mbx-apikey"
DEFAULT_RECV_WINDOW: Final = 5000
MAX_RECV_WINDOW: Final = 60000
FUTURE_TOLERANCE_MS: Final = 1000


@dataclass(frozen=True)
class ApiKey:
    """One registered key: the account it trades for and its secret (kept out of reprs)."""

    account_id: str
    secret: Secret


def parse_params(query: str, body: str) -> Params:
    """Merge query and form body; a name present in both keeps the query value."""
    merged = dict(parse_qsl(body, keep_blank_values=True))
    merged.update(parse_qsl(query, keep_blank_values=True))
    return Params(merged)


def _without_signature(encoded: str) -> tuple[str, str | None]:
    """Split `a=1&signature=xx` into the signed part and the signature value."""
    if not encoded:
        return "", None
    kept, signature = [], None
    for part in encoded.split("&"):
        if part.startswith("signature="):
            signature = part[len("signature=") :]
        else:
            kept.append(part)
    return "&".join(kept), signature


def signature_payload(query: str, body: str) -> tuple[str, str | None]:
    """`totalParams` (query then body, concatenated without a separator) and the sent signature."""
    q, q_sig = _without_signature(query)
    b, b_sig = _without_signature(body)
    return q + b, q_sig if q_sig is not None else b_sig


def hmac_hex(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()


def api_key_of(headers: Mapping[str, str], keys: Mapping[str, ApiKey]) -> ApiKey:
    """The registered key named by `X-MBX-APIKEY`; -2014 when absent/blank, -2015 when unknown."""
    value = headers.get(API_KEY_HEADER, "").strip()
    if not value:
        raise bad_key_format()
    key = keys.get(value)
    if key is None:
        raise rejected_key()
    return key


def check_timestamp(params: Params, server_ms: int) -> None:
    """Accept iff timestamp < server + 1000 and server - timestamp <= recvWindow (default 5000, max 60000)."""
    timestamp = params.integer("timestamp", required=True)
    assert timestamp is not None
    window = params.integer("recvWindow")
    if window is None:
        window = DEFAULT_RECV_WINDOW
    if window <= 0 or window > MAX_RECV_WINDOW:
        raise invalid("recvWindow")
    if timestamp >= server_ms + FUTURE_TOLERANCE_MS:
        raise ahead_of_server()
    if server_ms - timestamp > window:
        raise outside_window()


def verify_signed(
    query: str, body: str, headers: Mapping[str, str], keys: Mapping[str, ApiKey], server_ms: int
) -> tuple[ApiKey, Params]:
    """Authenticate a SIGNED (TRADE/USER_DATA) request; returns the key and its parameters."""
    key = api_key_of(headers, keys)
    params = parse_params(query, body)
    payload, sent = signature_payload(query, body)
    if "timestamp" not in params:
        raise mandatory("timestamp")
    if sent is None or not sent:
        raise mandatory("signature")
    expected = hmac_hex(key.secret.reveal(), payload)
    if not hmac.compare_digest(expected.encode(), sent.lower().encode()):
        raise bad_signature()
    check_timestamp(params, server_ms)
    return key, params
