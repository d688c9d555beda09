"""Shared simulator engine and ASGI toolkit that each venue's wire-faithful simulator builds on.

`Exchange` is a deterministic in-memory derivatives venue (matching, positions, margin, funding,
income, events) driven by a `SimClock` and a seed. `SimApp`/`Router`/`SimRequest`/`SimResponse`
form a dependency-free ASGI 3 layer; `FaultInjector`, `SimulatorTransport`, `SimRateLimits` and
`running_server` let tests exercise clients against it in process or over a real socket.
"""

from .accounts import FUTURES_WALLET, CommissionRate, PositionView, SimAccount, SimBalance, SimPosition
from .asgi import INPROCESS_SCOPE_KEY, SimApp
from .book import OrderBook
from .clock import ManualClock, SimClock, WallClock
from .engine import Exchange
from .errors import RejectReason, SimRejected
from .events import (
    BalanceEvent,
    BookEvent,
    ExecType,
    FillEvent,
    FundingEvent,
    MarkPriceEvent,
    OrderEvent,
    PositionEvent,
    SimEvent,
    TradeEvent,
)
from .faults import Fault, FaultInjector, FaultKind, SimulatedNetworkFault
from .ids import IdGenerator
from .income import IncomeType, SimIncome, SimTransfer
from .instruments import SimInstrument
from .market import BookView
from .messages import RawNumber, SimRequest, SimResponse, decimal_text, dumps, json_response, text_response
from .motion import MarketMotion
from .orders import Lifecycle, SimFill, SimOrder
from .ratelimit import RateLimitResult, RateLimitRule, SimRateLimits
from .routing import Router
from .server import run, running_server, serve, server_thread
from .transport import LoggedRequest, SimulatorTransport
from .ws import WS_LINK_SCOPE_KEY, ConnectionDropped, SimWebSocket, WsApp, WsLink
from .ws_client import AsgiWsConnection, AsgiWsConnector
from .ws_faults import StreamFault, StreamFaultKind, StreamFaults
from .ws_host import running_socket_server

__all__ = [
    "FUTURES_WALLET",
    "INPROCESS_SCOPE_KEY",
    "WS_LINK_SCOPE_KEY",
    "AsgiWsConnection",
    "AsgiWsConnector",
    "BalanceEvent",
    "BookEvent",
    "BookView",
    "CommissionRate",
    "ConnectionDropped",
    "Exchange",
    "ExecType",
    "Fault",
    "FaultInjector",
    "FaultKind",
    "FillEvent",
    "FundingEvent",
    "IdGenerator",
    "IncomeType",
    "Lifecycle",
    "LoggedRequest",
    "ManualClock",
    "MarkPriceEvent",
    "MarketMotion",
    "OrderBook",
    "OrderEvent",
    "PositionEvent",
    "PositionView",
    "RateLimitResult",
    "RateLimitRule",
    "RawNumber",
    "RejectReason",
    "Router",
    "SimAccount",
    "SimApp",
    "SimBalance",
    "SimClock",
    "SimEvent",
    "SimFill",
    "SimIncome",
    "SimInstrument",
    "SimOrder",
    "SimPosition",
    "SimRateLimits",
    "SimRejected",
    "SimRequest",
    "SimResponse",
    "SimTransfer",
    "SimWebSocket",
    "SimulatedNetworkFault",
    "SimulatorTransport",
    "StreamFault",
    "StreamFaultKind",
    "StreamFaults",
    "TradeEvent",
    "WallClock",
    "WsApp",
    "WsLink",
    "decimal_text",
    "dumps",
    "json_response",
    "run",
    "running_server",
    "running_socket_server",
    "serve",
    "server_thread",
    "text_response",
]
