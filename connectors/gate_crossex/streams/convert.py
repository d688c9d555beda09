"""Typed CrossEx pushes → the shared update types. Private payloads are the REST objects, so the REST
mapping is reused: a pushed order and the same order read over REST compare equal in the deduper.
Market conversions take the symbol of the connection (one symbol per public connection)."""

from __future__ import annotations

from collections.abc import Callable
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
from venuekit.core.types import Position, PositionSide, Side
from venuekit.core.types.trusted import trusted

from .. import mapping
from ..config import VENUE
from ..enums import POSITION_SIDE_FROM_GATE, SIDE_FROM_GATE
from ..models import AccountAsset, MarginPosition
from ..models import Position as GatePosition
from .models import (
    FundingRate,
    WsAssetPush,
    WsBookUpdatePush,
    WsMarginPositionPush,
    WsMarkPricePush,
    WsOrderPush,
    WsPositionPush,
    WsTickerPush,
    WsTradePublic,
    WsTradePush,
)

CROSS_EXCHANGE_WALLET = "CROSSEX"
_ZERO = Decimal(0)
_EXEC_BY_STATE = {
    "NEW": ExecType.NEW, "PARTIALLY_FILLED": ExecType.TRADE, "FILLED": ExecType.TRADE,
    "CANCELED": ExecType.CANCELED, "CANCELLED": ExecType.CANCELED, "PARTIALLY_CANCELED": ExecType.CANCELED,
    "PARTIALLY_CANCELLED": ExecType.CANCELED, "EXPIRED": ExecType.EXPIRED, "FAIL": ExecType.REJECTED,
    "FAILED": ExecType.REJECTED, "REJECTED": ExecType.REJECTED,
}

# Our own typed values, so the shared types are built without pydantic re-validating them.
_position, _order_update, _fill_update = trusted(Position), trusted(OrderUpdate), trusted(FillUpdate)
_position_update, _balance_update = trusted(PositionUpdate), trusted(BalanceUpdate)
_mark_price, _book_ticker, _trade = trusted(MarkPriceUpdate), trusted(BookTickerUpdate), trusted(TradeUpdate)


class Unified:
    """Venue symbol → unified symbol: the loaded map, else the CrossEx grammar `EXCHANGE_BUSINESS_BASE_QUOTE`."""

    def __init__(self, symbols: Callable[[], SymbolMap]) -> None:
        self.symbols = symbols
        """Read on every call: the venue replaces its map when instruments are (re)loaded."""

    def __call__(self, venue_symbol: str) -> str:
        inst = self.symbols().by_venue(venue_symbol)
        if inst is not None:
            return inst.symbol
        parts = venue_symbol.split("_", 2)
        if len(parts) == 3 and "_" in parts[2]:
            base, quote = parts[2].rsplit("_", 1)
            return mapping.unified_name(parts[0], parts[1], base, quote)
        return venue_symbol


def order_events(push: WsOrderPush, to_unified: Unified) -> list[AccountUpdate]:
    """One `OrderUpdate` (the order's state after the change); fills come on `usertrades` with their id."""
    item = push.payload
    the_order = mapping.order(item, to_unified)
    exec_type = _EXEC_BY_STATE.get(item.state.upper(), ExecType.AMENDMENT)
    return [_order_update(venue=VENUE, order=the_order, exec_type=exec_type,
                           timestamp=item.update_time or push.stamp)]


def fill_events(push: WsTradePush, to_unified: Unified) -> list[AccountUpdate]:
    fill = mapping.fill(push.payload, to_unified)
    return [_fill_update(venue=VENUE, fill=fill, timestamp=fill.timestamp or push.stamp)]


def _flat(symbol: str, position_side: str | None, stamp: int, raw: object) -> Position:
    leg = POSITION_SIDE_FROM_GATE.get((position_side or "").upper(), PositionSide.BOTH)
    side = Side.SELL if leg is PositionSide.SHORT else Side.BUY
    return _position(venue=VENUE, symbol=symbol, side=side, position_side=leg, size=_ZERO, updated_at=stamp,
                     raw=raw)


def contract_position(item: GatePosition, to_unified: Unified, stamp: int) -> Position:
    """A contract leg; quantity 0 is the leg going flat (the REST mapping drops flat rows)."""
    found = mapping.position(item, to_unified)
    return found or _flat(to_unified(item.symbol), item.position_side, item.update_time or stamp, item)


def margin_position(item: MarginPosition, to_unified: Unified, stamp: int) -> Position:
    found = mapping.margin_position(item, to_unified)
    return found or _flat(to_unified(item.symbol), item.position_side, item.update_time or stamp, item)


def position_events(push: WsPositionPush | WsMarginPositionPush, to_unified: Unified) -> list[AccountUpdate]:
    """Versioned by the leg's `update_time` (else the frame's time), so a late push is withheld."""
    if isinstance(push, WsPositionPush):
        pos = contract_position(push.payload, to_unified, push.stamp)
    else:
        pos = margin_position(push.payload, to_unified, push.stamp)
    stamp = pos.updated_at or push.stamp
    return [_position_update(venue=VENUE, position=pos, timestamp=stamp, version=stamp or None)]


def wallet_key(asset: AccountAsset) -> str:
    """The coin in cross-exchange mode; `coin@EXCHANGE` for one exchange's wallet (isolated-exchange mode)."""
    exchange = (asset.exchange_type or "").upper()
    return asset.coin if exchange in ("", CROSS_EXCHANGE_WALLET) else f"{asset.coin}@{exchange}"


def balance(asset: AccountAsset, stamp: int, *, replayed: bool = False, version: int | None = None) -> BalanceUpdate:
    return _balance_update(
        venue=VENUE, asset=wallet_key(asset), wallet_balance=asset.balance or _ZERO,
        available=asset.available_balance, reason="RECONCILED" if replayed else None, timestamp=stamp,
        replayed=replayed, version=version, raw=asset,
    )


def balance_events(push: WsAssetPush) -> list[AccountUpdate]:
    """An asset row has no update time: the frame's time versions it (a REST row has none)."""
    return [balance(push.payload, push.stamp, version=push.stamp or None)]


def mark_price(push: WsMarkPricePush, funding: FundingRate | None, symbol: str) -> MarkPriceUpdate:
    """`mark_price` carries only the mark; the latest `funding_rate` push of the symbol is joined in."""
    return _mark_price(
        venue=VENUE, symbol=symbol, mark_price=push.result.mp,
        funding_rate=funding.r if funding else None,
        next_funding_time=funding.next_funding_time if funding else None, timestamp=push.stamp,
    )


def book_ticker(push: WsTickerPush, symbol: str) -> BookTickerUpdate | None:
    """Best bid/ask from `ticker` (CrossEx has no bookTicker channel); None when a side is missing."""
    t = push.result
    if None in (t.bid_price, t.bid_size, t.ask_price, t.ask_size):
        return None
    return _book_ticker(
        venue=VENUE, symbol=symbol, bid_price=t.bid_price or _ZERO, bid_amount=t.bid_size or _ZERO,
        ask_price=t.ask_price or _ZERO, ask_amount=t.ask_size or _ZERO, timestamp=t.ts or push.stamp,
    )


def trade(push: WsTradePublic, symbol: str) -> TradeUpdate:
    t = push.result
    return _trade(venue=VENUE, symbol=symbol, id=t.i, price=t.p, amount=t.q,
                  side=SIDE_FROM_GATE[t.side.upper()], timestamp=t.ts)


def book_delta(push: WsBookUpdatePush, venue_symbol: str) -> BookDelta:
    r = push.result
    return BookDelta(symbol=venue_symbol, bids=tuple(r.b), asks=tuple(r.a), first_id=r.first_id, last_id=r.last_id,
                     snapshot=r.snapshot, timestamp=r.ts or push.stamp)
