"""Whole unified flows on one venue with a recognisable secret: success, bad signature, 5xx, timeouts and
`UnknownOrderState`; returns every text a user could see (messages, reprs, tracebacks, the wire)."""

from __future__ import annotations

import sys
import traceback
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))

from reliability_venues import VENUES, VenueKit, resting_bid

from venuekit.core.errors import (
    AuthenticationError,
    ExchangeUnavailable,
    NetworkError,
    UnknownOrderState,
    VenueError,
)
from venuekit.core.idempotency import PlacementPolicy
from venuekit.core.transport.config import RetryPolicy
from venuekit.core.types import OrderRequest

CANARY = "SECRET-canary-9f8e7d"
KEY = "canary-key"
WRONG_KEY = "canary-key-registered-with-another-secret"


def _texts(value: BaseException) -> list[str]:
    out = ["".join(traceback.format_exception(value))]
    seen: BaseException | None = value
    while seen is not None:
        out += [str(seen), repr(seen), repr(getattr(seen, "request", None))]
        seen = seen.__cause__ or seen.__context__
    return out


async def run_flows(venue_name: str, secret: str) -> tuple[list[str], dict[str, type[VenueError]]]:
    """Run the flows; returns the texts and which error each failure flow raised."""
    kit = VENUES[venue_name]
    sim = kit.simulator()
    sim.add_account(KEY, secret, {"USDT": Decimal(100_000)})
    sim.add_account(WRONG_KEY, "a-different-secret", {"USDT": Decimal(100_000)})
    transport = sim.transport()
    venue: Any = kit.connect(sim, KEY, secret, transport)
    venue.raw.rest.retry = RetryPolicy(attempts=2, backoff_s=0.0)
    venue.placement = PlacementPolicy(backoff_s=0.0)
    texts: list[str] = [repr(venue), repr(venue.raw), repr(venue.raw.rest.signer), str(venue.raw.rest.signer)]
    raised: dict[str, type[VenueError]] = {}
    try:
        await venue.load_instruments()
        request = await resting_bid(venue, kit.symbol)
        texts += await _happy_path(venue, kit, request)
        texts += await _failures(sim, kit, venue, request, secret, raised)
        for logged in transport.requests:
            texts += [logged.url, repr(logged.headers), logged.body.decode("utf-8", "replace")]
    finally:
        await venue.close()
    return texts, raised


async def _happy_path(venue: Any, kit: VenueKit, request: OrderRequest) -> list[str]:
    placed = await venue.create_order(request)
    texts = [repr(placed), str(placed), repr(request), placed.model_dump_json()]
    texts += [repr(o) for o in await venue.fetch_open_orders(kit.symbol)]
    texts.append(repr(await venue.fetch_balances()))
    texts.append(repr(await venue.cancel_order(kit.symbol, placed.id)))
    return texts


async def _failures(
    sim: Any, kit: VenueKit, venue: Any, request: OrderRequest, secret: str, raised: dict[str, type[VenueError]]
) -> list[str]:
    texts: list[str] = []

    async def fail(name: str, expected: type[VenueError], arm: Any, action: Any) -> None:
        sim.faults.clear()
        arm()
        try:
            await action()
        except VenueError as exc:
            raised[name] = type(exc)
            texts.extend(_texts(exc))
            assert isinstance(exc, expected), repr(exc)
        else:
            raise AssertionError(f"{name}: no error")
        finally:
            sim.faults.clear()

    await fail("5xx", ExchangeUnavailable,
               lambda: sim.faults.http_error(500, kit.server_error, method="GET", path=kit.read_path, times=None),
               lambda: venue.fetch_open_orders(kit.symbol))
    await fail("timeout", NetworkError,
               lambda: sim.faults.timeout(after_handler=True, method="GET", path=kit.read_path, times=None),
               lambda: venue.fetch_open_orders(kit.symbol))

    def outage() -> None:
        sim.faults.timeout(after_handler=True, method="POST", path=kit.order_path)
        sim.faults.html_error(503, method="GET", path=kit.lookup_path, times=None)

    await fail("unknown-order", UnknownOrderState, outage, lambda: venue.create_order(request))
    wrong: Any = kit.connect(sim, WRONG_KEY, secret, sim.transport())
    try:
        await fail("bad-signature", AuthenticationError, lambda: None, wrong.fetch_balances)
        texts += [repr(wrong), repr(wrong.raw)]
    finally:
        await wrong.close()
    return texts
