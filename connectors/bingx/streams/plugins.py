"""BingX `StreamPlugin`s: user data (`?listenKey=`), one market topic per connection, incremental depth.

Every connection answers the server's `Ping` with `Pong` (`Decoded.reply`); market connections send
`{"id", "reqType": "sub", "dataType"}` in `on_open` (after every reconnect).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Final

import orjson

from venuekit.core.errors import VenueError
from venuekit.core.streams import AccountUpdate, BookDelta, Decoded, MarketUpdate, WsConnection
from venuekit.core.symbols import SymbolMap

from ..config import VENUE
from ..endpoints.user_stream import UserStreamApi
from . import convert
from .decode import Ping, parse, ping_reply, warm_market, warm_user
from .fills import FillTracker
from .models import (
    BookTickerFrame,
    IncrDepthFrame,
    MarkPriceFrame,
    TradeFrame,
    WsAccountUpdate,
    WsListenKeyExpired,
    WsOrderTradeUpdate,
    WsReply,
)
from .urls import StreamUrls

Ready = Callable[[], Awaitable[None]]
Hedge = Callable[[], bool]
KEEPALIVE_S: Final = 30 * 60.0
"""Extend the 60-minute listen key every 30 minutes, as BingX recommends (streams.md §A2)."""
EXPIRED_CODES: Final = frozenset({"100401"})
UPDATES_BEFORE_SNAPSHOT_MAX: Final = 50
"""Depth updates tolerated before the subscription's `all` snapshot arrives; then reconnect."""


def _refused(reply: WsReply) -> str | None:
    if reply.ok:
        return None
    return f"subscription refused: code {reply.code} {reply.msg}".rstrip()


class UserDataPlugin:
    """`/swap-market?listenKey=<key>`: events arrive without a subscribe message; the key is created in
    `url()`, extended by `keepalive()`, and re-created after `listenKeyExpired` or a refused extension.

    ACCOUNT_CONFIG_UPDATE (leverage, margin mode) has no shared update type and is not forwarded.
    """

    venue = VENUE
    name = f"{VENUE}:account"

    def __init__(self, api: UserStreamApi, urls: StreamUrls, symbols: SymbolMap, ready: Ready, hedge: Hedge,
                 tracker: FillTracker, keepalive_interval: float = KEEPALIVE_S) -> None:
        self.api = api
        self.urls = urls
        self.symbols = symbols
        self.ready = ready
        self.hedge = hedge
        self.tracker = tracker
        self.keepalive_interval: float | None = keepalive_interval
        self.listen_key: str | None = None
        self.keys_created = 0

    async def url(self) -> str:
        warm_user()
        await self.ready()
        if self.listen_key is None:
            self.listen_key = (await self.api.create_listen_key()).listen_key
            self.keys_created += 1
        return self.urls.user(self.listen_key)

    async def on_open(self, conn: WsConnection) -> None:
        return None

    def decode(self, frame: str | bytes) -> Decoded[AccountUpdate]:
        message = parse(frame)
        if isinstance(message, Ping):
            return Decoded(reply=message.reply)
        if isinstance(message, WsOrderTradeUpdate):
            return Decoded(convert.order_events(message, self.symbols, self.tracker))
        if isinstance(message, WsAccountUpdate):
            return Decoded(convert.account_events(message, self.symbols, hedge=self.hedge()))
        if isinstance(message, WsListenKeyExpired):
            self.listen_key = None
            return Decoded(reconnect="listen key expired")
        if isinstance(message, WsReply) and str(message.code) in EXPIRED_CODES:
            self.listen_key = None
            return Decoded(reconnect=f"listen key rejected: {message.msg}")
        return Decoded()

    def heartbeat(self) -> str | bytes | None:
        return None

    def heartbeat_reply(self, frame: str | bytes) -> str | bytes | None:
        """`Pong` for the server's `Ping`, answered even while reconciliation holds frames back."""
        return ping_reply(frame)

    async def keepalive(self) -> str | None:
        if self.listen_key is None:
            return None
        try:
            await self.api.extend_listen_key(listen_key=self.listen_key)
        except VenueError as exc:
            if exc.status == 404 or exc.code in EXPIRED_CODES:
                self.listen_key = None
                return "listen key no longer exists"
            raise
        return None


class MarketPlugin:
    """One market topic (`<SYMBOL>@markPrice`, `@bookTicker`, `@trade`) subscribed on its own connection."""

    venue = VENUE
    keepalive_interval: float | None = None

    def __init__(self, data_type: str, urls: StreamUrls, symbols: SymbolMap, ready: Ready) -> None:
        self.data_type = data_type
        self.name = f"{VENUE}:{data_type}"
        self.urls = urls
        self.symbols = symbols
        self.ready = ready

    async def url(self) -> str:
        warm_market(self.data_type)
        await self.ready()
        return self.urls.market()

    async def on_open(self, conn: WsConnection) -> None:
        request = {"id": uuid.uuid4().hex, "reqType": "sub", "dataType": self.data_type}
        await conn.send_text(orjson.dumps(request).decode())

    def decode(self, frame: str | bytes) -> Decoded[MarketUpdate]:
        message = parse(frame)
        if isinstance(message, Ping):
            return Decoded(reply=message.reply)
        if isinstance(message, MarkPriceFrame):
            return Decoded((convert.mark_price(message.data, self.symbols),))
        if isinstance(message, BookTickerFrame):
            return Decoded((convert.book_ticker(message.data, self.symbols),))
        if isinstance(message, TradeFrame):
            return Decoded(tuple(convert.trade(t, self.symbols) for t in message.data))
        if isinstance(message, WsReply):
            return Decoded(reconnect=_refused(message))
        return Decoded()

    def heartbeat(self) -> str | bytes | None:
        return None

    def heartbeat_reply(self, frame: str | bytes) -> str | bytes | None:
        """`Pong` for the server's `Ping`, answered even while reconciliation holds frames back."""
        return ping_reply(frame)

    async def keepalive(self) -> str | None:
        return None


class DepthPlugin(MarketPlugin):
    """`<SYMBOL>@incrDepth` as `BookDelta`s (the `all` push is a snapshot); sequencing is core's, with
    `BINGX_RULES`. Without a snapshot after `UPDATES_BEFORE_SNAPSHOT_MAX` updates, reconnect."""

    def __init__(self, data_type: str, venue_symbol: str, urls: StreamUrls, symbols: SymbolMap,
                 ready: Ready) -> None:
        super().__init__(data_type, urls, symbols, ready)
        self.venue_symbol = venue_symbol
        self._unsynced_updates = 0
        self._snapshot_seen = False

    async def on_open(self, conn: WsConnection) -> None:
        self._unsynced_updates, self._snapshot_seen = 0, False
        await super().on_open(conn)

    def decode(self, frame: str | bytes) -> Decoded[BookDelta]:  # type: ignore[override]
        message = parse(frame)
        if isinstance(message, Ping):
            return Decoded(reply=message.reply)
        if isinstance(message, IncrDepthFrame):
            delta = convert.depth_delta(self.venue_symbol, message.data)
            if delta.snapshot:
                self._snapshot_seen = True
            elif not self._snapshot_seen:
                self._unsynced_updates += 1
                if self._unsynced_updates > UPDATES_BEFORE_SNAPSHOT_MAX:
                    return Decoded(reconnect="no depth snapshot after subscribing")
            return Decoded((delta,))
        if isinstance(message, WsReply):
            return Decoded(reconnect=_refused(message))
        return Decoded()
