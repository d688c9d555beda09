# ruff: noqa: E501  (the examples are kept verbatim)
"""The CrossEx WebSocket examples of streams.md §C3–§C5 (GXWS, CrossEx WebSocket v1.0.0), copied verbatim."""

from __future__ import annotations

LOGIN_REQUEST = b'''{
	"time": 1754272114,
	"event": "login",
	"payload": {
		"method": "api_key",
		"api_key": "0d5245a5d8be8ac0e96ed8aaa47386cf",
		"sign": "568e694ebf998fc0e9a26ab26c8cb962d8649fd61fbfc61f068251ae8169f00066b3205bb2491c1625e111f18c4bf1e6bcf8d3fd519eaea8b7335edea960eee2"
	}
}'''

LOGIN_RESPONSE = b'''{
  "event": "login",
  "payload": {
    "conn_id": "644ff57f-add4-407a-97aa-b654c4ede839"
  },
  "result": {
    "code": "100000",
    "message": "success"
  },
  "time": 1756434168,
  "time_ms": 1756434168928
}'''

ORDER = b'''{
  "channel": "order",
  "event": "update",
  "payload": {
    "attribute": "COMMON",
    "business_type": "FUTURE",
    "create_time": "1756434169096",
    "exchange_type": "OKX",
    "executed_amount": "0",
    "executed_avg_price": "0",
    "executed_qty": "0",
    "fee": "0",
    "fee_coin": "",
    "last_executed_amount": "0",
    "last_executed_price": "0",
    "last_executed_qty": "0",
    "leverage": "3",
    "order_id": "2072652940337152",
    "position_side": "NONE",
    "price": "0.8499",
    "qty": "10",
    "quote_qty": "0",
    "reason": "{\\"label\\":\\"TRADE_INSUFFICIENT_AVAILABLE_MARGIN_ERROR\\",\\"message\\":\\"Insufficient availableMargin\\"}",
    "reduce_only": "false",
    "side": "BUY",
    "state": "FAIL",
    "symbol": "OKX_FUTURE_ADA_USDT",
    "text": "2072652940337152",
    "time_in_force": "GTC",
    "type": "MARKET",
    "update_time": "1756434169098",
    "user_id": "2124485957"
  },
  "result": {
    "code": "100000",
    "message": "success"
  },
  "time": 1756434168,
  "time_ms": 1756434168968
}'''

USERTRADES = b'''{
  "channel": "usertrades",
  "event": "update",
  "payload": {
    "user_id": "2124492766",
    "transaction_id": "2072784922594048",
    "order_id": "2072784922592768",
    "text": "2072784922592768",
    "symbol": "GATE_SPOT_ADA_USDT",
    "exchange_type": "GATE",
    "business_type": "SPOT",
    "side": "BUY",
    "qty": "13.36",
    "price": "0.8228",
    "fee": "0.004008000000000000",
    "fee_coin": "ADA",
    "fee_rate": "0.0003",
    "match_role": "TAKER",
    "rpnl": "0",
    "position_mode": "SINGLE",
    "position_side": "",
    "create_time": "1756465636528"
  },
  "result": {
    "code": "100000",
    "message": "success"
  },
  "time": 1756434168,
  "time_ms": 1756434168984
}'''

POSITION = b'''{
	"channel": "position",
	"event": "update",
	"payload": {
		"create_time": "1756434169096",
		"entry_price": "0",
		"fee": "0",
		"funding_fee": "0",
		"funding_time": "0",
		"initial_margin": "0",
		"leverage": "3",
		"maintenance_margin": "0",
		"mark_price": "0.8499",
		"max_leverage": "20",
		"position_id": "20087051449819136",
		"position_qty": "0",
		"position_side": "NONE",
		"position_value": "0",
		"risk_limit": "1",
		"symbol": "OKX_FUTURE_ADA_USDT",
		"update_time": "1756434169098",
		"upnl": "0",
		"upnl_rate": "0",
		"user_id": "2124485957",
		"closed_pnl": "12"
	},
	"result": {
		"code": "100000",
		"message": "success"
	},
	"time": 1756434168,
	"time_ms": 1756434168984
}'''

ASSET = b'''{
  "channel": "asset",
  "event": "update",
  "payload": {
    "available_balance": "9940.013209",
    "balance": "9967.013209",
    "coin": "USDT",
    "equity": "9967.013209",
    "exchange_type": "CROSSEX",
    "futures_initial_margin": "1.236",
    "futures_maintenance_margin": "0",
    "borrowing_initial_margin": "0",
    "borrowing_maintenance_margin": "0",
    "price": "1",
    "upnl": "0",
    "user_id": "2124492766"
  },
  "result": {
    "code": "100000",
    "message": "success"
  },
  "time": 1756465636,
  "time_ms": 1756465636463
}'''

SUBSCRIBE_ACK = (b'{"channel": "usertrades", "event": "subscribe", "payload": ["OKX_FUTURE_ADA_USDT"], "result": '
                 b'{"code": "100000", "message": "success"}, "time": 1756434168, "time_ms": 1756434168928}')

MARK_PRICE = b'''{
   "time": 1771990349,
   "channel": "mark_price",
   "event": "update",
   "result": {
      "s": "BINANCE_FUTURE_BTC_USDT",
      "mp": "65566.30000000"
   },
   "time_ms": 1771990349113
}'''

FUNDING_RATE = b'''{
  "time": 1773382659,
  "channel": "funding_rate",
  "event": "update",
  "result": {
    "s": "BINANCE_FUTURE_BTC_USDT",
    "r": "0.00002534",
    "T": 1773388800000
  },
  "time_ms": 1773382659999
}'''

TRADE = b'''{
  "time": 1770709567,
  "channel": "trade",
  "event": "update",
  "result": {
    "s": "BTCUSDT",
    "i": "18473628192",
    "p": "67250.12",
    "q": "0.015",
    "S": "BUY",
    "ts": 1710001234567,
    "m": false
  },
  "time_ms": 1770709567032
}'''

ORDER_BOOK_UPDATE = b'''{
   "time": 1771991193,
   "channel": "order_book_update",
   "event": "update",
   "result": {
      "snapshot": false,
      "ts": 1771991193314,
      "s": "BINANCE_FUTURE_BTC_USDT",
      "U": 88686516370,
      "u": 88686516769,
      "a": [
         [
            "65475.36000000",
            "0.00000000"
         ],
         [
            "65475.37000000",
            "0.00000000"
         ]
      ],
      "b": [
         [
            "65479.75000000",
            "0.96961000"
         ],
         [
            "65478.71000000",
            "0.03395000"
         ]
      ]
   },
   "time_ms": 1771991193344
}'''
