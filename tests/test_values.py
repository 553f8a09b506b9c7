from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.domain.values import (MAX_DIGITS, fit_scale, from_scaled, normalise_text, parse_exact, to_decimal,
                                            to_scaled, value_text)


def test_money_round_trips_byte_for_byte():
    value = fit_scale(to_decimal("8465.01"), 2)
    num = to_scaled(value, 2)
    assert num == 846501
    back = from_scaled(num, 2)
    assert value_text(back) == "8465.01"
    assert isinstance(back, Decimal)


@pytest.mark.parametrize("text, expected", [
    ("４２", "42"), (" 42 ", "42"), ("1,234", "1234"), ("１，２３４", "1234"), ("4\u30002", "42"), ("−5", "-5"),
])
def test_normalise_accepts_what_clerks_type(text, expected):
    assert normalise_text(text) == expected


@pytest.mark.parametrize("bad", ["abc", "1,23", "4 2x", "", "1e5", "NaN", "12..3"])
def test_not_a_number_is_refused(bad):
    with pytest.raises(InputError):
        to_decimal(bad)


def test_float_is_refused_outright():
    with pytest.raises(TypeError):
        to_decimal(0.1)


def test_fraction_in_count_refused_but_integral_decimal_accepted():
    with pytest.raises(InputError, match="整数"):
        fit_scale(to_decimal("42.5"), 0)
    assert fit_scale(to_decimal("42.0"), 0) == 42
    assert isinstance(fit_scale(to_decimal("42"), 0), int)


def test_more_decimals_than_scale_refused_not_rounded():
    with pytest.raises(InputError, match="2 位小数"):
        fit_scale(to_decimal("8465.015"), 2)
    assert value_text(fit_scale(to_decimal("8465.1"), 2)) == "8465.10"


@given(st.integers(min_value=-10**15, max_value=10**15), st.integers(min_value=0, max_value=6))
def test_scaled_integers_round_trip(num, scale):
    value = from_scaled(num, scale)
    assert to_scaled(value, scale) == num
    assert to_decimal(value_text(value)) == Decimal(value)


@pytest.mark.parametrize("raw, scale", [
    ("9" * 17, 0), (str(2**64), 0), (10**30, 0), ("1" * 40, 2), ("999999999999999.99", 2), (Decimal("1E+30"), 0),
    ("１" * 20, 0),
])
def test_too_large_to_store_is_refused_plainly(raw, scale):
    with pytest.raises(InputError, match="数值过大") as caught:
        parse_exact(raw, scale)
    assert "too large" in caught.value.en


@pytest.mark.parametrize("raw, scale, expected", [
    ("9" * 16, 0, "9" * 16), ("99999999999999.99", 2, "99999999999999.99"), ("0" * 30 + "7", 0, "7"),
    ("-" + "9" * 16, 0, "-" + "9" * 16), (Decimal("0E+40"), 0, "0"), ("90071992547409.93", 2, "90071992547409.93"),
])
def test_largest_storable_values_are_kept_exactly(raw, scale, expected):
    value = parse_exact(raw, scale)
    assert value_text(value) == expected
    assert abs(to_scaled(value, scale)) < 10**MAX_DIGITS


@given(st.integers(min_value=-10**20, max_value=10**20), st.integers(min_value=0, max_value=4))
def test_parse_exact_refuses_exactly_what_does_not_fit(num, scale):
    text = value_text(from_scaled(num, scale))
    if abs(num) < 10**MAX_DIGITS:
        assert to_scaled(parse_exact(text, scale), scale) == num
    else:
        with pytest.raises(InputError, match="数值过大"):
            parse_exact(text, scale)
