"""Order, trade and income records rendered with Binance's field names (decimals as strings, ids as ints)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from venuekit.core.simulator.income import SimIncome
from venuekit.core.simulator.orders import SimFill, SimOrder
from venuekit.core.types.enums import Side, TimeInForce

from .markets import MarketSpec
from .wire import (
    AMOUNT_PLACES,
    AVG_PRICE_PLACES,
    ORDER_TYPE_NAMES,
    POSITION_SIDE_NAMES,
    SIDE_NAMES,
    STATUS_NAMES,
    TIME_IN_FORCE_NAMES,
    fixed,
    order_type_name,
    plain,
    price_text,
    qty_text,
    wire_symbol,
)


@dataclass
class OrderExtras:
    """Binance-only order attributes the engine does not model."""

    working_type: str = "CONTRACT_PRICE"
    price_protect: bool = False
    price_match: str = "NONE"
    stp_mode: str = "NONE"
    good_till_date: int = 0


def avg_text(value: Decimal, spec: MarketSpec) -> str:
    return fixed(value, max(AVG_PRICE_PLACES, spec.price_places))


def _tif(order: SimOrder) -> str:
    if order.is_market_like and order.time_in_force is not TimeInForce.POST_ONLY:
        return "GTC"
    return TIME_IN_FORCE_NAMES[order.time_in_force]


def order_base(order: SimOrder, spec: MarketSpec, extras: OrderExtras | None) -> dict[str, object]:
    """Fields shared by every order payload (query, open orders, all orders)."""
    extra = extras or OrderExtras()
    return {
        "avgPrice": avg_text(order.avg_price, spec),
        "clientOrderId": order.client_order_id or "",
        "cumQuote": plain(order.cum_quote),
        "executedQty": qty_text(order.filled_qty, spec.qty_places),
        "orderId": int(order.order_id),
        "origQty": qty_text(order.quantity, spec.qty_places),
        "origType": ORDER_TYPE_NAMES[order.order_type],
        "price": price_text(order.price, spec.price_places),
        "reduceOnly": order.reduce_only,
        "side": SIDE_NAMES[order.side],
        "positionSide": POSITION_SIDE_NAMES[order.position_side],
        "status": STATUS_NAMES[order.lifecycle],
        "stopPrice": price_text(order.trigger_price, spec.price_places),
        "closePosition": order.close_position,
        "symbol": wire_symbol(spec.inst),
        "timeInForce": _tif(order),
        "type": order_type_name(order),
        "updateTime": order.updated_ms,
        "workingType": extra.working_type,
        "priceProtect": extra.price_protect,
        "priceMatch": extra.price_match,
        "selfTradePreventionMode": extra.stp_mode,
        "goodTillDate": extra.good_till_date,
    }


def order_query(order: SimOrder, spec: MarketSpec, extras: OrderExtras | None) -> dict[str, object]:
    """GET /fapi/v1/order, openOrder(s), allOrders: carries the order `time`."""
    return {**order_base(order, spec, extras), "time": order.created_ms}


def order_ack(order: SimOrder, spec: MarketSpec, extras: OrderExtras | None) -> dict[str, object]:
    """New/cancel/modify responses: carry `cumQty` instead of `time`."""
    return {**order_base(order, spec, extras), "cumQty": qty_text(order.filled_qty, spec.qty_places)}


def force_order(order: SimOrder, spec: MarketSpec, extras: OrderExtras | None) -> dict[str, object]:
    keys = (
        "orderId", "symbol", "status", "clientOrderId", "price", "avgPrice", "origQty", "executedQty", "cumQuote",
        "timeInForce", "type", "reduceOnly", "closePosition", "side", "positionSide", "stopPrice", "workingType",
        "origType", "time", "updateTime",
    )
    full = order_query(order, spec, extras)
    return {k: full[k] for k in keys}


def user_trade(fill: SimFill, spec: MarketSpec) -> dict[str, object]:
    return {
        "buyer": fill.side is Side.BUY,
        "commission": fixed(fill.fee, AMOUNT_PLACES),
        "commissionAsset": fill.fee_asset,
        "id": int(fill.trade_id),
        "maker": fill.is_maker,
        "orderId": int(fill.order_id),
        "price": price_text(fill.price, spec.price_places),
        "qty": qty_text(fill.quantity, spec.qty_places),
        "quoteQty": plain(fill.quote_qty),
        "realizedPnl": fixed(fill.realized_pnl, AMOUNT_PLACES),
        "side": SIDE_NAMES[fill.side],
        "positionSide": POSITION_SIDE_NAMES[fill.position_side],
        "symbol": wire_symbol(spec.inst),
        "time": fill.ts,
    }


def income_row(entry: SimIncome, symbol: str) -> dict[str, object]:
    return {
        "symbol": symbol,
        "incomeType": entry.income_type.value,
        "income": fixed(entry.amount, AMOUNT_PLACES),
        "asset": entry.asset,
        "info": entry.info or entry.income_type.value,
        "time": entry.ts,
        "tranId": entry.income_id,
        "tradeId": entry.trade_id,
    }
