"""Fixtures for the Binance USDⓈ-M simulator tests: a manual clock, a seeded simulator, two traders, doc examples.

Requests are signed here by hand (hashlib/hmac), independently of the client's signer.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.core.simulator import ManualClock

START_MS = 1_700_000_000_000
DOC_EXAMPLES: dict[str, list[Any]] = json.loads((Path(__file__).parent / "binance_doc_examples.json").read_text())
ALICE = ("alice-key-0001", "alice-secret-0001")
BOB = ("bob-key-0002", "bob-secret-0002")


def hmac_hex(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()


class Trader:
    """One API key talking to the simulator: signs `query + body` with HMAC-SHA256 like Binance expects."""

    def __init__(self, http: httpx.AsyncClient, key: str, secret: str, clock: ManualClock) -> None:
        self.http = http
        self.key = key
        self.secret = secret
        self.clock = clock

    async def call(
        self,
        method: str,
        path: str,
        params: dict[str, object] | None = None,
        *,
        in_body: bool = False,
        signed: bool = True,
        timestamp: int | None = None,
    ) -> httpx.Response:
        pairs = {k: _text(v) for k, v in (params or {}).items()}
        if signed:
            pairs["timestamp"] = str(self.clock.now_ms() if timestamp is None else timestamp)
        encoded = urlencode(pairs)
        query, body = ("", encoded) if in_body else (encoded, "")
        if signed:
            signature = hmac_hex(self.secret, query + body)
            if in_body:
                body += "&signature=" + signature
            else:
                query += "&signature=" + signature
        headers = {"X-MBX-APIKEY": self.key}
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        url = path + ("?" + query if query else "")
        return await self.http.request(method, url, content=body.encode(), headers=headers)

    async def ok(self, method: str, path: str, params: dict[str, object] | None = None, **kw: object) -> object:
        """Call and insist on HTTP 200; returns the decoded JSON."""
        response = await self.call(method, path, params, **kw)  # type: ignore[arg-type]
        assert response.status_code == 200, (response.status_code, response.text)
        return response.json()


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START_MS)


@pytest.fixture
def sim(clock: ManualClock) -> BinanceUSDMSimulator:
    simulator = BinanceUSDMSimulator(clock=clock, seed=7)
    simulator.add_account(*ALICE)
    simulator.add_account(*BOB)
    return simulator


@pytest.fixture
async def http(sim: BinanceUSDMSimulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=sim.transport(), base_url=sim.base_url) as client:
        yield client


@pytest.fixture
def alice(http: httpx.AsyncClient, clock: ManualClock) -> Trader:
    return Trader(http, *ALICE, clock)


@pytest.fixture
def bob(http: httpx.AsyncClient, clock: ManualClock) -> Trader:
    return Trader(http, *BOB, clock)


@pytest.fixture
def doc_examples() -> dict[str, list[Any]]:
    """The seed document's example responses by "METHOD path" (comments stripped, literals kept)."""
    return DOC_EXAMPLES
