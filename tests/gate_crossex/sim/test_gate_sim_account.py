"""Account settings, leverage, full close, transfers, flash swap and the account book through HTTP."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from gate_sim_helpers import User

from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator

BTC = "BINANCE_FUTURE_BTC_USDT"
SOL_OKX = "OKX_FUTURE_SOL_USDT"


async def _label(user: User, method: str, path: str, body: Any = None, params: dict[str, str] | None = None) -> str:
    response = await user.call(method, path, params, body)
    assert response.status_code == 400, response.text
    label: str = response.json()["label"]
    return label


@pytest.mark.parametrize(
    ("body", "label"),
    [
        ({}, "UPDATE_ACCOUNT_PARAMETERS_ALL_EMPTY_ERROR"),
        ({"position_mode": "DUAL", "account_mode": "CROSS_EXCHANGE"}, "UPDATE_ACCOUNT_PARAMETERS_ERROR"),
        ({"exchange_type": "OKX"}, "UPDATE_ACCOUNT_EXCHANGE_TYPE_PARAMETERS_ERROR"),
        ({"account_mode": "SOLO"}, "UPDATE_ACCOUNT_ACCOUNT_MODE_ERROR"),
        ({"position_mode": "DUAL", "exchange_type": "NYSE"}, "UPDATE_ACCOUNT_EXCHANGE_TYPE_ERROR"),
        (
            {"position_mode": "DUAL", "exchange_type": "OKX"},
            "UPDATE_ACCOUNT_CROSSEX_MODE_EXCHANGE_TYPE_NOT_CROSSEX_ERROR",
        ),
        ({"position_mode": "SINGLE"}, "TRADE_CHANGE_PZ_MODE_SAME_ERROR"),
    ],
)
async def test_account_update_refusals(alice: User, body: dict[str, str], label: str) -> None:
    assert await _label(alice, "PUT", "/accounts", body) == label


async def test_position_mode_needs_no_orders_and_no_positions(alice: User) -> None:
    placed = await alice.ok("POST", "/orders", body={"symbol": BTC, "side": "BUY", "qty": "0.002", "price": "60000"})
    assert await _label(alice, "PUT", "/accounts", {"position_mode": "DUAL"}) == "TRADE_PZ_MODE_HAVE_ORDER_ERROR"
    await alice.ok("DELETE", f"/orders/{placed['order_id']}")
    await alice.ok("POST", "/orders", body={"symbol": BTC, "side": "BUY", "type": "MARKET", "qty": "0.002"})
    assert await _label(alice, "PUT", "/accounts", {"position_mode": "DUAL"}) == "TRADE_PZ_MODE_HAVE_POSITION_ERROR"
    assert await _label(alice, "PUT", "/accounts", {"account_mode": "ISOLATED_EXCHANGE"}) == (
        "UPDATE_ACCOUNT_MODE_POSITION_NOT_EMPTY_ERROR"
    )


async def test_isolated_mode_rules(alice: User) -> None:
    answer = await alice.call("PUT", "/accounts", body={"account_mode": "ISOLATED_EXCHANGE"})
    assert (answer.status_code, answer.json()) == (
        202,
        {"position_mode": "", "account_mode": "ISOLATED_EXCHANGE", "exchange_type": ""},
    )
    assert await _label(alice, "GET", "/accounts") == "QUERY_INVALID_EXCHANGE_TYPE"
    account = await alice.ok("GET", "/accounts", {"exchange_type": "GATE"})
    assert (account["account_mode"], account["exchange_type"]) == ("ISOLATED_EXCHANGE", "GATE")
    assert await _label(alice, "PUT", "/accounts", {"position_mode": "DUAL"}) == (
        "UPDATE_ACCOUNT_PZ_ISOLATED_MODE_NOT_EXCHANGE_TYPE_ERROR"
    )
    assert await _label(alice, "PUT", "/accounts", {"position_mode": "DUAL", "exchange_type": "CROSSEX"}) == (
        "UPDATE_ACCOUNT_ISOLATED_MODE_EXCHANGE_TYPE_NOT_CROSSEX_ERROR"
    )
    await alice.ok("PUT", "/accounts", body={"position_mode": "DUAL", "exchange_type": "OKX"})
    assert (await alice.ok("GET", "/accounts", {"exchange_type": "OKX"}))["position_mode"] == "DUAL"


async def test_account_assets_follow_a_trade(alice: User) -> None:
    await alice.ok("POST", "/orders", body={"symbol": BTC, "side": "BUY", "type": "MARKET", "qty": "0.03"})
    account = await alice.ok("GET", "/accounts")
    (usdt,) = account["assets"]
    fee = Decimal("0.03") * Decimal("65000.1") * Decimal("0.0005")
    assert Decimal(usdt["balance"]) == Decimal(50_000) - fee
    # leverage 3: initial margin = notional / 3 at the entry price
    assert Decimal(usdt["futures_initial_margin"]) == Decimal("0.03") * Decimal("65000.1") / 3
    assert account["position_mode"] == "SINGLE" and account["account_mode"] == "CROSS_EXCHANGE"


async def test_leverage_set_and_read(alice: User) -> None:
    answer = await alice.call("POST", "/positions/leverage", body={"symbol": BTC, "leverage": "7"})
    assert (answer.status_code, answer.json()) == (202, {"symbol": BTC, "leverage": "7"})
    rows = await alice.ok("GET", "/positions/leverage", {"symbols": f"{BTC},OKX_FUTURE_BTC_USDT"})
    assert rows == [{"symbol": BTC, "leverage": "7"}, {"symbol": "OKX_FUTURE_BTC_USDT", "leverage": "3"}]
    await alice.ok("POST", "/margin_positions/leverage", body={"symbol": "GATE_MARGIN_BTC_USDT", "leverage": "4"})
    (margin,) = await alice.ok("GET", "/margin_positions/leverage", {"symbols": "GATE_MARGIN_BTC_USDT"})
    assert margin == {"symbol": "GATE_MARGIN_BTC_USDT", "leverage": "4"}


@pytest.mark.parametrize(
    ("path", "body", "label"),
    [
        (
            "/positions/leverage",
            {"symbol": "OKX_MARGIN_BTC_USDT", "leverage": "2"},
            "TRADE_INVALID_SYM_BUSINESSTYPE_ERROR",
        ),
        ("/margin_positions/leverage", {"symbol": BTC, "leverage": "2"}, "TRADE_INVALID_MARGIN_SYM_BUSINESSTYPE_ERROR"),
        ("/positions/leverage", {"symbol": BTC, "leverage": "two"}, "TRADE_SET_LEVERAGE_ERROR"),
        ("/positions/leverage", {"symbol": BTC, "leverage": "0"}, "TRADE_SET_LEVERAGE_ERROR"),
        ("/positions/leverage", {"symbol": BTC, "leverage": "21"}, "TRADE_SET_LEVERAGE_EXCEED_LIMIT_ERROR"),
        (
            "/margin_positions/leverage",
            {"symbol": "OKX_MARGIN_BTC_USDT", "leverage": "6"},
            "TRADE_SET_LEVERAGE_EXCEED_LIMIT_ERROR",
        ),
    ],
)
async def test_leverage_refusals(alice: User, path: str, body: dict[str, str], label: str) -> None:
    assert await _label(alice, "POST", path, body) == label


async def test_full_close_of_a_dust_position_both_forms(alice: User) -> None:
    for method in ("DELETE", "POST"):
        await alice.ok("POST", "/orders", body={"symbol": SOL_OKX, "side": "BUY", "type": "MARKET", "qty": "0.01"})
        answer = await alice.call(method, "/position", body={"symbol": SOL_OKX})
        assert answer.status_code == 202, answer.text
        closing = await alice.ok("GET", f"/orders/{answer.json()['order_id']}")
        assert (closing["side"], closing["state"], closing["reduce_only"]) == ("SELL", "FILLED", "true")
        assert await alice.ok("GET", "/positions") == []


async def test_full_close_refusals(alice: User, sim: GateCrossExSimulator) -> None:
    assert await _label(alice, "DELETE", "/position", {"symbol": SOL_OKX}) == "CAN_NOT_DELETE_POSITION"
    await alice.ok("POST", "/orders", body={"symbol": SOL_OKX, "side": "BUY", "type": "MARKET", "qty": "1"})
    assert await _label(alice, "DELETE", "/position", {"symbol": SOL_OKX}) == "CAN_NOT_DELETE_LARGE_POSITION"
    await alice.ok("POST", "/orders", body={"symbol": SOL_OKX, "side": "BUY", "qty": "1", "price": "100"})
    assert await _label(alice, "DELETE", "/position", {"symbol": SOL_OKX}) == "OPEN_ORDERS_CAN_NOT_DELETE_POSITION"
    margin = {"symbol": "OKX_MARGIN_SOL_USDT"}
    assert await _label(alice, "DELETE", "/position", margin) == "TRADE_MARGIN_INVALID_PZ_SIDE_ERROR"


async def test_transfers_between_spot_and_crossex(alice: User, sim: GateCrossExSimulator) -> None:
    out = await alice.ok("POST", "/transfers", body={"coin": "USDT", "amount": "250", "from": "CROSSEX", "to": "SPOT"})
    assert sim.exchange.balance(alice.user_id, "spot")["USDT"].wallet_balance == Decimal(250)
    back = await alice.ok(
        "POST",
        "/transfers",
        body={"coin": "USDT", "amount": "100", "from": "SPOT", "to": "CROSSEX_GATE", "text": "in-1"},
    )
    failed = await alice.ok(
        "POST", "/transfers", body={"coin": "USDT", "amount": "1000", "from": "SPOT", "to": "CROSSEX"}
    )
    rows = await alice.ok("GET", "/transfers")
    assert [r["id"] for r in rows] == [failed["tx_id"], back["tx_id"], out["tx_id"]]
    assert (rows[0]["status"], rows[0]["fail_reason"], rows[0]["actual_receive"]) == (
        "FAIL",
        "Insufficient transferAvailable",
        None,
    )
    assert (rows[1]["to_account_type"], rows[1]["actual_receive"]) == ("CROSSEX", "100")
    (by_text,) = await alice.ok("GET", "/transfers", {"order_id": "in-1"})
    assert by_text["id"] == back["tx_id"]
    assert sim.exchange.balance(alice.user_id, "spot")["USDT"].wallet_balance == Decimal(150)


@pytest.mark.parametrize(
    "body",
    [
        {"coin": "BTC", "amount": "1", "from": "CROSSEX", "to": "SPOT"},
        {"coin": "USDT", "amount": "1", "from": "CROSSEX_OKX", "to": "CROSSEX_GATE"},
        {"coin": "USDT", "amount": "-1", "from": "CROSSEX", "to": "SPOT"},
        {"coin": "USDT", "amount": "1", "from": "BANK", "to": "SPOT"},
        {"coin": "DOGE", "amount": "1", "from": "CROSSEX", "to": "SPOT"},
    ],
)
async def test_transfer_refusals(alice: User, body: dict[str, str]) -> None:
    assert await _label(alice, "POST", "/transfers", body) == "COMMON_PARAM_BIND_ERROR"


async def test_flash_swap_quote_then_execute(alice: User, sim: GateCrossExSimulator) -> None:
    quote = await alice.ok(
        "POST",
        "/convert/quote",
        body={"exchange_type": "OKX", "from_coin": "USDT", "to_coin": "BTC", "from_amount": "6.5"},
    )
    # OKX BTC mark 65010: 6.5 / 65010 = 0.0000999846..., cut to 8 places
    assert (quote["to_amount"], quote["valid_ms"]) == ("0.00009998", "5000")
    assert await alice.ok("POST", "/convert/orders", body={"quote_id": quote["quote_id"]}) == {}
    wallet = sim.exchange.account(alice.user_id).wallet()
    assert wallet["BTC"] == Decimal("0.00009998")
    assert wallet["USDT"] == Decimal(50_000) - Decimal("6.5")
    used = await alice.call("POST", "/convert/orders", body={"quote_id": quote["quote_id"]})
    assert used.json()["label"] == "CONVERT_TRADE_QUOTE_UNKNOWN_ERROR"


async def test_flash_swap_quote_expires(alice: User) -> None:
    body = {"exchange_type": "GATE", "from_coin": "USDT", "to_coin": "ETH", "from_amount": "5"}
    quote = await alice.ok("POST", "/convert/quote", body=body)
    alice.clock.advance(5001)
    expired = await alice.call("POST", "/convert/orders", body={"quote_id": quote["quote_id"]})
    assert expired.json()["label"] == "CONVERT_TRADE_QUOTE_UNKNOWN_ERROR"


@pytest.mark.parametrize(
    ("body", "label"),
    [
        (
            {"exchange_type": "NYSE", "from_coin": "USDT", "to_coin": "BTC", "from_amount": "1"},
            "CONVERT_TRADE_QUOTE_EXCHANGE_INVALID_ERROR",
        ),
        (
            {"exchange_type": "OKX", "from_coin": "XYZ", "to_coin": "BTC", "from_amount": "1"},
            "CONVERT_TRADE_QUOTE_FROM_COIN_INVALID_ERROR",
        ),
        (
            {"exchange_type": "BINANCE", "from_coin": "USDT", "to_coin": "BTC", "from_amount": "1"},
            "CONVERT_TRADE_QUOTE_TO_COIN_INVALID_ERROR",
        ),
        (
            {"exchange_type": "OKX", "from_coin": "USDT", "to_coin": "BTC", "from_amount": "x"},
            "CONVERT_TRADE_QUOTE_FROM_AMOUNT_INVALID_ERROR",
        ),
        (
            {"exchange_type": "OKX", "from_coin": "USDT", "to_coin": "BTC", "from_amount": "0"},
            "CONVERT_TRADE_QUOTE_FROM_AMOUNT_LIMIT_ERROR",
        ),
        (
            {"exchange_type": "OKX", "from_coin": "USDT", "to_coin": "BTC", "from_amount": "10.01"},
            "CONVERT_TRADE_QUOTE_FROM_AMOUNT_MAX_ERROR",
        ),
    ],
)
async def test_flash_swap_refusals(alice: User, body: dict[str, str], label: str) -> None:
    assert await _label(alice, "POST", "/convert/quote", body) == label


async def test_account_book_balance_matches_the_wallet(alice: User) -> None:
    buy = {"symbol": BTC, "side": "BUY", "type": "MARKET", "qty": "0.01"}
    await alice.ok("POST", "/orders", body=buy)
    await alice.ok("POST", "/orders", body={**buy, "side": "SELL"})
    await alice.ok("POST", "/transfers", body={"coin": "USDT", "amount": "20", "from": "CROSSEX", "to": "SPOT"})
    rows = await alice.ok("GET", "/account_book", {"coin": "USDT"})
    kinds = [r["type"] for r in rows]
    assert kinds == ["TRANSFER_OUT", "TRANSACTION", "TRADING_FEE", "TRADING_FEE", "TRANSFER_IN"]
    assert Decimal(rows[-1]["balance"]) == Decimal(50_000)
    changes = sum(Decimal(r["change"]) for r in rows)
    (usdt,) = (await alice.ok("GET", "/accounts"))["assets"]
    assert Decimal(rows[0]["balance"]) == changes == Decimal(usdt["balance"])
    assert len(await alice.ok("GET", "/account_book", {"limit": "2", "page": "2"})) == 2


async def test_margin_interest_is_recorded(alice: User, sim: GateCrossExSimulator) -> None:
    body = {"symbol": "GATE_MARGIN_ETH_USDT", "side": "BUY", "type": "MARKET", "qty": "1", "position_side": "LONG"}
    await alice.ok("POST", "/orders", body=body)
    (record,) = sim.accrue_interest(hours=1)
    (row,) = await alice.ok("GET", "/history_margin_interests")
    assert (row["interest_id"], row["liability_coin"], row["interest_type"]) == (
        record.interest_id,
        "USDT",
        "PERIODIC_POSITION",
    )
    # entry 3399.51, leverage 3: borrowed = 3399.51 * 2/3, hourly USDT rate 0.00000485
    assert Decimal(row["liability"]) == Decimal("3399.51") - Decimal("3399.51") / 3
    assert Decimal(row["interest"]) == Decimal(row["liability"]) * Decimal("0.00000485")
    (pos,) = await alice.ok("GET", "/margin_positions")
    assert pos["interest"] == row["interest"]


async def test_fee_reports_account_overrides(alice: User, sim: GateCrossExSimulator) -> None:
    sim.exchange.set_commission_rate(alice.user_id, Decimal("0.0001"), Decimal("0.0003"), symbol=SOL_OKX)
    fee = await alice.ok("GET", "/fee")
    assert (fee["future_maker_fee"], fee["future_taker_fee"]) == ("0.0002", "0.0005")
    assert fee["special_fee_list"] == [{"symbol": SOL_OKX, "taker_fee_rate": "0.0003", "maker_fee_rate": "0.0001"}]
