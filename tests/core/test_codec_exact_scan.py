"""The dot-anchored long-fraction scan in core/codec.py decides exactly like a plain digit count."""

import re
from decimal import Decimal
from typing import ClassVar

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from venuekit.core import codec

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
_OLD = re.compile(rb"(?=[0-9.]{17})[0-9]*\.[0-9]+")  # the scan it replaced (a look-ahead at every byte)


_EXPONENT_TOKEN = re.compile(rb"(?:^|(?<=[ \t\r\n:,\[]))-?[0-9.]*[0-9][eE][-+]?[0-9]")


def reference(data: bytes) -> bool:
    """Some `.` has at least 16 digits next to it (those right before plus those right after), or a number
    token (after a delimiter or at the start) has an exponent."""
    if _EXPONENT_TOKEN.search(data):
        return True
    for i, byte in enumerate(data):
        if byte != ord("."):
            continue
        before = 0
        while i - before - 1 >= 0 and data[i - before - 1 : i - before].isdigit():
            before += 1
        after = 0
        while i + after + 1 < len(data) and data[i + after + 1 : i + after + 2].isdigit():
            after += 1
        if before + after >= 16:
            return True
    return False


jsonish = st.text(alphabet='0123456789.0123456789.",:-+eE[]{} x\n', max_size=120).map(str.encode)
digits = st.text(alphabet="0123456789", max_size=24)


@SETTINGS
@given(jsonish)
@example(b'{"p":0.30000000000000000001}')
@example(b'[1234567890123456.0,"x"]')
@example(b"123456789012345.6")
@example(b"12345678901234.5")
@example(b"43.25544.93")
@example(b'{"v":2e400}')
@example(b'[-1E-400]')
@example(b'{"id":"vk13e4","n":1}')
@example(b'"12e5"')
def test_scan_matches_reference_on_random_text(data: bytes) -> None:
    assert codec.needs_exact_path(data) is reference(data)


@SETTINGS
@given(st.lists(st.tuples(st.booleans(), digits, digits.filter(bool)), max_size=6))
def test_scan_agrees_with_the_old_pattern_on_json_numbers(numbers: list[tuple[bool, str, str]]) -> None:
    """On valid JSON number literals (`-?d+.d+`) the new scan and the old look-ahead decide alike."""
    body = ("[" + ",".join(f"{'-' if neg else ''}{whole or '0'}.{frac}" for neg, whole, frac in numbers) + "]")
    data = body.encode()
    assert codec.needs_exact_path(data) is (_OLD.search(data) is not None)


@SETTINGS
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_decode_is_exact_for_every_decimal_literal(value: Decimal) -> None:
    literal = format(value, "f")
    if "." not in literal:
        literal += ".0"
    assert codec.decode(TypeAdapter(list[Decimal]), f"[{literal}]".encode()) == [Decimal(literal)]


exponent_literals = st.builds(
    lambda neg, whole, frac, exp: f"{'-' if neg else ''}{whole.lstrip('0') or '0'}{frac}{exp}",
    st.booleans(), st.text(alphabet="0123456789", min_size=1, max_size=25),
    st.one_of(st.just(""), st.text(alphabet="0123456789", min_size=1, max_size=25).map(lambda d: "." + d)),
    st.builds(lambda e, sign, n: f"{e}{sign}{n}", st.sampled_from("eE"), st.sampled_from(["", "+", "-"]),
              st.integers(0, 450)),
)


@SETTINGS
@given(exponent_literals)
@example("2e400")
@example("1e-400")
@example("12345678901234567891e5")
def test_exponent_literals_decode_exactly(literal: str) -> None:
    assert codec.needs_exact_path(f'{{"a":[{literal}]}}'.encode())
    assert codec.decode(TypeAdapter(dict[str, list[Decimal]]), f'{{"a":[{literal}]}}'.encode()) == {
        "a": [Decimal(literal)]}


_BARE_SIGN_EXPONENT = re.compile(rb"(?:^|(?<=[ \t\r\n:,\[]))-?[0-9.]*[0-9][eE][-+]")


def scan_rule(data: bytes) -> bool:
    """`reference`, plus an exponent sign with no digit after it (`[1e-]`): not JSON, so both paths reject the
    body; the scan has always counted it (one character class for the sign and the digit)."""
    return reference(data) or _BARE_SIGN_EXPONENT.search(data) is not None


#: Digit runs of any length around dots, exponent letters and delimiters: the cases where the cheap prefilters
#: (`_FRACTION_HINT`, the one-digit `0e` candidates) must not change the decision.
number_runs = st.lists(
    st.one_of(st.text(alphabet="0123456789", min_size=1, max_size=20), st.sampled_from(list('.eE-+",:[ x'))),
    max_size=40,
).map(lambda parts: "".join(parts).encode())


@SETTINGS
@given(number_runs)
@example(b"1234567.123456789")
@example(b"12345678.1234567")
@example(b"1234567.12345678")
@example(b"[1.5e0e5]")
@example(b'"x",0e+1')
@example(b"0e-")
def test_prefilters_keep_the_reference_decision(data: bytes) -> None:
    digits = data.translate(codec._ONE_DIGIT)
    assert codec.needs_exact_path(data) is scan_rule(data)
    assert codec._long_fraction(data, digits) is (codec._LONG_FRACTION.search(data) is not None)
    if codec._FRACTION_HINT.search(digits) is None and codec._EXPONENT.search(digits) is None:
        assert not scan_rule(data)


@SETTINGS
@given(number_runs)
@example(b"0e1000000000000000000")
@example(b"0e-")
def test_decode_takes_the_exact_path_exactly_when_needed(data: bytes) -> None:
    """For a type with unguarded Decimals (`core/types/fast_decimal.py`), the decoder validates through the exact
    path iff the scan says so (the runs inside `[...]`)."""
    body = b"[" + data.replace(b"\\", b"").replace(b'"', b"") + b"]"
    calls: list[str] = []

    class Spy:
        def validate_json(self, raw: bytes) -> str:
            calls.append("json")
            return "json"

        def validate_python(self, value: object) -> str:
            calls.append("python")
            return "python"

    class Adapter:
        validator = Spy()
        core_schema: ClassVar[dict[str, str]] = {"type": "decimal"}

        def rebuild(self) -> None:
            return None

    try:
        codec.JsonDecoder(Adapter())(body)  # type: ignore[arg-type]
    except (ValueError, ArithmeticError):  # only the exact path parses in Python (`Decimal("0e10000…")` raises)
        assert scan_rule(body) and not calls
        return
    assert calls == (["python"] if scan_rule(body) else ["json"])
