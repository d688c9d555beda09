"""Balances, account information and position risk in the v2/v3/v4 shapes Binance documents."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from venuekit.core.simulator.accounts import PositionView, SimBalance
from venuekit.core.simulator.engine import Exchange
from venuekit.core.simulator.instruments import SimInstrument
from venuekit.core.types.enums import MarginMode, PositionMode, PositionSide

from .markets import MarketSpec, max_notional
from .shapes_orders import avg_text
from .wire import AMOUNT_PLACES, MARGIN_TYPE_NAMES, POSITION_SIDE_NAMES, fixed, plain, qty_text, wire_symbol

ZERO = Decimal(0)
SpecOf = Callable[[SimInstrument], MarketSpec]


def money(value: Decimal) -> str:
    return fixed(value, AMOUNT_PLACES)


@dataclass(frozen=True)
class Leg:
    """One position leg (possibly flat) with the margin figures every shape draws from."""

    view: PositionView
    inst: SimInstrument
    spec: MarketSpec
    order_margin: Decimal

    @property
    def isolated(self) -> bool:
        return self.view.margin_mode is MarginMode.ISOLATED

    @property
    def signed_notional(self) -> Decimal:
        return self.view.mark_price * self.view.quantity * self.inst.contract_size

    @property
    def position_im(self) -> Decimal:
        return abs(self.signed_notional) / self.view.leverage

    @property
    def maint(self) -> Decimal:
        return self.view.maintenance_margin


def _order_margin(ex: Exchange, account_id: str, inst: SimInstrument, side: PositionSide, lev: int) -> Decimal:
    total = ZERO
    for order in ex.open_orders(account_id, inst.symbol):
        if order.position_side is not side or order.price is None or order.is_untriggered or order.is_closing:
            continue
        total += inst.notional(order.price, order.remaining_qty) / lev
    return total


def legs(ex: Exchange, account_id: str, spec_of: SpecOf, *, live_only: bool = False) -> list[Leg]:
    """Every symbol's legs for the account's mode (BOTH, or LONG and SHORT), flat ones included."""
    hedge = ex.position_mode(account_id) is PositionMode.HEDGE
    sides = (PositionSide.LONG, PositionSide.SHORT) if hedge else (PositionSide.BOTH,)
    out = []
    for inst in ex.instruments():
        for side in sides:
            view = ex.position(account_id, inst.symbol, side)
            if live_only and view.quantity == 0:
                continue
            margin = _order_margin(ex, account_id, inst, side, view.leverage)
            out.append(Leg(view, inst, spec_of(inst), margin))
    return out


def _liq(leg: Leg) -> str:
    return plain(leg.view.liquidation_price) if leg.view.quantity else "0"


def position_v2(leg: Leg) -> dict[str, object]:
    v = leg.view
    return {
        "entryPrice": avg_text(v.entry_price, leg.spec),
        "breakEvenPrice": avg_text(v.entry_price, leg.spec),
        "marginType": MARGIN_TYPE_NAMES[v.margin_mode],
        "isAutoAddMargin": "false",
        "isolatedMargin": money(v.isolated_margin + (v.unrealized_pnl if leg.isolated and v.quantity else ZERO)),
        "leverage": str(v.leverage),
        "liquidationPrice": _liq(leg),
        "markPrice": money(v.mark_price),
        "maxNotionalValue": str(max_notional(leg.spec, v.leverage)),
        "positionAmt": qty_text(v.quantity, leg.spec.qty_places),
        "notional": money(leg.signed_notional),
        "isolatedWallet": money(v.isolated_margin),
        "symbol": wire_symbol(leg.inst),
        "unRealizedProfit": money(v.unrealized_pnl),
        "positionSide": POSITION_SIDE_NAMES[v.position_side],
        "updateTime": v.updated_ms,
    }


def position_v3(leg: Leg) -> dict[str, object]:
    v = leg.view
    notional = leg.signed_notional
    return {
        "symbol": wire_symbol(leg.inst),
        "positionSide": POSITION_SIDE_NAMES[v.position_side],
        "positionAmt": qty_text(v.quantity, leg.spec.qty_places),
        "entryPrice": avg_text(v.entry_price, leg.spec),
        "breakEvenPrice": avg_text(v.entry_price, leg.spec),
        "markPrice": money(v.mark_price),
        "unRealizedProfit": money(v.unrealized_pnl),
        "liquidationPrice": _liq(leg),
        "isolatedMargin": money(v.isolated_margin),
        "notional": money(notional),
        "marginAsset": leg.inst.settle,
        "isolatedWallet": money(v.isolated_margin),
        "initialMargin": money(leg.position_im + leg.order_margin),
        "maintMargin": money(leg.maint),
        "positionInitialMargin": money(leg.position_im),
        "openOrderInitialMargin": money(leg.order_margin),
        "adl": 0 if v.quantity == 0 else 1,
        "bidNotional": "0",
        "askNotional": "0",
        "updateTime": v.updated_ms,
    }


def account_position(leg: Leg, *, v3: bool = False) -> dict[str, object]:
    """`positions[]` of the account endpoints."""
    v = leg.view
    if v3:
        return {
            "symbol": wire_symbol(leg.inst),
            "positionSide": POSITION_SIDE_NAMES[v.position_side],
            "positionAmt": qty_text(v.quantity, leg.spec.qty_places),
            "unrealizedProfit": money(v.unrealized_pnl),
            "isolatedMargin": money(v.isolated_margin),
            "notional": money(leg.signed_notional),
            "isolatedWallet": money(v.isolated_margin),
            "initialMargin": money(leg.position_im + leg.order_margin),
            "maintMargin": money(leg.maint),
            "updateTime": v.updated_ms,
        }
    return {
        "symbol": wire_symbol(leg.inst),
        "initialMargin": money(leg.position_im + leg.order_margin),
        "maintMargin": money(leg.maint),
        "unrealizedProfit": money(v.unrealized_pnl),
        "positionInitialMargin": money(leg.position_im),
        "openOrderInitialMargin": money(leg.order_margin),
        "leverage": str(v.leverage),
        "isolated": leg.isolated,
        "entryPrice": avg_text(v.entry_price, leg.spec),
        "breakEvenPrice": avg_text(v.entry_price, leg.spec),
        "maxNotional": str(max_notional(leg.spec, v.leverage)),
        "bidNotional": "0",
        "askNotional": "0",
        "positionSide": POSITION_SIDE_NAMES[v.position_side],
        "positionAmt": qty_text(v.quantity, leg.spec.qty_places),
        "notional": money(leg.signed_notional),
        "isolatedWallet": money(v.isolated_margin),
        "updateTime": v.updated_ms,
    }


@dataclass(frozen=True)
class AssetFigures:
    """Per-asset margin totals in Binance's vocabulary."""

    balance: SimBalance
    cross_wallet: Decimal
    cross_upnl: Decimal
    position_im: Decimal
    order_im: Decimal
    maint: Decimal
    update_ms: int

    @property
    def max_withdraw(self) -> Decimal:
        return max(ZERO, min(self.balance.available, self.balance.wallet_balance))


def asset_figures(ex: Exchange, account_id: str, spec_of: SpecOf) -> list[AssetFigures]:
    live = legs(ex, account_id, spec_of)
    out = []
    for asset, bal in ex.balance(account_id).items():
        mine = [leg for leg in live if leg.inst.settle == asset]
        isolated = sum((leg.view.isolated_margin for leg in mine if leg.isolated), ZERO)
        cross_upnl = sum((leg.view.unrealized_pnl for leg in mine if not leg.isolated), ZERO)
        updated = max([leg.view.updated_ms for leg in mine] + [e.ts for e in ex.income(account_id)[-1:]] + [0])
        out.append(
            AssetFigures(
                balance=bal,
                cross_wallet=bal.wallet_balance - isolated,
                cross_upnl=cross_upnl,
                position_im=sum((leg.position_im for leg in mine), ZERO),
                order_im=sum((leg.order_margin for leg in mine), ZERO),
                maint=sum((leg.maint for leg in mine), ZERO),
                update_ms=updated,
            )
        )
    return out


def balance_row(fig: AssetFigures, alias: str) -> dict[str, object]:
    return {
        "accountAlias": alias,
        "asset": fig.balance.asset,
        "balance": money(fig.balance.wallet_balance),
        "crossWalletBalance": money(fig.cross_wallet),
        "crossUnPnl": money(fig.cross_upnl),
        "availableBalance": money(fig.balance.available),
        "maxWithdrawAmount": money(fig.max_withdraw),
        "marginAvailable": True,
        "updateTime": fig.update_ms,
    }


def account_asset(fig: AssetFigures, *, v3: bool = False) -> dict[str, object]:
    bal = fig.balance
    row: dict[str, object] = {
        "asset": bal.asset,
        "walletBalance": money(bal.wallet_balance),
        "unrealizedProfit": money(bal.unrealized_pnl),
        "marginBalance": money(bal.equity),
        "maintMargin": money(fig.maint),
        "initialMargin": money(fig.position_im + fig.order_im),
        "positionInitialMargin": money(fig.position_im),
        "openOrderInitialMargin": money(fig.order_im),
        "crossWalletBalance": money(fig.cross_wallet),
        "crossUnPnl": money(fig.cross_upnl),
        "availableBalance": money(bal.available),
        "maxWithdrawAmount": money(fig.max_withdraw),
        "updateTime": fig.update_ms,
    }
    if not v3:
        row["marginAvailable"] = True
    return row


def account_totals(figures: list[AssetFigures], quote: str = "USDT") -> dict[str, object]:
    """The `total*` fields, counted in the quote asset only (single-asset mode)."""
    fig = next((f for f in figures if f.balance.asset == quote), None)
    if fig is None:
        zero = money(ZERO)
        names = (
            "totalInitialMargin", "totalMaintMargin", "totalWalletBalance", "totalUnrealizedProfit",
            "totalMarginBalance", "totalPositionInitialMargin", "totalOpenOrderInitialMargin",
            "totalCrossWalletBalance", "totalCrossUnPnl", "availableBalance", "maxWithdrawAmount",
        )
        return dict.fromkeys(names, zero)
    bal = fig.balance
    return {
        "totalInitialMargin": money(fig.position_im + fig.order_im),
        "totalMaintMargin": money(fig.maint),
        "totalWalletBalance": money(bal.wallet_balance),
        "totalUnrealizedProfit": money(bal.unrealized_pnl),
        "totalMarginBalance": money(bal.equity),
        "totalPositionInitialMargin": money(fig.position_im),
        "totalOpenOrderInitialMargin": money(fig.order_im),
        "totalCrossWalletBalance": money(fig.cross_wallet),
        "totalCrossUnPnl": money(fig.cross_upnl),
        "availableBalance": money(bal.available),
        "maxWithdrawAmount": money(fig.max_withdraw),
    }
