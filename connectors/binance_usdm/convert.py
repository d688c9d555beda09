"""Binance response models → the unified types (Order, Fill, Position, Balance, Instrument…)."""

from __future__ import annotations

from decimal import Decimal

from venuekit.core.symbols import SymbolMap
from venuekit.core.types import (
    Balance,
    Commission,
    Fee,
    Fill,
    FundingRate,
    IncomeEntry,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    LiquidityRole,
    Order,
    OrderType,
    Position,
    Side,
    TimeInForce,
)
from venuekit.core.types.trusted import trusted

from .config import VENUE
from .enums import (
    MARGIN_MODE_FROM_WIRE,
    ORDER_TYPE_FROM_WIRE,
    POSITION_SIDE_FROM_WIRE,
    SIDE_FROM_WIRE,
    STATUS_FROM_WIRE,
    TIF_FROM_WIRE,
    PositionSide,
)
from .models import (
    BalanceEntry,
    CommissionRate,
    ExchangeSymbol,
    IncomeRecord,
    OrderResponse,
    PositionRisk,
    PremiumIndex,
    UserTrade,
)

# Our own typed values, so the shared types are built without pydantic re-validating them.
_order, _fill, _fee = trusted(Order), trusted(Fill), trusted(Fee)
_position, _balance, _income = trusted(Position), trusted(Balance), trusted(IncomeEntry)
_ZERO = Decimal(0)
_POST_ONLY = TimeInForce.POST_ONLY
_LIMIT = OrderType.LIMIT
_BUY, _SELL = Side.BUY, Side.SELL
#: a hedge-mode leg gives the direction; a one-way (BOTH) position takes it from the amount's sign
_LEG_DIRECTION = {PositionSide.LONG: Side.BUY, PositionSide.SHORT: Side.SELL}
_ROLE = {True: LiquidityRole.MAKER, False: LiquidityRole.TAKER}

_STATUS = {"TRADING": InstrumentStatus.TRADING, "PENDING_TRADING": InstrumentStatus.HALTED,
           "PRE_TRADING": InstrumentStatus.HALTED}


def _positive(value: Decimal | None) -> Decimal | None:
    """Binance writes "0" for "not set" in prices (market price, stop price, liquidation price)."""
    return value if value is not None and value > _ZERO else None


def instrument(sym: ExchangeSymbol) -> Instrument:
    """A perpetual from exchangeInfo: tick/lot from PRICE_FILTER/LOT_SIZE, minimum notional, market lot."""
    price, lot = sym.filter("PRICE_FILTER"), sym.filter("LOT_SIZE")
    market_lot, notional, percent = sym.filter("MARKET_LOT_SIZE"), sym.filter("MIN_NOTIONAL"), sym.filter(
        "PERCENT_PRICE")
    meta: dict[str, str] = {"contract_type": sym.contract_type}
    if market_lot is not None:
        for key, value in (("market_min_qty", market_lot.min_qty), ("market_max_qty", market_lot.max_qty),
                           ("market_step", market_lot.step_size)):
            if value is not None:
                meta[key] = str(value)
    if percent is not None:
        for key, value in (("multiplier_up", percent.multiplier_up), ("multiplier_down", percent.multiplier_down)):
            if value is not None:
                meta[key] = str(value)
    return Instrument(
        symbol=f"{sym.base_asset}/{sym.quote_asset}:{sym.margin_asset}",
        venue_symbol=sym.symbol,
        venue=VENUE,
        base=sym.base_asset,
        quote=sym.quote_asset,
        settle=sym.margin_asset,
        kind=InstrumentKind.SWAP,
        tick_size=(price.tick_size if price and price.tick_size else Decimal(0)),
        lot_step=(lot.step_size if lot and lot.step_size else Decimal(0)),
        min_qty=(lot.min_qty if lot and lot.min_qty else Decimal(0)),
        max_qty=lot.max_qty if lot else None,
        min_notional=(notional.notional if notional and notional.notional else Decimal(0)),
        status=_STATUS.get(sym.status, InstrumentStatus.CLOSED),
        metadata=meta,
        raw=sym,
    )


def order(o: OrderResponse, symbols: SymbolMap) -> Order:
    tif = TIF_FROM_WIRE.get(o.time_in_force or "")
    return _order(
        venue=VENUE,
        id=o.order_id,
        client_order_id=o.client_order_id,
        symbol=symbols.to_unified(o.symbol),
        side=SIDE_FROM_WIRE[o.side],
        position_side=POSITION_SIDE_FROM_WIRE[o.position_side],
        type=ORDER_TYPE_FROM_WIRE.get(o.type) or ORDER_TYPE_FROM_WIRE.get(o.orig_type or "", _LIMIT),
        time_in_force=tif,
        price=_positive(o.price),
        trigger_price=_positive(o.stop_price),
        amount=o.orig_qty,
        filled=o.executed_qty,
        remaining=o.orig_qty - o.executed_qty,
        average_price=_positive(o.avg_price),
        status=STATUS_FROM_WIRE[o.status],
        reduce_only=o.reduce_only,
        post_only=tif is _POST_ONLY,
        created_at=o.time,
        updated_at=o.update_time,
        raw=o,
    )


def fill(t: UserTrade, symbols: SymbolMap) -> Fill:
    return _fill(
        venue=VENUE,
        id=t.id,
        order_id=t.order_id,
        symbol=symbols.to_unified(t.symbol),
        side=SIDE_FROM_WIRE[t.side],
        position_side=POSITION_SIDE_FROM_WIRE[t.position_side],
        price=t.price,
        amount=t.qty,
        cost=t.quote_qty,
        fee=_fee(cost=t.commission, currency=t.commission_asset),
        role=_ROLE[t.maker],
        realized_pnl=t.realized_pnl,
        timestamp=t.time,
        raw=t,
    )


def position(p: PositionRisk, symbols: SymbolMap) -> Position:
    leg = p.position_side
    side = _LEG_DIRECTION.get(leg) or (_BUY if p.position_amt > _ZERO else _SELL)
    margin_type = p.margin_type.lower()
    return _position(
        venue=VENUE,
        symbol=symbols.to_unified(p.symbol),
        side=side,
        position_side=POSITION_SIDE_FROM_WIRE[leg],
        size=abs(p.position_amt),
        entry_price=_positive(p.entry_price),
        mark_price=_positive(p.mark_price),
        unrealized_pnl=p.un_realized_profit,
        leverage=Decimal(p.leverage),
        margin_mode=MARGIN_MODE_FROM_WIRE.get(margin_type),
        margin=p.isolated_margin if margin_type == "isolated" else None,
        liquidation_price=_positive(p.liquidation_price),
        notional=abs(p.notional) if p.notional is not None else None,
        updated_at=p.update_time or None,
        raw=p,
    )


def balance(b: BalanceEntry) -> Balance:
    """`total` = wallet + cross unrealized PnL (margin balance), `free` = available, `used` = the rest."""
    total = b.balance + b.cross_un_pnl
    return _balance(venue=VENUE, asset=b.asset, total=total, free=b.available_balance,
                    used=total - b.available_balance, unrealized_pnl=b.cross_un_pnl, raw=b)


def income(r: IncomeRecord, symbols: SymbolMap) -> IncomeEntry:
    return _income(
        venue=VENUE, id=r.tran_id, symbol=symbols.to_unified(r.symbol) if r.symbol else None, type=r.income_type,
        amount=r.income, asset=r.asset, timestamp=r.time, info=r.info or None, raw=r,
    )


def funding(p: PremiumIndex, symbols: SymbolMap) -> FundingRate:
    return FundingRate(
        venue=VENUE, symbol=symbols.to_unified(p.symbol), rate=p.last_funding_rate, mark_price=p.mark_price,
        index_price=p.index_price, next_funding_time=p.next_funding_time or None, timestamp=p.time,
    )


def commission(c: CommissionRate, symbols: SymbolMap) -> Commission:
    return Commission(venue=VENUE, symbol=symbols.to_unified(c.symbol), maker=c.maker_commission_rate,
                      taker=c.taker_commission_rate)
