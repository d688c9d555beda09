"""Credentials whose secret never shows in a repr, str, log line or exception."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass, field
from typing import Final

_MASK: Final = "***"


class Secret:
    """A secret string: use `.reveal()` only where it is needed (the signer)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret({_MASK})"

    def __str__(self) -> str:
        return _MASK

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash(hashlib.sha256(self._value.encode()).digest())

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("Secret cannot be pickled")


@dataclass(frozen=True, slots=True)
class Credentials:
    """API key and secret of one account; the key is shown shortened, the secret never."""

    api_key: str = field(repr=False)
    secret: Secret = field(repr=False)
    passphrase: Secret | None = field(default=None, repr=False)

    @classmethod
    def of(cls, api_key: str, secret: str, passphrase: str | None = None) -> Credentials:
        return cls(api_key, Secret(secret), Secret(passphrase) if passphrase is not None else None)

    @classmethod
    def from_env(cls, venue: str) -> Credentials | None:
        """Read `VENUEKIT_<VENUE>_KEY` / `_SECRET` (venue upper-cased, `-` → `_`); None when absent."""
        prefix = "VENUEKIT_" + venue.upper().replace("-", "_")
        key, secret = os.environ.get(prefix + "_KEY"), os.environ.get(prefix + "_SECRET")
        if not key or not secret:
            return None
        return cls.of(key, secret, os.environ.get(prefix + "_PASSPHRASE"))

    @property
    def account_tag(self) -> str:
        """A stable, non-reversible label of this account for limiter keys shared between processes."""
        return hashlib.sha256(self.api_key.encode()).hexdigest()[:16]

    @property
    def key_hint(self) -> str:
        """A short, non-secret label for logs: first four characters of the key."""
        return self.api_key[:4] + "…" if len(self.api_key) > 4 else _MASK

    def __repr__(self) -> str:
        return f"Credentials(api_key={self.key_hint!r}, secret={_MASK})"
