"""Thin, fast HMAC helpers shared by the venue signers."""

from __future__ import annotations

import hashlib
import hmac


def hmac_sha256_hex(secret: bytes, payload: bytes) -> str:
    return hmac.new(secret, payload, hashlib.sha256).hexdigest()


def hmac_sha512_hex(secret: bytes, payload: bytes) -> str:
    return hmac.new(secret, payload, hashlib.sha512).hexdigest()


def sha512_hex(payload: bytes) -> str:
    return hashlib.sha512(payload).hexdigest()


def constant_time_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
