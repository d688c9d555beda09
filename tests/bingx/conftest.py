"""Fixtures for the BingX client tests: a respx router as the transport."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import httpx
import pytest
import respx
from bingx_helpers import KEY, LIVE, SECRET

from venuekit.connectors.bingx import BingXClient
from venuekit.core.credentials import Credentials


@pytest.fixture
def router() -> respx.Router:
    r = respx.Router(base_url=LIVE, assert_all_called=False)
    r.get("/openApi/swap/v2/server/time", name="server_time").respond(
        json={"code": 0, "msg": "", "data": {"serverTime": int(time.time() * 1000)}}
    )
    return r


@pytest.fixture
async def client(router: respx.Router) -> AsyncIterator[BingXClient]:
    c = BingXClient(Credentials.of(KEY, SECRET), transport=httpx.MockTransport(router.async_handler))
    yield c
    await c.aclose()
