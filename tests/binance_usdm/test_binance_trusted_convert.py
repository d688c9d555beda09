"""The Binance converters build their shared types with `trusted(...)`: on the seed's own examples the objects
equal what the validating constructors build, and survive a dump → validate round trip."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import binance_usdm_seed as seed
import pytest
from binance_usdm_helpers import EXCHANGE_INFO, doc_json
from pydantic import BaseModel, TypeAdapter

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
from venuekit.core.types import Balance, Fee, Fill, IncomeEntry, Order, Position

#: the module's trusted constructors and the validating class each one stands for
VALIDATING = {"_order": Order, "_fill": Fill, "_fee": Fee, "_position": Position, "_balance": Balance,
              "_income": IncomeEntry}


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


def _validated(monkeypatch: pytest.MonkeyPatch, run: Callable[[], list[BaseModel]]) -> list[BaseModel]:
    with monkeypatch.context() as patch:
        for name, cls in VALIDATING.items():
            patch.setattr(convert, name, cls)
        return run()


def test_examples_build_the_validated_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    built, validated = _convert_all(), _validated(monkeypatch, _convert_all)
    assert {type(o) for o in built} == {Order, Fill, Position, Balance, IncomeEntry}
    assert len(built) == len(validated) > 10
    for ours, theirs in zip(built, validated, strict=True):
        assert type(ours) is type(theirs) and ours == theirs
        assert ours.model_fields_set == theirs.model_fields_set
        assert repr(ours) == repr(theirs) and ours.model_dump_json() == theirs.model_dump_json()
        assert hash(ours) == hash(theirs)


def test_examples_survive_revalidation() -> None:
    for obj in _convert_all():
        again = type(obj).model_validate(obj.model_dump())
        assert again == obj.model_copy(update={"raw": None})
        assert again.model_dump_json() == obj.model_dump_json()
