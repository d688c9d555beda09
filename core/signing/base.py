"""The `Signer` plugin seam: each venue turns an unsigned request into exact wire bytes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class UnsignedRequest:
    """A call before signing: method, path, rendered query params and an optional body."""

    method: str
    path: str
    params: Mapping[str, str] = field(default_factory=dict)
    body: object = None
    signed: bool = True


@dataclass(frozen=True, slots=True)
class WireRequest:
    """What goes on the wire, byte for byte: the signature was computed over exactly this."""

    method: str
    path: str
    query: str = ""
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def target(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path


class Signer(Protocol):
    """Per-venue signing plugin; `now_ms` comes from the venue's server-corrected clock."""

    def sign(self, request: UnsignedRequest, now_ms: int) -> WireRequest: ...

    def encode(self, request: UnsignedRequest) -> WireRequest:
        """Encode a public (unsigned) request in the venue's format."""
        ...
