"""`market.depth`: request shape, weight by `limit`, and exact parsing of the documented snapshot fields."""

from decimal import Decimal

import httpx
import pytest

from venuekit.connectors.binance_usdm import BinanceUSDMClient
from venuekit.connectors.binance_usdm.endpoints.market import DEPTH
from venuekit.core.errors import InvalidRequest

BODY = (b'{"lastUpdateId":1027024,"E":1589436922972,"T":1589436922959,'
        b'"bids":[["4.00000000","431.00000000"]],"asks":[["4.00000200","12.00000000"]]}')


async def test_depth_request_and_parse() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=BODY)

    async with BinanceUSDMClient(transport=httpx.MockTransport(handler)) as client:
        book = await client.market.depth(symbol="BTCUSDT", limit=100)
    assert seen[0].url.path == "/fapi/v1/depth"
    assert dict(seen[0].url.params) == {"symbol": "BTCUSDT", "limit": "100"}
    assert "signature" not in seen[0].url.params
    assert book.last_update_id == 1027024 and book.transaction_time == 1589436922959
    assert book.bids == [(Decimal("4.00000000"), Decimal("431.00000000"))]
    assert book.asks[0][0] == Decimal("4.00000200")


@pytest.mark.parametrize(("limit", "units"), [("5", 2), ("100", 5), ("500", 10), ("1000", 20)])
def test_depth_weight_follows_limit(limit: str, units: int) -> None:
    assert [c.units for c in DEPTH.costs_for({"symbol": "BTCUSDT", "limit": limit})] == [units]


async def test_undocumented_limit_is_refused_before_the_wire() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("nothing may be sent")

    async with BinanceUSDMClient(transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(InvalidRequest, match="limit"):
            await client.market.depth(symbol="BTCUSDT", limit=7)
