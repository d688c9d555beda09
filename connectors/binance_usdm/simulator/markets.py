"""Seeded Binance USDⓈ-M perpetuals: contract specs, leverage brackets and the exchangeInfo document."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from venuekit.core.simulator.engine import Exchange
from venuekit.core.simulator.instruments import SimInstrument
from venuekit.core.simulator.messages import RawNumber
from venuekit.core.types.enums import InstrumentStatus

from .wire import plain, wire_symbol

D = Decimal
ONBOARD_MS: Final = 1569398400000
PERPETUAL_DELIVERY_MS: Final = 4133404800000


@dataclass(frozen=True)
class MarketSpec:
    """What exchangeInfo publishes for one symbol beyond the engine's instrument."""

    inst: SimInstrument
    mark: Decimal
    funding_rate: Decimal
    min_price: Decimal
    max_price: Decimal
    market_max_qty: Decimal
    maint_margin_percent: str
    required_margin_percent: str
    trigger_protect: str
    liquidation_fee: str
    market_take_bound: str
    brackets: tuple[tuple[int, int, str], ...]
    """(initial leverage, notional cap, maintenance margin ratio) per bracket, lowest notional first."""
    underlying_sub_type: tuple[str, ...] = ()
    price_precision: int | None = None
    quantity_precision: int | None = None

    @property
    def price_places(self) -> int:
        """exchangeInfo `pricePrecision` (BTCUSDT: 2 although the tick is 0.10)."""
        return self.inst.price_precision if self.price_precision is None else self.price_precision

    @property
    def qty_places(self) -> int:
        return self.inst.quantity_precision if self.quantity_precision is None else self.quantity_precision


def _inst(base: str, *, tick: str, step: str, qty: tuple[str, str], notional: str, lev: int, mmr: str) -> SimInstrument:
    return SimInstrument(
        symbol=f"{base}USDT",
        base=base,
        quote="USDT",
        settle="USDT",
        tick_size=D(tick),
        step_size=D(step),
        min_qty=D(qty[0]),
        min_notional=D(notional),
        max_leverage=lev,
        maker_fee_rate=D("0.0002"),
        taker_fee_rate=D("0.0005"),
        maintenance_margin_rate=D(mmr),
        max_qty=D(qty[1]),
        status=InstrumentStatus.TRADING,
    )


SEED_MARKETS: Final[tuple[MarketSpec, ...]] = (
    MarketSpec(
        inst=_inst("BTC", tick="0.10", step="0.001", qty=("0.001", "1000"), notional="100", lev=125, mmr="0.004"),
        mark=D("65000.00"),
        funding_rate=D("0.00010000"),
        min_price=D("556.80"),
        max_price=D("4529764"),
        market_max_qty=D("120"),
        maint_margin_percent="2.5000",
        required_margin_percent="5.0000",
        trigger_protect="0.0500",
        liquidation_fee="0.012500",
        market_take_bound="0.05",
        brackets=(
            (125, 50_000, "0.004"),
            (100, 600_000, "0.005"),
            (75, 3_000_000, "0.0065"),
            (50, 12_000_000, "0.01"),
            (25, 70_000_000, "0.02"),
            (20, 100_000_000, "0.025"),
            (10, 230_000_000, "0.05"),
            (5, 480_000_000, "0.1"),
            (4, 600_000_000, "0.125"),
            (3, 800_000_000, "0.15"),
            (2, 1_200_000_000, "0.25"),
            (1, 1_800_000_000, "0.5"),
        ),
        underlying_sub_type=("PoW",),
        price_precision=2,
        quantity_precision=3,
    ),
    MarketSpec(
        inst=_inst("ETH", tick="0.01", step="0.001", qty=("0.001", "10000"), notional="20", lev=125, mmr="0.004"),
        mark=D("3400.00"),
        funding_rate=D("0.00010000"),
        min_price=D("39.86"),
        max_price=D("306177"),
        market_max_qty=D("2000"),
        maint_margin_percent="2.5000",
        required_margin_percent="5.0000",
        trigger_protect="0.0500",
        liquidation_fee="0.012500",
        market_take_bound="0.05",
        brackets=(
            (125, 50_000, "0.004"),
            (100, 600_000, "0.005"),
            (75, 3_000_000, "0.0065"),
            (50, 12_000_000, "0.01"),
            (25, 50_000_000, "0.02"),
            (20, 65_000_000, "0.025"),
            (10, 150_000_000, "0.05"),
            (5, 320_000_000, "0.1"),
            (4, 400_000_000, "0.125"),
            (3, 530_000_000, "0.15"),
            (2, 800_000_000, "0.25"),
            (1, 1_200_000_000, "0.5"),
        ),
        underlying_sub_type=("Layer-1",),
        price_precision=2,
        quantity_precision=3,
    ),
    MarketSpec(
        inst=_inst("SOL", tick="0.0100", step="1", qty=("1", "1000000"), notional="5", lev=100, mmr="0.005"),
        mark=D("150.0000"),
        funding_rate=D("0.00010000"),
        min_price=D("0.4200"),
        max_price=D("6857"),
        market_max_qty=D("5000"),
        maint_margin_percent="2.5000",
        required_margin_percent="5.0000",
        trigger_protect="0.0500",
        liquidation_fee="0.015000",
        market_take_bound="0.05",
        brackets=(
            (100, 5_000, "0.005"),
            (75, 10_000, "0.0065"),
            (50, 30_000, "0.01"),
            (40, 60_000, "0.02"),
            (25, 300_000, "0.025"),
            (20, 800_000, "0.05"),
            (10, 3_000_000, "0.1"),
            (5, 10_000_000, "0.125"),
            (4, 25_000_000, "0.15"),
            (2, 50_000_000, "0.25"),
            (1, 100_000_000, "0.5"),
        ),
        underlying_sub_type=("Layer-1",),
        price_precision=4,
        quantity_precision=0,
    ),
)


def bracket_rows(spec: MarketSpec) -> list[dict[str, object]]:
    """leverageBracket rows; `cum` is derived so maintenance margin is continuous across brackets."""
    rows: list[dict[str, object]] = []
    floor, cum, prev_ratio = 0, D(0), D(0)
    for number, (leverage, cap, ratio_text) in enumerate(spec.brackets, start=1):
        ratio = D(ratio_text)
        cum += floor * (ratio - prev_ratio)
        rows.append(
            {
                "bracket": number,
                "initialLeverage": leverage,
                "notionalCap": cap,
                "notionalFloor": floor,
                "maintMarginRatio": RawNumber(ratio),
                "cum": RawNumber(cum.normalize() if cum else D(0)),
            }
        )
        floor, prev_ratio = cap, ratio
    return rows


def max_notional(spec: MarketSpec, leverage: int) -> int:
    """Largest position notional allowed at `leverage`: the cap of the last bracket that permits it."""
    allowed = [cap for lev, cap, _ in spec.brackets if lev >= leverage]
    return max(allowed) if allowed else spec.brackets[0][1]


def seed(exchange: Exchange, specs: tuple[MarketSpec, ...] = SEED_MARKETS, levels: int = 20) -> None:
    """List the markets, set marks and funding, and rest a ladder of liquidity around each mark."""
    for spec in specs:
        exchange.add_instrument(spec.inst)
        exchange.set_funding_rate(spec.inst.symbol, spec.funding_rate)
        exchange.set_mark_price(spec.inst.symbol, spec.mark)
        step = spec.inst.tick_size * 10
        qty = max(spec.inst.min_qty, spec.inst.min_notional / spec.mark) * 200
        qty = (qty // spec.inst.step_size) * spec.inst.step_size
        exchange.seed_book(spec.inst.symbol, spec.mark, levels, step=step, qty=qty)


def default_spec(inst: SimInstrument) -> MarketSpec:
    """exchangeInfo details for an instrument added by a test without a hand-written spec."""
    mark = inst.tick_size * 10000
    return MarketSpec(
        inst=inst,
        mark=mark,
        funding_rate=D("0.0001"),
        min_price=inst.tick_size,
        max_price=mark * 100,
        market_max_qty=inst.max_qty or inst.min_qty * 100000,
        maint_margin_percent="2.5000",
        required_margin_percent="5.0000",
        trigger_protect="0.0500",
        liquidation_fee="0.012500",
        market_take_bound="0.05",
        brackets=((inst.max_leverage, 1_000_000, plain(inst.maintenance_margin_rate)),),
    )


def _filters(spec: MarketSpec) -> list[dict[str, object]]:
    inst = spec.inst
    return [
        {
            "filterType": "PRICE_FILTER",
            "minPrice": plain(spec.min_price),
            "maxPrice": plain(spec.max_price),
            "tickSize": plain(inst.tick_size),
        },
        {
            "filterType": "LOT_SIZE",
            "minQty": plain(inst.min_qty),
            "maxQty": plain(inst.max_qty or D(0)),
            "stepSize": plain(inst.step_size),
        },
        {
            "filterType": "MARKET_LOT_SIZE",
            "minQty": plain(inst.min_qty),
            "maxQty": plain(spec.market_max_qty),
            "stepSize": plain(inst.step_size),
        },
        {"filterType": "MAX_NUM_ORDERS", "limit": 200},
        {"filterType": "MAX_NUM_ALGO_ORDERS", "limit": 10},
        {"filterType": "MIN_NOTIONAL", "notional": plain(inst.min_notional)},
        {"filterType": "PERCENT_PRICE", "multiplierUp": "1.0500", "multiplierDown": "0.9500", "multiplierDecimal": "4"},
    ]


_STATUS: Final = {
    InstrumentStatus.TRADING: "TRADING",
    InstrumentStatus.HALTED: "SETTLING",
    InstrumentStatus.CLOSED: "CLOSE",
}


def symbol_info(spec: MarketSpec, inst: SimInstrument) -> dict[str, object]:
    """One `symbols[]` entry of exchangeInfo, for the instrument as the engine currently has it."""
    return {
        "symbol": wire_symbol(inst),
        "pair": wire_symbol(inst),
        "contractType": "PERPETUAL",
        "deliveryDate": PERPETUAL_DELIVERY_MS,
        "onboardDate": ONBOARD_MS,
        "status": _STATUS[inst.status],
        "maintMarginPercent": spec.maint_margin_percent,
        "requiredMarginPercent": spec.required_margin_percent,
        "baseAsset": inst.base,
        "quoteAsset": inst.quote,
        "marginAsset": inst.settle,
        "pricePrecision": spec.price_places,
        "quantityPrecision": spec.qty_places,
        "baseAssetPrecision": 8,
        "quotePrecision": 8,
        "underlyingType": "COIN",
        "underlyingSubType": list(spec.underlying_sub_type),
        "settlePlan": 0,
        "triggerProtect": spec.trigger_protect,
        "liquidationFee": spec.liquidation_fee,
        "marketTakeBound": spec.market_take_bound,
        "maxMoveOrderLimit": 10000,
        "filters": _filters(spec),
        "orderTypes": ["LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET"],
        "timeInForce": ["GTC", "IOC", "FOK", "GTX"],
    }
