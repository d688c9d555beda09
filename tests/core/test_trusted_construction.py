"""`trusted(cls)` builds the same object as `cls(**kw)` for well-typed input, and refuses classes it cannot."""

from __future__ import annotations

import copy
import pickle
import types
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    RootModel,
    ValidationError,
    computed_field,
    field_validator,
    model_validator,
)

from venuekit.core.streams.updates import (
    BalanceUpdate,
    BookTickerUpdate,
    FillUpdate,
    MarkPriceUpdate,
    OrderUpdate,
    PositionUpdate,
    TradeUpdate,
)
from venuekit.core.types import (
    Balance,
    Commission,
    Fee,
    Fill,
    FrozenModel,
    FundingRate,
    IncomeEntry,
    Instrument,
    Order,
    Position,
    Side,
    Ticker,
)
from venuekit.core.types.trusted import trusted

BOUNDED = settings(max_examples=40, deadline=None, derandomize=True, database=None)

#: every shared type the venue converters build with `trusted`, plus the simple records beside them
SHARED = [Order, Fee, Fill, Position, Balance, IncomeEntry, Instrument, FundingRate, Ticker, Commission,
          OrderUpdate, FillUpdate, PositionUpdate, BalanceUpdate, MarkPriceUpdate, BookTickerUpdate, TradeUpdate]

_RAWS = st.none() | st.integers() | st.text(max_size=8) | st.tuples(st.integers(), st.text(max_size=4))


def _values(tp: Any) -> st.SearchStrategy[Any]:
    """Well-typed values for an annotation of the shared types (what a converter passes)."""
    if get_origin(tp) in (Union, types.UnionType):
        return st.one_of(*(_values(arg) for arg in get_args(tp)))
    if tp is type(None):
        return st.none()
    if tp is Any:
        return _RAWS
    if get_origin(tp) is dict:
        return st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3)
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(min_value=-(2**70), max_value=2**70)
    if tp is str:
        return st.text(max_size=12)
    if tp is Decimal:
        return st.decimals(allow_nan=False, allow_infinity=False, places=None)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return st.sampled_from(list(tp))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return _kwargs(tp).map(lambda kw: tp(**kw))
    raise NotImplementedError(tp)


def _kwargs(cls: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    """Every required field, and any subset of the optional ones (so defaults and `model_fields_set` vary)."""
    fields = cls.model_fields
    return st.fixed_dictionaries(
        {name: _values(f.annotation) for name, f in fields.items() if f.is_required()},
        optional={name: _values(f.annotation) for name, f in fields.items() if not f.is_required()},
    )


def _hash_or_error(obj: object) -> object:
    try:
        return hash(obj)
    except TypeError as exc:
        return str(exc)


def _assert_same(built: BaseModel, validated: BaseModel) -> None:
    assert type(built) is type(validated)
    assert built == validated and validated == built
    assert list(built.__dict__.items()) == list(validated.__dict__.items())  # same values in field order
    assert built.model_fields_set == validated.model_fields_set
    assert repr(built) == repr(validated) and str(built) == str(validated)
    assert built.model_dump() == validated.model_dump()
    assert built.model_dump_json() == validated.model_dump_json()
    assert built.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
    assert built.__pydantic_extra__ is validated.__pydantic_extra__ is None
    assert built.__pydantic_private__ is validated.__pydantic_private__ is None
    assert _hash_or_error(built) == _hash_or_error(validated)


@pytest.mark.parametrize("cls", SHARED, ids=lambda c: c.__name__)
@BOUNDED
@given(data=st.data())
def test_trusted_equals_validated(cls: type[BaseModel], data: st.DataObject) -> None:
    kw = data.draw(_kwargs(cls))
    built = trusted(cls)(**kw)
    _assert_same(built, cls(**kw))
    assert cls.model_validate(built.model_dump()) == cls.model_validate(cls(**kw).model_dump())
    assert pickle.loads(pickle.dumps(built)) == built and copy.deepcopy(built) == built
    first = next(iter(cls.model_fields))
    with pytest.raises(ValidationError, match="frozen"):
        setattr(built, first, kw.get(first))


def test_defaults_match_pydantic_copies() -> None:
    """A default factory runs per object and an unhashable default is copied, as pydantic does."""

    class Bag(BaseModel):
        name: str
        tags: list[str] = ["a"]
        meta: dict[str, str] = Field(default_factory=dict)

    make = trusted(Bag)
    one, two = make(name="x"), make(name="y")
    assert one.tags == ["a"] and one.tags is not two.tags and one.meta is not two.meta
    assert one.tags is not Bag.model_fields["tags"].default
    _assert_same(one, Bag(name="x"))
    _assert_same(make(name="x", tags=["b"], meta={"k": "v"}), Bag(name="x", tags=["b"], meta={"k": "v"}))


def test_instrument_default_factory_fresh_per_object() -> None:
    make = trusted(Instrument)
    kw: dict[str, Any] = {"symbol": "BTC/USDT:USDT", "venue_symbol": "BTCUSDT", "venue": "v", "base": "BTC",
                          "quote": "USDT", "tick_size": Decimal("0.1"), "lot_step": Decimal("0.001")}
    a, b = make(**kw), make(**kw)
    assert a.metadata == {} and a.metadata is not b.metadata
    _assert_same(a, Instrument(**kw))


def test_bad_calls_raise_type_error_naming_the_field() -> None:
    make = trusted(Fee)
    with pytest.raises(TypeError, match=r"unexpected keyword\(s\) \['cst'\]"):
        make(cst=Decimal(1))  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"missing \['cost'\]"):
        make(currency="USDT")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Fee(currency="USDT")  # type: ignore[call-arg]  (the validated constructor refuses it too)


def test_model_copy_and_update_behave_alike() -> None:
    kw: dict[str, Any] = {"venue": "v", "id": "1", "order_id": "2", "symbol": "BTC/USDT:USDT", "side": Side.BUY,
                          "price": Decimal("100.5"), "amount": Decimal("0.010"), "timestamp": 1}
    built, validated = trusted(Fill)(**kw), Fill(**kw)
    _assert_same(built.model_copy(update={"price": Decimal(2)}), validated.model_copy(update={"price": Decimal(2)}))
    assert built.model_copy(deep=True) == validated


class _FieldValidator(FrozenModel):
    x: int

    @field_validator("x")
    @classmethod
    def _double(cls, value: int) -> int:
        return value * 2


class _ModelValidator(FrozenModel):
    x: int

    @model_validator(mode="after")
    def _check(self) -> _ModelValidator:
        return self


class _Computed(FrozenModel):
    x: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def y(self) -> int:
        return self.x + 1


class _Alias(FrozenModel):
    x: int = Field(alias="X")


class _AliasGenerator(BaseModel):
    model_config = ConfigDict(alias_generator=str.upper)
    x: int


class _Private(FrozenModel):
    x: int
    _cache: int = PrivateAttr(default=0)


class _ExtraAllow(BaseModel):
    model_config = ConfigDict(extra="allow")
    x: int


class _Annotated(FrozenModel):
    x: Annotated[int, AfterValidator(abs)]


class _Constrained(FrozenModel):
    x: Decimal = Field(gt=0)


class _PostInit(FrozenModel):
    x: int

    def model_post_init(self, context: Any, /) -> None:
        pass


class _OwnInit(FrozenModel):
    x: int

    def __init__(self, **data: Any) -> None:
        super().__init__(**data)


class _EnumValues(BaseModel):
    model_config = ConfigDict(use_enum_values=True)
    side: Side


class _Strip(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)
    name: str


class _ValidateDefault(FrozenModel):
    x: int = Field(default=0, validate_default=True)


class _FactoryOfData(FrozenModel):
    x: int
    y: int = Field(default_factory=lambda data: data["x"])


class _Root(RootModel[int]):
    pass


REFUSED = [
    (_FieldValidator, "field validators"),
    (_ModelValidator, "model validators"),
    (_Computed, "computed fields"),
    (_Alias, "alias"),
    (_AliasGenerator, "alias_generator"),
    (_Private, "private attributes"),
    (_ExtraAllow, 'extra="allow"'),
    (_Annotated, "validators or constraints"),
    (_Constrained, "validators or constraints"),
    (_PostInit, "model_post_init"),
    (_OwnInit, "__init__"),
    (_EnumValues, "use_enum_values"),
    (_Strip, "str_strip_whitespace"),
    (_ValidateDefault, "validates its default"),
    (_FactoryOfData, "default factory reading"),
    (_Root, "RootModel"),
]


@pytest.mark.parametrize(("cls", "reason"), REFUSED, ids=[c.__name__ for c, _ in REFUSED])
def test_refuses_classes_whose_validation_does_more(cls: type[BaseModel], reason: str) -> None:
    with pytest.raises(TypeError, match=rf"trusted\({cls.__name__}\) refused.*{reason}"):
        trusted(cls)


def test_refuses_what_is_not_a_model() -> None:
    with pytest.raises(TypeError, match="pydantic model class"):
        trusted(dict)
