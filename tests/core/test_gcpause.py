"""Large bodies decode with the collector paused, and its state is always given back as it was found."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Annotated

import orjson
import pytest
from pydantic import BaseModel, BeforeValidator, TypeAdapter, ValidationError

from venuekit.core.codec import GC_PAUSE_BYTES, decode
from venuekit.core.gcpause import gc_paused

seen: list[bool] = []


def _record(value: object) -> object:
    seen.append(gc.isenabled())
    return value


class Row(BaseModel):
    id: Annotated[str, BeforeValidator(_record)]
    price: str


ROWS = TypeAdapter(list[Row])


def _body(rows: int) -> bytes:
    return orjson.dumps([{"id": str(i), "price": "1.5"} for i in range(rows)])


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    seen.clear()
    gc.enable()
    yield
    gc.enable()


def test_large_body_decodes_with_the_collector_paused_then_restored() -> None:
    body = _body(2000)
    assert len(body) >= GC_PAUSE_BYTES
    assert len(decode(ROWS, body)) == 2000
    assert seen and not any(seen)
    assert gc.isenabled()


def test_small_body_leaves_the_collector_alone() -> None:
    body = _body(3)
    assert len(body) < GC_PAUSE_BYTES
    decode(ROWS, body)
    assert seen == [True, True, True]


def test_collector_restored_when_validation_fails() -> None:
    body = orjson.dumps([{"id": str(i)} for i in range(3000)])
    assert len(body) >= GC_PAUSE_BYTES
    with pytest.raises(ValidationError):
        decode(ROWS, body)
    assert gc.isenabled()


def test_an_application_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    decode(ROWS, _body(2000))
    assert not gc.isenabled()


def test_nested_pauses_re_enable_only_at_the_outermost_exit() -> None:
    with gc_paused:
        with gc_paused:
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
