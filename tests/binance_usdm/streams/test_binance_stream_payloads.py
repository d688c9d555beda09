"""Binance stream payloads from the documentation (streams.md §B5/§B6, comments stripped) parse exactly."""

from __future__ import annotations

from decimal import Decimal as D

from venuekit.connectors.binance_usdm.streams import convert as c
from venuekit.connectors.binance_usdm.streams import parse
from venuekit.connectors.binance_usdm.streams.models import (
    WsAccountConfigUpdate,
    WsAccountUpdate,
    WsAggTrade,
    WsBookTicker,
    WsDepthUpdate,
    WsListenKeyExpired,
    WsMarkPrice,
    WsOrderTradeUpdate,
    WsTradeLite,
)
from venuekit.core.streams import ExecType, FillUpdate, OrderUpdate, PositionUpdate
from venuekit.core.symbols import SymbolMap
from venuekit.core.types import Instrument, InstrumentKind, OrderStatus, PositionSide, Side

LISTEN_KEY_EXPIRED = b'''{
  "e": "listenKeyExpired",
  "E": "1736996475556",
  "listenKey": "WsCMN0a4KHUPTQuX6IUnqEZfB1inxmv1qR4kbf1LuEjur5VdbzqvyxqG9TSjVVxv"
}'''

# The doc sample has a full-width comma after the first "P" object; a JSON comma stands in for it.
ACCOUNT_UPDATE = b'''{
  "e": "ACCOUNT_UPDATE", "E": 1564745798939, "T": 1564745798938 ,
  "a": {
      "m":"ORDER",
      "B":[
        {"a":"USDT", "wb":"122624.12345678", "cw":"100.12345678", "bc":"50.12345678"},
        {"a":"BUSD", "wb":"1.00000000", "cw":"0.00000000", "bc":"-49.12345678"}
      ],
      "P":[
        {"s":"BTCUSDT", "pa":"0", "ep":"0.00000", "bep":"0", "cr":"200", "up":"0", "mt":"isolated",
         "iw":"0.00000000", "ps":"BOTH"},
        {"s":"BTCUSDT", "pa":"20", "ep":"6563.66500", "bep":"0", "cr":"0", "up":"2850.21200", "mt":"isolated",
         "iw":"13200.70726908", "ps":"LONG"},
        {"s":"BTCUSDT", "pa":"-10", "ep":"6563.86000", "bep":"6563.6", "cr":"-45.04000000", "up":"-1423.15600",
         "mt":"isolated", "iw":"6570.42511771", "ps":"SHORT"}
      ]
    }
}'''

ORDER_TRADE_UPDATE = b'''{
  "e": "ORDER_TRADE_UPDATE", "E": 1568879465651, "T": 1568879465650,
  "o": {
    "s": "BTCUSDT", "c": "TEST", "S": "SELL", "o": "TRAILING_STOP_MARKET", "f": "GTC", "q": "0.001", "p": "0",
    "ap": "0", "sp": "7103.04", "x": "NEW", "X": "NEW", "i": 8886774, "l": "0", "z": "0", "L": "0",
    "N": "USDT", "n": "0", "T": 1568879465650, "t": 0, "b": "0", "a": "9.91", "m": false, "R": false,
    "wt": "CONTRACT_PRICE", "ot": "TRAILING_STOP_MARKET", "ps": "LONG", "cp": false, "AP": "7476.89",
    "cr": "5.0", "pP": false, "si": 0, "ss": 0, "rp": "0", "V": "EXPIRE_TAKER", "pm": "OPPONENT", "gtd": 0,
    "er": "0"
  }
}'''

TRADE_LITE = b'''{"e": "TRADE_LITE", "E": 1721895408092, "T": 1721895408214, "s": "BTCUSDT", "q": "0.001", "p": "0",
  "m": false, "c": "z8hcUoOsqEdKMeKPSABslD", "S": "BUY", "L": "64089.20", "l": "0.040", "t": 109100866,
  "i": 8886774}'''

ACCOUNT_CONFIG_UPDATE = b'''{"e": "ACCOUNT_CONFIG_UPDATE", "E": 1611646737479, "T": 1611646737476,
  "ac": {"s": "BTCUSDT", "l": 25}}'''

MARK_PRICE = b'''{"e": "markPriceUpdate", "E": 1562305380000, "s": "BTCUSDT", "p": "11794.15000000",
  "i": "11784.62659091", "P": "11784.25641265", "r": "0.00038167", "T": 1562306400000}'''

BOOK_TICKER = b'''{"e": "bookTicker", "u": 400900217, "E": 1568014460893, "T": 1568014460891, "s": "BNBUSDT",
  "b": "25.35190000", "B": "31.21000000", "a": "25.36520000", "A": "40.66000000"}'''

AGG_TRADE = b'''{"e": "aggTrade", "E": 123456789, "s": "BTCUSDT", "a": 5933014, "p": "0.001", "q": "100", "f": 100,
  "l": 105, "T": 123456785, "m": true}'''

DEPTH_UPDATE = b'''{"e": "depthUpdate", "E": 123456789, "T": 123456788, "s": "BTCUSDT", "U": 157, "u": 160,
  "pu": 149, "b": [["0.0024", "10"]], "a": [["0.0026", "100"]]}'''


def symbols() -> SymbolMap:
    m = SymbolMap("binance-usdm")
    for base in ("BTC", "BNB"):
        m.add(Instrument(symbol=f"{base}/USDT:USDT", venue_symbol=f"{base}USDT", venue="binance-usdm", base=base,
                         quote="USDT", settle="USDT", kind=InstrumentKind.SWAP, tick_size=D("0.1"),
                         lot_step=D("0.001"), min_qty=D("0.001")))
    return m


def test_listen_key_expired_with_string_event_time() -> None:
    event = parse(LISTEN_KEY_EXPIRED)
    assert isinstance(event, WsListenKeyExpired)
    assert event.event_time == 1736996475556
    assert event.listen_key.startswith("WsCMN0a4")


def test_account_update_balances_and_three_legs() -> None:
    event = parse(ACCOUNT_UPDATE)
    assert isinstance(event, WsAccountUpdate)
    updates = c.account_events(event, symbols())
    balances = [u for u in updates if not isinstance(u, PositionUpdate)]
    assert [(b.asset, b.wallet_balance, b.change) for b in balances] == [  # type: ignore[union-attr]
        ("USDT", D("122624.12345678"), D("50.12345678")), ("BUSD", D("1.00000000"), D("-49.12345678"))]
    legs = [(u.position.position_side, u.position.side, u.position.size, u.position.entry_price)
            for u in updates if isinstance(u, PositionUpdate)]
    assert legs == [(PositionSide.BOTH, Side.BUY, D(0), None),
                    (PositionSide.LONG, Side.BUY, D(20), D("6563.66500")),
                    (PositionSide.SHORT, Side.SELL, D(10), D("6563.86000"))]
    assert {u.version for u in updates} == {1564745798938}  # `T`: a later push with an older one is late


def test_order_trade_update_new_order() -> None:
    event = parse(ORDER_TRADE_UPDATE)
    assert isinstance(event, WsOrderTradeUpdate)
    updates = c.order_events(event, symbols())
    assert len(updates) == 1 and isinstance(updates[0], OrderUpdate)
    order = updates[0].order
    assert (order.id, order.client_order_id, order.symbol, order.side, order.status) == (
        "8886774", "TEST", "BTC/USDT:USDT", Side.SELL, OrderStatus.OPEN)
    assert (order.amount, order.trigger_price, order.price, order.updated_at) == (
        D("0.001"), D("7103.04"), None, 1568879465650)
    assert updates[0].exec_type is ExecType.NEW and updates[0].fill is None


def test_order_trade_update_trade_yields_fill_once() -> None:
    traded = ORDER_TRADE_UPDATE.replace(b'"x": "NEW", "X": "NEW"', b'"x": "TRADE", "X": "PARTIALLY_FILLED"')
    traded = traded.replace(b'"l": "0", "z": "0", "L": "0"', b'"l": "0.0005", "z": "0.0005", "L": "7100.5"')
    traded = traded.replace(b'"t": 0', b'"t": 4242').replace(b'"n": "0"', b'"n": "0.0014201"')
    event = parse(traded)
    assert isinstance(event, WsOrderTradeUpdate)
    fill_update, order_update = c.order_events(event, symbols())
    assert isinstance(fill_update, FillUpdate) and isinstance(order_update, OrderUpdate)
    assert order_update.fill == fill_update.fill
    fill = fill_update.fill
    assert (fill.id, fill.order_id, fill.price, fill.amount, fill.fee.cost if fill.fee else None) == (
        "4242", "8886774", D("7100.5"), D("0.0005"), D("0.0014201"))


def test_trade_lite_and_config_update_parse() -> None:
    lite = parse(TRADE_LITE)
    assert isinstance(lite, WsTradeLite)
    assert (lite.trade_id, lite.order_id, lite.last_price, lite.last_qty) == ("109100866", "8886774", D("64089.20"),
                                                                              D("0.040"))
    config = parse(ACCOUNT_CONFIG_UPDATE)
    assert isinstance(config, WsAccountConfigUpdate)
    assert config.leverage is not None and config.leverage.leverage == 25


def test_market_payloads() -> None:
    mark = parse(MARK_PRICE)
    assert isinstance(mark, WsMarkPrice)
    update = c.mark_price(mark, symbols())
    assert (update.mark_price, update.index_price, update.funding_rate, update.next_funding_time) == (
        D("11794.15000000"), D("11784.62659091"), D("0.00038167"), 1562306400000)
    ticker = parse(BOOK_TICKER)
    assert isinstance(ticker, WsBookTicker)
    bt = c.book_ticker(ticker, symbols())
    assert (bt.symbol, bt.bid_price, bt.ask_amount, bt.update_id) == ("BNB/USDT:USDT", D("25.35190000"),
                                                                      D("40.66000000"), 400900217)
    agg = parse(AGG_TRADE)
    assert isinstance(agg, WsAggTrade)
    trade = c.agg_trade(agg, symbols())
    assert (trade.id, trade.price, trade.amount, trade.side) == ("5933014", D("0.001"), D(100), Side.SELL)
    depth = parse(DEPTH_UPDATE)
    assert isinstance(depth, WsDepthUpdate)
    delta = c.depth_delta(depth)
    assert (delta.first_id, delta.last_id, delta.prev_id) == (157, 160, 149)
    assert delta.bids == ((D("0.0024"), D(10)),) and delta.asks == ((D("0.0026"), D(100)),)


def test_combined_wrapper_and_acks() -> None:
    wrapped = b'{"stream":"btcusdt@aggTrade","data":' + AGG_TRADE + b"}"
    assert isinstance(parse(wrapped), WsAggTrade)
    assert parse(b'{"result": null, "id": 1}') is None
