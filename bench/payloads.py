"""Wire payloads taken from the venues' documents (`bench/data/*.json`), as the bytes a server would send."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import orjson

DATA = Path(__file__).parent / "data"


@cache
def example(name: str) -> Any:
    """A document example (Binance seed 002, BingX reference, Gate seed 004) as plain JSON values."""
    return json.loads((DATA / f"{name}.json").read_text())


def wire(value: Any) -> bytes:
    """Compact JSON bytes; big integers (BingX order ids) stay exact."""
    return json.dumps(value, separators=(",", ":")).encode()


def order_list(name: str, count: int, id_field: str, *, numeric_id: bool) -> list[dict[str, Any]]:
    """`count` copies of one documented order object, each with its own order id."""
    base = example(name)
    first = int(base[id_field])
    items: list[dict[str, Any]] = []
    for i in range(count):
        item = dict(base)
        item[id_field] = first + i if numeric_id else str(first + i)
        items.append(item)
    return items


def bingx_orders_body(count: int) -> bytes:
    """`GET /openApi/swap/v2/trade/openOrders`: `{code, msg, data: {orders: [...]}}`."""
    orders = order_list("bingx_order", count, "orderId", numeric_id=True)
    return wire({"code": 0, "msg": "", "data": {"orders": orders}})


def gate_orders_body(count: int) -> bytes:
    """`GET /api/v4/crossex/open_orders`: a bare JSON list of CrossEx orders."""
    return wire(order_list("gate_order", count, "order_id", numeric_id=False))


def binance_body(name: str) -> bytes:
    return wire(example(name))


def check_roundtrip(body: bytes) -> None:
    """Guard: orjson and json must agree on the payload (no float or int precision surprises)."""
    if orjson.loads(body) != json.loads(body):
        raise ValueError("payload does not round-trip identically through orjson and json")


async def binance_exchange_info() -> bytes:
    """`GET /fapi/v1/exchangeInfo` from the in-process Binance simulator (real filters for BTC, ETH, SOL)."""
    import httpx

    from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator

    sim = BinanceUSDMSimulator()
    async with httpx.AsyncClient(transport=sim.transport(), base_url=sim.base_url) as client:
        response = await client.get("/fapi/v1/exchangeInfo")
    response.raise_for_status()
    return response.content
