"""The supervised session against an in-process toy venue: resubscribe, back-off, stalls, close."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

import anyio

from venuekit.core.streams import PassThrough, Stream, StreamState, StreamStatus

from .conftest import Toy


async def take(stream: Stream[int], n: int, timeout: float = 2.0) -> list[int | StreamStatus]:
    out: list[int | StreamStatus] = []
    with anyio.fail_after(timeout):
        async for event in stream:
            out.append(event)
            if len(out) == n:
                break
    return out


async def until(predicate: Callable[[], object], timeout: float = 2.0) -> None:
    with anyio.fail_after(timeout):
        while not predicate():
            await anyio.sleep(0.005)


def states(events: list[int | StreamStatus]) -> list[object]:
    return [e.state if isinstance(e, StreamStatus) else e for e in events]


async def test_drop_reconnects_and_resubscribes(toy: Toy) -> None:
    server, plugin = toy.server, toy.plugin
    stream, _ = toy.open()
    async with stream:
        assert states(await take(stream, 1)) == [StreamState.CONNECTED]
        server.push("1")
        assert states(await take(stream, 1)) == [1]
        server.faults.drop("num")
        server.push("2")
        events = await take(stream, 2)
        assert states(events) == [StreamState.RECONNECTING, StreamState.CONNECTED]
        reason = events[0].detail if isinstance(events[0], StreamStatus) else ""
        assert "ConnectionDropped: injected drop at num" in reason and "TaskGroup" not in reason
        await until(lambda: server.outboxes)
        server.push("3")
        assert states(await take(stream, 1)) == [3]
    assert plugin.opens == 2
    assert server.received.count("sub:numbers") == 2
    assert stream.stats["reconnects"] == 1


async def test_stall_is_detected_without_a_close(toy: Toy) -> None:
    server = toy.server
    stream, _ = toy.open(stall=0.2)
    async with stream:
        await take(stream, 1)
        server.faults.stall("num")
        server.push("1")
        events = states(await take(stream, 2, timeout=3))
        assert events == [StreamState.RECONNECTING, StreamState.CONNECTED]
    assert stream.stats["stalls"] == 1
    assert "stalled" in stream.stats["last_reason"]


async def test_refused_login_backs_off_and_retries(toy: Toy) -> None:
    server = toy.server
    server.refuse = 2
    stream, _ = toy.open()
    async with stream:
        events = await take(stream, 3)
    assert states(events) == [StreamState.RECONNECTING, StreamState.RECONNECTING, StreamState.CONNECTED]
    assert isinstance(events[0], StreamStatus) and "connect failed" in events[0].detail
    assert server.accepted == 1


async def test_text_reply_and_plugin_requested_reconnect(toy: Toy) -> None:
    server, plugin = toy.server, toy.plugin
    plugin.keepalive_interval = 0.05
    stream, _ = toy.open()
    async with stream:
        await take(stream, 1)
        server.push("ping")
        await until(lambda: "pong" in server.received)
        server.push("bye")
        events = await take(stream, 2)
        assert states(events) == [StreamState.RECONNECTING, StreamState.CONNECTED]
        assert isinstance(events[0], StreamStatus) and events[0].detail == "server said bye"
        plugin.renew_on_keepalive = True
        events = await take(stream, 2)
        assert isinstance(events[0], StreamStatus) and events[0].detail == "key renewed"
    assert plugin.keepalive_calls >= 1


async def test_close_leaves_nothing_running(toy: Toy) -> None:
    toy.plugin.keepalive_interval = 0.05
    before = asyncio.all_tasks()
    stream, connector = toy.open()
    async with stream:
        await take(stream, 1)
        assert stream.running and connector.open_connections()
    assert not stream.running
    assert connector.open_connections() == []
    assert asyncio.all_tasks() - before == set()
    assert [e async for e in stream] == []


class SlowReconcile(PassThrough[int]):
    """A stage whose reconciliation takes until `release` is set, then yields one reconciled event (100)."""

    def __init__(self) -> None:
        self.release = anyio.Event()

    async def on_connect(self, attempt: int) -> Sequence[int | StreamStatus]:
        await self.release.wait()
        return (100,)


async def test_heartbeats_are_answered_while_reconciling_and_frames_keep_their_order(toy: Toy) -> None:
    server = toy.server
    stage = SlowReconcile()
    stream, _ = toy.open(stage=stage)
    await stream.start(wait=False)
    try:
        await until(lambda: server.outboxes)
        for frame in ("1", "ping", "2"):
            server.push(frame)
        await until(lambda: "pong" in server.received)  # answered before reconciliation ends
        assert not stream.session.ready.is_set()
        stage.release.set()
        assert states(await take(stream, 4)) == [StreamState.CONNECTED, 100, 1, 2]
        server.push("3")
        assert states(await take(stream, 1)) == [3]
    finally:
        await stream.aclose()
    assert server.received.count("pong") == 1
    assert stream.stats["held"] == 3 and stream.stats["frames"] == 4
