"""The shipped pytest plugin, as a user meets it: an installed entry point and two fixtures."""

from __future__ import annotations

import pytest

USER_TEST = '''
from decimal import Decimal

from venuekit.core import OrderRequest, OrderStatus, Side


async def test_strategy_fills(venuekit_any_sim):
    sim = venuekit_any_sim
    async with sim.connect() as venue:
        await venue.load_instruments()
        inst = venue.instrument("BTC/USDT:USDT")
        order = await venue.create_order(OrderRequest.limit(inst.symbol, Side.BUY, Decimal("0.01"), Decimal("50000")))
        sim.clear_book(inst.venue_symbol)
        sim.trade_against(inst.venue_symbol, Side.SELL, Decimal("0.01"), Decimal("50000"))
        assert (await venue.fetch_order(inst.symbol, order.id)).status is OrderStatus.CLOSED


async def test_fault_injection(venuekit_sim):
    sim = venuekit_sim("binance-usdm", balances={"USDT": Decimal(500)})
    async with sim.connect() as venue:
        await venue.load_instruments()
        assert (await venue.fetch_balances())["USDT"].total == Decimal(500)
        sim.faults.http_error(500, after_handler=True, method="POST")
        request = OrderRequest.limit("BTC/USDT:USDT", Side.BUY, Decimal("0.002"), Decimal("50000"))
        order = await venue.create_order(request)
        assert [o.id for o in await venue.fetch_open_orders("BTC/USDT:USDT")] == [order.id]
'''


def test_fixtures_work_in_a_users_project(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    pytester.makeini("[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    result.assert_outcomes(passed=4)


def test_plugin_is_registered_by_entry_point(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_x="def test_x(venuekit_sim):\n    assert callable(venuekit_sim)\n")
    result = pytester.runpytest_subprocess("-q", "--fixtures")
    result.stdout.fnmatch_lines(["*venuekit_sim*", "*venuekit_any_sim*"])
