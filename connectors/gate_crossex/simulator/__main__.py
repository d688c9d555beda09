"""`python -m venuekit.connectors.gate_crossex.simulator --port 8080`: serve the simulator with uvicorn."""

from __future__ import annotations

import argparse
import secrets

from venuekit.core.simulator import run

from . import GateCrossExSimulator


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Gate CrossEx simulator (v1.0.0 REST paths under /api/v4)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--key", help="API key to register (generated when omitted)")
    parser.add_argument("--secret", help="API secret to register (generated when omitted)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    key = args.key or secrets.token_hex(16)
    secret = args.secret or secrets.token_hex(32)
    sim = GateCrossExSimulator(seed=args.seed)
    account = sim.add_account(key, secret)
    print(f"Gate CrossEx simulator on http://{args.host}:{args.port}/api/v4/crossex", flush=True)
    print(f"user_id={account} KEY={key} SECRET={secret}", flush=True)
    run(sim, args.host, args.port)


if __name__ == "__main__":
    main()
