# ruff: noqa: E501
"""BingX market pushes from the documents (streams.md §A5/§A6, copied with their `//` comments) parse exactly
and convert to the shared types."""

from __future__ import annotations

from decimal import Decimal as D

from venuekit.connectors.bingx.streams import convert as c
from venuekit.connectors.bingx.streams import parse
from venuekit.connectors.bingx.streams.models import (
    BookTickerFrame,
    DepthFrame,
    IncrDepthFrame,
    MarkPriceFrame,
    TradeFrame,
)
from venuekit.core.types import Side

from .conftest import SYMBOLS, gz, strip

MARK_PRICE = b'''{
  "code": 0,  // Error code, 0 for normal, 1 for error
  "dataType": "BTC-USDT@markPrice",  // Subscribed data type, for example BTC-USDT@ticker
  "data": {
      "e": "markPriceUpdate",  // Event type
      "E": 1760001628357,  // Event time
      "s": "BTC-USDT",  // Trading pair, for example: BTC-USDT
      "p": "121570.0"  // Last Price
    }  // Push content
}'''

BOOK_TICKER = b'''{
  "code": 0,  // Error code, 0 for normal, 1 for error
  "dataType": "BTC-USDT@bookTicker",  // Subscribed data type, for example BTC-USDT@bookTicker
  "data": {
      "e": "bookTicker",  // Event type
      "u": 578534658,  // Update ID
      "E": 1760001840686,  // Event push time
      "T": 1760001840687,  // Match time
      "s": "BTC-USDT",  // Trading pair, for example: BTC-USDT
      "b": "121584.1",  // Best bid price for buy orders
      "B": "18.7084",  // Best bid quantity for buy orders
      "a": "121584.3",  // Best ask price for sell orders
      "A": "4.9602"  // Best ask price for sell orders
    }  // Push content
}'''

BOOK_TICKER_RECORDED = b'''{"code":0,"dataType":"ETH-USDT@bookTicker","data":{"e":"bookTicker","u":309869207,"E":1714650946618,"T":1714650946596,"s":"ETH-USDT","b":"2993.59","B":"13.24","a":"2993.67","A":"9.78"}}'''

TRADES = b'''{
  "code": 0,  // Error code, 0 for normal, 1 for error
  "dataType": "BTC-USDT@trade",  // Subscribed data type, e.g., BTC-USDT@trade
  "data": [
      {
        "q": "0.0162",  // Volume quantity
        "p": "121934.9",  // price
        "T": 1759994162450,  // Trade time
        "m": false,  // Whether the buyer is a market maker. If true, this trade is a passive sell order; otherwise, it is a passive buy order.
        "s": "BTC-USDT"  // Trading pair
      },
      {
        "q": "0.0551",  // Volume quantity
        "p": "121926.9",  // price
        "T": 1759994162450,  // Trade time
        "m": true,  // Whether the buyer is a market maker. If true, this trade is a passive sell order; otherwise, it is a passive buy order.
        "s": "BTC-USDT"  // Trading pair
      }
    ]  // Push content
}'''

PARTIAL_DEPTH = b'''{
  "code": 0,  // Error code. 0 indicates success, 1 indicates an error.
  "dataType": "BTC-USDT@depth5@500ms",  // Subscribed data type, for example: BTC-USDT@trade.
  "ts": 1759996742928,
  "data": {
      "bids": [["121825.7","7.7622"],["121825.6","0.0060"],["121825.4","0.1234"],["121825.2","0.0021"],["121825.0","0.0023"]],
      "asks": [["121827.3","0.0025"],["121827.1","0.0010"],["121826.5","0.0028"],["121826.1","0.0143"],["121825.9","9.2345"]]
    }  // Pushed data content.
}'''

INCR_DEPTH = b'''{
  "code": 0,  // Error code, 0 for normal, non-zero for error
  "dataType": "BTC-USDT@incrDepth",  // Subscribed data type, for example BTC-USDT@incrDepth
  "data": {
      "action": "update",  // Depth update type: all for full snapshot, update for incremental
      "lastUpdateId": 393592635,  // Change ID, a continuously increasing long integer describing the continuity between incremental depth updates
      "time": 1760002514979,  // Depth update time in milliseconds
      "bids": [["121706.6","16.8741"],["121706.5","1.1466"],["121706.4","0.0079"],["121706.2","0.1190"],["121706.0","0.0405"],["121705.6","0.0022"],["121705.3","0.0447"],["121705.2","0.1520"],["121704.0","0.0071"],["121703.8","0.3957"],["121698.4","1.2145"],["121697.2","1.5386"],["121678.9","2.1586"],["121678.5","0.0000"],["121668.0","3.4117"],["121667.9","0.0000"]],  // Changed bid depth entries, each element is [price, quantity]
      "asks": [["122539.8","0.0002"],["122006.8","0.0000"],["122005.9","37.5215"],["121938.5","0.0000"],["121937.7","41.5480"],["121928.0","30.5472"],["121814.5","0.0001"],["121808.7","23.5113"],["121740.1","0.0000"],["121739.3","1.9374"],["121737.7","0.0000"],["121736.9","1.6937"],["121732.9","0.0001"],["121732.0","5.6568"],["121731.0","0.0000"],["121730.8","2.6757"],["121728.6","0.0000"],["121728.4","2.7471"],["121717.6","0.0000"],["121717.4","2.9621"],["121716.4","0.0000"],["121716.2","2.3870"],["121715.2","0.0000"],["121715.0","0.2549"],["121714.6","0.0000"],["121713.8","0.3252"],["121711.5","0.0000"],["121710.9","0.0113"],["121709.4","0.0038"],["121708.7","0.0054"],["121708.0","0.0021"],["121707.6","0.0081"],["121707.3","0.0077"],["121706.9","0.0042"],["121706.8","4.7697"]]  // Changed ask depth entries, each element is [price, quantity]
    }  // Push content, containing detailed depth update information
}'''



def test_mark_price() -> None:
    frame = parse(gz(MARK_PRICE))
    assert isinstance(frame, MarkPriceFrame)
    update = c.mark_price(frame.data, SYMBOLS)
    assert (update.symbol, update.mark_price, update.timestamp) == ("BTC/USDT:USDT", D("121570.0"), 1760001628357)
    assert update.funding_rate is None and update.index_price is None


def test_book_ticker_documented_and_recorded() -> None:
    frame = parse(gz(BOOK_TICKER))
    assert isinstance(frame, BookTickerFrame)
    t = c.book_ticker(frame.data, SYMBOLS)
    assert (t.bid_price, t.bid_amount, t.ask_price, t.ask_amount, t.update_id, t.timestamp) == (
        D("121584.1"), D("18.7084"), D("121584.3"), D("4.9602"), 578534658, 1760001840687)
    recorded = parse(gz(BOOK_TICKER_RECORDED))
    assert isinstance(recorded, BookTickerFrame)
    assert (recorded.data.symbol, recorded.data.ask_price) == ("ETH-USDT", D("2993.67"))


def test_trades_array_and_the_older_object_form() -> None:
    frame = parse(gz(TRADES))
    assert isinstance(frame, TradeFrame)
    first, second = (c.trade(t, SYMBOLS) for t in frame.data)
    assert (first.price, first.amount, first.side, first.timestamp) == (D("121934.9"), D("0.0162"), Side.BUY,
                                                                        1759994162450)
    assert (second.price, second.amount, second.side) == (D("121926.9"), D("0.0551"), Side.SELL)
    assert first.id != second.id
    one = strip(TRADES).replace(b'"data": [', b'"data": ').rsplit(b",", 1)[0].rsplit(b"},", 1)[0] + b"}}"
    single = parse(one)
    assert isinstance(single, TradeFrame) and len(single.data) == 1 and single.data[0].price == D("121934.9")


def test_partial_depth_asks_come_highest_first() -> None:
    frame = parse(gz(PARTIAL_DEPTH))
    assert isinstance(frame, DepthFrame)
    assert frame.ts == 1759996742928
    assert frame.data.asks[0] == (D("121827.3"), D("0.0025")) and frame.data.bids[0][0] == D("121825.7")


def test_incremental_depth_update() -> None:
    frame = parse(gz(INCR_DEPTH))
    assert isinstance(frame, IncrDepthFrame)
    delta = c.depth_delta("BTC-USDT", frame.data)
    assert (delta.snapshot, delta.last_id, delta.first_id, delta.timestamp) == (False, 393592635, None,
                                                                               1760002514979)
    assert len(delta.bids) == 16 and len(delta.asks) == 35
    assert delta.bids[13] == (D("121678.5"), D(0)) and delta.asks[-1] == (D("121706.8"), D("4.7697"))
    snapshot = c.depth_delta("BTC-USDT", parse(strip(INCR_DEPTH).replace(b'"update"', b'"all"')).data)  # type: ignore[union-attr]
    assert snapshot.snapshot

