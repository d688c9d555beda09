"""Request weights (fixed and parameter-dependent), order-count windows, usage headers, 429 and 418."""

from __future__ import annotations

import time

import httpx
import pytest
from binance_usdm_helpers import MockVenue

from venuekit.connectors.binance_usdm import ENDPOINTS, BinanceUSDMClient
from venuekit.connectors.binance_usdm.models import RateLimit
from venuekit.core.errors import IPBanned, RateLimited
from venuekit.core.ratelimit.quota import Cost

BY_NAME = {e.name: e for e in ENDPOINTS}


def _weight(name: str, params: dict[str, str] | None = None) -> int:
    costs = BY_NAME[name].costs_for(params or {})
    return sum(c.units for c in costs if c.quota == "weight_1m")


@pytest.mark.parametrize(("name", "weight"), [
    ("config.change_position_mode", 1), ("config.get_position_mode", 30), ("config.change_multi_assets_mode", 1),
    ("config.get_multi_assets_mode", 30), ("trade.new_order", 1), ("orders.query_order", 1),
    ("trade.cancel_order", 1), ("trade.cancel_all_open_orders", 1), ("trade.cancel_batch_orders", 1),
    ("trade.countdown_cancel_all", 10), ("orders.query_open_order", 1), ("orders.all_orders", 5),
    ("account.balance", 5), ("account.account_information", 5), ("config.change_leverage", 1),
    ("config.change_margin_type", 1), ("config.modify_position_margin", 1), ("config.position_margin_history", 1),
    ("account.position_risk", 5), ("orders.user_trades", 5), ("account.income", 30),
    ("account.leverage_bracket", 1), ("account.adl_quantile", 5), ("account.commission_rate", 20),
    ("market.exchange_info", 1), ("market.server_time", 1), ("market.ping", 1),
])
def test_documented_fixed_weights(name: str, weight: int) -> None:
    assert _weight(name) == weight


def test_weights_that_depend_on_symbol() -> None:
    assert (_weight("orders.open_orders", {"symbol": "BTCUSDT"}), _weight("orders.open_orders")) == (1, 40)
    assert (_weight("orders.force_orders", {"symbol": "BTCUSDT"}), _weight("orders.force_orders")) == (20, 50)
    assert (_weight("market.premium_index", {"symbol": "BTCUSDT"}), _weight("market.premium_index")) == (1, 10)


def test_batch_weight_and_order_count() -> None:
    costs = BY_NAME["trade.batch_orders"].costs_for({"batchOrders": '[{"symbol":"A"},{"symbol":"B"},{"symbol":"C"}]'})
    assert set(costs) == {Cost("weight_1m", 5), Cost("orders_10s", 3), Cost("orders_1m", 3)}
    assert set(BY_NAME["trade.new_order"].costs) == {Cost("weight_1m", 1), Cost("orders_10s", 1), Cost("orders_1m", 1)}


async def test_usage_headers_feed_the_limiter(venue: MockVenue, client: BinanceUSDMClient) -> None:
    venue.json("GET", "/fapi/v2/balance", b"[]", headers={
        "X-MBX-USED-WEIGHT-1M": "2300", "X-MBX-ORDER-COUNT-10S": "299", "X-MBX-ORDER-COUNT-1M": "17"})
    await client.account.balance()
    store, limiter = client.limiter.store, client.limiter
    now = int(time.time() * 1000)
    usage = {q.name: store.usage(limiter.key(q), q.window_ms, now) for q in limiter.quotas.values()}  # type: ignore[attr-defined]
    assert usage == {"weight_1m": 2300, "orders_10s": 299, "orders_1m": 17}


async def test_order_window_is_per_account(venue: MockVenue, client: BinanceUSDMClient) -> None:
    client.limiter.max_wait_s = 0.0
    venue.json("GET", "/fapi/v2/balance", b"[]", headers={"X-MBX-ORDER-COUNT-10S": "300"})
    await client.account.balance()
    with pytest.raises(RateLimited):
        await client.limiter.acquire(BY_NAME["trade.new_order"].costs)
    await client.limiter.acquire(BY_NAME["account.balance"].costs)  # weight-only calls still pass


async def test_429_blocks_for_retry_after_then_retries_get(venue: MockVenue, client: BinanceUSDMClient) -> None:
    venue.on("GET", "/fapi/v2/balance",
             httpx.Response(429, json={"code": -1003, "msg": "Too many requests."}, headers={"Retry-After": "0.05"}),
             httpx.Response(200, content=b"[]"))
    start = time.monotonic()
    assert await client.account.balance() == []
    assert time.monotonic() - start >= 0.04
    assert len(venue.calls("GET", "/fapi/v2/balance")) == 2


async def test_429_on_order_is_raised_with_retry_after(venue: MockVenue, client: BinanceUSDMClient) -> None:
    from decimal import Decimal

    from venuekit.connectors.binance_usdm.enums import OrderSide, OrderType

    venue.on("POST", "/fapi/v1/order", httpx.Response(429, json={"code": -1003, "msg": "Too many requests."},
                                                      headers={"Retry-After": "7"}))
    with pytest.raises(RateLimited) as info:
        await client.trade.new_order(symbol="BTCUSDT", side=OrderSide.BUY, type=OrderType.MARKET, quantity=Decimal(1))
    assert info.value.retry_after == 7.0 and not isinstance(info.value, IPBanned)


async def test_418_bans_ip_and_nothing_more_is_sent(venue: MockVenue, client: BinanceUSDMClient) -> None:
    venue.on("GET", "/fapi/v2/balance", httpx.Response(
        418, json={"code": -1003, "msg": "Way too many requests; IP banned until 1583290223000."},
        headers={"Retry-After": "120"}))
    with pytest.raises(IPBanned) as first:
        await client.account.balance()
    assert 119 <= (first.value.retry_after or 0) <= 120
    sent_before = len(venue.sent)
    assert sent_before == 1  # the safe-to-retry GET was not resent into the ban
    with pytest.raises(IPBanned):
        await client.market.ping()
    with pytest.raises(IPBanned):
        await client.account.balance()
    assert len(venue.sent) == sent_before


async def test_ban_until_from_message_when_no_retry_after(venue: MockVenue, client: BinanceUSDMClient) -> None:
    until = int(time.time() * 1000) + 300_000
    venue.on("GET", "/fapi/v1/ping", httpx.Response(
        418, json={"code": -1003, "msg": f"Way too many requests; IP banned until {until}."}))
    with pytest.raises(IPBanned) as info:
        await client.market.ping()
    assert 290 < (info.value.retry_after or 0) <= 300
    limiter = client.limiter
    block = await limiter.store.blocked([limiter.scope_block_key(limiter.quotas["weight_1m"].scope)],
                                        int(time.time() * 1000))
    assert block is not None and abs(block[0] - until) < 2000


def test_live_rate_limits_replace_the_defaults() -> None:
    client = BinanceUSDMClient()
    client.apply_rate_limits([
        RateLimit.model_validate({"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE", "intervalNum": 1,
                                  "limit": 2400}),
        RateLimit.model_validate({"rateLimitType": "ORDERS", "interval": "MINUTE", "intervalNum": 1, "limit": 1200}),
        RateLimit.model_validate({"rateLimitType": "ORDERS", "interval": "SECOND", "intervalNum": 10, "limit": 250}),
    ])
    quotas = client.limiter.quotas
    assert (quotas["weight_1m"].limit, quotas["orders_1m"].limit, quotas["orders_10s"].limit) == (2400, 1200, 250)
    assert quotas["orders_10s"].window_ms == 10_000
