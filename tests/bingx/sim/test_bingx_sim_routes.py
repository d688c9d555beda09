"""Every served route answers with BingX's envelope and the fields the reference's example payloads show."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.simulator import ManualClock

Caller = Any
SWAP = "/openApi/swap"

# Example payloads copied from the reference (JKorf fixtures / V2 docs quoted in shared/reference/bingx.md).
DOC_ORDER = json.loads(
    '{"symbol":"OP-USDT","orderId":1736012449498123500,"side":"SELL","positionSide":"LONG","type":"LIMIT",'
    '"origQty":"1.0","price":"2.1710","executedQty":"0.0","avgPrice":"0.0000","cumQuote":"0","stopPrice":"",'
    '"profit":"0.0000","commission":"0.000000","status":"PENDING","time":1702732596168,"updateTime":1702732596188,'
    '"clientOrderId":"l*****e","leverage":"","takeProfit":{"type":"","quantity":0,"stopPrice":0,"price":0,'
    '"workingType":""},"stopLoss":{"type":"","quantity":0,"stopPrice":0,"price":0,"workingType":""},'
    '"advanceAttr":0,"positionID":0,"takeProfitEntrustPrice":0,"stopLossEntrustPrice":0,"orderType":"",'
    '"workingType":"MARK_PRICE","stopGuaranteed":false,"triggerOrderId":1736012449498123500}'
)
DOC_PLACED = json.loads(
    '{"symbol":"BTC-USDT","orderId":1735950529123455000,"side":"BUY","positionSide":"LONG","type":"MARKET",'
    '"clientOrderID":"","workingType":"MARK_PRICE"}'
)
DOC_FILL = json.loads(
    '{"filledTm":"2023-12-16T20:58:36Z","volume":"4.10","price":"3.1088","amount":"12.7492","commission":"-0.0025",'
    '"currency":"USDT","orderId":"1736007768311123456","liquidatedPrice":"","liquidatedMarginRatio":"",'
    '"filledTime":"2023-12-16T20:58:36.000+0800","clientOrderID":"","symbol":"WLD-USDT"}'
)
DOC_BALANCE = json.loads(
    '{"userId":"1341158271307522053","asset":"USDT","balance":"19.9003","equity":"19.9003","unrealizedProfit":"0.0000",'
    '"realisedProfit":"0","availableMargin":"19.9003","usedMargin":"0.0000","freezedMargin":"0.0000",'
    '"shortUid":"25307298"}'
)
DOC_POSITION_FIELDS = [
    "symbol",
    "positionId",
    "positionSide",
    "isolated",
    "positionAmt",
    "availableAmt",
    "unrealizedProfit",
    "realisedProfit",
    "initialMargin",
    "margin",
    "avgPrice",
    "liquidationPrice",
    "leverage",
    "positionValue",
    "markPrice",
    "riskRate",
    "maxMarginReduction",
    "pnlRatio",
    "updateTime",
]
DOC_CONTRACT = json.loads(
    '{"contractId":"100","symbol":"BTC-USDT","size":"0","quantityPrecision":4,"pricePrecision":1,"feeRate":0.0005,'
    '"makerFeeRate":0.0002,"takerFeeRate":0.0005,"tradeMinLimit":0,"tradeMinQuantity":0.0001,"tradeMinUSDT":2,'
    '"maxLongLeverage":125,"maxShortLeverage":125,"currency":"USDT","asset":"BTC","status":1,"apiStateOpen":"true",'
    '"apiStateClose":"true"}'
)
DOC_TICKER = json.loads(
    '{"symbol":"SFP-USDT","priceChange":"0.0295","priceChangePercent":"4.15","lastPrice":"0.7409","lastQty":"10",'
    '"highPrice":"0.7506","lowPrice":"0.6903","volume":"4308212","quoteVolume":"3085449.53","openPrice":"0.7114",'
    '"openTime":1702719833853,"closeTime":1702719798603,"askPrice":"0.7414","askQty":"99","bidPrice":"0.7413",'
    '"bidQty":"84"}'
)
DOC_PREMIUM = json.loads(
    '{"symbol":"BTC-USDT","markPrice":"42216.4","indexPrice":"42219.9","lastFundingRate":"0.00025100",'
    '"nextFundingTime":1702742400000}'
)
DOC_TWAP = json.loads(
    '{"symbol":"BNB-USDT","side":"BUY","positionSide":"LONG","priceType":"constant","priceVariance":"2000",'
    '"triggerPrice":"68000","interval":8,"amountPerOrder":"0.111","totalAmount":"0.511","orderStatus":"Running",'
    '"executedQty":"0.1","duration":800,"maxDuration":9000,"createdTime":1702731661854,"updateTime":1702731661854}'
)


def same_types(example: dict[str, Any], actual: dict[str, Any]) -> None:
    """Every example field is present with the same JSON kind (string vs number vs bool vs object)."""
    for key, value in example.items():
        assert key in actual, key
        if isinstance(value, bool):
            assert isinstance(actual[key], bool), key
        elif isinstance(value, int | float | Decimal):
            assert isinstance(actual[key], int | float | Decimal) and not isinstance(actual[key], bool), key
        else:
            assert type(actual[key]) is type(value), key


@pytest.fixture
async def trading(alice: Caller, bob: Caller, clock: ManualClock) -> dict[str, Any]:
    """Alice rests a bid, buys at market (a LONG position), and holds a TWAP; Bob is idle."""
    rest = await alice.ok(
        "POST",
        f"{SWAP}/v2/trade/order",
        {
            "symbol": "ETH-USDT",
            "side": "BUY",
            "positionSide": "LONG",
            "type": "LIMIT",
            "quantity": "1",
            "price": "3000",
            "clientOrderId": "rest-1",
        },
    )
    await alice.ok(
        "POST",
        f"{SWAP}/v2/trade/order",
        {"symbol": "BTC-USDT", "side": "BUY", "positionSide": "LONG", "type": "MARKET", "quantity": "0.01"},
    )
    positions = (await alice.ok("GET", f"{SWAP}/v2/user/positions", {"symbol": "BTC-USDT"}))["data"]
    twap = await alice.ok(
        "POST",
        f"{SWAP}/v1/twap/order",
        {
            "symbol": "SOL-USDT",
            "side": "BUY",
            "positionSide": "LONG",
            "priceType": "constant",
            "priceVariance": "1",
            "triggerPrice": "200",
            "interval": 10,
            "amountPerOrder": "1",
            "totalAmount": "3",
        },
    )
    clock.advance(1000)
    return {
        "order_id": rest["data"]["order"]["orderId"],
        "position_id": positions[0]["positionId"],
        "twap_id": twap["data"]["mainOrderId"],
        "now": clock.now_ms(),
    }


async def test_order_objects_match_the_documented_shapes(alice: Caller, trading: dict[str, Any]) -> None:
    order = await alice.ok("GET", f"{SWAP}/v2/trade/order", {"symbol": "ETH-USDT", "orderId": trading["order_id"]})
    same_types(DOC_ORDER, order["data"]["order"])
    assert order["data"]["order"]["status"] == "PENDING"
    assert order["data"]["order"]["clientOrderId"] == "rest-1"
    placed = await alice.ok(
        "POST",
        f"{SWAP}/v2/trade/order/test",
        {"symbol": "BTC-USDT", "side": "BUY", "positionSide": "LONG", "type": "MARKET", "quantity": "0.001"},
    )
    same_types(DOC_PLACED, placed["data"]["order"])


async def test_account_shapes(alice: Caller, trading: dict[str, Any]) -> None:
    balances = (await alice.ok("GET", f"{SWAP}/v3/user/balance"))["data"]
    assert [b["asset"] for b in balances][:2] == ["USDT", "USDC"]
    same_types(DOC_BALANCE, balances[0])
    position = (await alice.ok("GET", f"{SWAP}/v2/user/positions"))["data"][0]
    assert set(DOC_POSITION_FIELDS) <= set(position)
    assert (position["positionSide"], position["positionAmt"], position["isolated"]) == ("LONG", "0.0100", False)
    fills = (
        await alice.ok(
            "GET",
            f"{SWAP}/v2/trade/allFillOrders",
            {"tradingUnit": "COIN", "startTs": trading["now"] - 60_000, "endTs": trading["now"]},
        )
    )["data"]["fill_orders"]
    same_types(DOC_FILL, fills[0])
    assert fills[0]["filledTm"].endswith("Z") and fills[0]["filledTime"].endswith("+0800")


async def test_public_shapes(alice: Caller) -> None:
    contracts = (await alice.ok("GET", f"{SWAP}/v2/quote/contracts"))["data"]
    btc = next(c for c in contracts if c["symbol"] == "BTC-USDT")
    same_types(DOC_CONTRACT, btc)
    assert (btc["pricePrecision"], btc["quantityPrecision"], btc["tradeMinQuantity"]) == (1, 4, Decimal("0.0001"))
    ticker = (await alice.ok("GET", f"{SWAP}/v2/quote/ticker", {"symbol": "ETH-USDT"}))["data"]
    same_types(DOC_TICKER, ticker)
    assert isinstance((await alice.ok("GET", f"{SWAP}/v2/quote/ticker"))["data"], list)
    premium = (await alice.ok("GET", f"{SWAP}/v2/quote/premiumIndex", {"symbol": "BTC-USDT"}))["data"]
    same_types(DOC_PREMIUM, premium)
    assert premium["markPrice"] == "65000.0"
    depth = (await alice.ok("GET", f"{SWAP}/v2/quote/depth", {"symbol": "BTC-USDT", "limit": 5}))["data"]
    assert len(depth["bids"]) == 5 and depth["bids"][0][0] == "64999.5"
    assert depth["asks"][-1][0] == "65000.5"  # asks run from the highest down to the best


async def test_twap_shape(alice: Caller, trading: dict[str, Any]) -> None:
    detail = (await alice.ok("GET", f"{SWAP}/v1/twap/orderDetail", {"mainOrderId": trading["twap_id"]}))["data"]
    same_types(DOC_TWAP, detail)


# (method, path, params, a key the data must contain — or None for the whole-body check)
def route_table(t: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], str | None]]:
    sym = {"symbol": "ETH-USDT"}
    window = {"startTs": t["now"] - 60_000, "endTs": t["now"]}
    page = {"pageIndex": 1, "pageSize": 10}
    order_params = {
        "symbol": "ETH-USDT",
        "side": "BUY",
        "positionSide": "LONG",
        "type": "LIMIT",
        "quantity": "0.1",
        "price": "2900",
    }
    return [
        ("GET", f"{SWAP}/v2/server/time", {}, "serverTime"),
        ("GET", f"{SWAP}/v2/quote/premiumIndex", {}, None),
        ("GET", f"{SWAP}/v2/trade/openOrders", sym, "orders"),
        ("GET", f"{SWAP}/v2/trade/openOrder", {**sym, "orderId": t["order_id"]}, "order"),
        ("GET", f"{SWAP}/v2/trade/order", {**sym, "clientOrderId": "rest-1"}, "order"),
        ("GET", f"{SWAP}/v2/trade/marginType", sym, "marginType"),
        ("GET", f"{SWAP}/v2/trade/leverage", sym, "maxLongLeverage"),
        ("POST", f"{SWAP}/v2/trade/leverage", {**sym, "side": "LONG", "leverage": 10}, "leverage"),
        ("GET", f"{SWAP}/v2/trade/forceOrders", {}, "orders"),
        ("GET", f"{SWAP}/v2/trade/allOrders", {"limit": 10}, "orders"),
        ("GET", f"{SWAP}/v1/trade/fullOrder", {"limit": 10}, "orders"),
        ("GET", f"{SWAP}/v2/trade/fillHistory", {"symbol": "BTC-USDT", **window}, "fill_history_orders"),
        ("GET", f"{SWAP}/v1/positionSide/dual", {}, "dualSidePosition"),
        ("GET", f"{SWAP}/v1/maintMarginRatio", {"symbol": "BTC-USDT"}, None),
        ("GET", f"{SWAP}/v1/trade/positionHistory", {"symbol": "BTC-USDT", **window}, "positionHistory"),
        (
            "GET",
            f"{SWAP}/v1/positionMargin/history",
            {"symbol": "BTC-USDT", "positionId": t["position_id"], "startTime": 0, "endTime": t["now"], **page},
            "records",
        ),
        ("POST", f"{SWAP}/v1/trade/getVst", {}, "amount"),
        ("GET", f"{SWAP}/v1/twap/openOrders", {}, "list"),
        ("GET", f"{SWAP}/v1/twap/historyOrders", {**page, "startTime": 0, "endTime": t["now"]}, "list"),
        ("GET", f"{SWAP}/v1/trade/assetMode", {}, "assetMode"),
        ("POST", f"{SWAP}/v1/trade/assetMode", {"assetMode": "multiAssetsMode"}, "assetMode"),
        ("GET", f"{SWAP}/v1/trade/multiAssetsRules", {}, None),
        ("GET", f"{SWAP}/v1/user/marginAssets", {}, None),
        ("GET", f"{SWAP}/v2/user/income", {}, None),
        ("GET", f"{SWAP}/v2/user/commissionRate", {}, "commission"),
        ("POST", f"{SWAP}/v2/trade/order", order_params, "order"),
        ("POST", f"{SWAP}/v2/trade/batchOrders", {"batchOrders": json.dumps([order_params])}, "orders"),
        ("DELETE", f"{SWAP}/v2/trade/allOpenOrders", {"symbol": "SOL-USDT"}, "success"),
        ("POST", f"{SWAP}/v2/trade/cancelAllAfter", {"type": "ACTIVATE", "timeOut": 30}, "triggerTime"),
        (
            "POST",
            f"{SWAP}/v1/trade/autoAddMargin",
            {"symbol": "BTC-USDT", "positionId": t["position_id"], "functionSwitch": "false"},
            "functionSwitch",
        ),
        ("GET", "/openApi/spot/v1/account/balance", {}, "balances"),
        ("GET", "/openApi/fund/v1/account/balance", {}, "balances"),
        ("GET", "/openApi/account/v1/allAccountBalance", {}, None),
        ("GET", "/openApi/api/v3/asset/transferRecord", {}, "rows"),
        ("GET", "/openApi/api/asset/v1/transfer/supportCoins", {}, "coins"),
        ("GET", "/openApi/wallets/v1/capital/innerTransfer/records", {"coin": "USDT"}, "data"),
    ]


async def test_every_route_in_the_table_answers_code_0(alice: Caller, trading: dict[str, Any]) -> None:
    for method, path, params, key in route_table(trading):
        body = await alice.ok(method, path, params)
        assert body.get("msg", "") == "", path
        if key is not None:
            assert key in body["data"], (path, body)
        else:
            assert isinstance(body["data"], list) and body["data"], path


def test_route_list_covers_every_documented_bingx_row(sim: BingXSimulator) -> None:
    with open(Path(__file__).resolve().parents[3] / "docs" / "endpoints.tsv", encoding="utf-8") as handle:
        rows = [line.split("\t") for line in handle if line.startswith("bingx\t")]
    documented = {(r[2], r[3]) for r in rows}
    assert len(documented) == 55
    assert documented <= set(sim.routes())


async def test_no_data_and_top_level_shapes(alice: Caller, sim: BingXSimulator) -> None:
    """marginType POST has no data; positionMargin answers amount/type at top level (reference §3, §4.9)."""
    assert await alice.ok("POST", f"{SWAP}/v2/trade/marginType", {"symbol": "SOL-USDT", "marginType": "ISOLATED"}) == {
        "code": 0,
        "msg": "",
    }
    await alice.ok(
        "POST",
        f"{SWAP}/v2/trade/order",
        {"symbol": "SOL-USDT", "side": "SELL", "positionSide": "SHORT", "type": "MARKET", "quantity": "10"},
    )
    body = await alice.ok(
        "POST",
        f"{SWAP}/v2/trade/positionMargin",
        {"symbol": "SOL-USDT", "amount": "3", "type": 1, "positionSide": "SHORT"},
    )
    assert body == {"code": 0, "msg": "", "amount": 3, "type": 1}
    history = sim.state.account(next(iter(sim.state.accounts))).margin_history
    assert [m.reason for m in history] == ["OpenPosition", "AddMargin"]


async def test_transfer_history_has_no_envelope(alice: Caller, sim: BingXSimulator) -> None:
    account = sim.state.keys["key-alice"].account_id
    sim.deposit(account, "USDT", Decimal(50), "fund")
    sent = await alice.call(
        "POST", "/openApi/api/asset/v1/transfer", {"type": "FUND_PFUTURES", "asset": "USDT", "amount": "20"}
    )
    assert set(sent) == {"code", "timestamp", "data"} and isinstance(sent["data"]["tranId"], int)
    rows = await alice.call("GET", "/openApi/api/v3/asset/transfer", {"type": "FUND_PFUTURES"})
    assert rows["total"] == 1
    assert rows["rows"][0] | {"timestamp": 0} == {
        "asset": "USDT",
        "amount": "20",
        "type": "FUND_PFUTURES",
        "status": "CONFIRMED",
        "tranId": sent["data"]["tranId"],
        "timestamp": 0,
        "fromAccount": "fund",
        "toAccount": "USDTMPerp",
    }


async def test_income_export_is_an_attachment(alice: Caller, trading: dict[str, Any]) -> None:
    response = await alice.raw("GET", f"{SWAP}/v2/user/income/export", {})
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment")
    lines = response.text.strip().splitlines()
    assert lines[0] == "time,symbol,incomeType,income,asset,info,tranId,tradeId"
    assert any(",TRADING_FEE," in line for line in lines[1:])
