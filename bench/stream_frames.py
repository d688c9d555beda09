"""Real stream frames for the parse measurement, recorded from each venue's simulator through its own streams.

A short session per venue (the account's market orders both ways, placed in the engine; mark price moves;
book reseeds) runs with `watch_account()` and the four market streams open; a recording connector keeps
every frame each connection received, and the stream's own plugin decodes them again under the timer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from venuekit.connectors.registry import VENUES
from venuekit.core import OrderType, PositionMode, Side
from venuekit.core.streams import WsConnection, WsConnector

SYMBOL = "BTC/USDT:USDT"
OPTIONS: dict[str, dict[str, Any]] = {"gate-crossex": {"default_exchange": "BINANCE"}}


@dataclass
class Recorded:
    """The frames one stream received that decoded to at least one shared update, and its plugin."""

    venue: str
    stream: str
    plugin: Any
    frames: list[str | bytes] = field(default_factory=list)
    updates: int = 0


class _Recording:
    """A `WsConnection` that keeps a copy of every data frame it returns."""

    def __init__(self, inner: WsConnection, frames: list[str | bytes]) -> None:
        self.inner = inner
        self.frames = frames

    @property
    def last_received(self) -> float:
        return self.inner.last_received

    async def send_text(self, data: str) -> None:
        await self.inner.send_text(data)

    async def send_bytes(self, data: bytes) -> None:
        await self.inner.send_bytes(data)

    async def receive(self) -> str | bytes:
        frame = await self.inner.receive()
        self.frames.append(frame)
        return frame

    async def ping(self, payload: bytes = b"") -> None:
        await self.inner.ping(payload)

    async def close(self, code: int = 1000) -> None:
        await self.inner.close(code)


class _RecordingConnector:
    def __init__(self, inner: WsConnector) -> None:
        self.inner = inner
        self.frames: list[str | bytes] = []

    async def connect(self, url: str, *, headers: Mapping[str, str] | None = None,
                      timeout: float = 10.0) -> WsConnection:
        return _Recording(await self.inner.connect(url, headers=headers, timeout=timeout), self.frames)


async def _session(name: str, rounds: int) -> list[Recorded]:
    entry = VENUES[name]
    sim: Any = entry.simulator_class()(seed=7)
    account = sim.add_account("bench-key", "bench-secret", {"USDT": Decimal("10000000")})
    sim.exchange.set_position_mode(account, PositionMode.ONE_WAY)
    venue: Any = entry.venue_class().from_simulator(sim, "bench-key", "bench-secret", **OPTIONS.get(name, {}))
    async with venue:
        await venue.load_instruments()
        inst = venue.instrument(SYMBOL)
        opened = {"account": venue.watch_account, "trades": lambda: venue.watch_trades(SYMBOL),
                  "book ticker": lambda: venue.watch_book_ticker(SYMBOL),
                  "mark price": lambda: venue.watch_mark_price(SYMBOL),
                  "order book": lambda: venue.watch_order_book(SYMBOL, 20)}
        recorders, streams = {}, {}
        inner = venue.streams.connector
        for label, watch in opened.items():
            recorders[label] = venue.streams.connector = _RecordingConnector(inner)
            streams[label] = watch()
            await streams[label].start()
        drains = [asyncio.create_task(_drain(s)) for s in streams.values()]
        sim.exchange.create_account("bench-maker", {"USDT": Decimal("1000000000")})
        mid = sim.exchange.best_bid_ask(inst.venue_symbol)[0]
        for step in range(rounds):
            side = Side.BUY if step % 2 else Side.SELL
            sim.exchange.place_order(account, inst.venue_symbol, side, OrderType.MARKET, Decimal("0.01"))
            sim.exchange.place_order("bench-maker", inst.venue_symbol, side, OrderType.MARKET, inst.min_qty * 5)
            sim.exchange.set_mark_price(inst.venue_symbol, mid + inst.tick_size * (step % 9))
            sim.exchange.seed_book(inst.venue_symbol, mid + inst.tick_size * (step % 5), levels=10)
            await asyncio.sleep(0.001)
        await asyncio.sleep(0.05)
        for task in drains:
            task.cancel()
        recorded = [Recorded(name, label, streams[label].session.plugin, list(recorders[label].frames))
                    for label in opened]
        for stream in streams.values():
            await stream.aclose()
    return [_keep_data(r) for r in recorded]


async def _drain(stream: Any) -> None:
    async for _ in stream:
        pass


def _keep_data(recorded: Recorded) -> Recorded:
    """Only frames that carry data (acks, pings and logins decode to nothing and are not counted)."""
    kept = []
    for frame in recorded.frames:
        decoded = recorded.plugin.decode(frame)
        if decoded.events:
            kept.append(frame)
            recorded.updates += len(decoded.events)
    recorded.frames = kept
    return recorded


def record(rounds: int) -> dict[str, list[Recorded]]:
    """Venue name → the frames of its account stream and its market streams."""
    return {name: asyncio.run(_session(name, rounds)) for name in VENUES}
