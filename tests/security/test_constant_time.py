"""Each simulator checks signatures with `hmac.compare_digest` (constant time), for good and bad ones."""

from __future__ import annotations

import hmac
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))

from reliability_venues import VENUES

from venuekit.core.errors import AuthenticationError

AUTH_MODULES = {
    "bingx": "venuekit.connectors.bingx.simulator",
    "binance-usdm": "venuekit.connectors.binance_usdm.simulator",
    "gate-crossex": "venuekit.connectors.gate_crossex.simulator",
}


@pytest.mark.parametrize("venue", list(VENUES))
async def test_simulator_verifies_signatures_with_compare_digest(venue: str, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = VENUES[venue]
    sim = kit.simulator()
    sim.add_account("ct-key", "ct-secret")
    callers: Counter[str] = Counter()
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        callers[sys._getframe(1).f_globals.get("__name__", "?")] += 1
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    good: Any = kit.connect(sim, "ct-key", "ct-secret", sim.transport())
    bad: Any = kit.connect(sim, "ct-key", "not-the-secret", sim.transport())
    try:
        await good.fetch_balances()
        from_sim = sum(n for name, n in callers.items() if name.startswith(AUTH_MODULES[venue]))
        assert from_sim >= 1, dict(callers)
        callers.clear()
        with pytest.raises(AuthenticationError):
            await bad.fetch_balances()
        assert sum(n for name, n in callers.items() if name.startswith(AUTH_MODULES[venue])) >= 1, dict(callers)
    finally:
        await good.close()
        await bad.close()
