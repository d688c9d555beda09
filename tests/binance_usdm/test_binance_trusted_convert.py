"""The Binance converters build their shared types with `trusted(...)`: on the seed's own examples the objects
equal what the validating constructors build, and survive a dump → validate round trip."""

from __future__ import annotations

from typing import Any

import binance_usdm_seed as seed
import pytest
from binance_usdm_helpers import EXCHANGE_INFO, doc_json
from pydantic import BaseModel, TypeAdapter
from trusted_checks import REST_BUILDERS, assert_same_objects, assert_survive_revalidation, validated

from venuekit.connectors.binance_usdm import convert
from venuekit.connectors.binance_usdm.models import (
    BalanceEntry,
    ExchangeInfo,
    IncomeRecord,
    OrderResponse,
    PositionRisk,
    UserTrade,
)
from venuekit.core.codec import decode, dumps
from venuekit.core.symbols import SymbolMap
from venuekit.core.types import Balance, Fill, IncomeEntry, Order, Position

#: the module's trusted constructors and the validating class each one stands for


def _models(model: type[BaseModel], example: str) -> list[Any]:
    return decode(TypeAdapter(list[model]), doc_json(example))  # type: ignore[valid-type]


def _symbols() -> SymbolMap:
    info = decode(TypeAdapter(ExchangeInfo), dumps(EXCHANGE_INFO))
    return SymbolMap("binance-usdm", [convert.instrument(s) for s in info.symbols])


def _convert_all() -> list[BaseModel]:
    symbols = _symbols()
    orders = [decode(TypeAdapter(OrderResponse), doc_json(text)) for text in (seed.NEW_ORDER, seed.QUERY_ORDER,
                                                                               seed.CANCEL_ORDER)]
    orders += _models(OrderResponse, seed.OPEN_ORDERS) + _models(OrderResponse, seed.ALL_ORDERS)
    orders += _models(OrderResponse, seed.FORCE_ORDERS)
    risks = _models(PositionRisk, seed.POSITION_RISK_ONE_WAY) + _models(PositionRisk, seed.POSITION_RISK_HEDGE)
    return [
        *(convert.order(o, symbols) for o in orders),
        *(convert.fill(t, symbols) for t in _models(UserTrade, seed.USER_TRADES)),
        *(convert.position(p, symbols) for p in risks),
        *(convert.balance(b) for b in _models(BalanceEntry, seed.BALANCE)),
        *(convert.income(r, symbols) for r in _models(IncomeRecord, seed.INCOME)),
    ]


def test_examples_build_the_validated_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _convert_all()
    assert {type(o) for o in built} == {Order, Fill, Position, Balance, IncomeEntry}
    assert len(built) > 10
    assert_same_objects(built, validated(monkeypatch, convert, REST_BUILDERS, _convert_all))


def test_examples_survive_revalidation() -> None:
    assert_survive_revalidation(_convert_all())
