"""The per-frame read path: a reconnect forced while the reader waits on a full BLOCK queue loses nothing."""

from __future__ import annotations

from collections.abc import Sequence

import anyio

from venuekit.core.streams import StreamStatus

from .conftest import Toy


class Accepting:
    """A stage that, like the account deduper, remembers what it let through: each one must reach the queue."""

    def __init__(self) -> None:
        self.accepted: list[int] = []

    async def on_connect(self, attempt: int) -> Sequence[int | StreamStatus]:
        return ()

    async def process(self, event: int) -> Sequence[int | StreamStatus]:
        self.accepted.append(event)
        return (event,)


async def test_keepalive_reconnect_while_blocked_on_a_full_queue_loses_no_accepted_event(toy: Toy) -> None:
    stage = Accepting()
    toy.plugin.keepalive_interval = 0.02
    stream, _ = toy.open(stage=stage)
    async with stream:
        with anyio.fail_after(2):
            assert isinstance(await stream.__anext__(), StreamStatus)
            for n in range(150):
                toy.server.push(str(n))
            while len(stage.accepted) < 101:
                await anyio.sleep(0.005)
            assert len(stream.queue) == 100
            toy.plugin.renew_on_keepalive = True
            await anyio.sleep(0.1)
            numbers: list[int] = []
            detail = ""
            async for event in stream:
                if isinstance(event, StreamStatus):
                    detail = detail or event.detail
                    if event.detail == "key renewed":
                        break
                else:
                    numbers.append(event)
    assert detail == "key renewed"
    assert numbers == stage.accepted[: len(numbers)] and set(stage.accepted) <= set(numbers)
