"""The import's fast paths decide exactly as the checks they shortcut, and the commit's store digest refuses
every change the preview could depend on (and only those)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.domain.values import fit_scale, parse_exact, to_decimal
from jzhealth_desktop.services.exchange import FileRefused, build_preview, commit_import, read_package
from jzhealth_desktop.services.exchange import package_read
from jzhealth_desktop.services.exchange.records import ValueRow
from jzhealth_desktop.services.forms import read_form, save_form

from .conftest import COUNTY, OTHER, YEAR, with_rows

TRICKY = ["\ud800", "\udfff", "\x00", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\n", "\t", "\r", "\x7f", " ", "４",
          "²", "−", ",", ".", "-", "+", "0", "9", "e", "_", "\u3000"]
texts = st.text(st.one_of(st.characters(), st.sampled_from(TRICKY)), max_size=12)


def outcome(fn, *args):
    try:
        return ("ok", fn(*args))
    except (FileRefused, InputError) as exc:
        return ("refused", exc.zh, exc.en)


def reference_text(row: dict, key: str, limit: int = package_read.MAX_TEXT) -> str:
    """The per-character checks ``_text`` made before its one-regex form."""
    value = row[key]
    if not isinstance(value, str):
        raise FileRefused(f"“{key}”应为文本", f"'{key}' must be text")
    if len(value) > limit:
        raise FileRefused(f"“{key}”过长", f"'{key}' is too long")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise FileRefused(f"“{key}”含无效字符", f"'{key}' holds invalid characters") from None
    if any(ord(ch) < 32 and ch not in "\n\t\r" for ch in value):
        raise FileRefused(f"“{key}”含控制字符", f"'{key}' holds control characters")
    return value


@settings(max_examples=400)
@given(texts)
def test_text_check_matches_the_per_character_check(value):
    assert outcome(package_read._text, {"k": value}, "k") == outcome(reference_text, {"k": value}, "k")


def reference_value_row(row: dict, where: str) -> ValueRow:
    return ValueRow(package_read._text(row, "org", 12), package_read._year(row), package_read._text(row, "code", 60),
                    package_read._number(row), package_read._text(row, "comment"), where)


fields = st.one_of(texts, st.integers(-5, 3000), st.booleans(), st.none(), st.just("x" * 61), st.just(2021))


@settings(max_examples=400)
@given(org=st.one_of(st.just(COUNTY), fields), year=st.one_of(st.just(YEAR), fields),
       code=st.one_of(st.just("ec_beds"), fields), value=st.one_of(st.just("12.50"), fields, st.just("1" * 41)),
       comment=st.one_of(st.just(""), fields))
def test_value_row_fast_path_matches_the_field_by_field_checks(org, year, code, value, comment):
    row = {"org": org, "year": year, "code": code, "value": value, "comment": comment}
    fast, slow = outcome(package_read._value_row, row, "w"), outcome(reference_value_row, row, "w")
    assert fast == slow
    if fast[0] == "ok":
        assert type(fast[1].year) is type(slow[1].year) and type(fast[1].value) is type(slow[1].value)


numbers = st.one_of(texts, st.from_regex(r"[+-]?[0-9]{1,6}(\.[0-9]{1,4})?", fullmatch=True),
                    st.integers(-10**6, 10**6))


@settings(max_examples=600)
@given(raw=numbers, scale=st.sampled_from([0, 1, 2, 4]))
def test_parse_exact_is_fit_scale_of_to_decimal(raw, scale):
    fast, slow = outcome(parse_exact, raw, scale), outcome(lambda r, s: fit_scale(to_decimal(r), s), raw, scale)
    assert fast == slow
    if fast[0] == "ok":
        assert type(fast[1]) is type(slow[1]) and str(fast[1]) == str(slow[1])


def test_duplicate_key_still_named(city_ctx, package):
    from jzhealth_desktop.services.exchange.strict_json import load_json

    with pytest.raises(FileRefused, match="键“year”重复出现"):
        load_json(b'[{"org": "a", "year": 1, "year": 2}]', "values.json")
    assert load_json(b'[{"org": "a", "year": 1}]', "values.json") == [{"org": "a", "year": 1}]


def test_store_change_outside_the_files_rows_still_refuses_the_commit(city_ctx, city_path, package, snapshot):
    """The hard rules check the file's values against what is stored beside them: any change to the stored rows
    of the file's org units and years after the preview refuses, not only changes to the rows the file holds."""
    smaller = with_rows(package, "values.json", lambda rows: [r for r in rows if r["code"] != "ec_beds"])
    preview = build_preview(city_ctx, read_package(smaller))
    assert all(i.code != "ec_beds" for g in preview.groups for group in g.items.values() for i in group)
    save_form(city_ctx, COUNTY, YEAR, "eldercare", {"ec_beds": "5"})
    before = snapshot(city_path)
    with pytest.raises(FileRefused, match="预览之后"):
        commit_import(city_ctx, preview)
    assert snapshot(city_path) == before


def test_store_change_outside_the_files_org_units_does_not_refuse(city_ctx, package):
    preview = build_preview(city_ctx, read_package(package))
    save_form(city_ctx, OTHER, YEAR, "eldercare", {"ec_beds": "5"})
    result = commit_import(city_ctx, preview)
    assert result.changed == len(preview.to_apply()) > 0
    assert read_form(city_ctx, COUNTY, YEAR, "eldercare").values["ec_beds"] == 260


def test_status_change_after_preview_refuses_the_commit(city_ctx, city_path, package, snapshot):
    from .conftest import set_status

    preview = build_preview(city_ctx, read_package(package))
    set_status(city_ctx, COUNTY, YEAR, "telemedicine", "approved")
    before = snapshot(city_path)
    with pytest.raises(FileRefused, match="预览之后"):
        commit_import(city_ctx, preview)
    assert snapshot(city_path) == before
