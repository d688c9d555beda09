"""CrossEx `StreamPlugin`s: the private connection (signed login, then every private channel) and the public
market channels of one symbol (mark + funding, ticker, trades, incremental book)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Final

import anyio

from venuekit.core.credentials import Credentials
from venuekit.core.errors import AuthenticationError, BadResponse
from venuekit.core.streams import AccountUpdate, BookDelta, Decoded, MarketUpdate, WsConnection

from ..config import VENUE
from . import convert
from .convert import Unified
from .decode import parse, warm
from .login import login_request, request, ws_error
from .models import (
    SUCCESS,
    FundingRate,
    WsAck,
    WsAssetPush,
    WsBookUpdatePush,
    WsError,
    WsFundingRatePush,
    WsLogin,
    WsMarginPositionPush,
    WsMarkPricePush,
    WsOrderPush,
    WsPositionPush,
    WsTickerPush,
    WsTradePublic,
    WsTradePush,
)
from .urls import StreamUrls

Ready = Callable[[], Awaitable[None]]
NowMs = Callable[[], int]
Control = WsLogin | WsAck | WsError

PRIVATE_CHANNELS: Final = ("order", "usertrades", "position", "margin_position", "asset")
ALL: Final = "!all"
"""Private channels accept `!all` (streams.md §C2); `asset` takes a coin list or `!all` too."""
REPLY_TIMEOUT_S: Final = 10.0


class UserDataPlugin:
    """`/ws/crossex`: log in (a new `conn_id` per connection, so after every reconnect), subscribe every private
    channel and wait for each ack, so the reconciliation that follows cannot miss a change made meanwhile.
    Pushes read before the last ack happened before that reconciliation reads REST, which covers them."""

    venue = VENUE
    name = f"{VENUE}:account"
    keepalive_interval: float | None = None

    def __init__(self, credentials: Credentials | None, urls: StreamUrls, to_unified: Unified, ready: Ready,
                 now_ms: NowMs, channels: Sequence[str] = PRIVATE_CHANNELS) -> None:
        self.credentials = credentials
        self.urls = urls
        self.to_unified = to_unified
        self.ready = ready
        self.now_ms = now_ms
        self.channels = tuple(channels)
        self.logins = 0
        self.conn_id = ""
        self.superseded = 0

    async def url(self) -> str:
        warm(self.channels)
        await self.ready()
        return self.urls.private

    async def on_open(self, conn: WsConnection) -> None:
        if self.credentials is None:
            raise AuthenticationError("watch_account needs API credentials", venue=VENUE)
        time_s = self.now_ms() // 1000
        with anyio.fail_after(REPLY_TIMEOUT_S):
            await conn.send_text(login_request(self.credentials, time_s))
            reply = await self._control(conn)
            if isinstance(reply, WsError):
                raise ws_error(reply.code, reply.message, "login")
            if not isinstance(reply, WsLogin) or (reply.result and reply.result.code != SUCCESS):
                raise BadResponse(f"unexpected answer to login: {reply!r}", venue=VENUE)
            self.logins += 1
            self.conn_id = reply.payload.conn_id
            for channel in self.channels:
                await conn.send_text(request(channel, "subscribe", [ALL], time_s))
            pending = set(self.channels)
            while pending:
                reply = await self._control(conn)
                if isinstance(reply, WsError):
                    raise ws_error(reply.code, reply.message, f"subscribe to {reply.channel or 'a channel'}")
                if isinstance(reply, WsAck) and reply.event == "subscribe":
                    pending.discard(reply.channel)

    async def _control(self, conn: WsConnection) -> Control:
        while True:
            frame = parse(await conn.receive())
            if isinstance(frame, WsLogin | WsAck | WsError):
                return frame
            if frame is not None:
                self.superseded += 1

    def decode(self, frame: str | bytes) -> Decoded[AccountUpdate]:
        event = parse(frame)
        if isinstance(event, WsOrderPush):
            return Decoded(convert.order_events(event, self.to_unified))
        if isinstance(event, WsTradePush):
            return Decoded(convert.fill_events(event, self.to_unified))
        if isinstance(event, WsPositionPush | WsMarginPositionPush):
            return Decoded(convert.position_events(event, self.to_unified))
        if isinstance(event, WsAssetPush):
            return Decoded(convert.balance_events(event))
        if isinstance(event, WsError):
            return Decoded(reconnect=f"venue error {event.text}")
        return Decoded()

    def heartbeat(self) -> str | bytes | None:
        """CrossEx wants a protocol-level ping at least every 30 s (the session's interval is shorter)."""
        return None

    def heartbeat_reply(self, frame: str | bytes) -> str | bytes | None:
        """CrossEx sends no app-level ping (the client pings)."""
        return None

    async def keepalive(self) -> str | None:
        return None


class MarketPlugin:
    """`/ws/crossex/public`, one symbol: subscribe `channels` (no login); acks decode to nothing, a refused
    subscription reconnects. The connection is for one symbol, so updates carry the symbol asked for (the doc's
    trade example names the pair `BTCUSDT`, not in CrossEx form)."""

    venue = VENUE
    keepalive_interval: float | None = None

    def __init__(self, channels: Sequence[str], symbol: str, venue_symbol: str, urls: StreamUrls,
                 ready: Ready, now_ms: NowMs) -> None:
        self.channels = tuple(channels)
        self.symbol = symbol
        self.venue_symbol = venue_symbol
        self.name = f"{VENUE}:{'+'.join(self.channels)}:{venue_symbol}"
        self.urls = urls
        self.ready = ready
        self.now_ms = now_ms
        self.funding: FundingRate | None = None
        self.mark: WsMarkPricePush | None = None

    async def url(self) -> str:
        warm(self.channels)
        await self.ready()
        return self.urls.public

    async def on_open(self, conn: WsConnection) -> None:
        time_s = self.now_ms() // 1000
        for channel in self.channels:
            await conn.send_text(request(channel, "subscribe", [self.venue_symbol], time_s))

    def _refused(self, event: WsError) -> Decoded[MarketUpdate]:
        return Decoded(reconnect=f"{event.channel or 'request'} refused: {event.text}")

    def decode(self, frame: str | bytes) -> Decoded[MarketUpdate]:
        event = parse(frame)
        if isinstance(event, WsFundingRatePush):
            self.funding = event.result
            if self.mark is None:
                return Decoded()
            return Decoded((convert.mark_price(self.mark, self.funding, self.symbol),))
        if isinstance(event, WsMarkPricePush):
            self.mark = event
            return Decoded((convert.mark_price(event, self.funding, self.symbol),))
        if isinstance(event, WsTickerPush):
            ticker = convert.book_ticker(event, self.symbol)
            return Decoded((ticker,) if ticker else ())
        if isinstance(event, WsTradePublic):
            return Decoded((convert.trade(event, self.symbol),))
        if isinstance(event, WsError):
            return self._refused(event)
        return Decoded()

    def heartbeat(self) -> str | bytes | None:
        return None

    def heartbeat_reply(self, frame: str | bytes) -> str | bytes | None:
        """CrossEx sends no app-level ping (the client pings)."""
        return None

    async def keepalive(self) -> str | None:
        return None


class BookPlugin(MarketPlugin):
    """`order_book_update` as `BookDelta`s (`snapshot: true` resets); sequencing is core's, `CROSSEX_RULES`."""

    def decode(self, frame: str | bytes) -> Decoded[BookDelta]:  # type: ignore[override]
        event = parse(frame)
        if isinstance(event, WsBookUpdatePush):
            return Decoded((convert.book_delta(event, self.venue_symbol),))
        if isinstance(event, WsError):
            return Decoded(reconnect=f"{event.channel or 'request'} refused: {event.text}")
        return Decoded()
