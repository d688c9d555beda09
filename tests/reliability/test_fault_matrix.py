"""Every fault scenario on every venue, through the unified API, against the simulators' fault hooks.

The expectations are the documented rules (docs/architecture.md "Retry rules", core/errors.py): reads
retry a bounded number of times, an order is never sent twice once it may have arrived, an ambiguous
placement is resolved by looking its client order id up or ends in `UnknownOrderState` carrying that id,
unreadable bodies are `BadResponse`, rate limits are `RateLimited`/`IPBanned` with `retry_after` and are
waited out before the next call.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fault_matrix import PLACE, PLACED, RETRY_ATTEMPTS, SCENARIOS, Observed, Scenario, observe
from reliability_venues import VENUES, VenueKit, same_id

from venuekit.core.errors import NetworkError, RateLimited, UnknownOrderState

LOOKUPS = 5
CASES = [pytest.param(v, s, id=f"{v}-{s.key}") for v in VENUES for s in SCENARIOS]


def _check_error(kit: VenueKit, scenario: Scenario, seen: Observed) -> None:
    error = seen.error
    assert error is not None
    assert error.venue == kit.name, repr(error)
    if isinstance(error, UnknownOrderState):
        assert error.client_order_id, "UnknownOrderState must carry the client order id"
        assert error.request is not None and error.request.method == "POST", repr(error)
        if seen.ledger:
            assert same_id(seen.ledger[0], error.client_order_id)
        assert str(error.client_order_id) in str(error)
        return
    assert error.request is not None, f"{type(error).__name__} lacks request context: {error!r}"
    if not isinstance(error, NetworkError):
        assert error.status is not None, repr(error)
    if isinstance(error, RateLimited):
        assert error.retry_after is not None and 0 < error.retry_after <= 2, repr(error)
        assert seen.waited_ms >= error.retry_after * 1000 - 100, "the next call did not wait out Retry-After"
    if scenario.key == "venue_rate_code":
        assert error.code == kit.rate_limit_code


@pytest.mark.parametrize(("venue", "scenario"), CASES)
async def test_fault_scenario(venue: str, scenario: Scenario) -> None:
    kit = VENUES[venue]
    seen = await observe(venue, scenario.key)
    assert seen.outcome == scenario.outcome, f"{scenario.title}: got {seen.outcome} ({seen.error!r})"
    assert len(seen.ledger) == scenario.orders, seen.ledger
    assert len(set(seen.ledger)) == len(seen.ledger) <= 1
    if scenario.posts is not None:
        assert seen.posts == scenario.posts, "order placement resent"
    if scenario.target == PLACE:
        assert seen.gets <= LOOKUPS * RETRY_ATTEMPTS, "lookups are not bounded"
    elif scenario.gets is not None:
        assert seen.gets == scenario.gets, "read retries not bounded as documented"
    if seen.outcome == PLACED:
        assert seen.client_id and same_id(seen.client_id, seen.ledger[0])
    elif seen.error is not None:
        _check_error(kit, scenario, seen)
    assert seen.leftover_tasks == 0, "a task was left running"
    assert seen.follow_up_error is None, f"the client was not usable after the fault: {seen.follow_up_error}"
