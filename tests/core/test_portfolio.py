import time
import tracemalloc
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import anyio

from venuekit.connectors.binance_usdm import BinanceUSDM
from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.connectors.bingx import BingX
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.connectors.gate_crossex import GateCrossEx
from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator
from venuekit.core import Balance, ExchangeUnavailable, Order, Position, RequestTimeout, Venue
from venuekit.core.portfolio import Portfolio
from venuekit.core.ratelimit import MemoryStore


class _Fake(Venue):
    def __init__(self, name: str, balances: dict[str, str], *, delay: float = 0, fail: bool = False) -> None:
        self.name = name  # type: ignore[misc]
        super().__init__()
        self._balances = balances
        self._delay = delay
        self._fail = fail

    async def fetch_balances(self) -> dict[str, Balance]:
        await anyio.sleep(self._delay)
        if self._fail:
            raise ExchangeUnavailable("maintenance", venue=self.name, status=503)
        return {a: Balance(venue=self.name, asset=a, total=Decimal(t), free=Decimal(t), used=Decimal(0))
                for a, t in self._balances.items()}

    async def fetch_positions(self, symbols: Sequence[str] | None = None) -> list[Position]:
        return []

    async def fetch_open_orders(self, symbol: str | None = None) -> list[Order]:
        return []


async def test_partial_result_names_failed_and_slow_venues() -> None:
    portfolio = Portfolio(
        [_Fake("a", {"USDT": "100.5", "BTC": "0.1"}), _Fake("b", {}, fail=True), _Fake("c", {"USDT": "1"}, delay=5)],
        deadline_s=0.2,
        prices_usd={"BTC": Decimal("60000")},
    )
    with anyio.fail_after(2):
        snap = await portfolio.snapshot()
    assert snap.total_usd == Decimal("6100.5")
    assert set(snap.failed) == {"b", "c"}
    assert snap.failed["b"].status == 503
    assert [v.venue for v in snap.venues] == ["a", "b", "c"]
    assert {b.asset for b in snap.balances} == {"USDT", "BTC"}


async def test_assets_without_price_are_reported_not_guessed() -> None:
    snap = await Portfolio([_Fake("a", {"USDT": "5", "XYZ": "3"})]).snapshot()
    assert snap.total_usd == Decimal(5)
    assert snap.unvalued_assets == {"XYZ"}


class _Gauge:
    """Counts how many accounts of one venue are inside a call at once."""

    def __init__(self) -> None:
        self.now = 0
        self.peak = 0


class _Metered(_Fake):
    def __init__(self, name: str, gauge: _Gauge, delay: float) -> None:
        super().__init__(name, {"USDT": "1"}, delay=delay)
        self._gauge = gauge

    async def fetch_balances(self) -> dict[str, Balance]:
        self._gauge.now += 1
        self._gauge.peak = max(self._gauge.peak, self._gauge.now)
        try:
            return await super().fetch_balances()
        finally:
            self._gauge.now -= 1


async def test_accounts_of_one_venue_are_snapshotted_at_most_concurrency_at_a_time() -> None:
    gauges = {"a": _Gauge(), "b": _Gauge()}
    accounts = [(f"{name}{i}", _Metered(name, gauges[name], 0.01)) for name in "ab" for i in range(12)]
    snap = await Portfolio(accounts, concurrency={"a": 3}).snapshot()
    assert not snap.failed
    assert snap.total_usd == Decimal(24)
    assert gauges["a"].peak == 3
    assert gauges["b"].peak == 8  # DEFAULT_CONCURRENCY for venues the mapping does not name
    assert [v.account for v in snap.venues] == [label for label, _ in accounts]


async def test_labels_name_accounts_and_must_be_unique() -> None:
    snap = await Portfolio({"alice": _Fake("a", {"USDT": "2"}), "bob": _Fake("a", {}, fail=True)}).snapshot()
    assert list(snap.failed) == ["bob"]
    assert snap.accounts["alice"].venue == "a" and snap.accounts["alice"].ok
    try:
        Portfolio([_Fake("a", {}), _Fake("a", {})])
    except ValueError as exc:
        assert "used twice" in str(exc)
    else:
        raise AssertionError("two unlabelled accounts of one venue were accepted")


async def test_deadline_covers_the_wait_for_a_slot_and_a_hung_account_gives_its_slot_back() -> None:
    slow = [(f"slow{i}", _Fake("a", {"USDT": "1"}, delay=0.3)) for i in range(3)]
    with anyio.fail_after(2):
        snap = await Portfolio(slow, concurrency=1, deadline_s=0.45).snapshot()
    assert list(snap.failed) == ["slow1", "slow2"]
    assert "in flight" in snap.failed["slow1"].message
    assert "waiting for a slot" in snap.failed["slow2"].message

    hung = [("hung", _Fake("a", {"USDT": "1"}, delay=30)), ("fine", _Fake("a", {"USDT": "7"}))]
    started = anyio.current_time()
    snap = await Portfolio(hung, concurrency=1, deadline_s=5, account_timeout_s=0.1).snapshot()
    assert anyio.current_time() - started < 1
    assert list(snap.failed) == ["hung"] and snap.total_usd == Decimal(7)


def _accounts(venue_cls: Any, sim: Any, tag: str, count: int, **kw: Any) -> list[tuple[str, Venue]]:
    """`count` funded accounts of `sim` (USDT 1000 + i), one client each, all on one shared limiter store.

    The clients share the store because they share one IP address: the venue counts their weight together.
    """
    store = MemoryStore()
    made: list[tuple[str, Venue]] = []
    for i in range(count):
        key, secret = f"{tag}-key-{i}", f"{tag}-secret-{i}"
        sim.add_account(key, secret, {"USDT": Decimal(1000 + i)})
        made.append((f"{tag}/{i}", venue_cls.from_simulator(sim, key, secret, limiter_store=store, **kw)))
    return made


async def test_300_accounts_over_three_simulators_name_exactly_the_failed_ones() -> None:
    bingx, binance, gate = BingXSimulator(), BinanceUSDMSimulator(), GateCrossExSimulator()
    bingx_down, binance_cut, gate_hung = BingXSimulator(), BinanceUSDMSimulator(), GateCrossExSimulator()
    bingx_down.faults.html_error(503, times=None)
    binance_cut.faults.drop_connection(times=None)
    gate_hung.faults.latency(60_000, times=None)
    healthy = (
        _accounts(BingX, bingx, "bingx", 95)
        + _accounts(BinanceUSDM, binance, "binance", 95)
        + _accounts(GateCrossEx, gate, "gate", 95, default_exchange="BINANCE")
    )
    broken = (
        _accounts(BingX, bingx_down, "bingx-down", 5)
        + _accounts(BinanceUSDM, binance_cut, "binance-cut", 5)
        + _accounts(GateCrossEx, gate_hung, "gate-hung", 5, default_exchange="BINANCE")
    )
    accounts = healthy[:150] + broken + healthy[150:]
    assert len(accounts) == 300
    deadline = 8.0
    # Generous per-account timeout: the 503 accounts must fail on their retries, not on a slow CI machine.
    portfolio = Portfolio(accounts, deadline_s=deadline, account_timeout_s=3.0, include_orders=False)

    started = time.perf_counter()
    with anyio.fail_after(deadline + 2):
        snap = await portfolio.snapshot()
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    try:
        again_started = time.perf_counter()
        again = await portfolio.snapshot()
        again_elapsed = time.perf_counter() - again_started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    for result in (snap, again):
        assert set(result.failed) == {label for label, _ in broken}
        assert [v.account for v in result.venues] == [label for label, _ in accounts]
        assert all(isinstance(result.failed[f"gate-hung/{i}"], RequestTimeout) for i in range(5))
        assert all(isinstance(result.failed[f"bingx-down/{i}"], ExchangeUnavailable) for i in range(5))
        assert result.total_usd == 3 * sum(Decimal(1000 + i) for i in range(95))
        assert result.accounts["gate/94"].balances["USDT"].total == Decimal(1094)
    assert elapsed < deadline and again_elapsed < deadline
    assert peak < 32 * 1024 * 1024, f"second snapshot of 300 accounts peaked at {peak / 2**20:.1f} MiB"
    assert [bingx.limits.violations, binance.limits.violations, gate.limits.violations] == [0, 0, 0]
    for _, venue in accounts:
        await venue.close()
