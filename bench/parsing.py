"""Parse cost, bytes to the library's objects, on the documents' own example payloads.

venuekit: the venue codec's `decode` (typed pydantic models, exact Decimals) and, where the unified layer
has one, the conversion to `Order`/`Position`. ccxt: `json.loads` + its `parse_*` (unified dicts).
Floor: `orjson.loads` of the same bytes.
"""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from statistics import median
from typing import Any

import httpx
import orjson

from venuekit.connectors.binance_usdm import convert as binance_convert
from venuekit.connectors.binance_usdm.codec import BinanceCodec
from venuekit.connectors.binance_usdm.endpoints.account import ACCOUNT_INFORMATION, POSITION_RISK
from venuekit.connectors.binance_usdm.endpoints.market import EXCHANGE_INFO
from venuekit.connectors.binance_usdm.endpoints.trade import NEW_ORDER
from venuekit.connectors.bingx import convert as bingx_convert
from venuekit.connectors.bingx.codec import BingXCodec
from venuekit.connectors.bingx.endpoints.swap_orders import OPEN_ORDERS as BINGX_OPEN_ORDERS
from venuekit.connectors.gate_crossex import mapping as gate_mapping
from venuekit.connectors.gate_crossex.codec import GateCodec
from venuekit.connectors.gate_crossex.endpoints.orders import LIST_OPEN_ORDERS as GATE_OPEN_ORDERS
from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import RequestInfo
from venuekit.core.symbols import SymbolMap
from venuekit.core.transport.response import RawResponse

from .common import FAKE_KEY, FAKE_SECRET, Row, Sizes, freeze_setup_heap, interleaved_rounds_us, paired_ratio
from .payloads import binance_body, binance_exchange_info, bingx_orders_body, check_roundtrip, gate_orders_body

SECTION = "parse"
HEADERS = httpx.Headers({"content-type": "application/json"})
INFO = RequestInfo.redacted("GET", "/bench", {})
Fn = Callable[[], object]


@dataclass
class Case:
    """One payload: the venuekit raw decode, optional unified conversion, and ccxt's parse of the same bytes."""

    name: str
    body: bytes
    raw: Fn
    unified: Fn | None
    ccxt: Fn
    ccxt_what: str
    big: bool = False


def _decoder(codec: Any, endpoint: Endpoint[Any], body: bytes) -> Fn:
    response = RawResponse(200, HEADERS, body)
    return lambda: codec.decode(endpoint, response, INFO)


def _binance_symbols(info: bytes) -> SymbolMap:
    decoded = BinanceCodec().decode(EXCHANGE_INFO, RawResponse(200, HEADERS, info), INFO)
    return SymbolMap("binance-usdm", [binance_convert.instrument(s) for s in decoded.symbols])


def _ccxt_exchanges(info: bytes) -> dict[str, Any]:
    import ccxt.async_support as ccxt  # type: ignore[import-untyped]

    config = {"apiKey": FAKE_KEY, "secret": FAKE_SECRET, "enableRateLimit": False,
              "options": {"fetchCurrencies": False}}
    binance = ccxt.binanceusdm(config)
    parsed = json.loads(info)

    async def exchange_info(params: object = None, context: object = None) -> Any:
        return parsed

    binance.fapiPublicGetExchangeInfo = exchange_info
    asyncio.run(binance.load_markets())
    return {"binance": binance, "bingx": ccxt.bingx(config), "gate": ccxt.gate(config)}


def cases(sizes: Sizes, info: bytes, exchanges: dict[str, Any]) -> list[Case]:
    binance, bingx, gate = BinanceCodec(), BingXCodec(), GateCodec()
    symbols = _binance_symbols(info)
    bx, cb, cg = exchanges["bingx"], exchanges["binance"], exchanges["gate"]

    order = binance_body("binance_order")
    order_model = _decoder(binance, NEW_ORDER, order)
    risk = binance_body("binance_position_risk")
    risk_models = _decoder(binance, POSITION_RISK, risk)
    account = binance_body("binance_account")
    bx_body = bingx_orders_body(sizes.list_orders)
    bx_models = _decoder(bingx, BINGX_OPEN_ORDERS, bx_body)
    gt_body = gate_orders_body(sizes.list_orders)
    gt_models = _decoder(gate, GATE_OPEN_ORDERS, gt_body)

    def same(symbol: str) -> str:
        return symbol

    def ccxt_account() -> object:
        data = json.loads(account)
        return cb.parse_balance_custom(data, "linear"), cb.parse_account_positions(data)

    return [
        Case("binance order (new order example)", order, order_model,
             lambda: binance_convert.order(order_model(), symbols),  # type: ignore[arg-type]
             lambda: cb.parse_order(json.loads(order)), "parse_order"),
        Case("binance positionRisk (hedge example)", risk, risk_models,
             lambda: [binance_convert.position(p, symbols) for p in risk_models()],  # type: ignore[attr-defined]
             lambda: [cb.parse_position_risk(p) for p in json.loads(risk)], "parse_position_risk"),
        Case("binance account v4 example", account, _decoder(binance, ACCOUNT_INFORMATION, account), None,
             ccxt_account, "parse_balance_custom + parse_account_positions"),
        Case(f"bingx openOrders, {sizes.list_orders} orders", bx_body, bx_models,
             lambda: [bingx_convert.order(o, same) for o in bx_models().orders],  # type: ignore[attr-defined]
             lambda: bx.parse_orders(json.loads(bx_body)["data"]["orders"]), "parse_orders", big=True),
        Case(f"gate-crossex open_orders, {sizes.list_orders} orders", gt_body, gt_models,
             lambda: [gate_mapping.order(o, same) for o in gt_models()],  # type: ignore[attr-defined]
             lambda: cg.parse_orders(json.loads(gt_body)), "ccxt gate parse_orders", big=True),
    ]


@contextmanager
def _closing(exchanges: dict[str, Any]) -> Iterator[dict[str, Any]]:
    try:
        yield exchanges
    finally:
        async def close() -> None:
            for exchange in exchanges.values():
                await exchange.close()

        asyncio.run(close())


def run(sizes: Sizes) -> list[Row]:
    """Floor, ccxt and venuekit take turns on each payload; ratios are medians of the per-round ratios."""
    info = asyncio.run(binance_exchange_info())
    rows: list[Row] = []
    with _closing(_ccxt_exchanges(info)) as exchanges:
        built = cases(sizes, info, exchanges)
        freeze_setup_heap()
        for case in built:
            check_roundtrip(case.body)
            loops = sizes.list_loops if case.big else sizes.parse_loops
            fns: dict[str, Fn] = {"orjson": lambda b=case.body: orjson.loads(b), "ccxt": case.ccxt,  # type: ignore[misc]
                                  "typed models": case.raw}
            if case.unified is not None:
                fns["typed + unified"] = case.unified
            seen = interleaved_rounds_us(fns, loops, sizes.parse_rounds)
            floor, theirs = seen["orjson"], seen["ccxt"]
            extra = {"bytes": len(case.body), "rounds_us": seen}
            for label, limits in (("typed models", (0.2, 5.0)), ("typed + unified", (None, None))):
                if label not in seen:
                    continue
                ours = seen[label]
                name = f"{case.name}: {label}" + ("" if limits[0] else " (informational)")
                rows.append(Row(SECTION, name, median(ours), median(theirs), "µs", limit=limits[0],
                                paired=paired_ratio(ours, theirs), note=f"vs ccxt {case.ccxt_what}", extra=extra))
                rows.append(Row(SECTION, name, median(ours), median(floor), "µs", against="orjson.loads",
                                limit=limits[1], paired=paired_ratio(ours, floor), extra=extra))
        gc.unfreeze()
    return rows
