"""Every raw `BingXClient` method against the simulator in process: the client signs, the simulator verifies
with its own HMAC code, answers in BingX's wire format, and the client parses the answer into its models."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from decimal import Decimal
from typing import Any

import pytest

from venuekit.connectors.bingx.client import BingXClient
from venuekit.connectors.bingx.endpoints import ENDPOINTS, CancelReplace, NewOrder, TpSlSpec
from venuekit.connectors.bingx.enums import (
    AccountName,
    AssetMode,
    CancelAllAfterType,
    CancelReplaceMode,
    MarginAdjustType,
    MarginType,
    OrderSide,
    OrderType,
    PositionSide,
    ReverseType,
    TradingUnit,
    TransferType,
    TwapPriceType,
    UserAccountType,
    WalletType,
)
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.credentials import Credentials
from venuekit.core.errors import VenueError
from venuekit.core.simulator import ManualClock

D = Decimal
KEY, SECRET = "rt-key", "rt-secret-0123456789abcdef"
PEER_KEY = "rt-peer"


class World:
    """A simulator, a client on it, and ids created along the way for later calls."""

    def __init__(self, sim: BingXSimulator, client: BingXClient, clock: ManualClock) -> None:
        self.sim, self.client, self.clock = sim, client, clock
        self.order_id = ""
        self.position_id = ""
        self.twap_id = ""

    @property
    def now(self) -> int:
        return self.clock.now_ms()


@pytest.fixture
async def world() -> AsyncIterator[World]:
    clock = ManualClock(1_700_000_000_000)
    sim = BingXSimulator(clock=clock, seed=3)
    account = sim.add_account(KEY, SECRET, {"USDT": D(50_000)})
    sim.add_account(PEER_KEY, "peer-secret", {"USDT": D(10)})
    sim.deposit(account, "USDT", D(500), "fund")
    sim.deposit(account, "USDT", D(300), "spot")
    sim.limits.rules.clear()  # the manual clock never leaves one window; quotas are covered elsewhere
    client = BingXClient(Credentials.of(KEY, SECRET), base_url=sim.base_url, transport=sim.transport())
    w = World(sim, client, clock)
    trade = client.swap_trade
    resting = await trade.place_order(
        symbol="ETH-USDT",
        side=OrderSide.BUY,
        type=OrderType.LIMIT,
        position_side=PositionSide.LONG,
        quantity=D("1"),
        price=D("3000"),
        client_order_id="rt-rest",
    )
    w.order_id = resting.order_id
    await trade.place_order(
        symbol="BTC-USDT",
        side=OrderSide.BUY,
        type=OrderType.MARKET,
        position_side=PositionSide.LONG,
        quantity=D("0.01"),
    )
    [position] = await client.swap_account.positions(symbol="BTC-USDT")
    w.position_id = position.position_id
    twap = await trade.place_twap_order(
        symbol="SOL-USDT",
        side=OrderSide.BUY,
        position_side=PositionSide.LONG,
        price_type=TwapPriceType.CONSTANT,
        price_variance=D("1"),
        trigger_price=D("100"),
        interval=10,
        amount_per_order=D("1"),
        total_amount=D("3"),
    )  # the limit sits below the ask, so the TWAP waits instead of trading
    w.twap_id = twap.main_order_id
    clock.advance(1000)
    yield w
    await client.aclose()


Call = Callable[[World], Awaitable[Any]]
LIMIT_ORDER = NewOrder(
    symbol="ETH-USDT",
    side=OrderSide.BUY,
    type=OrderType.LIMIT,
    position_side=PositionSide.LONG,
    quantity=D("0.1"),
    price=D("2900"),
)


async def _check(w: World, result: Any, expect: Callable[[Any], bool]) -> None:
    assert expect(result), result


async def _flat_then(w: World, call: Awaitable[Any]) -> Any:
    await w.client.swap_trade.cancel_all_open_orders()
    await w.client.swap_trade.close_all_positions()
    return await call


async def _closed_then(w: World, call: Awaitable[Any]) -> Any:
    await w.client.swap_trade.close_position(position_id=w.position_id)
    return await call


async def _transferred_then(w: World, call: Awaitable[Any]) -> Any:
    await w.client.spot_fund.transfer(asset="USDT", amount=D("7"), type=TransferType.FUND_PFUTURES)
    return await call


async def _isolated_then_adjust(w: World) -> Any:
    trade = w.client.swap_trade
    await trade.set_margin_type(symbol="SOL-USDT", margin_type=MarginType.ISOLATED)
    await trade.place_order(
        symbol="SOL-USDT",
        side=OrderSide.SELL,
        type=OrderType.MARKET,
        position_side=PositionSide.SHORT,
        quantity=D("10"),
    )
    return await trade.adjust_isolated_margin(
        symbol="SOL-USDT", amount=D("3"), type=MarginAdjustType.ADD, position_side=PositionSide.SHORT
    )


async def _with_new_key(w: World, then: Callable[[str], Awaitable[Any]]) -> Any:
    key = (await w.client.user_stream.create_listen_key()).listen_key
    return await then(key)


async def _deleted_key_is_gone(w: World, key: str) -> bool:
    await w.client.user_stream.delete_listen_key(listen_key=key)
    try:
        await w.client.user_stream.extend_listen_key(listen_key=key)
    except VenueError:
        return True
    return False


CASES: dict[str, tuple[Call, Callable[[Any], bool]]] = {
    "market.server_time": (lambda w: w.client.market.server_time(), lambda r: r.server_time > 1_700_000_000_000),
    "market.contracts": (lambda w: w.client.market.contracts(), lambda r: {c.symbol for c in r} >= {"BTC-USDT"}),
    "market.ticker": (lambda w: w.client.market.ticker(symbol="BTC-USDT"), lambda r: r[0].symbol == "BTC-USDT"),
    "market.premium_index": (
        lambda w: w.client.market.premium_index(symbol="BTC-USDT"),
        lambda r: r[0].mark_price == D("65000.0"),
    ),
    "market.funding_rate_history": (
        lambda w: w.client.market.funding_rate_history(symbol="BTC-USDT"),
        lambda r: r == [],
    ),
    "market.price": (lambda w: w.client.market.price(symbol="ETH-USDT"), lambda r: r[0].symbol == "ETH-USDT"),
    "market.book_ticker": (
        lambda w: w.client.market.book_ticker(symbol="BTC-USDT"),
        lambda r: r.book_ticker.bid_price == D("64999.5"),
    ),
    "swap_trade.test_order": (
        lambda w: w.client.swap_trade.test_order(
            symbol="BTC-USDT",
            side=OrderSide.BUY,
            type=OrderType.MARKET,
            position_side=PositionSide.LONG,
            quantity=D("0.001"),
        ),
        lambda r: len(r.order_id) == 19,
    ),
    "swap_trade.place_order": (
        lambda w: w.client.swap_trade.place_order(
            symbol="BTC-USDT",
            side=OrderSide.BUY,
            type=OrderType.MARKET,
            position_side=PositionSide.LONG,
            quantity=D("0.001"),
            take_profit=TpSlSpec(type=OrderType.TAKE_PROFIT_MARKET, stop_price=D("70000"), price=D("70000")),
        ),
        lambda r: len(r.order_id) == 19,
    ),
    "swap_trade.place_orders": (
        lambda w: w.client.swap_trade.place_orders([LIMIT_ORDER, LIMIT_ORDER]),
        lambda r: len(r) == 2,
    ),
    "swap_trade.cancel_order": (
        lambda w: w.client.swap_trade.cancel_order(symbol="ETH-USDT", order_id=w.order_id),
        lambda r: r.order_id and str(r.status).upper().startswith("CANCEL"),
    ),
    "swap_trade.cancel_orders": (
        lambda w: w.client.swap_trade.cancel_orders(symbol="ETH-USDT", client_order_ids=["rt-rest"]),
        lambda r: len(r.success) == 1,
    ),
    "swap_trade.cancel_all_open_orders": (
        lambda w: w.client.swap_trade.cancel_all_open_orders(symbol="ETH-USDT"),
        lambda r: len(r.success) == 1,
    ),
    "swap_trade.open_orders": (
        lambda w: w.client.swap_trade.open_orders(symbol="ETH-USDT"),
        lambda r: [o.order_id for o in r] != [],
    ),
    "swap_trade.open_order": (
        lambda w: w.client.swap_trade.open_order(symbol="ETH-USDT", order_id=w.order_id),
        lambda r: r.client_order_id == "rt-rest",
    ),
    "swap_trade.query_order": (
        lambda w: w.client.swap_trade.query_order(symbol="ETH-USDT", client_order_id="rt-rest"),
        lambda r: r.price == D("3000"),
    ),
    "swap_trade.cancel_replace": (
        lambda w: w.client.swap_trade.cancel_replace(
            CancelReplace(order=LIMIT_ORDER, mode=CancelReplaceMode.STOP_ON_FAILURE, cancel_order_id=w.order_id)
        ),
        lambda r: r.cancel_result is True and r.cancel_response.status == "CANCELLED",
    ),
    "swap_trade.batch_cancel_replace": (
        lambda w: w.client.swap_trade.batch_cancel_replace(
            [CancelReplace(order=LIMIT_ORDER, mode=CancelReplaceMode.ALLOW_FAILURE, cancel_client_order_id="rt-rest")]
        ),
        lambda r: len(r) == 1,
    ),
    "swap_trade.cancel_all_after": (
        lambda w: w.client.swap_trade.cancel_all_after(type=CancelAllAfterType.ACTIVATE, time_out=30),
        lambda r: r.status == "ACTIVATED",
    ),
    "swap_trade.margin_type": (
        lambda w: w.client.swap_trade.margin_type(symbol="BTC-USDT"),
        lambda r: r.margin_type == "CROSSED",
    ),
    "swap_trade.set_margin_type": (
        lambda w: w.client.swap_trade.set_margin_type(symbol="SOL-USDT", margin_type=MarginType.ISOLATED),
        lambda r: r.code == 0,
    ),
    "swap_trade.leverage": (
        lambda w: w.client.swap_trade.leverage(symbol="BTC-USDT"),
        lambda r: (r.long_leverage, r.max_long_leverage) == (20, 125),
    ),
    "swap_trade.set_leverage": (
        lambda w: w.client.swap_trade.set_leverage(symbol="BTC-USDT", side=PositionSide.LONG, leverage=7),
        lambda r: r.leverage == 7,
    ),
    "swap_trade.adjust_isolated_margin": (
        _isolated_then_adjust,
        lambda r: (r.amount, r.type) == (D(3), 1),
    ),
    "swap_trade.set_position_mode": (
        lambda w: _flat_then(w, w.client.swap_trade.set_position_mode(dual_side_position=False)),
        lambda r: r.dual_side_position is False,
    ),
    "swap_trade.position_mode": (lambda w: w.client.swap_trade.position_mode(), lambda r: r.dual_side_position is True),
    "swap_trade.close_position": (
        lambda w: w.client.swap_trade.close_position(position_id=w.position_id),
        lambda r: (r.side, r.orig_qty) == ("Ask", D("0.01")),
    ),
    "swap_trade.close_all_positions": (
        lambda w: w.client.swap_trade.close_all_positions(),
        lambda r: len(r.success) == 1,
    ),
    "swap_trade.force_orders": (
        lambda w: w.client.swap_trade.force_orders(),
        lambda r: r == [],
    ),
    "swap_trade.order_history": (
        lambda w: w.client.swap_trade.order_history(limit=50),
        lambda r: len(r) == 2,
    ),
    "swap_trade.fill_orders": (
        lambda w: w.client.swap_trade.fill_orders(trading_unit=TradingUnit.COIN, start_ts=0, end_ts=w.now),
        lambda r: r.fill_orders[0].volume == D("0.01"),
    ),
    "swap_trade.full_orders": (
        lambda w: w.client.swap_trade.full_orders(limit=50),
        lambda r: len(r) == 2,
    ),
    "swap_trade.maint_margin_ratio": (
        lambda w: w.client.swap_trade.maint_margin_ratio(symbol="BTC-USDT"),
        lambda r: len(r) == 3,
    ),
    "swap_trade.fill_history": (
        lambda w: w.client.swap_trade.fill_history(symbol="BTC-USDT", start_ts=0, end_ts=w.now),
        lambda r: r.items[0].role == "taker",
    ),
    "swap_trade.position_history": (
        lambda w: _closed_then(w, w.client.swap_trade.position_history(symbol="BTC-USDT", start_ts=0, end_ts=w.now)),
        lambda r: r.items[0].close_position_amt == D("0.01"),
    ),
    "swap_trade.margin_change_history": (
        lambda w: w.client.swap_trade.margin_change_history(
            symbol="BTC-USDT", position_id=w.position_id, start_time=0, end_time=w.now, page_index=1, page_size=10
        ),
        lambda r: r.total == 0,
    ),
    "swap_trade.apply_vst": (
        lambda w: w.client.swap_trade.apply_vst(),
        lambda r: r.amount == D(20000),
    ),
    "swap_trade.place_twap_order": (
        lambda w: w.client.swap_trade.place_twap_order(
            symbol="SOL-USDT",
            side=OrderSide.SELL,
            position_side=PositionSide.SHORT,
            price_type=TwapPriceType.CONSTANT,
            price_variance=D("1"),
            trigger_price=D("100"),
            interval=5,
            amount_per_order=D("1"),
            total_amount=D("2"),
        ),
        lambda r: r.main_order_id,
    ),
    "swap_trade.twap_open_orders": (
        lambda w: w.client.swap_trade.twap_open_orders(),
        lambda r: r.total == 1,
    ),
    "swap_trade.twap_history_orders": (
        lambda w: w.client.swap_trade.twap_history_orders(page_index=1, page_size=10, start_time=0, end_time=w.now),
        lambda r: r.total == 0,
    ),
    "swap_trade.twap_order_detail": (
        lambda w: w.client.swap_trade.twap_order_detail(main_order_id=w.twap_id),
        lambda r: r.order_status == "Running",
    ),
    "swap_trade.cancel_twap_order": (
        lambda w: w.client.swap_trade.cancel_twap_order(main_order_id=w.twap_id),
        lambda r: r.order_status == "Cancelled",
    ),
    "swap_trade.set_asset_mode": (
        lambda w: w.client.swap_trade.set_asset_mode(asset_mode=AssetMode.MULTI_ASSETS),
        lambda r: r.asset_mode == "multiAssetsMode",
    ),
    "swap_trade.asset_mode": (
        lambda w: w.client.swap_trade.asset_mode(),
        lambda r: r.asset_mode == "singleAssetMode",
    ),
    "swap_trade.multi_assets_rules": (lambda w: w.client.swap_trade.multi_assets_rules(), lambda r: len(r) == 4),
    "swap_trade.margin_assets": (lambda w: w.client.swap_trade.margin_assets(), lambda r: len(r) >= 2),
    "swap_trade.reverse_position": (
        lambda w: w.client.swap_trade.reverse_position(symbol="BTC-USDT", type=ReverseType.REVERSE),
        lambda r: r.position_side is PositionSide.SHORT,
    ),
    "swap_trade.auto_add_margin": (
        lambda w: w.client.swap_trade.auto_add_margin(
            symbol="BTC-USDT", position_id=w.position_id, function_switch=False
        ),
        lambda r: r.function_switch is False,
    ),
    "swap_account.balance": (lambda w: w.client.swap_account.balance(), lambda r: r[0].asset == "USDT"),
    "swap_account.positions": (
        lambda w: w.client.swap_account.positions(),
        lambda r: [p.symbol for p in r] == ["BTC-USDT"],
    ),
    "swap_account.income": (lambda w: w.client.swap_account.income(), lambda r: len(r) >= 2),
    "swap_account.income_export": (
        lambda w: w.client.swap_account.income_export(),
        lambda r: b"incomeType" in bytes(r),
    ),
    "swap_account.commission_rate": (
        lambda w: w.client.swap_account.commission_rate(),
        lambda r: r.taker_commission_rate == D("0.0005"),
    ),
    "spot_fund.spot_balance": (
        lambda w: w.client.spot_fund.spot_balance(),
        lambda r: [b.free for b in r.balances] == [D(300)],
    ),
    "spot_fund.fund_balance": (
        lambda w: w.client.spot_fund.fund_balance(),
        lambda r: [b.free for b in r.balances] == [D(500)],
    ),
    "spot_fund.all_account_balance": (lambda w: w.client.spot_fund.all_account_balance(), lambda r: len(r) >= 3),
    "spot_fund.transfer": (
        lambda w: w.client.spot_fund.transfer(asset="USDT", amount=D("5"), type=TransferType.FUND_PFUTURES),
        lambda r: r.tran_id,
    ),
    "spot_fund.transfer_records": (
        lambda w: _transferred_then(w, w.client.spot_fund.transfer_records(type=TransferType.FUND_PFUTURES)),
        lambda r: len(r.rows) == 1,
    ),
    "spot_fund.transfer_records_new": (
        lambda w: _transferred_then(w, w.client.spot_fund.transfer_records_new()),
        lambda r: len(r.items) == 1,
    ),
    "spot_fund.transfer_support_coins": (
        lambda w: w.client.spot_fund.transfer_support_coins(
            from_account=AccountName.FUND, to_account=AccountName.USDT_M_PERP
        ),
        lambda r: len(r.coins) >= 1,
    ),
    "spot_fund.inner_transfer": (
        lambda w: w.client.spot_fund.inner_transfer(
            coin="USDT",
            user_account_type=UserAccountType.UID,
            user_account=w.sim.uid_of(PEER_KEY),
            amount=D("3"),
            wallet_type=WalletType.FUND,
        ),
        lambda r: r.id,
    ),
    "spot_fund.inner_transfer_records": (
        lambda w: w.client.spot_fund.inner_transfer_records(coin="USDT"),
        lambda r: r.total == 0,
    ),
    "user_stream.create_listen_key": (
        lambda w: w.client.user_stream.create_listen_key(),
        lambda r: len(r.listen_key) == 64,
    ),
    "user_stream.extend_listen_key": (
        lambda w: _with_new_key(w, lambda k: w.client.user_stream.extend_listen_key(listen_key=k)),
        lambda r: r is not None,
    ),
    "user_stream.delete_listen_key": (
        lambda w: _with_new_key(w, lambda k: _deleted_key_is_gone(w, k)),
        lambda r: r is True,
    ),
}


def test_every_endpoint_has_a_round_trip_case() -> None:
    assert {ep.name for ep in ENDPOINTS} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
async def test_round_trip(world: World, name: str) -> None:
    call, expect = CASES[name]
    await _check(world, await call(world), expect)
