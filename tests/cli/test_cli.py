"""The `venuekit` command: a simulator served on a socket, then quick looks at it from another process."""

from __future__ import annotations

import asyncio
import json
import subprocess
from collections.abc import Iterator
from decimal import Decimal

import aiohttp
import pytest
from cli_support import ENV, PY, serving

from venuekit.connectors.cli import main


@pytest.fixture(params=["bingx", "binance-usdm", "gate-crossex"])
def served(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    with serving(request.param) as base:
        yield request.param, base


async def test_served_simulator_streams_a_moving_mark_price_over_websocket() -> None:
    with serving("binance-usdm") as base:
        ws_url = base.replace("http://", "ws://") + "/stream?streams=btcusdt@markPrice"
        async with aiohttp.ClientSession() as session, session.ws_connect(ws_url) as ws:
            prices = set()
            while len(prices) < 2:
                msg = await asyncio.wait_for(ws.receive(), timeout=5)
                prices.add(json.loads(msg.data)["data"]["p"])
    assert len(prices) == 2, "the mark moves by itself"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PY, "-m", "venuekit.connectors", *args], capture_output=True, text=True, env=ENV,
                          timeout=60, check=False)


def test_balances_json_from_a_served_simulator(served: tuple[str, str]) -> None:
    venue, base = served
    result = _run("balances", "--venue", venue, "--base-url", base, "--key", "cli-key", "--secret", "cli-secret",
                  "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["asset"]: row for row in json.loads(result.stdout)}
    assert Decimal(rows["USDT"]["total"]) == Decimal("1234.5")


def test_instruments_table(served: tuple[str, str]) -> None:
    venue, base = served
    result = _run("instruments", "--venue", venue, "--base-url", base, "--key", "cli-key", "--secret", "cli-secret")
    assert result.returncode == 0, result.stderr
    assert "BTC/USDT" in result.stdout and "tick" in result.stdout


def test_bad_credentials_give_a_clear_error_and_exit_1(served: tuple[str, str]) -> None:
    venue, base = served
    result = _run("positions", "--venue", venue, "--base-url", base, "--key", "cli-key", "--secret", "wrong")
    assert result.returncode == 1
    assert result.stderr.startswith("error: [") and "wrong" not in result.stderr


def test_missing_credentials_exit_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("VENUEKIT_BINGX_KEY", raising=False)
    monkeypatch.delenv("VENUEKIT_BINGX_SECRET", raising=False)
    assert main(["balances", "--venue", "bingx"]) == 2
    assert "VENUEKIT_BINGX_KEY" in capsys.readouterr().err


def test_unknown_venue_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["orders", "--venue", "kraken"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--help"], ["sim", "serve", "--help"], ["balances", "--help"]])
def test_help_everywhere(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 0
    assert "usage: venuekit" in capsys.readouterr().out
