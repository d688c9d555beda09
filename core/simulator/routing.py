"""Method + path-template routing with `{param}` segments and venue-rendered 404/405 responses."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from .messages import SimRequest, SimResponse, json_response

Handler = Callable[[SimRequest], Awaitable[SimResponse]]
NotFoundRenderer = Callable[[SimRequest], SimResponse]
MethodNotAllowedRenderer = Callable[[SimRequest, list[str]], SimResponse]


def _default_not_found(request: SimRequest) -> SimResponse:
    return json_response({"error": "not found", "path": request.path}, status=404)


def _default_not_allowed(request: SimRequest, allowed: list[str]) -> SimResponse:
    return json_response({"error": "method not allowed", "allowed": allowed}, status=405)


@dataclass(frozen=True)
class Route:
    method: str
    template: str
    handler: Handler
    segments: tuple[str, ...]

    def match(self, parts: tuple[str, ...]) -> dict[str, str] | None:
        if len(parts) != len(self.segments):
            return None
        params: dict[str, str] = {}
        for seg, part in zip(self.segments, parts, strict=True):
            if seg.startswith("{") and seg.endswith("}"):
                if not part:
                    return None
                params[seg[1:-1]] = part
            elif seg != part:
                return None
        return params

    @property
    def is_static(self) -> bool:
        return not any(s.startswith("{") for s in self.segments)


def _split(path: str) -> tuple[str, ...]:
    return tuple(path.strip("/").split("/")) if path.strip("/") else ()


class Router:
    """Static routes win over templated ones; templated routes are tried in registration order."""

    def __init__(
        self,
        *,
        not_found: NotFoundRenderer | None = None,
        method_not_allowed: MethodNotAllowedRenderer | None = None,
    ) -> None:
        self.routes: list[Route] = []
        self.not_found = not_found or _default_not_found
        self.method_not_allowed = method_not_allowed or _default_not_allowed

    def add(self, method: str, path_template: str, handler: Handler) -> None:
        self.routes.append(Route(method.upper(), path_template, handler, _split(path_template)))
        self.routes.sort(key=lambda r: not r.is_static)

    def route(self, method: str, path_template: str) -> Callable[[Handler], Handler]:
        """Decorator form of `add`."""

        def register(handler: Handler) -> Handler:
            self.add(method, path_template, handler)
            return handler

        return register

    def resolve(self, method: str, path: str) -> tuple[Route | None, dict[str, str], list[str]]:
        """(route, path params, allowed methods for the path); route is None on 404/405."""
        parts = _split(path)
        allowed: list[str] = []
        for route in self.routes:
            params = route.match(parts)
            if params is None:
                continue
            if route.method == method.upper():
                return route, params, allowed
            allowed.append(route.method)
        return None, {}, sorted(set(allowed))

    async def dispatch(self, request: SimRequest) -> SimResponse:
        route, params, allowed = self.resolve(request.method, request.path)
        if route is None:
            if allowed:
                response = self.method_not_allowed(request, allowed)
                response.set_header("allow", ", ".join(allowed))
                return response
            return self.not_found(request)
        request.path_params = params
        return await route.handler(request)
