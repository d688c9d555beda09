"""The unified layer over a mocked venue: instruments, conversions from the doc examples, settings."""

from __future__ import annotations

from decimal import Decimal

import binance_usdm_seed as seed
import httpx
import pytest
from binance_usdm_helpers import EXCHANGE_INFO, MockVenue, doc_json, order_json

from venuekit.connectors.binance_usdm import BinanceUSDM
from venuekit.core import Capability
from venuekit.core.errors import InvalidRequest, NotSupported
from venuekit.core.types import (
    InstrumentKind,
    LiquidityRole,
    MarginMode,
    OrderStatus,
    PositionMode,
    PositionSide,
    Side,
    TimeInForce,
)


@pytest.fixture(autouse=True)
def _info(venue: MockVenue) -> None:
    venue.json("GET", "/fapi/v1/exchangeInfo", EXCHANGE_INFO)


async def test_instruments_from_exchange_info(unified: BinanceUSDM) -> None:
    instruments = await unified.load_instruments()
    assert set(instruments) == {"BTC/USDT:USDT", "ETH/USDT:USDT"}  # the quarterly is not a perpetual
    btc = instruments["BTC/USDT:USDT"]
    assert (btc.venue_symbol, btc.kind, btc.tick_size, btc.lot_step, btc.min_qty, btc.min_notional) == (
        "BTCUSDT", InstrumentKind.SWAP, Decimal("0.10"), Decimal("0.001"), Decimal("0.001"), Decimal("100"))
    assert btc.max_qty == Decimal("1000") and btc.metadata["market_max_qty"] == "120"
    assert btc.metadata["multiplier_up"] == "1.0500"
    assert unified.symbols.to_unified("ETHUSDT") == "ETH/USDT:USDT"
    assert unified.raw.limiter.quotas["orders_1m"].limit == 1200
    eth_raw = instruments["ETH/USDT:USDT"].raw
    assert eth_raw.order_types == ["LIMIT", "MARKET"]


async def test_balances_and_positions(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.json("GET", "/fapi/v2/balance", doc_json(seed.BALANCE))
    venue.json("GET", "/fapi/v2/positionRisk", doc_json(seed.POSITION_RISK_HEDGE))
    usdt = (await unified.fetch_balances())["USDT"]
    assert (usdt.total, usdt.free) == (Decimal("122607.35137903"), Decimal("23.72469206"))
    assert usdt.used == usdt.total - usdt.free
    long, short = await unified.fetch_positions(["BTC/USDT:USDT"])
    assert venue.calls("GET", "/fapi/v2/positionRisk")[0].params["symbol"] == "BTCUSDT"
    assert long.side is Side.BUY and long.position_side is PositionSide.LONG and long.size == Decimal("20.000")
    assert short.side is Side.SELL and short.size == Decimal("10.000") and short.entry_price is None
    assert short.margin_mode is MarginMode.ISOLATED and short.margin == Decimal("5413.95799991")


async def test_orders_fills_income_and_fees(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.json("GET", "/fapi/v1/openOrders", doc_json(seed.OPEN_ORDERS))
    venue.json("GET", "/fapi/v1/userTrades", doc_json(seed.USER_TRADES))
    venue.json("GET", "/fapi/v1/income", doc_json(seed.INCOME))
    venue.json("GET", "/fapi/v1/commissionRate", doc_json(seed.COMMISSION_RATE))
    (order,) = await unified.fetch_open_orders("BTC/USDT:USDT")
    assert (order.id, order.client_order_id, order.symbol, order.status) == (
        "1917641", "abc", "BTC/USDT:USDT", OrderStatus.OPEN)
    assert order.price is None and order.trigger_price == Decimal("9300") and order.amount == Decimal("0.40")
    (fill,) = await unified.fetch_fills("BTC/USDT:USDT")
    assert (fill.id, fill.order_id, fill.side, fill.role) == ("698759", "25851813", Side.SELL, LiquidityRole.TAKER)
    assert fill.fee is not None and fill.fee.cost == Decimal("-0.07819010")
    transfer, commission = await unified.fetch_income()
    assert transfer.symbol is None and commission.symbol == "BTC/USDT:USDT" and commission.id == "9689322392"
    fees = await unified.fetch_commission("BTC/USDT:USDT")
    assert (fees.maker, fees.taker) == (Decimal("0.0002"), Decimal("0.0004"))


async def test_post_only_maps_to_gtx(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.on("POST", "/fapi/v1/order", httpx.Response(200, json=order_json(timeInForce="GTX")))
    from venuekit.core.types import OrderRequest

    order = await unified.create_order(OrderRequest.limit("BTC/USDT:USDT", Side.SELL, Decimal("0.01"),
                                                          Decimal("30000"), post_only=True))
    (sent,) = venue.calls("POST", "/fapi/v1/order")
    assert sent.params["timeInForce"] == "GTX" and sent.params["newOrderRespType"] == "RESULT"
    assert order.post_only and order.time_in_force is TimeInForce.POST_ONLY


async def test_settings_already_set_is_success(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.on("POST", "/fapi/v1/marginType", httpx.Response(
        400, json={"code": -4046, "msg": "No need to change margin type."}))
    venue.on("POST", "/fapi/v1/positionSide/dual", httpx.Response(
        400, json={"code": -4059, "msg": "No need to change position side."}))
    await unified.set_margin_mode("BTC/USDT:USDT", MarginMode.CROSS)
    await unified.set_position_mode(PositionMode.HEDGE)
    assert venue.calls("POST", "/fapi/v1/marginType")[0].params["marginType"] == "CROSSED"
    assert venue.calls("POST", "/fapi/v1/positionSide/dual")[0].params["dualSidePosition"] == "true"


async def test_cancel_all_after_and_funding(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.json("POST", "/fapi/v1/countdownCancelAll", doc_json(seed.COUNTDOWN_CANCEL_ALL))
    venue.json("GET", "/fapi/v1/premiumIndex", {
        "symbol": "BTCUSDT", "markPrice": "11793.63104562", "indexPrice": "11781.80495970",
        "estimatedSettlePrice": "11781.16138815", "lastFundingRate": "0.00038246", "interestRate": "0.00010000",
        "nextFundingTime": 1597392000000, "time": 1597370495002})
    await unified.cancel_all_after(120_000, "BTC/USDT:USDT")
    assert venue.calls("POST", "/fapi/v1/countdownCancelAll")[0].params["countdownTime"] == "120000"
    with pytest.raises(InvalidRequest):
        await unified.cancel_all_after(120_000)
    rate = await unified.fetch_funding_rate("BTC/USDT:USDT")
    assert rate.rate == Decimal("0.00038246") and rate.mark_price == Decimal("11793.63104562")


async def test_cancel_orders_and_capabilities(venue: MockVenue, unified: BinanceUSDM) -> None:
    venue.json("DELETE", "/fapi/v1/batchOrders", doc_json(seed.CANCEL_BATCH_ORDERS))
    ok, failed = await unified.cancel_orders("BTC/USDT:USDT", ["283194212", "7"])
    assert ok.status is OrderStatus.CANCELED  # type: ignore[union-attr]
    assert failed.code == "-2011" and type(failed).__name__ == "OrderNotFound"  # type: ignore[union-attr]
    assert Capability.AMEND_ORDER not in unified.capabilities
    with pytest.raises(NotSupported):
        await unified.amend_order("BTC/USDT:USDT", "1", price=Decimal(1))
    assert Capability.CANCEL_ALL_AFTER in unified.capabilities
