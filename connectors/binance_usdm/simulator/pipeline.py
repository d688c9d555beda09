"""The per-request path every Binance route shares: weight, authentication, order count, logic, JSON."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Literal

from venuekit.core.simulator import Exchange, SimInstrument, SimRejected, SimRequest, SimResponse, json_response
from venuekit.core.simulator.messages import FORM_CONTENT_TYPE

from .auth import api_key_of, parse_params, verify_signed
from .errors import BinanceError, bad_symbol, from_reject
from .limits import Throttle
from .markets import MarketSpec, default_spec
from .params import Params
from .state import VenueState
from .wire import wire_symbol

Security = Literal["NONE", "USER_STREAM", "SIGNED"]
Cost = int | Callable[[Params], int]


@dataclass
class Backend:
    """What route logic reaches: the engine, the Binance-only state, limits and market specs."""

    exchange: Exchange
    state: VenueState
    throttle: Throttle
    specs: dict[str, MarketSpec] = field(default_factory=dict)

    def spec_of(self, inst: SimInstrument) -> MarketSpec:
        spec = self.specs.get(inst.symbol)
        if spec is None or spec.inst.symbol != inst.symbol:
            spec = self.specs[inst.symbol] = default_spec(inst)
        return spec

    def spec_for(self, engine_symbol: str) -> MarketSpec:
        return self.spec_of(self.exchange.instrument(engine_symbol))

    def instrument(self, symbol: str) -> SimInstrument:
        """The engine instrument behind a wire symbol such as BTCUSDT (-1121 when unknown)."""
        for inst in self.exchange.instruments():
            if wire_symbol(inst) == symbol:
                return inst
        raise bad_symbol()

    def wire(self, engine_symbol: str) -> str:
        return wire_symbol(self.exchange.instrument(engine_symbol)) if engine_symbol else ""


@dataclass
class Ctx:
    """One request as route logic sees it."""

    backend: Backend
    request: SimRequest
    params: Params
    account_id: str = ""

    @property
    def exchange(self) -> Exchange:
        return self.backend.exchange

    @property
    def state(self) -> VenueState:
        return self.backend.state

    @property
    def now(self) -> int:
        return self.backend.exchange.now_ms()

    def inst(self, name: str = "symbol") -> SimInstrument:
        return self.backend.instrument(self.params.need(name))

    def maybe_inst(self, name: str = "symbol") -> SimInstrument | None:
        value = self.params.raw(name)
        return None if value is None else self.backend.instrument(value)


Logic = Callable[[Ctx], object]


@dataclass(frozen=True)
class Spec:
    """A route: path, security type, request weight and order count (constants or functions of params)."""

    method: str
    path: str
    security: Security
    logic: Logic
    weight: Cost = 1
    orders: Cost = 0

    def cost(self, cost: Cost, params: Params) -> int:
        return cost(params) if callable(cost) else cost


def _body_text(request: SimRequest) -> str:
    if not request.body or request.content_type not in ("", FORM_CONTENT_TYPE):
        return ""
    return request.body.decode("latin-1")


def make_handler(spec: Spec, backend: Backend) -> Callable[[SimRequest], Awaitable[SimResponse]]:
    """Wrap route logic into a router handler that renders Binance errors and limit headers."""

    async def handle(request: SimRequest) -> SimResponse:
        ip = request.client_host or "0.0.0.0"
        query, body = request.raw_query, _body_text(request)
        params = parse_params(query, body)
        ctx = Ctx(backend, request, params)
        headers: dict[str, str] = {}
        status = 200
        payload: object
        try:
            backend.state.sweep_countdowns(backend.exchange)
            backend.throttle.charge_weight(ip, spec.cost(spec.weight, params))
            if spec.security == "SIGNED":
                key, ctx.params = verify_signed(
                    query, body, request.headers, backend.state.keys, backend.exchange.now_ms()
                )
                ctx.account_id = key.account_id
            elif spec.security == "USER_STREAM":
                ctx.account_id = api_key_of(request.headers, backend.state.keys).account_id
            if spec.orders:
                backend.throttle.charge_orders(ctx.account_id, spec.cost(spec.orders, ctx.params))
            payload = spec.logic(ctx)
            if inspect.isawaitable(payload):
                payload = await payload
        except SimRejected as exc:
            error = from_reject(exc)
            payload, status = error.body(), error.status
        except BinanceError as exc:
            payload, status = exc.body(), exc.status
            headers.update(exc.headers)
        headers.update(backend.throttle.weight_headers(ip))
        if spec.orders and ctx.account_id:
            headers.update(backend.throttle.order_headers(ctx.account_id))
        return json_response(payload, status, headers)

    return handle


def not_found(request: SimRequest) -> SimResponse:
    return json_response({"code": -1099, "msg": "Not found, unauthenticated, or unauthorized."}, 404)


def not_allowed(request: SimRequest, allowed: list[str]) -> SimResponse:
    return json_response({"code": -1099, "msg": "Not found, unauthenticated, or unauthorized."}, 405)
