"""CrossEx stream payloads from the documentation (streams.md §C3–§C5) parse into typed frames and the shared
update types exactly; the login message is signed as documented."""

from __future__ import annotations

import hashlib
import hmac
import json
from decimal import Decimal as D

import pytest

from venuekit.connectors.gate_crossex import mapping
from venuekit.connectors.gate_crossex.enums import order_status
from venuekit.connectors.gate_crossex.streams import Unified, login_request, parse, sign, sign_payload
from venuekit.connectors.gate_crossex.streams import convert as c
from venuekit.connectors.gate_crossex.streams.login import ws_error
from venuekit.connectors.gate_crossex.streams.models import (
    WsAck,
    WsAssetPush,
    WsBookUpdatePush,
    WsError,
    WsFundingRatePush,
    WsLogin,
    WsMarkPricePush,
    WsOrderPush,
    WsPositionPush,
    WsTradePublic,
    WsTradePush,
)
from venuekit.core import Credentials
from venuekit.core.errors import AuthenticationError, InvalidRequest, RateLimited
from venuekit.core.streams import ExecType, FillUpdate, OrderUpdate, PositionUpdate
from venuekit.core.symbols import SymbolMap
from venuekit.core.types import LiquidityRole, OrderStatus, OrderType, PositionSide, Side

from .gate_stream_docs import (
    ASSET,
    FUNDING_RATE,
    LOGIN_REQUEST,
    LOGIN_RESPONSE,
    MARK_PRICE,
    ORDER,
    ORDER_BOOK_UPDATE,
    POSITION,
    SUBSCRIBE_ACK,
    TRADE,
    USERTRADES,
)

UNIFIED = Unified(lambda: SymbolMap("gate-crossex"))


def test_login_sign_follows_the_documented_string() -> None:
    doc = json.loads(LOGIN_REQUEST)
    assert sign_payload("", "login", doc["time"]) == "channel=&event=login&time=1754272114"
    want = hmac.new(b"my-secret", b"channel=&event=login&time=1754272114", hashlib.sha512).hexdigest()
    assert sign("my-secret", "", "login", 1754272114) == want
    assert len(want) == len(doc["payload"]["sign"]) == 128


def test_login_request_has_the_documented_shape() -> None:
    doc = json.loads(LOGIN_REQUEST)
    ours = json.loads(login_request(Credentials.of(doc["payload"]["api_key"], "my-secret"), doc["time"]))
    assert ours.keys() == doc.keys() and ours["payload"].keys() == doc["payload"].keys()
    assert (ours["time"], ours["event"], ours["payload"]["method"], ours["payload"]["api_key"]) == (
        1754272114, "login", "api_key", "0d5245a5d8be8ac0e96ed8aaa47386cf")
    assert "my-secret" not in login_request(Credentials.of("k", "my-secret"), 1)


def test_login_reply_and_subscribe_ack() -> None:
    login = parse(LOGIN_RESPONSE)
    assert isinstance(login, WsLogin)
    assert login.payload.conn_id == "644ff57f-add4-407a-97aa-b654c4ede839"
    assert login.result is not None and login.result.code == "100000" and login.stamp == 1756434168928
    ack = parse(SUBSCRIBE_ACK)
    assert isinstance(ack, WsAck)
    assert (ack.channel, ack.event, ack.payload) == ("usertrades", "subscribe", ["OKX_FUTURE_ADA_USDT"])


def test_error_frames_map_to_shared_errors() -> None:
    frame = parse(b'{"time": 1, "channel": "", "event": "login", "error": {"code": 100006, "message": "Login failed"}}')
    assert isinstance(frame, WsError)
    assert (frame.code, frame.message) == ("100006", "Login failed")
    err = ws_error(frame.code, frame.message, "login")
    assert isinstance(err, AuthenticationError) and err.code == "100006" and "Login failed" in str(err)
    assert isinstance(ws_error("100002", "Not logged in", "subscribe"), AuthenticationError)
    assert isinstance(ws_error("100001", "Parameter missing or invalid", "subscribe"), InvalidRequest)
    assert isinstance(ws_error("100003", "Connection limit reached", "login"), RateLimited)


def test_rejected_order_push() -> None:
    push = parse(ORDER)
    assert isinstance(push, WsOrderPush)
    assert json.loads(push.payload.reason or "")["label"] == "TRADE_INSUFFICIENT_AVAILABLE_MARGIN_ERROR"
    (update,) = c.order_events(push, UNIFIED)
    assert isinstance(update, OrderUpdate)
    order = update.order
    assert (order.id, order.client_order_id, order.symbol, order.side, order.type) == (
        "2072652940337152", "2072652940337152", "ADA/USDT:USDT@OKX", Side.BUY, OrderType.MARKET)
    assert (order.amount, order.price, order.filled, order.status) == (D(10), D("0.8499"), D(0), OrderStatus.REJECTED)
    assert (order.position_side, order.updated_at, update.exec_type) == (PositionSide.BOTH, 1756434169098,
                                                                         ExecType.REJECTED)


def test_fail_is_a_rejected_order_state_wherever_it_is_read() -> None:
    """`FAIL` (the order push example's state) is in the venue's state table, so REST reads map it too."""
    assert order_status("FAIL") is OrderStatus.REJECTED and order_status("fail") is OrderStatus.REJECTED
    push = parse(ORDER)
    assert isinstance(push, WsOrderPush)
    assert mapping.order(push.payload, UNIFIED).status is OrderStatus.REJECTED


def test_usertrades_push_is_one_fill() -> None:
    push = parse(USERTRADES)
    assert isinstance(push, WsTradePush)
    (update,) = c.fill_events(push, UNIFIED)
    assert isinstance(update, FillUpdate)
    fill = update.fill
    assert (fill.id, fill.order_id, fill.symbol, fill.side, fill.role) == (
        "2072784922594048", "2072784922592768", "ADA/USDT@GATE", Side.BUY, LiquidityRole.TAKER)
    assert (fill.price, fill.amount, fill.realized_pnl, fill.timestamp) == (D("0.8228"), D("13.36"), D(0),
                                                                            1756465636528)
    assert fill.fee is not None and (fill.fee.cost, fill.fee.currency) == (D("0.004008000000000000"), "ADA")


def test_flat_position_push() -> None:
    push = parse(POSITION)
    assert isinstance(push, WsPositionPush)
    (update,) = c.position_events(push, UNIFIED)
    assert isinstance(update, PositionUpdate)
    pos = update.position
    assert (pos.symbol, pos.size, pos.position_side, pos.entry_price) == ("ADA/USDT:USDT@OKX", D(0),
                                                                          PositionSide.BOTH, None)
    assert update.timestamp == update.version == 1756434169098  # the leg's `update_time`


def test_open_position_push_uses_the_documented_fields() -> None:
    opened = POSITION.replace(b'"position_qty": "0"', b'"position_qty": "20"')
    opened = opened.replace(b'"entry_price": "0"', b'"entry_price": "0.8412"')
    opened = opened.replace(b'"position_side": "NONE"', b'"position_side": "SHORT"')
    push = parse(opened)
    assert isinstance(push, WsPositionPush)
    pos = c.position_events(push, UNIFIED)[0].position  # type: ignore[union-attr]
    assert (pos.side, pos.position_side, pos.size, pos.entry_price, pos.realized_pnl, pos.leverage) == (
        Side.SELL, PositionSide.SHORT, D(20), D("0.8412"), D(12), D(3))


def test_asset_push_is_a_balance() -> None:
    push = parse(ASSET)
    assert isinstance(push, WsAssetPush)
    (update,) = c.balance_events(push)
    assert (update.asset, update.wallet_balance, update.available, update.timestamp) == (  # type: ignore[union-attr]
        "USDT", D("9967.013209"), D("9940.013209"), 1756465636463)
    assert update.version == 1756465636463  # type: ignore[union-attr]  # no update time on an asset: the frame's
    isolated = parse(ASSET.replace(b'"CROSSEX"', b'"OKX"'))
    assert isinstance(isolated, WsAssetPush)
    assert c.balance_events(isolated)[0].asset == "USDT@OKX"  # type: ignore[union-attr]


def test_mark_price_joins_the_funding_push() -> None:
    funding = parse(FUNDING_RATE)
    mark = parse(MARK_PRICE)
    assert isinstance(funding, WsFundingRatePush) and isinstance(mark, WsMarkPricePush)
    update = c.mark_price(mark, funding.result, "BTC/USDT:USDT@BINANCE")
    assert (update.mark_price, update.funding_rate, update.next_funding_time, update.timestamp) == (
        D("65566.30000000"), D("0.00002534"), 1773388800000, 1771990349113)


def test_public_trade_and_book_update() -> None:
    trade = parse(TRADE)
    assert isinstance(trade, WsTradePublic)
    update = c.trade(trade, "BTC/USDT:USDT@BINANCE")
    assert (update.id, update.price, update.amount, update.side, update.timestamp) == (
        "18473628192", D("67250.12"), D("0.015"), Side.BUY, 1710001234567)
    book = parse(ORDER_BOOK_UPDATE)
    assert isinstance(book, WsBookUpdatePush)
    delta = c.book_delta(book, "BINANCE_FUTURE_BTC_USDT")
    assert (delta.first_id, delta.last_id, delta.snapshot, delta.timestamp) == (88686516370, 88686516769, False,
                                                                               1771991193314)
    assert delta.asks == ((D("65475.36"), D(0)), (D("65475.37"), D(0)))
    assert delta.bids == ((D("65479.75"), D("0.96961")), (D("65478.71"), D("0.03395")))


@pytest.mark.parametrize("frame", [b'{"foo": 1}', b"not json at all"])
def test_non_frames_parse_to_none(frame: bytes) -> None:
    assert parse(frame) is None
