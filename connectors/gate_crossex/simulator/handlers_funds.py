"""Money routes: transfers, transferable coins, flash swap (quote + execute) and the account book."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from typing import Any

from venuekit.core.simulator import FUTURES_WALLET, RawNumber, SimRejected

from .context import Ctx, Reply, decimal_field, string_field, text
from .errors import BALANCE_NOT_ENOUGH, GateError, param_error
from .markets import COINS, CONVERT_TARGETS, EXCHANGES
from .state import CROSS_EXCHANGE, BookEntry, Quote, TransferRecord

ZERO = Decimal(0)
SPOT = "SPOT"
CROSSEX = "CROSSEX"
SPOT_WALLET = "spot"
TRANSFER_ACCOUNTS = (SPOT, CROSSEX, *(f"CROSSEX_{e}" for e in EXCHANGES))
QUOTE_VALID_MS = 5000
CONVERT_MAX_USDT = Decimal(10)
INCOME_TYPES = {
    "REALIZED_PNL": "TRANSACTION",
    "COMMISSION": "TRADING_FEE",
    "FUNDING_FEE": "FUNDING_FEE",
    "INSURANCE_CLEAR": "LIQUIDATION_FEE",
}


def transfer_coins(ctx: Ctx) -> Reply:
    coin = ctx.param("coin")
    return 200, [
        {
            "coin": c.coin,
            "min_trans_amount": RawNumber(c.min_transfer),
            "est_fee": RawNumber(c.est_fee),
            "precision": c.precision,
            "is_disabled": 0,
        }
        for c in COINS.values()
        if coin is None or coin == c.coin
    ]


def _route(ctx: Ctx, coin: str, src: str, dst: str) -> tuple[str, str]:
    """Apply the document's account-naming rules for the caller's account mode."""
    if src not in TRANSFER_ACCOUNTS or dst not in TRANSFER_ACCOUNTS:
        raise param_error(f"from/to must be one of {', '.join(TRANSFER_ACCOUNTS)}")
    cross = ctx.venue.state.user(ctx.account_id).account_mode == CROSS_EXCHANGE
    if coin == "USDT":
        if cross:
            src, dst = (CROSSEX if a.startswith(CROSSEX) else a for a in (src, dst))
            if {src, dst} != {SPOT, CROSSEX}:
                raise param_error("in cross-exchange mode USDT moves between SPOT and CROSSEX")
        else:
            src, dst = (f"{CROSSEX}_GATE" if a == CROSSEX else a for a in (src, dst))
            if SPOT not in (src, dst) and src == dst:
                raise param_error("from and to must differ")
    elif CROSSEX in (src, dst):
        raise param_error("non-USDT transfers must name CROSSEX_<exchange>")
    if src == dst:
        raise param_error("from and to must differ")
    return src, dst


def create_transfer(ctx: Ctx) -> Reply:
    body = ctx.body()
    coin = string_field(body, "coin")
    if coin not in COINS:
        raise param_error(f"unsupported coin {coin!r}")
    amount = decimal_field(body, "amount", "COMMON_PARAM_BIND_ERROR", required=True)
    if amount is None or amount <= 0:
        raise param_error("amount must be positive")
    src, dst = _route(ctx, coin, string_field(body, "from") or "", string_field(body, "to") or "")
    wallets = [SPOT_WALLET if a == SPOT else FUTURES_WALLET for a in (src, dst)]
    status, reason = "SUCCESS", None
    tx_id = ctx.exchange.ids.record_id()
    if wallets[0] != wallets[1]:
        try:
            moved = ctx.exchange.transfer(ctx.account_id, coin, amount, wallets[0], wallets[1])
            tx_id = moved.transfer_id
        except SimRejected:
            status, reason = "FAIL", "Insufficient transferAvailable"
    client_text = string_field(body, "text") or tx_id
    record = TransferRecord(tx_id, client_text, src, dst, coin, amount, status, reason, ctx.venue.now_ms())
    ctx.venue.state.transfers.setdefault(ctx.account_id, []).append(record)
    return 200, {"tx_id": tx_id, "text": client_text}


def list_transfers(ctx: Ctx) -> Reply:
    coin, ident = ctx.param("coin"), ctx.param("order_id")
    rows = [
        t
        for t in reversed(ctx.venue.state.transfers.get(ctx.account_id, []))
        if (coin is None or t.coin == coin)
        and (ident is None or ident in (t.tx_id, t.text))
        and ctx.in_window(t.create_ms)
    ]
    return 200, [
        {
            "id": t.tx_id,
            "text": t.text,
            "from_account_type": t.from_account,
            "to_account_type": t.to_account,
            "coin": t.coin,
            "amount": text(t.amount),
            "actual_receive": None if t.actual_receive is None else text(t.actual_receive),
            "status": t.status,
            "fail_reason": t.fail_reason,
            "create_time": t.create_ms,
            "update_time": t.create_ms,
        }
        for t in ctx.page(rows)
    ]


def usdt_price(ctx: Ctx, coin: str, exchange: str) -> Decimal:
    """A coin's USDT value from the exchange's futures mark (any exchange as a fallback)."""
    if coin == "USDT":
        return Decimal(1)
    for spec in sorted(ctx.venue.pairs.values(), key=lambda s: s.exchange != exchange):
        if spec.base == coin and spec.quote == "USDT":
            return ctx.exchange.mark_price(spec.symbol)
    raise GateError("CONVERT_TRADE_QUOTE_FROM_COIN_INVALID_ERROR", f"no price for {coin}")


def create_quote(ctx: Ctx) -> Reply:
    body = ctx.body()
    exchange = string_field(body, "exchange_type")
    if exchange not in CONVERT_TARGETS:
        raise GateError("CONVERT_TRADE_QUOTE_EXCHANGE_INVALID_ERROR", f"invalid exchange_type {exchange!r}")
    from_coin, to_coin = string_field(body, "from_coin"), string_field(body, "to_coin")
    if from_coin not in COINS:
        raise GateError("CONVERT_TRADE_QUOTE_FROM_COIN_INVALID_ERROR", f"invalid from_coin {from_coin!r}")
    if to_coin not in CONVERT_TARGETS[exchange] or to_coin == from_coin:
        raise GateError("CONVERT_TRADE_QUOTE_TO_COIN_INVALID_ERROR", f"invalid to_coin {to_coin!r} on {exchange}")
    amount = decimal_field(body, "from_amount", "CONVERT_TRADE_QUOTE_FROM_AMOUNT_INVALID_ERROR", required=True)
    if amount is None or amount < 0:
        raise GateError("CONVERT_TRADE_QUOTE_FROM_AMOUNT_INVALID_ERROR", "from_amount must be a positive decimal")
    if amount == 0:
        raise GateError("CONVERT_TRADE_QUOTE_FROM_AMOUNT_LIMIT_ERROR", "from_amount cannot be 0")
    from_price = usdt_price(ctx, from_coin, exchange)
    if amount * from_price > CONVERT_MAX_USDT:
        raise GateError("CONVERT_TRADE_QUOTE_FROM_AMOUNT_MAX_ERROR", "from_amount cannot exceed 10U")
    price = from_price / usdt_price(ctx, to_coin, exchange)
    places = Decimal(1).scaleb(-COINS[to_coin].precision)
    to_amount = (amount * price).quantize(places, ROUND_DOWN)
    quote = Quote(
        quote_id=ctx.exchange.ids.record_id(),
        account_id=ctx.account_id,
        exchange=exchange,
        from_coin=from_coin,
        to_coin=to_coin,
        from_amount=amount,
        to_amount=to_amount,
        price=price.quantize(Decimal("1e-12"), ROUND_DOWN),
        expires_ms=ctx.venue.now_ms() + QUOTE_VALID_MS,
    )
    ctx.venue.state.quotes[quote.quote_id] = quote
    return 200, {
        "quote_id": quote.quote_id,
        "valid_ms": str(QUOTE_VALID_MS),
        "from_coin": from_coin,
        "to_coin": to_coin,
        "from_amount": text(amount),
        "to_amount": text(to_amount),
        "price": text(quote.price),
    }


def _spendable(ctx: Ctx, coin: str) -> Decimal:
    if coin == "USDT":
        bal = ctx.exchange.balance(ctx.account_id).get(coin)
        return bal.available if bal else ZERO
    return ctx.exchange.account(ctx.account_id).wallet(FUTURES_WALLET).get(coin, ZERO)


def create_convert_order(ctx: Ctx) -> Reply:
    quote_id = string_field(ctx.body(), "quote_id")
    if quote_id is None:
        raise param_error("quote_id is required")
    quote = ctx.venue.state.quotes.get(quote_id)
    if quote is None or quote.account_id != ctx.account_id or quote.expires_ms < ctx.venue.now_ms():
        raise GateError("CONVERT_TRADE_QUOTE_UNKNOWN_ERROR", "quote does not exist or has expired")
    if _spendable(ctx, quote.from_coin) < quote.from_amount:
        raise GateError(BALANCE_NOT_ENOUGH, f"not enough {quote.from_coin}")
    del ctx.venue.state.quotes[quote_id]
    acct = ctx.exchange.account(ctx.account_id)
    book = ctx.venue.state.book.setdefault(ctx.account_id, [])
    for coin, change in ((quote.from_coin, -quote.from_amount), (quote.to_coin, quote.to_amount)):
        acct.credit(coin, change)
        entry_id = ctx.exchange.ids.record_id()
        book.append(
            BookEntry(
                entry_id, ctx.account_id, quote_id, "TRANSACTION", quote.exchange, coin, change, ctx.venue.now_ms()
            )
        )
    return 200, {}


def account_book(ctx: Ctx) -> Reply:
    """Engine income plus simulator-side entries, replayed in id order to give each row its balance."""
    rows: list[tuple[int, dict[str, Any]]] = []
    for inc in ctx.exchange.income(ctx.account_id):
        kind = INCOME_TYPES.get(inc.income_type.value)
        if kind is None:
            kind = "TRANSFER_IN" if inc.amount > 0 else "TRANSFER_OUT"
        spec = ctx.venue.pairs.get(inc.symbol)
        business = inc.trade_id or inc.info or inc.income_id
        row = _book_row(ctx, inc.income_id, business, kind, spec=spec, coin=inc.asset, change=inc.amount, ts=inc.ts)
        rows.append((int(inc.income_id), row))
    for entry in ctx.venue.state.book.get(ctx.account_id, []):
        row = _book_row(
            ctx,
            entry.entry_id,
            entry.business_id,
            entry.kind,
            spec=None,
            coin=entry.coin,
            change=entry.change,
            ts=entry.ts,
        )
        row["exchange_type"] = entry.exchange
        rows.append((int(entry.entry_id), row))
    rows.sort(key=lambda r: r[0])
    running: dict[str, Decimal] = {}
    for _, row in rows:
        running[row["coin"]] = running.get(row["coin"], ZERO) + row.pop("_change")
        row["balance"] = text(running[row["coin"]])
    coin, wanted = ctx.param("coin"), ctx.param("type") or ctx.param("statement_type")
    out = [
        r
        for _, r in reversed(rows)
        if (coin is None or r["coin"] == coin)
        and (wanted is None or r["type"] == wanted)
        and ctx.in_window(int(r["create_time"]))
    ]
    return 200, ctx.page(out)


def _book_row(
    ctx: Ctx, entry_id: str, business: str, kind: str, *, spec: Any, coin: str, change: Decimal, ts: int
) -> dict[str, Any]:
    return {
        "id": entry_id,
        "user_id": ctx.account_id,
        "business_id": business,
        "type": kind,
        "exchange_type": spec.exchange if spec is not None else CROSSEX,
        "coin": coin,
        "change": text(change),
        "_change": change,
        "balance": "",
        "create_time": str(ts),
    }
