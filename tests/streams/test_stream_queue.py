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



async def _hand_offs() -> tuple[list[int], int]:
    """A waiting consumer is woken per item, a BLOCK producer waits for room, a cancelled wait loses nothing."""
    queue: EventQueue[int] = EventQueue(maxsize=2, overflow=Overflow.BLOCK)
    got: list[int] = []

    async def consume(n: int) -> None:
        for _ in range(n):
            got.append(await queue.get())

    with anyio.move_on_after(0.05):
        await queue.get()
    async with anyio.create_task_group() as tg:
        tg.start_soon(consume, 6)
        for i in range(6):
            await queue.put(i)
    return got, len(queue)


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_hand_off_on_both_backends(backend: str) -> None:
    got, left = anyio.run(_hand_offs, backend=backend)
    assert got == [0, 1, 2, 3, 4, 5]
    assert left == 0


async def test_cancelling_one_waiting_reader_does_not_cancel_another() -> None:
    """Two readers (misuse) share one wake-up; cancelling one must not end the other's wait."""
    queue: EventQueue[str] = EventQueue(maxsize=4)
    queue.put_nowait("first")
    assert await queue.get() == "first"
    results: list[str] = []

    async def reader() -> None:
        results.append(await queue.get())

    async with anyio.create_task_group() as tg:
        tg.start_soon(reader)
        await anyio.sleep(0.01)
        async with anyio.create_task_group() as inner:
            inner.start_soon(reader)
            await anyio.sleep(0.01)
            inner.cancel_scope.cancel()
        queue.put_nowait("x")
    assert results == ["x"]
