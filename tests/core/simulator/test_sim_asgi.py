"""ASGI toolkit: routing, request parsing, JSON rendering, hooks and error mapping (in process)."""

from __future__ import annotations

from decimal import Decimal

import httpx
import orjson

from venuekit.core.simulator import (
    RawNumber,
    RejectReason,
    Router,
    SimApp,
    SimRejected,
    SimRequest,
    SimResponse,
    SimulatorTransport,
    json_response,
)

BASE = "http://sim.test"


def client_for(app: SimApp) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=SimulatorTransport(app), base_url=BASE)


def venue_router() -> Router:
    router = Router(
        not_found=lambda req: json_response({"code": 100404, "msg": f"no {req.path}"}, status=404),
        method_not_allowed=lambda req, allowed: json_response({"code": 100405, "allowed": allowed}, status=405),
    )

    async def order(req: SimRequest) -> SimResponse:
        return json_response({"symbol": req.path_params["symbol"], "id": req.path_params["order_id"]})

    async def static(req: SimRequest) -> SimResponse:
        return json_response({"static": True})

    async def echo(req: SimRequest) -> SimResponse:
        return json_response(
            {
                "query": req.query,
                "params": req.params,
                "ids": req.get_all("id"),
                "form": req.form(),
                "json": req.json() if req.content_type == "application/json" else None,
                "key": req.headers.get("x-api-key"),
                "client": req.client_host,
                "raw": req.raw_query,
            }
        )

    router.add("GET", "/v1/orders/{symbol}/{order_id}", order)
    router.add("GET", "/v1/orders/BTC/open", static)
    router.add("DELETE", "/v1/orders/{symbol}/{order_id}", order)
    router.add("POST", "/echo", echo)
    return router


async def test_router_params_static_precedence_404_405() -> None:
    async with client_for(SimApp(venue_router())) as client:
        r = await client.get("/v1/orders/ETH/123")
        assert r.json() == {"symbol": "ETH", "id": "123"}
        assert (await client.get("/v1/orders/BTC/open")).json() == {"static": True}
        r = await client.get("/v1/nothing")
        assert r.status_code == 404 and r.json() == {"code": 100404, "msg": "no /v1/nothing"}
        r = await client.post("/v1/orders/ETH/1")
        assert r.status_code == 405 and r.json()["allowed"] == ["DELETE", "GET"]
        assert r.headers["allow"] == "DELETE, GET"


async def test_request_parsing() -> None:
    async with client_for(SimApp(venue_router())) as client:
        r = await client.post(
            "/echo?id=2&a=x%20y&id=1&empty=",
            data={"symbol": "BTC-USDT", "qty": "1.5"},
            headers={"X-API-KEY": "k"},
        )
        body = r.json()
        assert body["query"] == [["id", "2"], ["a", "x y"], ["id", "1"], ["empty", ""]]
        assert body["params"] == {"id": "1", "a": "x y", "empty": ""}
        assert body["ids"] == ["2", "1"]
        assert body["raw"] == "id=2&a=x%20y&id=1&empty="
        assert body["form"] == {"symbol": "BTC-USDT", "qty": "1.5"}
        assert body["key"] == "k" and body["client"] == "127.0.0.1"
        r = await client.post("/echo", json={"n": 1})
        assert r.json()["json"] == {"n": 1} and r.json()["form"] == {}


def test_json_response_decimal_rendering() -> None:
    payload = {"a": Decimal("1E-8"), "b": RawNumber(Decimal("0.10")), "c": Decimal("123.4500")}
    assert json_response(payload).body == b'{"a":"0.00000001","b":0.10,"c":"123.4500"}'
    as_numbers = json_response(payload, decimals_as_numbers=True).body
    assert as_numbers == b'{"a":0.00000001,"b":0.10,"c":123.4500}'
    assert orjson.loads(as_numbers)["c"] == 123.45
    r = json_response([], status=201, headers={"X-Extra": "1"})
    assert r.status == 201 and r.header("x-extra") == "1" and r.content_type == "application/json"


async def test_before_after_hooks_and_error_handler() -> None:
    router = venue_router()

    async def boom(req: SimRequest) -> SimResponse:
        raise SimRejected(RejectReason.INSUFFICIENT_MARGIN, "no money")

    router.add("GET", "/boom", boom)

    async def auth(req: SimRequest) -> SimResponse | None:
        if req.headers.get("x-api-key") != "good":
            return json_response({"code": 100001, "msg": "signature"}, status=401)
        req.state["account"] = "alice"
        return None

    async def stamp(req: SimRequest, resp: SimResponse) -> SimResponse:
        resp.set_header("x-used-weight", "5")
        return resp

    async def errors(req: SimRequest, exc: Exception) -> SimResponse | None:
        if isinstance(exc, SimRejected):
            return json_response({"code": 80001, "reason": exc.reason.value}, status=200)
        return None

    app = SimApp(router, before=[auth], after=[stamp], error_handler=errors)
    async with client_for(app) as client:
        r = await client.get("/v1/orders/ETH/1")
        assert r.status_code == 401 and r.json()["code"] == 100001
        r = await client.get("/v1/orders/ETH/1", headers={"x-api-key": "good"})
        assert r.status_code == 200 and r.headers["x-used-weight"] == "5"
        r = await client.get("/boom", headers={"x-api-key": "good"})
        assert r.json() == {"code": 80001, "reason": "insufficient_margin"}
