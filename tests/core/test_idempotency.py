import re

import pytest

from venuekit.core import ClientOrderIds, ExchangeUnavailable, NetworkError, OrderNotFound, UnknownOrderState
from venuekit.core.idempotency import place_once


async def test_ambiguous_failure_resolved_by_lookup_without_resending() -> None:
    submits = lookups = 0

    async def submit() -> str:
        nonlocal submits
        submits += 1
        raise ExchangeUnavailable("502", venue="v", status=502)

    async def lookup() -> str:
        nonlocal lookups
        lookups += 1
        if lookups < 3:
            raise OrderNotFound("not yet", venue="v")
        return "order-1"

    assert await place_once(submit, lookup, client_order_id="c1", venue="v", backoff_s=0) == "order-1"
    assert (submits, lookups) == (1, 3)


async def test_unknown_state_carries_client_order_id() -> None:
    async def submit() -> str:
        raise NetworkError("reset", venue="v", request_sent=True)

    async def lookup() -> str:
        raise OrderNotFound("none", venue="v")

    with pytest.raises(UnknownOrderState) as info:
        await place_once(submit, lookup, client_order_id="c-9", venue="v", lookups=3, backoff_s=0)
    assert info.value.client_order_id == "c-9"
    assert "c-9" in str(info.value)


async def test_not_sent_is_resubmitted_once_with_same_id() -> None:
    submits = 0

    async def submit() -> str:
        nonlocal submits
        submits += 1
        if submits == 1:
            raise NetworkError("refused", venue="v", request_sent=False)
        return "ok"

    async def lookup() -> str:
        raise AssertionError("no lookup needed when nothing was sent")

    assert await place_once(submit, lookup, client_order_id="c", venue="v") == "ok"
    assert submits == 2


async def test_definite_rejection_is_raised_as_is() -> None:
    async def submit() -> str:
        raise OrderNotFound("rejected", venue="v")

    async def lookup() -> str:
        raise AssertionError("never")

    with pytest.raises(OrderNotFound):
        await place_once(submit, lookup, client_order_id="c", venue="v")


def test_client_order_ids_are_unique_and_within_rules() -> None:
    ids = ClientOrderIds(prefix="vk", max_length=20)
    values = {ids.new() for _ in range(2000)}
    assert len(values) == 2000
    assert all(re.fullmatch(r"[A-Za-z0-9]{1,20}", v) for v in values)
    other = ClientOrderIds(prefix="vk", max_length=20)
    assert values.isdisjoint({other.new() for _ in range(100)})


async def test_definite_server_failure_is_not_looked_up() -> None:
    async def submit() -> str:
        raise ExchangeUnavailable("Service Unavailable.", venue="v", status=503, definite=True)

    async def lookup() -> str:
        raise AssertionError("a definite failure needs no lookup")

    with pytest.raises(ExchangeUnavailable):
        await place_once(submit, lookup, client_order_id="c", venue="v")
