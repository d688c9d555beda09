"""The printed table, the machine description and `bench/results.json`."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from .common import Row, Sizes

LIBRARIES = ("venuekit", "ccxt", "pydantic", "pydantic-core", "aiohttp", "httpx", "httpx-aiohttp", "orjson",
             "uvicorn", "uvloop")
HEADER = ("section", "measurement", "venuekit", "other", "vs", "ratio", "target", "result")


def machine() -> dict[str, Any]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {"nproc": os.cpu_count(), "cpu": model or platform.processor(), "python": sys.version.split()[0],
            "implementation": platform.python_implementation(), "platform": platform.platform()}


def versions() -> dict[str, str]:
    found: dict[str, str] = {}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "-"
    return found


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def cells(row: Row) -> tuple[str, ...]:
    result = {True: "PASS", False: "MISS", None: ""}[row.passed]
    ratio = "-" if row.ratio is None else f"{row.ratio:.2f}"
    return (row.section, row.name, _num(row.ours, row.unit), _num(row.theirs, row.unit if row.theirs else ""),
            row.against, ratio, row.target, result)


def table(rows: list[Row]) -> str:
    lines = [HEADER, *(cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown(rows: list[Row]) -> str:
    out = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in rows:
        out.append("| " + " | ".join(c.replace("|", "/") for c in cells(row)) + " |")
    return "\n".join(out)


def summary(rows: list[Row]) -> dict[str, list[str]]:
    passed = [f"{r.section}: {r.name} (vs {r.against})" for r in rows if r.passed is True]
    missed = [f"{r.section}: {r.name} (vs {r.against})" for r in rows if r.passed is False]
    return {"pass": passed, "miss": missed}


def document(rows: list[Row], sizes: Sizes, seconds: float) -> dict[str, Any]:
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "versions": versions(),
        "sizes": {k: v for k, v in vars(sizes).items()},
        "seconds": round(seconds, 1),
        "rows": [r.as_dict() for r in rows],
        "summary": summary(rows),
    }


def write(doc: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(doc, indent=1, default=str) + "\n")
