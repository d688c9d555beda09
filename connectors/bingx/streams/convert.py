"""Typed BingX stream events → the shared update types (orders, fills, positions, balances, market data)."""

from __future__ import annotations

from decimal import Decimal

from venuekit.core.streams import (
    AccountUpdate,
    BalanceUpdate,
    BookDelta,
    BookTickerUpdate,
    ExecType,
    FillUpdate,
    MarkPriceUpdate,
    OrderUpdate,
    PositionUpdate,
    TradeUpdate,
)
from venuekit.core.symbols import SymbolMap
from venuekit.core.types import Fee, Fill, MarginMode, Order, Position, PositionSide, Side
from venuekit.core.types.trusted import trusted

from .. import convert as rest
from ..config import VENUE
from .fills import FillTracker, Progress, Step, fill_id
from .models import WsAccountUpdate, WsBookTicker, WsIncrDepth, WsMarkPrice, WsOrder, WsOrderTradeUpdate, WsTrade

ZERO = Decimal(0)
EXEC_TYPES = {
    "NEW": ExecType.NEW, "TRADE": ExecType.TRADE, "CANCELED": ExecType.CANCELED, "CANCELLED": ExecType.CANCELED,
    "EXPIRED": ExecType.EXPIRED, "CALCULATED": ExecType.CALCULATED,
}
MARGIN_MODES = {"isolated": MarginMode.ISOLATED, "cross": MarginMode.CROSS, "crossed": MarginMode.CROSS}

# Our own typed values, so the shared types are built without pydantic re-validating them.
_order, _fill, _fee, _position = trusted(Order), trusted(Fill), trusted(Fee), trusted(Position)
_order_update, _fill_update = trusted(OrderUpdate), trusted(FillUpdate)
_position_update, _balance_update = trusted(PositionUpdate), trusted(BalanceUpdate)
_mark_price, _book_ticker, _trade = trusted(MarkPriceUpdate), trusted(BookTickerUpdate), trusted(TradeUpdate)


def _positive(value: Decimal | None) -> Decimal | None:
    return value if value is not None and value > ZERO else None


def progress(o: WsOrder) -> Progress:
    avg = o.avg_price or ZERO
    return Progress(filled=o.filled_qty, quote=avg * o.filled_qty, fee=o.fee or ZERO, pnl=o.realized_profit or ZERO)


def order(o: WsOrder, symbols: SymbolMap, timestamp: int, raw: object = None) -> Order:
    remaining = o.quantity - o.filled_qty
    return _order(
        venue=VENUE, id=o.order_id, client_order_id=o.client_order_id or None, symbol=symbols.to_unified(o.symbol),
        side=rest.side(o.side), position_side=rest.position_side(o.position_side), type=rest.order_type(o.type),
        price=_positive(o.price), trigger_price=_positive(o.stop_price), amount=o.quantity, filled=o.filled_qty,
        remaining=ZERO if remaining < ZERO else remaining, average_price=_positive(o.avg_price),
        status=rest.status(o.status), reduce_only=bool(o.reduce_only), updated_at=timestamp,
        fee=_fee(cost=-o.fee, currency=o.fee_asset) if o.fee else None, raw=raw,
    )


def _fill_price(o: WsOrder, step: Step, symbols: SymbolMap) -> Decimal:
    """The first fill of an order is at its average price; later ones at the change in quote amount per
    unit, rounded to the tick (the pushed average is itself rounded)."""
    if step.qty == step.cumulative and o.avg_price:
        return o.avg_price
    if step.quote is None or not o.avg_price:
        return o.avg_price or o.price or ZERO
    price = step.quote / step.qty
    inst = symbols.by_venue(o.symbol)
    return inst.quantize_price(price) if inst is not None else price


def fill(o: WsOrder, step: Step, symbols: SymbolMap, timestamp: int, raw: object = None) -> Fill:
    price = _fill_price(o, step, symbols)
    fee = _fee(cost=-step.fee, currency=o.fee_asset) if step.fee is not None and o.fee is not None else None
    return _fill(
        venue=VENUE, id=fill_id(o.order_id, step.cumulative), order_id=o.order_id,
        client_order_id=o.client_order_id or None, symbol=symbols.to_unified(o.symbol), side=rest.side(o.side),
        position_side=rest.position_side(o.position_side), price=price, amount=step.qty, cost=price * step.qty,
        fee=fee, realized_pnl=step.pnl if o.realized_profit is not None else None, timestamp=timestamp, raw=raw,
    )


def order_events(event: WsOrderTradeUpdate, symbols: SymbolMap, tracker: FillTracker) -> list[AccountUpdate]:
    """ORDER_TRADE_UPDATE → a FillUpdate when the filled quantity grew, then the OrderUpdate (state after it)."""
    o = event.order
    stamp = o.trade_time or event.event_time
    step = tracker.advance(o.order_id, progress(o), have_quote=o.avg_price is not None, have_fee=o.fee is not None,
                           have_pnl=o.realized_profit is not None)
    the_fill = fill(o, step, symbols, stamp, event) if step is not None else None
    out: list[AccountUpdate] = []
    if the_fill is not None:
        out.append(_fill_update(venue=VENUE, fill=the_fill, timestamp=stamp))
    out.append(_order_update(venue=VENUE, order=order(o, symbols, stamp, event),
                             exec_type=EXEC_TYPES.get(o.exec_type.upper(), ExecType.NEW), fill=the_fill,
                             timestamp=stamp))
    return out


def account_events(event: WsAccountUpdate, symbols: SymbolMap, *, hedge: bool) -> list[AccountUpdate]:
    """ACCOUNT_UPDATE → one BalanceUpdate per `B` entry, one PositionUpdate per `P` entry, versioned by the
    event's time (`T`, else `E`) so a late push is withheld. BingX labels one-way positions LONG/SHORT too:
    in one-way mode (`hedge` False) the leg is BOTH, the label the side."""
    stamp = event.transaction_time or event.event_time
    reason = event.account.reason or None
    out: list[AccountUpdate] = [
        _balance_update(venue=VENUE, asset=b.asset, wallet_balance=b.wallet_balance,
                        cross_wallet_balance=b.cross_wallet_balance, change=b.balance_change, reason=reason,
                        timestamp=stamp, version=stamp or None, raw=b)
        for b in event.account.balances
    ]
    for p in event.account.positions:
        label = rest.position_side(p.position_side) or PositionSide.BOTH
        if label is PositionSide.BOTH:
            side = Side.BUY if p.position_amount >= 0 else Side.SELL
        else:
            side = Side.BUY if label is PositionSide.LONG else Side.SELL
        mode = MARGIN_MODES.get((p.margin_type or "").lower())
        position = _position(
            venue=VENUE, symbol=symbols.to_unified(p.symbol), side=side,
            position_side=label if hedge else PositionSide.BOTH, size=abs(p.position_amount),
            entry_price=p.entry_price if p.position_amount else None, unrealized_pnl=p.unrealized_pnl,
            margin_mode=mode, margin=p.isolated_wallet if mode is MarginMode.ISOLATED else None,
            updated_at=stamp, raw=p,
        )
        out.append(_position_update(venue=VENUE, position=position, reason=reason, timestamp=stamp,
                                    version=stamp or None))
    return out


def mark_price(event: WsMarkPrice, symbols: SymbolMap) -> MarkPriceUpdate:
    return _mark_price(venue=VENUE, symbol=symbols.to_unified(event.symbol), mark_price=event.mark_price,
                       timestamp=event.event_time)


def book_ticker(event: WsBookTicker, symbols: SymbolMap) -> BookTickerUpdate:
    return _book_ticker(
        venue=VENUE, symbol=symbols.to_unified(event.symbol), bid_price=event.bid_price, bid_amount=event.bid_qty,
        ask_price=event.ask_price, ask_amount=event.ask_qty, update_id=event.update_id,
        timestamp=event.transaction_time or event.event_time,
    )


def trade(event: WsTrade, symbols: SymbolMap) -> TradeUpdate:
    """No trade id on the wire: the id is `<time>-<price>-<qty>-<b|s>` (taker side), stable per print."""
    taker = Side.SELL if event.buyer_is_maker else Side.BUY
    ident = f"{event.trade_time}-{event.price}-{event.quantity}-{taker.value[0]}"
    return _trade(venue=VENUE, symbol=symbols.to_unified(event.symbol), id=ident, price=event.price,
                  amount=event.quantity, side=taker, timestamp=event.trade_time)


def depth_delta(venue_symbol: str, event: WsIncrDepth) -> BookDelta:
    """`action: all` is the stream's own snapshot; an update covers exactly one id (`lastUpdateId`)."""
    return BookDelta(symbol=venue_symbol, bids=tuple(event.bids), asks=tuple(event.asks),
                     last_id=event.last_update_id, snapshot=event.action == "all", timestamp=event.time)
