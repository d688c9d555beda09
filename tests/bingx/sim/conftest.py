"""Fixtures for the BingX simulator tests: a manual-clock simulator and a hand-written BingX request signer."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator, Mapping
from decimal import Decimal
from typing import Any

import httpx
import pytest

from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.simulator import ManualClock

START_MS = 1_700_000_000_000
KEY_A, SECRET_A = "key-alice", "secret-alice-0123456789"
KEY_B, SECRET_B = "key-bob", "secret-bob-9876543210"


def sign(secret: str, payload: str) -> str:
    """HMAC-SHA256 hex of the parameter string, as BingX documents (independent of the client signer)."""
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()


def pairs(params: Mapping[str, object]) -> str:
    return "&".join(f"{k}={v}" for k, v in params.items())


class Caller:
    """Signs and sends BingX requests for one API key against an in-process simulator."""

    def __init__(self, sim: BingXSimulator, http: httpx.AsyncClient, key: str, secret: str) -> None:
        self.sim, self.http, self.key, self.secret = sim, http, key, secret

    async def raw(
        self,
        method: str,
        path: str,
        params: Mapping[str, object] | None = None,
        *,
        form: bool = False,
        ts: int | None = None,
        secret: str | None = None,
        key: str | None = None,
    ) -> httpx.Response:
        all_params = dict(params or {})
        all_params.setdefault("timestamp", ts if ts is not None else self.sim.exchange.now_ms())
        payload = pairs(all_params)
        signed = f"{payload}&signature={sign(secret or self.secret, payload)}"
        headers = {"X-BX-APIKEY": key or self.key}
        if form:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            return await self.http.request(method, path, content=signed.encode(), headers=headers)
        return await self.http.request(method, f"{path}?{signed}", headers=headers)

    async def call(self, method: str, path: str, params: Mapping[str, object] | None = None, **kw: Any) -> Any:
        response = await self.raw(method, path, params, **kw)
        assert response.status_code == 200, response.text
        return json.loads(response.content, parse_float=Decimal)

    async def ok(self, method: str, path: str, params: Mapping[str, object] | None = None, **kw: Any) -> Any:
        body = await self.call(method, path, params, **kw)
        assert body["code"] == 0, body
        return body


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START_MS)


@pytest.fixture
def sim(clock: ManualClock) -> BingXSimulator:
    simulator = BingXSimulator(clock=clock, seed=7)
    simulator.add_account(KEY_A, SECRET_A, {"USDT": Decimal(100_000)})
    simulator.add_account(KEY_B, SECRET_B, {"USDT": Decimal(100_000)})
    return simulator


@pytest.fixture
async def http(sim: BingXSimulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=sim.transport(), base_url=sim.base_url) as client:
        yield client


@pytest.fixture
def alice(sim: BingXSimulator, http: httpx.AsyncClient) -> Caller:
    return Caller(sim, http, KEY_A, SECRET_A)


@pytest.fixture
def bob(sim: BingXSimulator, http: httpx.AsyncClient) -> Caller:
    return Caller(sim, http, KEY_B, SECRET_B)
