"""BingX's `{code, msg, data}` envelope is validated once on success; errors are still mapped from `code`."""

from __future__ import annotations

from typing import Any

import pytest

from venuekit.connectors.bingx import codec as bingx_codec
from venuekit.connectors.bingx.codec import BingXCodec
from venuekit.connectors.bingx.endpoints import market
from venuekit.core import errors as e
from venuekit.core.transport.response import RawResponse

INFO = e.RequestInfo("GET", "/openApi/swap/v2/server/time")


def decode(body: bytes, status: int = 200) -> Any:
    return BingXCodec().decode(market.SERVER_TIME, RawResponse(status, {}, body), INFO)


def test_success_is_read_without_a_second_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_second_parse(body: bytes) -> Any:
        raise AssertionError("the body was parsed a second time")

    monkeypatch.setattr(bingx_codec, "_head", no_second_parse)
    for code in (b"0", b'"0"'):
        assert decode(b'{"code":%s,"msg":"","data":{"serverTime":1702444800000}}' % code).server_time == 1702444800000


@pytest.mark.parametrize(("code", "cls"), [
    (b"100001", e.AuthenticationError), (b'"100204"', e.BadSymbol), (b"109429", e.RateLimited),
])
def test_error_code_with_a_valid_data_object_still_raises(code: bytes, cls: type[e.VenueError]) -> None:
    with pytest.raises(cls) as info:
        decode(b'{"code":%s,"msg":"nope","data":{"serverTime":1}}' % code)
    assert (info.value.code, info.value.message, info.value.request) == (code.strip(b'"').decode(), "nope", INFO)


def test_error_code_without_data_is_mapped() -> None:
    with pytest.raises(e.AuthenticationError):
        decode(b'{"code":100413,"msg":"Incorrect apiKey"}')


def test_http_error_status_with_a_success_envelope() -> None:
    with pytest.raises(e.ExchangeUnavailable):
        decode(b'{"code":0,"msg":"","data":{"serverTime":1}}', status=503)


def test_transfer_error_without_code_is_mapped() -> None:
    with pytest.raises(e.InsufficientFunds):
        decode(b'{"transferErrorMsg":"Insufficient assets","data":{"serverTime":1}}')
