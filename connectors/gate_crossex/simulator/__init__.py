"""Gate CrossEx simulator: the v1.0.0 REST paths over the shared engine, one instrument per CrossEx pair.

`GateCrossExSimulator()` is an ASGI app; `transport()` gives an in-process httpx transport, `ws_connector()`
an in-process WebSocket connector (`/ws/crossex`, `/ws/crossex/public`; faults in `stream_faults`), and
`python -m venuekit.connectors.gate_crossex.simulator` serves it with uvicorn.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from venuekit.core.simulator import (
    AsgiWsConnector,
    Exchange,
    FaultInjector,
    FillEvent,
    SimApp,
    SimClock,
    SimRateLimits,
    SimulatorTransport,
    StreamFaults,
    WallClock,
    WsApp,
)

from .auth import Authenticator
from .context import CrossEx
from .errors import GateError
from .gateway import Gateway
from .markets import COINS, MARGIN, MARKET_MAKER_PREFIX, PairSpec, default_pairs
from .routes import ROUTES
from .state import CROSS_EXCHANGE, InterestRecord, UserMeta
from .ws_hub import GateWsHub
from .ws_routes import WsKeys, websocket_app, ws_paths

__all__ = ["GateCrossExSimulator", "GateError", "PairSpec"]

DEFAULT_BALANCES: Mapping[str, Decimal] = {"USDT": Decimal(100_000)}
FIRST_USER_ID = 10_001_000


class GateCrossExSimulator:
    """Wire-faithful Gate CrossEx REST venue; engine symbols are the CrossEx symbols themselves."""

    venue: ClassVar[str] = "gate-crossex"
    base_url: str = "https://gate-crossex.sim"
    ws_url: str = "wss://gate-crossex.sim"

    def __init__(
        self,
        *,
        exchange: Exchange | None = None,
        clock: SimClock | None = None,
        seed: int = 0,
        seed_markets: bool = True,
    ) -> None:
        if exchange is None:
            exchange = Exchange(self.venue, clock=clock or WallClock(), seed=seed)
            exchange.default_leverage = 3
        self.exchange = exchange
        self.clock: SimClock = exchange.clock
        exchange.post_only_reject = False
        self.crossex = CrossEx(exchange)
        exchange.subscribe(self.crossex.tracker.on_event, FillEvent)
        self.faults = FaultInjector()
        self.limits = SimRateLimits(self.clock)
        self.auth = Authenticator(self.clock)
        self.stream_faults = StreamFaults()
        self.hub = GateWsHub(self.crossex, self.stream_faults)
        self.ws_keys = WsKeys()
        self.websocket = websocket_app(self.hub, self.ws_keys, WsApp(self.stream_faults))
        self.app = SimApp(faults=self.faults, websocket=self.websocket)
        Gateway(self.crossex, self.auth, self.limits, self.clock).build(ROUTES, self.app)
        self._next_user = FIRST_USER_ID
        if seed_markets:
            for spec in default_pairs():
                self.add_pair(spec)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)

    @property
    def full_close_dust_only(self) -> bool:
        """The documented rule: full close only works on positions at or under min size/notional."""
        return self.crossex.full_close_dust_only

    @full_close_dust_only.setter
    def full_close_dust_only(self, value: bool) -> None:
        self.crossex.full_close_dust_only = value

    def add_pair(self, spec: PairSpec, *, book_levels: int = 10) -> None:
        """List a pair: engine instrument, mark price and (with `book_levels`) depth from its own market maker.

        One maker account per pair keeps the engine's per-account margin scans short.
        """
        self.crossex.pairs[spec.symbol] = spec
        self.exchange.add_instrument(spec.instrument())
        self.exchange.set_mark_price(spec.symbol, spec.mark)
        if book_levels:
            maker = f"{MARKET_MAKER_PREFIX}{spec.symbol}"
            self.exchange.seed_book(spec.symbol, spec.mark, book_levels, qty=spec.depth_qty, account_id=maker)

    def add_account(self, api_key: str, secret: str, balances: Mapping[str, Decimal] | None = None) -> str:
        """A new CrossEx user (cross-exchange mode, funded with 100,000 USDT unless `balances` says otherwise)."""
        account_id = str(self._next_user)
        self._next_user += 1
        funds = DEFAULT_BALANCES if balances is None else balances
        self.exchange.create_account(account_id, dict(funds))
        now = self.clock.now_ms()
        self.crossex.state.users[account_id] = UserMeta(CROSS_EXCHANGE, now, now)
        self.auth.add_key(api_key, secret, account_id)
        self.ws_keys.add(api_key, secret, account_id)
        return account_id

    def deposit_spot(self, account_id: str, coin: str, amount: Decimal) -> Decimal:
        """Fund the user's Gate spot account (the other side of `POST /crossex/transfers`)."""
        return self.exchange.deposit(account_id, coin, amount, wallet="spot")

    def accrue_interest(self, hours: int = 1) -> list[InterestRecord]:
        """Charge `hours` of borrow interest on every margin position (periodic position interest)."""
        out: list[InterestRecord] = []
        now = self.clock.now_ms()
        for account_id in list(self.crossex.state.users):
            for view in self.exchange.positions(account_id):
                spec = self.crossex.pairs.get(view.symbol)
                record = self.crossex.tracker.record(account_id, view.symbol, view.position_side)
                if spec is None or spec.business != MARGIN or record is None:
                    continue
                coin = spec.quote if view.quantity > 0 else spec.base
                liability = (view.entry_price * view.size - view.initial_margin) if view.quantity > 0 else view.size
                rate = _hour_rate(coin)
                interest = liability * rate * hours
                record.interest += interest
                entry = InterestRecord(
                    self.exchange.ids.record_id(),
                    account_id,
                    spec.symbol,
                    spec.exchange,
                    record.position_id,
                    liability,
                    coin,
                    interest,
                    rate,
                    "PERIODIC_POSITION",
                    now,
                )
                self.crossex.state.interest.setdefault(account_id, []).append(entry)
                out.append(entry)
        return out

    def transport(self) -> SimulatorTransport:
        return SimulatorTransport(self)

    def ws_connector(self) -> AsgiWsConnector:
        """In-process WebSocket connector onto this simulator (streams without sockets)."""
        return AsgiWsConnector(self)

    def ws_routes(self) -> list[tuple[str, str]]:
        return ws_paths()

    def routes(self) -> list[tuple[str, str]]:
        return [(r.method, r.path) for r in ROUTES]


def _hour_rate(coin: str) -> Decimal:
    info = COINS.get(coin)
    return info.hour_interest_rate if info else Decimal(0)
