"""Per-request pipeline: IP quota, API key, signature, timestamp, UID quota, handler, BingX error mapping."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from venuekit.core.simulator import Exchange, SimRateLimits, SimRejected, SimRequest, SimResponse
from venuekit.core.simulator.routing import Handler

from . import codes, limits, timers
from .auth import check_timestamp, parse_params, verify_signature
from .codes import BingXError, from_rejection
from .params import Params
from .state import BingXState
from .twap import TwapDesk
from .wire import error, respond

Reply = dict[str, Any] | SimResponse


@dataclass
class Ctx:
    """What a route handler gets: engine, BingX state, typed params and the caller's account."""

    st: BingXState
    ex: Exchange
    twap: TwapDesk
    p: Params
    account_id: str
    uid: str
    now: int


@dataclass(frozen=True)
class RouteSpec:
    """One served endpoint: method, path, handler, UID quota (req/s; None = none) and IP group."""

    method: str
    path: str
    fn: Callable[[Ctx], Reply]
    uid_rate: int | None
    ip_group: str = "account"
    public: bool = False

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"


class Pipeline:
    """Turns a `RouteSpec` into an ASGI-toolkit handler that authenticates like BingX."""

    def __init__(self, st: BingXState, twap: TwapDesk, rate_limits: SimRateLimits) -> None:
        self.st = st
        self.twap = twap
        self.limits = rate_limits
        limits.define_groups(rate_limits)

    def handler(self, spec: RouteSpec) -> Handler:
        limits.define_endpoint(self.limits, spec.key, spec.uid_rate)

        async def handle(request: SimRequest) -> SimResponse:
            return self.run(spec, request)

        return handle

    def housekeeping(self) -> None:
        """Time-driven work on the engine clock: cancel-all-after timers, TWAP slices, TP/SL brackets."""
        now = self.st.exchange.now_ms()
        timers.fire_cancel_timers(self.st, now)
        self.twap.tick(now)
        timers.place_brackets(self.st)

    def run(self, spec: RouteSpec, request: SimRequest) -> SimResponse:
        ex = self.st.exchange
        symbol: str | None = None
        try:
            self.housekeeping()
            now = ex.now_ms()
            ip = request.client_host or "127.0.0.1"
            limits.enforce(self.limits, spec.key, spec.ip_group, ip, None)
            incoming = parse_params(request)
            symbol = incoming.params.get("symbol")
            account_id = uid = ""
            if not spec.public:
                account_id, uid = self._authenticate(request, incoming.json_body, incoming.params, now)
                limits.enforce_uid(self.limits, spec.key, uid)
            reply = spec.fn(Ctx(self.st, ex, self.twap, Params(incoming.params), account_id, uid, now))
            timers.place_brackets(self.st)
        except BingXError as exc:
            reply = error(exc.code, exc.msg)
        except SimRejected as exc:
            mapped = from_rejection(exc, symbol)
            reply = error(mapped.code, mapped.msg)
        return reply if isinstance(reply, SimResponse) else respond(reply)

    def _authenticate(
        self, request: SimRequest, json_body: dict[str, object] | None, params: dict[str, str], now: int
    ) -> tuple[str, str]:
        key = request.headers.get("x-bx-apikey")
        if not key:
            raise BingXError(codes.BAD_API_KEY, "Null apiKey")
        entry = self.st.keys.get(key)
        if entry is None:
            raise BingXError(codes.BAD_API_KEY, "Incorrect apiKey")
        verify_signature(request, json_body, entry.secret)
        check_timestamp(params, now)
        return entry.account_id, entry.uid


def not_found(request: SimRequest) -> SimResponse:
    return respond(error(codes.BAD_PARAMS, f"this api is not exist: {request.path}"), status=404)


def method_not_allowed(request: SimRequest, allowed: list[str]) -> SimResponse:
    return respond(error(codes.BAD_PARAMS, f"request method {request.method} not supported"), status=405)
