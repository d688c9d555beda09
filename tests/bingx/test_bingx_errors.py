"""Every BingX error code maps to one shared class; 100410 blocks the limiter until its stated time."""

from __future__ import annotations

import httpx
import orjson
import pytest

from venuekit.connectors.bingx import ENDPOINTS
from venuekit.connectors.bingx.codec import BingXCodec
from venuekit.connectors.bingx.endpoints import swap_account
from venuekit.connectors.bingx.errors import ERRORS
from venuekit.connectors.bingx.limits import QUOTAS
from venuekit.core import errors as e
from venuekit.core.ratelimit import MemoryStore, RateLimiter
from venuekit.core.transport.response import RawResponse

# Expected classes, from the meanings in seed 001 and the reference's error table (section 6).
EXPECTED: dict[str, type[e.VenueError]] = {
    "80001": e.InvalidRequest, "80012": e.ExchangeUnavailable, "80013": e.InvalidOrder, "80014": e.InvalidRequest,
    "80016": e.OrderNotFound, "80017": e.InvalidOrder, "80018": e.OrderNotFound, "80020": e.PermissionDenied,
    "100001": e.AuthenticationError, "100004": e.PermissionDenied, "100202": e.InsufficientFunds,
    "100204": e.BadSymbol, "100400": e.InvalidRequest, "100401": e.AuthenticationError, "100410": e.RateLimited,
    "100412": e.AuthenticationError, "100413": e.AuthenticationError, "100414": e.PermissionDenied,
    "100419": e.PermissionDenied, "100421": e.TimestampOutOfWindow, "100440": e.InvalidOrder,
    "100500": e.ExchangeUnavailable, "100503": e.ExchangeUnavailable, "101204": e.InsufficientFunds,
    "101205": e.InvalidOrder, "101209": e.InvalidOrder, "101211": e.InvalidOrder, "101215": e.InvalidOrder,
    "101400": e.InvalidOrder, "101414": e.InvalidRequest, "101415": e.BadSymbol, "101460": e.InvalidOrder,
    "101481": e.DuplicateOrder, "109201": e.DuplicateOrder, "109400": e.InvalidRequest, "109418": e.BadSymbol,
    "109421": e.OrderNotFound, "109422": e.OrderNotFound, "109425": e.BadSymbol, "109429": e.RateLimited,
    "109500": e.ExchangeUnavailable, "110425": e.InvalidOrder, "110500": e.ExchangeUnavailable,
}
INFO = e.RequestInfo("GET", "/openApi/swap/v3/user/balance")


def _raise(body: dict[str, object], status: int = 200) -> e.VenueError:
    raw = RawResponse(status, httpx.Headers(), orjson.dumps(body))
    with pytest.raises(e.VenueError) as caught:
        BingXCodec().decode(swap_account.BALANCE, raw, INFO)
    return caught.value


def test_table_covers_every_known_code() -> None:
    assert set(ERRORS) == set(EXPECTED)


@pytest.mark.parametrize(("code", "cls"), sorted(EXPECTED.items()))
def test_code_maps_to_class(code: str, cls: type[e.VenueError]) -> None:
    err = _raise({"code": int(code), "msg": "some text", "data": {}})
    assert type(err) is cls
    assert (err.venue, err.code, err.message, err.request) == ("bingx", code, "some text", INFO)


@pytest.mark.parametrize(("code", "msg", "cls"), [
    (80014, "timestamp is invalid", e.TimestampOutOfWindow),
    (100421, "Null timestamp or timestamp mismatch, try to run our sample code", e.TimestampOutOfWindow),
    (109400, "timestamp is out of recvWindow", e.TimestampOutOfWindow),
    (109400, "CATI-USDT,symbol not exist, please verify it in api: /openApi/swap/v2/quote/contracts", e.BadSymbol),
    (109400, "startTs field is required", e.InvalidRequest),
    (80012, '{"Code":101253,"Msg":"margin is not enough"}', e.InsufficientFunds),
    (100419, "IP does not match IP whitelist , please go to https://bingx.com/en/account/api/", e.PermissionDenied),
    (100413, "Incorrect apiKey", e.AuthenticationError),
    (80020, "risk forbidden", e.PermissionDenied),
    ("101204", "", e.InsufficientFunds),
])
def test_seed_messages(code: int | str, msg: str, cls: type[e.VenueError]) -> None:
    assert type(_raise({"code": code, "msg": msg, "data": {}})) is cls


def test_unknown_code_is_a_plain_venue_error() -> None:
    assert type(_raise({"code": 999999, "msg": "new"})) is e.VenueError


@pytest.mark.parametrize("msg", [
    "code:100410:The endpoint trigger frequency limit rule is currently in the disabled period and will be "
    "unblocked after 9999999999999",
    "over 20 error code:100202 requests within 480000 ms for this api, please verify and fix it ,can retry after "
    "time: 9999999999999",
])
async def test_100410_blocks_the_endpoint_until_the_stated_time(msg: str) -> None:
    store = MemoryStore()
    limiter = RateLimiter("bingx", QUOTAS, store=store)
    body = orjson.dumps({"code": 100410, "msg": msg, "data": {}})
    await BingXCodec().feedback(swap_account.BALANCE, RawResponse(200, httpx.Headers(), body), limiter)
    key = limiter.key(limiter.quotas["uid:swap_account.balance"]) + ":block"
    assert await store.blocked([key], 0) == (9999999999999, "100410 disabled period")
    err = _raise({"code": 100410, "msg": msg})
    assert isinstance(err, e.RateLimited)
    assert err.retry_after is not None and err.retry_after > 0
    with pytest.raises(e.RateLimited):
        await limiter.acquire(swap_account.BALANCE.costs)
    other = next(x for x in ENDPOINTS if x.name == "swap_account.positions")
    await limiter.acquire(other.costs)


async def test_429_and_418_block_the_ip() -> None:
    store = MemoryStore()
    limiter = RateLimiter("bingx", QUOTAS, store=store)
    await BingXCodec().feedback(swap_account.BALANCE, RawResponse(418, httpx.Headers({"Retry-After": "600"}), b""),
                                limiter)
    blocked = await store.blocked([limiter.scope_block_key(s) for s in limiter._scope_ids], 0)
    assert blocked is not None and blocked[1].startswith("ban")
