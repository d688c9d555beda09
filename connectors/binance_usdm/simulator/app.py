"""`BinanceUSDMSimulator`: the ASGI app speaking Binance USDⓈ-M's REST protocol over the shared engine."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from venuekit.core.credentials import Secret
from venuekit.core.simulator import (
    AsgiWsConnector,
    Exchange,
    FaultInjector,
    OrderEvent,
    Router,
    SimApp,
    SimClock,
    SimRateLimits,
    SimulatorTransport,
    StreamFaults,
    WallClock,
    WsApp,
)

from . import markets, routes_account, routes_algo, routes_public, routes_trade
from .auth import ApiKey
from .limits import Throttle, binance_limits
from .markets import SEED_MARKETS
from .pipeline import Backend, Spec, make_handler, not_allowed, not_found
from .state import VenueState
from .ws_hub import BinanceWsHub
from .ws_routes import depth_route, websocket_app, ws_paths

VENUE = "binance-usdm"
ALL_ROUTES: tuple[Spec, ...] = (
    routes_public.ROUTES + routes_trade.ROUTES + routes_account.ROUTES + routes_algo.ROUTES
)


class BinanceUSDMSimulator:
    """In-memory Binance USDⓈ-M futures: `sim = BinanceUSDMSimulator(); sim.add_account(key, secret)`.

    Drive prices with `sim.exchange.set_mark_price(...)`, arm failures on `sim.faults`, read
    `sim.limits.violations` to prove a client stayed inside the published limits.
    """

    venue: ClassVar[str] = VENUE
    base_url: str = "https://fapi.binance.sim"
    ws_url: str = "wss://fstream.binance.sim"

    def __init__(
        self,
        *,
        exchange: Exchange | None = None,
        clock: SimClock | None = None,
        seed: int = 0,
        seed_markets: bool = True,
    ) -> None:
        if exchange is None:
            exchange = Exchange(VENUE, clock=clock or WallClock(), seed=seed)
        self.exchange = exchange
        self.clock: SimClock = exchange.clock
        self.state = VenueState(seed=seed)
        self.limits: SimRateLimits = binance_limits(self.clock)
        self.throttle = Throttle(self.limits, self.clock)
        self.faults = FaultInjector()
        self.backend = Backend(exchange, self.state, self.throttle, {s.inst.symbol: s for s in SEED_MARKETS})
        exchange.subscribe(self.state.acks, OrderEvent)
        self.stream_faults = StreamFaults()
        self.hub = BinanceWsHub(self.backend, self.stream_faults)
        router = Router(not_found=not_found, method_not_allowed=not_allowed)
        depth = depth_route(self.hub)
        for spec in ALL_ROUTES:
            served = depth if (spec.method, spec.path) == (depth.method, depth.path) else spec
            router.add(served.method, served.path, make_handler(served, self.backend))
        self.websocket = websocket_app(self.hub, WsApp(self.stream_faults))
        self.app = SimApp(router, faults=self.faults, websocket=self.websocket)
        if seed_markets:
            markets.seed(exchange)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)

    def add_account(self, api_key: str, secret: str, balances: Mapping[str, Decimal] | None = None) -> str:
        """Register an API key for a new account funded with `balances` (default 100000 USDT)."""
        account_id = f"binance-{len(self.state.keys) + 1}"
        funds = dict(balances) if balances is not None else {"USDT": Decimal(100_000)}
        self.exchange.create_account(account_id, funds)
        self.state.keys[api_key] = ApiKey(account_id, Secret(secret))
        return account_id

    def transport(self) -> SimulatorTransport:
        return SimulatorTransport(self)

    def ws_connector(self) -> AsgiWsConnector:
        """In-process WebSocket connector onto this simulator (streams without sockets)."""
        return AsgiWsConnector(self)

    def ws_routes(self) -> list[tuple[str, str]]:
        return ws_paths()

    def routes(self) -> list[tuple[str, str]]:
        return [(spec.method, spec.path) for spec in ALL_ROUTES]

    def tick(self) -> int:
        """Run clock-driven work now (countdown cancels); returns how many countdowns fired."""
        return self.state.sweep_countdowns(self.exchange)
