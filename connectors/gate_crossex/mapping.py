"""Venue models → unified types. Symbols keep the underlying exchange visible:
FUTURE `BTC/USDT:USDT@BINANCE`, SPOT `BTC/USDT@BINANCE`, MARGIN `BTC/USDT@BINANCE_MARGIN`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from venuekit.core.types import (
    Balance,
    Commission,
    Fee,
    Fill,
    IncomeEntry,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Order,
    OrderType,
    Position,
    PositionSide,
    Side,
    TimeInForce,
)
from venuekit.core.types.trusted import trusted

from .config import VENUE
from .enums import (
    KIND_FROM_BUSINESS,
    POSITION_SIDE_FROM_GATE,
    ROLE_FROM_GATE,
    SIDE_FROM_GATE,
    STATE_FROM_GATE,
    TIF_FROM_GATE,
    TYPE_FROM_GATE,
    order_status,
)
from .models import (
    AccountAsset,
    AccountBookEntry,
    CrossexOrder,
    CrossexTrade,
    FeeRates,
    MarginPosition,
    RiskLimit,
    Symbol,
)
from .models import Position as GatePosition

ToUnified = Callable[[str], str]
_ZERO = Decimal(0)
_POST_ONLY = TimeInForce.POST_ONLY
_LIMIT = OrderType.LIMIT

# Our own typed values, so the shared types are built without pydantic re-validating them.
_order, _fill, _fee = trusted(Order), trusted(Fill), trusted(Fee)
_position, _balance, _income = trusted(Position), trusted(Balance), trusted(IncomeEntry)


def split_symbol(item: Symbol) -> tuple[str, str, str, str]:
    """(exchange, business, base, quote) of `EXCHANGE_BUSINESS_BASE_QUOTE`, trusting the explicit fields."""
    exchange, business = item.exchange_type.upper(), item.business_type.upper()
    prefix = f"{exchange}_{business}_"
    if exchange and business and item.symbol.startswith(prefix):
        rest = item.symbol[len(prefix) :]
    else:
        exchange, business, rest = item.symbol.split("_", 2)
    base, quote = rest.rsplit("_", 1)
    return exchange, business, base, quote


def unified_name(exchange: str, business: str, base: str, quote: str) -> str:
    if business == "FUTURE":
        return f"{base}/{quote}:{quote}@{exchange}"
    if business == "MARGIN":
        return f"{base}/{quote}@{exchange}_MARGIN"
    return f"{base}/{quote}@{exchange}"


def instrument(item: Symbol, risk: RiskLimit | None = None) -> Instrument:
    """One CrossEx pair; quantities are in base units, so the unified `contract_size` is 1."""
    exchange, business, base, quote = split_symbol(item)
    status = STATE_FROM_GATE.get(item.state.lower(), InstrumentStatus.HALTED)
    levels = [t.leverage_max for t in risk.tiers if t.leverage_max is not None] if risk else []
    max_leverage = max(levels) if levels else None
    metadata = {"exchange": exchange, "business_type": business}
    for key in ("contract_size", "default_leverage", "liquidation_fee", "max_market_size", "delist_time"):
        value = getattr(item, key)
        if value is not None:
            metadata[key] = str(value)
    return Instrument(
        symbol=unified_name(exchange, business, base, quote),
        venue_symbol=item.symbol,
        venue=VENUE,
        base=base,
        quote=quote,
        settle=quote if business == "FUTURE" else None,
        kind=KIND_FROM_BUSINESS.get(business, InstrumentKind.SPOT),
        tick_size=item.tick_size or _ZERO,
        lot_step=item.lot_size or _ZERO,
        min_qty=item.min_size or _ZERO,
        max_qty=item.max_limit_size,
        min_notional=item.min_notional or _ZERO,
        max_leverage=max_leverage,
        status=status,
        metadata=metadata,
        raw=item,
    )


def _positive(value: Decimal | None) -> Decimal | None:
    return value if value is not None and value > _ZERO else None


def order(item: CrossexOrder, to_unified: ToUnified) -> Order:
    qty = item.qty or _ZERO
    filled = item.executed_qty or _ZERO
    amount = qty if qty > _ZERO else filled
    remaining = amount - filled
    tif = TIF_FROM_GATE.get((item.time_in_force or "").upper())
    return _order(
        venue=VENUE,
        id=item.order_id,
        client_order_id=item.text or None,
        symbol=to_unified(item.symbol),
        side=SIDE_FROM_GATE[item.side.upper()],
        position_side=POSITION_SIDE_FROM_GATE.get((item.position_side or "").upper()),
        type=TYPE_FROM_GATE.get(item.type.upper(), _LIMIT),
        time_in_force=tif,
        price=_positive(item.price),
        amount=amount,
        filled=filled,
        remaining=remaining if remaining > _ZERO else _ZERO,
        average_price=_positive(item.executed_avg_price),
        status=order_status(item.state),
        reduce_only=bool(item.reduce_only),
        post_only=tif is _POST_ONLY,
        created_at=item.create_time,
        updated_at=item.update_time,
        fee=_fee(cost=item.fee, currency=item.fee_coin) if item.fee is not None else None,
        raw=item,
    )


def fill(item: CrossexTrade, to_unified: ToUnified) -> Fill:
    price, qty = item.price or _ZERO, item.qty or _ZERO
    return _fill(
        venue=VENUE,
        id=item.transaction_id,
        order_id=item.order_id,
        client_order_id=item.text or None,
        symbol=to_unified(item.symbol),
        side=SIDE_FROM_GATE[item.side.upper()],
        position_side=POSITION_SIDE_FROM_GATE.get((item.position_side or "").upper()),
        price=price,
        amount=qty,
        cost=price * qty,
        fee=_fee(cost=item.fee, currency=item.fee_coin) if item.fee is not None else None,
        role=ROLE_FROM_GATE.get((item.match_role or "").upper()),
        realized_pnl=item.rpnl,
        timestamp=item.create_time or 0,
        raw=item,
    )


def _direction(position_side: str | None, qty: Decimal) -> tuple[Side, PositionSide]:
    side = POSITION_SIDE_FROM_GATE.get((position_side or "").upper(), PositionSide.BOTH)
    if side is PositionSide.LONG:
        return Side.BUY, side
    if side is PositionSide.SHORT:
        return Side.SELL, side
    return (Side.BUY if qty > 0 else Side.SELL), side


def position(item: GatePosition, to_unified: ToUnified) -> Position | None:
    qty = item.position_qty or _ZERO
    if qty == 0:
        return None
    side, position_side = _direction(item.position_side, qty)
    return _position(
        venue=VENUE, symbol=to_unified(item.symbol), side=side, position_side=position_side, size=abs(qty),
        entry_price=item.entry_price, mark_price=item.mark_price, unrealized_pnl=item.upnl,
        realized_pnl=item.closed_pnl, leverage=item.leverage, margin=item.initial_margin,
        notional=item.position_value, updated_at=item.update_time, raw=item,
    )


def margin_position(item: MarginPosition, to_unified: ToUnified) -> Position | None:
    qty = item.asset_qty or _ZERO
    if qty == 0:
        return None
    side, position_side = _direction(item.position_side, qty)
    return _position(
        venue=VENUE, symbol=to_unified(item.symbol), side=side, position_side=position_side, size=abs(qty),
        entry_price=_positive(item.entry_price), mark_price=item.index_price, unrealized_pnl=item.upnl,
        leverage=item.leverage, margin=item.initial_margin, notional=item.position_value,
        updated_at=item.update_time, raw=item,
    )


def balances(assets: Iterable[AccountAsset], exchange: str | None = None) -> dict[str, Balance]:
    """One balance per coin, summed over underlying exchanges (or only `exchange`'s)."""
    totals: dict[str, list[Decimal]] = {}
    raws: dict[str, list[AccountAsset]] = {}
    for asset in assets:
        if exchange is not None and (asset.exchange_type or "").upper() != exchange.upper():
            continue
        total = asset.balance or _ZERO
        free = asset.available_balance if asset.available_balance is not None else total
        upnl = asset.upnl or _ZERO
        acc = totals.setdefault(asset.coin, [_ZERO, _ZERO, _ZERO])
        acc[0] += total
        acc[1] += free
        acc[2] += upnl
        raws.setdefault(asset.coin, []).append(asset)
    return {
        coin: _balance(
            venue=VENUE, asset=coin, total=t, free=f, used=t - f, unrealized_pnl=u, raw=raws[coin]
        )
        for coin, (t, f, u) in totals.items()
    }


def income(item: AccountBookEntry) -> IncomeEntry:
    return _income(
        venue=VENUE, id=item.id, type=item.type, amount=item.change or _ZERO, asset=item.coin,
        timestamp=item.create_time or 0, info=item.exchange_type or None, raw=item,
    )


def commission(schedules: Iterable[FeeRates], inst: Instrument) -> Commission | None:
    """Symbol-specific rate first, then the schedule of the instrument's exchange, then the only one."""
    schedules = list(schedules)
    for schedule in schedules:
        for special in schedule.special_fee_list:
            if special.symbol == inst.venue_symbol and special.maker_fee_rate is not None:
                special_taker = special.taker_fee_rate
                if special_taker is None:
                    special_taker = special.maker_fee_rate
                return Commission(venue=VENUE, symbol=inst.symbol, maker=special.maker_fee_rate, taker=special_taker)
    exchange = inst.metadata.get("exchange", "")
    matching = [s for s in schedules if (s.exchange_type or "").upper() == exchange]
    generic = [s for s in schedules if not s.exchange_type]
    for schedule in matching + generic:
        swap = inst.kind is InstrumentKind.SWAP
        maker = schedule.future_maker_fee if swap else schedule.spot_maker_fee
        taker = schedule.future_taker_fee if swap else schedule.spot_taker_fee
        if maker is not None and taker is not None:
            return Commission(venue=VENUE, symbol=inst.symbol, maker=maker, taker=taker)
    return None
