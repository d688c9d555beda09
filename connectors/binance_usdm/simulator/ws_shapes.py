"""Engine events rendered as Binance USDⓈ-M stream payloads (field names and string decimals as the venue)."""

from __future__ import annotations

from decimal import Decimal

from venuekit.core.simulator import BalanceEvent, ExecType, MarkPriceEvent, OrderEvent, PositionEvent, TradeEvent
from venuekit.core.types.enums import Side

from .pipeline import Backend
from .shapes_orders import OrderExtras, avg_text
from .wire import (
    AMOUNT_PLACES,
    MARGIN_TYPE_NAMES,
    ORDER_TYPE_NAMES,
    POSITION_SIDE_NAMES,
    SIDE_NAMES,
    STATUS_NAMES,
    fixed,
    order_type_name,
    plain,
    price_text,
    qty_text,
)

EXEC_NAMES = {ExecType.NEW: "NEW", ExecType.TRADE: "TRADE", ExecType.CANCELED: "CANCELED",
              ExecType.EXPIRED: "EXPIRED", ExecType.AMENDMENT: "AMENDMENT"}
Levels = list[tuple[Decimal, Decimal]]


def order_trade_update(backend: Backend, event: OrderEvent, extras: OrderExtras | None) -> dict[str, object] | None:
    """ORDER_TRADE_UPDATE; a trigger firing (no Binance execution type of its own) is not pushed."""
    exec_name = EXEC_NAMES.get(event.exec_type)
    if exec_name is None:
        return None
    order, fill = event.order, event.fill
    spec = backend.spec_for(order.symbol)
    extra = extras or OrderExtras()
    tif = "GTC" if order.is_market_like else {"PO": "GTX"}.get(order.time_in_force.value, order.time_in_force.value)
    return {
        "e": "ORDER_TRADE_UPDATE", "E": event.ts, "T": event.ts,
        "o": {
            "s": backend.wire(order.symbol), "c": order.client_order_id or "", "S": SIDE_NAMES[order.side],
            "o": order_type_name(order), "f": tif, "q": qty_text(order.quantity, spec.qty_places),
            "p": price_text(order.price, spec.price_places), "ap": avg_text(order.avg_price, spec),
            "sp": price_text(order.trigger_price, spec.price_places), "x": exec_name,
            "X": STATUS_NAMES[order.lifecycle], "i": int(order.order_id),
            "l": qty_text(fill.quantity if fill else Decimal(0), spec.qty_places),
            "z": qty_text(order.filled_qty, spec.qty_places),
            "L": price_text(fill.price if fill else None, spec.price_places),
            "N": fill.fee_asset if fill else "USDT", "n": fixed(fill.fee if fill else Decimal(0), AMOUNT_PLACES),
            "T": order.updated_ms, "t": int(fill.trade_id) if fill else 0, "b": "0", "a": "0",
            "m": bool(fill and fill.is_maker), "R": order.reduce_only, "wt": extra.working_type,
            "ot": ORDER_TYPE_NAMES[order.order_type], "ps": POSITION_SIDE_NAMES[order.position_side],
            "cp": order.close_position, "pP": extra.price_protect, "si": 0, "ss": 0,
            "rp": fixed(fill.realized_pnl if fill else Decimal(0), AMOUNT_PLACES), "V": extra.stp_mode,
            "pm": extra.price_match, "gtd": extra.good_till_date, "er": "0",
        },
    }


def trade_lite(backend: Backend, event: OrderEvent) -> dict[str, object] | None:
    order, fill = event.order, event.fill
    if fill is None:
        return None
    spec = backend.spec_for(order.symbol)
    return {
        "e": "TRADE_LITE", "E": event.ts, "T": fill.ts, "s": backend.wire(order.symbol),
        "q": qty_text(order.quantity, spec.qty_places), "p": price_text(order.price, spec.price_places),
        "m": fill.is_maker, "c": order.client_order_id or "", "S": SIDE_NAMES[order.side],
        "L": price_text(fill.price, spec.price_places), "l": qty_text(fill.quantity, spec.qty_places),
        "t": int(fill.trade_id), "i": int(order.order_id),
    }


def account_balance(event: BalanceEvent) -> dict[str, object]:
    return {
        "e": "ACCOUNT_UPDATE", "E": event.ts, "T": event.ts,
        "a": {"m": event.reason, "B": [{"a": event.asset, "wb": fixed(event.balance, AMOUNT_PLACES),
                                        "cw": fixed(event.balance, AMOUNT_PLACES),
                                        "bc": fixed(event.change, AMOUNT_PLACES)}], "P": []},
    }


def account_position(backend: Backend, event: PositionEvent) -> dict[str, object]:
    pos = event.position
    spec = backend.spec_for(pos.symbol)
    return {
        "e": "ACCOUNT_UPDATE", "E": event.ts, "T": event.ts,
        "a": {"m": event.reason, "B": [], "P": [{
            "s": backend.wire(pos.symbol), "pa": qty_text(pos.quantity, spec.qty_places),
            "ep": plain(pos.entry_price), "bep": plain(pos.entry_price),
            "cr": fixed(pos.realized_pnl, AMOUNT_PLACES), "up": fixed(pos.unrealized_pnl, AMOUNT_PLACES),
            "mt": MARGIN_TYPE_NAMES[pos.margin_mode], "iw": fixed(pos.isolated_margin, AMOUNT_PLACES),
            "ps": POSITION_SIDE_NAMES[pos.position_side], "ma": pos.settle,
        }]},
    }


def mark_price(backend: Backend, event: MarkPriceEvent) -> dict[str, object]:
    mark = fixed(event.mark_price, AMOUNT_PLACES)
    return {"e": "markPriceUpdate", "E": event.ts, "s": backend.wire(event.symbol), "p": mark, "i": mark,
            "P": mark, "r": fixed(event.funding_rate, AMOUNT_PLACES), "T": event.next_funding_ms}


def agg_trade(backend: Backend, event: TradeEvent) -> dict[str, object]:
    spec = backend.spec_for(event.symbol)
    trade_id = int(event.trade_id)
    return {"e": "aggTrade", "E": event.ts, "s": backend.wire(event.symbol), "a": trade_id,
            "p": price_text(event.price, spec.price_places), "q": qty_text(event.quantity, spec.qty_places),
            "f": trade_id, "l": trade_id, "T": event.ts, "m": event.taker_side is Side.SELL}


def book_ticker(backend: Backend, symbol: str, update_id: int, ts: int, bid: tuple[Decimal, Decimal],
                ask: tuple[Decimal, Decimal]) -> dict[str, object]:
    spec = backend.spec_for(symbol)
    return {"e": "bookTicker", "u": update_id, "E": ts, "T": ts, "s": backend.wire(symbol),
            "b": price_text(bid[0], spec.price_places), "B": qty_text(bid[1], spec.qty_places),
            "a": price_text(ask[0], spec.price_places), "A": qty_text(ask[1], spec.qty_places)}


def depth_update(backend: Backend, symbol: str, ts: int, ids: tuple[int, int, int], bids: Levels,
                 asks: Levels) -> dict[str, object]:
    spec = backend.spec_for(symbol)
    first, last, prev = ids
    return {"e": "depthUpdate", "E": ts, "T": ts, "s": backend.wire(symbol), "U": first, "u": last, "pu": prev,
            "b": [[price_text(p, spec.price_places), qty_text(q, spec.qty_places)] for p, q in bids],
            "a": [[price_text(p, spec.price_places), qty_text(q, spec.qty_places)] for p, q in asks]}
