"""Run every ```python sample of README.md and docs/ against the simulators; only marked ones are skipped.

Plain samples are complete programs: each is executed in a fresh namespace (as `__main__`) and must finish
without error within `BUDGET_S`. A sample titled like a test file (```python title="test_x.py") is written
to a temporary directory and run with pytest, which loads venuekit's plugin. Samples fenced with
`python title="needs real keys"` (or `"needs redis"`) need outside resources: they are compiled but not
run (fragments with a top-level `await` are allowed there), and there must stay only a few of them.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from doc_samples import ROOT, Sample, all_samples

import venuekit.connectors.binance_usdm.simulator
import venuekit.connectors.bingx.simulator
import venuekit.connectors.gate_crossex.simulator  # noqa: F401  (imported once, so timings measure the sample)

BUDGET_S = 2.0
PYTEST_BUDGET_S = 20.0
MAX_NOT_RUNNABLE = 8
_TEST_FILE = re.compile(r'title="(?P<name>test_[A-Za-z0-9_]+\.py)"')

SAMPLES = all_samples()
RUNNABLE = [s for s in SAMPLES if s.runnable]
NOT_RUNNABLE = [s for s in SAMPLES if not s.runnable]


def _test_file_name(sample: Sample) -> str | None:
    match = _TEST_FILE.search(sample.info)
    return match["name"] if match else None


def test_samples_were_found() -> None:
    pages = {s.path.relative_to(ROOT).as_posix() for s in SAMPLES}
    assert {"README.md", "docs/quickstart.md", "docs/recipes/testing.md"} <= pages
    assert len(RUNNABLE) >= 20


def test_few_samples_are_not_runnable() -> None:
    marked = [s.id for s in NOT_RUNNABLE]
    assert 1 <= len(marked) <= MAX_NOT_RUNNABLE, marked


@pytest.mark.parametrize("sample", NOT_RUNNABLE, ids=lambda s: s.id)
def test_not_runnable_samples_compile(sample: Sample) -> None:
    """Marked samples may be fragments with a top-level `await`/`async with`, but must be valid Python."""
    compile(sample.code, sample.id, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)


@pytest.mark.parametrize("sample", [s for s in RUNNABLE if _test_file_name(s) is None], ids=lambda s: s.id)
def test_sample_runs(sample: Sample) -> None:
    # Padded so tracebacks point at the right line of the Markdown file.
    code = compile("\n" * sample.line + sample.code, str(sample.path), "exec")
    namespace = {"__name__": "__main__", "__file__": str(sample.path)}
    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        exec(code, namespace)
    elapsed = time.perf_counter() - started
    assert elapsed < BUDGET_S, f"{sample.id} took {elapsed:.2f}s (budget {BUDGET_S}s)\n{out.getvalue()}"


@pytest.mark.parametrize("sample", [s for s in RUNNABLE if _test_file_name(s)], ids=lambda s: s.id)
def test_sample_test_file_passes(sample: Sample, tmp_path: Path) -> None:
    name = _test_file_name(sample)
    assert name is not None
    (tmp_path / name).write_text(sample.code, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_CORE_"))}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "asyncio_mode=auto",
         "--rootdir", str(tmp_path), name],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, f"{sample.id}:\n{result.stdout}\n{result.stderr}"
    assert " passed" in result.stdout and " skipped" not in result.stdout, result.stdout
    assert elapsed < PYTEST_BUDGET_S, f"{sample.id} took {elapsed:.2f}s"
