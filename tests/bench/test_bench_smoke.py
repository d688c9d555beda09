"""`python -m bench --quick` still runs end to end and writes a complete, sane results file."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = {"import & memory", "signing", "parse", "full private call", "rate limiter", "memory", "scale-out",
            "streams"}


Run = tuple[subprocess.CompletedProcess[str], dict[str, Any]]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One quick run (~15 s) shared by the checks below."""
    out = tmp_path_factory.mktemp("bench") / "results.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc, json.loads(out.read_text())


def test_quick_bench_runs_every_section_and_reports_targets(quick_run: Run) -> None:
    proc, doc = quick_run
    rows = doc["rows"]
    assert {r["section"] for r in rows} == SECTIONS
    for row in rows:
        assert math.isfinite(row["ours"]) and row["ours"] >= 0, row
        if row["theirs"] is not None:
            assert math.isfinite(row["theirs"]) and row["theirs"] > 0, row
    compared = [r for r in rows if r["against"] == "ccxt" and r["passed"] is not None]
    assert len(compared) >= 10
    assert all(r["target"].startswith("ratio") for r in compared)
    assert "PASS" in proc.stdout and "results:" in proc.stdout
    assert doc["machine"]["nproc"] >= 1 and doc["versions"]["ccxt"] != "-"
    assert len(doc["summary"]["pass"]) + len(doc["summary"]["miss"]) == sum(r["passed"] is not None for r in rows)


def test_quick_bench_limiter_and_memory_rows_hold(quick_run: Run) -> None:
    _, doc = quick_run
    by_name = {r["name"]: r for r in doc["rows"]}
    violations = next(r for name, r in by_name.items() if name.startswith("violations seen by the simulator"))
    assert violations["ours"] == 0 and violations["passed"] is True
    assert violations["extra"]["ok"] == violations["extra"]["calls"]
    left = next(r for name, r in by_name.items() if name.startswith("Python memory left"))
    assert left["passed"] is True
