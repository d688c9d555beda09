"""The CrossEx mapping builds its shared types with `trusted(...)`: on the seed's example payloads the results
equal what the validating constructors build, and survive a dump → validate round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from pydantic import BaseModel, TypeAdapter
from trusted_checks import REST_BUILDERS, assert_same_objects, assert_survive_revalidation, validated

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
from venuekit.core.types import Balance, Fill, IncomeEntry, Order, Position

EXAMPLES: dict[str, dict[str, Any]] = json.loads((Path(__file__).parent / "seed_examples.json").read_text())


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


def test_examples_build_the_validated_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _convert_all()
    assert {type(o) for o in built} == {Order, Fill, Position, Balance, IncomeEntry}
    assert len(built) >= 8
    assert_same_objects(built, validated(monkeypatch, mapping, REST_BUILDERS, _convert_all))


def test_examples_survive_revalidation() -> None:
    assert_survive_revalidation(_convert_all())
