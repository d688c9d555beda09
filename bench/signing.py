"""Signing cost per request: each venue's `Signer.sign(UnsignedRequest, now_ms)` vs ccxt's `exchange.sign(...)`.

Same order parameters on both sides, fake keys, no network. ccxt's `sign` also builds the URL and headers,
which is what ours returns too (`WireRequest`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from venuekit.connectors.binance_usdm.signer import BinanceSigner
from venuekit.connectors.bingx.signer import BingXSigner
from venuekit.connectors.gate_crossex.signer import GateSigner
from venuekit.core.credentials import Credentials
from venuekit.core.signing.base import UnsignedRequest

from .common import FAKE_KEY, FAKE_SECRET, Row, Sizes, per_op_us

SECTION = "signing"
CREDS = Credentials.of(FAKE_KEY, FAKE_SECRET)

BINANCE_PARAMS = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "quantity": "0.01", "price": "50000",
                  "timeInForce": "GTC", "newClientOrderId": "bench-0001"}
BINGX_PARAMS = {"symbol": "BTC-USDT", "side": "BUY", "positionSide": "LONG", "type": "LIMIT", "quantity": "0.01",
                "price": "50000", "clientOrderId": "bench-0001"}
GATE_BODY = {"text": "bench-0001", "symbol": "BINANCE_FUTURE_BTC_USDT", "side": "BUY", "type": "LIMIT",
             "qty": "0.01", "price": "50000", "time_in_force": "GTC"}


def _ours() -> dict[str, Callable[[], object]]:
    binance, bingx, gate = BinanceSigner(CREDS), BingXSigner(CREDS), GateSigner(CREDS)
    b_req = UnsignedRequest("POST", "/fapi/v1/order", dict(BINANCE_PARAMS))
    x_req = UnsignedRequest("POST", "/openApi/swap/v2/trade/order", dict(BINGX_PARAMS))
    g_req = UnsignedRequest("POST", "/api/v4/crossex/orders", {}, dict(GATE_BODY))

    def now() -> int:
        return time.time_ns() // 1_000_000

    return {
        "binance-usdm": lambda: binance.sign(b_req, now()),
        "bingx": lambda: bingx.sign(x_req, now()),
        "gate-crossex": lambda: gate.sign(g_req, now()),
    }


def _theirs() -> tuple[dict[str, Callable[[], object]], list[Any]]:
    import ccxt.async_support as ccxt  # type: ignore[import-untyped]

    config = {"apiKey": FAKE_KEY, "secret": FAKE_SECRET, "enableRateLimit": False}
    binance, bingx, gate = ccxt.binanceusdm(config), ccxt.bingx(config), ccxt.gate(config)
    gate_params = {"settle": "usdt", **GATE_BODY}
    calls: dict[str, Callable[[], object]] = {
        "binance-usdm": lambda: binance.sign("order", ["fapiPrivate"], "POST", dict(BINANCE_PARAMS)),
        "bingx": lambda: bingx.sign("trade/order", ["swap", "v2", "private"], "POST", dict(BINGX_PARAMS)),
        "gate-crossex": lambda: gate.sign("{settle}/orders", ["private", "futures"], "POST", dict(gate_params)),
    }
    return calls, [binance, bingx, gate]


def run(sizes: Sizes) -> list[Row]:
    import asyncio

    ours = _ours()
    theirs, exchanges = _theirs()
    rows: list[Row] = []
    try:
        for venue, fn in ours.items():
            mine = per_op_us(fn, sizes.sign_loops, sizes.repeats)
            other = per_op_us(theirs[venue], sizes.sign_loops, sizes.repeats)
            counterpart = "ccxt gate (futures order)" if venue == "gate-crossex" else f"ccxt {venue.split('-')[0]}"
            rows.append(Row(SECTION, f"sign one order request, {venue}", mine, other, "µs", limit=1.0,
                            note=f"vs {counterpart}"))
    finally:
        async def close() -> None:
            for exchange in exchanges:
                await exchange.close()

        asyncio.run(close())
    return rows
