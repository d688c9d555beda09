"""Per-request pipeline: rate limit (per user or IP, per endpoint) → signature check → handler → headers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from venuekit.core.simulator import (
    SimApp,
    SimClock,
    SimRateLimits,
    SimRejected,
    SimRequest,
    SimResponse,
    json_response,
)

from .auth import Authenticator
from .context import CrossEx, Ctx, Reply
from .errors import GateError, from_rejection
from .routes import RouteSpec

REMAIN = "X-Gate-RateLimit-Requests-Remain"
LIMIT = "X-Gate-RateLimit-Limit"
RESET = "X-Gate-RateLimit-Reset-Timestamp"


def _not_found(request: SimRequest) -> SimResponse:
    return json_response({"label": "NOT_FOUND", "message": f"{request.method} {request.path} not found"}, 404)


def _not_allowed(request: SimRequest, allowed: list[str]) -> SimResponse:
    return json_response({"label": "METHOD_NOT_ALLOWED", "message": f"allowed: {', '.join(allowed)}"}, 405)


async def _server_error(request: SimRequest, exc: Exception) -> SimResponse:
    return json_response({"label": "SERVER_ERROR", "message": f"internal error: {type(exc).__name__}"}, 500)


class Gateway:
    """Builds the `SimApp` and wraps every route with limits, auth and Gate's response headers."""

    def __init__(self, venue: CrossEx, auth: Authenticator, limits: SimRateLimits, clock: SimClock) -> None:
        self.venue = venue
        self.auth = auth
        self.limits = limits
        self.clock = clock

    def build(self, routes: tuple[RouteSpec, ...], app: SimApp) -> None:
        app.router.not_found = _not_found
        app.router.method_not_allowed = _not_allowed
        app.error_handler = _server_error
        for spec in routes:
            if spec.key not in self.limits.rules:
                self.limits.define(spec.key, spec.limit, spec.window_ms)
            app.add(spec.method, spec.path, self._endpoint(spec))

    def _endpoint(self, spec: RouteSpec) -> Callable[[SimRequest], Awaitable[SimResponse]]:
        async def handle(request: SimRequest) -> SimResponse:
            return self.serve(spec, request)

        return handle

    def _scope(self, spec: RouteSpec, request: SimRequest) -> str:
        if spec.private:
            account = self.auth.account_for_key(request.headers.get("key"))
            if account is not None:
                return f"uid:{account}"
        return f"ip:{request.client_host or 'unknown'}"

    def serve(self, spec: RouteSpec, request: SimRequest) -> SimResponse:
        result = self.limits.check_and_count(spec.key, self._scope(spec, request))
        now = self.clock.now_ms()
        reset_ms = now + result.retry_after_ms if not result.ok else now - now % result.window_ms + result.window_ms
        if not result.ok:
            response = GateError("TOO_MANY_REQUESTS", "Request Rate limit Exceeded", 429).response()
        else:
            response = self._answer(spec, request)
        response.set_header(REMAIN, str(max(0, result.limit - result.used)))
        response.set_header(LIMIT, str(result.limit))
        response.set_header(RESET, str(-(-reset_ms // 1000)))
        request_id = request.headers.get("x-client-request-id")
        if request_id:
            response.set_header("X-Client-Request-Id", request_id)
        return response

    def _answer(self, spec: RouteSpec, request: SimRequest) -> SimResponse:
        try:
            account = self.auth.verify(request) if spec.private else ""
            return _render(spec.handler(Ctx(self.venue, request, account)))
        except GateError as exc:
            return exc.response()
        except SimRejected as exc:
            return from_rejection(exc).response()


def _render(reply: Reply) -> SimResponse:
    if isinstance(reply, SimResponse):
        return reply
    status, payload = reply
    if status == 204:
        return SimResponse(204, b"", [])
    return json_response(payload, status=status)
