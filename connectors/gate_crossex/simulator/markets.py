"""CrossEx trading pairs: symbol grammar, per-pair rules and the seeded BTC/ETH/SOL markets.

A CrossEx symbol is `EXCHANGE_BUSINESS_BASE_QUOTE` (e.g. `OKX_FUTURE_ETH_USDT`); every pair becomes one
engine instrument keyed by that symbol. Quantities are in base units, so the engine contract size is 1 and
the venue's own multiplier is only reported in `contract_size`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from venuekit.core.simulator import SimInstrument

EXCHANGES = ("BINANCE", "OKX", "GATE")
MARKET_MAKER_PREFIX = "mm:"
BUSINESS_TYPES = ("SPOT", "FUTURE", "MARGIN")
FUTURE = "FUTURE"
MARGIN = "MARGIN"

D = Decimal
_ONE = D(1)
_MAX_MARKET = D(1_000_000)
_MAX_LIMIT = D(10_000_000)
_LIQ_FEE = D("0.0125")
_MAKER = D("0.0002")
_TAKER = D("0.0005")


@dataclass(frozen=True)
class RiskTier:
    tier: int
    min_value: Decimal
    max_value: Decimal
    leverage_max: int
    maintenance_rate: Decimal


@dataclass(frozen=True)
class PairSpec:
    """What `/rule/symbols` reports for one pair, plus the seeded mark price and book depth."""

    symbol: str
    exchange: str
    business: str
    base: str
    quote: str
    tick_size: Decimal
    lot_size: Decimal
    min_size: Decimal
    min_notional: Decimal
    mark: Decimal
    depth_qty: Decimal
    contract_size: Decimal = _ONE
    max_leverage: int = 20
    default_leverage: int = 3
    max_num_orders: int = 200
    max_market_size: Decimal = _MAX_MARKET
    max_limit_size: Decimal = _MAX_LIMIT
    liquidation_fee: Decimal = _LIQ_FEE
    maker_fee: Decimal = _MAKER
    taker_fee: Decimal = _TAKER
    state: str = "live"
    delist_time: int = 0
    tiers: tuple[RiskTier, ...] = field(default=())

    def instrument(self) -> SimInstrument:
        first = self.tiers[0] if self.tiers else None
        return SimInstrument(
            symbol=self.symbol,
            base=self.base,
            quote=self.quote,
            settle=self.quote,
            tick_size=self.tick_size,
            step_size=self.lot_size,
            min_qty=self.min_size,
            min_notional=self.min_notional,
            max_leverage=self.max_leverage,
            maker_fee_rate=self.maker_fee,
            taker_fee_rate=self.taker_fee,
            maintenance_margin_rate=first.maintenance_rate if first else D("0.004"),
            max_qty=max(self.max_market_size, self.max_limit_size),
        )


def is_market_maker(account_id: str) -> bool:
    return account_id.startswith(MARKET_MAKER_PREFIX) or account_id == "mm"


def parse_symbol(symbol: str) -> tuple[str, str, str, str] | None:
    """(exchange, business, base, quote) of a well-formed CrossEx symbol, else None."""
    parts = symbol.split("_")
    if len(parts) != 4 or parts[1] not in BUSINESS_TYPES or not all(parts):
        return None
    return parts[0], parts[1], parts[2], parts[3]


def _tiers(max_leverage: int, base_value: int) -> tuple[RiskTier, ...]:
    steps = ((1, D("0.004")), (2, D("0.005")), (4, D("0.01")))
    tiers = []
    low = D(0)
    for i, (mult, mmr) in enumerate(steps, start=1):
        high = D(base_value * mult)
        lev = max(1, max_leverage // mult) if i > 1 else max_leverage
        tiers.append(RiskTier(i, low, high, lev, mmr))
        low = high
    return tuple(tiers)


# (exchange, base): tick, lot, min size, min notional, venue contract size, mark, depth per level.
_FUTURES: dict[tuple[str, str], tuple[str, str, str, str, str, str, str]] = {
    ("BINANCE", "BTC"): ("0.1", "0.001", "0.001", "100", "1", "65000.0", "0.5"),
    ("BINANCE", "ETH"): ("0.01", "0.001", "0.001", "20", "1", "3400.00", "5"),
    ("BINANCE", "SOL"): ("0.01", "1", "1", "5", "1", "150.00", "200"),
    ("OKX", "BTC"): ("0.1", "0.0001", "0.0001", "0", "0.01", "65010.0", "0.5"),
    ("OKX", "ETH"): ("0.01", "0.001", "0.001", "0", "0.1", "3400.50", "5"),
    ("OKX", "SOL"): ("0.01", "0.01", "0.01", "0", "1", "150.05", "200"),
    ("GATE", "BTC"): ("0.1", "0.0001", "0.0001", "0", "0.0001", "64990.0", "0.5"),
    ("GATE", "ETH"): ("0.01", "0.01", "0.01", "0", "0.01", "3399.50", "5"),
    ("GATE", "SOL"): ("0.01", "1", "1", "0", "1", "149.95", "200"),
}

# (exchange, base): tick, lot, min size, min notional, depth per level (spot-margin pairs).
_MARGIN: dict[tuple[str, str], tuple[str, str, str, str, str]] = {
    ("BINANCE", "BTC"): ("0.01", "0.00001", "0.00001", "5", "0.5"),
    ("BINANCE", "ETH"): ("0.01", "0.0001", "0.0001", "5", "5"),
    ("BINANCE", "SOL"): ("0.01", "0.001", "0.001", "5", "200"),
    ("OKX", "BTC"): ("0.1", "0.00001", "0.00001", "1", "0.5"),
    ("OKX", "ETH"): ("0.01", "0.0001", "0.0001", "1", "5"),
    ("OKX", "SOL"): ("0.01", "0.001", "0.001", "1", "200"),
    ("GATE", "BTC"): ("0.1", "0.000001", "0.00001", "3", "0.5"),
    ("GATE", "ETH"): ("0.01", "0.0001", "0.0001", "3", "5"),
    ("GATE", "SOL"): ("0.01", "0.001", "0.01", "3", "200"),
}

_FUTURE_LEVERAGE = {"BTC": 20, "ETH": 20, "SOL": 10}
_TIER_BASE = {"BTC": 50_000, "ETH": 30_000, "SOL": 10_000}


def default_pairs() -> list[PairSpec]:
    """BTC, ETH and SOL futures and margin pairs on Binance, OKX and Gate."""
    pairs: list[PairSpec] = []
    for (exchange, base), (tick, lot, min_size, notional, csize, mark, depth) in _FUTURES.items():
        lev = _FUTURE_LEVERAGE[base]
        pairs.append(
            PairSpec(
                symbol=f"{exchange}_FUTURE_{base}_USDT",
                exchange=exchange,
                business=FUTURE,
                base=base,
                quote="USDT",
                tick_size=D(tick),
                lot_size=D(lot),
                min_size=D(min_size),
                min_notional=D(notional),
                mark=D(mark),
                depth_qty=D(depth),
                contract_size=D(csize),
                max_leverage=lev,
                tiers=_tiers(lev, _TIER_BASE[base]),
            )
        )
    for (exchange, base), (tick, lot, min_size, notional, depth) in _MARGIN.items():
        future_mark = D(_FUTURES[(exchange, base)][5])
        pairs.append(
            PairSpec(
                symbol=f"{exchange}_MARGIN_{base}_USDT",
                exchange=exchange,
                business=MARGIN,
                base=base,
                quote="USDT",
                tick_size=D(tick),
                lot_size=D(lot),
                min_size=D(min_size),
                min_notional=D(notional),
                mark=future_mark,
                depth_qty=D(depth),
                max_leverage=5,
                liquidation_fee=D("0.02"),
                maker_fee=D("0.00019"),
                taker_fee=D("0.0003"),
                tiers=_tiers(5, _TIER_BASE[base] // 5),
            )
        )
    return pairs


@dataclass(frozen=True)
class CoinInfo:
    """Per-coin static data: transfer rules, hourly borrow rate and collateral discount tiers."""

    coin: str
    min_transfer: Decimal
    est_fee: Decimal
    precision: int
    hour_interest_rate: Decimal
    discount_tiers: tuple[tuple[Decimal, Decimal, Decimal], ...]


COINS: dict[str, CoinInfo] = {
    "USDT": CoinInfo("USDT", D("1"), D("0"), 6, D("0.00000485"), ((D(0), D(10_000_000), D(1)),)),
    "BTC": CoinInfo(
        "BTC",
        D("0.0001"),
        D("0"),
        8,
        D("0.00000115"),
        ((D(0), D(100_000), D("0.95")), (D(100_000), D(500_000), D("0.9")), (D(500_000), D(1_000_000), D("0.8"))),
    ),
    "ETH": CoinInfo(
        "ETH",
        D("0.001"),
        D("0"),
        8,
        D("0.0000013"),
        ((D(0), D(50_000), D("0.95")), (D(50_000), D(200_000), D("0.9")), (D(200_000), D(500_000), D("0.8"))),
    ),
    "SOL": CoinInfo(
        "SOL",
        D("0.01"),
        D("0"),
        6,
        D("0.0000036558334"),
        ((D(0), D(10_000), D("0.95")), (D(10_000), D(20_000), D("0.93")), (D(20_000), D(30_000), D("0.2"))),
    ),
}

CONVERT_TARGETS: dict[str, frozenset[str]] = {
    "BINANCE": frozenset({"USDT"}),
    "OKX": frozenset({"BTC", "ETH", "USDT"}),
    "GATE": frozenset({"BTC", "ETH", "USDT"}),
}
