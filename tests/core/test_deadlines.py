"""`Deadlines`: one timer for the response deadlines of many in-flight calls, cancelling like `asyncio.timeout`."""

from __future__ import annotations

import asyncio

import pytest

from venuekit.core.transport.deadlines import SLACK_S, Deadlines


async def _exchange(deadlines: Deadlines, seconds: float, takes: float) -> str:
    """What a sender does: start, await the exchange, tell a timeout from any other cancellation."""
    task = asyncio.current_task()
    assert task is not None
    deadlines.start(task, seconds)
    try:
        await asyncio.sleep(takes)
    except asyncio.CancelledError:
        if deadlines.expired(task):
            return "timeout"
        raise
    finally:
        deadlines.stop(task)
    return "done"


async def test_each_call_ends_at_its_own_deadline_with_one_timer() -> None:
    deadlines = Deadlines(asyncio.get_running_loop())
    loop = asyncio.get_running_loop()
    start = loop.time()
    ended: dict[str, float] = {}

    async def run(name: str, seconds: float, takes: float) -> str:
        result = await _exchange(deadlines, seconds, takes)
        ended[name] = loop.time() - start
        return result

    results = await asyncio.gather(
        run("long", 0.30, 5.0), run("short", 0.10, 5.0), run("quick", 0.20, 0.01), run("later", 0.25, 5.0)
    )
    assert results == ["timeout", "timeout", "done", "timeout"]
    assert 0.10 <= ended["short"] < 0.10 + SLACK_S + 0.1, "an earlier deadline re-arms the timer"
    assert 0.25 <= ended["later"] < 0.25 + SLACK_S + 0.1, "after the first fire the timer waits for the next"
    assert 0.30 <= ended["long"] < 0.30 + SLACK_S + 0.1
    assert len(deadlines) == 0


async def test_a_finished_call_is_never_cancelled_later() -> None:
    deadlines = Deadlines(asyncio.get_running_loop())
    assert await _exchange(deadlines, 0.05, 0.0) == "done"
    await asyncio.sleep(0.15)  # the timer armed for the first call fires here and finds nothing to cancel
    assert await _exchange(deadlines, 1.0, 0.01) == "done"


async def test_someone_elses_cancellation_is_not_a_timeout() -> None:
    deadlines = Deadlines(asyncio.get_running_loop())
    task = asyncio.create_task(_exchange(deadlines, 5.0, 5.0))
    await asyncio.sleep(0.02)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert len(deadlines) == 0


async def test_a_cancellation_at_the_deadline_still_propagates() -> None:
    """Cancelled from outside just as the deadline fires: the caller's cancellation wins (as `asyncio.timeout`)."""
    loop = asyncio.get_running_loop()
    deadlines = Deadlines(loop)
    task = asyncio.create_task(_exchange(deadlines, 0.05, 5.0))
    await asyncio.sleep(0)
    loop.call_at(loop.time() + 0.05 + SLACK_S, task.cancel)
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_an_outer_timeout_around_the_call_keeps_its_meaning() -> None:
    deadlines = Deadlines(asyncio.get_running_loop())
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.05):
            await _exchange(deadlines, 5.0, 5.0)
    assert await asyncio.wait_for(_exchange(deadlines, 0.05, 5.0), 5.0) == "timeout"
