"""Fixtures for the core stream tests: a toy venue (one WebSocket route), its plugin, a fast policy."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from decimal import Decimal as D

import anyio
import pytest

from venuekit.core.simulator import AsgiWsConnector, SimWebSocket, StreamFaults, WsApp
from venuekit.core.streams import (
    Backoff,
    BookDelta,
    Decoded,
    EventQueue,
    OrderBookUpdate,
    Overflow,
    PassThrough,
    Stage,
    Stream,
    StreamPolicy,
    StreamSession,
    StreamStatus,
    WsConnection,
    contiguous_rules,
    order_book_stream,
)


@dataclass(eq=False)
class ToyServer:
    """Every connection gets what `push` sends; client texts are recorded in `received`."""

    faults: StreamFaults = field(default_factory=StreamFaults)
    outboxes: list[asyncio.Queue[str]] = field(default_factory=list)
    received: list[str] = field(default_factory=list)
    accepted: int = 0
    refuse: int = 0

    def __post_init__(self) -> None:
        self.app = WsApp(self.faults)
        self.app.route("/feed", self.handle)

    def push(self, text: str) -> None:
        for outbox in self.outboxes:
            outbox.put_nowait(text)

    async def handle(self, ws: SimWebSocket) -> None:
        if self.refuse:
            self.refuse -= 1
            await ws.reject(1008, "login refused")
            return
        await ws.accept()
        self.accepted += 1
        outbox: asyncio.Queue[str] = asyncio.Queue()
        self.outboxes.append(outbox)
        try:
            async with anyio.create_task_group() as tg:

                async def read() -> None:
                    while (text := await ws.receive_text()) is not None:
                        self.received.append(text)
                    tg.cancel_scope.cancel()

                tg.start_soon(read)
                while True:
                    text = await outbox.get()
                    await ws.send(text, kind="num" if text.isdigit() else text)
        finally:
            self.outboxes.remove(outbox)


class ToyPlugin:
    venue = "toy"
    name = "toy:feed"

    def __init__(self, url: str = "ws://toy/feed", keepalive_interval: float | None = None) -> None:
        self._url = url
        self.keepalive_interval = keepalive_interval
        self.opens = 0
        self.keepalive_calls = 0
        self.renew_on_keepalive = False

    async def url(self) -> str:
        return self._url

    async def on_open(self, conn: WsConnection) -> None:
        self.opens += 1
        await conn.send_text("sub:numbers")

    def decode(self, frame: str | bytes) -> Decoded[int]:
        text = frame if isinstance(frame, str) else frame.decode()
        if text == "ping":
            return Decoded(reply="pong")
        if text == "bye":
            return Decoded(reconnect="server said bye")
        return Decoded((int(text),))

    def heartbeat(self) -> str | bytes | None:
        return None

    def heartbeat_reply(self, frame: str | bytes) -> str | bytes | None:
        return "pong" if frame == "ping" else None

    async def keepalive(self) -> str | None:
        self.keepalive_calls += 1
        return "key renewed" if self.renew_on_keepalive else None


class ToyBookPlugin(ToyPlugin):
    """Depth on the toy feed: `snap <id>` is the stream's own snapshot, `d <id>` one update covering `id`."""

    name = "toy:book"

    def decode(self, frame: str | bytes) -> Decoded[BookDelta]:  # type: ignore[override]
        text = frame if isinstance(frame, str) else frame.decode()
        kind, _, ident = text.partition(" ")
        last = int(ident)
        if kind == "snap":
            return Decoded((BookDelta("X", ((D(100), D(1)),), ((D(101), D(1)),), last_id=last, snapshot=True),))
        return Decoded((BookDelta("X", ((D(99), D(last)),), (), last_id=last, first_id=last),))


def fast_policy(stall: float = 0.3) -> StreamPolicy:
    return StreamPolicy(ping_interval=0.05, stall_timeout=stall, connect_timeout=1,
                        backoff=Backoff(initial=0.01, maximum=0.05))


@dataclass
class Toy:
    """What a test gets: the server, the plugin, and `open()` → (stream, connector)."""

    server: ToyServer
    plugin: ToyPlugin

    def open(self, stall: float = 0.3, stage: Stage[int, int] | None = None,
             policy: StreamPolicy | None = None) -> tuple[Stream[int], AsgiWsConnector]:
        connector = AsgiWsConnector(self.server.app)
        queue: EventQueue[int | StreamStatus] = EventQueue(100, Overflow.BLOCK)
        session = StreamSession(self.plugin, stage or PassThrough[int](), connector, queue,
                                policy or fast_policy(stall))
        return Stream(session), connector

    def open_book(self) -> Stream[OrderBookUpdate]:
        """An order-book stream on the toy feed (no REST snapshot: a gap reconnects)."""
        return order_book_stream(ToyBookPlugin(), AsgiWsConnector(self.server.app), symbol="X/Y", venue_symbol="X",
                                 rules=contiguous_rules(), fetch_snapshot=None, depth=5, policy=fast_policy())


@pytest.fixture
def toy() -> Toy:
    return Toy(ToyServer(), ToyPlugin())
