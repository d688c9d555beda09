"""Fixtures: helpers for the documents' payloads; a BingX simulator (wall clock, fast server pings) with a
funded trader, and the unified client on it with fast stream timings (in-process WebSockets)."""

from __future__ import annotations

import gzip
import re
from collections.abc import AsyncIterator
from decimal import Decimal

import anyio
import pytest

from venuekit.connectors.bingx import BingX
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.streams import Backoff, Stream, StreamPolicy, StreamStatus
from venuekit.core.symbols import SymbolMap
from venuekit.core.types import Instrument, InstrumentKind

KEY, SECRET = "bx-stream-key-0001", "bx-stream-secret-0001"
SYMBOL = "BTC/USDT:USDT"
ENGINE = "BTC-USDT"


def strip(doc: bytes) -> bytes:
    """Remove the documents' `// ...` comments (no payload string contains `//`)."""
    return re.sub(rb"//[^\n]*", b"", doc)


def gz(doc: bytes) -> bytes:
    return gzip.compress(strip(doc))


def _inst(base: str, tick: str) -> Instrument:
    return Instrument(symbol=f"{base}/USDT:USDT", venue_symbol=f"{base}-USDT", venue="bingx", base=base,
                      quote="USDT", settle="USDT", kind=InstrumentKind.SWAP, tick_size=Decimal(tick),
                      lot_step=Decimal("0.001"))


SYMBOLS = SymbolMap("bingx", [_inst("LINK", "0.0001"), _inst("LTC", "0.01"), _inst("BTC", "0.1"),
                              _inst("ETH", "0.01")])


def fast_policy() -> StreamPolicy:
    return StreamPolicy(ping_interval=0.05, stall_timeout=0.3, connect_timeout=2,
                        backoff=Backoff(initial=0.01, maximum=0.05))


@pytest.fixture
def sim() -> BingXSimulator:
    simulator = BingXSimulator(seed=5)
    simulator.hub.ping_interval = 0.05
    simulator.add_account(KEY, SECRET, {"USDT": Decimal(100_000)})
    return simulator


@pytest.fixture
async def venue(sim: BingXSimulator) -> AsyncIterator[BingX]:
    client = BingX.from_simulator(sim, KEY, SECRET)
    client.streams.policy_factory = fast_policy
    await client.load_instruments()
    async with client:
        yield client


def account_of(sim: BingXSimulator) -> str:
    return sim.state.keys[KEY].account_id


async def take(stream: Stream[object], n: int, timeout: float = 3.0) -> list[object]:
    out: list[object] = []
    with anyio.fail_after(timeout):
        async for event in stream:
            out.append(event)
            if len(out) == n:
                break
    return out


async def drain(stream: Stream[object], quiet: float = 0.15) -> list[object]:
    """Everything that arrives until the stream has been quiet for `quiet` seconds."""
    out: list[object] = []
    while True:
        with anyio.move_on_after(quiet) as scope:
            out.append(await stream.__anext__())
        if scope.cancelled_caught:
            return out


def statuses(events: list[object]) -> list[str]:
    return [e.state.value for e in events if isinstance(e, StreamStatus)]
