"""Fault scenarios × venues through the unified API: run one, observe it, and render the outcome table.

`python tests/reliability/fault_matrix.py --write` regenerates the table in docs/reliability.md;
tests/reliability/test_fault_doc.py fails while the committed table differs from a fresh run.
"""

from __future__ import annotations

import asyncio
import fnmatch
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reliability_venues import KEY, VENUES, VenueKit, resting_bid, same_id

from venuekit.core.clock import local_ms
from venuekit.core.errors import RateLimited, UnknownOrderState, VenueError
from venuekit.core.idempotency import PlacementPolicy
from venuekit.core.simulator import FaultInjector, SimulatorTransport
from venuekit.core.transport.config import RetryPolicy
from venuekit.core.venue import Venue

SECRET = "reliability-secret"
RETRY_ATTEMPTS = 3
ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "reliability.md"
BEGIN, END = "<!-- fault-table:begin -->", "<!-- fault-table:end -->"

Arm = Callable[[FaultInjector, VenueKit], None]


@dataclass(frozen=True)
class Scenario:
    """One fault armed on the order path (`place`) or on a read (`read`), and what the rules promise."""

    key: str
    title: str
    target: str
    arm: Arm
    outcome: str
    orders: int = 0
    posts: int | None = None
    gets: int | None = None


@dataclass
class Observed:
    """What one run produced: the outcome name, the error (if any), counts and the follow-up's fate."""

    outcome: str
    error: VenueError | None
    ledger: list[str]
    posts: int
    gets: int
    waited_ms: int
    """How long the client's limiter held back the follow-up calls (virtual time)."""
    follow_up_error: str | None
    leftover_tasks: int
    client_id: str | None = None
    notes: list[str] = field(default_factory=list)

    def cell(self) -> str:
        parts = [f"`{self.outcome}`", f"{len(self.ledger)} order" + ("" if len(self.ledger) == 1 else "s")]
        parts.append(f"{self.posts}×POST" if self.gets == 0 else f"{self.posts}×POST {self.gets}×GET")
        retry_after = getattr(self.error, "retry_after", None)
        if retry_after is not None:
            parts.append(f"retry_after≈{round(retry_after)} s")
        return ", ".join(parts)


def _post(fire: Callable[..., Any]) -> Arm:
    return lambda faults, kit: fire(faults, kit, method="POST", path=kit.order_path)


def _get(fire: Callable[..., Any]) -> Arm:
    return lambda faults, kit: fire(faults, kit, method="GET", path=kit.read_path)


def _rate_limit(status: int, code: bool) -> Callable[..., Any]:
    def arm(faults: FaultInjector, kit: VenueKit, **where: Any) -> None:
        if code:
            body, status_, headers = kit.rate_limit_body(), kit.rate_limit_status, kit.rate_limit_headers()
        else:
            body, status_, headers = b"", status, [("Retry-After", "2")]
        faults.http_error(status_, body, headers=dict(headers), **where)
    return arm


def _outage_after_accept(faults: FaultInjector, kit: VenueKit) -> None:
    faults.drop_connection(after_handler=True, method="POST", path=kit.order_path)
    faults.html_error(503, method="GET", path=kit.lookup_path, times=None)


PLACE = "place"
READ = "read"
PLACED = "placed"
OK = "ok"

SCENARIOS: tuple[Scenario, ...] = (
    Scenario("timeout_before_accept", "timeout before the request is accepted", PLACE,
             _post(lambda f, k, **w: f.timeout(**w)), PLACED, orders=1, posts=2),
    Scenario("timeout_after_accept", "timeout after the order was accepted", PLACE,
             _post(lambda f, k, **w: f.timeout(after_handler=True, **w)), PLACED, orders=1, posts=1),
    Scenario("5xx_order_created", "HTTP 500, order created", PLACE,
             _post(lambda f, k, **w: f.http_error(500, k.server_error, after_handler=True, **w)),
             PLACED, orders=1, posts=1),
    Scenario("5xx_no_order", "HTTP 500, no order created", PLACE,
             _post(lambda f, k, **w: f.http_error(500, k.server_error, **w)),
             "UnknownOrderState", orders=0, posts=1),
    Scenario("429_retry_after", "HTTP 429 with Retry-After", PLACE, _post(_rate_limit(429, code=False)),
             "RateLimited", orders=0, posts=1),
    Scenario("418_ban", "HTTP 418 (IP ban) with Retry-After", PLACE, _post(_rate_limit(418, code=False)),
             "IPBanned", orders=0, posts=1),
    Scenario("venue_rate_code", "venue's own rate-limit answer", PLACE, _post(_rate_limit(0, code=True)),
             "RateLimited", orders=0, posts=1),
    Scenario("reset_before_send", "connection reset before the request is sent", PLACE,
             _post(lambda f, k, **w: f.drop_connection(**w)), PLACED, orders=1, posts=2),
    Scenario("reset_mid_body", "connection reset mid-body (after the handler)", PLACE,
             _post(lambda f, k, **w: f.drop_connection(after_handler=True, **w)), PLACED, orders=1, posts=1),
    Scenario("truncated_json", "truncated JSON (order created)", PLACE,
             _post(lambda f, k, **w: f.truncate_body(**w)), PLACED, orders=1, posts=1),
    Scenario("html_502_no_order", "proxy HTML 502, no order created", PLACE,
             _post(lambda f, k, **w: f.html_error(502, **w)), "UnknownOrderState", orders=0, posts=1),
    Scenario("html_502_order_created", "proxy HTML 502, order created", PLACE,
             _post(lambda f, k, **w: f.html_error(502, after_handler=True, **w)), PLACED, orders=1, posts=1),
    Scenario("empty_200", "empty body with 200 (order created)", PLACE,
             _post(lambda f, k, **w: f.empty_body(after_handler=True, **w)), PLACED, orders=1, posts=1),
    Scenario("missing_fields_200", "success envelope missing fields (order created)", PLACE,
             _post(lambda f, k, **w: f.http_error(200, k.missing_fields_order, after_handler=True, **w)),
             PLACED, orders=1, posts=1),
    Scenario("outage_after_accept", "reset after accept, then every lookup 503", PLACE, _outage_after_accept,
             "UnknownOrderState", orders=1, posts=1),
    Scenario("read_5xx_persistent", "read: HTTP 500 on every attempt", READ,
             _get(lambda f, k, **w: f.http_error(500, k.server_error, times=None, **w)),
             "ExchangeUnavailable", posts=0, gets=RETRY_ATTEMPTS),
    Scenario("read_timeout_once", "read: one timeout after the handler", READ,
             _get(lambda f, k, **w: f.timeout(after_handler=True, **w)), OK, posts=0, gets=2),
    Scenario("read_429_once", "read: one 429 with Retry-After", READ, _get(_rate_limit(429, code=False)),
             OK, posts=0, gets=2),
    Scenario("read_html_502_once", "read: one proxy HTML 502", READ,
             _get(lambda f, k, **w: f.html_error(502, **w)), OK, posts=0, gets=2),
    Scenario("read_truncated", "read: truncated JSON", READ, _get(lambda f, k, **w: f.truncate_body(**w)),
             "BadResponse", posts=0, gets=1),
    Scenario("read_empty_200", "read: empty body with 200", READ, _get(lambda f, k, **w: f.empty_body(**w)),
             "BadResponse", posts=0, gets=1),
    Scenario("read_missing_fields", "read: success envelope missing fields", READ,
             _get(lambda f, k, **w: f.http_error(200, k.missing_fields_read, **w)), "BadResponse", posts=0, gets=1),
)
BY_KEY = {s.key: s for s in SCENARIOS}


class VirtualTime:
    """One virtual clock for the simulator, the client's limiter and its server clock.

    The limiter "sleeps" by moving this clock forward, so Retry-After and bans are waited out without
    wall time passing, while the simulator's windows and the signed timestamps move with it.
    """

    def __init__(self) -> None:
        self.offset_ms = 0
        self._clocks: list[Any] = []

    def now_ms(self) -> int:
        return local_ms() + self.offset_ms

    def attach(self, venue: Venue) -> Any:
        rest = venue.raw.rest  # type: ignore[attr-defined]
        rest.limiter._now = self.now_ms
        rest.limiter._sleep = self._sleep_for(rest.limiter)
        self._clocks.append(rest.clock)
        return rest.limiter

    def _sleep_for(self, limiter: Any) -> Callable[[int], Awaitable[None]]:
        async def sleep(ms: int) -> None:
            limiter.waited_ms += ms
            self.offset_ms += ms
            for clock in self._clocks:
                clock.offset_ms += ms
            await asyncio.sleep(0)
        return sleep


def _count(transport: SimulatorTransport, start: int, method: str, path: str) -> int:
    """Requests of one method to one path (`*` glob) since `start` in the transport's log."""
    return sum(1 for r in transport.requests[start:] if r.method == method and fnmatch.fnmatchcase(r.path, path))


async def _setup(kit: VenueKit, clock: VirtualTime) -> tuple[Any, str, SimulatorTransport, Venue]:
    sim = kit.simulator(clock=clock)
    account = sim.add_account(KEY, SECRET, {"USDT": Decimal(100_000)})
    transport = sim.transport()
    venue = kit.connect(sim, KEY, SECRET, transport)
    venue.placement = PlacementPolicy(backoff_s=0.0)
    venue.raw.rest.retry = RetryPolicy(attempts=RETRY_ATTEMPTS, backoff_s=0.0)  # type: ignore[attr-defined]
    await venue.load_instruments()
    return sim, account, transport, venue


async def run(venue_name: str, scenario_key: str) -> Observed:
    """Run one scenario on a fresh simulator and client; never raises for the scenario's own outcome."""
    kit, scenario = VENUES[venue_name], BY_KEY[scenario_key]
    return await _run(kit, scenario)


async def _run(kit: VenueKit, scenario: Scenario) -> Observed:
    time = VirtualTime()
    sim, account, transport, venue = await _setup(kit, time)
    try:
        request = await resting_bid(venue, kit.symbol)
        limiter = time.attach(venue)
        tasks_before = {t for t in asyncio.all_tasks() if not t.done()}
        start = len(transport.requests)
        scenario.arm(sim.faults, kit)
        error: VenueError | None = None
        outcome = OK
        client_id: str | None = None
        try:
            if scenario.target == PLACE:
                placed = await venue.create_order(request)
                outcome, client_id = PLACED, placed.client_order_id
            else:
                await venue.fetch_open_orders(kit.symbol)
        except VenueError as exc:
            error, outcome = exc, type(exc).__name__
            client_id = getattr(exc, "client_order_id", None)
        answered_at = local_ms()
        posts = _count(transport, start, "POST", kit.order_path)
        gets = _count(transport, start, "GET", kit.lookup_path if scenario.target == PLACE else kit.read_path)
        ledger = [o.client_order_id or "" for o in sim.exchange.orders(account)]
        await asyncio.sleep(0)
        leftover = len({t for t in asyncio.all_tasks() if not t.done()} - tasks_before)
        sim.faults.clear()
        limiter.waited_ms = 0
        # Real time between the answer and the follow-up counts toward Retry-After too (the limiter credits it):
        # on a loaded machine the bookkeeping above can take a few hundred ms.
        elapsed = local_ms() - answered_at
        follow_up = await _follow_up(venue, kit, client_id if ledger else None)
        waited = limiter.waited_ms + elapsed
        return Observed(outcome, error, ledger, posts, gets, waited, follow_up, leftover, client_id)
    finally:
        await venue.close()


async def _follow_up(venue: Venue, kit: VenueKit, client_id: str | None) -> str | None:
    """The same client keeps working: a read, the order looked up by its id when one exists, a new order.

    Returns None when all of that worked, else what failed.
    """
    try:
        await venue.fetch_open_orders(kit.symbol)
        if client_id:
            found = await venue.fetch_order(kit.symbol, client_order_id=client_id)
            if not same_id(found.client_order_id, client_id):
                return f"looked up {client_id!r}, got {found.client_order_id!r}"
        await venue.create_order(await resting_bid(venue, kit.symbol))
    except VenueError as exc:
        return repr(exc)
    return None


_CACHE: dict[tuple[str, str], Observed] = {}


async def observe(venue_name: str, scenario_key: str) -> Observed:
    """`run`, memoised for this process: the parametrised tests and the table share one run per cell."""
    key = (venue_name, scenario_key)
    if key not in _CACHE:
        _CACHE[key] = await run(venue_name, scenario_key)
    return _CACHE[key]


async def table() -> str:
    """The markdown outcome table, scenarios as rows and venues as columns."""
    names = list(VENUES)
    lines = [
        "| scenario | " + " | ".join(names) + " |",
        "| --- | " + " | ".join("---" for _ in names) + " |",
    ]
    for scenario in SCENARIOS:
        cells = [(await observe(n, scenario.key)).cell() for n in names]
        lines.append(f"| {scenario.title} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def committed_table(text: str) -> str:
    _, _, rest = text.partition(BEGIN)
    body, _, _ = rest.partition(END)
    return body.strip()


def replace_table(text: str, new: str) -> str:
    head, sep, rest = text.partition(BEGIN)
    if not sep:
        raise ValueError(f"{DOC} has no {BEGIN} marker")
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{new}\n{END}{tail}"


def main(argv: list[str]) -> int:
    rendered = asyncio.run(table())
    if "--write" in argv:
        DOC.write_text(replace_table(DOC.read_text(), rendered))
    print(rendered)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

__all__ = ["SCENARIOS", "Observed", "RateLimited", "Scenario", "UnknownOrderState", "observe", "run", "table"]
