"""The `Signer` plugin seam: each venue turns an unsigned request into exact wire bytes."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, NamedTuple, Protocol

_NOTHING: Final[Mapping[str, str]] = MappingProxyType({})


class UnsignedRequest(NamedTuple):
    """A call before signing: method, path, rendered query params and an optional body.

    A named tuple, as `WireRequest` and `RawResponse`: built on every call, where a frozen dataclass costs ~9k
    instructions (one `object.__setattr__` per field) and a tuple ~1.5k.
    """

    method: str
    path: str
    params: Mapping[str, str] = _NOTHING
    body: object = None
    signed: bool = True


class WireRequest(NamedTuple):
    """What goes on the wire, byte for byte: the signature was computed over exactly this."""

    method: str
    path: str
    query: str = ""
    body: bytes = b""
    headers: Mapping[str, str] = _NOTHING

    @property
    def target(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path


class Signer(Protocol):
    """Per-venue signing plugin; `now_ms` comes from the venue's server-corrected clock."""

    def sign(self, request: UnsignedRequest, now_ms: int) -> WireRequest: ...

    def encode(self, request: UnsignedRequest) -> WireRequest:
        """Encode a public (unsigned) request in the venue's format."""
        ...
