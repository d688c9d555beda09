"""`venuekit` command line: run a simulator on a socket, and take quick looks at an account."""

from __future__ import annotations

import argparse
import secrets
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import anyio

from venuekit.core import Credentials, Venue, VenueError

from .output import table, to_json
from .registry import VENUES, entry

EXIT_OK, EXIT_VENUE_ERROR, EXIT_USAGE = 0, 1, 2
LOOKS = ("balances", "positions", "orders", "instruments")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="venuekit", description="Typed SDK for BingX, Binance USDⓈ-M, Gate CrossEx.")
    sub = parser.add_subparsers(dest="command", required=True)

    sim = sub.add_parser("sim", help="simulators").add_subparsers(dest="sim_command", required=True)
    serve = sim.add_parser("serve", help="serve a venue simulator over HTTP (uvicorn)")
    serve.add_argument("venue", choices=list(VENUES))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--key", help="API key of the funded account (generated when omitted)")
    serve.add_argument("--secret", help="API secret of the funded account (generated when omitted)")
    serve.add_argument("--balance", default="100000", help="USDT balance of the funded account")
    serve.add_argument("--seed", type=int, default=0)

    for look in LOOKS:
        p = sub.add_parser(look, help=f"show {look} of an account")
        p.add_argument("--venue", required=True, choices=list(VENUES))
        p.add_argument("--env", default="live", help="environment: live, a demo/testnet name, …")
        p.add_argument("--base-url", help="override the venue URL (e.g. a local simulator)")
        p.add_argument("--key", help="API key (default: VENUEKIT_<VENUE>_KEY)")
        p.add_argument("--secret", help="API secret (default: VENUEKIT_<VENUE>_SECRET)")
        p.add_argument("--proxy", help="HTTP proxy URL, e.g. http://user:pass@host:3128")
        p.add_argument("--symbol", help="limit to one unified symbol")
        p.add_argument("--json", action="store_true", help="machine-readable output")

    sub.add_parser("demo", help="run the cross-venue demo on in-process simulators")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "sim":
        return serve_simulator(args)
    if args.command == "demo":
        from .demo import main as demo_main

        return demo_main()
    try:
        return anyio.run(_look, args)
    except VenueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_VENUE_ERROR
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def serve_simulator(args: argparse.Namespace) -> int:
    from venuekit.core.simulator import MarketMotion, serve

    key = args.key or "vk" + secrets.token_hex(8)
    secret = args.secret or secrets.token_hex(24)
    sim = entry(args.venue).simulator_class()(seed=args.seed)
    sim.add_account(key, secret, {"USDT": Decimal(args.balance)})
    base = f"http://{args.host}:{args.port}"
    print(f"{args.venue} simulator on {base}")
    print(f"  api key: {key}")
    print(f"  secret:  {secret}" if args.secret is None else "  secret:  (as given)")
    sys.stdout.flush()
    motion = MarketMotion(sim.exchange, seed=args.seed)
    anyio.run(lambda: serve(sim, args.host, args.port, background=[motion.run]))
    return EXIT_OK


async def _look(args: argparse.Namespace) -> int:
    creds = Credentials.of(args.key, args.secret) if args.key and args.secret else Credentials.from_env(args.venue)
    if creds is None and args.command != "instruments":
        prefix = "VENUEKIT_" + args.venue.upper().replace("-", "_")
        raise ValueError(f"no credentials: pass --key/--secret or set {prefix}_KEY and {prefix}_SECRET")
    cls: Any = entry(args.venue).venue_class()
    venue: Venue
    async with cls(creds, env=args.env, base_url=args.base_url, proxy=args.proxy) as venue:
        rows, headers, data = await _fetch(venue, args)
    print(to_json(data) if args.json else table(headers, rows, title=f"{args.venue} {args.command}"))
    return EXIT_OK


async def _fetch(venue: Venue, args: argparse.Namespace) -> tuple[list[list[Any]], list[str], Any]:
    instruments = await venue.load_instruments()
    if args.command == "instruments":
        items: list[Any] = [i for i in instruments.values() if args.symbol in (None, i.symbol)]
        headers = ["symbol", "venue symbol", "tick", "step", "min qty", "min notional", "status"]
        fields = ["symbol", "venue_symbol", "tick_size", "lot_step", "min_qty", "min_notional", "status"]
    elif args.command == "balances":
        items = list((await venue.fetch_balances()).values())
        headers = fields = ["asset", "total", "free", "used"]
    elif args.command == "positions":
        items = await venue.fetch_positions([args.symbol] if args.symbol else None)
        headers = ["symbol", "side", "size", "entry", "mark", "uPnL", "leverage"]
        fields = ["symbol", "side", "size", "entry_price", "mark_price", "unrealized_pnl", "leverage"]
    else:
        items = await venue.fetch_open_orders(args.symbol)
        headers = ["symbol", "id", "client id", "side", "type", "price", "amount", "filled", "status"]
        fields = ["symbol", "id", "client_order_id", "side", "type", "price", "amount", "filled", "status"]
    return [[getattr(item, f) for f in fields] for item in items], headers, items
