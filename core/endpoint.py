"""`Endpoint`: one documented venue endpoint as data (method, path, auth, costs, response type)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar
from urllib.parse import quote

from .errors import InvalidRequest
from .ratelimit.quota import Cost

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Endpoint(Generic[T]):
    """Declared once per endpoint, next to its models; the raw client method just passes params."""

    method: str
    path: str
    response: Any
    signed: bool = True
    costs: tuple[Cost, ...] = ()
    cost_fn: Callable[[Mapping[str, str]], tuple[Cost, ...]] | None = None
    retry_safe: bool | None = None
    places_order: bool = False
    name: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def safe_to_retry(self) -> bool:
        """GETs and cancels may be repeated; order placement never blindly."""
        if self.retry_safe is not None:
            return self.retry_safe
        return self.method == "GET" and not self.places_order

    def format_path(self, segments: Mapping[str, str] | None) -> str:
        """Fill `{name}` placeholders, each value percent-encoded as exactly one path segment."""
        if not segments:
            return self.path
        encoded = {}
        for key, value in segments.items():
            if not value:
                raise InvalidRequest("must not be empty", field=key)
            encoded[key] = quote(value, safe="")
        return self.path.format_map(encoded)

    def costs_for(self, params: Mapping[str, str]) -> tuple[Cost, ...]:
        return self.cost_fn(params) if self.cost_fn is not None else self.costs
