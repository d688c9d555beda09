"""Typed access to request parameters with Binance's rejections for missing or malformed values."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from .errors import BinanceError, invalid, mandatory

T = TypeVar("T")


class Params:
    """Merged query and form parameters (the query wins on a clash, as Binance documents)."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = dict(values)

    def __contains__(self, name: str) -> bool:
        return self.raw(name) is not None

    def as_dict(self) -> dict[str, str]:
        return dict(self._values)

    def raw(self, name: str) -> str | None:
        value = self._values.get(name)
        return None if value is None or value == "" else value

    def text(self, name: str) -> str | None:
        return self.raw(name)

    def need(self, name: str) -> str:
        value = self.raw(name)
        if value is None:
            raise mandatory(name)
        return value

    def integer(self, name: str, *, required: bool = False) -> int | None:
        value = self.need(name) if required else self.raw(name)
        if value is None:
            return None
        try:
            return int(value)
        except ValueError:
            raise mandatory(name) from None

    def need_int(self, name: str) -> int:
        value = self.integer(name, required=True)
        assert value is not None
        return value

    def decimal(self, name: str, *, required: bool = False) -> Decimal | None:
        value = self.need(name) if required else self.raw(name)
        if value is None:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise mandatory(name) from None
        if not number.is_finite():
            raise mandatory(name)
        return number

    def need_decimal(self, name: str) -> Decimal:
        value = self.decimal(name, required=True)
        assert value is not None
        return value

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self.raw(name)
        if value is None:
            return default
        lowered = value.lower()
        if lowered not in ("true", "false"):
            raise invalid(name)
        return lowered == "true"

    def choice(self, name: str, table: Mapping[str, T], error: BinanceError | None = None) -> T | None:
        value = self.raw(name)
        if value is None:
            return None
        if value not in table:
            raise error or invalid(name)
        return table[value]

    def json_list(self, name: str, *, required: bool = True) -> list[object] | None:
        value = self.need(name) if required else self.raw(name)
        if value is None:
            return None
        try:
            loaded = json.loads(value)
        except ValueError:
            raise mandatory(name) from None
        if not isinstance(loaded, list):
            raise mandatory(name)
        return loaded


def page(rows: Sequence[T], from_id: int | None, id_of: Callable[[T], int], limit: int) -> list[T]:
    """Binance paging: `limit` rows from id `from_id` on, or the newest `limit` rows when no id is given."""
    if from_id is None:
        return list(rows[-limit:])
    return [r for r in rows if id_of(r) >= from_id][:limit]
