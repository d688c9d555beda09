"""`python -m bench [--quick] [--only parse,calls]`: run, print the table, write results.json."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from . import calls, imports, limiter, memory, parsing, scale, signing, streams
from .common import Row, Sizes
from .report import document, machine, markdown, table, versions, write

SECTIONS: dict[str, Callable[[Sizes], list[Row]]] = {
    "imports": imports.run,
    "signing": signing.run,
    "parse": parsing.run,
    "calls": calls.run,
    "limiter": limiter.run,
    "memory": memory.run,
    "scale": scale.run,
    "streams": streams.run,
}
DEFAULT_OUT = Path(__file__).parent / "results.json"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny counts (the smoke test uses this)")
    parser.add_argument("--only", default="", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON results")
    parser.add_argument("--markdown", type=Path, default=None, help="also write the table as Markdown here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = Sizes.small() if args.quick else Sizes.full()
    chosen = [s.strip() for s in args.only.split(",") if s.strip()] or list(SECTIONS)
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        raise SystemExit(f"unknown section(s): {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    print(f"machine: {machine()}\nversions: {versions()}\nsizes: {'quick' if sizes.quick else 'full'}", flush=True)
    rows: list[Row] = []
    start = time.perf_counter()
    for name in chosen:
        began = time.perf_counter()
        found = SECTIONS[name](sizes)
        rows.extend(found)
        print(f"[{name}: {len(found)} rows in {time.perf_counter() - began:.1f} s]", flush=True)
    doc = document(rows, sizes, time.perf_counter() - start)
    print()
    print(table(rows))
    missed = doc["summary"]["miss"]
    print(f"\n{len(doc['summary']['pass'])} PASS, {len(missed)} MISS")
    for item in missed:
        print(f"  MISS {item}")
    write(doc, args.out)
    if args.markdown is not None:
        args.markdown.write_text(markdown(rows) + "\n")
    print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
