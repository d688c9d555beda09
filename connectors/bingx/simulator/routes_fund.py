"""Spot/fund account routes (seed 003): balances, transfers between account types, internal transfers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from venuekit.core.simulator import FUTURES_WALLET, SimTransfer

from . import codes
from .app import Ctx, Reply, RouteSpec
from .codes import BingXError, param_error
from .wire import dec, num, ok

SPOT_WALLET = "spot"
FUND_WALLET = "fund"
STD_FUTURES_WALLET = "sfutures"
# TransferType → (from wallet, to wallet); FUND is the funding account, PFUTURES perpetual, SFUTURES standard.
TRANSFER_TYPES: dict[str, tuple[str, str]] = {
    "FUND_SFUTURES": (FUND_WALLET, STD_FUTURES_WALLET),
    "SFUTURES_FUND": (STD_FUTURES_WALLET, FUND_WALLET),
    "FUND_PFUTURES": (FUND_WALLET, FUTURES_WALLET),
    "PFUTURES_FUND": (FUTURES_WALLET, FUND_WALLET),
    "SFUTURES_PFUTURES": (STD_FUTURES_WALLET, FUTURES_WALLET),
    "PFUTURES_SFUTURES": (FUTURES_WALLET, STD_FUTURES_WALLET),
}
WALLET_TYPES = {1: FUND_WALLET, 2: STD_FUTURES_WALLET, 3: FUTURES_WALLET, 4: SPOT_WALLET}
ACCOUNT_TYPES = {
    "sopt": SPOT_WALLET,
    "stdFutures": STD_FUTURES_WALLET,
    "USDTMPerp": FUTURES_WALLET,
    "fund": FUND_WALLET,
}
COIN_NAMES = {"USDT": "Tether", "USDC": "USD Coin", "BTC": "Bitcoin", "ETH": "Ethereum", "SOL": "Solana"}
INNER_DONE = 4
# `fromAccount` / `toAccount` names of the newer transfer form.
ACCOUNT_NAMES = {
    "fund": FUND_WALLET,
    "spot": SPOT_WALLET,
    "stdFutures": STD_FUTURES_WALLET,
    "coinMPerp": "cfutures",
    "USDTMPerp": FUTURES_WALLET,
}


def _asset_rows(ctx: Ctx, wallet: str) -> list[dict[str, str]]:
    held = ctx.ex.account(ctx.account_id).wallet(wallet)
    return [{"asset": a, "free": dec(v), "locked": "0"} for a, v in held.items()]


def spot_balance(ctx: Ctx) -> Reply:
    return ok({"balances": _asset_rows(ctx, SPOT_WALLET)}, debugMsg="")


def fund_balance(ctx: Ctx) -> Reply:
    rows = [r for r in _asset_rows(ctx, FUND_WALLET) if ctx.p.opt("asset") in (None, r["asset"])]
    return ok({"balances": rows}, timestamp=ctx.now)


def _usdt_value(ctx: Ctx, wallet: str) -> Decimal:
    if wallet == FUTURES_WALLET:
        bal = ctx.ex.balance(ctx.account_id).get("USDT")
        return bal.equity if bal else Decimal(0)
    total = Decimal(0)
    for asset, amount in ctx.ex.account(ctx.account_id).wallet(wallet).items():
        symbol = f"{asset}-USDT"
        known = {i.symbol for i in ctx.ex.instruments()}
        total += amount * (ctx.ex.mark_price(symbol) if symbol in known else Decimal(1))
    return total


def all_account_balance(ctx: Ctx) -> Reply:
    wanted = ctx.p.opt("accountType")
    if wanted is not None and wanted not in ACCOUNT_TYPES:
        raise param_error(f"accountType is invalid: {wanted}")
    rows = []
    for account_type, wallet in ACCOUNT_TYPES.items():
        if wanted in (None, account_type):
            value = dec(_usdt_value(ctx, wallet), 8)
            rows.append({"accountType": account_type, "usdtBalance": value, "asset": "USDT", "balance": value})
    return ok(rows, timestamp=ctx.now)


def _route(ctx: Ctx) -> tuple[str, str]:
    """Wallets from `type` (seed 003) or from the newer `fromAccount`/`toAccount` pair."""
    kind = ctx.p.opt("type")
    if kind is not None:
        if kind not in TRANSFER_TYPES:
            raise param_error(f"type is invalid: {kind}")
        return TRANSFER_TYPES[kind]
    source, target = ctx.p.req("fromAccount"), ctx.p.req("toAccount")
    if source not in ACCOUNT_NAMES or target not in ACCOUNT_NAMES or source == target:
        raise param_error("fromAccount/toAccount is invalid")
    return ACCOUNT_NAMES[source], ACCOUNT_NAMES[target]


def transfer(ctx: Ctx) -> Reply:
    amount = ctx.p.dec("amount", required=True) or Decimal(0)
    if amount <= 0:
        raise param_error("amount must be positive")
    source, target = _route(ctx)
    record = ctx.ex.transfer(ctx.account_id, ctx.p.req("asset"), amount, source, target)
    if ctx.p.opt("type") is None:
        return {"code": 0, "timestamp": ctx.now, "data": {"transferId": record.transfer_id}}
    return {"code": 0, "timestamp": ctx.now, "data": {"tranId": int(record.transfer_id)}}


def _type_of(record: SimTransfer) -> str:
    for name, pair in TRANSFER_TYPES.items():
        if pair == (record.from_wallet, record.to_wallet):
            return name
    return "INNER_TRANSFER"


def _transfers(ctx: Ctx) -> list[dict[str, Any]]:
    kind = ctx.p.opt("type")
    rows = ctx.ex.transfers(ctx.account_id, ctx.p.integer("startTime"), ctx.p.integer("endTime"))
    out = []
    for record in rows:
        name = _type_of(record)
        if record.from_account == record.to_account and kind in (None, name):
            out.append(
                {
                    "asset": record.asset,
                    "amount": dec(record.amount),
                    "type": name,
                    "status": "CONFIRMED",
                    "tranId": int(record.transfer_id),
                    "timestamp": record.ts,
                }
            )
            names = {v: k for k, v in ACCOUNT_NAMES.items()}
            out[-1]["fromAccount"] = names.get(record.from_wallet, record.from_wallet)
            out[-1]["toAccount"] = names.get(record.to_wallet, record.to_wallet)
    page = ctx.p.integer("current", default=1) or 1
    size = ctx.p.integer("size", default=10) or 10
    return out[(page - 1) * size : page * size]


def transfer_history(ctx: Ctx) -> Reply:
    """The old format has no envelope: `{"total":..,"rows":[...]}`."""
    rows = _transfers(ctx)
    return {"total": len(rows), "rows": rows}


def transfer_records(ctx: Ctx) -> Reply:
    """The newer format: enveloped rows that also carry `transferId` and the account names."""
    rows = [{**r, "transferId": str(r["tranId"])} for r in _transfers(ctx)]
    return ok({"total": len(rows), "rows": rows}, timestamp=ctx.now)


def support_coins(ctx: Ctx) -> Reply:
    coins = [{"coin": c, "name": n} for c, n in COIN_NAMES.items()]
    return ok({"coins": coins}, timestamp=ctx.now)


def inner_transfer(ctx: Ctx) -> Reply:
    """Send funds to another user found by UID (userAccountType 1); other lookups are not simulated."""
    coin = ctx.p.req("coin")
    amount = ctx.p.dec("amount", required=True) or Decimal(0)
    if amount <= 0:
        raise param_error("amount must be positive")
    if ctx.p.integer("userAccountType", required=True) != 1:
        raise param_error("only userAccountType 1 (UID) is supported by the simulator")
    receiver = ctx.p.req("userAccount")
    target = next((k for k in ctx.st.keys.values() if k.uid == receiver), None)
    if target is None:
        raise BingXError(codes.INVALID_PARAMS, "receiver account does not exist")
    wallet = WALLET_TYPES.get(ctx.p.integer("walletType", default=1) or 1)
    if wallet is None:
        raise param_error("walletType is invalid")
    record = ctx.ex.transfer(ctx.account_id, coin, amount, wallet, FUND_WALLET, to_account=target.account_id)
    entry = {
        "id": int(record.transfer_id),
        "coin": coin,
        "receiver": int(receiver),
        "amount": num(amount),
        "status": INNER_DONE,
        "time": ctx.now,
        "transferClientId": ctx.p.opt("transferClientId") or "",
    }
    ctx.st.account(ctx.account_id).inner_transfers.append(entry)
    return {"code": 0, "timestamp": ctx.now, "data": {"id": record.transfer_id}}


def inner_records(ctx: Ctx) -> Reply:
    coin = ctx.p.req("coin")
    client_id = ctx.p.opt("transferClientId")
    start, end = ctx.p.integer("startTime"), ctx.p.integer("endTime")
    rows = [
        r
        for r in ctx.st.account(ctx.account_id).inner_transfers
        if r["coin"] == coin
        and client_id in (None, r["transferClientId"])
        and (start is None or int(r["time"]) >= start)
        and (end is None or int(r["time"]) <= end)
    ]
    offset = ctx.p.integer("offset", default=0) or 0
    limit = ctx.p.integer("limit", default=100) or 100
    return {"code": 0, "timestamp": ctx.now, "data": {"data": rows[offset : offset + limit], "total": len(rows)}}


ROUTES = [
    RouteSpec("GET", "/openApi/spot/v1/account/balance", spot_balance, None),
    RouteSpec("GET", "/openApi/fund/v1/account/balance", fund_balance, None),
    RouteSpec("GET", "/openApi/account/v1/allAccountBalance", all_account_balance, None),
    RouteSpec("POST", "/openApi/api/asset/v1/transfer", transfer, None),
    RouteSpec("GET", "/openApi/api/v3/asset/transfer", transfer_history, None),
    RouteSpec("GET", "/openApi/api/v3/asset/transferRecord", transfer_records, None),
    RouteSpec("GET", "/openApi/api/asset/v1/transfer/supportCoins", support_coins, None),
    RouteSpec("POST", "/openApi/wallets/v1/capital/innerTransfer/apply", inner_transfer, None),
    RouteSpec("GET", "/openApi/wallets/v1/capital/innerTransfer/records", inner_records, None),
]
