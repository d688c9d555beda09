"""Placing an order exactly once: a client order id on every order, and lookup instead of blind retry."""

from __future__ import annotations

import itertools
import os
import secrets
import string
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import anyio

from .errors import BadResponse, ExchangeUnavailable, NetworkError, OrderNotFound, UnknownOrderState, VenueError

T = TypeVar("T")
_ALPHANUM = string.ascii_letters + string.digits


@dataclass(frozen=True, slots=True)
class PlacementPolicy:
    """How an ambiguous placement is resolved: `lookups` queries by client order id, backing off from `backoff_s`."""

    lookups: int = 5
    backoff_s: float = 0.2


class ClientOrderIds:
    """Unique ids without coordination: a per-process random prefix plus a counter, within venue rules."""

    def __init__(self, *, prefix: str = "vk", max_length: int = 32, alphabet: str = _ALPHANUM) -> None:
        if not prefix or any(c not in alphabet for c in prefix):
            raise ValueError("prefix must be non-empty and use only the allowed characters")
        self._alphabet = alphabet
        self._max = max_length
        process_tag = "".join(secrets.choice(alphabet) for _ in range(6))
        self._stem = f"{prefix}{process_tag}{os.getpid() % 1000:03d}"
        self._counter = itertools.count(1)

    def new(self) -> str:
        value = f"{self._stem}{next(self._counter)}"
        if len(value) > self._max:
            value = value[len(value) - self._max :]
        return value


async def place_once(
    submit: Callable[[], Awaitable[T]],
    lookup: Callable[[], Awaitable[T]],
    *,
    client_order_id: str,
    venue: str,
    lookups: int = 5,
    backoff_s: float = 0.2,
) -> T:
    """Submit once; if the outcome is ambiguous (timeout, 5xx, dropped after send, an unreadable answer),
    find the order by id.

    A request that provably never left (connect failure) is submitted again, with the same id; nothing
    else is ever resent, so a retry cannot create a second order.
    """
    try:
        return await submit()
    except NetworkError as exc:
        if not exc.request_sent:
            return await submit()
        cause: VenueError = exc
    except ExchangeUnavailable as exc:
        if exc.definite:
            raise
        cause = exc
    except BadResponse as exc:
        cause = exc
    for attempt in range(lookups):
        await anyio.sleep(backoff_s * (2**attempt) if attempt else 0)
        try:
            return await lookup()
        except OrderNotFound:
            continue
        except (NetworkError, ExchangeUnavailable):
            continue
    raise UnknownOrderState(
        f"order {client_order_id!r} may or may not exist after: {cause.message}",
        venue=venue,
        client_order_id=client_order_id,
        request=cause.request,
    ) from cause
