"""Gate counts requests per endpoint (public per IP, private per UID); the document's limits as data."""

from __future__ import annotations

from venuekit.core.ratelimit import Cost, Quota, Scope

_S10 = 10_000
_MIN = 60_000
_DAY = 86_400_000

# quota name → (requests, window ms, scope). Quota names are endpoint names (or a shared name when
# two wire forms of one operation share a limit, like the DELETE and POST full close).
LIMITS: dict[str, tuple[int, int, Scope]] = {
    "market.list_symbols": (200, _S10, Scope.IP),
    "market.list_risk_limits": (200, _S10, Scope.IP),
    "market.server_time": (200, _S10, Scope.IP),
    "market.list_tickers": (1, 1_000, Scope.IP),
    "market.list_funding_info": (1, 1_000, Scope.IP),
    "transfers.list_coins": (200, _S10, Scope.IP),
    "transfers.create_transfer": (10, _S10, Scope.ACCOUNT),
    "transfers.list_transfers": (200, _S10, Scope.ACCOUNT),
    "orders.create_order": (100, _S10, Scope.ACCOUNT),
    "orders.cancel_order": (100, _S10, Scope.ACCOUNT),
    "orders.amend_order": (100, _S10, Scope.ACCOUNT),
    "orders.get_order": (200, _S10, Scope.ACCOUNT),
    "orders.list_open_orders": (200, _S10, Scope.ACCOUNT),
    "orders.list_history_orders": (200, _S10, Scope.ACCOUNT),
    "orders.list_history_trades": (200, _S10, Scope.ACCOUNT),
    "orders.batch_cancel_orders": (100, _S10, Scope.ACCOUNT),
    "convert.create_quote": (100, _DAY, Scope.ACCOUNT),
    "convert.create_order": (10, _S10, Scope.ACCOUNT),
    "account.get_account": (200, _S10, Scope.ACCOUNT),
    "account.update_account": (100, _MIN, Scope.ACCOUNT),
    "account.get_fee": (200, _S10, Scope.ACCOUNT),
    "account.list_account_book": (200, _S10, Scope.ACCOUNT),
    "positions.set_leverage": (100, _S10, Scope.ACCOUNT),
    "positions.get_leverage": (200, _S10, Scope.ACCOUNT),
    "positions.close_position": (100, _DAY, Scope.ACCOUNT),
    "positions.list_positions": (200, _S10, Scope.ACCOUNT),
    "positions.list_adl_rank": (200, _S10, Scope.ACCOUNT),
    "positions.list_history_positions": (200, _S10, Scope.ACCOUNT),
    "margin.set_leverage": (100, _S10, Scope.ACCOUNT),
    "margin.get_leverage": (200, _S10, Scope.ACCOUNT),
    "margin.list_positions": (200, _S10, Scope.ACCOUNT),
    "margin.list_history_positions": (200, _S10, Scope.ACCOUNT),
    "margin.list_history_interests": (200, _S10, Scope.ACCOUNT),
    "margin.list_interest_rates": (200, _S10, Scope.ACCOUNT),
    "margin.list_coin_discount_rates": (200, _S10, Scope.ACCOUNT),
}

QUOTAS: tuple[Quota, ...] = tuple(Quota(name, limit, window, scope) for name, (limit, window, scope) in LIMITS.items())


def cost(name: str) -> tuple[Cost, ...]:
    """The one quota an endpoint draws from; unknown names are a programming error."""
    if name not in LIMITS:
        raise KeyError(f"no gate-crossex quota named {name!r}")
    return (Cost(name),)
