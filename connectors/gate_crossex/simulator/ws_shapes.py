"""Engine events rendered as CrossEx WebSocket frames (streams.md §C2–§C5): private data in `payload` next
to a success `result`, public data in `result`, decimals as strings, `time` in seconds plus `time_ms`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import orjson

from venuekit.core.simulator import PositionView, SimFill, SimOrder, TradeEvent
from venuekit.core.types.enums import Side

from .context import CrossEx, text
from .markets import FUTURE, MARGIN
from .render import margin_position_json, order_json, position_json, trade_json

ZERO = Decimal(0)
SUCCESS = {"code": "100000", "message": "success"}
ERRORS = {
    "100001": "Parameter missing or invalid",
    "100002": "Not logged in",
    "100003": "Connection limit reached",
    "100004": "Timeout",
    "100005": "Operation failed",
    "100006": "Login failed",
    "100007": "Network error, please try again later",
}
_REST_ONLY = ("tif", "client_order_id", "fee_currency")
DAY_MS = 86_400_000
Levels = list[tuple[Decimal, Decimal]]


def _dump(frame: dict[str, Any]) -> str:
    return orjson.dumps(frame).decode()


def private(channel: str, payload: dict[str, Any], now_ms: int, event: str = "update") -> str:
    return _dump({"channel": channel, "event": event, "payload": payload, "result": SUCCESS,
                  "time": now_ms // 1000, "time_ms": now_ms})


def public(channel: str, result: dict[str, Any], now_ms: int) -> str:
    return _dump({"time": now_ms // 1000, "channel": channel, "event": "update", "result": result,
                  "time_ms": now_ms})


def ack(channel: str, event: str, payload: list[str], now_ms: int) -> str:
    return _dump({"channel": channel, "event": event, "payload": payload, "result": SUCCESS,
                  "time": now_ms // 1000, "time_ms": now_ms})


def login_ok(conn_id: str, now_ms: int) -> str:
    return _dump({"event": "login", "payload": {"conn_id": conn_id}, "result": SUCCESS, "time": now_ms // 1000,
                  "time_ms": now_ms})


def error(channel: str, event: str, code: str, now_ms: int, detail: str = "") -> str:
    message = ERRORS[code] + (f": {detail}" if detail else "")
    return _dump({"time": now_ms // 1000, "time_ms": now_ms, "channel": channel, "event": event,
                  "error": {"code": code, "message": message}, "result": None})


def order(venue: CrossEx, snapshot: SimOrder, fill: SimFill | None) -> dict[str, Any]:
    """The REST order object with the push's key set; `last_executed_*` describe this event's fill."""
    row = {k: v for k, v in order_json(venue, snapshot).items() if k not in _REST_ONLY}
    if fill is not None:
        row["last_executed_qty"] = text(fill.quantity)
        row["last_executed_price"] = text(fill.price)
        row["last_executed_amount"] = text(fill.quantity * fill.price)
    return row


def user_trade(venue: CrossEx, fill: SimFill) -> dict[str, Any]:
    return trade_json(venue, fill)


def position(venue: CrossEx, view: PositionView, direction: str | None) -> tuple[str, dict[str, Any]]:
    """(channel, payload): `position` for contracts, `margin_position` for margin pairs. A flat leg keeps the
    direction it had (`direction`), so the consumer knows which leg closed."""
    spec = venue.pair(view.symbol)
    if spec.business == MARGIN:
        row = margin_position_json(venue, view, spec)
        channel = "margin_position"
    else:
        row = {k: v for k, v in position_json(venue, view, spec).items() if k != "avg_price"}
        channel = "position"
    if view.quantity == 0:
        row["position_side"] = direction or "NONE"
    return channel, row


def _coin_price(venue: CrossEx, coin: str) -> Decimal:
    if coin == "USDT":
        return Decimal(1)
    for spec in venue.pairs.values():
        if spec.base == coin and spec.quote == "USDT":
            return venue.exchange.mark_price(spec.symbol)
    return ZERO


def asset(venue: CrossEx, account_id: str, coin: str, wallet: Decimal, exchange_type: str) -> dict[str, Any]:
    """One coin of the CrossEx account, as the REST account's asset row plus its USDT `price`."""
    ex = venue.exchange
    bal = ex.balance(account_id).get(coin)
    margins = {FUTURE: [ZERO, ZERO], MARGIN: [ZERO, ZERO]}
    for view in ex.positions(account_id):
        spec = venue.pairs.get(view.symbol)
        if spec is not None and spec.business in margins:
            margins[spec.business][0] += view.initial_margin
            margins[spec.business][1] += view.maintenance_margin
    usdt = coin == "USDT"
    upnl = bal.unrealized_pnl if bal and usdt else ZERO
    return {
        "available_balance": text(bal.available if bal else ZERO),
        "balance": text(wallet),
        "coin": coin,
        "equity": text(wallet + upnl if usdt else ZERO),
        "exchange_type": exchange_type,
        "futures_initial_margin": text(margins[FUTURE][0] if usdt else ZERO),
        "futures_maintenance_margin": text(margins[FUTURE][1] if usdt else ZERO),
        "borrowing_initial_margin": text(margins[MARGIN][0] if usdt else ZERO),
        "borrowing_maintenance_margin": text(margins[MARGIN][1] if usdt else ZERO),
        "price": text(_coin_price(venue, coin)),
        "upnl": text(upnl),
        "user_id": account_id,
    }


def mark_price(symbol: str, mark: Decimal) -> dict[str, Any]:
    return {"s": symbol, "mp": text(mark)}


def index_price(symbol: str, index: Decimal) -> dict[str, Any]:
    return {"s": symbol, "ip": text(index)}


def last_price(symbol: str, last: Decimal) -> dict[str, Any]:
    return {"s": symbol, "lp": text(last)}


def funding_rate(symbol: str, rate: Decimal, next_ms: int) -> dict[str, Any]:
    return {"s": symbol, "r": text(rate), "T": next_ms}


def trade(event: TradeEvent) -> dict[str, Any]:
    return {"s": event.symbol, "i": event.trade_id, "p": text(event.price), "q": text(event.quantity),
            "S": event.taker_side.value.upper(), "ts": event.ts, "m": event.taker_side is Side.SELL}


def ticker(venue: CrossEx, symbol: str, best: tuple[tuple[Decimal, Decimal], tuple[Decimal, Decimal]],
           now_ms: int) -> dict[str, Any]:
    """Last price, best bid/ask with sizes and 24 h statistics from the engine's recent prints."""
    ex = venue.exchange
    prints = [t for t in ex.recent_trades(symbol) if t.ts >= now_ms - DAY_MS]
    last = ex.last_price(symbol) or ex.mark_price(symbol)
    prices = [t.price for t in prints] or [last]
    (bid, bid_qty), (ask, ask_qty) = best
    return {
        "s": symbol, "lp": text(last), "bp": text(bid), "bs": text(bid_qty), "ap": text(ask), "as": text(ask_qty),
        "o": text(prices[0]), "h": text(max(prices)), "l": text(min(prices)),
        "v": text(sum((t.quantity for t in prints), ZERO)),
        "q": text(sum((t.quantity * t.price for t in prints), ZERO)),
        "ts": now_ms,
    }


def book(symbol: str, ts: int, ids: tuple[int, int], bids: Levels, asks: Levels, *, snapshot: bool) -> dict[str, Any]:
    first, last = ids
    return {"snapshot": snapshot, "ts": ts, "s": symbol, "U": first, "u": last,
            "a": [[text(p), text(q)] for p, q in asks], "b": [[text(p), text(q)] for p, q in bids]}
