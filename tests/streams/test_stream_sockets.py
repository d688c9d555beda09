"""Real sockets: the default aiohttp connector against the aiohttp-hosted simulator app on 127.0.0.1."""

from __future__ import annotations

import asyncio

import anyio

from venuekit.core.simulator import running_socket_server
from venuekit.core.streams import (
    AiohttpConnector,
    EventQueue,
    Overflow,
    PassThrough,
    Stream,
    StreamSession,
    StreamState,
    StreamStatus,
)

from .conftest import Toy, fast_policy


async def collect(stream: Stream[int], n: int) -> list[object]:
    out: list[object] = []
    with anyio.fail_after(5):
        async for event in stream:
            out.append(event.state if isinstance(event, StreamStatus) else event)
            if len(out) == n:
                break
    return out


async def test_socket_stream_survives_a_drop_and_a_stall(toy: Toy) -> None:
    before = asyncio.all_tasks()
    async with running_socket_server(toy.server.app) as base:
        toy.plugin._url = base.replace("http://", "ws://") + "/feed"
        queue: EventQueue[int | StreamStatus] = EventQueue(100, Overflow.BLOCK)
        session = StreamSession(toy.plugin, PassThrough[int](), AiohttpConnector(), queue, fast_policy(0.3))
        async with Stream(session) as stream:
            assert await collect(stream, 1) == [StreamState.CONNECTED]
            toy.server.push("41")
            assert await collect(stream, 1) == [41]
            toy.server.faults.drop("num")
            toy.server.push("42")
            assert await collect(stream, 2) == [StreamState.RECONNECTING, StreamState.CONNECTED]
            toy.server.faults.stall("num")
            toy.server.push("43")
            assert await collect(stream, 2) == [StreamState.RECONNECTING, StreamState.CONNECTED]
            assert stream.stats["stalls"] == 1
            toy.server.push("44")
            assert await collect(stream, 1) == [44]
        assert toy.server.received.count("sub:numbers") == 3
    assert asyncio.all_tasks() - before == set()
