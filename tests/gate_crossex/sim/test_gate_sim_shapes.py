"""Every documented route answers with the document's status and example keys (and value kinds)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from gate_sim_helpers import DOC_EXAMPLES, User

from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator

# Example values that are JSON numbers while the document's schema table says "string": served as strings.
SCHEMA_SAYS_STRING = {
    ("POST /api/v4/crossex/orders", "order_id"),
    ("DELETE /api/v4/crossex/orders/{order_id}", "order_id"),
    ("PUT /api/v4/crossex/orders/{order_id}", "order_id"),
    ("GET /api/v4/crossex/positions/leverage", "leverage"),
    ("GET /api/v4/crossex/history_positions", "leverage"),
}
BTC = "BINANCE_FUTURE_BTC_USDT"
MARGIN_BTC = "BINANCE_MARGIN_BTC_USDT"


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def assert_shape(route: str, example: Any, actual: Any, path: str = "", nullable: frozenset[str] = frozenset()) -> None:
    """Example keys must all be present with the same JSON kind; lists compare first elements, and a key that is
    null in any element of the example's list may be null in the answer."""
    if isinstance(example, list):
        assert isinstance(actual, list), f"{route}{path}: expected a list"
        if example:
            assert actual, f"{route}{path}: empty list, cannot compare with the example"
            nulls = frozenset(k for e in example if isinstance(e, dict) for k, v in e.items() if v is None)
            assert_shape(route, example[0], actual[0], path + "[0]", nulls)
        return
    if isinstance(example, dict):
        assert isinstance(actual, dict), f"{route}{path}: expected an object"
        missing = set(example) - set(actual)
        assert not missing, f"{route}{path}: missing keys {sorted(missing)}"
        for key, value in example.items():
            if actual[key] is None and key in nullable:
                continue
            assert_shape(route, value, actual[key], f"{path}.{key}")
        return
    field = path.rsplit(".", 1)[-1]
    if (route, field) in SCHEMA_SAYS_STRING or example is None:
        return
    assert _kind(actual) == _kind(example), f"{route}{path}: {actual!r} is not like {example!r}"


@pytest.fixture
async def busy(sim: GateCrossExSimulator, alice: User) -> dict[str, str]:
    """Alice with transfers, futures and margin trades, open orders, a conversion and accrued interest."""
    sim.deposit_spot(alice.user_id, "USDT", Decimal(1000))
    await alice.ok("POST", "/transfers", body={"coin": "USDT", "amount": "100", "from": "CROSSEX", "to": "SPOT"})
    await alice.ok("POST", "/transfers", body={"coin": "USDT", "amount": "1e9", "from": "SPOT", "to": "CROSSEX"})
    buy = {"symbol": BTC, "side": "BUY", "type": "MARKET", "qty": "0.01"}
    await alice.ok("POST", "/orders", body=buy)
    await alice.ok("POST", "/orders", body={**buy, "side": "SELL", "qty": "0.004", "reduce_only": "true"})
    margin = {"symbol": MARGIN_BTC, "side": "BUY", "type": "MARKET", "qty": "0.002", "position_side": "LONG"}
    await alice.ok("POST", "/orders", body=margin)
    await alice.ok("POST", "/orders", body={**margin, "side": "SELL", "qty": "0.001"})
    sim.accrue_interest(hours=2)
    resting = await alice.ok(
        "POST", "/orders", body={"symbol": BTC, "side": "BUY", "qty": "0.002", "price": "60000", "text": "rest-1"}
    )
    amendable = await alice.ok("POST", "/orders", body={"symbol": BTC, "side": "BUY", "qty": "0.002", "price": "60001"})
    sim.exchange.set_commission_rate(alice.user_id, Decimal("0.0001"), Decimal("0.0004"), symbol="OKX_FUTURE_ETH_USDT")
    quote = await alice.ok(
        "POST",
        "/convert/quote",
        body={"exchange_type": "OKX", "from_coin": "USDT", "to_coin": "BTC", "from_amount": "5"},
    )
    await alice.ok(
        "POST", "/orders", body={"symbol": "OKX_FUTURE_SOL_USDT", "side": "BUY", "type": "MARKET", "qty": "0.01"}
    )
    return {"resting": resting["order_id"], "amendable": amendable["order_id"], "quote_id": quote["quote_id"]}


def _calls(ids: dict[str, str]) -> dict[str, tuple[str, dict[str, str] | None, Any]]:
    """(concrete path, query, body) for each documented route."""
    return {
        "GET /api/v4/crossex/rule/symbols": ("/rule/symbols", None, None),
        "GET /api/v4/crossex/rule/risk_limits": ("/rule/risk_limits", {"symbols": BTC}, None),
        "GET /api/v4/crossex/transfers/coin": ("/transfers/coin", None, None),
        "POST /api/v4/crossex/transfers": (
            "/transfers",
            None,
            {"coin": "USDT", "amount": "10", "from": "SPOT", "to": "CROSSEX", "text": "t-1"},
        ),
        "GET /api/v4/crossex/transfers": ("/transfers", None, None),
        "POST /api/v4/crossex/orders": (
            "/orders",
            None,
            {"symbol": BTC, "side": "SELL", "qty": "0.002", "price": "70000"},
        ),
        "DELETE /api/v4/crossex/orders/{order_id}": (f"/orders/{ids['resting']}", None, {}),
        "PUT /api/v4/crossex/orders/{order_id}": (f"/orders/{ids['amendable']}", None, {"qty": "0.003"}),
        "GET /api/v4/crossex/orders/{order_id}": ("/orders/rest-1", None, None),
        "POST /api/v4/crossex/convert/quote": (
            "/convert/quote",
            None,
            {"exchange_type": "GATE", "from_coin": "USDT", "to_coin": "ETH", "from_amount": "3"},
        ),
        "POST /api/v4/crossex/convert/orders": ("/convert/orders", None, {"quote_id": ids["quote_id"]}),
        "PUT /api/v4/crossex/accounts": ("/accounts", None, {"account_mode": "CROSS_EXCHANGE"}),
        "GET /api/v4/crossex/accounts": ("/accounts", None, None),
        "POST /api/v4/crossex/positions/leverage": ("/positions/leverage", None, {"symbol": BTC, "leverage": "5"}),
        "GET /api/v4/crossex/positions/leverage": ("/positions/leverage", None, None),
        "POST /api/v4/crossex/margin_positions/leverage": (
            "/margin_positions/leverage",
            None,
            {"symbol": "OKX_MARGIN_ETH_USDT", "leverage": "2"},
        ),
        "GET /api/v4/crossex/margin_positions/leverage": ("/margin_positions/leverage", None, None),
        "DELETE /api/v4/crossex/position": ("/position", None, {"symbol": "OKX_FUTURE_SOL_USDT"}),
        "GET /api/v4/crossex/interest_rate": ("/interest_rate", None, None),
        "GET /api/v4/crossex/fee": ("/fee", None, None),
        "GET /api/v4/crossex/positions": ("/positions", None, None),
        "GET /api/v4/crossex/margin_positions": ("/margin_positions", None, None),
        "GET /api/v4/crossex/adl_rank": ("/adl_rank", {"symbol": BTC}, None),
        "GET /api/v4/crossex/open_orders": ("/open_orders", None, None),
        "GET /api/v4/crossex/history_orders": ("/history_orders", None, None),
        "GET /api/v4/crossex/history_positions": ("/history_positions", None, None),
        "GET /api/v4/crossex/history_margin_positions": ("/history_margin_positions", None, None),
        "GET /api/v4/crossex/history_margin_interests": ("/history_margin_interests", None, None),
        "GET /api/v4/crossex/history_trades": ("/history_trades", None, None),
        "GET /api/v4/crossex/account_book": ("/account_book", None, None),
        "GET /api/v4/crossex/coin_discount_rate": ("/coin_discount_rate", None, None),
    }


def test_examples_cover_every_documented_route(sim: GateCrossExSimulator) -> None:
    served = {f"{m} {p}" for m, p in sim.routes()}
    assert len(DOC_EXAMPLES) == 31
    assert set(DOC_EXAMPLES) <= served


@pytest.mark.parametrize("route", sorted(DOC_EXAMPLES))
async def test_route_matches_document_example(route: str, alice: User, busy: dict[str, str]) -> None:
    method = route.split(" ", 1)[0]
    path, params, body = _calls(busy)[route]
    response = await alice.call(method, path, params, body)
    example = DOC_EXAMPLES[route]
    assert response.status_code == example["status"], response.text
    assert_shape(route, example["response"], response.json())
