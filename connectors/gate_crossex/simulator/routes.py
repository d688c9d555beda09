"""The route table: every documented CrossEx path (plus cheap alternatives), its handler and rate limit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import handlers_account as acc
from . import handlers_funds as funds
from . import handlers_orders as orders
from . import handlers_positions as pos
from . import handlers_public as pub
from .context import Ctx, Reply

PREFIX = "/api/v4/crossex"
TEN_S = 10_000
MINUTE = 60_000
DAY = 86_400_000


@dataclass(frozen=True)
class RouteSpec:
    """`bucket` names the rate-limit counter; two wire forms of one operation share it."""

    method: str
    path: str
    handler: Callable[[Ctx], Reply]
    limit: int
    window_ms: int
    private: bool = True
    documented: bool = True
    bucket: str = ""

    @property
    def key(self) -> str:
        return self.bucket or f"{self.method} {self.path}"


def _r(
    method: str,
    path: str,
    handler: Callable[[Ctx], Reply],
    limit: int = 200,
    window_ms: int = TEN_S,
    *,
    private: bool = True,
    documented: bool = True,
    bucket: str = "",
) -> RouteSpec:
    full = path if path.startswith("/api/") else PREFIX + path
    return RouteSpec(method, full, handler, limit, window_ms, private, documented, bucket)


ROUTES: tuple[RouteSpec, ...] = (
    _r("GET", "/api/v4/spot/time", pub.server_time, private=False, documented=False),
    _r("GET", "/rule/symbols", pub.rule_symbols, private=False),
    _r("GET", "/rule/risk_limits", pub.risk_limits, private=False),
    _r("GET", "/transfers/coin", funds.transfer_coins, private=False),
    _r("POST", "/transfers", funds.create_transfer, 10),
    _r("GET", "/transfers", funds.list_transfers),
    _r("POST", "/orders", orders.create_order, 100),
    _r("DELETE", "/orders/{order_id}", orders.cancel_order, 100),
    _r("PUT", "/orders/{order_id}", orders.amend_order, 100),
    _r("GET", "/orders/{order_id}", orders.get_order),
    _r("POST", "/convert/quote", funds.create_quote, 100, DAY),
    _r("POST", "/convert/orders", funds.create_convert_order, 10),
    _r("PUT", "/accounts", acc.update_account, 100, MINUTE),
    _r("GET", "/accounts", acc.get_account),
    _r("POST", "/positions/leverage", acc.set_contract_leverage, 100),
    _r("GET", "/positions/leverage", acc.get_contract_leverage),
    _r("POST", "/margin_positions/leverage", acc.set_margin_leverage, 100),
    _r("GET", "/margin_positions/leverage", acc.get_margin_leverage),
    _r("DELETE", "/position", pos.close_position, 100, DAY, bucket="close_position"),
    _r("GET", "/interest_rate", pos.interest_rates),
    _r("GET", "/fee", acc.get_fee),
    _r("GET", "/positions", pos.list_positions),
    _r("GET", "/margin_positions", pos.list_margin_positions),
    _r("GET", "/adl_rank", pos.adl_rank),
    _r("GET", "/open_orders", orders.open_orders),
    _r("GET", "/history_orders", orders.history_orders),
    _r("GET", "/history_positions", pos.history_positions),
    _r("GET", "/history_margin_positions", pos.history_margin_positions),
    _r("GET", "/history_margin_interests", pos.history_margin_interests),
    _r("GET", "/history_trades", orders.history_trades),
    _r("GET", "/account_book", funds.account_book),
    _r("GET", "/coin_discount_rate", pos.coin_discount_rates),
    # Forms from the SDK's later releases, served because they cost little.
    _r("POST", "/position", pos.close_position, 100, DAY, documented=False, bucket="close_position"),
    _r("POST", "/batch_cancel_orders", orders.batch_cancel_orders, 100, documented=False),
    _r("GET", "/market/tickers", pub.market_tickers, 1, 1_000, private=False, documented=False),
    _r("GET", "/market/funding_info", pub.funding_info, 1, 1_000, private=False, documented=False),
)
