"""BingX envelopes and number text: `{code,msg,data}`, decimals as strings with fixed places, ids as numbers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from venuekit.core.numbers import format_decimal
from venuekit.core.simulator import RawNumber, SimResponse, json_response


def dec(value: Decimal | None, places: int | None = None) -> str:
    """A decimal as BingX prints it in string fields: fixed places when given, else plain text."""
    if value is None:
        return ""
    if places is None:
        return format_decimal(value)
    return f"{value.quantize(Decimal(1).scaleb(-places)):f}"


def num(value: Decimal | int) -> RawNumber:
    """A bare JSON number with its digits intact (BingX mixes numbers and strings)."""
    return RawNumber(value.normalize() if isinstance(value, Decimal) and value == value.to_integral() else value)


def ok(data: Any = None, *, with_data: bool = True, **extra: Any) -> dict[str, Any]:
    """The success envelope `{"code":0,"msg":"",...,"data":...}`; extra keys (timestamp, debugMsg) go before data."""
    body: dict[str, Any] = {"code": 0, "msg": ""}
    body.update(extra)
    if with_data:
        body["data"] = data if data is not None else {}
    return body


def error(code: int, msg: str) -> dict[str, Any]:
    """The error envelope BingX sends with HTTP 200."""
    return {"code": code, "msg": msg, "data": {}}


def respond(body: Any, status: int = 200) -> SimResponse:
    return json_response(body, status=status)


def id_num(order_id: str) -> RawNumber:
    """Engine ids are numeric strings; BingX sends order ids as JSON numbers (19 digits, exact)."""
    return RawNumber(int(order_id))
