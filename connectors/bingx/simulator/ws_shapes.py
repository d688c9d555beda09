"""Engine events rendered as BingX swap stream payloads (field names, string decimals, numeric order ids).

User data follows the 2023 account-push samples and the live recordings of streams.md §A4; `z`, `n` and `rp`
are the order's cumulative filled quantity, fee and realised PnL, `T` its update time (what REST reports as
`updateTime`). Market pushes are wrapped in `{"code": 0, "dataType", "data"}` (§A5/§A6).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from venuekit.core.numbers import format_decimal
from venuekit.core.simulator import BalanceEvent, ExecType, Lifecycle, OrderEvent, PositionEvent, RawNumber, TradeEvent
from venuekit.core.simulator.instruments import SimInstrument
from venuekit.core.types.enums import MarginMode, PositionSide, Side

from .orders import ORDER_TYPES
from .render import BX_POSITION_SIDE, BX_SIDE
from .state import OrderExtra
from .wire import dec

AMOUNT_PLACES = 8
Levels = list[tuple[Decimal, Decimal]]
EXEC_NAMES = {ExecType.NEW: "NEW", ExecType.TRADE: "TRADE", ExecType.CANCELED: "CANCELED",
              ExecType.EXPIRED: "EXPIRED"}
STATUS_NAMES = {Lifecycle.NEW: "NEW", Lifecycle.PARTIALLY_FILLED: "PARTIALLY_FILLED", Lifecycle.FILLED: "FILLED",
                Lifecycle.CANCELED: "CANCELED", Lifecycle.EXPIRED: "EXPIRED", Lifecycle.REJECTED: "CANCELED"}
TYPE_NAMES = {engine: name for name, engine in reversed(ORDER_TYPES.items())}
MARGIN_NAMES = {MarginMode.ISOLATED: "isolated", MarginMode.CROSS: "cross"}


def order_trade_update(event: OrderEvent, inst: SimInstrument, extra: OrderExtra | None) -> dict[str, Any] | None:
    """ORDER_TRADE_UPDATE; executions BingX has no word for (a trigger firing, an amendment) are not pushed."""
    exec_name = EXEC_NAMES.get(event.exec_type)
    if exec_name is None:
        return None
    order = event.order
    pp = inst.price_precision
    return {
        "e": "ORDER_TRADE_UPDATE", "E": event.ts,
        "o": {
            "s": order.symbol, "c": order.client_order_id or "", "i": RawNumber(int(order.order_id)),
            "S": BX_SIDE[order.side], "o": extra.bx_type if extra else TYPE_NAMES[order.order_type],
            "q": dec(order.quantity, AMOUNT_PLACES), "p": dec(order.price or Decimal(0), AMOUNT_PLACES),
            "ap": dec(order.avg_price, pp), "x": exec_name, "X": STATUS_NAMES[order.lifecycle],
            "N": order.fee_asset or inst.settle, "n": dec(-order.fee, AMOUNT_PLACES), "T": order.updated_ms,
            "wt": extra.working_type if extra and extra.working_type else "MARK_PRICE",
            "ps": BX_POSITION_SIDE[order.position_side], "rp": dec(order.realized_pnl, AMOUNT_PLACES),
            "z": dec(order.filled_qty, AMOUNT_PLACES), "sp": dec(order.trigger_price or Decimal(0), pp),
        },
    }


def account_balance(event: BalanceEvent) -> dict[str, Any]:
    wallet = dec(event.balance, AMOUNT_PLACES)
    return {
        "e": "ACCOUNT_UPDATE", "E": event.ts, "T": event.ts,
        "a": {"m": event.reason, "B": [{"a": event.asset, "wb": wallet, "cw": wallet,
                                        "bc": dec(event.change, AMOUNT_PLACES)}], "P": []},
    }


def account_position(event: PositionEvent, inst: SimInstrument) -> dict[str, Any]:
    """One leg; `pa` is the size (positive on a SHORT leg), `ps` the leg, or the direction in one-way mode."""
    pos = event.position
    leg = pos.position_side if pos.position_side is not PositionSide.BOTH else pos.direction or PositionSide.LONG
    isolated = pos.margin_mode is MarginMode.ISOLATED
    return {
        "e": "ACCOUNT_UPDATE", "E": event.ts, "T": event.ts,
        "a": {"m": event.reason, "B": [], "P": [{
            "s": pos.symbol, "pa": dec(pos.size, AMOUNT_PLACES), "ep": dec(pos.entry_price, inst.price_precision),
            "up": dec(pos.unrealized_pnl, AMOUNT_PLACES), "mt": MARGIN_NAMES[pos.margin_mode],
            "iw": dec(pos.isolated_margin if isolated else Decimal(0), AMOUNT_PLACES), "ps": BX_POSITION_SIDE[leg],
        }]},
    }


def listen_key_expired(listen_key: str, now: int) -> dict[str, Any]:
    return {"e": "listenKeyExpired", "E": now, "listenKey": listen_key}


def envelope(data_type: str, data: Any, ts: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"code": 0, "dataType": data_type}
    if ts is not None:
        out["ts"] = ts
    out["data"] = data
    return out


def mark_price(symbol: str, mark: Decimal, ts: int) -> dict[str, Any]:
    return {"e": "markPriceUpdate", "E": ts, "s": symbol, "p": format_decimal(mark)}


def trade(event: TradeEvent, inst: SimInstrument) -> list[dict[str, Any]]:
    """The current form: an array of prints; `m` true when the buyer was the maker (the taker sold)."""
    return [{"q": dec(event.quantity, inst.quantity_precision), "p": dec(event.price, inst.price_precision),
             "T": event.ts, "m": event.taker_side is Side.SELL, "s": event.symbol}]


def book_ticker(inst: SimInstrument, update_id: int, ts: int, bid: tuple[Decimal, Decimal],
                ask: tuple[Decimal, Decimal]) -> dict[str, Any]:
    pp, qp = inst.price_precision, inst.quantity_precision
    return {"e": "bookTicker", "u": update_id, "E": ts, "T": ts, "s": inst.symbol,
            "b": dec(bid[0], pp), "B": dec(bid[1], qp), "a": dec(ask[0], pp), "A": dec(ask[1], qp)}


def levels(inst: SimInstrument, rows: Levels) -> list[list[str]]:
    return [[dec(p, inst.price_precision), dec(q, inst.quantity_precision)] for p, q in rows]


def incr_depth(inst: SimInstrument, action: str, last_id: int, ts: int, bids: Levels, asks: Levels) -> dict[str, Any]:
    """Bids best first; asks highest first, as BingX lists them (clients must sort)."""
    return {"action": action, "lastUpdateId": last_id, "time": ts,
            "bids": levels(inst, sorted(bids, reverse=True)), "asks": levels(inst, sorted(asks, reverse=True))}


def depth_snapshot(inst: SimInstrument, bids: Levels, asks: Levels) -> dict[str, Any]:
    return {"bids": levels(inst, bids), "asks": levels(inst, sorted(asks, reverse=True))}
