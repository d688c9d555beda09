"""The `Sender` seam: the default aiohttp sender against real loopback sockets, and injected httpx transports.

Each server is a few lines of `asyncio.start_server` so a test controls exactly when bytes arrive or the
connection drops, and can see the raw request line that went out.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
import trio

from venuekit.core import Endpoint, NetworkError, RequestTimeout, ServerClock
from venuekit.core.errors import RequestInfo, VenueError
from venuekit.core.ratelimit import RateLimiter
from venuekit.core.signing import UnsignedRequest, WireRequest
from venuekit.core.transport import RawResponse, RestClient, RetryPolicy, SendError, Timeouts, default_sender
from venuekit.core.transport.aiohttp_sender import AiohttpSender
from venuekit.core.transport.httpx_sender import HttpxSender

GET_THING: Endpoint[bytes] = Endpoint("GET", "/thing", bytes, name="toy.get_thing")
PLACE: Endpoint[bytes] = Endpoint("POST", "/order", bytes, places_order=True, name="toy.place")
OK = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Used: 7\r\nContent-Length: 11\r\n\r\n{\"ok\":true}"

Handler = Callable[[bytes, asyncio.StreamWriter], Awaitable[None]]


class PassSigner:
    """Sends the params as a pre-encoded query (what the real signers do), no signature."""

    def sign(self, request: UnsignedRequest, now_ms: int) -> WireRequest:
        return self.encode(request)

    def encode(self, request: UnsignedRequest) -> WireRequest:
        query = "&".join(f"{k}={v}" for k, v in request.params.items())
        body = b"x=1" if request.method == "POST" else b""
        return WireRequest(request.method, request.path, query, body, {"X-Key": "k"})


class BodyCodec:
    def decode(self, endpoint: Endpoint[Any], response: RawResponse, request: RequestInfo) -> Any:
        if response.status >= 400:
            raise VenueError("bad", venue="toy", status=response.status, request=request)
        return response.body

    async def feedback(self, endpoint: Endpoint[Any], response: RawResponse, limiter: RateLimiter) -> None:
        return None


def rest(hosts: tuple[str, ...], *, timeouts: Timeouts | None = None, **kw: Any) -> RestClient:
    return RestClient(
        "toy", hosts, signer=PassSigner(), codec=BodyCodec(), limiter=RateLimiter("toy", []),
        clock=ServerClock(None), timeouts=timeouts, retry=RetryPolicy(attempts=1, backoff_s=0.0), **kw,
    )


async def _read_request(reader: asyncio.StreamReader) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return head + (await reader.readexactly(length) if length else b"")


@pytest.fixture
async def serve() -> AsyncIterator[Callable[[Handler], Awaitable[str]]]:
    servers: list[asyncio.Server] = []
    requests: list[bytes] = []

    async def start(handler: Handler) -> str:
        async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while True:
                    request = await _read_request(reader)
                    requests.append(request)
                    await handler(request, writer)
                    if writer.is_closing():
                        return
            except (asyncio.IncompleteReadError, ConnectionError):
                pass
            finally:
                writer.close()

        server = await asyncio.start_server(on_connect, "127.0.0.1", 0)
        servers.append(server)
        port = server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    start.requests = requests  # type: ignore[attr-defined]
    yield start
    for server in servers:
        server.close()


def closed_port() -> str:
    """A loopback port nobody listens on (bound, then released): connecting is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


async def answer_ok(request: bytes, writer: asyncio.StreamWriter) -> None:
    writer.write(OK)
    await writer.drain()


async def placing_fails(client: RestClient) -> NetworkError:
    """The `NetworkError` (a `RequestTimeout` included) that placing `PLACE` through `client` raises."""
    with pytest.raises(NetworkError) as info:
        await client.call(PLACE)
    return info.value


async def test_default_sender_under_asyncio_is_aiohttp_and_reads_headers(serve: Any) -> None:
    url = await serve(answer_ok)
    client = rest((url,))
    try:
        assert await client.call(GET_THING) == b'{"ok":true}'
        assert isinstance(client._sender, AiohttpSender)
        response = await client._sender.send("GET", url + "/thing", {}, b"", placing_order=False)
        assert response.headers.get("x-used") == "7" and response.headers.get("X-USED") == "7"
    finally:
        await client.aclose()


async def test_connect_refused_is_not_sent_and_moves_to_the_fallback_host(serve: Any) -> None:
    good = await serve(answer_ok)
    client = rest((closed_port(), good))
    try:
        assert await client.call(PLACE) == b'{"ok":true}'
        assert client.base_url == good, "the working host is kept for the next calls"
    finally:
        await client.aclose()


async def test_every_host_refused_means_not_sent() -> None:
    client = rest((closed_port(), closed_port()))
    try:
        error = await placing_fails(client)
        assert error.request_sent is False
        assert type(error.__cause__).__name__ == "ClientConnectorError"
    finally:
        await client.aclose()


async def test_read_timeout_is_sent_and_uses_the_order_timeout(serve: Any) -> None:
    async def slow(request: bytes, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(0.5)
        writer.write(OK)
        await writer.drain()

    url = await serve(slow)
    client = rest((url, closed_port()), timeouts=Timeouts(read=2.0, order=0.15))
    try:
        error = await placing_fails(client)
        assert isinstance(error, RequestTimeout) and error.request_sent is True
        assert client.base_url == url, "a timeout after sending never moves to another host"
        assert await client.call(GET_THING) == b'{"ok":true}', "GET uses the longer read timeout"
    finally:
        await client.aclose()


async def test_the_whole_answer_must_arrive_within_the_read_timeout(serve: Any) -> None:
    """A venue trickling its answer (each piece well within the timeout) still times out: `Deadlines` counts
    the whole exchange, not the gaps between chunks."""
    async def trickle(request: bytes, writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n")
        for piece in (b'{"ok"', b":tr", b"ue}"):
            await asyncio.sleep(0.1)
            writer.write(piece)
            await writer.drain()

    client = rest((await serve(trickle),), timeouts=Timeouts(order=0.25))
    try:
        error = await placing_fails(client)
        assert isinstance(error, RequestTimeout) and error.request_sent is True
    finally:
        await client.aclose()


async def test_cancelling_a_call_in_flight_is_not_reported_as_a_timeout(serve: Any) -> None:
    async def never(request: bytes, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(5)

    client = rest((await serve(never),), timeouts=Timeouts(order=0.2))
    try:
        call = asyncio.create_task(client.call(PLACE))
        await asyncio.sleep(0.05)
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
        assert isinstance(client._sender, AiohttpSender)
        assert len(client._sender._deadlines or ()) == 0, "nothing is left to cancel later"
    finally:
        await client.aclose()


async def test_server_closing_mid_body_is_sent(serve: Any) -> None:
    async def cut(request: bytes, writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"orderId\":")
        await writer.drain()
        writer.close()

    client = rest((await serve(cut),))
    try:
        error = await placing_fails(client)
        assert error.request_sent is True and not isinstance(error, RequestTimeout)
    finally:
        await client.aclose()


async def test_server_closing_before_answering_is_sent(serve: Any) -> None:
    async def drop(request: bytes, writer: asyncio.StreamWriter) -> None:
        writer.close()

    client = rest((await serve(drop), closed_port()))
    try:
        error = await placing_fails(client)
        assert error.request_sent is True
    finally:
        await client.aclose()


async def test_pool_wait_timeout_is_not_sent(serve: Any) -> None:
    release = asyncio.Event()

    async def hold(request: bytes, writer: asyncio.StreamWriter) -> None:
        await release.wait()
        writer.write(OK)
        await writer.drain()

    url = await serve(hold)
    sender = AiohttpSender(Timeouts(connect=0.1, pool=0.1, read=5.0), limit=1)
    try:
        first = asyncio.create_task(sender.send("GET", url + "/a", {}, b"", placing_order=False))
        await asyncio.sleep(0.05)
        with pytest.raises(SendError) as info:
            await sender.send("POST", url + "/b", {}, b"x", placing_order=True)
        assert info.value.sent is False
        release.set()
        assert (await first).status == 200
    finally:
        await sender.aclose()


async def test_signed_bytes_go_out_unchanged(serve: Any) -> None:
    url = await serve(answer_ok)
    client = rest((url,))
    try:
        await client.call(GET_THING, {"symbols": "BTC%2CETH", "t": "a%3Ab"})
        await client.call(PLACE)
    finally:
        await client.aclose()
    get, post = serve.requests
    assert get.startswith(b"GET /thing?symbols=BTC%2CETH&t=a%3Ab HTTP/1.1\r\n")
    assert post.startswith(b"POST /order HTTP/1.1\r\n") and post.endswith(b"\r\n\r\nx=1")
    assert b"X-Key: k\r\n" in post


async def test_an_injected_httpx_transport_is_used_and_left_open() -> None:
    seen: list[str] = []
    closed = False

    class Mock(httpx.MockTransport):
        async def aclose(self) -> None:
            nonlocal closed
            closed = True

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        assert request.extensions["timeout"]["read"] == 3.0
        return httpx.Response(200, content=b"mocked", headers={"X-Used": "9"})

    client = rest(("https://venue.test",), transport=Mock(handler), timeouts=Timeouts(order=3.0))
    assert isinstance(client._sender, HttpxSender)
    assert await client.call(PLACE) == b"mocked"
    await client.aclose()
    assert not closed, "the caller owns an injected transport"
    assert await client.call(PLACE) == b"mocked", "still the injected transport after aclose"
    assert seen == ["https://venue.test/order", "https://venue.test/order"]


async def test_httpx_transport_errors_keep_their_meaning() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "a.test":
            raise httpx.ConnectTimeout("slow connect", request=request)
        raise httpx.RemoteProtocolError("dropped", request=request)

    client = rest(("https://a.test", "https://b.test"), transport=httpx.MockTransport(handler))
    with pytest.raises(NetworkError) as info:
        await client.call(PLACE)
    assert info.value.request_sent is True and not isinstance(info.value, RequestTimeout)
    assert type(info.value.__cause__) is httpx.RemoteProtocolError


async def test_venue_client_keeps_using_an_injected_transport() -> None:
    from venuekit.connectors.binance_usdm import BinanceUSDMClient

    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, json={"serverTime": 1_700_000_000_000})

    async with BinanceUSDMClient(transport=httpx.MockTransport(handler)) as client:
        assert (await client.market.server_time()).server_time == 1_700_000_000_000
    assert seen == ["/fapi/v1/time"]


def test_default_sender_under_trio_is_httpx() -> None:
    async def pick() -> object:
        sender = default_sender(Timeouts())
        await sender.aclose()
        return sender

    sender = trio.run(pick)
    assert isinstance(sender, HttpxSender)
    assert isinstance(sender.transport, httpx.AsyncHTTPTransport)


async def test_only_query_less_urls_keep_their_parsed_form(serve: Any) -> None:
    """Form-body POSTs reuse one parsed URL; signed queries (new every call) are neither cached nor re-quoted."""
    url = await serve(answer_ok)
    sender = AiohttpSender(Timeouts())
    try:
        for _ in range(3):
            await sender.send("POST", url + "/order", {}, b"x=1", placing_order=True)
        for i in range(3):
            await sender.send("GET", f"{url}/thing?ids=%5B1%2C2%5D&ts={i}", {}, b"", placing_order=False)
        assert list(sender._urls) == [url + "/order"]
        lines = [r.split(b"\r\n", 1)[0] for r in serve.requests]
        assert lines == [b"POST /order HTTP/1.1"] * 3 + [
            f"GET /thing?ids=%5B1%2C2%5D&ts={i} HTTP/1.1".encode() for i in range(3)
        ]
    finally:
        await sender.aclose()
