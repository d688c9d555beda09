"""Engine records rendered as the document's JSON objects (decimals and times as strings)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from venuekit.core.simulator import PositionView, SimFill, SimOrder
from venuekit.core.types.enums import OrderStatus, OrderType, PositionSide, Side, TimeInForce

from .context import CrossEx, text
from .markets import PairSpec
from .tracker import PositionRecord

ZERO = Decimal(0)

TIF_WIRE = {TimeInForce.GTC: "GTC", TimeInForce.IOC: "IOC", TimeInForce.FOK: "FOK", TimeInForce.POST_ONLY: "POC"}


def order_state(order: SimOrder) -> str:
    if order.status is OrderStatus.OPEN:
        return "PARTIALLY_FILLED" if order.filled_qty > 0 else "NEW"
    if order.status is OrderStatus.CLOSED:
        return "FILLED"
    return "PARTIALLY_CANCELED" if order.filled_qty > 0 else "CANCELED"


def wire_position_side(venue: CrossEx, order: SimOrder) -> str:
    if order.position_side is PositionSide.BOTH:
        spec = venue.pairs.get(order.symbol)
        if spec is not None and spec.business == "MARGIN":
            closing_long = order.reduce_only and order.side is Side.SELL
            opening_long = not order.reduce_only and order.side is Side.BUY
            return "LONG" if closing_long or opening_long else "SHORT"
        return "NONE"
    return order.position_side.value.upper()


def order_json(venue: CrossEx, order: SimOrder) -> dict[str, Any]:
    """Every key the document shows for an order, including both spellings where its examples disagree."""
    spec = venue.pair(order.symbol)
    meta = venue.state.orders.get(order.order_id)
    last = venue.tracker.last_fill.get(order.order_id)
    client_id = order.client_order_id or order.order_id
    tif = TIF_WIRE.get(order.time_in_force, "GTC")
    fee_coin = order.fee_asset or spec.quote
    last_qty = last.quantity if last else ZERO
    last_price = last.price if last else ZERO
    return {
        "user_id": order.account_id,
        "order_id": order.order_id,
        "text": client_id,
        "client_order_id": client_id,
        "state": order_state(order),
        "symbol": order.symbol,
        "side": order.side.value.upper(),
        "type": "MARKET" if order.order_type is OrderType.MARKET else "LIMIT",
        "attribute": "COMMON",
        "exchange_type": spec.exchange,
        "business_type": spec.business,
        "qty": text(meta.qty if meta else order.quantity),
        "quote_qty": text(meta.quote_qty if meta else ZERO),
        "price": text(order.price or ZERO),
        "tif": tif,
        "time_in_force": tif,
        "executed_qty": text(order.filled_qty),
        "executed_amount": text(order.cum_quote),
        "executed_avg_price": text(order.avg_price),
        "fee_currency": fee_coin,
        "fee_coin": fee_coin,
        "fee": text(order.fee),
        "reduce_only": "true" if order.reduce_only else "false",
        "leverage": text(meta.leverage if meta else 1),
        "reason": meta.reason if meta else "",
        "last_executed_qty": text(last_qty),
        "last_executed_price": text(last_price),
        "last_executed_amount": text(last_qty * last_price),
        "position_side": wire_position_side(venue, order),
        "create_time": str(order.created_ms),
        "update_time": str(order.updated_ms),
    }


def trade_json(venue: CrossEx, fill: SimFill) -> dict[str, Any]:
    spec = venue.pair(fill.symbol)
    order = venue.exchange.get_order(fill.account_id, order_id=fill.order_id)
    rate = fill.fee / fill.quote_qty if fill.quote_qty else ZERO
    return {
        "user_id": fill.account_id,
        "transaction_id": fill.trade_id,
        "order_id": fill.order_id,
        "text": fill.client_order_id or fill.order_id,
        "symbol": fill.symbol,
        "exchange_type": spec.exchange,
        "business_type": spec.business,
        "side": fill.side.value.upper(),
        "qty": text(fill.quantity),
        "price": text(fill.price),
        "fee": text(fill.fee),
        "fee_coin": fill.fee_asset,
        "fee_rate": text(rate),
        "match_role": fill.role.value.upper(),
        "rpnl": text(fill.realized_pnl),
        "position_mode": "BOTH" if fill.position_side is PositionSide.BOTH else "DUAL",
        "position_side": wire_position_side(venue, order),
        "create_time": str(fill.ts),
    }


def _ratio(num: Decimal, den: Decimal) -> Decimal:
    return num / den if den else ZERO


def position_json(venue: CrossEx, view: PositionView, spec: PairSpec) -> dict[str, Any]:
    leg = view.position_side
    record = venue.tracker.record(view.account_id, view.symbol, leg)
    side = leg.value.upper() if leg is not PositionSide.BOTH else ("LONG" if view.quantity > 0 else "SHORT")
    created = record.create_ms if record else view.updated_ms
    funding = [i for i in venue.exchange.income(view.account_id, view.symbol) if i.income_type.value == "FUNDING_FEE"]
    funding = [i for i in funding if i.ts >= created]
    return {
        "user_id": view.account_id,
        "position_id": record.position_id if record else "",
        "symbol": view.symbol,
        "position_side": side,
        "initial_margin": text(view.initial_margin),
        "maintenance_margin": text(view.maintenance_margin),
        "position_qty": text(view.size),
        "position_value": text(view.notional),
        "upnl": text(view.unrealized_pnl),
        "upnl_rate": text(_ratio(view.unrealized_pnl, view.initial_margin)),
        "avg_price": text(view.entry_price),
        "entry_price": text(view.entry_price),
        "mark_price": text(view.mark_price),
        "leverage": text(view.leverage),
        "max_leverage": text(spec.max_leverage),
        "risk_limit": text(spec.tiers[0].max_value if spec.tiers else ZERO),
        "fee": text(record.fee if record else ZERO),
        "funding_fee": text(sum((i.amount for i in funding), ZERO)),
        "funding_time": str(funding[-1].ts if funding else 0),
        "create_time": str(created),
        "update_time": str(view.updated_ms),
        "closed_pnl": text(view.realized_pnl),
    }


def margin_liability(view: PositionView, spec: PairSpec, interest: Decimal) -> tuple[Decimal, str, Decimal, str]:
    """(asset qty, asset coin, liability, liability coin): longs borrow quote, shorts borrow base."""
    if view.quantity > 0:
        borrowed = max(ZERO, view.entry_price * view.size - view.initial_margin)
        return view.size, spec.base, borrowed + interest, spec.quote
    proceeds = view.entry_price * view.size + view.initial_margin
    return proceeds, spec.quote, view.size + interest, spec.base


def margin_position_json(venue: CrossEx, view: PositionView, spec: PairSpec) -> dict[str, Any]:
    leg = view.position_side
    record = venue.tracker.record(view.account_id, view.symbol, leg)
    side = leg.value.upper() if leg is not PositionSide.BOTH else ("LONG" if view.quantity > 0 else "SHORT")
    interest = record.interest if record else ZERO
    asset_qty, asset_coin, liability, liability_coin = margin_liability(view, spec, interest)
    interest_value = interest if liability_coin == spec.quote else interest * view.mark_price
    upnl = view.unrealized_pnl - interest_value
    return {
        "user_id": view.account_id,
        "position_id": record.position_id if record else "",
        "symbol": view.symbol,
        "position_side": side,
        "initial_margin": text(view.initial_margin),
        "maintenance_margin": text(view.maintenance_margin),
        "asset_qty": text(asset_qty),
        "asset_coin": asset_coin,
        "position_value": text(view.notional),
        "liability": text(liability),
        "liability_coin": liability_coin,
        "interest": text(interest),
        "max_position_qty": text(record.max_qty if record else view.size),
        "entry_price": text(view.entry_price),
        "index_price": text(view.mark_price),
        "upnl": text(upnl),
        "upnl_rate": text(_ratio(upnl, view.initial_margin)),
        "leverage": text(view.leverage),
        "max_leverage": text(spec.max_leverage),
        "create_time": str(record.create_ms if record else view.updated_ms),
        "update_time": str(view.updated_ms),
    }


def history_position_json(record: PositionRecord, spec: PairSpec) -> dict[str, Any]:
    """One closed (or partly closed) position; margin rows also carry interest and the misspelt key."""
    opened_value = record.open_avg_price * record.closed_qty
    row: dict[str, Any] = {
        "position_id": record.position_id,
        "user_id": record.account_id,
        "symbol": record.symbol,
        "closed_type": "COMPLETE_CLOSED" if record.complete else "PARTIAL_CLOSED",
        "closed_pnl": text(record.closed_pnl),
        "closed_pnl_rate": text(_ratio(record.closed_pnl, opened_value)),
        "open_avg_price": text(record.open_avg_price),
        "closed_avg_price": text(record.closed_avg_price),
        "max_position_qty": text(record.max_qty),
        "closed_qty": text(record.closed_qty),
        "closed_value": text(record.closed_value),
        "fee": text(record.fee),
        "liq_fee": "0",
        "funding_fee": "0",
        "position_side": record.direction,
        "position_mode": record.position_mode,
        "leverage": text(record.leverage),
        "business_type": spec.business,
        "create_time": str(record.create_ms),
        "update_time": str(record.update_ms),
    }
    if spec.business == "MARGIN":
        row["interest"] = text(record.interest)
        row["bussiness_type"] = spec.business
    return row
