"""Every validator of the three raw clients refuses bad user input before the wire, with `InvalidRequest`
naming the field, and nothing is sent (the transport records every request and answers none)."""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import Awaitable, Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from properties_profile import BOUNDED

from venuekit.connectors.binance_usdm import BinanceUSDMClient
from venuekit.connectors.binance_usdm.enums import OrderSide as BnSide
from venuekit.connectors.binance_usdm.enums import OrderType as BnType
from venuekit.connectors.bingx import BingXClient
from venuekit.connectors.bingx.enums import CancelAllAfterType
from venuekit.connectors.bingx.enums import OrderSide as BxSide
from venuekit.connectors.bingx.enums import OrderType as BxType
from venuekit.connectors.gate_crossex import GateCrossExClient
from venuekit.connectors.gate_crossex.enums import GateOrderType, GateSide
from venuekit.core.credentials import Credentials
from venuekit.core.errors import InvalidRequest

CREDS = Credentials.of("validator-key", "validator-secret")


class NoWire(httpx.AsyncBaseTransport):
    """Records requests; a validator that lets bad input through shows up here."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        raise httpx.ConnectError("the validator should have refused this before the wire", request=request)


def _clients(wire: NoWire) -> dict[str, Any]:
    return {
        "bingx": BingXClient(CREDS, transport=wire),
        "binance-usdm": BinanceUSDMClient(CREDS, transport=wire),
        "gate-crossex": GateCrossExClient(CREDS, transport=wire, sync_clock=False),
    }


@pytest.fixture(scope="module")
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    running = asyncio.new_event_loop()
    yield running
    running.close()


def _refused(loop: asyncio.AbstractEventLoop, venue: str, call: Callable[[Any], Awaitable[Any]], field: str) -> None:
    wire = NoWire()
    client = _clients(wire)[venue]
    with pytest.raises(InvalidRequest) as caught:
        loop.run_until_complete(call(client))
    assert caught.value.field == field, repr(caught.value)
    assert field in str(caught.value)
    assert wire.requests == []


D = Decimal
BX = "BTC-USDT"
BN = "BTCUSDT"
Call = Callable[[Any], Awaitable[Any]]
CASES: list[tuple[str, str, Call, str]] = [
    ("bingx", "symbol pattern", lambda c: c.swap_trade.query_order(symbol="btc_usdt", order_id="1"), "symbol"),
    ("bingx", "symbol length", lambda c: c.swap_trade.query_order(symbol="A" * 18 + "-USDT", order_id="1"), "symbol"),
    ("bingx", "order id digits", lambda c: c.swap_trade.query_order(symbol=BX, order_id="12ab"), "orderId"),
    ("bingx", "client id length", lambda c: c.swap_trade.query_order(symbol=BX, client_order_id="x" * 41),
     "clientOrderId"),
    ("bingx", "forbidden '#'", lambda c: c.swap_trade.query_order(symbol=BX, client_order_id="a#b"),
     "clientOrderId"),
    ("bingx", "forbidden '?'", lambda c: c.swap_trade.query_order(symbol=BX, client_order_id="a?b"),
     "clientOrderId"),
    ("bingx", "zero quantity", lambda c: c.swap_trade.place_order(
        symbol=BX, side=BxSide.BUY, type=BxType.LIMIT, quantity=D(0), price=D(1)), "quantity"),
    ("bingx", "negative price", lambda c: c.swap_trade.place_order(
        symbol=BX, side=BxSide.BUY, type=BxType.LIMIT, quantity=D(1), price=D(-1)), "price"),
    ("bingx", "NaN quantity", lambda c: c.swap_trade.place_order(
        symbol=BX, side=BxSide.BUY, type=BxType.LIMIT, quantity=D("NaN"), price=D(1)), "quantity"),
    ("bingx", "empty batch", lambda c: c.swap_trade.place_orders([]), "batchOrders"),
    ("bingx", "cancel-after range", lambda c: c.swap_trade.cancel_all_after(
        type=CancelAllAfterType.ACTIVATE, time_out=5), "timeOut"),
    ("binance-usdm", "symbol pattern", lambda c: c.orders.query_order(symbol="btc-usdt", order_id="1"), "symbol"),
    ("binance-usdm", "order id digits", lambda c: c.orders.query_order(symbol=BN, order_id="1e5"), "orderId"),
    ("binance-usdm", "client id charset", lambda c: c.trade.cancel_order(symbol=BN, orig_client_order_id="a b"),
     "origClientOrderId"),
    ("binance-usdm", "client id length", lambda c: c.trade.cancel_order(symbol=BN, orig_client_order_id="a" * 37),
     "origClientOrderId"),
    ("binance-usdm", "limit range", lambda c: c.orders.all_orders(symbol=BN, limit=1001), "limit"),
    ("binance-usdm", "time window", lambda c: c.orders.all_orders(symbol=BN, start_time=2, end_time=1),
     "startTime"),
    ("binance-usdm", "zero quantity", lambda c: c.trade.new_order(
        symbol=BN, side=BnSide.BUY, type=BnType.MARKET, quantity=D(0)), "quantity"),
    ("binance-usdm", "negative price", lambda c: c.trade.new_order(
        symbol=BN, side=BnSide.BUY, type=BnType.LIMIT, quantity=D(1), price=D("-0.1")), "price"),
    ("gate-crossex", "client id charset", lambda c: c.orders.create_order(
        symbol="BINANCE_FUTURE_BTC_USDT", side=GateSide.BUY, qty=D(1), price=D(1), text="a&b"), "text"),
    ("gate-crossex", "zero qty", lambda c: c.orders.create_order(
        symbol="BINANCE_FUTURE_BTC_USDT", side=GateSide.BUY, qty=D(0), price=D(1)), "qty"),
    ("gate-crossex", "limit without price", lambda c: c.orders.create_order(
        symbol="BINANCE_FUTURE_BTC_USDT", side=GateSide.BUY, type=GateOrderType.LIMIT, qty=D(1)), "price"),
    ("gate-crossex", "empty symbol", lambda c: c.orders.create_order(
        symbol=" ", side=GateSide.BUY, qty=D(1), price=D(1)), "symbol"),
    ("gate-crossex", "empty order id", lambda c: c.orders.get_order(order_id=""), "order_id"),
    ("gate-crossex", "limit range", lambda c: c.orders.list_history_orders(limit=0), "limit"),
    ("gate-crossex", "time window", lambda c: c.orders.list_history_orders(start=2, end=1), "from"),
    ("gate-crossex", "comma in list", lambda c: c.market.list_tickers(symbols=["A,B"]), "symbols"),
]


@pytest.mark.parametrize(("venue", "call", "field"), [pytest.param(v, c, f, id=f"{v}-{n}") for v, n, c, f in CASES])
def test_validator_refuses_before_the_wire(loop: asyncio.AbstractEventLoop, venue: str, call: Call,
                                           field: str) -> None:
    _refused(loop, venue, call, field)


@pytest.mark.parametrize("window", [0, -1, 60_001])
def test_receive_window_is_checked_when_the_client_is_built(window: int) -> None:
    for make in (BingXClient, BinanceUSDMClient):
        with pytest.raises(InvalidRequest) as caught:
            make(CREDS, transport=NoWire(), recv_window=window)
        assert caught.value.field == "recvWindow"


BINGX_SYMBOL = re.compile(r"[^\W_]+-[A-Z0-9]+")
BINANCE_SYMBOL = re.compile(r"[A-Z0-9_]{1,32}")
positive_or_not = st.one_of(
    st.decimals(max_value=0, allow_nan=False, allow_infinity=False),
    st.sampled_from([D("NaN"), D("Infinity"), D("-Infinity"), D("sNaN")]),
)


@BOUNDED
@given(st.text(max_size=24).filter(lambda s: not (BINGX_SYMBOL.fullmatch(s) and len(s) <= 20)))
def test_bingx_symbols_outside_the_rule_are_refused(loop: asyncio.AbstractEventLoop, symbol: str) -> None:
    _refused(loop, "bingx", lambda c: c.swap_trade.query_order(symbol=symbol, order_id="1"), "symbol")


@BOUNDED
@given(st.text(max_size=40).filter(lambda s: not BINANCE_SYMBOL.fullmatch(s)))
def test_binance_symbols_outside_the_rule_are_refused(loop: asyncio.AbstractEventLoop, symbol: str) -> None:
    _refused(loop, "binance-usdm", lambda c: c.orders.query_order(symbol=symbol, order_id="1"), "symbol")


@BOUNDED
@given(st.text(max_size=40).filter(lambda s: not re.fullmatch(r"[A-Za-z0-9_-]{1,28}", s)))
def test_gate_client_order_ids_outside_the_rule_are_refused(loop: asyncio.AbstractEventLoop, text: str) -> None:
    _refused(loop, "gate-crossex", lambda c: c.orders.create_order(
        symbol="BINANCE_FUTURE_BTC_USDT", side=GateSide.BUY, qty=D(1), price=D(1), text=text), "text")


@BOUNDED
@given(positive_or_not)
def test_non_positive_quantities_are_refused_everywhere(loop: asyncio.AbstractEventLoop, qty: Decimal) -> None:
    _refused(loop, "bingx", lambda c: c.swap_trade.place_order(
        symbol=BX, side=BxSide.BUY, type=BxType.LIMIT, quantity=qty, price=D(1)), "quantity")
    _refused(loop, "binance-usdm", lambda c: c.trade.new_order(
        symbol=BN, side=BnSide.BUY, type=BnType.LIMIT, quantity=qty, price=D(1)), "quantity")
    _refused(loop, "gate-crossex", lambda c: c.orders.create_order(
        symbol="BINANCE_FUTURE_BTC_USDT", side=GateSide.BUY, qty=qty, price=D(1)), "qty")
