from decimal import Decimal

import pytest
from pydantic import TypeAdapter

from venuekit.core import codec
from venuekit.core.numbers import format_decimal, to_decimal
from venuekit.core.types import VenueModel


class _Row(VenueModel):
    price: Decimal
    qty: Decimal
    orderId: str


_ROWS = TypeAdapter(list[_Row])


def test_string_and_number_forms_give_the_same_decimal() -> None:
    rows = codec.decode(_ROWS, b'[{"price":"0.1","qty":0.1,"orderId":1}]')
    assert rows[0].price == Decimal("0.1")
    assert rows[0].qty == Decimal("0.1")
    assert str(rows[0].qty) == "0.1"


def test_long_fraction_survives_exactly() -> None:
    data = b'[{"price":0.30000000000000000001,"qty":"1","orderId":7}]'
    assert codec.needs_exact_path(data)
    assert codec.decode(_ROWS, data)[0].price == Decimal("0.30000000000000000001")


def test_nineteen_digit_order_id_kept_exactly_as_string() -> None:
    data = b'[{"price":"1","qty":"1","orderId":1742930526912864656}]'
    assert codec.decode(_ROWS, data)[0].orderId == "1742930526912864656"


def test_dumps_renders_decimal_as_string() -> None:
    assert codec.dumps({"p": Decimal("0.00000001")}) == b'{"p":"0.00000001"}'


def test_loads_keeps_fractions_exact() -> None:
    assert codec.loads(b'{"a":1.10}')["a"] == Decimal("1.10")


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("1E-8"), "0.00000001"), (Decimal("100"), "100"), (Decimal("1.2300"), "1.23"), (Decimal("-0"), "0"),
     (Decimal("1E+3"), "1000")],
)
def test_format_decimal_positional(value: Decimal, text: str) -> None:
    assert format_decimal(value) == text


def test_to_decimal_forms() -> None:
    assert to_decimal("2.5") == Decimal("2.5")
    assert to_decimal(3) == Decimal(3)
    assert to_decimal(0.1) == Decimal("0.1")
    with pytest.raises(TypeError):
        to_decimal(True)
    with pytest.raises(ValueError):
        to_decimal("abc")
