"""Frame bytes → typed Binance event: the event name is peeked, then one cached TypeAdapter validates."""

from __future__ import annotations

import re
from typing import Any, Final

from pydantic import TypeAdapter

from venuekit.core.codec import decode as exact_decode
from venuekit.core.codec import dumps, loads

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
_ADAPTERS: Final[dict[str, TypeAdapter[Any]]] = {name: TypeAdapter(model) for name, model in _MODELS.items()}

BinanceEvent = UserEvent | MarketEvent


class UnknownEvent:
    """An event name this package does not model (STRATEGY_UPDATE, GRID_UPDATE…): kept, not converted."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.data = data


def _unwrap(data: bytes) -> bytes:
    """Combined-stream frames carry the raw payload under `data`."""
    if _COMBINED.match(data):
        wrapped = loads(data)
        if isinstance(wrapped, dict) and "data" in wrapped:
            return dumps(wrapped["data"])
    return data


def parse(frame: str | bytes) -> BinanceEvent | UnknownEvent | None:
    """The typed event in `frame`; None for control frames (`{"result": null, "id": 1}` acks, errors)."""
    data = _unwrap(frame.encode() if isinstance(frame, str) else frame)
    found = _EVENT.search(data)
    if found is None:
        return None
    name = found.group(1).decode()
    adapter = _ADAPTERS.get(name)
    if adapter is None:
        return UnknownEvent(name, data)
    event: BinanceEvent = exact_decode(adapter, data)
    return event
