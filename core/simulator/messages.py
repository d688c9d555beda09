"""Request and response values for simulator handlers, plus exact-decimal JSON rendering."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any
from urllib.parse import parse_qsl

import orjson

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


def decimal_text(value: Decimal) -> str:
    """Plain positional notation (never exponent form), e.g. Decimal("1E-8") -> "0.00000001"."""
    return format(value, "f")


class RawNumber:
    """Wraps a Decimal (or numeric text) so `json_response` writes it as a JSON number, digits intact."""

    __slots__ = ("text",)

    def __init__(self, value: Decimal | int | str) -> None:
        text = decimal_text(value) if isinstance(value, Decimal) else str(value)
        if not Decimal(text).is_finite():
            raise ValueError(f"not a finite number: {text}")
        self.text = text

    def __repr__(self) -> str:
        return f"RawNumber({self.text})"


def _default_str(obj: Any) -> Any:
    if isinstance(obj, RawNumber):
        return orjson.Fragment(obj.text.encode())
    if isinstance(obj, Decimal):
        return decimal_text(obj)
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def _default_number(obj: Any) -> Any:
    if isinstance(obj, Decimal):
        return orjson.Fragment(decimal_text(obj).encode())
    return _default_str(obj)


def dumps(obj: Any, *, decimals_as_numbers: bool = False) -> bytes:
    """orjson with Decimals as strings (or exact numbers) and `RawNumber` as numbers."""
    return orjson.dumps(obj, default=_default_number if decimals_as_numbers else _default_str)


@dataclass
class SimRequest:
    """An HTTP request as simulator handlers see it; `state` carries data from hooks to handlers."""

    method: str
    path: str
    query_string: bytes = b""
    header_list: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    client_host: str | None = None
    path_params: dict[str, str] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def headers(self) -> dict[str, str]:
        """Lower-cased header names; a repeated header keeps its last value."""
        return {k.lower(): v for k, v in self.header_list}

    @property
    def raw_query(self) -> str:
        return self.query_string.decode("latin-1")

    @cached_property
    def query(self) -> list[tuple[str, str]]:
        """Decoded query pairs in wire order, duplicates kept."""
        return parse_qsl(self.raw_query, keep_blank_values=True)

    @cached_property
    def params(self) -> dict[str, str]:
        """Query parameters as a dict; the last of duplicates wins."""
        return dict(self.query)

    def get_all(self, key: str) -> list[str]:
        return [v for k, v in self.query if k == key]

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def form_items(self) -> list[tuple[str, str]]:
        """Body pairs of an urlencoded form in wire order (empty for other content types)."""
        if not self.body or self.content_type not in ("", FORM_CONTENT_TYPE):
            return []
        return parse_qsl(self.body.decode("latin-1"), keep_blank_values=True)

    def form(self) -> dict[str, str]:
        return dict(self.form_items())

    def json(self) -> Any:
        return orjson.loads(self.body) if self.body else None

    def all_params(self) -> dict[str, str]:
        """Query and form body merged (body wins), the way Binance-style APIs accept either."""
        return {**self.params, **self.form()}


@dataclass
class SimResponse:
    status: int = 200
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((v for k, v in reversed(self.headers) if k.lower() == lowered), None)

    def set_header(self, name: str, value: str) -> None:
        lowered = name.lower()
        self.headers = [(k, v) for k, v in self.headers if k.lower() != lowered]
        self.headers.append((name, value))

    @property
    def content_type(self) -> str | None:
        return self.header("content-type")


def _with_headers(content_type: str, headers: Mapping[str, str] | None) -> list[tuple[str, str]]:
    return [("content-type", content_type), *(headers or {}).items()]


def json_response(
    obj: Any,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    *,
    decimals_as_numbers: bool = False,
) -> SimResponse:
    """JSON body; Decimals become strings unless `decimals_as_numbers`, `RawNumber` is always a number."""
    body = dumps(obj, decimals_as_numbers=decimals_as_numbers)
    return SimResponse(status, body, _with_headers("application/json", headers))


def text_response(
    text: str | bytes,
    status: int = 200,
    content_type: str = "text/plain; charset=utf-8",
    headers: Mapping[str, str] | None = None,
) -> SimResponse:
    body = text.encode() if isinstance(text, str) else text
    return SimResponse(status, body, _with_headers(content_type, headers))
