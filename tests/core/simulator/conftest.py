"""Fixtures for the simulator engine tests: a manual clock and an exchange with one linear contract."""

from __future__ import annotations

from decimal import Decimal

import pytest

from venuekit.core.simulator import Exchange, ManualClock, SimInstrument

D = Decimal
SYMBOL = "BTC-USDT"


def make_instrument(**overrides: object) -> SimInstrument:
    fields: dict[str, object] = {
        "symbol": SYMBOL,
        "base": "BTC",
        "quote": "USDT",
        "settle": "USDT",
        "tick_size": D("0.1"),
        "step_size": D("0.001"),
        "min_qty": D("0.001"),
        "min_notional": D("5"),
        "max_leverage": 125,
        "maker_fee_rate": D("0.0002"),
        "taker_fee_rate": D("0.0005"),
    }
    fields.update(overrides)
    return SimInstrument(**fields)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(1_700_000_000_000)


@pytest.fixture
def ex(clock: ManualClock) -> Exchange:
    exchange = Exchange("test", clock=clock, seed=42)
    exchange.add_instrument(make_instrument())
    for name in ("alice", "bob", "carol", "dave"):
        exchange.create_account(name, {"USDT": D("10000")})
    exchange.set_mark_price(SYMBOL, D("100"))
    return exchange


@pytest.fixture
def instrument_factory() -> object:
    return make_instrument
