"""Engine records rendered as BingX JSON objects (field names, casing and number/string types as BingX sends)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from venuekit.core.simulator.accounts import PositionView
from venuekit.core.simulator.instruments import SimInstrument
from venuekit.core.simulator.orders import SimFill, SimOrder
from venuekit.core.types.enums import OrderStatus, PositionSide, Side

from .state import OrderExtra
from .wire import dec, id_num, num

BX_SIDE = {Side.BUY: "BUY", Side.SELL: "SELL"}
BX_POSITION_SIDE = {PositionSide.BOTH: "BOTH", PositionSide.LONG: "LONG", PositionSide.SHORT: "SHORT"}
_CST = timezone(timedelta(hours=8))


def status_of(order: SimOrder) -> str:
    """BingX swap statuses: NEW (untriggered), PENDING, PARTIALLY_FILLED, FILLED, CANCELLED, FAILED."""
    if order.status is OrderStatus.OPEN:
        if order.is_untriggered:
            return "NEW"
        return "PARTIALLY_FILLED" if order.filled_qty > 0 else "PENDING"
    if order.status is OrderStatus.CLOSED:
        return "FILLED"
    if order.status is OrderStatus.REJECTED:
        return "FAILED"
    return "CANCELLED"


def _bracket_obj(raw: str) -> dict[str, Any]:
    """The takeProfit/stopLoss object of query responses, from the JSON string given at placement."""
    out: dict[str, Any] = {"type": "", "quantity": 0, "stopPrice": 0, "price": 0, "workingType": ""}
    if raw:
        try:
            given = json.loads(raw, parse_float=Decimal)
        except ValueError:
            given = {}
        if isinstance(given, dict):
            out["type"] = str(given.get("type", ""))
            out["workingType"] = str(given.get("workingType", ""))
            for key in ("quantity", "stopPrice", "price"):
                value = given.get(key)
                if isinstance(value, int | Decimal) and not isinstance(value, bool):
                    out[key] = num(value)
    out["stopGuaranteed"] = False
    return out


def order_obj(order: SimOrder, inst: SimInstrument, extra: OrderExtra) -> dict[str, Any]:
    """The full order object of query/cancel/open/history responses (reference §4.3)."""
    pp, qp = inst.price_precision, inst.quantity_precision
    return {
        "symbol": order.symbol,
        "orderId": id_num(order.order_id),
        "side": BX_SIDE[order.side],
        "positionSide": BX_POSITION_SIDE[order.position_side],
        "type": extra.bx_type,
        "origQty": dec(order.quantity, qp),
        "price": dec(order.price or Decimal(0), pp),
        "executedQty": dec(order.filled_qty, qp),
        "avgPrice": dec(order.avg_price, pp),
        "cumQuote": dec(order.cum_quote),
        "stopPrice": dec(order.trigger_price, pp) if order.trigger_price is not None else "",
        "profit": dec(order.realized_pnl, 4),
        "commission": dec(-order.fee, 6),
        "status": status_of(order),
        "time": order.created_ms,
        "updateTime": order.updated_ms,
        "clientOrderId": order.client_order_id or "",
        "leverage": f"{extra.leverage}X" if extra.leverage else "",
        "takeProfit": _bracket_obj(extra.take_profit),
        "stopLoss": _bracket_obj(extra.stop_loss),
        "advanceAttr": 0,
        "positionID": int(extra.position_id) if extra.position_id else 0,
        "takeProfitEntrustPrice": 0,
        "stopLossEntrustPrice": 0,
        "orderType": "",
        "workingType": extra.working_type,
        "stopGuaranteed": False,
        "triggerOrderId": 0,
        "trailingStopRate": num(extra.price_rate),
        "trailingStopDistance": 0,
        "postOnly": order.post_only,
        "reduceOnly": order.reduce_only,
        "onlyOnePosition": False,
        "isTwap": bool(extra.main_order_id),
        "mainOrderId": extra.main_order_id,
    }


def placed_obj(order: SimOrder, extra: OrderExtra, *, order_id: str | None = None) -> dict[str, Any]:
    """The place-order response object (reference §4.1): numbers for price/quantity, `clientOrderID`."""
    return {
        "symbol": order.symbol,
        "orderId": id_num(order_id or order.order_id),
        "side": BX_SIDE[order.side],
        "positionSide": BX_POSITION_SIDE[order.position_side],
        "type": extra.bx_type,
        "clientOrderID": order.client_order_id or "",
        "workingType": extra.working_type,
        "price": num(order.price or Decimal(0)),
        "quantity": num(order.quantity),
        "stopPrice": num(order.trigger_price or Decimal(0)),
        "timeInForce": _tif(order),
        "priceRate": num(extra.price_rate),
        "stopLoss": extra.stop_loss,
        "takeProfit": extra.take_profit,
        "reduceOnly": order.reduce_only,
    }


def _tif(order: SimOrder) -> str:
    value = order.time_in_force.value
    return "PostOnly" if value == "PO" else value


def position_obj(view: PositionView, inst: SimInstrument, position_id: str, available: Decimal) -> dict[str, Any]:
    """One leg of GET /openApi/swap/v2/user/positions (seed 001 response table)."""
    pp, qp = inst.price_precision, inst.quantity_precision
    margin = view.isolated_margin if view.isolated_margin else view.initial_margin
    risk = view.maintenance_margin / margin if margin else Decimal(0)
    pnl_ratio = view.unrealized_pnl / view.initial_margin if view.initial_margin else Decimal(0)
    direction = view.direction or PositionSide.LONG
    return {
        "symbol": view.symbol,
        "positionId": position_id,
        "positionSide": BX_POSITION_SIDE[view.position_side]
        if view.position_side is not PositionSide.BOTH
        else BX_POSITION_SIDE[direction],
        "isolated": view.margin_mode.value == "isolated",
        "positionAmt": dec(view.size, qp),
        "availableAmt": dec(available, qp),
        "unrealizedProfit": dec(view.unrealized_pnl, 4),
        "realisedProfit": dec(view.realized_pnl, 4),
        "initialMargin": dec(view.initial_margin, 4),
        "margin": dec(margin, 4),
        "avgPrice": dec(view.entry_price, pp),
        "liquidationPrice": num(view.liquidation_price),
        "leverage": view.leverage,
        "positionValue": dec(view.notional, 4),
        "markPrice": dec(view.mark_price, pp),
        "riskRate": dec(risk, 4),
        "maxMarginReduction": dec(max(Decimal(0), view.isolated_margin - view.initial_margin), 4),
        "pnlRatio": dec(pnl_ratio, 4),
        "updateTime": view.updated_ms,
        "currency": view.settle,
    }


def iso_utc(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_cst(ms: int) -> str:
    moment = datetime.fromtimestamp(ms // 1000, _CST)
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + f".{ms % 1000:03d}+0800"


def fill_obj(fill: SimFill, inst: SimInstrument) -> dict[str, Any]:
    """One entry of allFillOrders `fill_orders` (reference §4.5)."""
    return {
        "filledTm": iso_utc(fill.ts),
        "volume": dec(fill.quantity, inst.quantity_precision),
        "price": dec(fill.price, inst.price_precision),
        "amount": dec(fill.quote_qty, 4),
        "commission": dec(-fill.fee, 4),
        "currency": fill.fee_asset,
        "orderId": fill.order_id,
        "liquidatedPrice": "",
        "liquidatedMarginRatio": "",
        "filledTime": iso_cst(fill.ts),
        "clientOrderID": fill.client_order_id or "",
        "symbol": fill.symbol,
    }


def fill_history_obj(fill: SimFill, inst: SimInstrument) -> dict[str, Any]:
    """One entry of fillHistory `fill_history_orders` (trade level, with role and realised PnL)."""
    out = fill_obj(fill, inst)
    out.update(
        {
            "tradeId": fill.trade_id,
            "qty": dec(fill.quantity, inst.quantity_precision),
            "quoteQty": dec(fill.quote_qty, 4),
            "role": fill.role.value,
            "side": BX_SIDE[fill.side],
            "positionSide": BX_POSITION_SIDE[fill.position_side],
            "realisedPNL": dec(fill.realized_pnl, 8),
        }
    )
    return out
