"""A non-ASCII symbol is signed over exactly the bytes sent: the simulator's verifier accepts it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from venuekit.connectors.bingx import BingX
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.errors import AuthenticationError, BadSymbol, InvalidRequest, VenueError


async def test_non_ascii_symbol_passes_signature_check_and_fails_only_on_listing() -> None:
    sim = BingXSimulator()
    sim.add_account("k", "s", {"USDT": Decimal(1000)})
    async with BingX.from_simulator(sim, "k", "s") as venue:
        with pytest.raises(VenueError) as info:
            await venue.raw.swap_trade.query_order(symbol="MØTH-USDT", order_id="1")
    assert not isinstance(info.value, AuthenticationError), info.value
    assert isinstance(info.value, BadSymbol | InvalidRequest) or info.value.code is not None


async def test_separator_characters_are_rejected_before_the_wire() -> None:
    sim = BingXSimulator()
    sim.add_account("k", "s", {"USDT": Decimal(1000)})
    async with BingX.from_simulator(sim, "k", "s") as venue:
        with pytest.raises(InvalidRequest) as info:
            await venue.raw.swap_trade.query_order(symbol="BTC-USDT", client_order_id="a&b=c")
    assert info.value.field == "clientOrderId"
    assert "'&'" in str(info.value) and "'='" in str(info.value)
