"""One request case per BingX endpoint: the call, the parameters expected on the wire, an answer to parse.

Answers are the documents' example payloads where one exists (reference sections 4-5 and 11, seed samples);
the rest follow the documented field tables.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from venuekit.connectors.bingx import BingXClient, CancelReplace, NewOrder, TpSlSpec
from venuekit.connectors.bingx import enums as bx

Call = Callable[[BingXClient], Awaitable[Any]]

ORDER_4_3 = {
    "symbol": "OP-USDT", "orderId": 1736012449498123500, "side": "SELL", "positionSide": "LONG", "type": "LIMIT",
    "origQty": "1.0", "price": "2.1710", "executedQty": "0.0", "avgPrice": "0.0000", "cumQuote": "0",
    "stopPrice": "", "profit": "0.0000", "commission": "0.000000", "status": "PENDING", "time": 1702732596168,
    "updateTime": 1702732596188, "clientOrderId": "l*****e", "leverage": "",
    "takeProfit": {"type": "", "quantity": 0, "stopPrice": 0, "price": 0, "workingType": ""},
    "stopLoss": {"type": "", "quantity": 0, "stopPrice": 0, "price": 0, "workingType": ""}, "advanceAttr": 0,
    "positionID": 0, "takeProfitEntrustPrice": 0, "stopLossEntrustPrice": 0, "orderType": "",
    "workingType": "MARK_PRICE", "stopGuaranteed": False, "triggerOrderId": 1736012449498123500,
}
PLACED = {"symbol": "BTC-USDT", "orderId": 1735950529123455000, "side": "BUY", "positionSide": "LONG",
          "type": "MARKET", "clientOrderID": "", "workingType": "MARK_PRICE"}
TWAP = {"symbol": "BNB-USDT", "mainOrderId": "12312435134", "side": "BUY", "positionSide": "LONG",
        "priceType": "constant", "priceVariance": "10", "triggerPrice": "600", "interval": 8,
        "amountPerOrder": "1", "totalAmount": "10", "orderStatus": "Running", "executedQty": "0",
        "duration": 0, "maxDuration": 86400, "createdTime": 1702731661854, "updateTime": 1702731661854}
POSITION = {"symbol": "BTC-USDT", "positionId": "1858503955839975424", "positionSide": "LONG",
            "isolated": True, "positionAmt": "0.0100", "availableAmt": "0.0100", "unrealizedProfit": "1.2",
            "realisedProfit": "0", "initialMargin": "30", "margin": "30", "avgPrice": "60000",
            "liquidationPrice": 48000.5, "leverage": 20, "positionValue": "601.2", "markPrice": "60120",
            "riskRate": "0.01", "maxMarginReduction": "0", "pnlRatio": "0.04", "updateTime": 1702731661854}


@dataclass(frozen=True)
class Case:
    name: str
    call: Call
    params: dict[str, str]
    data: Any = field(default_factory=dict)
    envelope: bool = True


def _tp() -> TpSlSpec:
    return TpSlSpec(type=bx.OrderType.TAKE_PROFIT_MARKET, stop_price=Decimal("31968.0"), price=Decimal("31968.0"),
                    working_type=bx.WorkingType.MARK_PRICE)


TP_JSON = '{"type":"TAKE_PROFIT_MARKET","stopPrice":31968,"price":31968,"workingType":"MARK_PRICE"}'
ORDER_PARAMS = {"symbol": "BTC-USDT", "side": "BUY", "positionSide": "LONG", "type": "MARKET", "quantity": "5",
                "takeProfit": TP_JSON}
RANGE = {"startTs": "1702724330000", "endTs": "1702731530000"}
#: The listen key of BingX's own "Generate Listen Key" example.
LK = "a8ea75681542e66f1a50a1616dd06ed77dab61baa0c296bca03a9b13ee5f2dd7"

CASES: list[Case] = [
    Case("market.server_time", lambda c: c.market.server_time(), {}, {"serverTime": 1672025091160}),
    Case("market.contracts", lambda c: c.market.contracts(symbol="BTC-USDT"), {"symbol": "BTC-USDT"},
         [{"contractId": "100", "symbol": "BTC-USDT", "size": "0.0001", "quantityPrecision": 4, "pricePrecision": 1,
           "feeRate": 0.0005, "tradeMinLimit": 1, "tradeMinQuantity": 0.0001, "tradeMinUSDT": 2,
           "maxLongLeverage": 125, "maxShortLeverage": 125, "currency": "USDT", "asset": "BTC", "status": 1,
           "apiStateOpen": "true", "apiStateClose": "true"}]),
    Case("market.ticker", lambda c: c.market.ticker(symbol="BTC-USDT"), {"symbol": "BTC-USDT"},
         {"symbol": "BTC-USDT", "priceChange": "52.5", "priceChangePercent": "0.31", "lastPrice": "16880.5",
          "lastQty": "2.2238", "highPrice": "16897.5", "lowPrice": "16726.0", "volume": "245870.1692",
          "quoteVolume": "4151395117.73", "openPrice": "16832.0", "openTime": 1672026667803,
          "closeTime": 1672026648425}),
    Case("market.premium_index", lambda c: c.market.premium_index(symbol="BTC-USDT"), {"symbol": "BTC-USDT"},
         {"symbol": "BTC-USDT", "markPrice": "16884.5", "indexPrice": "16886.9", "lastFundingRate": "0.0001",
          "nextFundingTime": 1672041600000}),
    Case("market.funding_rate_history",
         lambda c: c.market.funding_rate_history(symbol="BTC-USDT", start_time=1, end_time=2, limit=100),
         {"symbol": "BTC-USDT", "startTime": "1", "endTime": "2", "limit": "100"},
         [{"symbol": "BTC-USDT", "fundingRate": "0.0001", "fundingTime": 1672012800000}]),
    Case("market.price", lambda c: c.market.price(symbol="TIA-USDT"), {"symbol": "TIA-USDT"},
         {"symbol": "TIA-USDT", "price": "14.0658", "time": 1702718922941}),
    Case("market.book_ticker", lambda c: c.market.book_ticker(symbol="BTC-USDT"), {"symbol": "BTC-USDT"},
         {"book_ticker": {"symbol": "BTC-USDT", "bid_price": 42000.5, "bid_qty": 10, "ask_price": 42001.0,
                          "ask_qty": 5}}),
    Case("swap_trade.test_order", lambda c: c.swap_trade.test_order(
        symbol="BTC-USDT", side=bx.OrderSide.BUY, position_side=bx.PositionSide.LONG, type=bx.OrderType.MARKET,
        quantity=Decimal(5), take_profit=_tp()), ORDER_PARAMS, {"order": PLACED}),
    Case("swap_trade.place_order", lambda c: c.swap_trade.place_order(
        symbol="BTC-USDT", side=bx.OrderSide.BUY, position_side=bx.PositionSide.LONG, type=bx.OrderType.MARKET,
        quantity=Decimal(5), take_profit=_tp()), ORDER_PARAMS, {"order": PLACED}),
    Case("swap_trade.place_orders", lambda c: c.swap_trade.place_orders([
        NewOrder(symbol="ETH-USDT", type=bx.OrderType.MARKET, side=bx.OrderSide.BUY,
                 position_side=bx.PositionSide.LONG, quantity=Decimal(1)),
        NewOrder(symbol="BTC-USDT", type=bx.OrderType.MARKET, side=bx.OrderSide.BUY,
                 position_side=bx.PositionSide.LONG, quantity=Decimal("0.001"))]),
        {"batchOrders": '[{"symbol":"ETH-USDT","side":"BUY","type":"MARKET","positionSide":"LONG","quantity":1},'
                        '{"symbol":"BTC-USDT","side":"BUY","type":"MARKET","positionSide":"LONG","quantity":0.001}]'},
        {"orders": [{"symbol": "ID-USDT", "orderId": 1736010300483712300, "side": "SELL", "positionSide": "LONG",
                     "type": "MARKET", "clientOrderID": "", "workingType": ""}]}),
    Case("swap_trade.close_all_positions", lambda c: c.swap_trade.close_all_positions(symbol="BTC-USDT"),
         {"symbol": "BTC-USDT"}, {"success": [1736008778921491200], "failed": None}),
    Case("swap_trade.cancel_order",
         lambda c: c.swap_trade.cancel_order(symbol="RNDR-USDT", order_id="1736011869418901234"),
         {"orderId": "1736011869418901234", "symbol": "RNDR-USDT"}, {"order": ORDER_4_3}),
    Case("swap_trade.cancel_orders", lambda c: c.swap_trade.cancel_orders(
        symbol="BTC-USDT", order_ids=["1735924831603391122", "1735924833239172233"]),
        {"orderIdList": "[1735924831603391122,1735924833239172233]", "symbol": "BTC-USDT"},
        {"success": [ORDER_4_3], "failed": None}),
    Case("swap_trade.cancel_all_open_orders",
         lambda c: c.swap_trade.cancel_all_open_orders(symbol="ATOM-USDT", type=bx.OrderType.LIMIT),
         {"symbol": "ATOM-USDT", "type": "LIMIT"}, {"success": [ORDER_4_3], "failed": None}),
    Case("swap_trade.open_orders", lambda c: c.swap_trade.open_orders(symbol="BTC-USDT", type=bx.OrderType.LIMIT),
         {"symbol": "BTC-USDT", "type": "LIMIT"}, {"orders": [ORDER_4_3]}),
    Case("swap_trade.open_order", lambda c: c.swap_trade.open_order(symbol="OP-USDT", order_id="1736012449498123456"),
         {"orderId": "1736012449498123456", "symbol": "OP-USDT"}, {"order": ORDER_4_3}),
    Case("swap_trade.query_order",
         lambda c: c.swap_trade.query_order(symbol="OP-USDT", order_id="1736012449498123456"),
         {"orderId": "1736012449498123456", "symbol": "OP-USDT"}, {"order": ORDER_4_3}),
    Case("swap_trade.margin_type", lambda c: c.swap_trade.margin_type(symbol="WOO-USDT"), {"symbol": "WOO-USDT"},
         {"marginType": "CROSSED"}),
    Case("swap_trade.set_margin_type",
         lambda c: c.swap_trade.set_margin_type(symbol="MINA-USDT", margin_type=bx.MarginType.CROSSED),
         {"symbol": "MINA-USDT", "marginType": "CROSSED"}, None),
    Case("swap_trade.leverage", lambda c: c.swap_trade.leverage(symbol="BCH-USDT"), {"symbol": "BCH-USDT"},
         {"longLeverage": 50, "shortLeverage": 50, "maxLongLeverage": 75, "maxShortLeverage": 75}),
    Case("swap_trade.set_leverage",
         lambda c: c.swap_trade.set_leverage(symbol="ETH-USDT", side=bx.PositionSide.SHORT, leverage=8),
         {"leverage": "8", "side": "SHORT", "symbol": "ETH-USDT"}, {"leverage": 8, "symbol": "ETH-USDT"}),
    Case("swap_trade.force_orders",
         lambda c: c.swap_trade.force_orders(symbol="ATOM-USDT", start_time=1696291200),
         {"symbol": "ATOM-USDT", "startTime": "1696291200"}, {"orders": [ORDER_4_3]}),
    Case("swap_trade.order_history", lambda c: c.swap_trade.order_history(
        symbol="PYTH-USDT", start_time=1702688795000, end_time=1702731995000, limit=500),
        {"endTime": "1702731995000", "limit": "500", "startTime": "1702688795000", "symbol": "PYTH-USDT"},
        {"orders": [ORDER_4_3]}),
    Case("swap_trade.adjust_isolated_margin", lambda c: c.swap_trade.adjust_isolated_margin(
        symbol="BTC-USDT", type=bx.MarginAdjustType.ADD, amount=Decimal(3), position_side=bx.PositionSide.LONG),
        {"symbol": "BTC-USDT", "type": "1", "amount": "3", "positionSide": "LONG"},
        {"code": 0, "msg": "", "amount": 1, "type": 1}, envelope=False),
    Case("swap_trade.fill_orders", lambda c: c.swap_trade.fill_orders(
        symbol="WLD-USDT", trading_unit=bx.TradingUnit.COIN, start_ts=1702724330000, end_ts=1702731530000),
        {**RANGE, "symbol": "WLD-USDT", "tradingUnit": "COIN"},
        {"fill_orders": [{"filledTm": "2023-12-16T20:58:36Z", "volume": "1.0", "price": "14.0658",
                          "amount": "14.0658", "commission": "-0.00703290", "currency": "USDT",
                          "orderId": "1736008778921491200", "liquidatedPrice": "", "liquidatedMarginRatio": "",
                          "filledTime": "2023-12-16T20:58:36.000+0800", "clientOrderID": "",
                          "symbol": "TIA-USDT"}]}),
    Case("swap_trade.set_position_mode", lambda c: c.swap_trade.set_position_mode(dual_side_position=True),
         {"dualSidePosition": "true"}, {"dualSidePosition": "true"}),
    Case("swap_trade.position_mode", lambda c: c.swap_trade.position_mode(), {}, {"dualSidePosition": "false"}),
    Case("swap_trade.cancel_replace", lambda c: c.swap_trade.cancel_replace(CancelReplace(
        mode=bx.CancelReplaceMode.STOP_ON_FAILURE, cancel_client_order_id="abc123test",
        cancel_order_id="123456789", cancel_restrictions=bx.CancelRestriction.ONLY_NEW,
        order=NewOrder(symbol="BTC-USDT", side=bx.OrderSide.BUY, position_side=bx.PositionSide.LONG,
                       type=bx.OrderType.MARKET, quantity=Decimal(5), take_profit=_tp()))),
        {"cancelReplaceMode": "STOP_ON_FAILURE", "cancelClientOrderId": "abc123test", "cancelOrderId": "123456789",
         "cancelRestrictions": "ONLY_NEW", **ORDER_PARAMS},
        {"cancelResult": "true", "cancelMsg": "", "cancelResponse": ORDER_4_3, "replaceResult": "true",
         "replaceMsg": "", "newOrderResponse": PLACED}),
    Case("swap_trade.batch_cancel_replace", lambda c: c.swap_trade.batch_cancel_replace([CancelReplace(
        mode=bx.CancelReplaceMode.ALLOW_FAILURE, cancel_order_id="1753337028434464768",
        order=NewOrder(symbol="BTC-USDT", type=bx.OrderType.LIMIT, side=bx.OrderSide.BUY,
                       position_side=bx.PositionSide.LONG, price=Decimal(38000), quantity=Decimal(1)))]),
        {"batchOrders": '[{"cancelReplaceMode":"ALLOW_FAILURE","cancelOrderId":1753337028434464768,'
                        '"symbol":"BTC-USDT","side":"BUY","type":"LIMIT","positionSide":"LONG","quantity":1,'
                        '"price":38000}]'},
        [{"cancelResult": "true", "replaceResult": "true", "newOrderResponse": PLACED}]),
    Case("swap_trade.cancel_all_after",
         lambda c: c.swap_trade.cancel_all_after(type=bx.CancelAllAfterType.ACTIVATE, time_out=10),
         {"type": "ACTIVATE", "timeOut": "10"},
         {"triggerTime": 1710389137, "status": "ACTIVATED",
          "note": "All your perpetual pending orders will be closed"}),
    Case("swap_trade.close_position", lambda c: c.swap_trade.close_position(position_id="1769649551460794368"),
         {"positionId": "1769649551460794368"},
         {"orderId": 1769649628749234176, "positionId": "1769649551460794368", "symbol": "BTC-USDT",
          "side": "SELL", "type": "MARKET", "positionSide": "LONG", "origQty": "0.0010"}),
    Case("swap_trade.full_orders", lambda c: c.swap_trade.full_orders(
        symbol="PYTH-USDT", start_time=1702688795000, end_time=1702731995000, limit=500),
        {"endTime": "1702731995000", "limit": "500", "startTime": "1702688795000", "symbol": "PYTH-USDT"},
        {"orders": [{**ORDER_4_3, "isTwap": False, "mainOrderId": "0"}]}),
    Case("swap_trade.maint_margin_ratio", lambda c: c.swap_trade.maint_margin_ratio(symbol="BTC-USDT"),
         {"symbol": "BTC-USDT"},
         [{"tier": "Tier 1", "symbol": "BTC-USDT", "minPositionVal": "0", "maxPositionVal": "300000",
           "maintMarginRatio": "0.004", "maintAmount": "0"}]),
    Case("swap_trade.fill_history", lambda c: c.swap_trade.fill_history(
        symbol="WLD-USDT", start_ts=1702724330000, end_ts=1702731530000, last_fill_id="130753", page_size=50),
        {**RANGE, "symbol": "WLD-USDT", "lastFillId": "130753", "pageSize": "50"},
        {"fill_history_orders": [{"symbol": "WLD-USDT", "qty": "3", "price": "2.5", "quoteQty": "7.5",
                                  "commission": "-0.00375", "commissionAsset": "USDT", "orderId": "1736",
                                  "tradeId": "130754", "filledTime": "2023-12-16T20:58:36.000+0800",
                                  "side": "BUY", "positionSide": "LONG", "role": "taker"}], "total": 1}),
    Case("swap_trade.position_history", lambda c: c.swap_trade.position_history(
        symbol="BNB-USDT", start_ts=1700409600000, end_ts=1703001599000, page_index=1, page_size=20),
        {"symbol": "BNB-USDT", "startTs": "1700409600000", "endTs": "1703001599000", "pageIndex": "1",
         "pageSize": "20"},
        {"positionHistory": [{"symbol": "BNB-USDT", "positionId": "1861", "positionSide": "LONG",
                              "isolated": True, "closeAllPositions": True, "positionAmt": "1",
                              "closePositionAmt": "1", "realisedProfit": "2.1", "netProfit": "2",
                              "avgClosePrice": 601.5,
                              "avgPrice": "600", "leverage": 10, "positionCommission": "-0.1", "totalFunding": "0",
                              "openTime": 1700409600000, "closeTime": 1700409700000}]}),
    Case("swap_trade.margin_change_history", lambda c: c.swap_trade.margin_change_history(
        symbol="BNB-USDT", position_id="1847596444958068736", start_time=1728722649000, end_time=1729336359406,
        page_index=1, page_size=2),
        {"symbol": "BNB-USDT", "positionId": "1847596444958068736", "startTime": "1728722649000",
         "endTime": "1729336359406", "pageIndex": "1", "pageSize": "2"},
        {"records": [{"symbol": "BNB-USDT", "positionId": "1847596444958068736",
                      "changeReason": "ManualMarginAddition", "marginChange": "5", "marginAfterChange": "25",
                      "time": 1728722650000}], "total": 1}),
    Case("swap_trade.apply_vst", lambda c: c.swap_trade.apply_vst(), {}, {"amount": 20000}),
    Case("swap_trade.place_twap_order", lambda c: c.swap_trade.place_twap_order(
        symbol="BNB-USDT", side=bx.OrderSide.BUY, position_side=bx.PositionSide.LONG,
        price_type=bx.TwapPriceType.CONSTANT, price_variance=Decimal(10), trigger_price=Decimal(600), interval=8,
        amount_per_order=Decimal(1), total_amount=Decimal(10)),
        {"symbol": "BNB-USDT", "side": "BUY", "positionSide": "LONG", "priceType": "constant",
         "priceVariance": "10", "triggerPrice": "600", "interval": "8", "amountPerOrder": "1", "totalAmount": "10"},
        {"mainOrderId": "12312435134"}),
    Case("swap_trade.twap_open_orders", lambda c: c.swap_trade.twap_open_orders(symbol="BNB-USDT"),
         {"symbol": "BNB-USDT"}, {"list": [TWAP], "total": 1}),
    Case("swap_trade.twap_history_orders", lambda c: c.swap_trade.twap_history_orders(
        symbol="BNB-USDT", page_index=1, page_size=100, start_time=1702731661854, end_time=1702738661854),
        {"symbol": "BNB-USDT", "pageIndex": "1", "pageSize": "100", "startTime": "1702731661854",
         "endTime": "1702738661854"}, {"list": [TWAP], "total": 1}),
    Case("swap_trade.twap_order_detail", lambda c: c.swap_trade.twap_order_detail(main_order_id="12312435134"),
         {"mainOrderId": "12312435134"}, TWAP),
    Case("swap_trade.cancel_twap_order", lambda c: c.swap_trade.cancel_twap_order(main_order_id="12312435134"),
         {"mainOrderId": "12312435134"}, TWAP),
    Case("swap_trade.set_asset_mode", lambda c: c.swap_trade.set_asset_mode(asset_mode=bx.AssetMode.MULTI_ASSETS),
         {"assetMode": "multiAssetsMode"}, {"assetMode": "multiAssetsMode"}),
    Case("swap_trade.asset_mode", lambda c: c.swap_trade.asset_mode(), {}, {"assetMode": "singleAssetMode"}),
    Case("swap_trade.multi_assets_rules", lambda c: c.swap_trade.multi_assets_rules(), {},
         [{"marginAssets": "BTC"}]),
    Case("swap_trade.margin_assets", lambda c: c.swap_trade.margin_assets(), {},
         [{"currency": "BTC", "totalAmount": "0.5", "availableTransfer": "0.4", "latestMortgageAmount": "30000"}]),
    Case("swap_trade.reverse_position", lambda c: c.swap_trade.reverse_position(
        symbol="BTC-USDT", type=bx.ReverseType.REVERSE, position_id="1858503955839975424"),
        {"positionId": "1858503955839975424", "symbol": "BTC-USDT", "type": "Reverse"},
        {**POSITION, "type": "Reverse", "newPositionId": "1858503955839975555"}),
    Case("swap_trade.auto_add_margin", lambda c: c.swap_trade.auto_add_margin(
        symbol="BTC-USDT", position_id="1868671302923976704", function_switch=True, amount=Decimal(130)),
        {"symbol": "BTC-USDT", "positionId": "1868671302923976704", "functionSwitch": "true", "amount": "130"},
        {"code": 0, "msg": "", "symbol": "BTC-USDT", "positionId": 1868671302923976704, "functionSwitch": "true",
         "amount": "130"}, envelope=False),
    Case("swap_account.balance", lambda c: c.swap_account.balance(), {},
         [{"userId": "116***295", "asset": "USDT", "balance": "194.8212", "equity": "196.7431",
           "unrealizedProfit": "1.9219", "realisedProfit": "-109.2504", "availableMargin": "193.7609",
           "usedMargin": "1.0602", "freezedMargin": "0.0000", "shortUid": "12345678"}]),
    Case("swap_account.positions", lambda c: c.swap_account.positions(symbol="BTC-USDT"), {"symbol": "BTC-USDT"},
         [POSITION]),
    Case("swap_account.income", lambda c: c.swap_account.income(
        symbol="BTC-USDT", income_type=bx.IncomeType.FUNDING_FEE, limit=100),
        {"symbol": "BTC-USDT", "incomeType": "FUNDING_FEE", "limit": "100"},
        [{"symbol": "BTC-USDT", "incomeType": "FUNDING_FEE", "income": "-0.0292", "asset": "USDT",
          "info": "Funding Fee", "time": 1702713615000, "tranId": "170***6*2_3*9_20***97",
          "tradeId": "170***6*2_3*9_20***97"}]),
    Case("swap_account.income_export", lambda c: c.swap_account.income_export(symbol="BTC-USDT"),
         {"symbol": "BTC-USDT"}, None),
    Case("swap_account.commission_rate", lambda c: c.swap_account.commission_rate(), {},
         {"commission": {"takerCommissionRate": 0.0005, "makerCommissionRate": 0.0002}}),
    Case("spot_fund.spot_balance", lambda c: c.spot_fund.spot_balance(), {},
         {"balances": [{"asset": "USDT", "free": "566773.193402631", "locked": "244.18616265388994"}]}),
    Case("spot_fund.fund_balance", lambda c: c.spot_fund.fund_balance(asset="USDT"), {"asset": "USDT"},
         {"balances": [{"asset": "USDT", "free": "12.5", "locked": "0"}]}),
    Case("spot_fund.all_account_balance",
         lambda c: c.spot_fund.all_account_balance(account_type=bx.AccountType.USDT_M_PERP),
         {"accountType": "USDTMPerp"}, [{"accountType": "USDTMPerp", "usdtBalance": "196.74"}]),
    Case("spot_fund.transfer", lambda c: c.spot_fund.transfer(
        type=bx.TransferType.FUND_PFUTURES, asset="USDT", amount=Decimal(100)),
        {"type": "FUND_PFUTURES", "asset": "USDT", "amount": "100"}, {"tranId": 123}),
    Case("spot_fund.transfer_records", lambda c: c.spot_fund.transfer_records(type=bx.TransferType.FUND_PFUTURES),
         {"type": "FUND_PFUTURES"},
         {"total": 2, "rows": [{"asset": "VST", "amount": "100000.00000000000000000000", "type": "FUND_PFUTURES",
                                "status": "CONFIRMED", "tranId": 37600111, "timestamp": 1702252271000}]},
         envelope=False),
    Case("spot_fund.transfer_records_new", lambda c: c.spot_fund.transfer_records_new(
        from_account=bx.AccountName.FUND, to_account=bx.AccountName.USDT_M_PERP, start_time=1700000000000,
        end_time=1702731787011),
        {"fromAccount": "fund", "toAccount": "USDTMPerp", "startTime": "1700000000000", "endTime": "1702731787011"},
        {"total": 1, "rows": [{"transferId": "1", "asset": "USDT", "amount": "100", "fromAccount": "fund",
                               "toAccount": "USDTMPerp", "timestamp": 1702252271000}]}),
    Case("spot_fund.transfer_support_coins", lambda c: c.spot_fund.transfer_support_coins(
        from_account=bx.AccountName.FUND, to_account=bx.AccountName.SPOT),
        {"fromAccount": "fund", "toAccount": "spot"}, {"coins": [{"coin": "USDT", "name": "Tether"}]}),
    Case("spot_fund.inner_transfer", lambda c: c.spot_fund.inner_transfer(
        coin="USDT", user_account_type=bx.UserAccountType.UID, user_account="1128763679", amount=Decimal("0.5"),
        wallet_type=bx.WalletType.FUND),
        {"coin": "USDT", "userAccountType": "1", "userAccount": "1128763679", "amount": "0.5", "walletType": "1"},
        {"id": "121"}),
    Case("spot_fund.inner_transfer_records", lambda c: c.spot_fund.inner_transfer_records(coin="BTC"),
         {"coin": "BTC"},
         {"data": [{"id": 1251111922229444400, "coin": "BTC", "receiver": 1128763679, "amount": 0.0072366,
                    "status": 6}], "total": 1}),
    Case("user_stream.create_listen_key", lambda c: c.user_stream.create_listen_key(), {}, {"listenKey": LK},
         envelope=False),
    Case("user_stream.extend_listen_key", lambda c: c.user_stream.extend_listen_key(listen_key=LK),
         {"listenKey": LK}, {}),
    Case("user_stream.delete_listen_key", lambda c: c.user_stream.delete_listen_key(listen_key=LK),
         {"listenKey": LK}, {}),
]

PUBLIC = frozenset(c.name for c in CASES if c.name.startswith(("market.", "user_stream."))) | {
    "swap_trade.multi_assets_rules"
}
