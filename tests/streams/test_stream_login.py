"""Refused logins: an `AuthenticationError`/`PermissionDenied` from `url()` (listen-key creation) or
`on_open` (login message) ends the stream with that error after `auth_attempts` tries in a row."""

from __future__ import annotations

import anyio
import pytest

from venuekit.core.errors import AuthenticationError, PermissionDenied
from venuekit.core.streams import StreamState, StreamStatus, WsConnection

from .conftest import Toy, ToyPlugin, fast_policy


class RefusingPlugin(ToyPlugin):
    """Refuses the first `refusals` logins, at `url()` (a listen key) or in `on_open` (a login message)."""

    def __init__(self, refusals: int, *, at: str, error: type[AuthenticationError] = AuthenticationError) -> None:
        super().__init__()
        self.refusals, self.at, self.error, self.attempts = refusals, at, error, 0

    def _maybe_refuse(self, where: str) -> None:
        if self.at == where:
            self.attempts += 1
            if self.attempts <= self.refusals:
                raise self.error("key refused", venue="toy", code="-2015")

    async def url(self) -> str:
        self._maybe_refuse("url")
        return await super().url()

    async def on_open(self, conn: WsConnection) -> None:
        self._maybe_refuse("on_open")
        await super().on_open(conn)


@pytest.mark.parametrize(("at", "error"), [("url", AuthenticationError), ("on_open", PermissionDenied)])
async def test_a_refused_login_ends_the_stream_with_the_error(toy: Toy, at: str,
                                                             error: type[AuthenticationError]) -> None:
    toy.plugin = RefusingPlugin(refusals=99, at=at, error=error)
    stream, _ = toy.open()
    events: list[object] = []
    with anyio.fail_after(3):
        async with stream:
            with pytest.raises(error, match="key refused"):
                async for event in stream:
                    events.append(event)
    assert [e.state for e in events if isinstance(e, StreamStatus)] == [StreamState.RECONNECTING] * 2
    assert toy.plugin.attempts == 3 and stream.stats["refused_logins"] == 3
    assert not stream.running


async def test_refusals_count_in_a_row_and_the_limit_is_a_policy(toy: Toy) -> None:
    toy.plugin = RefusingPlugin(refusals=2, at="on_open")
    stream, _ = toy.open()
    with anyio.fail_after(3):
        async with stream:
            async for event in stream:
                if isinstance(event, StreamStatus) and event.state is StreamState.CONNECTED:
                    break
    assert stream.stats["refused_logins"] == 2 and stream.stats["connects"] == 1

    toy.plugin = RefusingPlugin(refusals=1, at="url")
    policy = fast_policy()
    policy.auth_attempts = 1
    stream, _ = toy.open(policy=policy)
    with anyio.fail_after(3):
        async with stream:
            with pytest.raises(AuthenticationError):
                assert [e async for e in stream] == []
    assert toy.plugin.attempts == 1
