"""Balance, account, position, income, bracket, ADL and commission models."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from ..enums import PositionSide
from .base import BinanceModel


class BalanceEntry(BinanceModel):
    account_alias: str | None = None
    asset: str
    balance: Decimal
    cross_wallet_balance: Decimal
    cross_un_pnl: Decimal
    available_balance: Decimal
    max_withdraw_amount: Decimal
    margin_available: bool | None = None
    update_time: int


class AccountAsset(BinanceModel):
    asset: str
    wallet_balance: Decimal
    unrealized_profit: Decimal
    margin_balance: Decimal
    maint_margin: Decimal
    initial_margin: Decimal
    position_initial_margin: Decimal
    open_order_initial_margin: Decimal
    cross_wallet_balance: Decimal
    cross_un_pnl: Decimal
    available_balance: Decimal
    max_withdraw_amount: Decimal
    margin_available: bool | None = None
    update_time: int


class AccountPosition(BinanceModel):
    symbol: str
    position_side: PositionSide
    position_amt: Decimal
    initial_margin: Decimal
    maint_margin: Decimal
    unrealized_profit: Decimal
    position_initial_margin: Decimal | None = None
    open_order_initial_margin: Decimal | None = None
    leverage: Decimal | None = None
    isolated: bool | None = None
    entry_price: Decimal | None = None
    max_notional: Decimal | None = None
    notional: Decimal | None = None
    isolated_margin: Decimal | None = None
    isolated_wallet: Decimal | None = None
    update_time: int


class AccountInfo(BinanceModel):
    """`GET /fapi/v4/account` as the seed documents it (also the V2 shape, which adds three flags)."""

    fee_tier: int
    can_trade: bool
    can_deposit: bool
    can_withdraw: bool
    update_time: int
    total_initial_margin: Decimal
    total_maint_margin: Decimal
    total_wallet_balance: Decimal
    total_unrealized_profit: Decimal
    total_margin_balance: Decimal
    total_position_initial_margin: Decimal
    total_open_order_initial_margin: Decimal
    total_cross_wallet_balance: Decimal
    total_cross_un_pnl: Decimal
    available_balance: Decimal
    max_withdraw_amount: Decimal
    assets: list[AccountAsset]
    positions: list[AccountPosition]
    fee_burn: bool | None = None
    multi_assets_margin: bool | None = None
    trade_group_id: int | None = None


class AccountInfoV3(BinanceModel):
    """`GET /fapi/v3/account`: same totals; flags and per-position leverage may be absent."""

    total_initial_margin: Decimal
    total_maint_margin: Decimal
    total_wallet_balance: Decimal
    total_unrealized_profit: Decimal
    total_margin_balance: Decimal
    total_position_initial_margin: Decimal
    total_open_order_initial_margin: Decimal
    total_cross_wallet_balance: Decimal
    total_cross_un_pnl: Decimal
    available_balance: Decimal
    max_withdraw_amount: Decimal
    assets: list[AccountAsset]
    positions: list[AccountPosition]


class PositionRisk(BinanceModel):
    symbol: str
    position_side: PositionSide
    position_amt: Decimal
    entry_price: Decimal
    mark_price: Decimal
    un_realized_profit: Decimal
    liquidation_price: Decimal
    leverage: int
    max_notional_value: Decimal
    margin_type: str
    isolated_margin: Decimal
    is_auto_add_margin: bool
    notional: Decimal | None = None
    break_even_price: Decimal | None = None
    update_time: int


class IncomeRecord(BinanceModel):
    symbol: str
    income_type: str
    income: Decimal
    asset: str
    info: str
    time: int
    tran_id: str
    trade_id: str


class Bracket(BinanceModel):
    bracket: int
    initial_leverage: int
    notional_cap: Decimal
    notional_floor: Decimal
    maint_margin_ratio: Decimal
    cum: Decimal


class SymbolBrackets(BinanceModel):
    symbol: str
    notional_coef: Decimal | None = None
    brackets: list[Bracket]


class AdlQuantile(BinanceModel):
    long: int | None = Field(default=None, alias="LONG")
    short: int | None = Field(default=None, alias="SHORT")
    both: int | None = Field(default=None, alias="BOTH")
    hedge: int | None = Field(default=None, alias="HEDGE")


class SymbolAdl(BinanceModel):
    symbol: str
    adl_quantile: AdlQuantile


class CommissionRate(BinanceModel):
    symbol: str
    maker_commission_rate: Decimal
    taker_commission_rate: Decimal
