"""Shared helpers of the BingX client tests (importable: tests/bingx is on pytest's pythonpath)."""

from __future__ import annotations

import hashlib
import hmac
import time
from urllib.parse import parse_qsl

import httpx

LIVE = "https://open-api.bingx.com"
KEY = "test-api-key"
SECRET = "test-secret-value"


def wire_params(request: httpx.Request) -> tuple[str, dict[str, str]]:
    """The raw parameter string as sent (query, or form body for POST) and its decoded pairs."""
    raw = request.content.decode() if request.method == "POST" else request.url.query.decode()
    return raw, dict(parse_qsl(raw, keep_blank_values=True))


def check_signed(request: httpx.Request, secret: str = SECRET) -> dict[str, str]:
    """Recompute HMAC-SHA256 over the bytes before `&signature=` and return the business parameters."""
    raw, params = wire_params(request)
    payload, _, signature = raw.rpartition("&signature=")
    assert signature == hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()
    keys = [pair.split("=", 1)[0] for pair in payload.split("&")]
    assert keys == sorted(keys)
    assert request.headers["X-BX-APIKEY"] == KEY
    assert abs(int(params["timestamp"]) - time.time() * 1000) < 60_000
    return {k: v for k, v in params.items() if k not in ("timestamp", "signature")}
