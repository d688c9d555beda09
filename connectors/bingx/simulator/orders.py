"""BingX order parameters → engine orders: type/side mapping, precision truncation, test (dry-run) orders."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from venuekit.core.simulator import Exchange, SimOrder, SimRejected
from venuekit.core.types.enums import OrderType, PositionMode, PositionSide, Side, TimeInForce

from .codes import param_error
from .params import Params
from .state import BingXState, OrderExtra

ORDER_TYPES: dict[str, OrderType] = {
    "LIMIT": OrderType.LIMIT,
    "MARKET": OrderType.MARKET,
    "STOP": OrderType.STOP,
    "STOP_MARKET": OrderType.STOP_MARKET,
    "TAKE_PROFIT": OrderType.TAKE_PROFIT,
    "TAKE_PROFIT_MARKET": OrderType.TAKE_PROFIT_MARKET,
    "TRIGGER_LIMIT": OrderType.STOP,
    "TRIGGER_MARKET": OrderType.STOP_MARKET,
}
SIDES = {"BUY": Side.BUY, "SELL": Side.SELL}
POSITION_SIDES = {"BOTH": PositionSide.BOTH, "LONG": PositionSide.LONG, "SHORT": PositionSide.SHORT}
TIME_IN_FORCE = {
    "GTC": TimeInForce.GTC,
    "IOC": TimeInForce.IOC,
    "FOK": TimeInForce.FOK,
    "POSTONLY": TimeInForce.POST_ONLY,
}
CLIENT_ID_MAX = 40


def truncate(value: Decimal, step: Decimal) -> Decimal:
    """BingX truncates excess precision instead of rejecting it (seed 000, Place order)."""
    if step <= 0:
        return value
    return (value / step).to_integral_value(rounding=ROUND_DOWN) * step


@dataclass
class OrderArgs:
    symbol: str
    bx_type: str
    order_type: OrderType
    side: Side
    position_side: PositionSide
    quantity: Decimal | None
    price: Decimal | None
    trigger: Decimal | None
    tif: TimeInForce
    reduce_only: bool
    close_position: bool
    client_id: str | None
    extra: OrderExtra


def enum_param(p: Params, name: str, table: dict[str, object]) -> str:
    value = p.req(name).upper()
    if value not in table:
        raise param_error(f"{name} is invalid: {value}")
    return value


def read_order(ex: Exchange, account_id: str, p: Params) -> OrderArgs:
    """Parse and normalise one order's parameters the way BingX reads them."""
    symbol = p.req("symbol")
    inst = ex.instrument(symbol)
    bx_type = p.req("type").upper()
    if bx_type not in ORDER_TYPES:
        raise param_error(f"type is invalid: {bx_type}, this order type is not supported by the simulator")
    side = SIDES[enum_param(p, "side", dict(SIDES))]
    hedge = ex.position_mode(account_id) is PositionMode.HEDGE
    raw_ps = (p.opt("positionSide") or ("LONG" if hedge else "BOTH")).upper()
    if raw_ps not in POSITION_SIDES:
        raise param_error(f"positionSide is invalid: {raw_ps}")
    tif_raw = (p.opt("timeInForce") or "GTC").upper()
    if tif_raw not in TIME_IN_FORCE:
        raise param_error(f"timeInForce is invalid: {tif_raw}")
    client_id = p.opt("clientOrderId") or p.opt("newClientOrderId")
    if client_id is not None and len(client_id) > CLIENT_ID_MAX:
        raise param_error(f"clientOrderId length must be 1-{CLIENT_ID_MAX}")
    order_type = ORDER_TYPES[bx_type]
    quantity = _scaled(p.dec("quantity"), inst.step_size)
    price = _scaled(p.dec("price"), inst.tick_size)
    trigger = _scaled(p.dec("stopPrice"), inst.tick_size)
    close_position = p.flag("closePosition")
    if quantity is None and not close_position:
        raise param_error("quantity field is required")
    if order_type in (OrderType.LIMIT, OrderType.STOP, OrderType.TAKE_PROFIT) and price is None:
        raise param_error("price field is required")
    extra = OrderExtra(
        bx_type=bx_type,
        working_type=(p.opt("workingType") or ("MARK_PRICE" if bx_type != "LIMIT" else "")).upper(),
        take_profit=p.opt("takeProfit") or "",
        stop_loss=p.opt("stopLoss") or "",
        price_rate=p.dec("priceRate") or Decimal(0),
    )
    return OrderArgs(
        symbol=symbol,
        bx_type=bx_type,
        order_type=order_type,
        side=side,
        position_side=POSITION_SIDES[raw_ps],
        quantity=quantity,
        price=price,
        trigger=trigger,
        tif=TIME_IN_FORCE[tif_raw],
        reduce_only=p.flag("reduceOnly"),
        close_position=close_position,
        client_id=client_id,
        extra=extra,
    )


def _scaled(value: Decimal | None, step: Decimal) -> Decimal | None:
    if value is None:
        return None
    if value < 0:
        raise param_error(f"value must be positive: {value}")
    return truncate(value, step)


def place(st: BingXState, account_id: str, args: OrderArgs, *, main_order_id: str = "") -> SimOrder:
    """Submit to the engine and remember what BingX shows beside the order."""
    ex = st.exchange
    args.extra.leverage = ex.leverage(account_id, args.symbol, args.position_side)
    args.extra.main_order_id = main_order_id
    order = ex.place_order(
        account_id,
        args.symbol,
        args.side,
        args.order_type,
        args.quantity,
        price=args.price,
        trigger_price=args.trigger,
        time_in_force=args.tif,
        position_side=args.position_side,
        reduce_only=args.reduce_only,
        close_position=args.close_position,
        client_order_id=args.client_id,
    )
    existing = st.extras.get(order.order_id)
    if existing is not None and existing.position_id:
        args.extra.position_id = existing.position_id
    st.extras[order.order_id] = args.extra
    if args.extra.take_profit or args.extra.stop_loss:
        st.pending_brackets.append((account_id, order.order_id))
    return order


def dry_run(st: BingXState, account_id: str, args: OrderArgs) -> SimOrder:
    """Validate like a real order but change nothing (POST /trade/order/test); returns an unsent order."""
    ex = st.exchange
    order: SimOrder = ex.place_order(
        account_id, args.symbol, args.side, args.order_type, args.quantity, price=args.price,
        trigger_price=args.trigger, time_in_force=args.tif, position_side=args.position_side,
        reduce_only=args.reduce_only, post_only=args.tif is TimeInForce.POST_ONLY,
        close_position=args.close_position, client_order_id=args.client_id, dry_run=True,
    )
    args.extra.leverage = ex.leverage(account_id, args.symbol, args.position_side)
    return order


__all__ = ["ORDER_TYPES", "OrderArgs", "SimRejected", "dry_run", "place", "read_order"]
