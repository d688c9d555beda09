"""Frame bytes → typed Binance event: the event name is peeked, then one cached `JsonDecoder` validates.

Routing reads the `"e":"<name>"` field with one `bytes.find` and a slice (Binance sends compact JSON);
the regex only runs for frames without it (acks, spaced-out JSON).
"""

from __future__ import annotations

import re
from typing import Any, Final

from venuekit.core.codec import JsonDecoder, decoder_for, dumps, loads

from .models import (
    MarketEvent,
    UserEvent,
    WsAccountConfigUpdate,
    WsAccountUpdate,
    WsAggTrade,
    WsBookTicker,
    WsDepthUpdate,
    WsListenKeyExpired,
    WsMarginCall,
    WsMarkPrice,
    WsOrderTradeUpdate,
    WsTradeLite,
)

_EVENT = re.compile(rb'"e"\s*:\s*"([A-Za-z_]+)"')
_COMBINED = re.compile(rb'^\s*\{\s*"stream"\s*:')

_MODELS: Final[dict[str, type[Any]]] = {
    "ORDER_TRADE_UPDATE": WsOrderTradeUpdate,
    "ACCOUNT_UPDATE": WsAccountUpdate,
    "ACCOUNT_CONFIG_UPDATE": WsAccountConfigUpdate,
    "TRADE_LITE": WsTradeLite,
    "listenKeyExpired": WsListenKeyExpired,
    "MARGIN_CALL": WsMarginCall,
    "markPriceUpdate": WsMarkPrice,
    "bookTicker": WsBookTicker,
    "aggTrade": WsAggTrade,
    "depthUpdate": WsDepthUpdate,
}
_DECODERS: Final[dict[str, JsonDecoder[Any]]] = {name: decoder_for(model) for name, model in _MODELS.items()}
_BY_NAME: Final[dict[bytes, JsonDecoder[Any]]] = {name.encode(): decoder for name, decoder in _DECODERS.items()}
_EVENT_KEY: Final = b'"e":"'
_COMBINED_PREFIX: Final = b'{"stream":'

ACCOUNT_EVENTS: Final = ("ORDER_TRADE_UPDATE", "ACCOUNT_UPDATE", "ACCOUNT_CONFIG_UPDATE", "TRADE_LITE",
                         "listenKeyExpired", "MARGIN_CALL")
"""The events a user-data connection receives (the models `warm` builds for it)."""


def warm(names: tuple[str, ...]) -> None:
    """Build the validators of these events now (models are `defer_build`: the first parse of each would
    otherwise take milliseconds). Called when a stream opens, not at import; idempotent."""
    for name in names:
        _DECODERS[name].build()

BinanceEvent = UserEvent | MarketEvent


class UnknownEvent:
    """An event name this package does not model (STRATEGY_UPDATE, GRID_UPDATE…): kept, not converted."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.data = data


def _unwrap(data: bytes) -> bytes:
    """Combined-stream frames carry the raw payload under `data`."""
    if data.startswith(_COMBINED_PREFIX) or (data[:1] != b"{" and _COMBINED.match(data)):
        wrapped = loads(data)
        if isinstance(wrapped, dict) and "data" in wrapped:
            return dumps(wrapped["data"])
    return data


def parse(frame: str | bytes) -> BinanceEvent | UnknownEvent | None:
    """The typed event in `frame`; None for control frames (`{"result": null, "id": 1}` acks, errors)."""
    data = frame.encode() if isinstance(frame, str) else frame
    if not data.startswith(b'{"e":'):
        data = _unwrap(data)
    start = data.find(_EVENT_KEY)
    if start >= 0:
        start += len(_EVENT_KEY)
        raw = data[start:data.find(b'"', start)]
    else:
        found = _EVENT.search(data)
        if found is None:
            return None
        raw = found.group(1)
    known = _BY_NAME.get(raw)
    if known is None:
        return UnknownEvent(raw.decode(errors="replace"), data)
    event: BinanceEvent = known(data)
    return event
