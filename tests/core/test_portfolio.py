from collections.abc import Sequence
from decimal import Decimal

import anyio

from venuekit.core import Balance, ExchangeUnavailable, Order, Position, Venue
from venuekit.core.portfolio import Portfolio


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
