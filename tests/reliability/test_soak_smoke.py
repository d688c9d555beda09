"""`python -m bench.soak --quick`: the soak runs end to end on real sockets and its checks pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quick_soak_passes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.soak", "--quick", "--no-write-doc"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert output.rstrip().endswith("soak: OK"), output[-3000:]
    rows = [line for line in output.splitlines() if line.startswith("| ") and "venue" not in line]
    assert [row.split("|")[1].strip() for row in rows if not row.startswith("| ---")] == [
        "bingx", "binance-usdm", "gate-crossex",
    ]
