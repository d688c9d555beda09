"""Frame bytes → typed CrossEx frame: channel, event and error are peeked, then one cached `JsonDecoder` validates."""

from __future__ import annotations

import re
from typing import Any, Final

from venuekit.core.codec import JsonDecoder, decoder_for

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
_DECODERS: Final[dict[str, JsonDecoder[Any]]] = {name: decoder_for(model) for name, model in _PUSHES.items()}
_ERROR_DECODER: Final = decoder_for(WsError)
_LOGIN_DECODER: Final = decoder_for(WsLogin)
_ACK_DECODER: Final = decoder_for(WsAck)


def warm(channels: tuple[str, ...]) -> None:
    """Build the validators of these channels and of the control frames now (models are `defer_build`: the
    first parse of each would take milliseconds). Called when a stream opens, not at import; idempotent."""
    decoders = [_DECODERS[c] for c in channels if c in _DECODERS] + [_ERROR_DECODER, _LOGIN_DECODER, _ACK_DECODER]
    for decoder in decoders:
        decoder.build()

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
        error: WsError = _ERROR_DECODER(data)
        return error
    if event == "login":
        login: WsLogin = _LOGIN_DECODER(data)
        return login
    if event in ("subscribe", "unsubscribe") and not _OBJECT_PAYLOAD.search(data):
        ack: WsAck = _ACK_DECODER(data)
        return ack
    decoder = _DECODERS.get(channel)
    if decoder is None:
        return UnknownFrame(channel, event, data)
    push: UserPush | MarketPush = decoder(data)
    return push
