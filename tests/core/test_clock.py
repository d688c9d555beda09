import anyio

from venuekit.core import ServerClock
from venuekit.core.clock import local_ms


async def test_offset_measured_from_server_time() -> None:
    async def server() -> int:
        return local_ms() + 60_000

    clock = ServerClock(server)
    assert not clock.synced
    await clock.ensure_synced()
    assert 59_000 <= clock.offset_ms <= 61_000
    assert abs(clock.now_ms() - (local_ms() + 60_000)) < 1_000


async def test_concurrent_resyncs_share_one_measurement() -> None:
    calls = 0

    async def server() -> int:
        nonlocal calls
        calls += 1
        await anyio.sleep(0.01)
        return local_ms()

    clock = ServerClock(server)
    async with anyio.create_task_group() as tg:
        for _ in range(5):
            tg.start_soon(clock.resync)
    assert calls == 1
