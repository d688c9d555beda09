"""BingX USDT-M perpetual (plus spot/fund wallet) simulator: BingX's wire protocol over the shared engine.

`sim = BingXSimulator(clock=ManualClock())`, `sim.add_account(key, secret, {"USDT": Decimal(1000)})`, then point a
client at `sim.base_url` with `transport=sim.transport()`, or serve it with `python -m
venuekit.connectors.bingx.simulator`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from venuekit.core.simulator import (
    AsgiWsConnector,
    Exchange,
    FaultInjector,
    Router,
    SimApp,
    SimClock,
    SimRateLimits,
    SimulatorTransport,
    StreamFaults,
    WallClock,
    WsApp,
)
from venuekit.core.types.enums import PositionMode

from . import (
    markets,
    routes_account,
    routes_extra,
    routes_fund,
    routes_orders,
    routes_positions,
    routes_queries,
    routes_twap,
)
from .app import Pipeline, RouteSpec, method_not_allowed, not_found
from .state import ApiKey, BingXState
from .twap import TwapDesk
from .ws_hub import BingXWsHub
from .ws_routes import LISTEN_KEY_PATH, listen_key_handlers, listen_key_routes, websocket_app, ws_paths

ROUTE_TABLES: tuple[list[RouteSpec], ...] = (
    markets.ROUTES,
    routes_orders.ROUTES,
    routes_queries.ROUTES,
    routes_positions.ROUTES,
    routes_account.ROUTES,
    routes_extra.ROUTES,
    routes_twap.ROUTES,
    routes_fund.ROUTES,
)


class BingXSimulator:
    """ASGI app speaking BingX's REST protocol; accounts default to hedge (dual side) mode like BingX."""

    venue: ClassVar[str] = "bingx"
    base_url: str = "https://bingx.sim"
    ws_url: str = "wss://bingx.sim"

    def __init__(
        self,
        *,
        exchange: Exchange | None = None,
        clock: SimClock | None = None,
        seed: int = 0,
        seed_markets: bool = True,
        dual_side_default: bool = True,
    ) -> None:
        self.exchange = exchange or Exchange(self.venue, clock=clock or WallClock(), seed=seed)
        self.state = BingXState(self.exchange, seed)
        self.twap = TwapDesk(self.state)
        self.faults = FaultInjector()
        self.limits = SimRateLimits(self.exchange.clock)
        self.dual_side_default = dual_side_default
        self._pipeline = Pipeline(self.state, self.twap, self.limits)
        self._routes: list[RouteSpec] = [spec for table in ROUTE_TABLES for spec in table]
        router = Router(not_found=not_found, method_not_allowed=method_not_allowed)
        for spec in self._routes:
            router.add(spec.method, spec.path, self._pipeline.handler(spec))
        self.stream_faults = StreamFaults()
        self.hub = BingXWsHub(self.state, self.stream_faults)
        for method, handler in listen_key_handlers(self.hub).items():
            router.add(method, LISTEN_KEY_PATH, handler)
        self.websocket = websocket_app(self.hub, WsApp(self.stream_faults))
        self.app = SimApp(router, faults=self.faults, websocket=self.websocket)
        if seed_markets:
            markets.seed_markets(self.exchange)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)

    def add_account(self, api_key: str, secret: str, balances: Mapping[str, Decimal] | None = None) -> str:
        """Register an API key for a new account funded in its perpetual-futures wallet; returns the account id."""
        uid = self.state.new_uid()
        account_id = f"bingx-{uid}"
        self.exchange.create_account(account_id, dict(balances or {}))
        if self.dual_side_default:
            self.exchange.set_position_mode(account_id, PositionMode.HEDGE)
        self.state.keys[api_key] = ApiKey(secret, account_id, uid)
        self.state.account(account_id)
        return account_id

    def uid_of(self, api_key: str) -> str:
        """The BingX UID behind an API key (used as `userAccount` of internal transfers)."""
        return self.state.keys[api_key].uid

    def deposit(self, account_id: str, asset: str, amount: Decimal, wallet: str = "futures") -> Decimal:
        """Fund a wallet from outside: "futures" (perpetual), "spot", "fund" or "sfutures"."""
        return self.exchange.deposit(account_id, asset, amount, wallet)

    def tick(self) -> None:
        """Run time-driven work now (cancel-all-after, TWAP slices, brackets); requests also do this."""
        self._pipeline.housekeeping()

    def transport(self) -> SimulatorTransport:
        return SimulatorTransport(self)

    def ws_connector(self) -> AsgiWsConnector:
        """In-process WebSocket connector onto this simulator (streams without sockets)."""
        return AsgiWsConnector(self)

    def ws_routes(self) -> list[tuple[str, str]]:
        return ws_paths()

    def routes(self) -> list[tuple[str, str]]:
        return [(spec.method, spec.path) for spec in self._routes] + listen_key_routes()


__all__ = ["BingXSimulator"]
