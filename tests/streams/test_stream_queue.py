"""Queue policies: BLOCK never drops (back-pressure), DROP_OLDEST and CONFLATE stay bounded and count."""

from __future__ import annotations

import anyio
import pytest

from venuekit.core.streams import EventQueue, Overflow, QueueClosed


async def test_block_waits_for_room_and_loses_nothing() -> None:
    queue: EventQueue[int] = EventQueue(2, Overflow.BLOCK)
    got: list[int] = []

    async def produce() -> None:
        for i in range(10):
            await queue.put(i)
        queue.close()

    async with anyio.create_task_group() as tg:
        tg.start_soon(produce)
        await anyio.sleep(0.01)
        assert len(queue) == 2
        with pytest.raises(QueueClosed):
            while True:
                got.append(await queue.get())
    assert got == list(range(10))
    assert queue.dropped == 0
    assert queue.high_water == 2


async def test_drop_oldest_is_bounded_and_counted() -> None:
    queue: EventQueue[int] = EventQueue(3, Overflow.DROP_OLDEST)
    for i in range(100):
        await queue.put(i)
    assert len(queue) == 3
    assert queue.dropped == 97
    assert [await queue.get() for _ in range(3)] == [97, 98, 99]


async def test_conflate_keeps_latest_per_key() -> None:
    queue: EventQueue[tuple[str, int]] = EventQueue(10, Overflow.CONFLATE, key=lambda item: item[0])
    for i in range(50):
        await queue.put(("btc", i))
        await queue.put(("eth", i))
    assert len(queue) == 2
    assert queue.conflated == 98
    assert [await queue.get(), await queue.get()] == [("btc", 49), ("eth", 49)]


async def test_close_releases_a_blocked_producer() -> None:
    queue: EventQueue[int] = EventQueue(1, Overflow.BLOCK)
    await queue.put(1)
    with anyio.fail_after(1):
        async with anyio.create_task_group() as tg:
            tg.start_soon(queue.put, 2)
            await anyio.sleep(0.01)
            queue.close()
    assert await queue.get() == 1
    with pytest.raises(QueueClosed):
        await queue.get()
