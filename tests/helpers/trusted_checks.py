"""Shared by the converters' `trusted(...)` tests: the converters' objects against the validating constructors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import ModuleType

import pytest
from pydantic import BaseModel

from venuekit.core.types import Balance, Fee, Fill, IncomeEntry, Order, Position

#: The REST converters' module-level builders and the constructors they stand for.
REST_BUILDERS: dict[str, type[BaseModel]] = {"_order": Order, "_fill": Fill, "_fee": Fee, "_position": Position,
                                             "_balance": Balance, "_income": IncomeEntry}


def validated(monkeypatch: pytest.MonkeyPatch, module: ModuleType, builders: dict[str, type[BaseModel]],
              run: Callable[[], list[BaseModel]]) -> list[BaseModel]:
    """`run()` with `module`'s trusted builders swapped back for the validating constructors."""
    with monkeypatch.context() as patch:
        for name, cls in builders.items():
            patch.setattr(module, name, cls)
        return run()


def differences(ours: BaseModel, theirs: BaseModel) -> list[str]:
    """What tells a trusted-built object from the validated one (empty when nothing does)."""
    checks = {
        "==": ours == theirs and type(ours) is type(theirs),
        "repr": repr(ours) == repr(theirs),
        "json": ours.model_dump_json() == theirs.model_dump_json(),
        "fields_set": ours.model_fields_set == theirs.model_fields_set,
    }
    return [name for name, same in checks.items() if not same]


def assert_same_objects(built: list[BaseModel], expected: list[BaseModel]) -> None:
    assert len(built) == len(expected)
    for ours, theirs in zip(built, expected, strict=True):
        assert not differences(ours, theirs), (ours, theirs)
        assert _hash(ours) == _hash(theirs)


def _hash(obj: BaseModel) -> int | None:
    """The object's hash, `None` when a field holds something unhashable (the same for both constructions)."""
    try:
        return hash(obj)
    except TypeError:
        return None


def assert_survive_revalidation(objects: Iterable[BaseModel]) -> None:
    """A dump validated again equals the object (`raw` is left out of dumps)."""
    for obj in objects:
        again = type(obj).model_validate(obj.model_dump())
        assert again == obj.model_copy(update={"raw": None})
        assert again.model_dump_json() == obj.model_dump_json()
