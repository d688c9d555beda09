"""Thin, fast HMAC helpers shared by the venue signers."""

from __future__ import annotations

import hashlib
import hmac
from typing import Final

_IPAD: Final = bytes(x ^ 0x36 for x in range(256))
_OPAD: Final = bytes(x ^ 0x5C for x in range(256))


def hmac_sha256_hex(secret: bytes, payload: bytes) -> str:
    return hmac.new(secret, payload, hashlib.sha256).hexdigest()


def hmac_sha512_hex(secret: bytes, payload: bytes) -> str:
    return hmac.new(secret, payload, hashlib.sha512).hexdigest()


def sha512_hex(payload: bytes) -> str:
    return hashlib.sha512(payload).hexdigest()


def constant_time_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


class HmacKey:
    """HMAC (RFC 2104) with the key's inner and outer hash states computed once; signing copies them.

    Same digests as `hmac.new(secret, payload, digest)`, without re-keying two hashes per signature.
    """

    __slots__ = ("_inner", "_outer")

    def __init__(self, secret: str, digest: str) -> None:
        inner, outer = hashlib.new(digest), hashlib.new(digest)
        key = secret.encode()
        if len(key) > inner.block_size:
            key = hashlib.new(digest, key).digest()
        key = key.ljust(inner.block_size, b"\0")
        inner.update(key.translate(_IPAD))
        outer.update(key.translate(_OPAD))
        self._inner, self._outer = inner, outer

    def __repr__(self) -> str:
        return f"HmacKey({self._inner.name}, ***)"

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("HmacKey cannot be pickled")

    def hexdigest(self, payload: bytes) -> str:
        inner = self._inner.copy()
        inner.update(payload)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()
