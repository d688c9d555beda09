"""Pure conversions from BingX models to the shared types (and the few the other way)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from venuekit.core.types import (
    Balance,
    Fee,
    Fill,
    FundingRate,
    IncomeEntry,
    Instrument,
    InstrumentStatus,
    LiquidityRole,
    MarginMode,
    Order,
    OrderRequest,
    OrderStatus,
    OrderType,
    Position,
    PositionSide,
    Side,
    Ticker,
    TimeInForce,
)
from venuekit.core.types.trusted import trusted

from . import enums as bx
from .config import VENUE
from .models.market import Contract, PremiumIndex, SwapTicker
from .models.swap_account import IncomeRecord, SwapBalance, SwapPosition
from .models.swap_trade import FillHistoryEntry, FillOrder, SwapOrder

ToUnified = Callable[[str], str]
ZERO = Decimal(0)

# Our own typed values, so the shared types are built without pydantic re-validating them.
_order, _fill, _fee = trusted(Order), trusted(Fill), trusted(Fee)
_position, _balance, _income = trusted(Position), trusted(Balance), trusted(IncomeEntry)

# Wire value -> unified member by one dict lookup (members and their values as keys: a StrEnum member hashes by
# name, not value); the case-insensitive lookups fall back to the upper-cased spelling.
_SIDES: dict[object, Side] = {"BUY": Side.BUY, "SELL": Side.SELL}
_POSITION_SIDES: dict[object, PositionSide] = {
    k: u for m, u in bx.POSITION_SIDE_TO_UNIFIED.items() for k in (m, m.value)}
_ORDER_TYPES: dict[object, OrderType] = {k: u for m, u in bx.ORDER_TYPE_TO_UNIFIED.items() for k in (m, m.value)}
_STATUSES: dict[object, OrderStatus] = {k: u for m, u in bx.STATUS_TO_UNIFIED.items() for k in (m, m.value)}
_TIFS: dict[object, TimeInForce] = {m.value: u for m, u in bx.TIF_TO_UNIFIED.items()}
_WIRE_POST_ONLY = bx.TimeInForce.POST_ONLY.value
_LIMIT = OrderType.LIMIT


def _positive(value: Decimal | None) -> Decimal | None:
    return value if value is not None and value > ZERO else None


def _true(value: bool | str | None) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def side(value: bx.OrderSide | str) -> Side:
    found = _SIDES.get(value)
    if found is None:
        return Side.BUY if str(value).upper() == "BUY" else Side.SELL
    return found


def position_side(value: bx.PositionSide | str | None) -> PositionSide | None:
    if value is None:
        return None
    found = _POSITION_SIDES.get(value)
    return _POSITION_SIDES.get(str(value).upper()) if found is None else found


def order_type(value: bx.OrderType | str | None, fallback: OrderType = OrderType.LIMIT) -> OrderType:
    return _ORDER_TYPES.get(value, fallback)


def status(value: bx.OrderStatus | str | None) -> OrderStatus:
    found = _STATUSES.get(value)
    return _STATUSES.get(str(value).upper(), OrderStatus.OPEN) if found is None else found


def time_in_force(value: str | None) -> TimeInForce | None:
    return _TIFS.get(value) if value else None


def iso_ms(text: str | None) -> int | None:
    """`2023-12-16T20:58:36Z` or `2006-01-02T15:04:05.999+0800` to epoch ms."""
    if not text:
        return None
    try:
        return int(datetime.fromisoformat(text).timestamp() * 1000)
    except ValueError:
        return None


def instrument(c: Contract) -> Instrument:
    """Tick and lot step come from the precisions (decimal places); min qty and min notional as listed."""
    base, _, quote = c.symbol.partition("-")
    settle = c.currency or quote
    trading = c.status in (None, 1) and c.api_state_open is not False
    leverages = [x for x in (c.max_long_leverage, c.max_short_leverage) if x is not None]
    return Instrument(
        symbol=f"{c.asset or base}/{quote}:{settle}",
        venue_symbol=c.symbol,
        venue=VENUE,
        base=c.asset or base,
        quote=quote,
        settle=settle,
        tick_size=Decimal(1).scaleb(-c.price_precision),
        lot_step=Decimal(1).scaleb(-c.quantity_precision),
        min_qty=c.trade_min_quantity or ZERO,
        min_notional=c.trade_min_usdt or ZERO,
        max_leverage=Decimal(max(leverages)) if leverages else None,
        maker_fee=c.maker_fee_rate,
        taker_fee=c.taker_fee_rate,
        status=InstrumentStatus.TRADING if trading else InstrumentStatus.HALTED,
        metadata={"contract_id": c.contract_id or ""},
        raw=c,
    )


def order(o: SwapOrder, to_unified: ToUnified, request: OrderRequest | None = None) -> Order:
    """A BingX order (any of its shapes) as an `Order`; `request` fills what a placement answer omits."""
    amount = o.orig_qty or o.quantity or (request.amount if request else ZERO)
    filled = o.executed_qty or ZERO
    remaining = amount - filled
    wire_tif = o.time_in_force
    return _order(
        venue=VENUE,
        id=o.order_id,
        client_order_id=o.client_order_id,
        symbol=to_unified(o.symbol),
        side=side(o.side),
        position_side=position_side(o.position_side),
        type=order_type(o.type, request.type if request else _LIMIT),
        time_in_force=time_in_force(wire_tif) or (request.time_in_force if request else None),
        price=_positive(o.price) or (request.price if request else None),
        trigger_price=_positive(o.stop_price),
        amount=amount,
        filled=filled,
        remaining=ZERO if remaining < ZERO else remaining,
        average_price=_positive(o.avg_price),
        status=status(o.status),
        reduce_only=_true(o.reduce_only) or bool(request and request.reduce_only),
        post_only=_true(o.post_only) or wire_tif == _WIRE_POST_ONLY,
        created_at=o.time,
        updated_at=o.update_time,
        fee=_fee(cost=-o.commission, currency=None) if o.commission else None,
        raw=o,
    )


def fill_from_orders(f: FillOrder, index: int, to_unified: ToUnified, default_symbol: str | None) -> Fill:
    """allFillOrders carries no trade id: the id is `<orderId>-<fill time>-<index>`, stable per answer."""
    ts = iso_ms(f.filled_tm) or iso_ms(f.filled_time) or 0
    fee = _fee(cost=-f.commission, currency=f.currency) if f.commission is not None else None
    return _fill(
        venue=VENUE,
        id=f"{f.order_id}-{ts}-{index}",
        order_id=f.order_id,
        client_order_id=f.client_order_id,
        symbol=to_unified(f.symbol or default_symbol or ""),
        side=side(f.side or "BUY"),
        position_side=position_side(f.position_side),
        price=f.price,
        amount=f.volume,
        cost=f.amount if f.amount is not None else f.price * f.volume,
        fee=fee,
        timestamp=ts,
        raw=f,
    )


def fill_from_history(f: FillHistoryEntry, to_unified: ToUnified, default_symbol: str) -> Fill:
    ts = iso_ms(f.filled_time) or 0
    role = LiquidityRole(f.role.lower()) if f.role and f.role.lower() in ("maker", "taker") else None
    fee = _fee(cost=-f.commission, currency=f.commission_asset) if f.commission is not None else None
    return _fill(
        venue=VENUE,
        id=f.trade_id or f"{f.order_id}-{ts}",
        order_id=f.order_id,
        symbol=to_unified(f.symbol or default_symbol),
        side=side(f.side or "BUY"),
        position_side=position_side(f.position_side),
        price=f.price,
        amount=f.qty,
        cost=f.quote_qty if f.quote_qty is not None else f.price * f.qty,
        fee=fee,
        role=role,
        timestamp=ts,
        raw=f,
    )


def balance(b: SwapBalance) -> Balance:
    """`total` is equity (wallet balance + unrealised PnL), `free` the available margin."""
    total = b.equity if b.equity is not None else (b.balance or ZERO)
    free = b.available_margin if b.available_margin is not None else total
    return _balance(
        venue=VENUE, asset=b.asset, total=total, free=free, used=total - free, unrealized_pnl=b.unrealized_profit, raw=b
    )


def position(p: SwapPosition, to_unified: ToUnified, *, hedge: bool) -> Position:
    """Direction from the LONG/SHORT leg (or the amount's sign for BOTH); one-way accounts get leg BOTH,
    because BingX labels one-way positions LONG/SHORT too."""
    leg = position_side(p.position_side) or PositionSide.BOTH
    if leg is PositionSide.BOTH:
        direction = Side.BUY if p.position_amt >= 0 else Side.SELL
    else:
        direction = Side.BUY if leg is PositionSide.LONG else Side.SELL
    return _position(
        venue=VENUE, symbol=to_unified(p.symbol), side=direction,
        position_side=leg if hedge else PositionSide.BOTH, size=abs(p.position_amt),
        entry_price=p.avg_price, mark_price=p.mark_price, unrealized_pnl=p.unrealized_profit,
        realized_pnl=p.realised_profit, leverage=Decimal(p.leverage) if p.leverage is not None else None,
        margin_mode=None if p.isolated is None else (MarginMode.ISOLATED if p.isolated else MarginMode.CROSS),
        margin=p.margin, liquidation_price=_positive(p.liquidation_price), notional=p.position_value,
        updated_at=p.update_time, raw=p,
    )


def income(r: IncomeRecord, to_unified: ToUnified) -> IncomeEntry:
    return _income(
        venue=VENUE,
        id=r.tran_id,
        symbol=to_unified(r.symbol) if r.symbol else None,
        type=r.income_type,
        amount=r.income,
        asset=r.asset,
        timestamp=r.time,
        info=r.info,
        raw=r,
    )


def funding_rate(p: PremiumIndex, symbol: str) -> FundingRate:
    return FundingRate(
        venue=VENUE,
        symbol=symbol,
        rate=p.last_funding_rate or ZERO,
        mark_price=p.mark_price,
        index_price=p.index_price,
        next_funding_time=p.next_funding_time,
        timestamp=p.update_time,
    )


def ticker(t: SwapTicker, symbol: str) -> Ticker:
    return Ticker(
        venue=VENUE, symbol=symbol, last=t.last_price, bid=t.bid_price, ask=t.ask_price, timestamp=t.close_time
    )
