"""A recognisable secret never shows: not in logs at any level, exception texts, reprs, the wire, or the
output of a whole pytest run whose failures print locals and tracebacks."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from canary_flows import CANARY, run_flows

VENUES = ["bingx", "binance-usdm", "gate-crossex"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("venue", VENUES)
async def test_canary_never_appears_in_logs_errors_reprs_or_the_wire(
    venue: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="venuekit")
    texts, raised = await run_flows(venue, CANARY)
    assert set(raised) == {"5xx", "timeout", "unknown-order", "bad-signature"}
    assert len(texts) > 20
    logged = caplog.text + "".join(r.getMessage() + repr(r.args) for r in caplog.records)
    for text in [*texts, logged]:
        assert CANARY not in text
        assert CANARY.encode().hex() not in text


INNER = textwrap.dedent(
    """
    import logging, os, sys
    import pytest
    sys.path.insert(0, {security!r})
    from canary_flows import run_flows

    @pytest.mark.parametrize("venue", {venues!r})
    async def test_flows_then_fail_loudly(caplog, venue):
        caplog.set_level(logging.DEBUG)
        logging.getLogger("venuekit").setLevel(logging.DEBUG)
        texts, raised = await run_flows(venue, os.environ["VENUEKIT_CANARY_SECRET"])
        print("\\n".join(texts))
        logging.getLogger("venuekit").debug("raised %r", raised)
        assert raised == {{}}, texts
    """
)


def test_canary_never_appears_in_pytest_output(tmp_path: Path) -> None:
    test_file = tmp_path / "test_inner_canary.py"
    test_file.write_text(INNER.format(security=str(Path(__file__).resolve().parent), venues=VENUES))
    env = {**os.environ, "VENUEKIT_CANARY_SECRET": CANARY}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(test_file), "-p", "no:cacheprovider", "-vv", "--showlocals",
         "--tb=long", "-rA", "-o", "log_cli=true", "--log-cli-level=DEBUG", "-o", "asyncio_mode=auto",
         "--rootdir", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert "3 failed" in output and "UnknownOrderState" in output and "--- Captured log" in output, output[-3000:]
    assert CANARY not in output
