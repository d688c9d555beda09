"""User data stream listen keys: the create answer comes bare or inside the `{code,msg,data}` envelope."""

from __future__ import annotations

from .common import BingXModel


class ListenKey(BingXModel):
    """`{"listenKey": "<64 hex>"}`; valid for 60 minutes unless extended."""

    listen_key: str


class ListenKeyAck(BingXModel):
    """Extend / delete answer (`data` is `{}`): success is all there is to report."""
