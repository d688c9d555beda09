"""Position history, isolated-margin history, maintenance tiers and the multi-assets endpoints."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from venuekit.core.simulator import FUTURES_WALLET

from .app import Ctx, Reply, RouteSpec
from .codes import param_error
from .render import BX_POSITION_SIDE
from .routes_orders import SWAP
from .state import PositionRecord
from .wire import dec, ok

ASSET_MODES = ("singleAssetMode", "multiAssetsMode")
# Static collateral rules in the documented shape (ltv / collateral ratio per margin asset).
COLLATERAL = (
    ("USDT", "99.99%", "99.99%", ""),
    ("USDC", "99.99%", "99.99%", ""),
    ("BTC", "95.00%", "95.00%", "10"),
    ("ETH", "95.00%", "95.00%", "100"),
)
TIER_CAPS = (Decimal(150_000), Decimal(900_000), Decimal(3_000_000))


def _page(ctx: Ctx, required: bool) -> tuple[int, int]:
    page = ctx.p.integer("pageIndex", required=required, default=1) or 1
    size = ctx.p.integer("pageSize", required=required, default=20) or 20
    if page < 1 or not 1 <= size <= 100:
        raise param_error("pageIndex must be >= 1 and pageSize 1..100")
    return page, size


def _history_row(rec: PositionRecord, ctx: Ctx) -> dict[str, Any]:
    inst = ctx.ex.instrument(rec.symbol)
    close_avg = rec.close_notional / rec.close_qty if rec.close_qty else Decimal(0)
    net = rec.realized + rec.commission + rec.funding
    realised = dec(rec.realized, 8)
    return {
        "positionId": rec.position_id,
        "symbol": rec.symbol,
        "isolated": rec.isolated,
        "positionSide": BX_POSITION_SIDE[rec.direction],
        "openTime": rec.open_ms,
        "updateTime": rec.update_ms,
        "avgPrice": dec(rec.entry, inst.price_precision),
        "avgClosePrice": dec(close_avg, inst.price_precision),
        "realisedProfit": realised,
        "realizedProfit": realised,
        "netProfit": dec(net, 8),
        "positionAmt": dec(rec.max_qty, inst.quantity_precision),
        "closePositionAmt": dec(rec.close_qty, inst.quantity_precision),
        "leverage": rec.leverage,
        "closeAllPositions": rec.close_qty >= rec.max_qty,
        "positionCommission": dec(rec.commission, 8),
        "totalFunding": dec(rec.funding, 8),
    }


def position_history(ctx: Ctx) -> Reply:
    symbol = ctx.p.req("symbol")
    ctx.ex.instrument(symbol)
    start = ctx.p.integer("startTs", required=True) or 0
    end = ctx.p.integer("endTs", required=True) or 0
    pid = ctx.p.opt("positionId")
    page, size = _page(ctx, required=False)
    rows = [
        r
        for r in ctx.st.account(ctx.account_id).history
        if r.symbol == symbol and start <= r.update_ms <= end and (pid is None or r.position_id == pid)
    ]
    chunk = rows[(page - 1) * size : page * size]
    return ok({"positionHistory": [_history_row(r, ctx) for r in chunk], "total": len(rows)})


def margin_history(ctx: Ctx) -> Reply:
    symbol = ctx.p.req("symbol")
    pid = ctx.p.req("positionId")
    start = ctx.p.integer("startTime", required=True) or 0
    end = ctx.p.integer("endTime", required=True) or 0
    page, size = _page(ctx, required=True)
    rows = [
        m
        for m in ctx.st.account(ctx.account_id).margin_history
        if m.symbol == symbol and m.position_id == pid and start <= m.ts <= end
    ]
    chunk = rows[(page - 1) * size : page * size]
    records = [
        {
            "symbol": m.symbol,
            "positionId": m.position_id,
            "changeReason": m.reason,
            "marginChange": dec(m.change, 8),
            "marginAfterChange": dec(m.after, 8),
            "time": m.ts,
        }
        for m in chunk
    ]
    return ok({"records": records, "total": len(rows)}, timestamp=ctx.now)


def maint_margin_ratio(ctx: Ctx) -> Reply:
    """Tiers derived from the instrument's maintenance rate, stepping it up per notional band."""
    symbol = ctx.p.req("symbol")
    inst = ctx.ex.instrument(symbol)
    rows, floor, amount = [], Decimal(0), Decimal(0)
    for i, cap in enumerate(TIER_CAPS):
        rate = inst.maintenance_margin_rate + Decimal("0.001") * i
        if i:
            amount += floor * Decimal("0.001")
        rows.append(
            {
                "tier": str(i + 1),
                "symbol": symbol,
                "minPositionVal": dec(floor),
                "maxPositionVal": dec(cap),
                "maintMarginRatio": dec(rate, 6),
                "maintAmount": dec(amount, 6),
            }
        )
        floor = cap
    return ok(rows, timestamp=ctx.now)


def get_asset_mode(ctx: Ctx) -> Reply:
    return ok({"assetMode": ctx.st.account(ctx.account_id).asset_mode})


def set_asset_mode(ctx: Ctx) -> Reply:
    mode = ctx.p.req("assetMode")
    if mode not in ASSET_MODES:
        raise param_error(f"assetMode is invalid: {mode}")
    ctx.st.account(ctx.account_id).asset_mode = mode
    return ok({"assetMode": mode})


def multi_assets_rules(ctx: Ctx) -> Reply:
    rows = []
    for asset, ltv, ratio, max_transfer in COLLATERAL:
        symbol = f"{asset}-USDT"
        known = {i.symbol for i in ctx.ex.instruments()}
        index = ctx.ex.mark_price(symbol) if symbol in known else Decimal(1)
        rows.append(
            {
                "marginAssets": asset,
                "ltv": ltv,
                "collateralValueRatio": ratio,
                "maxTransfer": max_transfer,
                "indexPrice": dec(index, 10),
            }
        )
    return ok(rows)


def margin_assets(ctx: Ctx) -> Reply:
    wallet = ctx.ex.account(ctx.account_id).wallet(FUTURES_WALLET)
    balances = ctx.ex.balance(ctx.account_id)
    rows = []
    for asset in dict.fromkeys(["USDC", "USDT", *wallet]):
        total = wallet.get(asset, Decimal(0))
        free = balances[asset].available if asset in balances else total
        rows.append(
            {
                "currency": asset,
                "totalAmount": dec(total, 8),
                "availableTransfer": dec(min(free, total), 8),
                "latestMortgageAmount": dec(total, 8),
            }
        )
    return ok(rows)


ROUTES = [
    RouteSpec("GET", f"{SWAP}/v1/trade/positionHistory", position_history, 5),
    RouteSpec("GET", f"{SWAP}/v1/positionMargin/history", margin_history, 5),
    RouteSpec("GET", f"{SWAP}/v1/maintMarginRatio", maint_margin_ratio, 5),
    RouteSpec("POST", f"{SWAP}/v1/trade/assetMode", set_asset_mode, 2),
    RouteSpec("GET", f"{SWAP}/v1/trade/assetMode", get_asset_mode, 2),
    RouteSpec("GET", f"{SWAP}/v1/trade/multiAssetsRules", multi_assets_rules, None, public=True),
    RouteSpec("GET", f"{SWAP}/v1/user/marginAssets", margin_assets, 2),
]
