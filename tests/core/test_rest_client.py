from collections.abc import Callable
from typing import Any

import httpx
import pytest

from venuekit.core import Endpoint, ExchangeUnavailable, NetworkError, RequestTimeout, TimestampOutOfWindow
from venuekit.core.transport import RestClient

MakeClient = Callable[..., RestClient]
GET_THING: Endpoint[dict[str, Any]] = Endpoint("GET", "/thing", dict[str, Any], name="toy.get_thing")
PLACE: Endpoint[dict[str, Any]] = Endpoint("POST", "/order", dict[str, Any], places_order=True, name="toy.place")


async def test_get_is_retried_on_5xx(make_client: MakeClient) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(503 if len(seen) < 3 else 200, json={"ok": True})

    assert await make_client(handler).call(GET_THING, {"a": 1}) == {"ok": True}
    assert len(seen) == 3


async def test_order_placement_is_never_resent_after_5xx(make_client: MakeClient) -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(500, json={})

    with pytest.raises(ExchangeUnavailable) as info:
        await make_client(handler).call(PLACE, {"qty": 1})
    assert calls == 1
    assert info.value.request is not None and info.value.request.params == {"qty": "1"}


async def test_read_timeout_on_order_is_reported_as_sent(make_client: MakeClient) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(RequestTimeout) as info:
        await make_client(handler).call(PLACE)
    assert info.value.request_sent is True


async def test_fallback_host_only_on_connect_errors(make_client: MakeClient) -> None:
    hosts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        if request.url.host == "a.test":
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json={"host": request.url.host})

    client = make_client(handler, hosts=("https://a.test", "https://b.test"))
    assert await client.call(PLACE) == {"host": "b.test"}
    assert hosts == ["a.test", "b.test"]
    assert await client.call(GET_THING) == {"host": "b.test"}
    assert hosts[-1] == "b.test", "the working host is kept"


async def test_http_answer_never_triggers_fallback(make_client: MakeClient) -> None:
    hosts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        return httpx.Response(500, json={})

    with pytest.raises(ExchangeUnavailable):
        await make_client(handler, hosts=("https://a.test", "https://b.test"), attempts=1).call(GET_THING)
    assert hosts == ["a.test"]


async def test_all_hosts_down_means_not_sent(make_client: MakeClient) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(NetworkError) as info:
        await make_client(handler, hosts=("https://a.test", "https://b.test")).call(PLACE)
    assert info.value.request_sent is False


async def test_timestamp_rejection_resyncs_clock_and_retries_once(make_client: MakeClient) -> None:
    stamps: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        stamps.append(int(request.url.params["timestamp"]))
        if len(stamps) == 1:
            return httpx.Response(400, json={"code": "skew", "msg": "outside recvWindow"})
        return httpx.Response(200, json={"ok": 1})

    client = make_client(handler, server_ms=4_000_000_000_000)
    client.clock.synced = True
    assert await client.call(PLACE) == {"ok": 1}
    assert stamps[0] < 3_000_000_000_000 <= stamps[1]


async def test_persistent_skew_raises_after_one_retry(make_client: MakeClient) -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(400, json={"code": "skew", "msg": "outside recvWindow"})

    with pytest.raises(TimestampOutOfWindow):
        await make_client(handler, server_ms=1).call(GET_THING)
    assert calls == 2


async def test_signature_is_not_in_error_request_info(make_client: MakeClient) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, json={})

    with pytest.raises(ExchangeUnavailable) as info:
        await make_client(handler, attempts=1).call(GET_THING, {"symbol": "X"})
    assert "signature" not in repr(info.value) and "signature" not in str(info.value.request.params)  # type: ignore[union-attr]


async def test_ip_ban_is_never_retried(make_client: MakeClient) -> None:
    from venuekit.core import IPBanned

    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(418, json={})

    client = make_client(handler)

    client.codec.decode = lambda endpoint, response, request: (_ for _ in ()).throw(  # type: ignore[method-assign]
        IPBanned("banned", venue="toy", status=418))
    with pytest.raises(IPBanned) as info:
        await client.call(GET_THING)
    assert calls == 1 and info.value.status == 418


async def test_path_segments_are_encoded_as_one_segment(make_client: MakeClient) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.raw_path.decode())
        return httpx.Response(200, json={})

    item: Endpoint[dict[str, Any]] = Endpoint("GET", "/orders/{order_id}", dict[str, Any], name="toy.item")
    await make_client(handler).call(item, path={"order_id": "a/b c?"})
    assert seen[0].startswith("/orders/a%2Fb%20c%3F?")


async def test_empty_path_segment_is_refused_before_the_wire(make_client: MakeClient) -> None:
    from venuekit.core import InvalidRequest

    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("nothing may be sent")

    item: Endpoint[dict[str, Any]] = Endpoint("GET", "/orders/{order_id}", dict[str, Any], name="toy.item")
    with pytest.raises(InvalidRequest, match="order_id"):
        await make_client(handler).call(item, path={"order_id": ""})
