"""User-data-stream listen key models."""

from __future__ import annotations

from .base import BinanceModel


class ListenKey(BinanceModel):
    listen_key: str


class ListenKeyKeepAlive(BinanceModel):
    """Keep-alive answers `{}` or echoes the key."""

    listen_key: str | None = None
