"""Rendering typed parameter values into the exact strings that go on the wire."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from enum import Enum
from operator import attrgetter
from typing import Any, Final
from urllib.parse import quote

import orjson

from ..numbers import format_decimal

ParamValue = str | int | bool | Decimal | Enum | list[Any] | dict[str, Any] | None

#: RFC 3986 unreserved characters: exactly what `quote(..., safe="")` leaves as it is.
_UNRESERVED: Final = re.compile(r"[A-Za-z0-9_.~-]*")


def _json_default(obj: object) -> object:
    if isinstance(obj, Decimal):
        return format_decimal(obj)
    if isinstance(obj, Enum):
        return obj.value
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def render_value(value: object) -> str:
    """`True` → `"true"`, `0` → `"0"`, `Decimal("1E-8")` → `"0.00000001"`, lists/dicts → compact JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, Enum):
        return render_value(value.value)
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple | dict):
        return orjson.dumps(value, default=_json_default).decode()
    if isinstance(value, float):
        raise TypeError("floats are not accepted for wire parameters; pass a Decimal or a string")
    raise TypeError(f"cannot send {type(value).__name__} as a parameter")


def _same(value: str) -> str:
    return value


def _bool_text(value: bool) -> str:
    return "true" if value else "false"


def _enum_value(value: Enum) -> str:
    return render_value(value.value)


#: Exact type → renderer, so the common wire types skip `render_value`'s isinstance chain.
_RENDERERS: Final[dict[type, Callable[[Any], str]]] = {
    str: _same, bool: _bool_text, int: str, Decimal: format_decimal,
}
_MAX_RENDERERS: Final = 256
#: The wire text of an enum whose values are all strings (one C call, no Python frame).
_VALUE: Final[Callable[[Any], str]] = attrgetter("value")


def _renderer(kind: type) -> Callable[[Any], str]:
    """`render_value`'s branch for `kind`, remembered for str subclasses and enums (StrEnum values, sides…)."""
    if issubclass(kind, str):
        found: Callable[[Any], str] = _same
    elif issubclass(kind, Enum):
        text_values = all(type(member.value) is str for member in kind)
        found = _VALUE if text_values else _enum_value
    else:
        return render_value
    if len(_RENDERERS) < _MAX_RENDERERS:
        _RENDERERS[kind] = found
    return found


def render_params(params: Mapping[str, object] | None) -> dict[str, str]:
    """Drop only `None` (meaning "not given"); `False`, `0` and `""` are sent."""
    if not params:
        return {}
    renderers = _RENDERERS
    out: dict[str, str] = {}
    for k, v in params.items():
        kind = type(v)
        if kind is str:
            out[k] = v  # type: ignore[assignment]
        elif v is not None:
            render = renderers.get(kind) or _renderer(kind)
            out[k] = v if render is _same else render(v)  # type: ignore[assignment]
    return out


def is_unreserved(text: str) -> bool:
    """True when `text` is only RFC 3986 unreserved characters (letters, digits, `-._~`): nothing to encode."""
    return _UNRESERVED.fullmatch(text) is not None


def quote_all(value: str) -> str:
    """`urllib.parse.quote(value, safe="")`, skipped when every character is unreserved already."""
    return value if _UNRESERVED.fullmatch(value) else quote(value, safe="")


def encode_query(params: Mapping[str, str]) -> str:
    """`k=v&…` in mapping order, values percent-encoded as `quote(v, safe="")`; keys are sent as given.

    Typical order parameters are all unreserved characters: one check over all values then skips quoting.
    """
    if _UNRESERVED.fullmatch("".join(params.values())):
        return "&".join(map("=".join, params.items()))
    return "&".join([k + "=" + quote_all(v) for k, v in params.items()])


def json_body(body: object) -> bytes:
    """Compact JSON for request bodies; Decimals as JSON strings, never floats."""
    return orjson.dumps(body, default=_json_default)


def join_pairs(pairs: Iterable[tuple[str, str]]) -> str:
    return "&".join(f"{k}={v}" for k, v in pairs)
