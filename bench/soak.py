"""Bounded soak: mixed unified calls against the three simulators served by uvicorn on 127.0.0.1.

`python -m bench.soak` (`make soak`) runs ~50k calls for at most a few minutes; `--quick` is a tiny run.
The simulators live in a child process (`--serve`), so the RSS sampled here is the client's alone. The
run fails on a lost or duplicated order (simulator ledger against what the clients were told), on any
rate-limit violation the simulators counted, and on RSS growth in the second half of the run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import resource
import secrets
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

VENUE_NAMES = ("bingx", "binance-usdm", "gate-crossex")
SYMBOLS = {"bingx": "BTC/USDT:USDT", "binance-usdm": "BTC/USDT:USDT", "gate-crossex": "BTC/USDT:USDT@BINANCE"}
DOC = Path(__file__).resolve().parents[1] / "docs" / "reliability.md"
BEGIN, END = "<!-- soak:begin -->", "<!-- soak:end -->"
#: Keeps every account well under the venues' open-order caps (Gate: 200 per pair).
MAX_OPEN_PER_WORKER = 20
#: Allowed RSS growth of the client between the middle and the end of a run.
RSS_GROWTH_LIMIT_MB = 32.0


def _simulators() -> dict[str, Any]:
    from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
    from venuekit.connectors.bingx.simulator import BingXSimulator
    from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator

    return {"bingx": BingXSimulator(), "binance-usdm": BinanceUSDMSimulator(), "gate-crossex": GateCrossExSimulator()}


def serve(accounts: int) -> None:
    """Child process: serve the simulators, print where, and on a line from stdin print the ledger report."""
    from venuekit.core.simulator import server_thread

    sims = _simulators()
    plan: dict[str, Any] = {}
    with contextlib.ExitStack() as stack:
        for name, sim in sims.items():
            creds = []
            for _ in range(accounts):
                key, secret = f"soak-{secrets.token_hex(6)}", secrets.token_hex(16)
                creds.append({"key": key, "secret": secret,
                              "account": sim.add_account(key, secret, {"USDT": Decimal(10_000_000)})})
            plan[name] = {"base_url": stack.enter_context(server_thread(sim)), "accounts": creds}
        print(json.dumps(plan), flush=True)
        sys.stdin.readline()
    report = {}
    for name, sim in sims.items():
        ledger = [o.client_order_id or "" for a in plan[name]["accounts"] for o in sim.exchange.orders(a["account"])]
        report[name] = {"ledger": ledger, "violations": sim.limits.violations,
                        "by_rule": dict(sim.limits.violations_by_key)}
    print(json.dumps(report), flush=True)


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Tally:
    """The client's view of one venue: orders it was told about, calls, errors."""

    acknowledged: set[str] = field(default_factory=set)
    unknown: set[str] = field(default_factory=set)
    calls: int = 0
    seconds: float = 0.0
    errors: Counter[str] = field(default_factory=Counter)
    samples: dict[str, str] = field(default_factory=dict)


async def _resting_bid(venue: Any, symbol: str) -> tuple[Decimal, Decimal]:
    """Price and amount of a buy far below the market: rests on the book, big enough for the minimums."""
    inst = venue.instrument(symbol)
    ticker = await venue.fetch_ticker(symbol)
    reference = ticker.bid or ticker.last or ticker.mark
    price = inst.quantize_price(reference * Decimal("0.6"))
    return price, max(inst.min_qty, inst.quantize_amount(inst.min_notional * 2 / price) + inst.lot_step)


async def _worker(venue: Any, name: str, order: tuple[Decimal, Decimal], tally: Tally, budget: list[int],
                  deadline: float, seed: int) -> None:
    from venuekit.core.errors import UnknownOrderState, VenueError
    from venuekit.core.types import OrderRequest, Side

    rnd = random.Random(seed)
    symbol = SYMBOLS[name]
    price, amount = order
    mine: list[Any] = []
    while budget[0] > 0 and time.monotonic() < deadline:
        budget[0] -= 1
        tally.calls += 1
        roll = rnd.random()
        try:
            if roll < 0.25 or not mine:
                cid = f"sk{secrets.token_hex(6)}"
                try:
                    order = await venue.create_order(OrderRequest.limit(symbol, Side.BUY, amount, price,
                                                                        client_order_id=cid))
                except UnknownOrderState:
                    tally.unknown.add(cid)
                    raise
                tally.acknowledged.add(cid)
                mine.append(order)
            elif roll < 0.45 or len(mine) >= MAX_OPEN_PER_WORKER:
                await venue.cancel_order(symbol, mine.pop(rnd.randrange(len(mine))).id)
            elif roll < 0.65:
                order = mine[rnd.randrange(len(mine))]
                await venue.fetch_order(symbol, client_order_id=order.client_order_id)
            elif roll < 0.8:
                await venue.fetch_open_orders(symbol)
            elif roll < 0.97:
                await venue.fetch_balances()
            else:
                await venue.fetch_ticker(symbol)
        except VenueError as exc:
            tally.errors[type(exc).__name__] += 1
            tally.samples.setdefault(type(exc).__name__, str(exc)[:160])


async def _drive(name: str, plan: dict[str, Any], calls: int, concurrency: int, deadline: float) -> Tally:
    from venuekit.connectors.binance_usdm import BinanceUSDM
    from venuekit.connectors.bingx import BingX
    from venuekit.connectors.gate_crossex import GateCrossEx
    from venuekit.core.credentials import Credentials
    from venuekit.core.ratelimit.store import MemoryStore

    venue_class: Any = {"bingx": BingX, "binance-usdm": BinanceUSDM, "gate-crossex": GateCrossEx}[name]

    tally = Tally()
    started = time.monotonic()
    budget = [calls]
    accounts = plan["accounts"]
    venues: list[Any] = []
    shared = MemoryStore()
    for account in accounts:
        venue = venue_class(Credentials.of(account["key"], account["secret"]), base_url=plan["base_url"],
                            limiter_store=shared)
        venues.append(venue)
    try:
        for venue in venues:
            await venue.load_instruments()
        order = await _resting_bid(venues[0], SYMBOLS[name])
        await asyncio.gather(*(
            _worker(venues[i % len(venues)], name, order, tally, budget, deadline, seed=i) for i in range(concurrency)
        ))
    finally:
        tally.seconds = time.monotonic() - started
        for venue in venues:
            await venue.close()
    return tally


@dataclass
class Result:
    venue: str
    tally: Tally
    ledger: list[str]
    violations: int
    by_rule: dict[str, int]

    @property
    def duplicated(self) -> int:
        return sum(n - 1 for n in Counter(self.ledger).values() if n > 1)

    @property
    def lost(self) -> int:
        """Acknowledged but absent from the ledger, or in the ledger but never acknowledged nor reported unknown."""
        ledger = {c.lower() for c in self.ledger if c.startswith("sk")}
        told = {c.lower() for c in self.tally.acknowledged}
        unknown = {c.lower() for c in self.tally.unknown}
        return len(told - ledger) + len(ledger - told - unknown)


def _table(results: list[Result], seconds: float, rss: list[float], growth: float) -> str:
    lines = [
        "| venue | calls | calls/s | orders placed | unknown | lost | duplicated | rate-limit violations | errors |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        errors = ", ".join(f"{k} {v}" for k, v in sorted(r.tally.errors.items())) or "none"
        rate = r.tally.calls / r.tally.seconds if r.tally.seconds else 0.0
        lines.append(f"| {r.venue} | {r.tally.calls} | {rate:.0f} | {len(r.tally.acknowledged)} | "
                     f"{len(r.tally.unknown)} | {r.lost} | {r.duplicated} | {r.violations} | {errors} |")
    total = sum(r.tally.calls for r in results)
    lines.append("")
    for r in results:
        if r.by_rule:
            rules = ", ".join(f"`{k}` {v}" for k, v in sorted(r.by_rule.items()))
            lines.append(f"- {r.venue} violations by simulator rule: {rules}")
        for kind, message in sorted(r.tally.samples.items()):
            lines.append(f"- {r.venue} {kind}, e.g. `{message}`")
    if any(r.by_rule or r.tally.samples for r in results):
        lines.append("")
    lines.append(f"{total} calls in {seconds:.1f} s ({total / seconds:.0f}/s); client RSS "
                 f"{rss[0]:.1f} → {max(rss):.1f} MB peak, {growth:+.1f} MB over the second half.")
    return "\n".join(lines)


def _write_doc(text: str) -> None:
    page = DOC.read_text()
    head, sep, rest = page.partition(BEGIN)
    if not sep:
        return
    _, _, tail = rest.partition(END)
    DOC.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}")


async def soak(calls: int, concurrency: int, seconds: float, accounts: int) -> tuple[list[Result], str, bool]:
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.soak", "--serve", "--accounts", str(accounts)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1],
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        plan = json.loads(child.stdout.readline())
        rss: list[float] = [_rss_mb()]
        started = time.monotonic()
        deadline = started + seconds
        sampler_done = asyncio.Event()

        async def sample() -> None:
            while not sampler_done.is_set():
                rss.append(_rss_mb())
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(sampler_done.wait(), 0.25)

        sampler = asyncio.create_task(sample())
        per_venue = calls // len(VENUE_NAMES)
        tallies = await asyncio.gather(*(_drive(n, plan[n], per_venue, concurrency, deadline) for n in VENUE_NAMES))
        elapsed = time.monotonic() - started
        sampler_done.set()
        await sampler
        rss.append(_rss_mb())
        child.stdin.write("report\n")
        child.stdin.flush()
        report = json.loads(child.stdout.readline())
    finally:
        with contextlib.suppress(Exception):
            child.stdin.close()
        child.wait(timeout=30)
    results = [
        Result(n, t, report[n]["ledger"], report[n]["violations"], report[n]["by_rule"])
        for n, t in zip(VENUE_NAMES, tallies, strict=True)
    ]
    half = rss[len(rss) // 2:]
    growth = half[-1] - half[0] if half else 0.0
    ok = all(r.lost == 0 and r.duplicated == 0 and r.violations == 0 for r in results)
    ok = ok and growth <= RSS_GROWTH_LIMIT_MB and all(r.tally.acknowledged for r in results)
    return results, _table(results, elapsed, rss, growth), ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a tiny run (a few hundred calls) for smoke tests")
    parser.add_argument("--calls", type=int, default=50_000, help="total calls over the three venues")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent workers per venue")
    parser.add_argument("--seconds", type=float, default=240.0, help="stop after this long even if calls remain")
    parser.add_argument("--accounts", type=int, default=4, help="accounts (API keys) per venue")
    parser.add_argument("--write-doc", action=argparse.BooleanOptionalAction, default=None,
                        help="write the summary into docs/reliability.md (default: yes, except with --quick)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.accounts)
        return 0
    if args.quick:
        args.calls, args.concurrency, args.seconds, args.accounts = 300, 4, 30.0, 1
    _, text, ok = asyncio.run(soak(args.calls, args.concurrency, args.seconds, args.accounts))
    print(text)
    print("soak: OK" if ok else "soak: FAILED")
    write = args.write_doc if args.write_doc is not None else not args.quick
    if write:
        _write_doc(text + f"\n\n`python -m bench.soak --calls {args.calls} --concurrency {args.concurrency} "
                   f"--seconds {args.seconds:g} --accounts {args.accounts}`: {'OK' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
