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
    ("４２", "42"), (" 42 ", "42"), ("1,234", "1234"), ("１，２３４", "1234"), ("\u3000４２\u3000", "42"), ("−5", "-5"),
    ("１．５", "1.5"), ("－３", "-3"), ("1,234,567.5", "1234567.5"),
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


@pytest.mark.parametrize("text, named", [
    ("1²", "“²”（U+00B2）"), ("２⁵", "“⁵”（U+2075）"), ("①", "“①”（U+2460）"), ("1 2", "空格（U+0020）"),
    ("22³", "“³”（U+00B3）"), ("4\u30002", "空格（U+3000）"), ("1\u200b2", "不可见字符 U+200B"), ("٣", "“٣”（U+0663）"),
    ("१२", "“१”（U+0967）"), ("1½", "“½”（U+00BD）"), ("Ⅻ", "“Ⅻ”（U+216B）"), ("12。5", "“。”（U+3002）"),
    ("1\n2", "换行（U+000A）"),
])
def test_look_alikes_are_refused_naming_the_character(text, named):
    """NFKC used to read these as digits (1² → 12, ① → 1, 1 2 → 12, 22³ → 223): now refused, the character named."""
    with pytest.raises(InputError) as caught:
        to_decimal(text)
    assert caught.value.zh.endswith(f"”不是数字：不能含有{named}")
    assert "\n" not in str(caught.value)  # an invisible character is shown as \uXXXX: the message stays one line
    if text.isprintable():
        assert caught.value.zh.startswith(f"“{text}”")
    assert f"U+{named.split('U+')[1][:4]}" in caught.value.en


@pytest.mark.parametrize("text, zh", [("1,23", "千位分隔符"), ("12..3", "一个小数点"), ("1-2", "最前面"),
                                      ("１，２３", "千位分隔符")])
def test_misplaced_marks_are_named(text, zh):
    with pytest.raises(InputError, match=zh):
        to_decimal(text)


_LOOK_ALIKES = st.characters(blacklist_categories=("Cs",)).filter(
    lambda ch: ch not in "0123456789.,+-−．，＋－" and not 0xFF10 <= ord(ch) <= 0xFF19 and not ch.isspace())


@given(st.integers(0, 10**6), _LOOK_ALIKES, st.integers(0, 7))
def test_any_other_character_inside_a_number_is_refused(number, odd, where):
    """Whatever NFKC or str.isdigit would make of it, a character outside the accepted set is never read."""
    digits = str(number)
    text = digits[:where] + odd + digits[where:]
    with pytest.raises(InputError, match="不是数字"):
        to_decimal(text)


@given(st.integers(-10**12, 10**12), st.booleans(), st.booleans())
def test_grouped_and_full_width_numbers_read_exactly(number, grouped, wide):
    text = f"{number:,}" if grouped else str(number)
    if wide:
        text = "".join(chr(0xFF10 + int(c)) if c.isdigit() else {",": "，", "-": "－"}[c] for c in text)
    assert to_decimal(text) == number


@pytest.mark.parametrize("raw, scale", [("-0", 0), ("-0", 2), ("-0.00", 2), ("－０", 2), (Decimal("-0.000"), 2),
                                        ("+0.0", 1)])
def test_minus_zero_is_zero(raw, scale):
    """-0 is stored as 0; it must read, compare and audit as 0 too (it was audited as -0.00)."""
    value = parse_exact(raw, scale)
    assert value_text(value) == value_text(from_scaled(0, scale))
    assert not value_text(value).startswith(("-", "+"))
