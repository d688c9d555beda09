"""BingX quotas as data: one per-UID quota per endpoint, plus the two per-IP groups.

Sources: per-endpoint "rate limitation by UID" lines of seeds 000/001 (spot/fund numbers from BingX's
account docs, seed 003 gives none); the 2025 BingX announcement for the IP groups (market data
500 per 10 s, account interfaces 2,000 per 10 s). Place order: seed 000 says 5/s, a 2025 announcement 10/s;
the client and the simulator both use the seed's 5/s, the figure that is safe under either source.
Cancel-all-after's text says "1 time/1s" while its header says 2/s: 1/s is used.
"""

from __future__ import annotations

from typing import Final

from venuekit.core.ratelimit import Cost, Quota, Scope

MARKET_IP = "ip:market"
ACCOUNT_IP = "ip:account"
SECOND_MS: Final = 1_000

#: Requests per second per UID, keyed by `Endpoint.name`; endpoints absent here have no UID limit.
UID_PER_SECOND: Final[dict[str, int]] = {
    "swap_trade.test_order": 5,
    "swap_trade.place_order": 5,
    "swap_trade.place_orders": 5,
    "swap_trade.close_all_positions": 5,
    "swap_trade.cancel_order": 5,
    "swap_trade.cancel_orders": 5,
    "swap_trade.cancel_all_open_orders": 5,
    "swap_trade.open_orders": 5,
    "swap_trade.open_order": 5,
    "swap_trade.query_order": 5,
    "swap_trade.margin_type": 2,
    "swap_trade.set_margin_type": 2,
    "swap_trade.leverage": 5,
    "swap_trade.set_leverage": 5,
    "swap_trade.force_orders": 10,
    "swap_trade.order_history": 5,
    "swap_trade.adjust_isolated_margin": 2,
    "swap_trade.fill_orders": 5,
    "swap_trade.set_position_mode": 2,
    "swap_trade.position_mode": 2,
    "swap_trade.cancel_replace": 5,
    "swap_trade.batch_cancel_replace": 2,
    "swap_trade.cancel_all_after": 1,
    "swap_trade.close_position": 5,
    "swap_trade.full_orders": 5,
    "swap_trade.maint_margin_ratio": 5,
    "swap_trade.fill_history": 5,
    "swap_trade.position_history": 5,
    "swap_trade.margin_change_history": 5,
    "swap_trade.apply_vst": 1,
    "swap_trade.place_twap_order": 2,
    "swap_trade.twap_open_orders": 2,
    "swap_trade.twap_history_orders": 2,
    "swap_trade.twap_order_detail": 2,
    "swap_trade.cancel_twap_order": 2,
    "swap_trade.set_asset_mode": 2,
    "swap_trade.asset_mode": 2,
    "swap_trade.margin_assets": 2,
    "swap_trade.reverse_position": 2,
    "swap_trade.auto_add_margin": 2,
    "swap_account.balance": 5,
    "swap_account.positions": 5,
    "swap_account.income": 5,
    "swap_account.income_export": 5,
    "swap_account.commission_rate": 5,
    "spot_fund.spot_balance": 5,
    "user_stream.create_listen_key": 2,
    "user_stream.extend_listen_key": 2,
    "user_stream.delete_listen_key": 2,
    "spot_fund.fund_balance": 2,
    "spot_fund.all_account_balance": 5,
    "spot_fund.transfer": 2,
    "spot_fund.transfer_records": 10,
    "spot_fund.transfer_records_new": 2,
    "spot_fund.transfer_support_coins": 2,
    "spot_fund.inner_transfer": 2,
    "spot_fund.inner_transfer_records": 10,
}

#: Endpoints counted against the per-IP market-data group rather than the account group.
MARKET_GROUP: Final = frozenset({"swap_trade.multi_assets_rules"})


def uid_quota_name(endpoint_name: str) -> str:
    return f"uid:{endpoint_name}"


QUOTAS: Final[tuple[Quota, ...]] = (
    Quota(MARKET_IP, 500, 10_000, Scope.IP),
    Quota(ACCOUNT_IP, 2_000, 10_000, Scope.IP),
    *(Quota(uid_quota_name(name), n, SECOND_MS, Scope.ACCOUNT) for name, n in UID_PER_SECOND.items()),
)


def ip_group(endpoint_name: str) -> str:
    """The per-IP group an endpoint counts against."""
    if endpoint_name.startswith("market.") or endpoint_name in MARKET_GROUP:
        return MARKET_IP
    return ACCOUNT_IP


def costs(endpoint_name: str) -> tuple[Cost, ...]:
    """The quotas one call of `endpoint_name` uses: its IP group and, if it has one, its UID quota."""
    group = Cost(ip_group(endpoint_name))
    if endpoint_name in UID_PER_SECOND:
        return (group, Cost(uid_quota_name(endpoint_name)))
    return (group,)
