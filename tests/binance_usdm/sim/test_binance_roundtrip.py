"""Every raw method of `BinanceUSDMClient` against the simulator in process: wire formats agree both ways."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest

from venuekit.connectors.binance_usdm import ENDPOINTS, BinanceUSDM, BinanceUSDMClient, NewOrder
from venuekit.connectors.binance_usdm.enums import (
    TIF,
    AutoCloseType,
    IncomeType,
    MarginType,
    NewOrderRespType,
    OrderSide,
    OrderType,
    PositionMarginType,
    WorkingType,
)
from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.core import Credentials
from venuekit.core.errors import OrderNotFound
from venuekit.core.idempotency import PlacementPolicy
from venuekit.core.simulator import ManualClock
from venuekit.core.types.enums import Side
from venuekit.core.types.order import OrderRequest

D = Decimal


class Recorder:
    """Wraps the raw client so the test can prove that every endpoint group method was exercised."""

    def __init__(self, client: BinanceUSDMClient) -> None:
        self.client = client
        self.called: set[str] = set()

    async def __call__(self, name: str, **kwargs: Any) -> Any:
        group, method = name.split(".")
        self.called.add(name)
        return await getattr(getattr(self.client, group), method)(**kwargs)


@pytest.fixture
async def pair(clock: ManualClock) -> AsyncIterator[tuple[Recorder, Recorder, BinanceUSDMSimulator]]:
    sim = BinanceUSDMSimulator(clock=clock, seed=3)
    sim.add_account("rt-alice", "rt-alice-secret")
    sim.add_account("rt-bob", "rt-bob-secret")
    alice = BinanceUSDMClient(Credentials.of("rt-alice", "rt-alice-secret"), base_url=sim.base_url,
                              transport=sim.transport())
    bob = BinanceUSDMClient(Credentials.of("rt-bob", "rt-bob-secret"), base_url=sim.base_url,
                            transport=sim.transport())
    yield Recorder(alice), Recorder(bob), sim
    await alice.aclose()
    await bob.aclose()


async def test_every_raw_method_round_trips(pair: tuple[Recorder, Recorder, BinanceUSDMSimulator]) -> None:
    call, bob, sim = pair
    await market_and_config(call, sim)
    await orders(call, bob)
    await account(call)
    await stream_and_algo(call)
    assert call.called | bob.called == {e.name for e in ENDPOINTS}
    assert sim.limits.violations == 0


async def market_and_config(call: Recorder, sim: BinanceUSDMSimulator) -> None:
    await call("market.ping")
    assert (await call("market.server_time")).server_time == sim.exchange.now_ms()
    info = await call("market.exchange_info")
    assert {s.symbol for s in info.symbols} == {"BTCUSDT", "ETHUSDT", "SOLUSDT"}
    [mark] = await call("market.premium_index", symbol="BTCUSDT")
    assert mark.mark_price == D("65000")
    assert len(await call("market.ticker_price")) == 3
    book = await call("market.depth", symbol="BTCUSDT", limit=5)
    assert len(book.bids) == 5 and book.bids[0][0] < D("65000") < book.asks[0][0]

    await call("config.change_position_mode", dual_side_position=True)
    assert (await call("config.get_position_mode")).dual_side_position is True
    await call("config.change_position_mode", dual_side_position=False)
    await call("config.change_multi_assets_mode", multi_assets_margin=True)
    assert (await call("config.get_multi_assets_mode")).multi_assets_margin is True
    await call("config.change_multi_assets_mode", multi_assets_margin=False)
    lev = await call("config.change_leverage", symbol="BTCUSDT", leverage=10)
    assert lev.leverage == 10
    await call("config.change_margin_type", symbol="ETHUSDT", margin_type=MarginType.ISOLATED)


async def orders(call: Recorder, bob: Recorder) -> None:
    placed = await call("trade.new_order", symbol="BTCUSDT", side=OrderSide.SELL, type=OrderType.LIMIT,
                        quantity=D("0.010"), price=D("65000.0"), time_in_force=TIF.GTC,
                        new_client_order_id="rt-maker-1")
    assert placed.client_order_id == "rt-maker-1"
    assert placed.price == D("65000")
    got = await call("orders.query_order", symbol="BTCUSDT", order_id=placed.order_id)
    assert got.order_id == placed.order_id
    assert (await call("orders.query_open_order", symbol="BTCUSDT", orig_client_order_id="rt-maker-1")).order_id \
        == placed.order_id
    assert [o.order_id for o in await call("orders.open_orders", symbol="BTCUSDT")] == [placed.order_id]
    taken = await bob("trade.new_order", symbol="BTCUSDT", side=OrderSide.BUY, type=OrderType.MARKET,
                      quantity=D("0.010"), new_order_resp_type=NewOrderRespType.RESULT)
    assert taken.executed_qty == D("0.010")
    assert len(await call("orders.all_orders", symbol="BTCUSDT", limit=10)) == 1
    [fill] = await call("orders.user_trades", symbol="BTCUSDT")
    assert fill.price == D("65000")
    assert fill.qty == D("0.010")

    batch = await call("trade.batch_orders", orders=[
        NewOrder(symbol="SOLUSDT", side=OrderSide.BUY, type=OrderType.LIMIT, quantity=D("1"), price=D("120.00"),
                 time_in_force=TIF.GTC),
        NewOrder(symbol="SOLUSDT", side=OrderSide.SELL, type=OrderType.MARKET, quantity=D("1"), reduce_only=True),
    ])
    assert len(batch) == 2
    first = batch[0]
    resting = await call("trade.new_order", symbol="SOLUSDT", side=OrderSide.BUY, type=OrderType.LIMIT,
                         quantity=D("1"), price=D("121.00"), time_in_force=TIF.GTC)
    canceled = await call("trade.cancel_order", symbol="SOLUSDT", order_id=resting.order_id)
    assert canceled.order_id == resting.order_id
    with pytest.raises(OrderNotFound):
        await call("trade.cancel_order", symbol="SOLUSDT", order_id=resting.order_id)
    cancels = await call("trade.cancel_batch_orders", symbol="SOLUSDT",
                         order_ids=[_order_id_of(first), "1"])
    assert len(cancels) == 2
    countdown = await call("trade.countdown_cancel_all", symbol="SOLUSDT", countdown_time=60_000)
    assert countdown.symbol == "SOLUSDT"
    await call("trade.cancel_all_open_orders", symbol="SOLUSDT")


async def account(call: Recorder) -> None:
    await call("trade.new_order", symbol="ETHUSDT", side=OrderSide.BUY, type=OrderType.MARKET, quantity=D("0.100"))
    await call("config.modify_position_margin", symbol="ETHUSDT", amount=D("25"), type=PositionMarginType.ADD)
    [change] = await call("config.position_margin_history", symbol="ETHUSDT")
    assert change.amount == D("25")

    assert any(b.asset == "USDT" for b in await call("account.balance"))
    for name in ("account.account_information", "account.account_information_v2", "account.account_information_v3"):
        await call(name)
    risk = await call("account.position_risk", symbol="BTCUSDT")
    assert [r.position_amt for r in risk] == [D("-0.010")]
    commissions = await call("account.income", income_type=IncomeType.COMMISSION)
    assert len(commissions) == 2
    brackets = await call("account.leverage_bracket", symbol="BTCUSDT")
    assert brackets[0].symbol == "BTCUSDT"
    assert len(await call("account.leverage_bracket")) == 3
    assert {a.symbol for a in await call("account.adl_quantile")} == {"BTCUSDT", "ETHUSDT"}
    rate = await call("account.commission_rate", symbol="BTCUSDT")
    assert rate.maker_commission_rate == D("0.0002")
    assert await call("orders.force_orders", auto_close_type=AutoCloseType.LIQUIDATION) == []


async def stream_and_algo(call: Recorder) -> None:
    key = await call("stream.new_listen_key")
    await call("stream.keepalive_listen_key")
    await call("stream.close_listen_key")
    assert len(key.listen_key) == 64

    algo = await call("algo.new_algo_order", symbol="BTCUSDT", side=OrderSide.BUY, type=OrderType.STOP_MARKET,
                      quantity=D("0.010"), trigger_price=D("66000.0"), working_type=WorkingType.MARK_PRICE,
                      reduce_only=True, client_algo_id="rt-algo-1")
    assert algo.algo_status == "NEW"
    assert (await call("algo.query_algo_order", client_algo_id="rt-algo-1")).algo_id == algo.algo_id
    assert [a.algo_id for a in await call("algo.open_algo_orders", symbol="BTCUSDT")] == [algo.algo_id]
    cancel = await call("algo.cancel_algo_order", algo_id=algo.algo_id)
    assert cancel.algo_id == algo.algo_id
    await call("algo.new_algo_order", symbol="BTCUSDT", side=OrderSide.BUY, type=OrderType.TAKE_PROFIT_MARKET,
               quantity=D("0.010"), trigger_price=D("64000.0"), reduce_only=True)
    await call("algo.cancel_all_algo_open_orders", symbol="BTCUSDT")
    history = await call("algo.all_algo_orders", symbol="BTCUSDT")
    assert [a.algo_status for a in history] == ["CANCELED", "CANCELED"]


def _order_id_of(item: Any) -> str:
    order_id = getattr(item, "order_id", None)
    if order_id is None:
        order_id = item.root.order_id if hasattr(item, "root") else item["orderId"]
    return str(order_id)


@pytest.mark.parametrize("fault", ["http_500_after", "drop_after"])
async def test_unified_create_order_survives_an_ambiguous_outcome(clock: ManualClock, fault: str) -> None:
    sim = BinanceUSDMSimulator(clock=clock, seed=5)
    account_id = sim.add_account("rt-unified", "rt-unified-secret")
    venue = BinanceUSDM.from_simulator(sim, "rt-unified", "rt-unified-secret")
    venue.placement = PlacementPolicy(backoff_s=0.0)
    try:
        await venue.load_instruments()
        if fault == "http_500_after":
            sim.faults.http_error(500, {"code": -1000, "msg": "An unknown error occured while processing the request."},
                                  after_handler=True, method="POST", path="/fapi/v1/order")
        else:
            sim.faults.drop_connection(after_handler=True, method="POST", path="/fapi/v1/order")
        order = await venue.create_order(OrderRequest.limit("SOL/USDT:USDT", Side.BUY, D("1"), D("120.00")))
        assert order.client_order_id
        engine_orders = sim.exchange.open_orders(account_id)
        assert [o.client_order_id for o in engine_orders] == [order.client_order_id]
        assert sim.faults.pending == []
    finally:
        await venue.close()
