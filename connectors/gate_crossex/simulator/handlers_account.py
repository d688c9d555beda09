"""Account routes: assets, position/account mode, fee rates and leverage for contract and margin pairs."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from venuekit.core.simulator import RejectReason
from venuekit.core.types.enums import PositionMode

from .context import Ctx, Reply, string_field, text
from .errors import GateError
from .markets import EXCHANGES, FUTURE, MARGIN
from .state import CROSS_EXCHANGE, ISOLATED_EXCHANGE

ZERO = Decimal(0)
ACCOUNT_EXCHANGES = (*EXCHANGES, "CROSSEX")


def _ratio(num: Decimal, den: Decimal) -> Decimal:
    return num / den if den else ZERO


def get_account(ctx: Ctx) -> Reply:
    user = ctx.venue.state.user(ctx.account_id)
    exchange = ctx.param("exchange_type")
    if user.account_mode == ISOLATED_EXCHANGE:
        if exchange not in EXCHANGES:
            raise GateError("QUERY_INVALID_EXCHANGE_TYPE", "isolated mode needs exchange_type BINANCE, OKX or GATE")
        shown = exchange
    else:
        shown = "CROSSEX"
    margins = {FUTURE: [ZERO, ZERO], MARGIN: [ZERO, ZERO]}
    for view in ctx.exchange.positions(ctx.account_id):
        spec = ctx.venue.pairs.get(view.symbol)
        if spec is not None and spec.business in margins:
            margins[spec.business][0] += view.initial_margin
            margins[spec.business][1] += view.maintenance_margin
    balances = ctx.exchange.balance(ctx.account_id)
    usdt = balances.get("USDT")
    wallet_usdt = usdt.wallet_balance if usdt else ZERO
    upnl = usdt.unrealized_pnl if usdt else ZERO
    initial = usdt.used_margin if usdt else ZERO
    maintenance = margins[FUTURE][1] + margins[MARGIN][1]
    equity = wallet_usdt + upnl
    assets = []
    for coin in sorted(set(balances) | {"USDT"}):
        bal = balances.get(coin)
        is_usdt = coin == "USDT"
        assets.append(
            {
                "user_id": ctx.account_id,
                "coin": coin,
                "exchange_type": shown,
                "balance": text(bal.wallet_balance if bal else ZERO),
                "upnl": text(upnl if is_usdt else ZERO),
                "equity": text(equity if is_usdt else ZERO),
                "futures_initial_margin": text(margins[FUTURE][0] if is_usdt else ZERO),
                "futures_maintenance_margin": text(margins[FUTURE][1] if is_usdt else ZERO),
                "borrowing_initial_margin": text(margins[MARGIN][0] if is_usdt else ZERO),
                "borrowing_maintenance_margin": text(margins[MARGIN][1] if is_usdt else ZERO),
                "available_balance": text(bal.available if bal else ZERO),
                "liability": "0",
            }
        )
    return 200, {
        "user_id": ctx.account_id,
        "available_margin": text(usdt.available if usdt else ZERO),
        "margin_balance": text(equity),
        "initial_margin": text(initial),
        "maintenance_margin": text(maintenance),
        "initial_margin_rate": text(_ratio(equity, initial)),
        "maintenance_margin_rate": text(_ratio(equity, maintenance)),
        "position_mode": ctx.venue.position_mode(ctx.account_id),
        "account_limit": "1000000",
        "create_time": str(user.create_ms),
        "update_time": str(user.update_ms),
        "account_mode": user.account_mode,
        "exchange_type": shown,
        "assets": assets,
    }


def _check_update(body: dict[str, Any], account_mode: str) -> tuple[str | None, str | None, str | None]:
    position_mode = string_field(body, "position_mode")
    new_mode = string_field(body, "account_mode")
    exchange = string_field(body, "exchange_type")
    if position_mode is None and new_mode is None and exchange is None:
        raise GateError("UPDATE_ACCOUNT_PARAMETERS_ALL_EMPTY_ERROR", "parameters cannot all be empty")
    if position_mode is not None and new_mode is not None:
        raise GateError("UPDATE_ACCOUNT_PARAMETERS_ERROR", "set account mode and position mode separately")
    if exchange is not None and position_mode is None:
        raise GateError("UPDATE_ACCOUNT_EXCHANGE_TYPE_PARAMETERS_ERROR", "exchange_type needs position_mode")
    if new_mode is not None and new_mode not in (CROSS_EXCHANGE, ISOLATED_EXCHANGE):
        raise GateError("UPDATE_ACCOUNT_ACCOUNT_MODE_ERROR", f"invalid account mode {new_mode}")
    if exchange is not None and exchange not in ACCOUNT_EXCHANGES:
        raise GateError("UPDATE_ACCOUNT_EXCHANGE_TYPE_ERROR", f"invalid exchange type {exchange}")
    if position_mode is not None and position_mode not in ("SINGLE", "DUAL"):
        raise GateError("TRADE_INVALID_PZ_MODE_ERROR", f"invalid position mode {position_mode}")
    if position_mode is not None and account_mode == ISOLATED_EXCHANGE:
        if exchange is None:
            raise GateError(
                "UPDATE_ACCOUNT_PZ_ISOLATED_MODE_NOT_EXCHANGE_TYPE_ERROR", "isolated mode needs exchange_type"
            )
        if exchange == "CROSSEX":
            raise GateError("UPDATE_ACCOUNT_ISOLATED_MODE_EXCHANGE_TYPE_NOT_CROSSEX_ERROR", "not CROSSEX")
    if position_mode is not None and account_mode == CROSS_EXCHANGE and exchange not in (None, "CROSSEX"):
        raise GateError("UPDATE_ACCOUNT_CROSSEX_MODE_EXCHANGE_TYPE_NOT_CROSSEX_ERROR", "exchange must be CROSSEX")
    return position_mode, new_mode, exchange


def update_account(ctx: Ctx) -> Reply:
    """202: position mode (account-wide in the simulator, whatever exchange is named) or account mode."""
    body = ctx.body()
    user = ctx.venue.state.user(ctx.account_id)
    position_mode, new_mode, exchange = _check_update(body, user.account_mode)
    if position_mode is not None:
        wanted = PositionMode.HEDGE if position_mode == "DUAL" else PositionMode.ONE_WAY
        if ctx.exchange.position_mode(ctx.account_id) is wanted:
            raise GateError("TRADE_CHANGE_PZ_MODE_SAME_ERROR", "position mode is already set")
        overrides = {
            RejectReason.POSITION_EXISTS: "TRADE_PZ_MODE_HAVE_POSITION_ERROR",
            RejectReason.OPEN_ORDERS_EXIST: "TRADE_PZ_MODE_HAVE_ORDER_ERROR",
        }
        ctx.venue.engine(lambda: ctx.exchange.set_position_mode(ctx.account_id, wanted), overrides)
    if new_mode is not None and new_mode != user.account_mode:
        if ctx.exchange.open_orders(ctx.account_id):
            raise GateError("UPDATE_ACCOUNT_MODE_OPEN_ORDERS_EXIST_ERROR", "cancel open orders first")
        if ctx.exchange.positions(ctx.account_id):
            raise GateError("UPDATE_ACCOUNT_MODE_POSITION_NOT_EMPTY_ERROR", "close positions first")
        user.account_mode = new_mode
    user.update_ms = ctx.venue.now_ms()
    return 202, {"position_mode": position_mode or "", "account_mode": new_mode or "", "exchange_type": exchange or ""}


def get_fee(ctx: Ctx) -> Reply:
    """The document's single-object shape; per-symbol overrides go to `special_fee_list`."""
    acct = ctx.exchange.account(ctx.account_id)
    specs = list(ctx.venue.pairs.values())
    spot = next((s for s in specs if s.business == MARGIN), None)
    future = next((s for s in specs if s.business == FUTURE), None)
    override = acct.commissions.get(None)

    def rate(spec_rate: Decimal | None, which: int) -> str:
        if override is not None:
            return text(override[which])
        return text(spec_rate if spec_rate is not None else ZERO)

    special = [
        {"symbol": symbol, "taker_fee_rate": text(r.taker), "maker_fee_rate": text(r.maker)}
        for symbol, r in acct.commissions.items()
        if symbol is not None
    ]
    return 200, {
        "spot_maker_fee": rate(spot.maker_fee if spot else None, 0),
        "spot_taker_fee": rate(spot.taker_fee if spot else None, 1),
        "future_maker_fee": rate(future.maker_fee if future else None, 0),
        "future_taker_fee": rate(future.taker_fee if future else None, 1),
        "special_fee_list": special,
    }


def _set_leverage(ctx: Ctx, business: str, label: str) -> Reply:
    body = ctx.body()
    spec = ctx.venue.pair(string_field(body, "symbol"))
    if spec.business != business:
        raise GateError(label, f"{spec.symbol} is not a {business.lower()} symbol")
    raw = body.get("leverage")
    try:
        leverage = int(str(raw))
    except ValueError:
        raise GateError("TRADE_SET_LEVERAGE_ERROR", "leverage must be a whole number") from None
    if leverage < 1:
        raise GateError("TRADE_SET_LEVERAGE_ERROR", "leverage must be at least 1")
    if leverage > spec.max_leverage:
        raise GateError("TRADE_SET_LEVERAGE_EXCEED_LIMIT_ERROR", f"maximum leverage is {spec.max_leverage}")
    ctx.venue.engine(lambda: ctx.exchange.set_leverage(ctx.account_id, spec.symbol, leverage))
    return 202, {"symbol": spec.symbol, "leverage": str(leverage)}


def _get_leverage(ctx: Ctx, business: str) -> Reply:
    wanted = ctx.symbols()
    specs = [ctx.venue.pair(s) for s in wanted] if wanted else list(ctx.venue.pairs.values())
    return 200, [
        {"symbol": s.symbol, "leverage": str(ctx.exchange.leverage(ctx.account_id, s.symbol))}
        for s in specs
        if s.business == business
    ]


def set_contract_leverage(ctx: Ctx) -> Reply:
    return _set_leverage(ctx, FUTURE, "TRADE_INVALID_SYM_BUSINESSTYPE_ERROR")


def set_margin_leverage(ctx: Ctx) -> Reply:
    return _set_leverage(ctx, MARGIN, "TRADE_INVALID_MARGIN_SYM_BUSINESSTYPE_ERROR")


def get_contract_leverage(ctx: Ctx) -> Reply:
    return _get_leverage(ctx, FUTURE)


def get_margin_leverage(ctx: Ctx) -> Reply:
    return _get_leverage(ctx, MARGIN)
