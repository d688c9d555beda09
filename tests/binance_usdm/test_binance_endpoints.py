"""One request/response test per seed endpoint: the wire request we send, and the doc's example parsed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import binance_usdm_seed as seed
import pytest
from binance_usdm_helpers import MockVenue, doc_json

from venuekit.connectors.binance_usdm import BinanceUSDMClient
from venuekit.connectors.binance_usdm.enums import (
    TIF,
    AutoCloseType,
    IncomeType,
    MarginType,
    OrderSide,
    OrderType,
    PositionMarginType,
    PositionSide,
    WireOrderStatus,
)
from venuekit.connectors.binance_usdm.models import BatchError, OrderResponse


@dataclass
class Case:
    id: str
    method: str
    path: str
    example: str
    call: Callable[[BinanceUSDMClient], Awaitable[Any]]
    params: dict[str, str]
    check: Callable[[Any], None]


def _trailing_order(o: OrderResponse) -> None:
    assert o.symbol == "BTCUSDT"
    assert o.side is OrderSide.BUY and o.position_side is PositionSide.SHORT
    assert o.type == "TRAILING_STOP_MARKET"
    assert o.stop_price == Decimal("9300") and o.activate_price == Decimal("9020")
    assert o.price_rate == Decimal("0.3") and o.price == Decimal("0")


def _new_order(o: OrderResponse) -> None:
    _trailing_order(o)
    assert o.order_id == "22542179" and o.client_order_id == "testOrder"
    assert o.avg_price == Decimal("0.00000") and str(o.avg_price) == "0.00000"
    assert o.orig_qty == Decimal("10") and o.status is WireOrderStatus.NEW and o.update_time == 1566818724722


def _query_order(o: OrderResponse) -> None:
    _trailing_order(o)
    assert o.order_id == "1917641" and o.orig_qty == Decimal("0.40") and o.time == 1579276756075
    assert o.cum_qty is None and o.close_position is False


def _canceled(o: OrderResponse) -> None:
    _trailing_order(o)
    assert o.order_id == "283194212" and o.status is WireOrderStatus.CANCELED and o.orig_qty == Decimal("11")


def _batch_place(items: list[Any]) -> None:
    assert isinstance(items[0], OrderResponse) and items[0].order_id == "22542179"
    assert isinstance(items[1], BatchError) and items[1].code == "-2022"
    assert items[1].msg == "ReduceOnly Order is rejected."


def _batch_cancel(items: list[Any]) -> None:
    _canceled(items[0])
    assert isinstance(items[1], BatchError) and (items[1].code, items[1].msg) == ("-2011", "Unknown order sent.")


def _code_msg(code: str, msg: str) -> Callable[[Any], None]:
    def check(r: Any) -> None:
        assert (r.code, r.msg) == (code, msg)

    return check


def _account(a: Any) -> None:
    assert a.fee_tier == 0 and a.can_trade is True and a.total_wallet_balance == Decimal("23.72469206")
    assert [x.asset for x in a.assets] == ["USDT", "BUSD"]
    assert a.assets[1].wallet_balance == Decimal("103.12345678") and a.assets[1].update_time == 1625474304765
    p = a.positions[0]
    assert (p.symbol, p.leverage, p.isolated, p.max_notional) == ("BTCUSDT", Decimal(100), True, Decimal(250000))
    assert p.position_side is PositionSide.BOTH and p.entry_price == Decimal("0.00000")


def _positions_hedge(rows: list[Any]) -> None:
    assert [r.position_side for r in rows] == [PositionSide.LONG, PositionSide.SHORT]
    assert rows[0].position_amt == Decimal("20.000") and rows[0].un_realized_profit == Decimal("2316.83423560")
    assert rows[1].position_amt == Decimal("-10.000") and rows[1].liquidation_price == Decimal("7189.95")
    assert rows[0].is_auto_add_margin is False and rows[0].margin_type == "isolated" and rows[0].leverage == 10


def _trades(rows: list[Any]) -> None:
    t = rows[0]
    assert (t.id, t.order_id, t.symbol) == ("698759", "25851813", "BTCUSDT")
    assert t.commission == Decimal("-0.07819010") and t.realized_pnl == Decimal("-0.91539999")
    assert t.buyer is False and t.maker is False and t.position_side is PositionSide.SHORT


def _income(rows: list[Any]) -> None:
    assert rows[0].symbol == "" and rows[0].income_type == "TRANSFER" and rows[0].income == Decimal("-0.37500000")
    assert rows[1].trade_id == "2059192" and rows[1].tran_id == "9689322392" and rows[1].time == 1570636800000


def _brackets(rows: list[Any]) -> None:
    assert len(rows) == 1 and rows[0].symbol == "ETHUSDT"
    b = rows[0].brackets[0]
    assert (b.bracket, b.initial_leverage, b.notional_cap, b.notional_floor) == (1, 75, Decimal(10000), Decimal(0))
    assert b.maint_margin_ratio == Decimal("0.0065") and b.cum == Decimal(0)


def _adl(rows: list[Any]) -> None:
    eth, btc = rows
    assert (eth.adl_quantile.long, eth.adl_quantile.short, eth.adl_quantile.hedge, eth.adl_quantile.both) == (
        3, 3, 0, None)
    assert (btc.adl_quantile.long, btc.adl_quantile.short, btc.adl_quantile.both) == (1, 2, 0)


def _force(rows: list[Any]) -> None:
    assert [r.client_order_id for r in rows] == ["autoclose-1596107620040000020", "adl_autoclose"]
    assert rows[0].order_id == "6071832819" and rows[0].avg_price == Decimal("10913.21000")
    assert rows[1].status is WireOrderStatus.FILLED and rows[1].time_in_force == "GTC"


CASES = [
    Case("change_position_mode", "POST", "/fapi/v1/positionSide/dual", seed.CHANGE_POSITION_MODE,
         lambda c: c.config.change_position_mode(dual_side_position=True), {"dualSidePosition": "true"},
         _code_msg("200", "success")),
    Case("get_position_mode", "GET", "/fapi/v1/positionSide/dual", seed.GET_POSITION_MODE,
         lambda c: c.config.get_position_mode(), {}, lambda r: r.dual_side_position is True or pytest.fail()),
    Case("change_multi_assets_mode", "POST", "/fapi/v1/multiAssetsMargin", seed.CHANGE_MULTI_ASSETS,
         lambda c: c.config.change_multi_assets_mode(multi_assets_margin=False), {"multiAssetsMargin": "false"},
         _code_msg("200", "success")),
    Case("get_multi_assets_mode", "GET", "/fapi/v1/multiAssetsMargin", seed.GET_MULTI_ASSETS,
         lambda c: c.config.get_multi_assets_mode(), {},
         lambda r: r.multi_assets_margin is True or pytest.fail()),
    Case("new_order", "POST", "/fapi/v1/order", seed.NEW_ORDER,
         lambda c: c.trade.new_order(symbol="BTCUSDT", side=OrderSide.BUY, type=OrderType.TRAILING_STOP_MARKET,
                                     quantity=Decimal("10"), position_side=PositionSide.SHORT,
                                     callback_rate=Decimal("0.3"), activation_price=Decimal("9020"),
                                     new_client_order_id="testOrder"),
         {"symbol": "BTCUSDT", "side": "BUY", "type": "TRAILING_STOP_MARKET", "quantity": "10",
          "positionSide": "SHORT", "callbackRate": "0.3", "activationPrice": "9020", "newClientOrderId": "testOrder"},
         _new_order),
    Case("query_order", "GET", "/fapi/v1/order", seed.QUERY_ORDER,
         lambda c: c.orders.query_order(symbol="BTCUSDT", order_id="1917641"),
         {"symbol": "BTCUSDT", "orderId": "1917641"}, _query_order),
    Case("cancel_order", "DELETE", "/fapi/v1/order", seed.CANCEL_ORDER,
         lambda c: c.trade.cancel_order(symbol="BTCUSDT", orig_client_order_id="myOrder1"),
         {"symbol": "BTCUSDT", "origClientOrderId": "myOrder1"}, _canceled),
    Case("cancel_all_open_orders", "DELETE", "/fapi/v1/allOpenOrders", seed.CANCEL_ALL_OPEN_ORDERS,
         lambda c: c.trade.cancel_all_open_orders(symbol="BTCUSDT"), {"symbol": "BTCUSDT"},
         _code_msg("200", "The operation of cancel all open order is done.")),
    Case("cancel_batch_orders", "DELETE", "/fapi/v1/batchOrders", seed.CANCEL_BATCH_ORDERS,
         lambda c: c.trade.cancel_batch_orders(symbol="BTCUSDT", order_ids=["283194212", "1"]),
         {"symbol": "BTCUSDT", "orderIdList": "[283194212,1]"}, _batch_cancel),
    Case("countdown_cancel_all", "POST", "/fapi/v1/countdownCancelAll", seed.COUNTDOWN_CANCEL_ALL,
         lambda c: c.trade.countdown_cancel_all(symbol="BTCUSDT", countdown_time=100000),
         {"symbol": "BTCUSDT", "countdownTime": "100000"},
         lambda r: (r.symbol, r.countdown_time) == ("BTCUSDT", 100000) or pytest.fail()),
    Case("query_open_order", "GET", "/fapi/v1/openOrder", seed.QUERY_OPEN_ORDER,
         lambda c: c.orders.query_open_order(symbol="BTCUSDT", orig_client_order_id="abc"),
         {"symbol": "BTCUSDT", "origClientOrderId": "abc"}, _query_order),
    Case("open_orders", "GET", "/fapi/v1/openOrders", seed.OPEN_ORDERS,
         lambda c: c.orders.open_orders(symbol="BTCUSDT"), {"symbol": "BTCUSDT"}, lambda r: _query_order(r[0])),
    Case("all_orders", "GET", "/fapi/v1/allOrders", seed.ALL_ORDERS,
         lambda c: c.orders.all_orders(symbol="BTCUSDT", start_time=1579276000000, limit=500),
         {"symbol": "BTCUSDT", "startTime": "1579276000000", "limit": "500"}, lambda r: _query_order(r[0])),
    Case("balance", "GET", "/fapi/v2/balance", seed.BALANCE, lambda c: c.account.balance(), {},
         lambda r: (r[0].account_alias, r[0].balance, r[0].cross_un_pnl, r[0].update_time) == (
             "SgsR", Decimal("122607.35137903"), Decimal("0.00000000"), 1617939110373) or pytest.fail()),
    Case("account_information", "GET", "/fapi/v4/account", seed.ACCOUNT_V4,
         lambda c: c.account.account_information(), {}, _account),
    Case("change_leverage", "POST", "/fapi/v1/leverage", seed.CHANGE_LEVERAGE,
         lambda c: c.config.change_leverage(symbol="BTCUSDT", leverage=21), {"symbol": "BTCUSDT", "leverage": "21"},
         lambda r: (r.leverage, r.max_notional_value) == (21, Decimal(1000000)) or pytest.fail()),
    Case("change_margin_type", "POST", "/fapi/v1/marginType", seed.CHANGE_MARGIN_TYPE,
         lambda c: c.config.change_margin_type(symbol="BTCUSDT", margin_type=MarginType.CROSSED),
         {"symbol": "BTCUSDT", "marginType": "CROSSED"}, _code_msg("200", "success")),
    Case("modify_position_margin", "POST", "/fapi/v1/positionMargin", seed.MODIFY_POSITION_MARGIN,
         lambda c: c.config.modify_position_margin(symbol="BTCUSDT", amount=Decimal("100"),
                                                   type=PositionMarginType.ADD, position_side=PositionSide.LONG),
         {"symbol": "BTCUSDT", "amount": "100", "type": "1", "positionSide": "LONG"},
         lambda r: (r.amount, r.code, r.type) == (Decimal("100.0"), "200", 1) or pytest.fail()),
    Case("position_margin_history", "GET", "/fapi/v1/positionMargin/history", seed.POSITION_MARGIN_HISTORY,
         lambda c: c.config.position_margin_history(symbol="BTCUSDT", type=PositionMarginType.ADD, limit=10),
         {"symbol": "BTCUSDT", "type": "1", "limit": "10"},
         lambda r: [(x.amount, x.position_side) for x in r] == [
             (Decimal("23.36332311"), PositionSide.BOTH), (Decimal("100"), PositionSide.LONG)] or pytest.fail()),
    Case("position_risk_one_way", "GET", "/fapi/v2/positionRisk", seed.POSITION_RISK_ONE_WAY,
         lambda c: c.account.position_risk(symbol="BTCUSDT"), {"symbol": "BTCUSDT"},
         lambda r: (r[0].mark_price, r[0].position_amt, r[0].update_time) == (
             Decimal("6679.50671178"), Decimal("0.000"), 0) or pytest.fail()),
    Case("position_risk_hedge", "GET", "/fapi/v2/positionRisk", seed.POSITION_RISK_HEDGE,
         lambda c: c.account.position_risk(), {}, _positions_hedge),
    Case("user_trades", "GET", "/fapi/v1/userTrades", seed.USER_TRADES,
         lambda c: c.orders.user_trades(symbol="BTCUSDT", from_id="698759", limit=1000),
         {"symbol": "BTCUSDT", "fromId": "698759", "limit": "1000"}, _trades),
    Case("income", "GET", "/fapi/v1/income", seed.INCOME,
         lambda c: c.account.income(income_type=IncomeType.COMMISSION, start_time=1, end_time=2),
         {"incomeType": "COMMISSION", "startTime": "1", "endTime": "2"}, _income),
    Case("leverage_bracket_list", "GET", "/fapi/v1/leverageBracket", seed.LEVERAGE_BRACKET_LIST,
         lambda c: c.account.leverage_bracket(), {}, _brackets),
    Case("leverage_bracket_one", "GET", "/fapi/v1/leverageBracket", seed.LEVERAGE_BRACKET_ONE,
         lambda c: c.account.leverage_bracket(symbol="ETHUSDT"), {"symbol": "ETHUSDT"}, _brackets),
    Case("adl_quantile", "GET", "/fapi/v1/adlQuantile", seed.ADL_QUANTILE, lambda c: c.account.adl_quantile(), {},
         _adl),
    Case("force_orders", "GET", "/fapi/v1/forceOrders", seed.FORCE_ORDERS,
         lambda c: c.orders.force_orders(symbol="BTCUSDT", auto_close_type=AutoCloseType.LIQUIDATION, limit=100),
         {"symbol": "BTCUSDT", "autoCloseType": "LIQUIDATION", "limit": "100"}, _force),
    Case("commission_rate", "GET", "/fapi/v1/commissionRate", seed.COMMISSION_RATE,
         lambda c: c.account.commission_rate(symbol="BTCUSDT"), {"symbol": "BTCUSDT"},
         lambda r: (r.maker_commission_rate, r.taker_commission_rate) == (
             Decimal("0.0002"), Decimal("0.0004")) or pytest.fail()),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
async def test_endpoint_request_and_doc_example(case: Case, venue: MockVenue, client: BinanceUSDMClient) -> None:
    venue.json(case.method, case.path, doc_json(case.example))
    result = await case.call(client)
    case.check(result)
    (sent,) = venue.calls(case.method, case.path)
    params = sent.params
    for key, value in case.params.items():
        assert params[key] == value, key
    assert set(params) - set(case.params) == {"timestamp", "signature"}
    assert sent.headers["X-MBX-APIKEY"]


async def test_batch_orders_request_and_example(venue: MockVenue, client: BinanceUSDMClient) -> None:
    from venuekit.connectors.binance_usdm import NewOrder

    venue.json("POST", "/fapi/v1/batchOrders", doc_json(seed.BATCH_ORDERS))
    items = await client.trade.batch_orders(orders=[
        NewOrder(symbol="BTCUSDT", side=OrderSide.BUY, type=OrderType.LIMIT, quantity=Decimal("0.010"),
                 price=Decimal("9000.0"), time_in_force=TIF.GTC, new_client_order_id="a:1/b"),
        NewOrder(symbol="BTCUSDT", side=OrderSide.SELL, type=OrderType.MARKET, quantity=Decimal("1"),
                 reduce_only=True),
    ])
    _batch_place(items)
    (sent,) = venue.calls("POST", "/fapi/v1/batchOrders")
    assert sent.params["batchOrders"] == (
        '[{"symbol":"BTCUSDT","side":"BUY","type":"LIMIT","timeInForce":"GTC","quantity":"0.01","price":"9000",'
        '"newClientOrderId":"a:1/b"},{"symbol":"BTCUSDT","side":"SELL","type":"MARKET","quantity":"1",'
        '"reduceOnly":"true"}]'
    )
    assert sent.body.startswith("batchOrders=%5B%7B%22symbol%22%3A%22BTCUSDT%22")


def test_every_seed_endpoint_is_declared() -> None:
    from venuekit.connectors.binance_usdm import ENDPOINTS

    seed_rows = {
        ("POST", "/fapi/v1/positionSide/dual"), ("GET", "/fapi/v1/positionSide/dual"),
        ("POST", "/fapi/v1/multiAssetsMargin"), ("GET", "/fapi/v1/multiAssetsMargin"), ("POST", "/fapi/v1/order"),
        ("POST", "/fapi/v1/batchOrders"), ("GET", "/fapi/v1/order"), ("DELETE", "/fapi/v1/order"),
        ("DELETE", "/fapi/v1/allOpenOrders"), ("DELETE", "/fapi/v1/batchOrders"),
        ("POST", "/fapi/v1/countdownCancelAll"), ("GET", "/fapi/v1/openOrder"), ("GET", "/fapi/v1/openOrders"),
        ("GET", "/fapi/v1/allOrders"), ("GET", "/fapi/v2/balance"), ("GET", "/fapi/v4/account"),
        ("POST", "/fapi/v1/leverage"), ("POST", "/fapi/v1/marginType"), ("POST", "/fapi/v1/positionMargin"),
        ("GET", "/fapi/v1/positionMargin/history"), ("GET", "/fapi/v2/positionRisk"), ("GET", "/fapi/v1/userTrades"),
        ("GET", "/fapi/v1/income"), ("GET", "/fapi/v1/leverageBracket"), ("GET", "/fapi/v1/adlQuantile"),
        ("GET", "/fapi/v1/forceOrders"), ("GET", "/fapi/v1/commissionRate"),
    }
    assert len(seed_rows) == 27
    declared = {(e.method, e.path) for e in ENDPOINTS}
    assert seed_rows <= declared
    client = BinanceUSDMClient()
    for e in ENDPOINTS:
        group, method = e.name.split(".")
        assert callable(getattr(getattr(client, group), method)), e.name
    assert len({e.name for e in ENDPOINTS}) == len(ENDPOINTS)
