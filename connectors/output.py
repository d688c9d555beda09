"""Plain-text tables and JSON rendering for the CLI and the demo (Decimals printed exactly)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import orjson
from pydantic import BaseModel

from venuekit.core.numbers import format_decimal


def cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, Decimal):
        return format_decimal(value)
    if hasattr(value, "value") and isinstance(value.value, str):
        return str(value.value)
    return str(value)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], *, title: str | None = None) -> str:
    """A fixed-width table; numbers right-aligned."""
    texts = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in texts)]) for i, h in enumerate(headers)]
    numeric = [all(isinstance(row[i], int | Decimal) or row[i] is None for row in rows) and bool(rows)
               for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True))

    out = [title] if title else []
    out += [line(list(headers)), line(["-" * w for w in widths])]
    out += [line(r) for r in texts] or ["(none)"]
    return "\n".join(out)


def _default(obj: object) -> Any:
    if isinstance(obj, Decimal):
        return format_decimal(obj)
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="python")
    raise TypeError(type(obj).__name__)


def to_json(value: object) -> str:
    return orjson.dumps(value, default=_default, option=orjson.OPT_INDENT_2).decode()
