"""running_server really serves over 127.0.0.1; network faults close the socket under uvicorn."""

from __future__ import annotations

import httpx
import pytest

from venuekit.core.simulator import (
    FaultInjector,
    Router,
    SimApp,
    SimRequest,
    SimResponse,
    json_response,
    running_server,
    server_thread,
)


def make_app(events: list[str], faults: FaultInjector | None = None) -> SimApp:
    router = Router()

    async def ping(req: SimRequest) -> SimResponse:
        return json_response({"pong": req.params.get("n"), "client": req.client_host})

    router.add("GET", "/ping", ping)
    return SimApp(
        router,
        faults=faults,
        on_startup=[lambda: events.append("start")],
        on_shutdown=[lambda: events.append("stop")],
    )


async def test_running_server_serves_and_runs_lifespan() -> None:
    events: list[str] = []
    async with running_server(make_app(events)) as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        async with httpx.AsyncClient(base_url=base_url) as client:
            r = await client.get("/ping", params={"n": "7"})
        assert r.status_code == 200 and r.json() == {"pong": "7", "client": "127.0.0.1"}
        assert events == ["start"]
    assert events == ["start", "stop"]


async def test_drop_and_timeout_close_the_socket_under_uvicorn() -> None:
    faults = FaultInjector(hang_ms=500)
    async with running_server(make_app([], faults)) as base_url, httpx.AsyncClient(base_url=base_url) as client:
        faults.drop_connection(after_handler=True)
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            await client.get("/ping")
        faults.timeout()
        with pytest.raises(httpx.ReadTimeout):
            await client.get("/ping", timeout=0.1)
        assert (await client.get("/ping")).status_code == 200


def test_server_thread_for_sync_callers() -> None:
    with server_thread(make_app([])) as base_url:
        r = httpx.get(f"{base_url}/ping")
        assert r.status_code == 200
