"""Each fault kind through SimulatorTransport with a real httpx.AsyncClient."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import httpx
import orjson
import pytest

from venuekit.core.simulator import (
    FaultInjector,
    FaultKind,
    Router,
    SimApp,
    SimRequest,
    SimResponse,
    SimulatorTransport,
    json_response,
)


class Venue:
    """A tiny app whose handler has a visible side effect (orders created)."""

    def __init__(self) -> None:
        self.created = 0
        self.faults = FaultInjector()
        router = Router()
        router.add("POST", "/order", self.create)
        router.add("GET", "/time", self.time)
        self.app = SimApp(router, faults=self.faults)
        self.transport = SimulatorTransport(self.app)
        self.client = httpx.AsyncClient(transport=self.transport, base_url="http://sim.test")

    async def create(self, req: SimRequest) -> SimResponse:
        self.created += 1
        return json_response({"code": 0, "data": {"orderId": str(self.created), "status": "NEW"}})

    async def time(self, req: SimRequest) -> SimResponse:
        return json_response({"serverTime": 1})


@pytest.fixture
async def venue() -> AsyncIterator[Venue]:
    v = Venue()
    yield v
    await v.client.aclose()


@pytest.mark.parametrize(
    ("after", "exc", "created"),
    [(False, httpx.ConnectError, 0), (True, httpx.RemoteProtocolError, 1)],
)
async def test_drop_connection(venue: Venue, after: bool, exc: type[Exception], created: int) -> None:
    venue.faults.drop_connection(after_handler=after, method="POST", path="/order")
    with pytest.raises(exc):
        await venue.client.post("/order")
    assert venue.created == created
    assert venue.faults.fired(FaultKind.DROP) == 1
    assert venue.transport.requests[-1].fault is FaultKind.DROP
    assert (await venue.client.post("/order")).status_code == 200


@pytest.mark.parametrize(
    ("after", "exc", "created"),
    [(False, httpx.ConnectTimeout, 0), (True, httpx.ReadTimeout, 1)],
)
async def test_timeout(venue: Venue, after: bool, exc: type[Exception], created: int) -> None:
    venue.faults.timeout(after_handler=after)
    with pytest.raises(exc):
        await venue.client.post("/order")
    assert venue.created == created
    assert venue.faults.fired(FaultKind.TIMEOUT) == 1


async def test_http_error_before_and_after_handler(venue: Venue) -> None:
    venue.faults.http_error(503, {"code": -1001, "msg": "busy"}, path="/order")
    r = await venue.client.post("/order")
    assert r.status_code == 503 and r.json() == {"code": -1001, "msg": "busy"} and venue.created == 0
    venue.faults.http_error(500, "oops", "text/plain", after_handler=True, times=2)
    for _ in range(2):
        r = await venue.client.post("/order")
        assert r.status_code == 500 and r.text == "oops"
    assert venue.created == 2
    assert (await venue.client.post("/order")).status_code == 200
    assert venue.faults.fired(FaultKind.HTTP_ERROR) == 3


async def test_matching_by_method_and_glob(venue: Venue) -> None:
    venue.faults.http_error(418, method="GET", path="/ti*", times=None)
    assert (await venue.client.post("/order")).status_code == 200
    assert (await venue.client.get("/time")).status_code == 418
    assert (await venue.client.get("/time")).status_code == 418
    venue.faults.clear()
    assert (await venue.client.get("/time")).status_code == 200


async def test_latency(venue: Venue) -> None:
    venue.faults.latency(60)
    start = time.perf_counter()
    r = await venue.client.get("/time")
    assert r.status_code == 200 and time.perf_counter() - start >= 0.05
    assert venue.faults.fired(FaultKind.LATENCY) == 1
    start = time.perf_counter()
    await venue.client.get("/time")
    assert time.perf_counter() - start < 0.05


async def test_truncated_body(venue: Venue) -> None:
    venue.faults.truncate_body()
    r = await venue.client.post("/order")
    full = b'{"code":0,"data":{"orderId":"1","status":"NEW"}}'
    assert r.content == full[: len(full) // 2] and venue.created == 1
    assert int(r.headers["content-length"]) == len(full) // 2
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(r.content)


async def test_html_empty_and_malformed(venue: Venue) -> None:
    venue.faults.html_error(502)
    r = await venue.client.get("/time")
    assert r.status_code == 502 and r.headers["content-type"] == "text/html"
    assert b"<title>502 Bad Gateway</title>" in r.content
    venue.faults.empty_body(after_handler=True)
    r = await venue.client.post("/order")
    assert r.status_code == 200 and r.content == b"" and venue.created == 1
    venue.faults.malformed_json()
    r = await venue.client.post("/order")
    assert r.status_code == 200 and venue.created == 1
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(r.content)
    assert venue.faults.fired() == 3
    assert [lr.status for lr in venue.transport.requests] == [502, 200, 200]
