"""Market data and user-stream routes: ping, time, exchangeInfo, mark price, tickers, depth, listen keys."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from venuekit.core.simulator import SimInstrument

from .errors import BinanceError, invalid
from .limits import ORDERS_1M_LIMIT, ORDERS_10S_LIMIT, WEIGHT_LIMIT
from .markets import symbol_info
from .params import Params
from .pipeline import Ctx, Spec
from .wire import AMOUNT_PLACES, fixed, price_text, qty_text, wire_symbol

DEPTH_LIMITS: Final = {5: 2, 10: 2, 20: 2, 50: 2, 100: 5, 500: 10, 1000: 20}
RATE_LIMITS: Final = [
    {"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE", "intervalNum": 1, "limit": WEIGHT_LIMIT},
    {"rateLimitType": "ORDERS", "interval": "MINUTE", "intervalNum": 1, "limit": ORDERS_1M_LIMIT},
    {"rateLimitType": "ORDERS", "interval": "SECOND", "intervalNum": 10, "limit": ORDERS_10S_LIMIT},
]


def _symbols(ctx: Ctx) -> tuple[list[SimInstrument], bool]:
    """(instruments to report, whether a single symbol was asked for)."""
    one = ctx.maybe_inst()
    return ([one], True) if one is not None else (ctx.exchange.instruments(), False)


def ping(ctx: Ctx) -> object:
    return {}


def server_time(ctx: Ctx) -> object:
    return {"serverTime": ctx.now}


def exchange_info(ctx: Ctx) -> object:
    insts = ctx.exchange.instruments()
    settles = sorted({i.settle for i in insts} | {"USDT"})
    return {
        "timezone": "UTC",
        "serverTime": ctx.now,
        "futuresType": "U_MARGINED",
        "rateLimits": RATE_LIMITS,
        "exchangeFilters": [],
        "assets": [{"asset": a, "marginAvailable": True, "autoAssetExchange": "-10000"} for a in settles],
        "symbols": [symbol_info(ctx.backend.spec_of(i), i) for i in insts],
    }


def _premium(ctx: Ctx, inst: SimInstrument) -> dict[str, object]:
    mark = ctx.exchange.mark_price(inst.symbol)
    return {
        "symbol": wire_symbol(inst),
        "markPrice": fixed(mark, AMOUNT_PLACES),
        "indexPrice": fixed(mark, AMOUNT_PLACES),
        "estimatedSettlePrice": fixed(mark, AMOUNT_PLACES),
        "lastFundingRate": fixed(ctx.exchange.funding_rate(inst.symbol), AMOUNT_PLACES),
        "interestRate": "0.00010000",
        "nextFundingTime": ctx.exchange.next_funding_ms(inst.symbol),
        "time": ctx.now,
    }


def premium_index(ctx: Ctx) -> object:
    insts, single = _symbols(ctx)
    rows = [_premium(ctx, i) for i in insts]
    return rows[0] if single else rows


def _last_price(ctx: Ctx, inst: SimInstrument) -> Decimal:
    return ctx.exchange.last_price(inst.symbol) or ctx.exchange.mark_price(inst.symbol)


def ticker_price(ctx: Ctx) -> object:
    insts, single = _symbols(ctx)
    rows = [
        {
            "symbol": wire_symbol(i),
            "price": price_text(_last_price(ctx, i), ctx.backend.spec_of(i).price_places),
            "time": ctx.now,
        }
        for i in insts
    ]
    return rows[0] if single else rows


def book_ticker(ctx: Ctx) -> object:
    insts, single = _symbols(ctx)
    rows = []
    for inst in insts:
        spec = ctx.backend.spec_of(inst)
        bids, asks = ctx.exchange.book(inst.symbol, 1)
        bid = bids[0] if bids else (Decimal(0), Decimal(0))
        ask = asks[0] if asks else (Decimal(0), Decimal(0))
        rows.append(
            {
                "symbol": wire_symbol(inst),
                "bidPrice": price_text(bid[0], spec.price_places),
                "bidQty": qty_text(bid[1], spec.qty_places),
                "askPrice": price_text(ask[0], spec.price_places),
                "askQty": qty_text(ask[1], spec.qty_places),
                "time": ctx.now,
                "lastUpdateId": ctx.now,
            }
        )
    return rows[0] if single else rows


def _depth_limit(params: Params) -> int:
    limit = params.integer("limit")
    return 500 if limit is None else limit


def depth_weight(params: Params) -> int:
    return DEPTH_LIMITS.get(_depth_limit(params), 20)


def depth(ctx: Ctx) -> object:
    inst = ctx.inst()
    limit = _depth_limit(ctx.params)
    if limit not in DEPTH_LIMITS:
        raise invalid("limit")
    spec = ctx.backend.spec_of(inst)
    bids, asks = ctx.exchange.book(inst.symbol, limit)
    return {
        "lastUpdateId": ctx.now,
        "E": ctx.now,
        "T": ctx.now,
        "bids": [[price_text(p, spec.price_places), qty_text(q, spec.qty_places)] for p, q in bids],
        "asks": [[price_text(p, spec.price_places), qty_text(q, spec.qty_places)] for p, q in asks],
    }


def funding_rate_history(ctx: Ctx) -> object:
    inst = ctx.maybe_inst()
    insts = [inst] if inst is not None else ctx.exchange.instruments()
    limit = ctx.params.integer("limit") or 100
    start, end = ctx.params.integer("startTime"), ctx.params.integer("endTime")
    rows = []
    for i in insts:
        for ts, rate, mark in ctx.exchange.funding_history(i.symbol):
            if (start is None or ts >= start) and (end is None or ts <= end):
                rows.append(
                    {
                        "symbol": wire_symbol(i),
                        "fundingRate": fixed(rate, AMOUNT_PLACES),
                        "fundingTime": ts,
                        "markPrice": fixed(mark, AMOUNT_PLACES),
                    }
                )
    rows.sort(key=lambda r: int(str(r["fundingTime"])))
    return rows[:limit]


def listen_key_create(ctx: Ctx) -> object:
    return {"listenKey": ctx.state.listen_key_for(ctx.account_id, ctx.now)}


def _require_listen_key(ctx: Ctx) -> str:
    key = ctx.state.live_listen_key(ctx.account_id, ctx.now)
    if key is None:
        raise BinanceError(-1125, "This listenKey does not exist.")
    return key


def listen_key_keepalive(ctx: Ctx) -> object:
    _require_listen_key(ctx)
    return {"listenKey": ctx.state.listen_key_for(ctx.account_id, ctx.now)}


def listen_key_close(ctx: Ctx) -> object:
    key = _require_listen_key(ctx)
    del ctx.state.listen_keys[key]
    return {}


ROUTES: Final = (
    Spec("GET", "/fapi/v1/ping", "NONE", ping),
    Spec("GET", "/fapi/v1/time", "NONE", server_time),
    Spec("GET", "/fapi/v1/exchangeInfo", "NONE", exchange_info),
    Spec("GET", "/fapi/v1/premiumIndex", "NONE", premium_index, lambda p: 1 if "symbol" in p else 10),
    Spec("GET", "/fapi/v1/ticker/price", "NONE", ticker_price, lambda p: 1 if "symbol" in p else 2),
    Spec("GET", "/fapi/v2/ticker/price", "NONE", ticker_price, lambda p: 1 if "symbol" in p else 2),
    Spec("GET", "/fapi/v1/ticker/bookTicker", "NONE", book_ticker, lambda p: 2 if "symbol" in p else 5),
    Spec("GET", "/fapi/v1/depth", "NONE", depth, depth_weight),
    Spec("GET", "/fapi/v1/fundingRate", "NONE", funding_rate_history),
    Spec("POST", "/fapi/v1/listenKey", "USER_STREAM", listen_key_create),
    Spec("PUT", "/fapi/v1/listenKey", "USER_STREAM", listen_key_keepalive),
    Spec("DELETE", "/fapi/v1/listenKey", "USER_STREAM", listen_key_close),
)
