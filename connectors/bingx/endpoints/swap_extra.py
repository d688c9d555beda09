"""Swap trade, BingX-only features: VST demo funds, TWAP, multi-assets mode, reverse, auto add margin."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from venuekit.core.endpoint import Endpoint

from ..enums import AssetMode, OrderSide, PositionSide, ReverseType, TwapPriceType, WorkingType
from ..models.common import OneOrMany, Page
from ..models.swap_extra import (
    AssetModeData,
    AutoAddMarginData,
    MarginAsset,
    MultiAssetsRule,
    ReverseData,
    TwapOrder,
    TwapPlaced,
    VstGrant,
)
from ._base import ApiGroup, check_order_id, check_positive, check_range, check_symbol, endpoint

G = "swap_trade"

APPLY_VST: Final[Endpoint[VstGrant]] = endpoint(f"{G}.apply_vst", "POST", "/openApi/swap/v1/trade/getVst", VstGrant)
PLACE_TWAP_ORDER: Final[Endpoint[TwapPlaced]] = endpoint(
    f"{G}.place_twap_order", "POST", "/openApi/swap/v1/twap/order", TwapPlaced, places_order=True
)
TWAP_OPEN_ORDERS: Final[Endpoint[Page[TwapOrder]]] = endpoint(
    f"{G}.twap_open_orders", "GET", "/openApi/swap/v1/twap/openOrders", Page[TwapOrder]
)
TWAP_HISTORY_ORDERS: Final[Endpoint[Page[TwapOrder]]] = endpoint(
    f"{G}.twap_history_orders", "GET", "/openApi/swap/v1/twap/historyOrders", Page[TwapOrder]
)
TWAP_ORDER_DETAIL: Final[Endpoint[TwapOrder]] = endpoint(
    f"{G}.twap_order_detail", "GET", "/openApi/swap/v1/twap/orderDetail", TwapOrder
)
CANCEL_TWAP_ORDER: Final[Endpoint[TwapOrder]] = endpoint(
    f"{G}.cancel_twap_order", "POST", "/openApi/swap/v1/twap/cancelOrder", TwapOrder, retry_safe=True
)
SET_ASSET_MODE: Final[Endpoint[AssetModeData]] = endpoint(
    f"{G}.set_asset_mode", "POST", "/openApi/swap/v1/trade/assetMode", AssetModeData
)
ASSET_MODE: Final[Endpoint[AssetModeData]] = endpoint(
    f"{G}.asset_mode", "GET", "/openApi/swap/v1/trade/assetMode", AssetModeData
)
MULTI_ASSETS_RULES: Final[Endpoint[list[MultiAssetsRule]]] = endpoint(
    f"{G}.multi_assets_rules",
    "GET",
    "/openApi/swap/v1/trade/multiAssetsRules",
    OneOrMany[MultiAssetsRule],
    signed=False,
)
MARGIN_ASSETS: Final[Endpoint[list[MarginAsset]]] = endpoint(
    f"{G}.margin_assets", "GET", "/openApi/swap/v1/user/marginAssets", OneOrMany[MarginAsset]
)
REVERSE_POSITION: Final[Endpoint[ReverseData]] = endpoint(
    f"{G}.reverse_position", "POST", "/openApi/swap/v1/trade/reverse", ReverseData, places_order=True
)
AUTO_ADD_MARGIN: Final[Endpoint[AutoAddMarginData]] = endpoint(
    f"{G}.auto_add_margin", "POST", "/openApi/swap/v1/trade/autoAddMargin", AutoAddMarginData, shape="data_or_top"
)

ENDPOINTS: Final = (
    APPLY_VST,
    PLACE_TWAP_ORDER,
    TWAP_OPEN_ORDERS,
    TWAP_HISTORY_ORDERS,
    TWAP_ORDER_DETAIL,
    CANCEL_TWAP_ORDER,
    SET_ASSET_MODE,
    ASSET_MODE,
    MULTI_ASSETS_RULES,
    MARGIN_ASSETS,
    REVERSE_POSITION,
    AUTO_ADD_MARGIN,
)


class ExtrasMixin(ApiGroup):
    """Features other venues lack; the unified layer does not use them."""

    async def apply_vst(self) -> VstGrant:
        """Top up demo funds; only on the VST environment (`open-api-vst.bingx.com`)."""
        return await self._call(APPLY_VST)

    async def place_twap_order(
        self,
        *,
        symbol: str,
        side: OrderSide,
        position_side: PositionSide,
        price_type: TwapPriceType,
        price_variance: Decimal,
        trigger_price: Decimal,
        interval: int,
        amount_per_order: Decimal,
        total_amount: Decimal,
    ) -> TwapPlaced:
        """Split `total_amount` into orders of at most `amount_per_order`, one every `interval` s (5-120)."""
        check_symbol(symbol)
        check_positive(
            price_variance=price_variance,
            trigger_price=trigger_price,
            amount_per_order=amount_per_order,
            total_amount=total_amount,
        )
        check_range("interval", interval, 5, 120)
        return await self._call(
            PLACE_TWAP_ORDER,
            {
                "symbol": symbol,
                "side": side,
                "positionSide": position_side,
                "priceType": price_type,
                "priceVariance": price_variance,
                "triggerPrice": trigger_price,
                "interval": interval,
                "amountPerOrder": amount_per_order,
                "totalAmount": total_amount,
            },
        )

    async def twap_open_orders(self, *, symbol: str | None = None) -> Page[TwapOrder]:
        check_symbol(symbol, required=False)
        return await self._call(TWAP_OPEN_ORDERS, {"symbol": symbol})

    async def twap_history_orders(
        self, *, page_index: int, page_size: int, start_time: int, end_time: int, symbol: str | None = None
    ) -> Page[TwapOrder]:
        check_symbol(symbol, required=False)
        check_range("pageIndex", page_index, 1, 10**6)
        check_range("pageSize", page_size, 1, 100)
        return await self._call(
            TWAP_HISTORY_ORDERS,
            {
                "symbol": symbol,
                "pageIndex": page_index,
                "pageSize": page_size,
                "startTime": start_time,
                "endTime": end_time,
            },
        )

    async def twap_order_detail(self, *, main_order_id: str) -> TwapOrder:
        check_order_id(main_order_id, "mainOrderId")
        return await self._call(TWAP_ORDER_DETAIL, {"mainOrderId": main_order_id})

    async def cancel_twap_order(self, *, main_order_id: str) -> TwapOrder:
        check_order_id(main_order_id, "mainOrderId")
        return await self._call(CANCEL_TWAP_ORDER, {"mainOrderId": main_order_id})

    async def set_asset_mode(self, *, asset_mode: AssetMode) -> AssetModeData:
        """Single-asset or multi-assets margin; live environment only."""
        return await self._call(SET_ASSET_MODE, {"assetMode": asset_mode})

    async def asset_mode(self) -> AssetModeData:
        return await self._call(ASSET_MODE)

    async def multi_assets_rules(self) -> list[MultiAssetsRule]:
        """Public, but documented with a `timestamp` parameter: it is sent, unsigned."""
        return await self._call(MULTI_ASSETS_RULES, {"timestamp": self._client.clock.now_ms()})

    async def margin_assets(self) -> list[MarginAsset]:
        return await self._call(MARGIN_ASSETS)

    async def reverse_position(
        self,
        *,
        symbol: str,
        type: ReverseType,
        trigger_price: Decimal | None = None,
        working_type: WorkingType | None = None,
        position_id: str | None = None,
    ) -> ReverseData:
        """Close a position and open the opposite one, now (`Reverse`) or at a trigger (`TriggerReverse`)."""
        check_symbol(symbol)
        check_positive(trigger_price=trigger_price)
        check_order_id(position_id, "positionId")
        return await self._call(
            REVERSE_POSITION,
            {
                "symbol": symbol,
                "type": type,
                "triggerPrice": trigger_price,
                "workingType": working_type,
                "positionId": position_id,
            },
        )

    async def auto_add_margin(
        self, *, symbol: str, position_id: str, function_switch: bool, amount: Decimal | None = None
    ) -> AutoAddMarginData:
        """Switch automatic margin addition of a hedge-mode position on (with `amount` USDT) or off."""
        check_symbol(symbol)
        check_order_id(position_id, "positionId")
        check_positive(amount=amount)
        return await self._call(
            AUTO_ADD_MARGIN,
            {
                "symbol": symbol,
                "positionId": position_id,
                "functionSwitch": function_switch,
                "amount": amount,
            },
        )
