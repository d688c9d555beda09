"""`python -m venuekit.connectors.binance_usdm.simulator --port 8081`: serve the simulator with uvicorn."""

from __future__ import annotations

import argparse
import secrets

from venuekit.core.simulator import run

from .app import BinanceUSDMSimulator


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Binance USDⓈ-M futures simulator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--key", default=None, help="API key to register (generated when omitted)")
    parser.add_argument("--secret", default=None, help="API secret to register (generated when omitted)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    key = args.key or secrets.token_hex(32)
    secret = args.secret or secrets.token_hex(32)
    sim = BinanceUSDMSimulator(seed=args.seed)
    sim.add_account(key, secret)
    print(f"binance-usdm simulator on http://{args.host}:{args.port}")
    print(f"api key: {key}")
    print(f"secret:  {secret}")
    run(sim, args.host, args.port)


if __name__ == "__main__":
    main()
