"""Swap account responses: balances, positions, income (fund flow), commission rates."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator

from .common import BingXModel, OptDec, OptId, OptInt, PosSide, as_list, pick


class SwapBalance(BingXModel):
    """One margin asset (USDT, USDC) of the perpetual account."""

    asset: str
    balance: OptDec = None
    equity: OptDec = None
    unrealized_profit: OptDec = None
    realised_profit: OptDec = None
    available_margin: OptDec = None
    used_margin: OptDec = None
    freezed_margin: OptDec = None
    short_uid: OptId = None
    user_id: OptId = None


def _balances(value: Any) -> Any:
    """v3 returns a list of assets; the older v2 form wraps one object under `balance`."""
    return as_list(pick(("balance",), value))


SwapBalances = Annotated[list[SwapBalance], BeforeValidator(_balances)]


class SwapPosition(BingXModel):
    symbol: str
    position_id: OptId = None
    position_side: PosSide = None
    isolated: bool | None = None
    position_amt: Decimal
    available_amt: OptDec = None
    unrealized_profit: OptDec = None
    realised_profit: OptDec = None
    initial_margin: OptDec = None
    margin: OptDec = None
    avg_price: OptDec = None
    liquidation_price: OptDec = None
    leverage: OptInt = None
    position_value: OptDec = None
    mark_price: OptDec = None
    risk_rate: OptDec = None
    max_margin_reduction: OptDec = None
    pnl_ratio: OptDec = None
    update_time: OptInt = None


class IncomeRecord(BingXModel):
    symbol: str | None = None
    income_type: str
    income: Decimal
    asset: str
    info: str | None = None
    time: int
    tran_id: OptId = None
    trade_id: OptId = None


class CommissionRate(BingXModel):
    taker_commission_rate: Decimal
    maker_commission_rate: Decimal


def _commission(value: Any) -> Any:
    return pick(("commission",), value)


CommissionData = Annotated[CommissionRate, BeforeValidator(_commission)]
