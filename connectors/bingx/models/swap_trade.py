"""Swap trade responses: the order object in all its documented forms, cancels, fills, leverage, modes."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Final

from pydantic import AliasChoices, BeforeValidator, Field, GetCoreSchemaHandler
from pydantic_core import core_schema

from .common import BingXModel, Flag, OptDec, OptId, OptInt, OptNum, PosSide, Side, Status, Type, json_text


class TpSl(BingXModel):
    """An attached take-profit / stop-loss; its numbers are JSON numbers, its casing varies."""

    type: str | None = None
    quantity: OptNum = None
    stop_price: OptNum = None
    price: OptNum = None
    working_type: str | None = None
    stop_guaranteed: Flag = Field(default=None, validation_alias=AliasChoices("stopGuaranteed", "StopGuaranteed"))


#: What BingX sends on every order without a take-profit / stop-loss attached (reference §4.3).
NO_BRACKET: Final[dict[str, object]] = {"type": "", "quantity": 0, "stopPrice": 0, "price": 0, "workingType": ""}


class _SharedNoBracket:
    """Field marker: exactly `NO_BRACKET` in JSON validates to one shared (frozen) `TpSl`, the one validating
    it gives, without building two models per order of a list (~25 % of a BingX order's parse); anything
    else, even `0.0` for `0` or one more key, and any Python input, is validated as usual."""

    _shared: TpSl | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        shared = _SharedNoBracket._shared = _SharedNoBracket._shared or TpSl.model_validate(NO_BRACKET)
        zero = core_schema.typed_dict_field(core_schema.int_schema(strict=True, ge=0, le=0))
        blank = core_schema.typed_dict_field(core_schema.literal_schema([""]))
        exact = core_schema.typed_dict_schema(
            {"type": blank, "quantity": zero, "stopPrice": zero, "price": zero, "workingType": blank},
            extra_behavior="forbid",
        )
        usual = handler(source)
        json_schema = core_schema.union_schema(
            [core_schema.no_info_after_validator_function(lambda _: shared, exact), usual], mode="left_to_right"
        )
        return core_schema.json_or_python_schema(json_schema, usual)


#: The object itself is validated natively (no JSON-to-Python detour); JSON text and `""` take the hook.
TpSlField = Annotated[
    TpSl | Annotated[TpSl | None, BeforeValidator(json_text)] | None,
    Field(union_mode="left_to_right"),
    _SharedNoBracket(),
]
_CLIENT_ID = AliasChoices("clientOrderId", "clientOrderID", "client_order_id")


class SwapOrder(BingXModel):
    """One order as returned by place, cancel, query, open orders and history (fields vary by endpoint)."""

    symbol: str
    order_id: str = Field(validation_alias=AliasChoices("orderId", "orderID", "order_id"))
    side: Side
    position_side: PosSide = None
    type: Type
    client_order_id: OptId = Field(default=None, validation_alias=_CLIENT_ID)
    status: Status = None
    price: OptDec = None
    quantity: OptDec = None
    orig_qty: OptDec = None
    executed_qty: OptDec = None
    avg_price: OptDec = None
    cum_quote: OptDec = None
    stop_price: OptDec = None
    price_rate: OptDec = None
    profit: OptDec = None
    commission: OptDec = None
    time: OptInt = None
    update_time: OptInt = None
    leverage: str | None = None
    working_type: str | None = None
    time_in_force: str | None = None
    reduce_only: Flag = None
    post_only: Flag = None
    close_position: Flag = None
    stop_guaranteed: Flag = None
    take_profit: TpSlField = None
    stop_loss: TpSlField = None
    position_id: OptId = Field(default=None, validation_alias=AliasChoices("positionID", "positionId"))
    trigger_order_id: OptId = None
    advance_attr: OptInt = None
    take_profit_entrust_price: OptNum = None
    stop_loss_entrust_price: OptNum = None
    order_type: str | None = None
    trailing_stop_rate: OptDec = None
    trailing_stop_distance: OptDec = None
    act_price: OptDec = None
    only_one_position: Flag = None
    is_twap: Flag = None
    main_order_id: OptId = None


def _nulls_as_empty(value: Any) -> Any:
    return [] if value is None else value


# A list is validated natively first; only `null` takes the Python hook (a hook on every list would turn the
# whole JSON list into Python objects before validating it).
OrderList = Annotated[
    list[SwapOrder] | Annotated[list[SwapOrder], BeforeValidator(_nulls_as_empty)], Field(union_mode="left_to_right")
]


class OrderData(BingXModel):
    order: SwapOrder


class OrdersData(BingXModel):
    orders: OrderList = Field(default_factory=list)


class CancelFailure(BingXModel):
    order_id: OptId = Field(default=None, validation_alias=AliasChoices("orderId", "orderID"))
    client_order_id: OptId = Field(default=None, validation_alias=_CLIENT_ID)
    error_code: int | str | None = None
    error_message: str | None = None


class BatchCancelData(BingXModel):
    """`success` (orders now cancelled) and `failed` (null or a list) of the bulk cancels."""

    success: OrderList = Field(default_factory=list)
    failed: Annotated[
        list[CancelFailure] | Annotated[list[CancelFailure], BeforeValidator(_nulls_as_empty)],
        Field(union_mode="left_to_right"),
    ] = Field(default_factory=list)


class CloseAllData(BingXModel):
    success: Annotated[list[str], BeforeValidator(_nulls_as_empty)] = Field(default_factory=list)
    failed: Annotated[list[Any], BeforeValidator(_nulls_as_empty)] = Field(default_factory=list)


class MarginTypeData(BingXModel):
    margin_type: str


class LeverageData(BingXModel):
    long_leverage: OptInt = None
    short_leverage: OptInt = None
    max_long_leverage: OptInt = None
    max_short_leverage: OptInt = None
    available_long_vol: OptDec = None
    available_short_vol: OptDec = None
    available_long_val: OptDec = None
    available_short_val: OptDec = None
    max_position_long_val: OptDec = None
    max_position_short_val: OptDec = None


class SetLeverageData(LeverageData):
    leverage: int
    symbol: str


class PositionMarginResult(BingXModel):
    """positionMargin answers at the envelope's top level (`{"code":0,"msg":"","amount":1,"type":1}`)."""

    amount: OptDec = None
    type: OptInt = None
    position_id: OptId = None


class FillOrder(BingXModel):
    """One execution from allFillOrders (list under the snake_case key `fill_orders`)."""

    symbol: str | None = None
    order_id: str = Field(validation_alias=AliasChoices("orderId", "orderID"))
    client_order_id: OptId = Field(default=None, validation_alias=_CLIENT_ID)
    volume: Decimal
    price: Decimal
    amount: OptDec = None
    commission: OptDec = None
    currency: str | None = None
    filled_tm: str | None = None
    filled_time: str | None = None
    liquidated_price: OptDec = None
    liquidated_margin_ratio: OptDec = None
    side: Side | None = None
    position_side: PosSide = None
    type: Type | None = None
    working_type: str | None = None
    only_one_position: Flag = None


class FillOrdersData(BingXModel):
    fill_orders: Annotated[
        list[FillOrder] | Annotated[list[FillOrder], BeforeValidator(_nulls_as_empty)],
        Field(union_mode="left_to_right"),
    ] = Field(
        default_factory=list, validation_alias=AliasChoices("fill_orders", "fillOrders")
    )


class FillHistoryEntry(BingXModel):
    symbol: str | None = None
    qty: Decimal
    price: Decimal
    quote_qty: OptDec = None
    commission: OptDec = None
    commission_asset: str | None = None
    order_id: str
    trade_id: OptId = None
    filled_time: str | None = None
    side: Side | None = None
    position_side: PosSide = None
    role: str | None = None


class PositionModeData(BingXModel):
    """`dualSidePosition` is the string `"true"`/`"false"`; true means hedge mode."""

    dual_side_position: bool


class CancelReplaceData(BingXModel):
    cancel_result: Flag = None
    cancel_msg: str | None = None
    cancel_response: SwapOrder | None = None
    replace_result: Flag = None
    replace_msg: str | None = None
    new_order_response: SwapOrder | None = None


class CancelAllAfterData(BingXModel):
    trigger_time: OptInt = None
    status: str
    note: str | None = None


class ClosePositionData(BingXModel):
    order_id: OptId = Field(default=None, validation_alias=AliasChoices("orderId", "orderID"))
    position_id: OptId = Field(default=None, validation_alias=AliasChoices("positionId", "positionID"))
    symbol: str | None = None
    side: Side | None = None
    type: Type | None = None
    position_side: PosSide = None
    orig_qty: OptDec = None


class MaintMarginTier(BingXModel):
    tier: str
    symbol: str
    min_position_val: OptDec = None
    max_position_val: OptDec = None
    maint_margin_ratio: Decimal
    maint_amount: OptDec = None


class PositionHistoryEntry(BingXModel):
    symbol: str
    position_id: str
    position_side: PosSide = None
    isolated: bool | None = None
    close_all_positions: bool | None = None
    position_amt: OptDec = None
    close_position_amt: OptDec = None
    realised_profit: OptDec = None
    net_profit: OptDec = None
    avg_close_price: OptDec = None
    avg_price: OptDec = None
    leverage: OptInt = None
    position_commission: OptDec = None
    total_funding: OptDec = None
    open_time: OptInt = None
    close_time: OptInt = None


class MarginChange(BingXModel):
    symbol: str
    position_id: str
    change_reason: str | None = None
    margin_change: OptDec = None
    margin_after_change: OptDec = None
    time: OptInt = None


__all__ = [
    "BatchCancelData",
    "CancelAllAfterData",
    "CancelFailure",
    "CancelReplaceData",
    "CloseAllData",
    "ClosePositionData",
    "FillHistoryEntry",
    "FillOrder",
    "FillOrdersData",
    "LeverageData",
    "MaintMarginTier",
    "MarginChange",
    "MarginTypeData",
    "OrderData",
    "OrdersData",
    "PositionHistoryEntry",
    "PositionMarginResult",
    "PositionModeData",
    "SetLeverageData",
    "SwapOrder",
    "TpSl",
]
