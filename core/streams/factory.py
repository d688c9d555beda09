"""Builders that wire a venue plugin to the right stage and queue policy; venues call these in `watch_*`."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

from .book import BookDelta
from .booksync import BookSynchronizer, SequenceRules, SnapshotFetcher
from .connection import WsConnector
from .plugin import AccountReconciler, StreamPlugin
from .queue import EventQueue, Overflow
from .session import StreamPolicy, StreamSession
from .stages import AccountStage, BookStage, PassThrough
from .stream import Stream, StreamRegistry
from .updates import AccountUpdate, MarketUpdate, OrderBookUpdate, StreamStatus
from .warm import ACCOUNT_MODELS, BOOK_MODELS, MARKET_MODELS

T = TypeVar("T")
M = TypeVar("M", bound=MarketUpdate)

DEFAULT_ACCOUNT_QUEUE = 10_000
DEFAULT_MARKET_QUEUE = 1_000


def _market_key(item: object) -> Hashable | None:
    """Conflation key: one pending item per (type, symbol); statuses and trades are never conflated."""
    if isinstance(item, StreamStatus):
        return None
    return type(item).__name__, getattr(item, "symbol", None)


def account_stream(
    plugin: StreamPlugin[AccountUpdate], connector: WsConnector, *, reconciler: AccountReconciler | None,
    symbols: Sequence[str] = (), policy: StreamPolicy | None = None, maxsize: int = DEFAULT_ACCOUNT_QUEUE,
    registry: StreamRegistry | None = None,
) -> Stream[AccountUpdate]:
    """User data: BLOCK queue (never drops), dedup, REST reconciliation after every (re)connect."""
    queue: EventQueue[AccountUpdate | StreamStatus] = EventQueue(maxsize, Overflow.BLOCK)
    stage = AccountStage(plugin.venue, plugin.name, reconciler, symbols)
    session: StreamSession[AccountUpdate, AccountUpdate] = StreamSession(plugin, stage, connector, queue, policy)
    session.models = ACCOUNT_MODELS
    return Stream(session, registry)


def market_stream(
    plugin: StreamPlugin[M], connector: WsConnector, *, overflow: Overflow = Overflow.CONFLATE,
    policy: StreamPolicy | None = None, maxsize: int = DEFAULT_MARKET_QUEUE, registry: StreamRegistry | None = None,
) -> Stream[M]:
    """Mark price / book ticker (CONFLATE: latest wins) or trades (pass `Overflow.DROP_OLDEST`)."""
    queue: EventQueue[M | StreamStatus] = EventQueue(maxsize, overflow, key=_market_key)
    stage: PassThrough[M] = PassThrough()
    session = StreamSession(plugin, stage, connector, queue, policy)
    session.models = MARKET_MODELS
    return Stream(session, registry)


def order_book_stream(
    plugin: StreamPlugin[BookDelta], connector: WsConnector, *, symbol: str, venue_symbol: str,
    rules: SequenceRules, fetch_snapshot: SnapshotFetcher | None, depth: int | None = None,
    policy: StreamPolicy | None = None, maxsize: int = DEFAULT_MARKET_QUEUE, registry: StreamRegistry | None = None,
) -> Stream[OrderBookUpdate]:
    """Local book from deltas + venue sequence rules; the queue conflates to the newest consistent book."""
    queue: EventQueue[OrderBookUpdate | StreamStatus] = EventQueue(maxsize, Overflow.CONFLATE, key=_market_key)
    sync = BookSynchronizer(venue_symbol, rules, fetch_snapshot)
    stage = BookStage(plugin.venue, plugin.name, symbol, sync, depth)
    session = StreamSession(plugin, stage, connector, queue, policy)
    session.models = BOOK_MODELS
    return Stream(session, registry)


def default_connector() -> WsConnector:
    from .aiohttp_ws import AiohttpConnector

    return AiohttpConnector()


