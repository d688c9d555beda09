"""Request parameters and BingX HMAC authentication, verified independently of the client signer.

BingX signs the parameter string exactly as sent (query, form body, or query followed directly by the body),
without the trailing `signature` pair. The simulator verifies over the raw bytes as they arrived and, so that
clients signing unencoded values but sending them percent-encoded (ccxt, the official samples) also pass,
over the percent-decoded form of the same string. JSON bodies (sent by some SDKs) are verified over their
`k=v` pairs in sent order and sorted by key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, unquote_plus

from venuekit.core.simulator import SimRequest

from . import codes
from .codes import BingXError

DEFAULT_RECV_WINDOW_MS = 5000
MAX_RECV_WINDOW_MS = 60000


@dataclass(frozen=True)
class Incoming:
    """Decoded parameters of one request (query wins over body on duplicates) and a JSON body if sent."""

    params: dict[str, str]
    json_body: dict[str, object] | None


def parse_params(request: SimRequest) -> Incoming:
    """Merge body and query parameters the way BingX documents: either place, query wins on duplicates."""
    merged: dict[str, str] = {}
    json_body: dict[str, object] | None = None
    if request.body:
        if request.content_type == "application/json":
            try:
                loaded = json.loads(request.body)
            except ValueError as exc:
                raise BingXError(codes.BAD_PARAMS, "request body is not valid JSON") from exc
            if isinstance(loaded, dict):
                json_body = loaded
                merged.update({k: _text(v) for k, v in loaded.items()})
        else:
            merged.update(parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True))
    merged.update(parse_qsl(request.raw_query, keep_blank_values=True))
    return Incoming(merged, json_body)


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, list | dict):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def _strip_signature(raw: str) -> tuple[str, str | None]:
    """Remove the `signature=` pair from a raw parameter string, keeping every other byte as sent."""
    kept, signature = [], None
    for pair in raw.split("&") if raw else []:
        if pair.startswith("signature="):
            signature = unquote(pair[len("signature=") :])
        else:
            kept.append(pair)
    return "&".join(kept), signature


def signed_strings(request: SimRequest, json_body: Mapping[str, object] | None) -> tuple[list[str], str | None]:
    """Every string the client may legitimately have signed, and the signature it sent."""
    query, signature = _strip_signature(request.raw_query)
    candidates: list[str] = []
    if json_body is not None:
        sent = {k: v for k, v in json_body.items() if k != "signature"}
        if signature is None and isinstance(json_body.get("signature"), str):
            signature = str(json_body["signature"])
        in_order = "&".join(f"{k}={_text(v)}" for k, v in sent.items())
        by_key = "&".join(f"{k}={_text(sent[k])}" for k in sorted(sent))
        candidates += [in_order, by_key]
        if query:
            candidates += [query, query + in_order, query + "&" + in_order]
    elif request.body:
        body, body_signature = _strip_signature(request.body.decode("utf-8", "replace"))
        signature = signature or body_signature
        if query and body:
            candidates += [query + body, query + "&" + body]
        candidates += [s for s in (body, query) if s]
    else:
        candidates.append(query)
    decoded = [d for c in candidates for d in (unquote(c), unquote_plus(c)) if d != c]
    return list(dict.fromkeys(candidates + decoded)), signature


def hmac_hex(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()


def verify_signature(request: SimRequest, json_body: Mapping[str, object] | None, secret: str) -> None:
    """Raise 100412 without a signature and 100001 when no accepted form of the string matches."""
    strings, signature = signed_strings(request, json_body)
    if not signature:
        raise BingXError(codes.NULL_SIGNATURE, "Null signature")
    expected = signature.lower().encode()
    matched = False
    for payload in strings:
        matched |= hmac.compare_digest(hmac_hex(secret, payload).encode(), expected)
    if not matched:
        raise BingXError(codes.SIGNATURE_MISMATCH, "Signature verification failed")


def check_timestamp(params: Mapping[str, str], now_ms: int) -> None:
    """`timestamp` must be within `recvWindow` (default 5000 ms, at most 60000) of server time."""
    raw = params.get("timestamp")
    if not raw:
        raise BingXError(codes.TIMESTAMP_MISMATCH, codes.TIMESTAMP_MISMATCH_MSG)
    try:
        ts = int(raw)
        window = int(params.get("recvWindow") or 0)
    except ValueError as exc:
        raise BingXError(codes.TIMESTAMP_INVALID, "timestamp is invalid") from exc
    if window <= 0:
        window = DEFAULT_RECV_WINDOW_MS
    if abs(now_ms - ts) > min(window, MAX_RECV_WINDOW_MS):
        raise BingXError(codes.TIMESTAMP_MISMATCH, codes.TIMESTAMP_MISMATCH_MSG)
