"""Build shared-type instances from values a converter has already typed, without pydantic validating them again.

`Order(**kw)` re-checks ~20 fields the converter has just produced as `Decimal`, enum and `str` (~2.5 µs);
`trusted(Order)(**kw)` fills the defaults and sets the instance state directly (~1.5 µs). Only classes whose
validation cannot change or reject well-typed input are accepted, so the result equals the validated model.
"""

from __future__ import annotations

import copy
import operator
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, ParamSpec, TypeVar, cast

from pydantic import BaseModel

P = ParamSpec("P")
M = TypeVar("M", bound=BaseModel)

#: model_config keys under which validation rewrites or rejects values of the right type
_TRANSFORMING_CONFIG = (
    "alias_generator",
    "use_enum_values",
    "validate_default",
    "str_strip_whitespace",
    "str_to_lower",
    "str_to_upper",
    "str_min_length",
    "str_max_length",
)
_DECORATOR_KINDS = ("validators", "field_validators", "root_validators", "model_validators", "computed_fields")
_PLACEHOLDER = object()


# BaseModel's slot descriptors: their own `__set__` skips the checks `object.__setattr__` makes on every call.
_set_dict, _set_fields_set, _set_extra, _set_private = (
    vars(BaseModel)[name].__set__
    for name in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"))


def trusted(cls: Callable[P, M]) -> Callable[P, M]:
    """`cls`'s constructor, same keyword signature, minus validation: the caller vouches for every value's type.

    Raises `TypeError` here, not per call, for a class whose validation does more than check types
    (validators, computed fields, aliases, private attributes, `extra="allow"`, constraints, `model_post_init`…).
    """
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
        raise TypeError(f"trusted() takes a pydantic model class, not {cls!r}")
    reasons = list(_refusals(cls))
    if reasons:
        raise TypeError(f"trusted({cls.__qualname__}) refused, validation does more than check types: "
                        + "; ".join(reasons))
    model: type[BaseModel] = cls
    fields = model.__pydantic_fields__
    template: dict[str, Any] = {}
    factories: list[tuple[str, Callable[[], Any]]] = []
    for name, field in fields.items():
        template[name] = _PLACEHOLDER
        if field.default_factory is not None:
            factories.append((name, cast("Callable[[], Any]", field.default_factory)))
        elif not field.is_required():
            try:
                hash(field.default)
            except TypeError:
                factories.append((name, partial(copy.deepcopy, field.default)))  # pydantic copies these too
            else:
                template[name] = field.default
    required = [name for name, field in fields.items() if field.is_required()]
    require = operator.itemgetter(*required) if required else len
    size = len(template)
    new = object.__new__

    def build(**values: Any) -> Any:
        state = {**template, **values}
        if len(state) != size:
            raise _bad_call(model, values, required)
        try:
            require(values)
        except KeyError:
            raise _bad_call(model, values, required) from None
        for name, factory in factories:
            if name not in values:
                state[name] = factory()
        obj = new(model)
        _set_dict(obj, state)
        _set_fields_set(obj, set(values))
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj

    build.__name__ = build.__qualname__ = f"trusted_{model.__name__}"
    build.__doc__ = f"`{model.__name__}(...)` without validation (venuekit.core.types.trusted)."
    return cast("Callable[P, M]", build)


def _refusals(cls: type[BaseModel]) -> Iterator[str]:
    """Why a trusted construction of `cls` could differ from the validated one (nothing for the shared types)."""
    own = cls.__mro__[: cls.__mro__.index(BaseModel)]
    if getattr(cls, "__pydantic_root_model__", False):
        yield "it is a RootModel"
    for hook in ("__init__", "__get_pydantic_core_schema__"):
        if any(hook in vars(klass) for klass in own):
            yield f"it defines {hook}"
    if cls.__pydantic_post_init__ is not None:
        yield "it defines model_post_init"
    if cls.__private_attributes__:
        yield f"private attributes {sorted(cls.__private_attributes__)}"
    if not getattr(cls, "__pydantic_fields_complete__", True):
        yield "its annotations are not resolved yet (model_rebuild() first)"
    for kind in _DECORATOR_KINDS:
        found = getattr(cls.__pydantic_decorators__, kind)
        if found:
            yield f"{kind.replace('_', ' ')} {sorted(found)}"
    config = cls.model_config
    if config.get("extra") == "allow":
        yield 'extra="allow"'
    if config.get("revalidate_instances", "never") != "never":
        yield "revalidate_instances"
    yield from (f"model_config {key}" for key in _TRANSFORMING_CONFIG if config.get(key))
    for name, field in cls.__pydantic_fields__.items():
        if field.alias not in (None, name) or field.validation_alias not in (None, name):
            yield f"field {name!r} has an alias"
        if field.metadata:
            yield f"field {name!r} has validators or constraints {field.metadata}"
        if field.validate_default:
            yield f"field {name!r} validates its default"
        if field.default_factory is not None and field.default_factory_takes_validated_data:
            yield f"field {name!r} has a default factory reading the other fields"


def _bad_call(model: type[BaseModel], values: dict[str, Any], required: list[str]) -> TypeError:
    unknown = sorted(values.keys() - model.__pydantic_fields__.keys())
    missing = [name for name in required if name not in values]
    problems = ([f"unexpected keyword(s) {unknown}"] if unknown else []) + (
        [f"missing {missing}"] if missing else [])
    return TypeError(f"trusted {model.__qualname__}(): {', '.join(problems)}")
