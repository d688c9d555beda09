"""A served simulator keeps idle connections open longer than clients pool them, so no reuse races a close."""

from __future__ import annotations

from venuekit.core.simulator.server import _server
from venuekit.core.transport.sender import KEEPALIVE_S


async def _app(scope: object, receive: object, send: object) -> None:
    raise AssertionError("not called")


def test_server_idle_timeout_outlasts_the_client_pool_keep_alive() -> None:
    config = _server(_app, "warning").config
    assert config.timeout_keep_alive > KEEPALIVE_S
