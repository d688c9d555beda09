"""Test helpers: turn the seed's commented example JSON into bytes, and a recording mock venue."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import httpx
import orjson

KEY = "vk-test-key-0001"
SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9"
BASE = "https://fapi.test"


def _strip_comment(line: str) -> str:
    in_str = False
    for i, ch in enumerate(line):
        if ch == '"' and (i == 0 or line[i - 1] != "\\"):
            in_str = not in_str
        elif not in_str and line.startswith("//", i):
            return line[:i].rstrip()
    return line.rstrip()


def doc_json(text: str) -> bytes:
    """The doc examples carry `//` comments, missing and trailing commas; fix only that, keep every literal."""
    lines = [_strip_comment(line) for line in text.strip().splitlines()]
    cleaned = "\n".join(line for line in lines if line.strip())
    cleaned = re.sub(r'("|\d|true|false|null|\}|\])(\s*\n\s*)(["{])', r"\1,\2\3", cleaned)
    cleaned = re.sub(r",(\s*[\]}])", r"\1", cleaned)
    orjson.loads(cleaned)  # must now be valid JSON
    return cleaned.encode()


@dataclass
class Sent:
    method: str
    path: str
    query: str
    body: str
    headers: httpx.Headers

    @property
    def params(self) -> dict[str, str]:
        """Query and form parameters together (decoded)."""
        return dict(parse_qsl(self.query, keep_blank_values=True)) | dict(parse_qsl(self.body, keep_blank_values=True))


Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


@dataclass
class MockVenue:
    """Routes `(METHOD, path)` to queued replies (the last one repeats); records what was sent."""

    routes: dict[tuple[str, str], list[Reply]] = field(default_factory=dict)
    sent: list[Sent] = field(default_factory=list)
    server_time: int = 1_700_000_000_000

    def on(self, method: str, path: str, *replies: Reply) -> MockVenue:
        self.routes.setdefault((method, path), []).extend(replies)
        return self

    def json(self, method: str, path: str, body: bytes | object, status: int = 200,
             headers: dict[str, str] | None = None) -> MockVenue:
        content = body if isinstance(body, bytes) else orjson.dumps(body)
        return self.on(method, path, httpx.Response(status, content=content, headers=headers))

    def calls(self, method: str, path: str) -> list[Sent]:
        return [s for s in self.sent if s.method == method and s.path == path]

    def handler(self, request: httpx.Request) -> httpx.Response:
        sent = Sent(request.method, request.url.path, request.url.query.decode(), request.content.decode(),
                    request.headers)
        key = (request.method, request.url.path)
        if key == ("GET", "/fapi/v1/time") and key not in self.routes:
            return httpx.Response(200, json={"serverTime": self.server_time})
        self.sent.append(sent)
        queue = self.routes.get(key)
        if not queue:
            return httpx.Response(404, json={"code": -1099, "msg": f"no mock for {key}"})
        reply = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, httpx.Response):
            return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)
        return reply(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)


#: An exchangeInfo body built from the fields the reference lists (its §6); note `OrderType` spelling on ETH.
EXCHANGE_INFO = {
    "timezone": "UTC", "serverTime": 1700000000000, "futuresType": "U_MARGINED",
    "rateLimits": [
        {"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE", "intervalNum": 1, "limit": 2400},
        {"rateLimitType": "ORDERS", "interval": "MINUTE", "intervalNum": 1, "limit": 1200},
    ],
    "exchangeFilters": [],
    "assets": [{"asset": "USDT", "marginAvailable": True, "autoAssetExchange": "-10000"}],
    "symbols": [
        {"symbol": "BTCUSDT", "pair": "BTCUSDT", "contractType": "PERPETUAL", "deliveryDate": 4133404800000,
         "onboardDate": 1569398400000, "status": "TRADING", "maintMarginPercent": "2.5000",
         "requiredMarginPercent": "5.0000", "baseAsset": "BTC", "quoteAsset": "USDT", "marginAsset": "USDT",
         "pricePrecision": 2, "quantityPrecision": 3, "baseAssetPrecision": 8, "quotePrecision": 8,
         "underlyingType": "COIN", "underlyingSubType": ["PoW"], "settlePlan": 0, "triggerProtect": "0.0500",
         "liquidationFee": "0.012500", "marketTakeBound": "0.05", "maxMoveOrderLimit": 10000,
         "filters": [
             {"filterType": "PRICE_FILTER", "minPrice": "556.80", "maxPrice": "4529764", "tickSize": "0.10"},
             {"filterType": "LOT_SIZE", "minQty": "0.001", "maxQty": "1000", "stepSize": "0.001"},
             {"filterType": "MARKET_LOT_SIZE", "minQty": "0.001", "maxQty": "120", "stepSize": "0.001"},
             {"filterType": "MAX_NUM_ORDERS", "limit": 200},
             {"filterType": "MAX_NUM_ALGO_ORDERS", "limit": 10},
             {"filterType": "MIN_NOTIONAL", "notional": "100"},
             {"filterType": "PERCENT_PRICE", "multiplierUp": "1.0500", "multiplierDown": "0.9500",
              "multiplierDecimal": "4"},
         ],
         "orderTypes": ["LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET",
                        "TRAILING_STOP_MARKET"],
         "timeInForce": ["GTC", "IOC", "FOK", "GTX", "GTD"]},
        {"symbol": "ETHUSDT", "pair": "ETHUSDT", "contractType": "PERPETUAL", "status": "TRADING",
         "baseAsset": "ETH", "quoteAsset": "USDT", "marginAsset": "USDT",
         "filters": [
             {"filterType": "PRICE_FILTER", "minPrice": "39.86", "maxPrice": "306177", "tickSize": "0.01"},
             {"filterType": "LOT_SIZE", "minQty": "0.001", "maxQty": "10000", "stepSize": "0.001"},
             {"filterType": "MIN_NOTIONAL", "notional": "20"},
         ],
         "OrderType": ["LIMIT", "MARKET"], "timeInForce": ["GTC"]},
        {"symbol": "BTCUSDT_250328", "pair": "BTCUSDT", "contractType": "CURRENT_QUARTER", "status": "TRADING",
         "baseAsset": "BTC", "quoteAsset": "USDT", "marginAsset": "USDT", "filters": []},
    ],
}


def order_json(**over: object) -> dict[str, object]:
    """An order body in the seed's New Order shape, with overrides."""
    base: dict[str, object] = {
        "clientOrderId": "testOrder", "cumQty": "0", "cumQuote": "0", "executedQty": "0", "orderId": 22542179,
        "avgPrice": "0.00000", "origQty": "0.010", "price": "30000.0", "reduceOnly": False, "side": "BUY",
        "positionSide": "BOTH", "status": "NEW", "stopPrice": "0", "closePosition": False, "symbol": "BTCUSDT",
        "timeInForce": "GTC", "type": "LIMIT", "origType": "LIMIT", "updateTime": 1566818724722,
        "workingType": "CONTRACT_PRICE", "priceProtect": False,
    }
    base.update(over)
    return base
