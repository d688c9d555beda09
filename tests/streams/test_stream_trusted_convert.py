"""Every shared object the three venues' stream converters build with `trusted(...)` during a simulator session
(orders, fills, positions, balances, trades, book tickers, mark prices) equals the validated construction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from pydantic import BaseModel
from trusted_checks import REST_BUILDERS, differences

from bench.stream_frames import record
from venuekit.connectors.binance_usdm.streams import convert as binance
from venuekit.connectors.bingx import convert as bingx_rest
from venuekit.connectors.bingx.streams import convert as bingx
from venuekit.connectors.gate_crossex import mapping as gate_rest
from venuekit.connectors.gate_crossex.streams import convert as gate
from venuekit.core.streams import (
    BalanceUpdate,
    BookTickerUpdate,
    FillUpdate,
    MarkPriceUpdate,
    OrderUpdate,
    PositionUpdate,
    TradeUpdate,
)
from venuekit.core.types import Fee, Fill, Order, Position

_UPDATES = {"_order_update": OrderUpdate, "_fill_update": FillUpdate, "_position_update": PositionUpdate,
            "_balance_update": BalanceUpdate, "_mark_price": MarkPriceUpdate, "_book_ticker": BookTickerUpdate,
            "_trade": TradeUpdate}
BUILDERS: dict[ModuleType, dict[str, type[BaseModel]]] = {
    binance: {"_order": Order, "_fill": Fill, "_fee": Fee, "_position": Position, **_UPDATES},
    bingx: {"_order": Order, "_fill": Fill, "_fee": Fee, "_position": Position, **_UPDATES},
    bingx_rest: REST_BUILDERS,
    gate: {"_position": Position, **_UPDATES},
    gate_rest: REST_BUILDERS,
}


def _checking(built: Callable[..., BaseModel], cls: type[BaseModel], venue: str, seen: Counter[tuple[str, str]],
              wrong: list[str]) -> Callable[..., BaseModel]:
    """`built`, also comparing each result with `cls(**kw)`; mismatches are collected, since the stream session
    would swallow an exception raised inside a conversion."""

    def call(**kw: Any) -> BaseModel:
        ours = built(**kw)
        different = differences(ours, cls(**kw))
        if different:
            wrong.append(f"{venue} {cls.__name__} differs in {different}: {ours!r}")
        seen[(venue, cls.__name__)] += 1
        return ours

    return call


def test_stream_conversions_equal_validated_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: Counter[tuple[str, str]] = Counter()
    wrong: list[str] = []
    for module, builders in BUILDERS.items():
        venue = module.__name__.split(".")[2]
        for name, cls in builders.items():
            monkeypatch.setattr(module, name, _checking(getattr(module, name), cls, venue, seen, wrong))
    recorded = record(4)
    assert {r.venue for rs in recorded.values() for r in rs} == {"binance-usdm", "bingx", "gate-crossex"}
    assert wrong == []
    for venue in ("binance_usdm", "bingx", "gate_crossex"):
        for cls in (OrderUpdate, Order, FillUpdate, Fill, PositionUpdate, Position, TradeUpdate, MarkPriceUpdate,
                    BookTickerUpdate):
            assert seen[(venue, cls.__name__)] > 0, (venue, cls.__name__, seen)
    assert seen[("binance_usdm", "BalanceUpdate")] > 0 and seen[("bingx", "BalanceUpdate")] > 0
