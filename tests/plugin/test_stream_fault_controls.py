"""`SimulatedVenue.stream_faults` outside pytester: what it refuses and what it hands to the simulator."""

from __future__ import annotations

from decimal import Decimal

import pytest

from venuekit.connectors.pytest_plugin import Factory, SimulatedVenue
from venuekit.core.simulator import StreamFaultKind


def test_reorder_behind_a_topic_of_several_messages_is_refused(venuekit_sim: Factory) -> None:
    sim: SimulatedVenue = venuekit_sim("binance-usdm")
    with pytest.raises(ValueError, match="ACCOUNT_UPDATE"):
        sim.stream_faults.reorder("orders", behind="account")
    fault = sim.stream_faults.reorder("orders", behind="orders")
    assert fault.behind == "ORDER_TRADE_UPDATE"
    assert fault.matches("ORDER_TRADE_UPDATE", "/ws/key") and not fault.matches("ACCOUNT_UPDATE", "/ws/key")


def test_an_unknown_name_is_the_venues_own_event_glob(venuekit_sim: Factory) -> None:
    sim: SimulatedVenue = venuekit_sim("gate-crossex", balances={"USDT": Decimal(10)})
    fault = sim.stream_faults.skip("user*")
    assert fault.matches("usertrades", "/ws/crossex") and not fault.matches("order", "/ws/crossex")
    assert sim.stream_faults.raw.faults == [fault] and fault.kind is StreamFaultKind.SKIP
