"""pytest plugin (entry point `pytest11`): simulated venues for testing strategies without a network.

    async def test_my_strategy(venuekit_sim):
        sim = venuekit_sim("bingx")
        async with sim.connect() as venue:
            await venue.load_instruments()
            ...
            sim.set_mark_price("BTC-USDT", Decimal("61000"))   # engine symbol = the venue's own symbol
            sim.clear_book("BTC-USDT")                               # only your orders rest now
            sim.trade_against("BTC-USDT", Side.SELL, Decimal("0.01"), Decimal("60000"))
            sim.faults.http_error(500, after_handler=True, method="POST")

Streams (`venue.watch_*`) run in process against the simulator, with test timings (`sim.stream_policy`:
pings every 50 ms, a stall after 0.5 s, reconnects within 0.1 s). `sim.stream_faults` breaks them the
same way on every venue, by topic (`account`, `orders`, `trades`, `mark_price`, `book_ticker`,
`order_book`) or by the venue's own event name:

        async with venue.watch_account() as stream:
            sim.stream_faults.drop("orders", after=2)     # the socket dies instead of the 3rd order update
            sim.stream_faults.stall("account")             # silence: no data, no pongs, no close
            sim.stream_faults.delay(200, "order_book")     # also duplicate / reorder / skip (a sequence gap)
            sim.stream_faults.expire_listen_key()          # and refuse_login(times=1)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

from venuekit.core import OrderType, Side, TimeInForce, Venue
from venuekit.core.streams import Backoff, StreamPolicy

from .registry import VENUES, entry
from .stream_faults import StreamFaultControls

COUNTERPARTY = "venuekit-counterparty"
#: Gate CrossEx routes to an underlying exchange; tests use plain `BTC/USDT:USDT` on Binance's book there.
CLIENT_OPTIONS: dict[str, dict[str, Any]] = {"gate-crossex": {"default_exchange": "BINANCE"}}


def fast_stream_policy() -> StreamPolicy:
    """Stream timings for tests: a silent socket is found in 0.5 s and reconnected within 0.1 s."""
    return StreamPolicy(ping_interval=0.05, stall_timeout=0.5, ready_timeout=5.0,
                        backoff=Backoff(initial=0.01, maximum=0.1))


@dataclass
class SimulatedVenue:
    """A running in-process simulator with one funded account, and helpers to steer its market."""

    name: str
    simulator: Any
    api_key: str
    secret: str
    account_id: str
    stream_policy: Callable[[], StreamPolicy] = field(default=fast_stream_policy, repr=False)
    """What `connect()` gives each stream; replace it before connecting to change the timings."""

    @property
    def exchange(self) -> Any:
        return self.simulator.exchange

    @property
    def faults(self) -> Any:
        """HTTP faults (the simulator's `FaultInjector`)."""
        return self.simulator.faults

    @property
    def stream_faults(self) -> StreamFaultControls:
        """WebSocket faults by venue-neutral topic; `.raw` is the simulator's own `StreamFaults`."""
        return StreamFaultControls(self.name, self.simulator.stream_faults)

    def connect(self, **options: Any) -> Venue:
        """A unified client bound to this simulator (use it as `async with`); `options` go to the constructor."""
        merged = {**CLIENT_OPTIONS.get(self.name, {}), **options}
        client: Venue = entry(self.name).venue_class().from_simulator(  # type: ignore[attr-defined]
            self.simulator, self.api_key, self.secret, **merged
        )
        streams = getattr(client, "streams", None)
        if streams is not None:
            streams.policy_factory = self.stream_policy
        return client

    def set_mark_price(self, symbol: str, price: Decimal) -> None:
        self.exchange.set_mark_price(symbol, price)

    def clear_book(self, symbol: str) -> None:
        """Cancel every resting order on `symbol` except the test account's own."""
        for account in self.exchange.account_ids():
            if account != self.account_id:
                self.exchange.cancel_all(account, symbol)

    def seed_book(self, symbol: str, mid: Decimal, *, levels: int = 10) -> None:
        """Give `symbol` fresh liquidity around `mid` (a market maker's ladder on both sides)."""
        self.exchange.seed_book(symbol, mid, levels=levels)

    def trade_against(self, symbol: str, side: Side, amount: Decimal, price: Decimal) -> Any:
        """Send an IOC order from a well-funded counterparty, filling resting orders at `price` or better."""
        self.exchange.create_account(COUNTERPARTY, {"USDT": Decimal("1000000000")})
        return self.exchange.place_order(
            COUNTERPARTY, symbol, side, OrderType.LIMIT, amount, price=price, time_in_force=TimeInForce.IOC
        )


Factory = Callable[..., SimulatedVenue]


@pytest.fixture
def venuekit_sim() -> Iterator[Factory]:
    """Factory: `venuekit_sim("bingx", balances={"USDT": Decimal(10_000)}, seed=0)`."""

    def make(name: str, *, balances: Mapping[str, Decimal] | None = None, seed: int = 0,
             api_key: str = "test-key", secret: str = "test-secret") -> SimulatedVenue:
        sim = entry(name).simulator_class()(seed=seed)
        account_id = sim.add_account(api_key, secret, dict(balances or {"USDT": Decimal("100000")}))
        return SimulatedVenue(name, sim, api_key, secret, account_id)

    yield make


@pytest.fixture(params=list(VENUES))
def venuekit_any_sim(request: pytest.FixtureRequest, venuekit_sim: Factory) -> SimulatedVenue:
    """The same test once per venue."""
    return venuekit_sim(request.param)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "venuekit: tests that use venuekit's simulated venues")
