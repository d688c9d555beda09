"""Frame bytes → typed CrossEx frame: channel, event and error are peeked, then one cached TypeAdapter validates."""

from __future__ import annotations

import re
from typing import Any, Final

from pydantic import TypeAdapter

from venuekit.core.codec import decode as exact_decode

from .models import (
    Control,
    MarketPush,
    UserPush,
    WsAck,
    WsAssetPush,
    WsBookUpdatePush,
    WsError,
    WsFundingRatePush,
    WsIndexPricePush,
    WsLogin,
    WsMarginPositionPush,
    WsMarkPricePush,
    WsOrderPush,
    WsPositionPush,
    WsTickerPush,
    WsTradePublic,
    WsTradePush,
)

_CHANNEL = re.compile(rb'"channel"\s*:\s*"([A-Za-z0-9_]*)"')
_EVENT = re.compile(rb'"event"\s*:\s*"([A-Za-z_]+)"')
_ERROR = re.compile(rb'"error"\s*:\s*\{')
_OBJECT_PAYLOAD = re.compile(rb'"payload"\s*:\s*\{')

_PUSHES: Final[dict[str, type[Any]]] = {
    "order": WsOrderPush,
    "usertrades": WsTradePush,
    "position": WsPositionPush,
    "margin_position": WsMarginPositionPush,
    "asset": WsAssetPush,
    "mark_price": WsMarkPricePush,
    "index_price": WsIndexPricePush,
    "funding_rate": WsFundingRatePush,
    "ticker": WsTickerPush,
    "trade": WsTradePublic,
    "order_book_update": WsBookUpdatePush,
}
_ADAPTERS: Final[dict[str, TypeAdapter[Any]]] = {name: TypeAdapter(model) for name, model in _PUSHES.items()}
_ERROR_ADAPTER: Final = TypeAdapter(WsError)
_LOGIN_ADAPTER: Final = TypeAdapter(WsLogin)
_ACK_ADAPTER: Final = TypeAdapter(WsAck)
_built: set[int] = set()


def warm(channels: tuple[str, ...]) -> None:
    """Build the validators of these channels and of the control frames now (models are `defer_build`: the
    first parse of each would take milliseconds). Called when a stream opens, not at import; idempotent."""
    adapters = [_ADAPTERS[c] for c in channels if c in _ADAPTERS] + [_ERROR_ADAPTER, _LOGIN_ADAPTER, _ACK_ADAPTER]
    for adapter in adapters:
        if id(adapter) not in _built:
            adapter.rebuild()
            _built.add(id(adapter))

GateFrame = UserPush | MarketPush | Control


class UnknownFrame:
    """A channel this package does not model (kline_*, open_interest, margin_interest…): kept, not converted."""

    def __init__(self, channel: str, event: str, data: bytes) -> None:
        self.channel = channel
        self.event = event
        self.data = data


def _group(pattern: re.Pattern[bytes], data: bytes) -> str:
    found = pattern.search(data)
    return found.group(1).decode() if found else ""


def parse(frame: str | bytes) -> GateFrame | UnknownFrame | None:
    """The typed frame; None for something that is not a CrossEx frame at all. A subscribe ack whose `payload`
    is an object is read as a push (the doc's margin_position example says `"event": "subscribe"`)."""
    data = frame.encode() if isinstance(frame, str) else frame
    channel, event = _group(_CHANNEL, data), _group(_EVENT, data)
    if not channel and not event:
        return None
    if _ERROR.search(data):
        error: WsError = exact_decode(_ERROR_ADAPTER, data)
        return error
    if event == "login":
        login: WsLogin = exact_decode(_LOGIN_ADAPTER, data)
        return login
    if event in ("subscribe", "unsubscribe") and not _OBJECT_PAYLOAD.search(data):
        ack: WsAck = exact_decode(_ACK_ADAPTER, data)
        return ack
    adapter = _ADAPTERS.get(channel)
    if adapter is None:
        return UnknownFrame(channel, event, data)
    push: UserPush | MarketPush = exact_decode(adapter, data)
    return push
