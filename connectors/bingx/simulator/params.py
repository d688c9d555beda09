"""Typed reads of BingX request parameters, failing with BingX's 109400 parameter errors."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from .codes import BingXError, param_error


class Params:
    """Read-only view over the decoded parameters of one request."""

    def __init__(self, raw: Mapping[str, str]) -> None:
        self.raw = dict(raw)

    def __contains__(self, name: str) -> bool:
        return bool(self.raw.get(name))

    def opt(self, name: str, *, required: bool = False, default: str | None = None) -> str | None:
        value = self.raw.get(name)
        if value is None or value == "":
            if required:
                raise param_error(f"{name} field is required")
            return default
        return value

    def req(self, name: str) -> str:
        value = self.opt(name, required=True)
        assert value is not None
        return value

    def dec(self, name: str, *, required: bool = False) -> Decimal | None:
        value = self.opt(name, required=required)
        if value is None:
            return None
        try:
            out = Decimal(value)
        except InvalidOperation as exc:
            raise param_error(f"{name} is invalid: {value}") from exc
        if not out.is_finite():
            raise param_error(f"{name} is invalid: {value}")
        return out

    def integer(self, name: str, *, required: bool = False, default: int | None = None) -> int | None:
        value = self.opt(name, required=required)
        if value is None:
            return default
        try:
            return int(value)
        except ValueError as exc:
            raise param_error(f"{name} is invalid: {value}") from exc

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.opt(name)
        if value is None:
            return default
        lowered = value.lower()
        if lowered not in ("true", "false"):
            raise param_error(f"{name} must be true or false")
        return lowered == "true"

    def json(self, name: str, *, required: bool = False) -> Any:
        value = self.opt(name, required=required)
        if value is None:
            return None
        try:
            return json.loads(value, parse_float=Decimal)
        except ValueError as exc:
            raise param_error(f"{name} is not valid JSON") from exc

    def id_list(self, name: str) -> list[str]:
        """A list sent as `[1,2]`, `["a","b"]` or `[a,b]` (unquoted, as ccxt renders lists)."""
        value = self.opt(name)
        if value is None:
            return []
        try:
            loaded = json.loads(value, parse_float=Decimal)
        except ValueError:
            loaded = [part.strip().strip('"') for part in value.strip().strip("[]").split(",") if part.strip()]
        if not isinstance(loaded, list):
            loaded = [loaded]
        return [str(item) for item in loaded]


def sub_params(item: Mapping[str, Any]) -> Params:
    """Params from one JSON object of a batch (numbers and bools rendered as BingX would send them)."""
    out: dict[str, str] = {}
    for key, value in item.items():
        if isinstance(value, bool):
            out[key] = "true" if value else "false"
        elif isinstance(value, dict | list):
            out[key] = json.dumps(value)
        elif value is not None:
            out[key] = str(value)
    return Params(out)


def require_list(value: Any, name: str, max_len: int) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise param_error(f"{name} must be a non-empty list")
    if len(value) > max_len:
        raise BingXError(109400, f"{name} supports up to {max_len} items")
    return value
