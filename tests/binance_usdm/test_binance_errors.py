"""Every documented error code maps to one shared class; HTTP status semantics; -1021 resync and retry."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest
from binance_usdm_helpers import MockVenue

from venuekit.connectors.binance_usdm import BinanceUSDMClient
from venuekit.connectors.binance_usdm.codec import BinanceCodec
from venuekit.connectors.binance_usdm.enums import OrderSide, OrderType
from venuekit.connectors.binance_usdm.errors import ERRORS, is_not_executed
from venuekit.core.errors import (
    AuthenticationError,
    BadResponse,
    BadSymbol,
    DuplicateOrder,
    ExchangeUnavailable,
    InsufficientFunds,
    InvalidOrder,
    InvalidRequest,
    IPBanned,
    NotSupported,
    OrderNotFound,
    PermissionDenied,
    RateLimited,
    RequestInfo,
    TimestampOutOfWindow,
    VenueError,
)
from venuekit.core.transport.response import RawResponse

# Codes of the reference's §5 and the seed, grouped by what the documented NAME/meaning says they are.
EXPECTED: dict[type[VenueError], str] = {
    ExchangeUnavailable: "-1000 -1001 -1006 -1007 -1016 -2012",
    AuthenticationError: "-1002 -1022 -1099 -2014",
    PermissionDenied: "-1011 -2015 -2017 -4087 -4088 -4109 -4192 -4400 -4402 -4403",
    RateLimited: "-1003 -1008 -1015",
    NotSupported: "-1020",
    TimestampOutOfWindow: "-1021 -5028",
    InvalidRequest: "-1004 -1005 -1010 -1013 -1023 -1100 -1101 -1102 -1103 -1104 -1105 -1106 -1108 -1109 -1110 "
                    "-1113 -1118 -1119 -1120 -1125 -1126 -1127 -1128 -1130 -1136 -4015 -4028 -4032 -4044 -4046 "
                    "-4047 -4048 -4049 -4054 -4055 -4059 -4067 -4068 -4082 -4114 -4115 -4161 -4165 -4167 -4168 "
                    "-4169 -4170 -4171 -4172 -4202 -4203 -4204 -4205 -4206 -4207 -4208 -4209",
    BadSymbol: "-1121 -1122 -4141 -4144",
    InvalidOrder: "-1014 -1111 -1112 -1114 -1115 -1116 -1117 -2010 -2016 -2020 -2021 -2022 -2023 -2024 -2025 -2026 "
                  "-2027 -2028 -4000 -4001 -4002 -4003 -4004 -4005 -4006 -4007 -4013 -4014 -4016 -4023 -4024 -4031 "
                  "-4045 -4060 -4061 -4062 -4083 -4117 -4118 -4120 -4131 -4135 -4137 -4138 -4139 -4140 -4142 -4164 "
                  "-4183 -4184 -4210 -4211 -4401 -5021 -5022 -5024 -5025 -5026 -5027 -5029 -5037 -5038 -5039 -5040 "
                  "-5041 -5043",
    InsufficientFunds: "-2018 -2019 -4050 -4051",
    OrderNotFound: "-2011 -2013",
    DuplicateOrder: "-4116",
}
CASES = [(code, cls) for cls, codes in EXPECTED.items() for code in codes.split()]
INFO = RequestInfo("POST", "/fapi/v1/order")


def _error(status: int, body: bytes, headers: dict[str, str] | None = None) -> VenueError:
    from venuekit.connectors.binance_usdm.endpoints.trade import NEW_ORDER

    with pytest.raises(VenueError) as info:
        BinanceCodec().decode(NEW_ORDER, RawResponse(status, httpx.Headers(headers or {}), body), INFO)
    return info.value


def test_table_covers_exactly_the_documented_codes() -> None:
    assert set(ERRORS) == {code for code, _ in CASES}


@pytest.mark.parametrize(("code", "cls"), CASES, ids=[c for c, _ in CASES])
def test_code_maps_to_its_class(code: str, cls: type[VenueError]) -> None:
    status = 400 if code not in ("-1003",) else 429
    err = _error(status, f'{{"code": {code}, "msg": "documented message"}}'.encode())
    assert type(err) is cls
    assert (err.venue, err.code, err.message, err.status, err.request) == (
        "binance-usdm", code, "documented message", status, INFO)


def test_error_envelope_inside_http_200_is_still_an_error() -> None:
    err = _error(200, b'{"code": -2019, "msg": "Margin is insufficient."}')
    assert isinstance(err, InsufficientFunds)


@pytest.mark.parametrize(("status", "body", "cls", "not_executed"), [
    (500, b'{"code": -1000, "msg": "Request occur unknown error."}', ExchangeUnavailable, False),
    (503, b'{"code": -1000, "msg": "Unknown error, please check your request or try again later."}',
     ExchangeUnavailable, False),
    (503, b"Service Unavailable.", ExchangeUnavailable, True),
    (503, b'{"code": -1000, "msg": "Internal error; unable to process your request. Please try again."}',
     ExchangeUnavailable, True),
    (503, b'{"code": -1008, "msg": "Request throttled by system-level protection."}', RateLimited, False),
    (408, b"", ExchangeUnavailable, False),
    (502, b"<html>bad gateway</html>", ExchangeUnavailable, False),
    (403, b"<html>WAF</html>", PermissionDenied, False),
    (404, b"<html>nope</html>", InvalidRequest, False),
    (418, b'{"code": -1003, "msg": "Way too many requests; IP banned until 1583290223000."}', IPBanned, False),
])
def test_http_status_semantics(status: int, body: bytes, cls: type[VenueError], not_executed: bool) -> None:
    err = _error(status, body)
    assert type(err) is cls and err.status == status
    assert is_not_executed(err) is not_executed


def test_unreadable_success_body_is_bad_response() -> None:
    err = _error(200, b'{"orderId": 1')
    assert isinstance(err, BadResponse)


def test_number_beyond_decimal_range_is_bad_response() -> None:
    err = _error(200, b'{"orderId": 1, "price": 1e999999999999999999999}')
    assert isinstance(err, BadResponse)


async def test_1021_resyncs_clock_once_and_retries(venue: MockVenue, client: BinanceUSDMClient) -> None:
    venue.on("POST", "/fapi/v1/order",
             httpx.Response(400, json={"code": -1021, "msg": "Timestamp outside of the recvWindow."}),
             httpx.Response(200, json={"clientOrderId": "x", "orderId": 5, "symbol": "BTCUSDT", "status": "NEW",
                                       "side": "BUY", "type": "MARKET", "price": "0", "origQty": "1"}))
    order = await client.trade.new_order(symbol="BTCUSDT", side=OrderSide.BUY, type=OrderType.MARKET,
                                         quantity=Decimal(1))
    assert order.order_id == "5"
    assert len(venue.calls("POST", "/fapi/v1/order")) == 2
    assert client.clock.sync_count == 2  # first sync, then the resync after -1021


async def test_second_1021_is_raised(venue: MockVenue, client: BinanceUSDMClient) -> None:
    venue.on("GET", "/fapi/v2/balance", httpx.Response(400, json={"code": -1021, "msg": "Timestamp…"}))
    with pytest.raises(TimestampOutOfWindow):
        await client.account.balance()
    assert len(venue.calls("GET", "/fapi/v2/balance")) == 2


async def test_invalid_input_never_reaches_the_wire(venue: MockVenue, client: BinanceUSDMClient) -> None:
    with pytest.raises(InvalidRequest) as info:
        await client.trade.new_order(symbol="BTCUSDT", side=OrderSide.BUY, type=OrderType.LIMIT, quantity=Decimal(1))
    assert info.value.field in ("timeInForce", "price")
    with pytest.raises(InvalidRequest) as bad_id:
        await client.trade.new_order(symbol="BTCUSDT", side=OrderSide.BUY, type=OrderType.MARKET, quantity=Decimal(1),
                                     new_client_order_id="has space")
    assert bad_id.value.field == "newClientOrderId"
    with pytest.raises(InvalidRequest):
        await client.trade.new_order(symbol="BTCUSDT", side=OrderSide.BUY, type=OrderType.MARKET, quantity=Decimal(1),
                                     new_client_order_id="x" * 37)
    with pytest.raises(InvalidRequest):
        await client.config.change_leverage(symbol="BTCUSDT", leverage=126)
    with pytest.raises(InvalidRequest):
        await client.trade.cancel_order(symbol="BTCUSDT")
    assert venue.sent == []
