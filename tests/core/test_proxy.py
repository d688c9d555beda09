"""`proxy=`: the default pool sends every request to the proxy, in absolute form, and reads its answer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from venuekit.core import Endpoint
from venuekit.core.transport import RestClient

THING: Endpoint[dict[str, Any]] = Endpoint("GET", "/thing", dict[str, Any], signed=False, name="toy.thing")


async def test_requests_go_through_the_proxy(make_client: Callable[..., RestClient]) -> None:
    seen: list[bytes] = []

    async def proxy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        seen.append(head.split(b"\r\n", 1)[0])
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"via\": 1}\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(proxy, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        toy = make_client(lambda request: None)
        client = RestClient("toy", ["http://venue.invalid"], signer=toy.signer, codec=toy.codec,
                            limiter=toy.limiter, clock=toy.clock, proxy=f"http://127.0.0.1:{port}")
        try:
            assert await client.call(THING, {"a": 1}) == {"via": 1}
        finally:
            await client.aclose()
    assert seen == [b"GET http://venue.invalid/thing?a=1 HTTP/1.1"]
