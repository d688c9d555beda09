"""Every documented label maps to one shared exception; statuses, `detail`, 202/204 and rate-limit headers."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

import httpx
import pytest

from venuekit.connectors.gate_crossex import AccountMode, GateCrossExClient
from venuekit.connectors.gate_crossex.enums import GateOrderType, GateSide
from venuekit.connectors.gate_crossex.errors import ERRORS
from venuekit.core import (
    AuthenticationError,
    BadResponse,
    BadSymbol,
    Credentials,
    DuplicateOrder,
    ExchangeUnavailable,
    InsufficientFunds,
    InvalidOrder,
    InvalidRequest,
    IPBanned,
    OrderNotFound,
    PermissionDenied,
    RateLimited,
    TimestampOutOfWindow,
    VenueError,
)

P = "/api/v4/crossex"

# Labels as listed by the v1.0.0 document ("label list") and the APIv4 reference, by the class we expect.
EXPECTED: dict[type[VenueError], list[str]] = {
    InvalidRequest: [
        "COMMON_PARAM_BIND_ERROR", "TRADE_UNSUPPORTED_OPERATION", "QUERY_INVALID_EXCHANGE_TYPE",
        "TRADE_CHANGE_PZ_MODE_SAME_ERROR", "TRADE_PZ_MODE_HAVE_ORDER_ERROR", "TRADE_PZ_MODE_HAVE_POSITION_ERROR",
        "UPDATE_ACCOUNT_PARAMETERS_ALL_EMPTY_ERROR", "UPDATE_ACCOUNT_PARAMETERS_ERROR",
        "UPDATE_ACCOUNT_EXCHANGE_TYPE_PARAMETERS_ERROR", "UPDATE_ACCOUNT_ACCOUNT_MODE_ERROR",
        "UPDATE_ACCOUNT_EXCHANGE_TYPE_ERROR", "UPDATE_ACCOUNT_PZ_ISOLATED_MODE_NOT_EXCHANGE_TYPE_ERROR",
        "UPDATE_ACCOUNT_MODE_OPEN_ORDERS_EXIST_ERROR", "UPDATE_ACCOUNT_MODE_POSITION_NOT_EMPTY_ERROR",
        "UPDATE_ACCOUNT_MODE_INITIAL_MARGIN_NOT_ZERO_ERROR", "UPDATE_ACCOUNT_MODE_MAINTENANCE_MARGIN_NOT_ZERO_ERROR",
        "UPDATE_ACCOUNT_MODE_ACCOUNT_STATUS_NOT_NORMAL_ERROR",
        "UPDATE_ACCOUNT_CROSSEX_MODE_EXCHANGE_TYPE_NOT_CROSSEX_ERROR",
        "UPDATE_ACCOUNT_ISOLATED_MODE_EXCHANGE_TYPE_NOT_CROSSEX_ERROR", "TRADE_ONE_OF_ORDER_ID_ERROR",
        "TRADE_SET_LEVERAGE_ERROR", "TRADE_INVALID_SYM_BUSINESSTYPE_ERROR", "TRADE_SET_LEVERAGE_EXCEED_LIMIT_ERROR",
        "TRADE_INVALID_MARGIN_SYM_BUSINESSTYPE_ERROR", "CONVERT_TRADE_QUOTE_EXCHANGE_INVALID_ERROR",
        "CONVERT_TRADE_QUOTE_FROM_COIN_INVALID_ERROR", "CONVERT_TRADE_QUOTE_TO_COIN_INVALID_ERROR",
        "CONVERT_TRADE_QUOTE_FROM_AMOUNT_INVALID_ERROR", "CONVERT_TRADE_QUOTE_FROM_AMOUNT_LIMIT_ERROR",
        "CONVERT_TRADE_QUOTE_FROM_AMOUNT_MAX_ERROR", "CONVERT_TRADE_QUOTE_EXCHANGE_REJECT_ERROR",
    ],
    InvalidOrder: [
        "TRADE_CLIENT_ORDER_ID_LENGTH_ERROR", "TRADE_CLIENT_ORDER_ID_MATCH_ERROR", "TRADE_INVALID_SIDE",
        "TRADE_INVALID_ORDER_TYPE", "TRADE_INVALID_TIME_IN_FORCE", "TRADE_INVALID_POC", "TRADE_INVALID_ORDER_QTY",
        "TRADE_INVALID_QUOTE_ORDER_QTY", "TRADE_INVALID_LIMIT_PRICE", "TRADE_INVALID_REDUCE_ONLY",
        "MARGIN_ORDER_NOT_SUPPORT", "TRADE_MARGIN_INVALID_PZ_SIDE_ERROR", "TRADE_DELIST_OPEN_PROHIBITED_ERROR",
        "TRADE_INVALID_POSITION_SIDE", "TRADE_REDUCE_ONLY_SIDE_ERROR", "TRADE_REDUCE_ONLY_POSITION_QTY_ERROR",
        "TRADE_NOT_ALLOW_REPLACE", "TRADE_ORDER_REPLACE_QTY_PRICE_ERROR", "TRADE_ORDER_REPLACE_QTY_PRICE_SAME_ERROR",
        "TRADE_ORDER_REPLACE_ALLOW_ERROR", "TRADE_ORDER_LOT_SIZE_ERROR", "TRADE_ORDER_QUANTITY_MAX_ERROR",
        "TRADE_ORDER_QUANTITY_MIN_ERROR", "TRADE_ORDER_TICK_SIZE_ERROR", "TRADE_ORDER_AMOUNT_MIN_ERROR",
        "TRADE_OKX_LIMIT_BUY_ORDER_PRICE_ERROR", "TRADE_MAX_ORDERS_ERROR", "TRADE_INVALID_PZ_MODE_ERROR",
        "CAN_NOT_DELETE_POSITION", "CAN_NOT_DELETE_LARGE_POSITION", "OPEN_ORDERS_CAN_NOT_DELETE_POSITION",
    ],
    DuplicateOrder: ["TRADE_ORDER_DUPLICATE_ERROR"],
    InsufficientFunds: ["BALANCE_NOT_ENOUGH"],
    BadSymbol: ["TRADE_SYM_NOT_SUPPORT"],
    OrderNotFound: ["TRADE_ORDER_NOT_FOUND_ERROR"],
    AuthenticationError: [
        "USER_NOT_EXIST", "INVALID_KEY", "INVALID_SIGNATURE", "MISSING_REQUIRED_HEADER", "INVALID_CREDENTIALS",
        "AUTHENTICATION_FAILED",
    ],
    PermissionDenied: ["USER_DEACTIVATED", "IP_FORBIDDEN", "READ_ONLY", "FORBIDDEN"],
    TimestampOutOfWindow: ["REQUEST_EXPIRED"],
    RateLimited: ["TOO_MANY_REQUESTS", "TOO_FAST"],
    ExchangeUnavailable: ["CONVERT_TRADE_QUOTE_UNKNOWN_ERROR", "INTERNAL", "SERVER_ERROR", "TOO_BUSY"],
}
CASES = [(label, cls) for cls, labels in EXPECTED.items() for label in labels]


def test_table_covers_exactly_the_documented_labels() -> None:
    assert sorted(ERRORS) == sorted(label for label, _ in CASES)
    assert len(CASES) == len({label for label, _ in CASES})


@pytest.mark.parametrize(("label", "cls"), CASES, ids=[c[0] for c in CASES])
async def test_label_maps_to_class(client: GateCrossExClient, mock: Any, label: str, cls: type[VenueError]) -> None:
    mock.add("PUT", f"{P}/accounts", {"label": label, "message": "documented meaning"}, status=400)
    with pytest.raises(cls) as err:
        await client.account.update_account(account_mode=AccountMode.CROSS_EXCHANGE)
    assert type(err.value) is cls
    assert err.value.code == label and err.value.status == 400 and err.value.venue == "gate-crossex"
    assert "documented meaning" in err.value.message


async def test_detail_is_read_when_message_is_absent(client: GateCrossExClient, mock: Any) -> None:
    mock.add("GET", f"{P}/fee", {"label": "COMMON_PARAM_BIND_ERROR", "detail": "symbol is wrong"}, status=400)
    with pytest.raises(InvalidRequest, match="symbol is wrong"):
        await client.account.get_fee()


@pytest.mark.parametrize(
    ("status", "cls"),
    [(400, InvalidRequest), (401, AuthenticationError), (403, PermissionDenied), (502, ExchangeUnavailable),
     (418, IPBanned)],
)
async def test_unlabelled_errors_follow_status(client: GateCrossExClient, mock: Any, status: int, cls: type) -> None:
    mock.add("POST", f"{P}/orders", raw=b"<html>bad gateway</html>", status=status)
    with pytest.raises(cls) as err:
        await client.orders.create_order(symbol="S", side=GateSide.BUY, type=GateOrderType.MARKET, qty=Decimal(1))
    assert type(err.value) is cls and "bad gateway" in err.value.message


async def test_garbled_success_is_bad_response(client: GateCrossExClient, mock: Any) -> None:
    mock.add("GET", f"{P}/accounts", raw=b'{"assets": [', status=200)
    with pytest.raises(BadResponse):
        await client.account.get_account()


async def test_number_beyond_decimal_range_is_bad_response(client: GateCrossExClient, mock: Any) -> None:
    mock.add("GET", f"{P}/accounts", raw=b'{"user_id": "1", "available_margin": 1e999999999999999999999}',
             status=200)
    with pytest.raises(BadResponse):
        await client.account.get_account()


async def test_204_without_body(client: GateCrossExClient, mock: Any) -> None:
    mock.add("POST", f"{P}/convert/orders", status=204)
    result = await client.convert.create_order(quote_id="1")
    assert result.model_dump() == {}


async def test_202_without_body(client: GateCrossExClient, mock: Any) -> None:
    mock.add("POST", f"{P}/positions/leverage", status=202)
    result = await client.positions.set_leverage(symbol="BINANCE_FUTURE_BTC_USDT", leverage=3)
    assert result.symbol is None and mock.last_json() == {"symbol": "BINANCE_FUTURE_BTC_USDT", "leverage": "3"}


async def test_request_expired_resyncs_and_retries_once(transport: httpx.MockTransport, mock: Any) -> None:
    mock.add("GET", "/api/v4/spot/time", {"server_time": 1_000})
    mock.add("GET", f"{P}/accounts", {"label": "REQUEST_EXPIRED", "message": "gap > 60s"}, status=401)
    mock.add("GET", f"{P}/accounts", {"user_id": "1", "assets": []})
    async with GateCrossExClient(Credentials.of("k", "s"), base_url="https://g.test", transport=transport) as c:
        account = await c.account.get_account()
        assert account.user_id == "1"
        calls = [r.url.path for r in mock.requests]
        assert calls == ["/api/v4/spot/time", f"{P}/accounts", "/api/v4/spot/time", f"{P}/accounts"]
        # the server said 1 s since epoch; the clock follows it and the header stays in seconds
        assert int(mock.last.headers["Timestamp"]) < 100


async def test_429_sets_retry_after_and_blocks_that_endpoint(client: GateCrossExClient, mock: Any) -> None:
    reset = int(time.time()) + 30
    headers = {"X-Gate-RateLimit-Requests-Remain": "0", "X-Gate-RateLimit-Limit": "100",
               "X-Gate-RateLimit-Reset-Timestamp": str(reset)}
    mock.add("POST", f"{P}/transfers", {"label": "TOO_MANY_REQUESTS", "message": "slow down"}, status=429,
             headers=headers)
    with pytest.raises(RateLimited) as err:
        await client.transfers.create_transfer(coin="USDT", amount=Decimal(1), from_account="SPOT", to_account="X")
    assert err.value.retry_after is not None and 25 < err.value.retry_after <= 30
    blocked = await client.limiter.store.blocked(
        [client.limiter.key(client.limiter.quotas["transfers.create_transfer"]) + ":block"], int(time.time() * 1000)
    )
    assert blocked is not None and blocked[0] >= (reset - 1) * 1000


async def test_usage_headers_feed_the_quota(client: GateCrossExClient, mock: Any) -> None:
    headers = {"X-Gate-RateLimit-Requests-Remain": "150", "X-Gate-RateLimit-Limit": "200",
               "X-Gate-RateLimit-Reset-Timestamp": str(int(time.time()))}
    mock.add("GET", f"{P}/positions", [], headers=headers)
    await client.positions.list_positions()
    quota = client.limiter.quotas["positions.list_positions"]
    used = client.limiter.store.usage(client.limiter.key(quota), quota.window_ms, int(time.time() * 1000))  # type: ignore[attr-defined]
    assert used == 50


async def test_clock_falls_back_to_local_time_without_spot_time(transport: httpx.MockTransport, mock: Any) -> None:
    mock.add("GET", "/api/v4/spot/time", {"label": "NOT_FOUND", "message": "no"}, status=404)
    mock.add("GET", f"{P}/fee", [])
    async with GateCrossExClient(Credentials.of("k", "s"), base_url="https://g.test", transport=transport) as c:
        assert await c.account.get_fee() == []
        assert abs(int(mock.last.headers["Timestamp"]) - time.time()) < 5
        assert c.clock.synced
