"""The three venues as the fault matrix sees them: simulator, unified client, paths and venue-specific bodies.

Bodies are the venues' own documented shapes (BingX `{code,msg,data}`, Binance bare objects / `{code,msg}`,
Gate bare JSON / `{label,message}`), written here by hand rather than taken from the connectors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import httpx

from venuekit.connectors.binance_usdm import BinanceUSDM
from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.connectors.bingx import BingX
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.connectors.gate_crossex import GateCrossEx
from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator
from venuekit.core.clock import local_ms
from venuekit.core.credentials import Credentials
from venuekit.core.types import Order, OrderRequest, Side
from venuekit.core.venue import Venue

KEY = "reliability-key"


@dataclass(frozen=True)
class VenueKit:
    """Everything venue-specific a fault scenario needs."""

    name: str
    simulator: Callable[[], Any]
    connect: Callable[[Any, str, str, httpx.AsyncBaseTransport], Venue]
    symbol: str
    order_path: str
    lookup_path: str
    read_path: str
    server_error: bytes
    rate_limit_status: int
    rate_limit_body: Callable[[], bytes]
    rate_limit_code: str
    missing_fields_order: bytes
    missing_fields_read: bytes

    def rate_limit_headers(self) -> list[tuple[str, str]]:
        return [("Retry-After", "2")] if self.rate_limit_status == 429 else []


def _bingx(sim: Any, key: str, secret: str, transport: httpx.AsyncBaseTransport) -> Venue:
    return BingX(Credentials.of(key, secret), base_url=sim.base_url, transport=transport)


def _binance(sim: Any, key: str, secret: str, transport: httpx.AsyncBaseTransport) -> Venue:
    return BinanceUSDM(Credentials.of(key, secret), base_url=sim.base_url, transport=transport)


def _gate(sim: Any, key: str, secret: str, transport: httpx.AsyncBaseTransport) -> Venue:
    return GateCrossEx(Credentials.of(key, secret), base_url=sim.base_url, transport=transport,
                       default_exchange="BINANCE")


def _bingx_100410() -> bytes:
    until = local_ms() + 2000
    return (
        b'{"code":100410,"msg":"code:100410:The endpoint trigger frequency limit rule is currently in the '
        b'disabled period and will be unblocked after ' + str(until).encode() + b'","data":{}}'
    )


def _binance_1003() -> bytes:
    return (
        b'{"code":-1003,"msg":"Too many requests; current limit of IP(127.0.0.1) is 2400 requests per minute. '
        b'Please use the websocket for live updates to avoid polling the API."}'
    )


def _gate_429() -> bytes:
    return b'{"label":"TOO_MANY_REQUESTS","message":"Request Rate limit Exceeded"}'


VENUES: dict[str, VenueKit] = {
    "bingx": VenueKit(
        name="bingx",
        simulator=BingXSimulator,
        connect=_bingx,
        symbol="BTC/USDT:USDT",
        order_path="/openApi/swap/v2/trade/order",
        lookup_path="/openApi/swap/v2/trade/order",
        read_path="/openApi/swap/v2/trade/openOrders",
        server_error=b'{"code":100500,"msg":"Internal system error","data":{}}',
        rate_limit_status=200,
        rate_limit_body=_bingx_100410,
        rate_limit_code="100410",
        missing_fields_order=b'{"code":0,"msg":"","data":{"order":{"symbol":"BTC-USDT"}}}',
        missing_fields_read=b'{"code":0,"msg":"","data":{"orders":[{"symbol":"BTC-USDT"}]}}',
    ),
    "binance-usdm": VenueKit(
        name="binance-usdm",
        simulator=BinanceUSDMSimulator,
        connect=_binance,
        symbol="BTC/USDT:USDT",
        order_path="/fapi/v1/order",
        lookup_path="/fapi/v1/order",
        read_path="/fapi/v1/openOrders",
        server_error=b'{"code":-1000,"msg":"An unknown error occured while processing the request."}',
        rate_limit_status=429,
        rate_limit_body=_binance_1003,
        rate_limit_code="-1003",
        missing_fields_order=b'{"symbol":"BTCUSDT","status":"NEW"}',
        missing_fields_read=b'[{"symbol":"BTCUSDT","status":"NEW"}]',
    ),
    "gate-crossex": VenueKit(
        name="gate-crossex",
        simulator=GateCrossExSimulator,
        connect=_gate,
        symbol="BTC/USDT:USDT@BINANCE",
        order_path="/api/v4/crossex/orders",
        lookup_path="/api/v4/crossex/orders/*",
        read_path="/api/v4/crossex/open_orders",
        server_error=b'{"label":"INTERNAL","message":"Internal server error"}',
        rate_limit_status=429,
        rate_limit_body=_gate_429,
        rate_limit_code="TOO_MANY_REQUESTS",
        missing_fields_order=b'{"order_id":null}',
        missing_fields_read=b'[{"symbol":"BINANCE_FUTURE_BTC_USDT"}]',
    ),
}


async def resting_bid(venue: Venue, symbol: str) -> OrderRequest:
    """A limit buy far below the market that rests on the book: big enough for the minimums, never filled."""
    ticker = await venue.fetch_ticker(symbol)
    reference = ticker.bid or ticker.last or ticker.mark
    assert reference is not None, ticker
    inst = venue.instrument(symbol)
    price = inst.quantize_price(reference * Decimal("0.7"))
    amount = inst.min_qty
    if inst.min_notional:
        amount = max(amount, inst.quantize_amount(inst.min_notional * 2 / price) + inst.lot_step)
    return OrderRequest.limit(symbol, Side.BUY, amount, price)


def same_id(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.lower() == b.lower()


def order_ids(orders: list[Order]) -> list[str]:
    return [o.id for o in orders]
