"""Swap account routes: balance, positions, income (and its export), commission rate, VST grant."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from venuekit.core.simulator import FUTURES_WALLET, SimResponse, text_response
from venuekit.core.simulator.income import IncomeType, SimIncome

from .app import Ctx, Reply, RouteSpec
from .codes import param_error
from .render import position_obj
from .routes_orders import SWAP
from .wire import dec, num, ok

SEVEN_DAYS_MS = 7 * 24 * 3600 * 1000
INCOME_MAX = 1000
VST_GRANT = Decimal(20000)
BX_INCOME = {
    IncomeType.TRANSFER: "TRANSFER",
    IncomeType.REALIZED_PNL: "REALIZED_PNL",
    IncomeType.FUNDING_FEE: "FUNDING_FEE",
    IncomeType.COMMISSION: "TRADING_FEE",
    IncomeType.INSURANCE_CLEAR: "INSURANCE_CLEAR",
}
FROM_BX = {v: k for k, v in BX_INCOME.items()}
MARGIN_ASSETS = ("USDT", "USDC")


def balance(ctx: Ctx) -> Reply:
    balances = ctx.ex.balance(ctx.account_id)
    rows = []
    for asset in dict.fromkeys([*MARGIN_ASSETS, *balances]):
        bal = balances.get(asset)
        realised = sum(
            (i.amount for i in ctx.ex.income(ctx.account_id, None, IncomeType.REALIZED_PNL) if i.asset == asset),
            Decimal(0),
        )
        zero = Decimal(0)
        rows.append(
            {
                "userId": ctx.uid,
                "asset": asset,
                "balance": dec(bal.wallet_balance if bal else zero, 4),
                "equity": dec(bal.equity if bal else zero, 4),
                "unrealizedProfit": dec(bal.unrealized_pnl if bal else zero, 4),
                "realisedProfit": dec(realised, 4),
                "availableMargin": dec(bal.available if bal else zero, 4),
                "usedMargin": dec(bal.position_margin if bal else zero, 4),
                "freezedMargin": dec(bal.order_margin if bal else zero, 4),
                "shortUid": ctx.uid[-8:],
            }
        )
    return ok(rows)


def positions(ctx: Ctx) -> Reply:
    symbol = ctx.p.opt("symbol")
    if symbol is not None:
        ctx.ex.instrument(symbol)
    rows = []
    for view in ctx.ex.positions(ctx.account_id, symbol):
        rec = ctx.st.record_for(ctx.account_id, view.symbol, view.position_side)
        locked = sum(
            (
                o.remaining_qty
                for o in ctx.ex.open_orders(ctx.account_id, view.symbol)
                if o.is_closing and o.position_side is view.position_side and not o.is_untriggered
            ),
            Decimal(0),
        )
        available = max(Decimal(0), view.size - locked)
        inst = ctx.ex.instrument(view.symbol)
        rows.append(position_obj(view, inst, rec.position_id if rec else "", available))
    return ok(rows)


def _incomes(ctx: Ctx) -> list[SimIncome]:
    symbol = ctx.p.opt("symbol")
    raw_type = (ctx.p.opt("incomeType") or "").upper()
    if raw_type and raw_type not in FROM_BX and raw_type not in ("TRIAL_FUND", "ADL", "SYSTEM_DEDUCTION"):
        raise param_error(f"incomeType is invalid: {raw_type}")
    start, end = ctx.p.integer("startTime"), ctx.p.integer("endTime")
    if start is None and end is None:
        start = ctx.now - SEVEN_DAYS_MS
    limit = ctx.p.integer("limit", default=100) or 100
    if not 1 <= limit <= INCOME_MAX:
        raise param_error(f"limit must be 1..{INCOME_MAX}")
    if raw_type and raw_type not in FROM_BX:
        return []
    income_type = FROM_BX.get(raw_type) if raw_type else None
    return ctx.ex.income(ctx.account_id, symbol, income_type, start_ms=start, end_ms=end, limit=limit)


def _income_row(entry: SimIncome) -> dict[str, Any]:
    return {
        "symbol": entry.symbol,
        "incomeType": BX_INCOME[entry.income_type],
        "income": dec(entry.amount, 4),
        "asset": entry.asset,
        "info": entry.info or BX_INCOME[entry.income_type].replace("_", " ").title(),
        "time": entry.ts,
        "tranId": entry.income_id,
        "tradeId": entry.trade_id or entry.income_id,
    }


def income(ctx: Ctx) -> Reply:
    return ok([_income_row(i) for i in _incomes(ctx)])


def income_export(ctx: Ctx) -> Reply:
    """The fund-flow export arrives as a file attachment (CSV here), not as a JSON envelope."""
    header = "time,symbol,incomeType,income,asset,info,tranId,tradeId"
    lines = [header]
    for row in (_income_row(i) for i in _incomes(ctx)):
        lines.append(",".join(str(row[k]) for k in header.split(",")))
    disposition = f'attachment; filename="fund_flow_{ctx.now}.csv"'
    response: SimResponse = text_response(
        "\n".join(lines) + "\n", content_type="text/csv; charset=utf-8", headers={"content-disposition": disposition}
    )
    return response


def commission_rate(ctx: Ctx) -> Reply:
    symbol = ctx.p.opt("symbol") or ctx.ex.instruments()[0].symbol
    rate = ctx.ex.commission_rate(ctx.account_id, symbol)
    return ok({"commission": {"takerCommissionRate": num(rate.taker), "makerCommissionRate": num(rate.maker)}})


def get_vst(ctx: Ctx) -> Reply:
    """Demo-funds grant: credits 20000 to the futures wallet's USDT."""
    ctx.ex.deposit(ctx.account_id, "USDT", VST_GRANT, FUTURES_WALLET)
    ctx.st.account(ctx.account_id).vst_granted += VST_GRANT
    return ok({"amount": num(VST_GRANT)}, timestamp=ctx.now)


ROUTES = [
    RouteSpec("GET", f"{SWAP}/v3/user/balance", balance, 5, "3"),
    RouteSpec("GET", f"{SWAP}/v2/user/positions", positions, 5, "3"),
    RouteSpec("GET", f"{SWAP}/v2/user/income", income, 5, "2"),
    RouteSpec("GET", f"{SWAP}/v2/user/income/export", income_export, 5, "2"),
    RouteSpec("GET", f"{SWAP}/v2/user/commissionRate", commission_rate, 5, "2"),
    RouteSpec("POST", f"{SWAP}/v1/trade/getVst", get_vst, 1),
]
