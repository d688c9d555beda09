"""Fixtures for the Binance USDⓈ-M client tests: a mock venue and clients bound to it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from binance_usdm_helpers import BASE, KEY, SECRET, MockVenue

from venuekit.connectors.binance_usdm import BinanceUSDM, BinanceUSDMClient
from venuekit.core import Credentials
from venuekit.core.idempotency import PlacementPolicy
from venuekit.core.transport.config import RetryPolicy


@pytest.fixture
def venue() -> MockVenue:
    return MockVenue()


@pytest.fixture
async def client(venue: MockVenue) -> AsyncIterator[BinanceUSDMClient]:
    c = BinanceUSDMClient(Credentials.of(KEY, SECRET), base_url=BASE, transport=venue.transport(),
                          retry=RetryPolicy(attempts=3, backoff_s=0.0))
    yield c
    await c.aclose()


@pytest.fixture
async def unified(venue: MockVenue) -> AsyncIterator[BinanceUSDM]:
    v = BinanceUSDM(Credentials.of(KEY, SECRET), base_url=BASE, transport=venue.transport())
    v.placement = PlacementPolicy(backoff_s=0.0)
    yield v
    await v.close()
