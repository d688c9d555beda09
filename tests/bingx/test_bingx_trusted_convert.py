"""The BingX converters build their shared types with `trusted(...)`: on the documents' example objects the
results equal what the validating constructors build, and survive a dump → validate round trip."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from bingx_cases import CASES, ORDER_4_3, PLACED, POSITION
from pydantic import BaseModel, TypeAdapter
from trusted_checks import REST_BUILDERS, assert_same_objects, assert_survive_revalidation, validated

from venuekit.connectors.bingx import convert
from venuekit.connectors.bingx import enums as bx
from venuekit.connectors.bingx.models.swap_account import IncomeRecord, SwapBalance, SwapPosition
from venuekit.connectors.bingx.models.swap_trade import FillHistoryEntry, FillOrder, SwapOrder
from venuekit.core.codec import decode
from venuekit.core.types import (
    Balance,
    Fill,
    IncomeEntry,
    Order,
    OrderRequest,
    OrderStatus,
    OrderType,
    Position,
    PositionSide,
    Side,
    TimeInForce,
)

DATA = {case.name: case.data for case in CASES}


def _model(model: Any, value: object) -> Any:
    return decode(TypeAdapter(model), json.dumps(value).encode())


def _unified(symbol: str) -> str:
    base, _, quote = symbol.partition("-")
    return f"{base}/{quote}:{quote}"


def _convert_all() -> list[BaseModel]:
    orders = [_model(SwapOrder, o) for o in (ORDER_4_3, PLACED, *DATA["swap_trade.open_orders"]["orders"],
                                              *DATA["swap_trade.order_history"]["orders"],
                                              *DATA["swap_trade.place_orders"]["orders"])]
    request = OrderRequest.market("BTC/USDT:USDT", Side.BUY, Decimal("0.5"), reduce_only=True)
    fills = _model(list[FillOrder], DATA["swap_trade.fill_orders"]["fill_orders"])
    history = _model(list[FillHistoryEntry], DATA["swap_trade.fill_history"]["fill_history_orders"])
    positions = _model(list[SwapPosition], [POSITION, *DATA["swap_account.positions"]])
    return [
        *(convert.order(o, _unified) for o in orders),
        convert.order(_model(SwapOrder, PLACED), _unified, request),
        *(convert.fill_from_orders(f, i, _unified, None) for i, f in enumerate(fills)),
        *(convert.fill_from_history(f, _unified, "WLD-USDT") for f in history),
        *(convert.position(p, _unified, hedge=hedge) for p in positions for hedge in (True, False)),
        *(convert.balance(b) for b in _model(list[SwapBalance], DATA["swap_account.balance"])),
        *(convert.income(r, _unified) for r in _model(list[IncomeRecord], DATA["swap_account.income"])),
    ]


def test_examples_build_the_validated_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _convert_all()
    assert {type(o) for o in built} == {Order, Fill, Position, Balance, IncomeEntry}
    assert len(built) > 10
    assert_same_objects(built, validated(monkeypatch, convert, REST_BUILDERS, _convert_all))


def test_examples_survive_revalidation() -> None:
    assert_survive_revalidation(_convert_all())


def test_the_reference_order_reads_as_documented() -> None:
    order = convert.order(_model(SwapOrder, ORDER_4_3), _unified)
    assert (order.id, order.symbol, order.side, order.position_side) == (
        "1736012449498123500", "OP/USDT:USDT", Side.SELL, PositionSide.LONG)
    assert (order.type, order.status, order.price, order.amount) == (
        OrderType.LIMIT, OrderStatus.OPEN, Decimal("2.1710"), Decimal("1.0"))
    assert order.fee is None and order.average_price is None and order.remaining == Decimal("1.0")


@pytest.mark.parametrize(("wire", "expected"), [
    (bx.OrderSide.BUY, Side.BUY), ("SELL", Side.SELL), ("buy", Side.BUY), ("Sell", Side.SELL), ("?", Side.SELL)])
def test_side_any_case(wire: str, expected: Side) -> None:
    assert convert.side(wire) is expected


@pytest.mark.parametrize(("wire", "expected"), [
    (bx.PositionSide.LONG, PositionSide.LONG), ("SHORT", PositionSide.SHORT), ("both", PositionSide.BOTH),
    ("", None), (None, None), ("?", None)])
def test_position_side_any_case(wire: str | None, expected: PositionSide | None) -> None:
    assert convert.position_side(wire) is expected


@pytest.mark.parametrize(("wire", "expected"), [
    (bx.OrderStatus.FILLED, OrderStatus.CLOSED), ("CANCELLED", OrderStatus.CANCELED), ("failed", OrderStatus.REJECTED),
    ("Running", OrderStatus.OPEN), (None, OrderStatus.OPEN), ("?", OrderStatus.OPEN)])
def test_status_any_case(wire: str | None, expected: OrderStatus) -> None:
    assert convert.status(wire) is expected


@pytest.mark.parametrize(("wire", "expected"), [
    (bx.OrderType.TRIGGER_MARKET, OrderType.STOP_MARKET), ("TAKE_PROFIT", OrderType.TAKE_PROFIT),
    ("market", OrderType.LIMIT), (None, OrderType.LIMIT)])
def test_order_type_exact_spelling(wire: str | None, expected: OrderType) -> None:
    assert convert.order_type(wire) is expected


@pytest.mark.parametrize(("wire", "expected"), [
    ("PostOnly", TimeInForce.POST_ONLY), ("GTC", TimeInForce.GTC), ("", None), (None, None), ("POSTONLY", None)])
def test_time_in_force_exact_spelling(wire: str | None, expected: TimeInForce | None) -> None:
    assert convert.time_in_force(wire) is expected
