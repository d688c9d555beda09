"""`python -m venuekit.connectors.bingx.simulator --port 8080 [--host H] [--key K --secret S]` serves BingX."""

from __future__ import annotations

import argparse
import secrets
from decimal import Decimal

from venuekit.core.simulator import run

from . import BingXSimulator


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the BingX simulator over HTTP (uvicorn).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--key", default=None, help="API key to register (generated when omitted)")
    parser.add_argument("--secret", default=None, help="API secret (generated when omitted)")
    parser.add_argument("--balance", default="10000", help="initial USDT in the perpetual wallet")
    args = parser.parse_args(argv)
    key = args.key or secrets.token_hex(16)
    secret = args.secret or secrets.token_hex(32)
    sim = BingXSimulator()
    sim.add_account(key, secret, {"USDT": Decimal(args.balance)})
    print(f"BingX simulator on http://{args.host}:{args.port}")
    print(f"  api key: {key}")
    print(f"  secret:  {secret}")
    run(sim, args.host, args.port)


if __name__ == "__main__":
    main()
