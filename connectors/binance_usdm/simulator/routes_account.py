"""Account routes: modes, leverage, margin, balances, account, positions, trades, income and risk tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from venuekit.core.simulator import IncomeType, RawNumber, SimRejected
from venuekit.core.simulator.errors import RejectReason
from venuekit.core.types.enums import MarginMode, PositionMode, PositionSide

from .errors import BinanceError, invalid
from .markets import bracket_rows, max_notional
from .params import Params, page
from .pipeline import Ctx, Spec
from .shapes_account import (
    account_asset,
    account_position,
    account_totals,
    asset_figures,
    balance_row,
    legs,
    position_v2,
    position_v3,
)
from .shapes_orders import force_order, income_row, user_trade
from .state import MarginChange
from .wire import MARGIN_TYPES, POSITION_SIDE_NAMES, POSITION_SIDES, plain, wire_symbol

SUCCESS: Final = {"code": 200, "msg": "success"}
FORCE_PREFIXES: Final = {"LIQUIDATION": ("autoclose-",), "ADL": ("adl_autoclose",)}
INCOME_TYPES: Final = frozenset(
    {"TRANSFER", "WELCOME_BONUS", "REALIZED_PNL", "FUNDING_FEE", "COMMISSION", "INSURANCE_CLEAR",
     "MARKET_MERCHANT_RETURN_REWARD"}
)


def _limit(params: Params, default: int, most: int) -> int:
    limit = params.integer("limit")
    if limit is None:
        return default
    if not 1 <= limit <= most:
        raise invalid("limit")
    return limit


def set_dual_side(ctx: Ctx) -> object:
    hedge = ctx.params.boolean("dualSidePosition") if "dualSidePosition" in ctx.params else None
    if hedge is None:
        raise BinanceError(-1102, "Mandatory parameter 'dualSidePosition' was not sent, was empty/null, or malformed.")
    if not ctx.exchange.set_position_mode(ctx.account_id, PositionMode.HEDGE if hedge else PositionMode.ONE_WAY):
        raise BinanceError(-4059, "No need to change position side.")
    return SUCCESS


def get_dual_side(ctx: Ctx) -> object:
    return {"dualSidePosition": ctx.exchange.position_mode(ctx.account_id) is PositionMode.HEDGE}


def set_multi_assets(ctx: Ctx) -> object:
    if "multiAssetsMargin" not in ctx.params:
        raise BinanceError(-1102, "Mandatory parameter 'multiAssetsMargin' was not sent, was empty/null, or malformed.")
    wanted = ctx.params.boolean("multiAssetsMargin")
    current = ctx.account_id in ctx.state.multi_assets
    if wanted == current:
        raise BinanceError(-4171, "Adjusted asset mode is currently set and does not need to be adjusted.")
    if wanted:
        isolated = [i for i in ctx.exchange.instruments()
                    if ctx.exchange.margin_mode(ctx.account_id, i.symbol) is MarginMode.ISOLATED]
        if isolated:
            raise BinanceError(-4167, "Unable to adjust to Multi-Assets mode with symbols of USDⓈ-M Futures under "
                               "isolated-margin mode.")
        ctx.state.multi_assets.add(ctx.account_id)
    else:
        ctx.state.multi_assets.discard(ctx.account_id)
    return SUCCESS


def get_multi_assets(ctx: Ctx) -> object:
    return {"multiAssetsMargin": ctx.account_id in ctx.state.multi_assets}


def set_leverage(ctx: Ctx) -> object:
    inst = ctx.inst()
    leverage = ctx.params.need_int("leverage")
    try:
        ctx.exchange.set_leverage(ctx.account_id, inst.symbol, leverage)
    except SimRejected as exc:
        if exc.reason is RejectReason.LEVERAGE_OUT_OF_RANGE:
            raise BinanceError(-4028, f"Leverage {leverage} is not valid") from None
        raise BinanceError(-2027, "Exceeded the maximum allowable position at current leverage.") from None
    spec = ctx.backend.spec_of(inst)
    return {"leverage": leverage, "maxNotionalValue": str(max_notional(spec, leverage)), "symbol": wire_symbol(inst)}


def set_margin_type(ctx: Ctx) -> object:
    inst = ctx.inst()
    mode = ctx.params.choice("marginType", MARGIN_TYPES, BinanceError(-4044, "The balance type is not correct."))
    if mode is None:
        raise BinanceError(-1102, "Mandatory parameter 'marginType' was not sent, was empty/null, or malformed.")
    if mode is MarginMode.ISOLATED and ctx.account_id in ctx.state.multi_assets:
        raise BinanceError(-4168, "Unable to adjust to isolated-margin mode under the Multi-Assets mode.")
    try:
        changed = ctx.exchange.set_margin_mode(ctx.account_id, inst.symbol, mode)
    except SimRejected as exc:
        if exc.reason is RejectReason.POSITION_EXISTS:
            raise BinanceError(-4048, "Margin type cannot be changed if there exists position.") from None
        raise BinanceError(-4047, "Margin type cannot be changed if there exists open orders.") from None
    if not changed:
        raise BinanceError(-4046, "No need to change margin type.")
    return SUCCESS


_MARGIN_ERRORS: Final = {
    RejectReason.NOT_ISOLATED: (-4049, "Add margin only support for isolated position."),
    RejectReason.NO_POSITION: (-4054, "Cannot add position margin: position is 0."),
    RejectReason.INSUFFICIENT_MARGIN: (-4050, "Cross balance insufficient."),
    RejectReason.MARGIN_TOO_LOW: (-4051, "Isolated balance insufficient."),
    RejectReason.INVALID_AMOUNT: (-4055, "Amount must be positive."),
}


def position_margin(ctx: Ctx) -> object:
    inst = ctx.inst()
    amount = ctx.params.need_decimal("amount")
    kind = ctx.params.need_int("type")
    if kind not in (1, 2):
        raise invalid("type")
    side = ctx.params.choice("positionSide", POSITION_SIDES, BinanceError(-4060, "Invalid position side."))
    side = side or PositionSide.BOTH
    try:
        ctx.exchange.adjust_isolated_margin(ctx.account_id, inst.symbol, side, amount, add=kind == 1)
    except SimRejected as exc:
        code, msg = _MARGIN_ERRORS.get(exc.reason, (-4051, "Isolated balance insufficient."))
        raise BinanceError(code, msg) from None
    ctx.state.margin_changes.append(
        MarginChange(ctx.account_id, inst.symbol, amount, inst.settle, ctx.now, kind, POSITION_SIDE_NAMES[side])
    )
    return {"amount": RawNumber(amount), "code": 200, "msg": "Successfully modify position margin.", "type": kind}


def margin_history(ctx: Ctx) -> object:
    inst = ctx.inst()
    kind = ctx.params.integer("type")
    start, end = ctx.params.integer("startTime"), ctx.params.integer("endTime")
    limit = _limit(ctx.params, 500, 1000)
    rows = [
        c for c in ctx.state.margin_changes
        if c.account_id == ctx.account_id and c.symbol == inst.symbol and (kind is None or c.kind == kind)
        and (start is None or c.time >= start) and (end is None or c.time <= end)
    ]
    return [
        {"amount": plain(c.amount), "asset": c.asset, "symbol": wire_symbol(inst), "time": c.time, "type": c.kind,
         "positionSide": c.position_side}
        for c in rows[-limit:]
    ]


def position_risk_v2(ctx: Ctx) -> object:
    inst = ctx.maybe_inst()
    rows = legs(ctx.exchange, ctx.account_id, ctx.backend.spec_of)
    return [position_v2(leg) for leg in rows if inst is None or leg.inst.symbol == inst.symbol]


def position_risk_v3(ctx: Ctx) -> object:
    inst = ctx.maybe_inst()
    rows = legs(ctx.exchange, ctx.account_id, ctx.backend.spec_of, live_only=True)
    return [position_v3(leg) for leg in rows if inst is None or leg.inst.symbol == inst.symbol]


def balances(ctx: Ctx) -> object:
    alias = ctx.state.alias(ctx.account_id)
    return [balance_row(f, alias) for f in asset_figures(ctx.exchange, ctx.account_id, ctx.backend.spec_of)]


def _account_flags(ctx: Ctx) -> dict[str, object]:
    return {"feeTier": 0, "feeBurn": False, "canTrade": True, "canDeposit": True, "canWithdraw": True,
            "updateTime": 0, "multiAssetsMargin": ctx.account_id in ctx.state.multi_assets, "tradeGroupId": -1}


def account_full(ctx: Ctx) -> object:
    """v4 (the seed's shape) and v2: every symbol's legs, assets with marginAvailable."""
    figures = asset_figures(ctx.exchange, ctx.account_id, ctx.backend.spec_of)
    rows = legs(ctx.exchange, ctx.account_id, ctx.backend.spec_of)
    return {
        **_account_flags(ctx),
        **account_totals(figures),
        "assets": [account_asset(f) for f in figures],
        "positions": [account_position(leg) for leg in rows],
    }


def account_v3(ctx: Ctx) -> object:
    """v3: totals, assets and only the open positions, in the slimmer field set."""
    figures = asset_figures(ctx.exchange, ctx.account_id, ctx.backend.spec_of)
    rows = legs(ctx.exchange, ctx.account_id, ctx.backend.spec_of, live_only=True)
    return {
        **account_totals(figures),
        "assets": [account_asset(f, v3=True) for f in figures],
        "positions": [account_position(leg, v3=True) for leg in rows],
    }


def user_trades(ctx: Ctx) -> object:
    inst = ctx.inst()
    start, end = ctx.params.integer("startTime"), ctx.params.integer("endTime")
    from_id = ctx.params.integer("fromId")
    if from_id is not None and (start is not None or end is not None):
        raise BinanceError(-1128, "Combination of optional parameters invalid.")
    limit = _limit(ctx.params, 500, 1000)
    fills = ctx.exchange.fills(ctx.account_id, inst.symbol, start_ms=start, end_ms=end)
    return [user_trade(f, ctx.backend.spec_of(inst)) for f in page(fills, from_id, lambda f: int(f.trade_id), limit)]


def income(ctx: Ctx) -> object:
    inst = ctx.maybe_inst()
    kind_text = ctx.params.raw("incomeType")
    if kind_text is not None and kind_text not in INCOME_TYPES:
        raise invalid("incomeType")
    known = {t.value: t for t in IncomeType}
    if kind_text is not None and kind_text not in known:
        return []
    start, end = ctx.params.integer("startTime"), ctx.params.integer("endTime")
    limit = _limit(ctx.params, 100, 1000)
    rows = ctx.exchange.income(
        ctx.account_id, inst.symbol if inst else None, known.get(kind_text or ""), start_ms=start, end_ms=end
    )
    return [income_row(e, ctx.backend.wire(e.symbol)) for e in rows[-limit:]]


def leverage_bracket(ctx: Ctx) -> object:
    inst = ctx.maybe_inst()
    insts = [inst] if inst is not None else ctx.exchange.instruments()
    rows = [{"symbol": wire_symbol(i), "brackets": bracket_rows(ctx.backend.spec_of(i))} for i in insts]
    return rows[0] if inst is not None else rows


def adl_quantile(ctx: Ctx) -> object:
    inst = ctx.maybe_inst()
    hedge = ctx.exchange.position_mode(ctx.account_id) is PositionMode.HEDGE
    out = []
    for i in [inst] if inst is not None else ctx.exchange.instruments():
        views = ctx.exchange.positions(ctx.account_id, i.symbol)
        if not views:
            continue
        ranks = {"LONG": 0, "SHORT": 0, "BOTH": 0}
        for v in views:
            ranks[POSITION_SIDE_NAMES[v.position_side]] = 2 if v.unrealized_pnl > 0 else 1
        cross = ctx.exchange.margin_mode(ctx.account_id, i.symbol) is MarginMode.CROSS
        if hedge and cross:
            shared = max(ranks["LONG"], ranks["SHORT"])
            ranks = {"LONG": shared, "SHORT": shared, "HEDGE": 0}
        out.append({"symbol": wire_symbol(i), "adlQuantile": ranks})
    return out


def force_orders(ctx: Ctx) -> object:
    inst = ctx.maybe_inst()
    kind = ctx.params.raw("autoCloseType")
    if kind is not None and kind not in FORCE_PREFIXES:
        raise invalid("autoCloseType")
    prefixes = FORCE_PREFIXES[kind] if kind else FORCE_PREFIXES["LIQUIDATION"] + FORCE_PREFIXES["ADL"]
    start, end = ctx.params.integer("startTime"), ctx.params.integer("endTime")
    limit = _limit(ctx.params, 50, 100)
    rows = [
        o for o in ctx.exchange.orders(ctx.account_id, inst.symbol if inst else None, start, end)
        if (o.client_order_id or "").startswith(prefixes)
    ]
    return [force_order(o, ctx.backend.spec_for(o.symbol), ctx.state.extras.get(o.order_id)) for o in rows[-limit:]]


def commission_rate(ctx: Ctx) -> object:
    inst = ctx.inst()
    rate = ctx.exchange.commission_rate(ctx.account_id, inst.symbol)
    return {"symbol": wire_symbol(inst), "makerCommissionRate": plain(rate.maker),
            "takerCommissionRate": plain(rate.taker)}


def _symbol_weight(single: int, many: int) -> Callable[[Params], int]:
    return lambda p: single if "symbol" in p else many


ROUTES: Final = (
    Spec("POST", "/fapi/v1/positionSide/dual", "SIGNED", set_dual_side, 1),
    Spec("GET", "/fapi/v1/positionSide/dual", "SIGNED", get_dual_side, 30),
    Spec("POST", "/fapi/v1/multiAssetsMargin", "SIGNED", set_multi_assets, 1),
    Spec("GET", "/fapi/v1/multiAssetsMargin", "SIGNED", get_multi_assets, 30),
    Spec("POST", "/fapi/v1/leverage", "SIGNED", set_leverage, 1),
    Spec("POST", "/fapi/v1/marginType", "SIGNED", set_margin_type, 1),
    Spec("POST", "/fapi/v1/positionMargin", "SIGNED", position_margin, 1),
    Spec("GET", "/fapi/v1/positionMargin/history", "SIGNED", margin_history, 1),
    Spec("GET", "/fapi/v2/positionRisk", "SIGNED", position_risk_v2, 5),
    Spec("GET", "/fapi/v3/positionRisk", "SIGNED", position_risk_v3, 5),
    Spec("GET", "/fapi/v2/balance", "SIGNED", balances, 5),
    Spec("GET", "/fapi/v3/balance", "SIGNED", balances, 5),
    Spec("GET", "/fapi/v2/account", "SIGNED", account_full, 5),
    Spec("GET", "/fapi/v3/account", "SIGNED", account_v3, 5),
    Spec("GET", "/fapi/v4/account", "SIGNED", account_full, 5),
    Spec("GET", "/fapi/v1/userTrades", "SIGNED", user_trades, 5),
    Spec("GET", "/fapi/v1/income", "SIGNED", income, 30),
    Spec("GET", "/fapi/v1/leverageBracket", "SIGNED", leverage_bracket, 1),
    Spec("GET", "/fapi/v1/adlQuantile", "SIGNED", adl_quantile, 5),
    Spec("GET", "/fapi/v1/forceOrders", "SIGNED", force_orders, _symbol_weight(20, 50)),
    Spec("GET", "/fapi/v1/commissionRate", "SIGNED", commission_rate, 20),
)
