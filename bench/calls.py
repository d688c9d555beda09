"""A full private call (sign, send, receive, parse) against one loopback server: venuekit, ccxt, raw floor.

The server (a separate process) answers `POST /fapi/v1/order` with the documented new-order example.
Each library is measured sequentially (mean latency) and with 50 / 500 concurrent tasks (throughput).
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import hmac
import itertools
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from decimal import Decimal
from typing import Any

import aiohttp
import orjson

from venuekit.connectors.binance_usdm import BinanceUSDMClient
from venuekit.connectors.binance_usdm.enums import TIF, OrderSide, OrderType
from venuekit.core.credentials import Credentials
from venuekit.core.ratelimit.store import Reservation
from venuekit.core.transport.sender import KEEPALIVE_S

from .common import FAKE_KEY, FAKE_SECRET, Row, Sizes, freeze_setup_heap, paired_ratio
from .payloads import binance_exchange_info
from .server import CLIENT_CPU, ServerProcess, pin, unpin

Call = Callable[[], Awaitable[object]]
SECTION = "full private call"


class GrantAllStore:
    """A `LimiterStore` that always grants, so the benchmark measures the call path, not the quotas."""

    async def reserve(self, items: Sequence[Reservation], now_ms: int) -> int:
        return 0

    async def observe(self, key: str, window_ms: int, used: int, now_ms: int) -> None:
        return None

    async def block(self, key: str, until_ms: int, reason: str) -> None:
        return None

    async def blocked(self, keys: Sequence[str], now_ms: int) -> tuple[int, str] | None:
        return None


class Venuekit:
    name = "venuekit"

    def __init__(self, url: str) -> None:
        self.client = BinanceUSDMClient(Credentials.of(FAKE_KEY, FAKE_SECRET), base_url=url,
                                        limiter_store=GrantAllStore())
        self.client.clock.synced = True
        self._ids = itertools.count()

    async def call(self) -> object:
        return await self.client.trade.new_order(
            symbol="BTCUSDT", side=OrderSide.BUY, type=OrderType.LIMIT, quantity=Decimal("0.01"),
            price=Decimal("50000"), time_in_force=TIF.GTC, new_client_order_id=f"vk{next(self._ids)}",
        )

    async def close(self) -> None:
        await self.client.aclose()


class Ccxt:
    name = "ccxt"

    def __init__(self, url: str) -> None:
        import ccxt.async_support as ccxt  # type: ignore[import-untyped]

        self.exchange = ccxt.binanceusdm({
            "apiKey": FAKE_KEY, "secret": FAKE_SECRET, "enableRateLimit": False,
            "options": {"fetchCurrencies": False},
        })
        api = dict(self.exchange.urls["api"])
        for name, version in (("fapiPublic", "v1"), ("fapiPrivate", "v1"), ("fapiPublicV2", "v2"),
                              ("fapiPrivateV2", "v2"), ("fapiPublicV3", "v3"), ("fapiPrivateV3", "v3")):
            api[name] = f"{url}/fapi/{version}"
        self.exchange.urls["api"] = api

    async def start(self) -> None:
        await self.exchange.load_markets()

    async def call(self) -> object:
        return await self.exchange.create_order("BTC/USDT:USDT", "limit", "buy", 0.01, 50000)

    async def close(self) -> None:
        await self.exchange.close()


class Floor:
    """Raw aiohttp + orjson + hmac: the least any Python client must do for this call."""

    name = "raw aiohttp"

    def __init__(self, url: str) -> None:
        self.url = url + "/fapi/v1/order"
        # venuekit's idle keep-alive: aiohttp's default (15 s) outlives the server's 5 s, so a connection left idle
        # through the other clients' rounds was reused after the server had closed it ("Server disconnected").
        self.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=200, keepalive_timeout=KEEPALIVE_S))
        self.secret = FAKE_SECRET.encode()
        self.headers = {"X-MBX-APIKEY": FAKE_KEY, "Content-Type": "application/x-www-form-urlencoded"}
        self._ids = itertools.count()

    async def call(self) -> object:
        query = (f"symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.01&price=50000&timeInForce=GTC"
                 f"&newClientOrderId=f{next(self._ids)}&timestamp={time.time_ns() // 1_000_000}")
        sig = hmac.new(self.secret, query.encode(), hashlib.sha256).hexdigest()
        async with self.session.post(self.url, data=f"{query}&signature={sig}".encode(),
                                     headers=self.headers) as response:
            return orjson.loads(await response.read())

    async def close(self) -> None:
        await self.session.close()


async def sequential_us(call: Call, count: int, budget_s: float) -> float:
    """Mean microseconds per call, one call at a time."""
    done = 0
    start = time.perf_counter_ns()
    deadline = time.monotonic() + budget_s
    while done < count and time.monotonic() < deadline:
        await call()
        done += 1
    return (time.perf_counter_ns() - start) / max(done, 1) / 1000


async def throughput(call: Call, count: int, concurrency: int, budget_s: float) -> float:
    """Calls per second with `concurrency` tasks sharing `count` calls (stopping early at the time budget)."""
    remaining = count
    deadline = time.monotonic() + budget_s
    done = 0

    async def worker() -> None:
        nonlocal remaining, done
        while remaining > 0 and time.monotonic() < deadline:
            remaining -= 1
            await call()
            done += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return done / (time.perf_counter() - start)


async def _warm(call: Call, count: int, concurrency: int) -> None:
    await asyncio.gather(*(call() for _ in range(min(count, concurrency))))
    for _ in range(count):
        await call()


async def _measure(sizes: Sizes, url: str) -> dict[str, dict[str, list[float]]]:
    """Interleaved rounds (floor, venuekit, ccxt) so machine noise hits every client alike."""
    clients: list[Any] = [Floor(url), Venuekit(url), Ccxt(url)]
    await clients[2].start()
    results: dict[str, dict[str, list[float]]] = {c.name: {} for c in clients}
    try:
        for client in clients:
            await _warm(client.call, sizes.warmup_calls, max(sizes.concurrency))
        freeze_setup_heap()
        for _ in range(sizes.rounds):
            for client in clients:
                seen = results[client.name]
                seen.setdefault("latency", []).append(
                    await sequential_us(client.call, sizes.seq_calls, sizes.time_budget_s))
                for concurrency in sizes.concurrency:
                    seen.setdefault(f"tput{concurrency}", []).append(
                        await throughput(client.call, sizes.conc_calls, concurrency, sizes.time_budget_s))
    finally:
        gc.unfreeze()
        for client in clients:
            await client.close()
    return results


def run(sizes: Sizes) -> list[Row]:
    info = asyncio.run(binance_exchange_info())
    with ServerProcess("fixed", {"exchange_info": info}) as server:
        before = pin(CLIENT_CPU)
        try:
            results = asyncio.run(_measure(sizes, server.url))
        finally:
            unpin(before)
    vk, cc, fl = results["venuekit"], results["ccxt"], results["raw aiohttp"]
    rounds = {"rounds": results}

    def row(label: str, key: str, other: dict[str, list[float]], against: str, limit: float, **kw: Any) -> Row:
        return Row(SECTION, label, statistics.median(vk[key]), statistics.median(other[key]), kw.pop("unit"),
                   against=against, limit=limit, paired=paired_ratio(vk[key], other[key]), extra=rounds, **kw)

    rows = [
        row("sequential mean latency", "latency", cc, "ccxt", 0.8, unit="µs"),
        row("sequential mean latency", "latency", fl, "raw aiohttp", 1.25, unit="µs"),
    ]
    for concurrency in sizes.concurrency:
        key = f"tput{concurrency}"
        label = f"throughput, {concurrency} concurrent"
        rows.append(row(label, key, cc, "ccxt", 1.3, unit="calls/s", better="higher"))
        rows.append(row(label, key, fl, "raw aiohttp", 0.8, unit="calls/s", better="higher",
                        note="within 1.25x of the floor"))
    return rows
