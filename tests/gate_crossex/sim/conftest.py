"""Simulator fixtures: a seeded simulator on a manual clock and two funded, signing users."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import httpx
import pytest
from gate_sim_helpers import DOC_EXAMPLES, START_MS, User

from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator
from venuekit.core.simulator import ManualClock


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START_MS)


@pytest.fixture
def sim(clock: ManualClock) -> GateCrossExSimulator:
    return GateCrossExSimulator(clock=clock, seed=7)


@pytest.fixture
async def http(sim: GateCrossExSimulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=sim.transport(), base_url=sim.base_url) as client:
        yield client


@pytest.fixture
def alice(sim: GateCrossExSimulator, http: httpx.AsyncClient, clock: ManualClock) -> User:
    user_id = sim.add_account("alice-key", "alice-secret", {"USDT": Decimal(50_000)})
    return User(http, clock, "alice-key", "alice-secret", user_id)


@pytest.fixture
def bob(sim: GateCrossExSimulator, http: httpx.AsyncClient, clock: ManualClock) -> User:
    user_id = sim.add_account("bob-key", "bob-secret", {"USDT": Decimal(50_000)})
    return User(http, clock, "bob-key", "bob-secret", user_id)


@pytest.fixture
def doc_examples() -> dict[str, dict[str, Any]]:
    return DOC_EXAMPLES
