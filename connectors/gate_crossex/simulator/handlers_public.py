"""Public routes: server time, trading pair rules, risk limit tiers, tickers and funding info."""

from __future__ import annotations

from decimal import Decimal

from .context import Ctx, Reply, text
from .markets import FUTURE, PairSpec, is_market_maker

ZERO = Decimal(0)


def server_time(ctx: Ctx) -> Reply:
    return 200, {"server_time": ctx.venue.now_ms()}


def _selected(ctx: Ctx) -> list[PairSpec]:
    wanted = ctx.symbols()
    if wanted is None:
        return list(ctx.venue.pairs.values())
    return [ctx.venue.pairs[s] for s in wanted if s in ctx.venue.pairs]


def rule_symbols(ctx: Ctx) -> Reply:
    return 200, [
        {
            "symbol": s.symbol,
            "exchange_type": s.exchange,
            "business_type": s.business,
            "state": s.state,
            "min_size": text(s.min_size),
            "min_notional": text(s.min_notional),
            "lot_size": text(s.lot_size),
            "tick_size": text(s.tick_size),
            "max_num_orders": str(s.max_num_orders),
            "max_market_size": text(s.max_market_size),
            "max_limit_size": text(s.max_limit_size),
            "contract_size": text(s.contract_size),
            "liquidation_fee": text(s.liquidation_fee),
            "default_leverage": str(s.default_leverage),
            "delist_time": str(s.delist_time),
            # Added after v1.0.0 and required by the official SDK's model; the seed does not define values.
            "tag": "",
        }
        for s in _selected(ctx)
    ]


def risk_limits(ctx: Ctx) -> Reply:
    ctx.require("symbols")
    return 200, [
        {
            "symbol": s.symbol,
            "tiers": [
                {
                    "min_risk_limit_value": text(t.min_value),
                    "max_risk_limit_value": text(t.max_value),
                    "leverage_max": str(t.leverage_max),
                    "maintenance_rate": text(t.maintenance_rate),
                    "tier": str(t.tier),
                }
                for t in s.tiers
            ],
        }
        for s in _selected(ctx)
    ]


def market_tickers(ctx: Ctx) -> Reply:
    """`GET /crossex/market/tickers` (SDK ≥7.2.123; not in the v1.0.0 document): futures pairs only."""
    ex = ctx.exchange
    rows = []
    for spec in _selected(ctx):
        if spec.business != FUTURE:
            continue
        trades = ex.recent_trades(spec.symbol)
        last = ex.last_price(spec.symbol) or ex.mark_price(spec.symbol)
        volume = sum((t.quantity for t in trades), ZERO)
        quote_volume = sum((t.quantity * t.price for t in trades), ZERO)
        prices = [t.price for t in trades] or [last]
        interest = sum(
            (p.size for a in ex.account_ids() for p in ex.positions(a, spec.symbol) if not is_market_maker(a)), ZERO
        )
        mark = ex.mark_price(spec.symbol)
        rows.append(
            {
                "symbol": spec.symbol,
                "last_price": text(last),
                "open_24h": text(prices[0]),
                "low_24h": text(min(prices)),
                "high_24h": text(max(prices)),
                "volume_24h_base": text(volume),
                "volume_24h_quote": text(quote_volume),
                "mark_price": text(mark),
                "index_price": text(mark),
                "open_interest": text(interest),
                "open_interest_quote": text(interest * mark),
                "timestamp": str(ctx.venue.now_ms()),
            }
        )
    return 200, rows


def funding_info(ctx: Ctx) -> Reply:
    """`GET /crossex/market/funding_info` (SDK ≥7.2.123; not in the v1.0.0 document)."""
    ex = ctx.exchange
    return 200, [
        {
            "symbol": s.symbol,
            "funding_rate": text(ex.funding_rate(s.symbol)),
            "funding_interval": "8",
            "funding_time": str(ex.next_funding_ms(s.symbol)),
        }
        for s in _selected(ctx)
        if s.business == FUTURE
    ]
