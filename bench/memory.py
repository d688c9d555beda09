"""Memory over a long run: parse the documented Binance order 100k times (typed + unified) and look for growth.

RSS is read before and after (after a warm-up, so allocator pools are already sized); a second pass under
`tracemalloc` gives the peak and the net Python allocation left behind, which must be ~0 (no leak).
"""

from __future__ import annotations

import gc
import json
import tracemalloc
from collections.abc import Callable

import httpx

from venuekit.connectors.binance_usdm import convert
from venuekit.connectors.binance_usdm.codec import BinanceCodec
from venuekit.connectors.binance_usdm.endpoints.trade import NEW_ORDER
from venuekit.core.errors import RequestInfo
from venuekit.core.symbols import SymbolMap
from venuekit.core.transport.response import RawResponse

from .common import FAKE_KEY, FAKE_SECRET, Row, Sizes, rss_kib
from .payloads import binance_body

SECTION = "memory"
LEAK_LIMIT_KIB = 1024
RSS_GROWTH_LIMIT_MIB = 8.0


def _venuekit() -> Callable[[], object]:
    codec, symbols = BinanceCodec(), SymbolMap("binance-usdm")
    response = RawResponse(200, httpx.Headers({"content-type": "application/json"}), binance_body("binance_order"))
    info = RequestInfo.redacted("POST", "/fapi/v1/order", {})
    return lambda: convert.order(codec.decode(NEW_ORDER, response, info), symbols)


def _ccxt() -> tuple[Callable[[], object], object]:
    import ccxt.async_support as ccxt  # type: ignore[import-untyped]

    exchange = ccxt.binanceusdm({"apiKey": FAKE_KEY, "secret": FAKE_SECRET, "enableRateLimit": False})
    body = binance_body("binance_order")
    return (lambda: exchange.parse_order(json.loads(body))), exchange


def _loop(fn: Callable[[], object], count: int) -> None:
    for _ in range(count):
        fn()


def _traced(fn: Callable[[], object], count: int) -> tuple[int, int]:
    """(peak KiB, KiB still allocated after the run) under tracemalloc."""
    gc.collect()
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    _loop(fn, count)
    gc.collect()
    after, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return (peak - before) // 1024, max(0, after - before) // 1024


def run(sizes: Sizes) -> list[Row]:
    import asyncio

    count = sizes.memory_orders
    ours = _venuekit()
    theirs, exchange = _ccxt()
    try:
        _loop(ours, max(1, count // 10))
        gc.collect()
        rss_before = rss_kib()
        _loop(ours, count)
        gc.collect()
        rss_after = rss_kib()
        traced = max(1, count // 4)
        peak, left = _traced(ours, traced)
        their_peak, their_left = _traced(theirs, traced)
    finally:
        asyncio.run(exchange.close())  # type: ignore[attr-defined]
    growth_mib = (rss_after - rss_before) / 1024
    extra = {"orders": count, "traced_orders": traced, "rss_before_kib": rss_before, "rss_after_kib": rss_after}
    return [
        Row(SECTION, f"RSS growth over {count:,} parsed orders", growth_mib, None, "MiB", against="-",
            limit=RSS_GROWTH_LIMIT_MIB, extra=extra),
        Row(SECTION, f"Python memory left after {traced:,} more (tracemalloc)", float(left), None, "KiB", against="-",
            limit=LEAK_LIMIT_KIB, note=f"ccxt: {their_left} KiB", extra=extra),
        Row(SECTION, "tracemalloc peak during the run", float(peak), float(their_peak), "KiB",
            note="informational"),
    ]
