"""docs/reliability.md carries the outcome table of a real run; regenerate it with
`.venv/bin/python tests/reliability/fault_matrix.py --write` when behaviour changes."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fault_matrix import DOC, SCENARIOS, committed_table, table
from reliability_venues import VENUES


async def test_committed_table_matches_a_fresh_run() -> None:
    rendered = await table()
    assert rendered.count("\n") == len(SCENARIOS) + 1
    assert all(name in rendered.splitlines()[0] for name in VENUES)
    assert committed_table(DOC.read_text()) == rendered, (
        "docs/reliability.md is stale: run `.venv/bin/python tests/reliability/fault_matrix.py --write`"
    )
