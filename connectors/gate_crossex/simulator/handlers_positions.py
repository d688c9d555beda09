"""Position routes: contract and margin positions, full close, ADL rank, histories, interest and discounts."""

from __future__ import annotations

from decimal import Decimal

from venuekit.core.simulator import PositionView
from venuekit.core.types.enums import PositionSide

from .context import Ctx, Reply, string_field, text
from .errors import GateError
from .markets import COINS, EXCHANGES, FUTURE, MARGIN
from .render import history_position_json, margin_position_json, position_json
from .state import OrderMeta

ZERO = Decimal(0)
HOUR_MS = 3_600_000


def _views(ctx: Ctx, business: str) -> list[tuple[PositionView, str]]:
    symbol, exchange = ctx.param("symbol"), ctx.param("exchange_type")
    out = []
    for view in ctx.exchange.positions(ctx.account_id):
        spec = ctx.venue.pairs.get(view.symbol)
        if spec is None or spec.business != business:
            continue
        if (symbol is None or symbol == view.symbol) and (exchange is None or exchange == spec.exchange):
            out.append((view, spec.symbol))
    return out


def list_positions(ctx: Ctx) -> Reply:
    return 200, [position_json(ctx.venue, v, ctx.venue.pair(s)) for v, s in _views(ctx, FUTURE)]


def list_margin_positions(ctx: Ctx) -> Reply:
    return 200, [margin_position_json(ctx.venue, v, ctx.venue.pair(s)) for v, s in _views(ctx, MARGIN)]


def close_position(ctx: Ctx) -> Reply:
    """202 after a market close of a dust position (at or under min size or min notional), as documented."""
    body = ctx.body()
    spec = ctx.venue.pair(string_field(body, "symbol"))
    wire_side = (string_field(body, "position_side") or "").upper()
    if wire_side not in ("", "NONE", "LONG", "SHORT"):
        raise GateError("TRADE_INVALID_POSITION_SIDE", f"invalid position_side {wire_side}")
    if spec.business == MARGIN and wire_side not in ("LONG", "SHORT"):
        raise GateError("TRADE_MARGIN_INVALID_PZ_SIDE_ERROR", "margin positions need position_side LONG or SHORT")
    if ctx.exchange.open_orders(ctx.account_id, spec.symbol):
        raise GateError("OPEN_ORDERS_CAN_NOT_DELETE_POSITION", "cancel the symbol's open orders first")
    views = [v for v in ctx.exchange.positions(ctx.account_id, spec.symbol) if _side_matches(v, wire_side)]
    if not views:
        raise GateError("CAN_NOT_DELETE_POSITION", "position quantity is 0")
    view = views[0]
    dust = view.size <= spec.min_size or view.notional <= spec.min_notional
    if ctx.venue.full_close_dust_only and not dust:
        raise GateError("CAN_NOT_DELETE_LARGE_POSITION", "position is too large, close it with orders first")
    orders = ctx.venue.engine(lambda: ctx.exchange.close_position(ctx.account_id, spec.symbol, view.position_side))
    order = orders[0]
    ctx.venue.state.orders[order.order_id] = OrderMeta(leverage=view.leverage, qty=order.quantity)
    return 202, {"order_id": order.order_id, "text": order.client_order_id or order.order_id}


def _side_matches(view: PositionView, wire_side: str) -> bool:
    if wire_side in ("", "NONE"):
        return True
    if view.position_side is not PositionSide.BOTH:
        return view.position_side.value.upper() == wire_side
    return (view.quantity > 0) == (wire_side == "LONG")


def adl_rank(ctx: Ctx) -> Reply:
    spec = ctx.venue.pair(ctx.require("symbol"))
    rows = []
    for view in ctx.exchange.positions(ctx.account_id, spec.symbol):
        rate = view.unrealized_pnl / view.initial_margin if view.initial_margin else ZERO
        rank = 1 if rate <= 0 else min(5, 2 + int(rate * 4))
        rows.append(
            {
                "user_id": ctx.account_id,
                "symbol": spec.symbol,
                "crossex_adl_rank": str(rank),
                "exchange_adl_rank": str(6 - rank if spec.exchange == "GATE" else rank - 1),
            }
        )
    return 200, rows


def _history(ctx: Ctx, business: str) -> Reply:
    symbol = ctx.param("symbol")
    rows = [
        r
        for r in reversed(ctx.venue.tracker.history)
        if r.account_id == ctx.account_id
        and ctx.venue.pair(r.symbol).business == business
        and (symbol is None or symbol == r.symbol)
        and ctx.in_window(r.update_ms)
    ]
    return 200, [history_position_json(r, ctx.venue.pair(r.symbol)) for r in ctx.page(rows)]


def history_positions(ctx: Ctx) -> Reply:
    return _history(ctx, FUTURE)


def history_margin_positions(ctx: Ctx) -> Reply:
    return _history(ctx, MARGIN)


def history_margin_interests(ctx: Ctx) -> Reply:
    symbol, exchange = ctx.param("symbol"), ctx.param("exchange_type")
    rows = [
        r
        for r in reversed(ctx.venue.state.interest.get(ctx.account_id, []))
        if (symbol is None or r.symbol == symbol)
        and (exchange is None or r.exchange == exchange)
        and ctx.in_window(r.ts)
    ]
    return 200, [
        {
            "user_id": r.account_id,
            "symbol": r.symbol,
            "interest_id": r.interest_id,
            "liability_id": r.liability_id,
            "liability": text(r.liability),
            "liability_coin": r.liability_coin,
            "interest": text(r.interest),
            "interest_rate": text(r.rate),
            "interest_type": r.kind,
            "create_time": str(r.ts),
            "exchange_type": r.exchange,
        }
        for r in ctx.page(rows)
    ]


def _exchanges(ctx: Ctx) -> list[str]:
    wanted = ctx.param("exchange_type")
    return [e for e in EXCHANGES if wanted is None or e == wanted]


def interest_rates(ctx: Ctx) -> Reply:
    coin = ctx.param("coin")
    hour = ctx.venue.now_ms() // HOUR_MS * HOUR_MS
    return 200, [
        {"coin": c.coin, "exchange_type": e, "hour_interest_rate": text(c.hour_interest_rate), "time": str(hour)}
        for c in COINS.values()
        for e in _exchanges(ctx)
        if coin is None or coin == c.coin
    ]


def coin_discount_rates(ctx: Ctx) -> Reply:
    coin = ctx.param("coin")
    return 200, [
        {
            "coin": c.coin,
            "exchange_type": e,
            "tier": str(i),
            "min_value": text(low),
            "max_value": text(high),
            "discount_rate": text(rate),
        }
        for c in COINS.values()
        for e in _exchanges(ctx)
        for i, (low, high, rate) in enumerate(c.discount_tiers, start=1)
        if coin is None or coin == c.coin
    ]
