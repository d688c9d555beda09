"""BingX-only swap features: demo funds, TWAP, multi-assets mode, reverse, automatic margin addition."""

from __future__ import annotations

from decimal import Decimal

from pydantic import ConfigDict, Field

from .common import BingXModel, Flag, OptDec, OptId, OptInt, PosSide, Side


class VstGrant(BingXModel):
    amount: Decimal


class TwapPlaced(BingXModel):
    main_order_id: str


class TwapOrder(BingXModel):
    """A TWAP order; only `mainOrderId` is certain in every answer (the cancel answer is undocumented)."""

    main_order_id: str
    symbol: str | None = None
    side: Side | None = None
    position_side: PosSide = None
    price_type: str | None = None
    price_variance: OptDec = None
    trigger_price: OptDec = None
    interval: OptInt = None
    amount_per_order: OptDec = None
    total_amount: OptDec = None
    order_status: str | None = None
    executed_qty: OptDec = None
    duration: OptInt = None
    max_duration: OptInt = None
    created_time: OptInt = None
    update_time: OptInt = None


class AssetModeData(BingXModel):
    asset_mode: str


class MultiAssetsRule(BingXModel):
    """Platform rules per margin asset; the documents give no field list, so unknown fields are kept."""

    model_config = ConfigDict(extra="allow")

    margin_assets: str | None = None


class MarginAsset(BingXModel):
    currency: str
    total_amount: OptDec = None
    available_transfer: OptDec = None
    latest_mortgage_amount: OptDec = None


class ReverseData(BingXModel):
    type: str | None = None
    position_id: OptId = None
    new_position_id: OptId = None
    symbol: str | None = None
    position_side: PosSide = None
    isolated: bool | None = None
    position_amt: OptDec = None
    available_amt: OptDec = None
    avg_price: OptDec = None
    leverage: OptInt = None
    mark_price: OptDec = None
    update_time: OptInt = None


class AutoAddMarginData(BingXModel):
    symbol: str | None = None
    position_id: OptId = Field(default=None)
    function_switch: Flag = None
    amount: OptDec = None
