"""Fixtures for the Binance USDⓈ-M client tests: a mock venue and clients bound to it."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from venuekit.connectors.binance_usdm import BinanceUSDM, BinanceUSDMClient
from venuekit.core import Credentials
from venuekit.core.transport.config import RetryPolicy

# pytest here does not put this folder on sys.path; the helper modules live next to this file.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from binance_usdm_helpers import BASE, KEY, SECRET, MockVenue


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
    v.lookup_backoff_s = 0.0
    yield v
    await v.close()
