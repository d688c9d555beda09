"""Venue-neutral real-time streams: shared update types, the WebSocket seam, the supervised session,
bounded queues, exactly-once account events and local order books. Venues plug in through
`StreamPlugin` (+ `AccountReconciler`, `SequenceRules`); see docs/streams.md.
"""

from .aiohttp_ws import AiohttpConnection, AiohttpConnector
from .backoff import Backoff
from .book import BookDelta, CrossedBook, LocalOrderBook
from .booksync import BookSynchronizer, ResyncNeeded, SequenceRules, SnapshotFetcher, contiguous_rules
from .connection import WsClosed, WsConnectError, WsConnection, WsConnector
from .dedup import AccountDeduper, order_version
from .factory import (
    DEFAULT_ACCOUNT_QUEUE,
    DEFAULT_MARKET_QUEUE,
    account_stream,
    default_connector,
    market_stream,
    order_book_stream,
)
from .plugin import AccountReconciler, Decoded, ReconcileContext, StreamPlugin
from .queue import EventQueue, Overflow, QueueClosed
from .session import GiveUp, StreamCounters, StreamPolicy, StreamSession
from .stages import AccountStage, BookStage, PassThrough, Reconnect, Stage
from .stream import Stream, StreamRegistry
from .updates import (
    AccountUpdate,
    BalanceUpdate,
    BookTickerUpdate,
    ExecType,
    FillUpdate,
    Level,
    MarketUpdate,
    MarkPriceUpdate,
    OrderBookUpdate,
    OrderUpdate,
    PositionUpdate,
    StreamState,
    StreamStatus,
    TradeUpdate,
)

__all__ = [
    "DEFAULT_ACCOUNT_QUEUE",
    "DEFAULT_MARKET_QUEUE",
    "AccountDeduper",
    "AccountReconciler",
    "AccountStage",
    "AccountUpdate",
    "AiohttpConnection",
    "AiohttpConnector",
    "Backoff",
    "BalanceUpdate",
    "BookDelta",
    "BookStage",
    "BookSynchronizer",
    "BookTickerUpdate",
    "CrossedBook",
    "Decoded",
    "EventQueue",
    "ExecType",
    "FillUpdate",
    "GiveUp",
    "Level",
    "LocalOrderBook",
    "MarkPriceUpdate",
    "MarketUpdate",
    "OrderBookUpdate",
    "OrderUpdate",
    "Overflow",
    "PassThrough",
    "PositionUpdate",
    "QueueClosed",
    "ReconcileContext",
    "Reconnect",
    "ResyncNeeded",
    "SequenceRules",
    "SnapshotFetcher",
    "Stage",
    "Stream",
    "StreamCounters",
    "StreamPlugin",
    "StreamPolicy",
    "StreamRegistry",
    "StreamSession",
    "StreamState",
    "StreamStatus",
    "TradeUpdate",
    "WsClosed",
    "WsConnectError",
    "WsConnection",
    "WsConnector",
    "account_stream",
    "contiguous_rules",
    "default_connector",
    "market_stream",
    "order_book_stream",
    "order_version",
]
