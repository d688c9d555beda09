"""Binance USDⓈ-M quotas and per-endpoint request weights, as data."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

import orjson

from venuekit.core.ratelimit.quota import Cost, Quota, Scope

WEIGHT_1M: Final = "weight_1m"
ORDERS_10S: Final = "orders_10s"
ORDERS_1M: Final = "orders_1m"

#: Defaults from the exchangeInfo example (2400 weight/min per IP, 1200 orders/min per account);
#: the 10-second order window's 300 is the commonly served live value. `exchangeInfo.rateLimits`
#: and the X-MBX-* headers keep the counters honest.
QUOTAS: Final[tuple[Quota, ...]] = (
    Quota(WEIGHT_1M, 2400, 60_000, Scope.IP),
    Quota(ORDERS_10S, 300, 10_000, Scope.ACCOUNT),
    Quota(ORDERS_1M, 1200, 60_000, Scope.ACCOUNT),
)

#: Response headers → quota they report (upper-cased header names).
USAGE_HEADERS: Final[dict[str, str]] = {
    "X-MBX-USED-WEIGHT-1M": WEIGHT_1M,
    "X-MBX-ORDER-COUNT-10S": ORDERS_10S,
    "X-MBX-ORDER-COUNT-1M": ORDERS_1M,
}

CostFn = Callable[[Mapping[str, str]], tuple[Cost, ...]]


def weight(units: int) -> tuple[Cost, ...]:
    return (Cost(WEIGHT_1M, units),)


def order_weight(units: int, orders: int = 1) -> tuple[Cost, ...]:
    """Placement: request weight plus one unit per order in both per-account order windows."""
    return (Cost(WEIGHT_1M, units), Cost(ORDERS_10S, orders), Cost(ORDERS_1M, orders))


def by_symbol(with_symbol: int, without_symbol: int) -> CostFn:
    """Weight that depends on whether `symbol` was sent (e.g. openOrders 1 vs 40)."""
    one, many = weight(with_symbol), weight(without_symbol)

    def cost(params: Mapping[str, str]) -> tuple[Cost, ...]:
        return one if "symbol" in params else many

    return cost


def batch_orders_cost(params: Mapping[str, str]) -> tuple[Cost, ...]:
    """Weight 5 per batch; each order in the JSON list counts toward the order windows."""
    try:
        items = orjson.loads(params.get("batchOrders", "[]"))
    except orjson.JSONDecodeError:
        items = []
    orders = len(items) if isinstance(items, list) else 1
    return order_weight(5, max(1, orders))
