"""Order and fill records kept by the engine and handed to venue layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ..types.enums import LiquidityRole, OrderStatus, OrderType, PositionSide, Side, TimeInForce

ZERO = Decimal(0)

CONDITIONAL_TYPES = frozenset(
    {OrderType.STOP, OrderType.STOP_MARKET, OrderType.TAKE_PROFIT, OrderType.TAKE_PROFIT_MARKET}
)
MARKET_LIKE_TYPES = frozenset({OrderType.MARKET, OrderType.STOP_MARKET, OrderType.TAKE_PROFIT_MARKET})


class Lifecycle(StrEnum):
    """Finer-grained state than `OrderStatus`, matching the NEW/PARTIALLY_FILLED/... words venues use."""

    NEW = "new"
    PARTIALLY_FILLED = "partially_filled"
    FILLED = "filled"
    CANCELED = "canceled"
    EXPIRED = "expired"
    REJECTED = "rejected"


@dataclass
class SimOrder:
    """One order as the engine sees it; mutated in place while it lives, copied into events."""

    order_id: str
    account_id: str
    symbol: str
    side: Side
    order_type: OrderType
    quantity: Decimal
    created_ms: int
    price: Decimal | None = None
    trigger_price: Decimal | None = None
    time_in_force: TimeInForce = TimeInForce.GTC
    position_side: PositionSide = PositionSide.BOTH
    reduce_only: bool = False
    post_only: bool = False
    close_position: bool = False
    client_order_id: str | None = None
    status: OrderStatus = OrderStatus.OPEN
    filled_qty: Decimal = ZERO
    avg_price: Decimal = ZERO
    cum_quote: Decimal = ZERO
    fee: Decimal = ZERO
    fee_asset: str = ""
    realized_pnl: Decimal = ZERO
    triggered: bool = False
    trigger_ms: int | None = None
    updated_ms: int = 0
    seq: int = field(default=0, repr=False)

    @property
    def remaining_qty(self) -> Decimal:
        return max(ZERO, self.quantity - self.filled_qty)

    @property
    def is_open(self) -> bool:
        return self.status is OrderStatus.OPEN

    @property
    def is_partially_filled(self) -> bool:
        return ZERO < self.filled_qty < self.quantity

    @property
    def is_conditional(self) -> bool:
        return self.order_type in CONDITIONAL_TYPES

    @property
    def is_untriggered(self) -> bool:
        """A stop/take-profit order still waiting for its trigger."""
        return self.is_conditional and not self.triggered and self.is_open

    @property
    def is_market_like(self) -> bool:
        return self.order_type in MARKET_LIKE_TYPES

    @property
    def is_closing(self) -> bool:
        """True when the order can only shrink a position (reduce-only, close-position or a hedge close)."""
        hedge_close = (self.position_side is PositionSide.LONG and self.side is Side.SELL) or (
            self.position_side is PositionSide.SHORT and self.side is Side.BUY
        )
        return self.reduce_only or self.close_position or hedge_close

    @property
    def lifecycle(self) -> Lifecycle:
        if self.status is OrderStatus.OPEN:
            return Lifecycle.PARTIALLY_FILLED if self.filled_qty > 0 else Lifecycle.NEW
        if self.status is OrderStatus.CLOSED:
            return Lifecycle.FILLED
        return Lifecycle(self.status.value)

    def trigger_hit(self, mark: Decimal) -> bool:
        """Whether `mark` has reached the trigger: stops fire on adverse moves, take-profits on favourable."""
        if self.trigger_price is None:
            return False
        stop = self.order_type in (OrderType.STOP, OrderType.STOP_MARKET)
        rising = (self.side is Side.BUY) == stop
        return mark >= self.trigger_price if rising else mark <= self.trigger_price


@dataclass(frozen=True)
class SimFill:
    """One side of one trade, as reported to the account that owns `order_id`."""

    trade_id: str
    order_id: str
    client_order_id: str | None
    account_id: str
    symbol: str
    side: Side
    position_side: PositionSide
    price: Decimal
    quantity: Decimal
    quote_qty: Decimal
    fee: Decimal
    fee_asset: str
    role: LiquidityRole
    realized_pnl: Decimal
    ts: int

    @property
    def is_maker(self) -> bool:
        return self.role is LiquidityRole.MAKER
