"""What every handler sees: the engine with CrossEx state, the request, the caller, and parsing helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import orjson

from venuekit.core.simulator import Exchange, SimRejected, SimRequest, SimResponse, decimal_text
from venuekit.core.types.enums import PositionMode

from .errors import GateError, from_rejection, param_error
from .markets import PairSpec
from .state import CrossExState
from .tracker import PositionTracker

T = TypeVar("T")
Reply = tuple[int, Any] | SimResponse
MAX_LIMIT = 1000
DEFAULT_LIMIT = 100


def text(value: Decimal | int) -> str:
    """Decimal or int as the plain string the document shows ("0.5426", never "5.426E-1")."""
    if isinstance(value, Decimal):
        return decimal_text(value.normalize()) if value != 0 else "0"
    return str(value)


class CrossEx:
    """The engine plus the pair table and CrossEx-only state, shared by all handlers."""

    def __init__(self, exchange: Exchange) -> None:
        self.exchange = exchange
        self.state = CrossExState()
        self.pairs: dict[str, PairSpec] = {}
        self.tracker = PositionTracker(exchange)
        self.full_close_dust_only = True

    def now_ms(self) -> int:
        return self.exchange.now_ms()

    def pair(self, symbol: str | None) -> PairSpec:
        spec = self.pairs.get(symbol or "")
        if spec is None:
            raise GateError("TRADE_SYM_NOT_SUPPORT", f"symbol {symbol!r} is not supported")
        return spec

    def position_mode(self, account_id: str) -> str:
        return "DUAL" if self.exchange.position_mode(account_id) is PositionMode.HEDGE else "SINGLE"

    def engine(self, call: Callable[[], T], overrides: dict[Any, str] | None = None) -> T:
        """Run an engine operation, turning `SimRejected` into the CrossEx label."""
        try:
            return call()
        except SimRejected as exc:
            raise from_rejection(exc, overrides) from None


@dataclass
class Ctx:
    venue: CrossEx
    request: SimRequest
    account_id: str = ""

    @property
    def exchange(self) -> Exchange:
        return self.venue.exchange

    def body(self) -> dict[str, Any]:
        """The JSON object body (an empty body reads as `{}`)."""
        raw = self.request.body.strip()
        if not raw:
            return {}
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise param_error("request body is not valid JSON") from None
        if not isinstance(data, dict):
            raise param_error("request body must be a JSON object")
        return data

    def param(self, name: str) -> str | None:
        value = self.request.params.get(name)
        return value if value not in (None, "") else None

    def require(self, name: str) -> str:
        value = self.param(name)
        if value is None:
            raise param_error(f"missing required parameter {name}")
        return value

    def symbols(self, name: str = "symbols") -> list[str] | None:
        value = self.param(name)
        return [s.strip() for s in value.split(",") if s.strip()] if value else None

    def int_param(self, name: str, default: int | None = None) -> int | None:
        value = self.param(name)
        if value is None:
            return default
        try:
            return int(value)
        except ValueError:
            raise param_error(f"{name} must be an integer") from None

    def time_param(self, name: str) -> int | None:
        """A time filter in ms; second-resolution values (before year 5138 in ms) are scaled up."""
        value = self.int_param(name)
        if value is None:
            return None
        return value * 1000 if value < 100_000_000_000 else value

    def page(self, rows: Iterable[T]) -> list[T]:
        """`page` (from 1) and `limit` (max 1000) over rows already sorted newest first."""
        limit = self.int_param("limit", DEFAULT_LIMIT) or DEFAULT_LIMIT
        page = self.int_param("page", 1) or 1
        if limit < 1 or limit > MAX_LIMIT or page < 1:
            raise param_error("limit must be 1..1000 and page >= 1")
        items = list(rows)
        return items[(page - 1) * limit : page * limit]

    def in_window(self, ts: int) -> bool:
        start, end = self.time_param("from"), self.time_param("to")
        return (start is None or ts >= start) and (end is None or ts <= end)


def decimal_field(body: dict[str, Any], name: str, label: str, *, required: bool = False) -> Decimal | None:
    """A decimal from a JSON string or number; `label` names the error for a bad value."""
    value = body.get(name)
    if value is None or value == "":
        if required:
            raise GateError(label, f"{name} is required")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise GateError(label, f"{name} must be a decimal string")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise GateError(label, f"{name} must be a decimal string") from None
    if not number.is_finite():
        raise GateError(label, f"{name} must be finite")
    return number


def string_field(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise param_error(f"{name} must be a string")
    return value
