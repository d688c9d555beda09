"""Field types shared by the BingX models: every documented alternative wire form is accepted."""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BeforeValidator, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

from venuekit.core.types import VenueModel
from venuekit.core.types.fast_decimal import NumbersFirst
from venuekit.core.types.fields import BlankAsNone, NonBlankStr, is_blank

from ..enums import OrderSide, OrderStatus, OrderType, PositionSide

T = TypeVar("T")


def blank_to_none(value: Any) -> Any:
    """BingX sends `""` for an absent number or id; that means "not given", not zero."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


def json_text(value: Any) -> Any:
    """A JSON object/array may arrive as JSON text (`"{\\"type\\":…}"`) or as the object itself."""
    value = blank_to_none(value)
    if isinstance(value, str) and value.lstrip()[:1] in ("{", "["):
        return json.loads(value, parse_float=Decimal)
    return value


def as_list(value: Any) -> Any:
    """`data` is an object when one symbol was asked for and a list otherwise; `null` is no items."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [value]
    return value


#: `""` or whitespace reads as None; the type is validated natively first (see `BlankAsNone`).
_BLANK = BlankAsNone(is_blank)
OptDec = Annotated[Decimal | None, _BLANK]
#: An `OptDec` BingX sends as a JSON number (TP/SL objects): numbers are tried first.
OptNum = Annotated[Decimal | None, _BLANK, NumbersFirst()]
OptId = Annotated[NonBlankStr | None, _BLANK]
OptInt = Annotated[int | None, _BLANK]
OneOrMany = Annotated[list[T], BeforeValidator(as_list)]
Side = Annotated[OrderSide | str, Field(union_mode="left_to_right")]
PosSide = Annotated[PositionSide | NonBlankStr | None, Field(union_mode="left_to_right"), _BLANK]
Type = Annotated[OrderType | str, Field(union_mode="left_to_right")]
Status = Annotated[OrderStatus | str | None, Field(union_mode="left_to_right")]
Flag = Annotated[bool | NonBlankStr | None, Field(union_mode="left_to_right"), _BLANK]


class BingXModel(VenueModel):
    """camelCase on the wire, snake_case in Python; unknown fields dropped."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class Ack(BingXModel):
    """Envelopes that carry no `data` (e.g. POST marginType): success is all there is to report."""

    code: int | str = 0
    msg: str = ""


class Page(BingXModel, Generic[T]):
    """A page whose list sits under a key the documents do not name: the first list found is taken."""

    items: list[T] = Field(default_factory=list)
    total: OptInt = None

    @model_validator(mode="before")
    @classmethod
    def _find_list(cls, value: Any) -> Any:
        if value is None:
            return {"items": []}
        if isinstance(value, list):
            return {"items": value}
        if isinstance(value, dict) and "items" not in value:
            found = next((v for v in value.values() if isinstance(v, list)), [])
            return {"items": found, "total": value.get("total")}
        return value


def pick(keys: Iterable[str], value: Any) -> Any:
    """Unwrap `{key: inner}` for the first documented key present; otherwise return `value` as is."""
    if isinstance(value, dict):
        for key in keys:
            if key in value and isinstance(value[key], dict | list):
                return value[key]
    return value
