"""Fixtures: a CrossEx simulator (wall clock) with a funded trader, and the unified client on it with fast
stream timings (in-process WebSockets through the simulator's ASGI connector)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import anyio
import pytest

from venuekit.connectors.gate_crossex import GateCrossEx
from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator
from venuekit.core.streams import Backoff, Stream, StreamPolicy, StreamStatus

KEY, SECRET = "gate-stream-key-01", "gate-stream-secret-01"
SYMBOL = "BTC/USDT:USDT@BINANCE"
ENGINE = "BINANCE_FUTURE_BTC_USDT"


def fast_policy() -> StreamPolicy:
    return StreamPolicy(ping_interval=0.05, stall_timeout=0.3, connect_timeout=2,
                        backoff=Backoff(initial=0.01, maximum=0.05))


@pytest.fixture
def sim() -> GateCrossExSimulator:
    simulator = GateCrossExSimulator(seed=5)
    simulator.add_account(KEY, SECRET)
    return simulator


@pytest.fixture
def account_id(sim: GateCrossExSimulator) -> str:
    found = sim.auth.account_for_key(KEY)
    assert found is not None
    return found


@pytest.fixture
async def venue(sim: GateCrossExSimulator) -> AsyncIterator[GateCrossEx]:
    client = GateCrossEx.from_simulator(sim, KEY, SECRET)
    client.streams.policy_factory = fast_policy
    await client.load_instruments()
    async with client:
        yield client


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
