"""One owner per client order id across processes: an in-flight claim in Redis around submit/resolve/retry."""

from __future__ import annotations

import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio

from .errors import VenueError
from .ratelimit.redis_store import LimiterUnavailable, RedisStore

log = logging.getLogger("venuekit.idempotency")


class ClientOrderIdInUse(VenueError):
    """Another process (or task) is already submitting or resolving this client order id."""

    default_message = "client order id is in flight elsewhere"

    def __init__(self, message: str = "", *, venue: str = "", client_order_id: str = "") -> None:
        self.client_order_id = client_order_id
        super().__init__(message, venue=venue)


def claim_key(venue: str, client_order_id: str) -> str:
    """Key (before the store's prefix) of the in-flight claim on one client order id."""
    return f"{venue}:coid:{client_order_id}"


@asynccontextmanager
async def reserve_client_order_id(
    store: RedisStore, venue: str, client_order_id: str, ttl_ms: int = 30_000
) -> AsyncIterator[None]:
    """Hold `client_order_id` for the block (at most `ttl_ms`), so no other process resolves or retries it.

    Raises `ClientOrderIdInUse` when someone else holds it, and `LimiterUnavailable` when Redis is down
    and the store refuses to guess; with `on_unavailable="local"` the claim is only per process.
    The claim is released on exit if this holder still owns it; a crashed holder's claim expires.
    """
    if ttl_ms <= 0:
        raise ValueError("ttl_ms must be positive")
    key = claim_key(venue, client_order_id)
    owner = secrets.token_hex(12)
    if not await store.claim(key, owner, ttl_ms):
        raise ClientOrderIdInUse(
            f"client order id {client_order_id!r} is held by another process; not touching it",
            venue=venue,
            client_order_id=client_order_id,
        )
    try:
        yield
    finally:
        with anyio.CancelScope(shield=True):
            try:
                released = await store.release(key, owner)
            except LimiterUnavailable:
                released = True
                log.warning("could not release client order id %r; its claim will expire", client_order_id)
        if not released:
            log.warning("claim on client order id %r was not held at release (expired, or store away)", client_order_id)
