"""One stream of account events from many accounts, each event labelled with the account it came from."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import anyio
from anyio.streams.memory import MemoryObjectSendStream

from .errors import NotSupported
from .venue import Venue

if TYPE_CHECKING:
    from .streams.updates import AccountUpdate, StreamStatus

log = logging.getLogger("venuekit.portfolio")
#: (account label, event); `StreamStatus` events tell one account's reconnects and gaps apart from the rest.
Labelled = tuple[str, "AccountUpdate | StreamStatus"]


async def _pump(label: str, venue: Venue, symbols: Sequence[str] | None,
                out: MemoryObjectSendStream[Labelled]) -> None:
    async with out:
        try:
            stream = venue.watch_account(symbols=symbols)
        except NotSupported as exc:
            log.warning("%s: no account stream (%s); left out of the merged stream", label, exc.message)
            return
        async with stream:
            async for event in stream:
                await out.send((label, event))


@asynccontextmanager
async def merged_account_streams(
    accounts: Sequence[tuple[str, Venue]], *, symbols: Sequence[str] | None = None, buffer: int = 1024,
) -> AsyncIterator[AsyncIterator[Labelled]]:
    """`async with merged_account_streams(pairs) as events: async for label, event in events: ...`

    Back-pressure, never loss: a slow consumer fills the bounded buffer, then each account's own stream
    queue, which for user data blocks rather than drops. Leaving the block closes every stream.
    """
    send, receive = anyio.create_memory_object_stream[Labelled](buffer)
    async with anyio.create_task_group() as tg, receive:
        async with send:
            for label, venue in accounts:
                tg.start_soon(_pump, label, venue, symbols, send.clone())
        try:
            yield receive
        finally:
            tg.cancel_scope.cancel()
