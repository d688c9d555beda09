"""Frame → typed BingX message: gunzip binary frames, answer pings, route by `dataType` or `e`.

Every server frame is gzip-compressed binary; a text frame (or an uncompressed binary one) is parsed as it
is. The swap heartbeat is the text `Ping` (answer `Pong`); the spot form `{"ping": id, "time": t}` is
answered with `{"pong": id, "time": t}` too (streams.md §A3, §D1).
"""

from __future__ import annotations

import gzip
import re
import zlib
from dataclasses import dataclass
from typing import Any, Final

import orjson

from venuekit.core.codec import JsonDecoder, decoder_for

from .models import (
    BookTickerFrame,
    DepthFrame,
    IncrDepthFrame,
    MarketFrame,
    MarkPriceFrame,
    TradeFrame,
    UserEvent,
    WsAccountConfigUpdate,
    WsAccountUpdate,
    WsListenKeyExpired,
    WsOrderTradeUpdate,
    WsReply,
)

GZIP_MAGIC: Final = b"\x1f\x8b"
_DATA_TYPE = re.compile(rb'"dataType"\s*:\s*"([^"]+)"')
_EVENT = re.compile(rb'"e"\s*:\s*"([A-Za-z_]+)"')
_NO_DATA = re.compile(rb'"data"\s*:\s*null')

_USER: Final[dict[str, JsonDecoder[Any]]] = {
    "ORDER_TRADE_UPDATE": decoder_for(WsOrderTradeUpdate),
    "ACCOUNT_UPDATE": decoder_for(WsAccountUpdate),
    "ACCOUNT_CONFIG_UPDATE": decoder_for(WsAccountConfigUpdate),
    "listenKeyExpired": decoder_for(WsListenKeyExpired),
}
_MARKET: Final[tuple[tuple[str, JsonDecoder[Any]], ...]] = (
    ("@markPrice", decoder_for(MarkPriceFrame)),
    ("@bookTicker", decoder_for(BookTickerFrame)),
    ("@trade", decoder_for(TradeFrame)),
    ("@incrDepth", decoder_for(IncrDepthFrame)),
    ("@depth", decoder_for(DepthFrame)),
)
_REPLY: Final = decoder_for(WsReply)


def _build(decoders: list[JsonDecoder[Any]]) -> None:
    for decoder in decoders:
        decoder.build()


def warm_user() -> None:
    """Build the user-data validators now (models are `defer_build`; the first parse of each would take
    milliseconds). Called when a stream opens, not at import; idempotent."""
    _build([*_USER.values(), _REPLY])


def warm_market(data_type: str) -> None:
    """Build the validator of this market topic (and of the acks) now; see `warm_user`."""
    topic = next((decoder for marker, decoder in _MARKET if marker in data_type), None)
    _build([_REPLY] if topic is None else [topic, _REPLY])


@dataclass(frozen=True)
class Ping:
    """A server heartbeat; `reply` is what to send back."""

    reply: str


@dataclass(frozen=True)
class UnknownMessage:
    """A well-formed message this package does not model (e.g. a `SNAPSHOT` push): kept, not converted."""

    name: str
    data: bytes


Message = UserEvent | MarketFrame | WsReply | Ping | UnknownMessage


def unzip(frame: str | bytes) -> bytes:
    """The frame's JSON/text bytes: gunzipped when it is gzip (BingX compresses every server frame)."""
    if isinstance(frame, str):
        return frame.encode()
    if frame[:2] == GZIP_MAGIC:
        return gzip.decompress(frame)
    try:
        return zlib.decompress(frame)
    except zlib.error:
        return frame


def _ping(data: bytes) -> Ping | None:
    text = data.strip()
    if text == b"Ping" or (len(text) == 4 and not text.startswith((b"{", b"["))):
        return Ping("Pong")
    if text.startswith(b"{") and b'"ping"' in text:
        body = orjson.loads(text)
        if isinstance(body, dict) and "ping" in body:
            return Ping(orjson.dumps({"pong": body["ping"], "time": body.get("time")}).decode())
    return None


def ping_reply(frame: str | bytes) -> str | None:
    """The answer to a heartbeat frame, else None (gunzips, but parses JSON only for a `ping` object)."""
    ping = _ping(unzip(frame))
    return ping.reply if ping is not None else None


def parse(frame: str | bytes) -> Message | None:
    """The typed message in `frame`; None for an empty frame."""
    data = unzip(frame)
    if not data.strip():
        return None
    ping = _ping(data)
    if ping is not None:
        return ping
    topic = _DATA_TYPE.search(data)
    if topic is not None and b'"data"' in data and _NO_DATA.search(data) is None:
        data_type = topic.group(1).decode()
        for marker, decoder in _MARKET:
            if marker in data_type:
                frame_model: MarketFrame = decoder(data)
                return frame_model
        return UnknownMessage(data_type, data)
    event = _EVENT.search(data)
    if event is not None:
        name = event.group(1).decode()
        user = _USER.get(name)
        if user is None:
            return UnknownMessage(name, data)
        parsed: UserEvent = user(data)
        return parsed
    reply: WsReply = _REPLY(data)
    return reply
