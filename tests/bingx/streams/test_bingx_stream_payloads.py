# ruff: noqa: E501
"""BingX swap stream payloads from the documents parse exactly, gzipped or not, and convert to the shared types.

The payloads are copied from /work/shared/reference/streams.md §A3/§A4 with their `//` comments (`strip` in conftest removes
them). The 2023 ORDER_TRADE_UPDATE sample lacks the comma after its `rp` line; one is inserted.
"""

from __future__ import annotations

import gzip
from decimal import Decimal as D

from venuekit.connectors.bingx.streams import FillTracker, Ping, UnknownMessage, parse, unzip
from venuekit.connectors.bingx.streams import convert as c
from venuekit.connectors.bingx.streams.models import (
    WsAccountConfigUpdate,
    WsAccountUpdate,
    WsListenKeyExpired,
    WsOrderTradeUpdate,
    WsReply,
)
from venuekit.core.streams import ExecType, FillUpdate, OrderUpdate, PositionUpdate
from venuekit.core.types import MarginMode, OrderStatus, OrderType, PositionSide, Side

from .conftest import SYMBOLS, gz, strip

LISTEN_KEY_EXPIRED = b'''{
    "e":"listenKeyExpired", // event type
    "E":1676964520421, // event time
    "listenKey":"53c1067059c5401e216ec0562f4e9741f49c3c18239a743653d844a50c4db6c0" // invalid listenKey
}'''

ACCOUNT_UPDATE = b'''{
    "e": "ACCOUNT_UPDATE", //event type
    "E":1676603102163, //event time
    "T":1676603102163,
    "a":{ // account update event
        "m":"ORDER", // event launch reason
        "B":[ // balance information
            {
                "a":"USDT", // asset name
                "wb":"5277.59264687", // wallet balance
                "cw":"5233.21709203", // Wallet balance excluding isolated margin
                "bc":"0" // wallet balance change amount
            }
        ],
        "P":[
            {
                "s":"LINK-USDT", // trading pair
                "pa":"108.84300000", // position
                "ep":"7.25620000", // entry price
                "up": "1.42220000", // unrealized profit and loss of positions
                "mt":"isolated", // margin mode
                "iw": "23.19081642", // If it is an isolated position, the position margin
                "ps":"SHORT" // position direction
            }
        ]
    }
}'''

ACCOUNT_UPDATE_LIVE = b'''{
    "e":"ACCOUNT_UPDATE",
    "E":1696244249320,
    "a":{
       "m":"WITHDRAW",
       "B":[
          {
             "a":"USDT",
             "wb":"49.81083984",
             "cw":"49.81083984",
             "bc":"-1.00000000"
          }
       ],
       "P":[
       ]
    }
}'''

ORDER_TRADE_UPDATE = b'''{
    "e":"ORDER_TRADE_UPDATE", // event type
    "E":1676973375161, // event time
    "o": { //
        "s":"LINK-USDT", // trading pair
        "c":"", // client custom order ID
        "i":1627970445070303232, // Order ID
        "S":"SELL", // order direction
        "o":"MARKET", // order type
        "q":"5.00000000", // order quantity
        "p":"7.82700000", // order price
        "ap":"7.82690000", // order average price
        "x":"TRADE", // The specific execution type of this event
        "X":"FILLED", // current status of the order
        "N":"USDT", // Fee asset type
        "n":"-0.01369708", // handling fee
        "T":1676973375149, // transaction time
        "wt": "MARK_PRICE", // trigger price type: MARK_PRICE mark price, CONTRACT_PRICE latest price, INDEX_PRICE index price
        "ps":"SHORT", // Position direction: LONG or SHORT
        "rp":"0.00000000", // The transaction achieves profit and loss
        "z": "0.00000000" // Order Filled Accumulated Quantity
    }
}'''

ORDER_TRADE_UPDATE_LIVE = b'''{
   "e": "ORDER_TRADE_UPDATE",
   "E": 1696843635475,
   "o": {
      "s": "LTC-USDT",
      "c": "",
      "i": "1711312357852147712",
      "S": "BUY",
      "o": "MARKET",
      "q": "0.10000000",
      "p": "64.35010000",
      "ap": "64.36000000",
      "x": "TRADE",
      "X": "FILLED",
      "N": "USDT",
      "n": "-0.00321800",
      "T": 0,
      "wt": "MARK_PRICE",
      "ps": "LONG",
      "rp": "0.00000000",
      "z": "0.10000000"
   }
}'''

ACCOUNT_CONFIG_UPDATE = b'''{
    "e":"ACCOUNT_CONFIG_UPDATE", // event type
    "E":1676878489992, // event time
    "ac":{
        "s": "BTC-USDT", // trading pair
        "l":12, // long position leverage
        "S":9, // long position leverage
        "mt":"cross" // margin mode
    }
}'''


def test_frames_are_gunzipped_and_text_frames_parse_as_is() -> None:
    assert unzip(gz(LISTEN_KEY_EXPIRED)) == strip(LISTEN_KEY_EXPIRED)
    assert unzip(strip(LISTEN_KEY_EXPIRED).decode()) == strip(LISTEN_KEY_EXPIRED)
    assert parse(gz(LISTEN_KEY_EXPIRED)) == parse(strip(LISTEN_KEY_EXPIRED).decode())


def test_ping_is_answered_with_pong_in_both_forms() -> None:
    assert parse(gzip.compress(b"Ping")) == Ping("Pong")
    assert parse("Ping") == Ping("Pong")
    spot = b'{"ping":"2177c68e4d0e45679965f482929b59c2","time":"2022-06-07T16:27:36.323+0800"}'
    ping = parse(gzip.compress(spot))
    assert isinstance(ping, Ping)
    assert ping.reply == '{"pong":"2177c68e4d0e45679965f482929b59c2","time":"2022-06-07T16:27:36.323+0800"}'


def test_subscription_acks_in_their_three_shapes_and_error_frames() -> None:
    acks = [b'{ "id": "id1", "code": 0, "msg": "" }',
            b'{"id": "id1", "code": 0, "msg": "", "dataType": "", "data": null}',
            b'{"code": 0, "id": "b6ed9cb4-f3d0-4641-ac3f-f59eb47a3abd", "msg": "SUCCESS", "timestamp": 1759225965363}',
            b'{ "id": "|1|", "code": 0, "msg": "" }']
    for ack in acks:
        reply = parse(gzip.compress(ack))
        assert isinstance(reply, WsReply) and reply.ok
    error = parse(gzip.compress(b"{ \"code\": 100400, \"msg\": \"\", \"timestamp\": 1696245808833 }"))
    assert isinstance(error, WsReply) and not error.ok and error.code == 100400


def test_listen_key_expired() -> None:
    event = parse(gz(LISTEN_KEY_EXPIRED))
    assert isinstance(event, WsListenKeyExpired)
    assert event.event_time == 1676964520421
    assert event.listen_key == "53c1067059c5401e216ec0562f4e9741f49c3c18239a743653d844a50c4db6c0"


def test_account_update_sample_with_an_isolated_short_leg() -> None:
    event = parse(gz(ACCOUNT_UPDATE))
    assert isinstance(event, WsAccountUpdate)
    balance, position = c.account_events(event, SYMBOLS, hedge=True)
    assert balance.model_dump(include={"asset", "wallet_balance", "cross_wallet_balance", "change", "reason",
                                       "timestamp"}) == {
        "asset": "USDT", "wallet_balance": D("5277.59264687"), "cross_wallet_balance": D("5233.21709203"),
        "change": D("0"), "reason": "ORDER", "timestamp": 1676603102163}
    assert isinstance(position, PositionUpdate)
    p = position.position
    assert (p.symbol, p.side, p.position_side, p.size) == ("LINK/USDT:USDT", Side.SELL, PositionSide.SHORT,
                                                         D("108.843"))
    assert (p.entry_price, p.unrealized_pnl, p.margin_mode, p.margin) == (D("7.2562"), D("1.4222"),
                                                                         MarginMode.ISOLATED, D("23.19081642"))
    assert balance.version == position.version == 1676603102163
    one_way = c.account_events(event, SYMBOLS, hedge=False)[1]
    assert isinstance(one_way, PositionUpdate)
    assert (one_way.position.position_side, one_way.position.side) == (PositionSide.BOTH, Side.SELL)


def test_account_update_live_recording_without_transaction_time() -> None:
    event = parse(gz(ACCOUNT_UPDATE_LIVE))
    assert isinstance(event, WsAccountUpdate)
    (balance,) = c.account_events(event, SYMBOLS, hedge=True)
    assert (balance.reason, balance.change, balance.wallet_balance, balance.timestamp, balance.version) == (
        "WITHDRAW", D("-1.00000000"), D("49.81083984"), 1696244249320, 1696244249320)


def test_order_trade_update_sample_keeps_the_19_digit_id() -> None:
    event = parse(gz(ORDER_TRADE_UPDATE))
    assert isinstance(event, WsOrderTradeUpdate)
    o = event.order
    assert o.order_id == "1627970445070303232"
    assert (o.avg_price, o.fee, o.filled_qty, o.trade_time) == (D("7.8269"), D("-0.01369708"), D(0), 1676973375149)
    events = c.order_events(event, SYMBOLS, FillTracker())
    # The sample says FILLED with `z` 0: no quantity was reported filled, so no fill can be derived.
    (update,) = events
    assert isinstance(update, OrderUpdate)
    assert (update.exec_type, update.order.status, update.order.type) == (ExecType.TRADE, OrderStatus.CLOSED,
                                                                        OrderType.MARKET)
    assert (update.order.side, update.order.position_side, update.order.amount) == (Side.SELL, PositionSide.SHORT,
                                                                                  D(5))
    assert update.order.fee is not None and update.order.fee.cost == D("0.01369708")
    assert update.timestamp == 1676973375149


def test_order_trade_update_live_recording_yields_one_fill() -> None:
    event = parse(gz(ORDER_TRADE_UPDATE_LIVE))
    assert isinstance(event, WsOrderTradeUpdate)
    fill_update, order_update = c.order_events(event, SYMBOLS, FillTracker())
    assert isinstance(fill_update, FillUpdate) and isinstance(order_update, OrderUpdate)
    f = fill_update.fill
    assert (f.id, f.order_id, f.symbol, f.side) == ("1711312357852147712:0.1", "1711312357852147712",
                                                     "LTC/USDT:USDT", Side.BUY)
    assert (f.price, f.amount, f.position_side) == (D("64.36"), D("0.1"), PositionSide.LONG)
    assert f.fee is not None and (f.fee.cost, f.fee.currency) == (D("0.00321800"), "USDT")
    assert f.timestamp == 1696843635475  # "T": 0 means no time: the event time is used
    assert (order_update.order.status, order_update.order.filled, order_update.fill) == (
        OrderStatus.CLOSED, D("0.1"), f)


def test_partial_fills_are_the_steps_between_cumulative_pushes() -> None:
    tracker = FillTracker()
    first = strip(ORDER_TRADE_UPDATE_LIVE).replace(b'"X": "FILLED"', b'"X": "PARTIALLY_FILLED"')
    first = first.replace(b'"z": "0.10000000"', b'"z": "0.04000000"').replace(b'"n": "-0.00321800"',
                                                                             b'"n": "-0.00128720"')
    first = first.replace(b'"ap": "64.36000000"', b'"ap": "64.30000000"')
    e1 = parse(first)
    e2 = parse(gz(ORDER_TRADE_UPDATE_LIVE))
    assert isinstance(e1, WsOrderTradeUpdate) and isinstance(e2, WsOrderTradeUpdate)
    f1 = c.order_events(e1, SYMBOLS, tracker)[0]
    f2 = c.order_events(e2, SYMBOLS, tracker)[0]
    assert isinstance(f1, FillUpdate) and isinstance(f2, FillUpdate)
    assert (f1.fill.id, f1.fill.amount, f1.fill.price) == ("1711312357852147712:0.04", D("0.04"), D("64.30"))
    # 0.1 @ 64.36 = 6.436 in all; minus 0.04 @ 64.30 = 2.572 leaves 3.864 for 0.06, i.e. 64.40
    assert (f2.fill.id, f2.fill.amount, f2.fill.price) == ("1711312357852147712:0.1", D("0.06"), D("64.40"))
    assert f2.fill.fee is not None and f2.fill.fee.cost == D("0.00193080")
    assert c.order_events(e2, SYMBOLS, tracker)[0].fill is None  # type: ignore[union-attr]


def test_account_config_update_is_parsed() -> None:
    event = parse(gz(ACCOUNT_CONFIG_UPDATE))
    assert isinstance(event, WsAccountConfigUpdate)
    assert (event.config.symbol, event.config.long_leverage, event.config.short_leverage,
            event.config.margin_type) == ("BTC-USDT", 12, 9, "cross")


def test_snapshot_push_is_kept_but_not_converted() -> None:
    message = parse(gzip.compress(b'{"e":"SNAPSHOT","E":1,"a":{"m":"SNAPSHOT","B":[],"P":[]}}'))
    assert isinstance(message, UnknownMessage) and message.name == "SNAPSHOT"
