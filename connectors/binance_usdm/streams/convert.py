"""Typed Binance stream events → the shared update types (orders, fills, positions, balances, market data)."""

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
from venuekit.core.types import Fee, Fill, LiquidityRole, Order, Position, Side, TimeInForce
from venuekit.core.types.trusted import trusted

from ..config import VENUE
from ..enums import (
    MARGIN_MODE_FROM_WIRE,
    ORDER_TYPE_FROM_WIRE,
    POSITION_SIDE_FROM_WIRE,
    SIDE_FROM_WIRE,
    STATUS_FROM_WIRE,
    TIF_FROM_WIRE,
)
from .models import WsAccountUpdate, WsAggTrade, WsBookTicker, WsDepthUpdate, WsMarkPrice, WsOrder, WsOrderTradeUpdate

EXEC_TYPES = {
    "NEW": ExecType.NEW, "TRADE": ExecType.TRADE, "CANCELED": ExecType.CANCELED, "EXPIRED": ExecType.EXPIRED,
    "AMENDMENT": ExecType.AMENDMENT, "CALCULATED": ExecType.CALCULATED, "REJECTED": ExecType.REJECTED,
}

# Our own typed values, so the shared types are built without pydantic re-validating them.
_order, _fill, _fee, _position = trusted(Order), trusted(Fill), trusted(Fee), trusted(Position)
_order_update, _fill_update = trusted(OrderUpdate), trusted(FillUpdate)
_position_update, _balance_update = trusted(PositionUpdate), trusted(BalanceUpdate)
_mark_price, _book_ticker, _trade = trusted(MarkPriceUpdate), trusted(BookTickerUpdate), trusted(TradeUpdate)

# The wire spellings (plain `str` in the stream models) straight to the unified members.
_SIDES = {wire.value: unified for wire, unified in SIDE_FROM_WIRE.items()}
_POSITION_SIDES = {wire.value: unified for wire, unified in POSITION_SIDE_FROM_WIRE.items()}
_ZERO = Decimal(0)
_POST_ONLY = TimeInForce.POST_ONLY
_NEW, _TRADE = ExecType.NEW, ExecType.TRADE
_ROLE = {True: LiquidityRole.MAKER, False: LiquidityRole.TAKER}
_TAKER_SIDE = {True: Side.SELL, False: Side.BUY}


def _positive(value: Decimal | None) -> Decimal | None:
    return value if value is not None and value > _ZERO else None


def order(o: WsOrder, symbols: SymbolMap, raw: object = None) -> Order:
    tif = TIF_FROM_WIRE.get(o.time_in_force or "")
    return _order(
        venue=VENUE, id=o.order_id, client_order_id=o.client_order_id or None, symbol=symbols.to_unified(o.symbol),
        side=_SIDES[o.side], position_side=_POSITION_SIDES[o.position_side],
        type=ORDER_TYPE_FROM_WIRE[o.orig_type if o.orig_type in ORDER_TYPE_FROM_WIRE else o.type],
        time_in_force=tif, price=_positive(o.price), trigger_price=_positive(o.stop_price), amount=o.quantity,
        filled=o.filled_qty, remaining=o.quantity - o.filled_qty, average_price=_positive(o.avg_price),
        status=STATUS_FROM_WIRE[o.status], reduce_only=o.reduce_only, post_only=tif is _POST_ONLY,
        updated_at=o.trade_time or None, raw=raw,
    )


def fill(o: WsOrder, symbols: SymbolMap, raw: object = None) -> Fill:
    fee = _fee(cost=o.commission, currency=o.commission_asset) if o.commission is not None else None
    return _fill(
        venue=VENUE, id=o.trade_id, order_id=o.order_id, client_order_id=o.client_order_id or None,
        symbol=symbols.to_unified(o.symbol), side=_SIDES[o.side], position_side=_POSITION_SIDES[o.position_side],
        price=o.last_price, amount=o.last_qty, cost=o.last_price * o.last_qty, fee=fee,
        role=_ROLE[o.maker], realized_pnl=o.realized_profit,
        timestamp=o.trade_time, raw=raw,
    )


def order_events(event: WsOrderTradeUpdate, symbols: SymbolMap) -> list[AccountUpdate]:
    """ORDER_TRADE_UPDATE → a FillUpdate when it reports a trade, then the OrderUpdate (state after it)."""
    o = event.order
    exec_type = EXEC_TYPES.get(o.exec_type, _NEW)
    the_fill = fill(o, symbols, event) if exec_type is _TRADE and o.last_qty > _ZERO else None
    stamp = event.transaction_time or event.event_time
    out: list[AccountUpdate] = []
    if the_fill is not None:
        out.append(_fill_update(venue=VENUE, fill=the_fill, timestamp=stamp))
    out.append(_order_update(venue=VENUE, order=order(o, symbols, event), exec_type=exec_type, fill=the_fill,
                             timestamp=stamp))
    return out


def account_events(event: WsAccountUpdate, symbols: SymbolMap) -> list[AccountUpdate]:
    """ACCOUNT_UPDATE → one BalanceUpdate per `B` entry and one PositionUpdate per `P` entry, versioned by the
    event's time (`T`, else `E`) so a late push is withheld."""
    stamp = event.transaction_time or event.event_time
    reason = event.account.reason
    out: list[AccountUpdate] = [
        _balance_update(venue=VENUE, asset=b.asset, wallet_balance=b.wallet_balance,
                        cross_wallet_balance=b.cross_wallet_balance, change=b.balance_change, reason=reason,
                        timestamp=stamp, version=stamp or None, raw=b)
        for b in event.account.balances
    ]
    for p in event.account.positions:
        leg = _POSITION_SIDES[p.position_side]
        if p.position_side == "BOTH":
            side = Side.BUY if p.position_amount >= _ZERO else Side.SELL
        else:
            side = Side.BUY if p.position_side == "LONG" else Side.SELL
        margin_type = (p.margin_type or "").lower()
        position = _position(
            venue=VENUE, symbol=symbols.to_unified(p.symbol), side=side, position_side=leg,
            size=abs(p.position_amount), entry_price=_positive(p.entry_price), unrealized_pnl=p.unrealized_pnl,
            margin_mode=MARGIN_MODE_FROM_WIRE.get(margin_type),
            margin=p.isolated_wallet if margin_type == "isolated" else None, updated_at=stamp, raw=p,
        )
        out.append(_position_update(venue=VENUE, position=position, reason=reason, timestamp=stamp,
                                    version=stamp or None))
    return out


def mark_price(event: WsMarkPrice, symbols: SymbolMap) -> MarkPriceUpdate:
    return _mark_price(
        venue=VENUE, symbol=symbols.to_unified(event.symbol), mark_price=event.mark_price,
        index_price=event.index_price, funding_rate=event.funding_rate,
        next_funding_time=event.next_funding_time or None, timestamp=event.event_time,
    )


def book_ticker(event: WsBookTicker, symbols: SymbolMap) -> BookTickerUpdate:
    return _book_ticker(
        venue=VENUE, symbol=symbols.to_unified(event.symbol), bid_price=event.bid_price, bid_amount=event.bid_qty,
        ask_price=event.ask_price, ask_amount=event.ask_qty, update_id=event.update_id,
        timestamp=event.transaction_time or event.event_time,
    )


def agg_trade(event: WsAggTrade, symbols: SymbolMap) -> TradeUpdate:
    """`m` true means the buyer was the maker, so the taker sold."""
    return _trade(
        venue=VENUE, symbol=symbols.to_unified(event.symbol), id=event.agg_id, price=event.price,
        amount=event.quantity, side=_TAKER_SIDE[event.buyer_is_maker], timestamp=event.trade_time,
    )


def depth_delta(event: WsDepthUpdate) -> BookDelta:
    return BookDelta(
        symbol=event.symbol, bids=tuple(event.bids), asks=tuple(event.asks), first_id=event.first_id,
        last_id=event.last_id, prev_id=event.prev_id, timestamp=event.transaction_time or event.event_time,
    )
