"""The CrossEx mapping builds its shared types with `trusted(...)`: on the seed's example payloads the results
equal what the validating constructors build, and survive a dump → validate round trip."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from pydantic import BaseModel, TypeAdapter

from venuekit.connectors.gate_crossex import mapping
from venuekit.connectors.gate_crossex.models import (
    Account,
    AccountBookEntry,
    CrossexOrder,
    CrossexTrade,
    MarginPosition,
)
from venuekit.connectors.gate_crossex.models import Position as GatePosition
from venuekit.core.codec import decode
from venuekit.core.types import Balance, Fee, Fill, IncomeEntry, Order, Position

EXAMPLES: dict[str, dict[str, Any]] = json.loads((Path(__file__).parent / "seed_examples.json").read_text())
VALIDATING = {"_order": Order, "_fill": Fill, "_fee": Fee, "_position": Position, "_balance": Balance,
              "_income": IncomeEntry}


def _example(model: Any, key: str) -> Any:
    return decode(TypeAdapter(model), orjson.dumps(EXAMPLES[key]["response"]))


def _unified(symbol: str) -> str:
    exchange, business, base, quote = symbol.split("_")
    return mapping.unified_name(exchange, business, base, quote)


def _convert_all() -> list[BaseModel]:
    orders = [*_example(list[CrossexOrder], "GET /api/v4/crossex/open_orders"),
              *_example(list[CrossexOrder], "GET /api/v4/crossex/history_orders"),
              _example(CrossexOrder, "GET /api/v4/crossex/orders/{order_id}")]
    positions = [mapping.position(p, _unified) for p in _example(list[GatePosition], "GET /api/v4/crossex/positions")]
    margin = [mapping.margin_position(p, _unified)
              for p in _example(list[MarginPosition], "GET /api/v4/crossex/margin_positions")]
    assets = _example(Account, "GET /api/v4/crossex/accounts").assets
    return [
        *(mapping.order(o, _unified) for o in orders),
        *(mapping.fill(t, _unified) for t in _example(list[CrossexTrade], "GET /api/v4/crossex/history_trades")),
        *(p for p in positions + margin if p is not None),
        *mapping.balances(assets).values(),
        *mapping.balances(assets, "BINANCE").values(),
        *(mapping.income(e) for e in _example(list[AccountBookEntry], "GET /api/v4/crossex/account_book")),
    ]


def _validated(monkeypatch: pytest.MonkeyPatch, run: Callable[[], list[BaseModel]]) -> list[BaseModel]:
    with monkeypatch.context() as patch:
        for name, cls in VALIDATING.items():
            patch.setattr(mapping, name, cls)
        return run()


def test_examples_build_the_validated_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    built, validated = _convert_all(), _validated(monkeypatch, _convert_all)
    assert {type(o) for o in built} == {Order, Fill, Position, Balance, IncomeEntry}
    assert len(built) == len(validated) >= 8
    for ours, theirs in zip(built, validated, strict=True):
        assert type(ours) is type(theirs) and ours == theirs
        assert ours.model_fields_set == theirs.model_fields_set
        assert repr(ours) == repr(theirs) and ours.model_dump_json() == theirs.model_dump_json()


def test_examples_survive_revalidation() -> None:
    for obj in _convert_all():
        again = type(obj).model_validate(obj.model_dump())
        assert again == obj.model_copy(update={"raw": None})
        assert again.model_dump_json() == obj.model_dump_json()
