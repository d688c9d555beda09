"""Compare WebSocket client libraries on what streams do: receive many small JSON text frames, connect.

Server: aiohttp.web on 127.0.0.1 (neutral to both clients) pushes N frames of a Binance depthUpdate-sized
payload as fast as it can. Each client receives all N; we report frames/s (median of 5 runs) and the
median connect (handshake) time over 50 connects. Run: python -m bench.ws_clients
(needs the bench extra, which brings `websockets`; the library choice is recorded in docs/streams.md).
"""

import asyncio
import statistics
import time

import aiohttp
from aiohttp import web

N = 50_000
PAYLOAD = ('{"e":"depthUpdate","E":1700000000000,"T":1700000000000,"s":"BTCUSDT","U":1000001,"u":1000004,'
           '"pu":1000000,"b":[["64999.90","1.234"],["64999.80","0.000"]],"a":[["65000.10","2.500"],'
           '["65000.20","0.010"]]}')


async def handler(request: web.Request) -> web.WebSocketResponse:
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    count = int(request.query.get("n", "0"))
    for _ in range(count):
        await ws.send_str(PAYLOAD)
    await ws.close()
    return ws


async def aiohttp_recv(url: str) -> int:
    got = 0
    async with aiohttp.ClientSession() as s, s.ws_connect(url, autoping=False) as ws:
        async for msg in ws:
            if msg.type is aiohttp.WSMsgType.TEXT:
                got += 1
    return got


async def websockets_recv(url: str) -> int:
    from websockets.asyncio.client import connect
    from websockets.exceptions import ConnectionClosed

    got = 0
    async with connect(url, max_size=None, compression=None) as ws:
        try:
            while True:
                await ws.recv()
                got += 1
        except ConnectionClosed:
            pass
    return got


async def aiohttp_connect(url: str) -> None:
    async with aiohttp.ClientSession() as s, s.ws_connect(url) as ws:
        await ws.close()


async def websockets_connect(url: str) -> None:
    from websockets.asyncio.client import connect

    async with connect(url) as ws:
        await ws.close()


async def main() -> None:
    app = web.Application()
    app.router.add_get("/ws", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    base = f"ws://127.0.0.1:{port}/ws"
    for name, recv, conn in (("aiohttp", aiohttp_recv, aiohttp_connect),
                             ("websockets", websockets_recv, websockets_connect)):
        rates = []
        for _ in range(5):
            t0 = time.perf_counter()
            got = await recv(f"{base}?n={N}")
            rates.append(got / (time.perf_counter() - t0))
            assert got == N, got
        times = []
        for _ in range(50):
            t0 = time.perf_counter()
            await conn(f"{base}?n=0")
            times.append(time.perf_counter() - t0)
        print(f"{name:11s} recv {statistics.median(rates):>9,.0f} frames/s   "
              f"connect {statistics.median(times) * 1e3:.2f} ms")
    await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
