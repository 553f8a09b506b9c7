"""Reading ``values.json`` a column at a time decides and reads exactly as the strict row-by-row reading it
shortcuts: whatever it takes, the strict reading takes too, with the same rows; the exporter's files take it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jzhealth_desktop.services.exchange import FileRefused, read_package
from jzhealth_desktop.services.exchange import package_read
from jzhealth_desktop.services.exchange.manifest import VALUE_KEYS, VALUES
from jzhealth_desktop.services.exchange.records import ValueRow, ValueRows
from jzhealth_desktop.services.exchange.strict_json import load_flat_rows, load_json

from .conftest import COUNTY, YEAR, members_of, with_rows

TRICKY = ["\ud800", "\x00", "\x1f", "\n", "\t", ":", '"', "\\", "/", "４", "−", ",", ".", "-", "0", "9", "e", "中",
          "\u3000", "：", "{", "}"]
texts = st.text(st.one_of(st.characters(), st.sampled_from(TRICKY)), max_size=8)
fields = st.one_of(texts, st.integers(-5, 3000), st.booleans(), st.none(), st.just("x" * 61), st.just(YEAR),
                   st.just("1" * 41), st.floats(allow_nan=False, allow_infinity=False), st.just({"a": 1}),
                   st.just([1]))
good_row = st.fixed_dictionaries({"org": st.sampled_from([COUNTY, "410803", "x" * 12]),
                                  "year": st.sampled_from([YEAR, 1949, 2100]),
                                  "code": st.sampled_from(["ec_beds", "imm_clinics", "a" * 60]),
                                  "value": st.sampled_from(["12", "12.50", "-3", "1" * 40, 7, 0]),
                                  "comment": st.sampled_from(["", "说明", "a:b", 'quote"d', "x" * 4000])})
odd_row = st.dictionaries(st.sampled_from(sorted(VALUE_KEYS) + ["extra"]), fields, min_size=4, max_size=6)
rows = st.lists(good_row, max_size=6) | st.lists(st.one_of(good_row, good_row, odd_row, fields), max_size=6)


def outcome(fn, *args):
    try:
        return ("ok", fn(*args))
    except FileRefused as exc:
        return ("refused", exc.zh)


def encode(doc, ensure_ascii: bool, compact: bool, sort_keys: bool) -> bytes:
    separators = (",", ":") if compact else (", ", ": ")
    return json.dumps(doc, ensure_ascii=ensure_ascii, separators=separators, sort_keys=sort_keys).encode("utf-8",
                                                                                                    "surrogatepass")


def strict(raw: bytes):
    """The row-by-row reading: ``load_json`` then ``_rows`` (None where either refuses or finds a problem)."""
    problems: list = []
    try:
        found = package_read._rows(load_json(raw, VALUES), VALUES, VALUE_KEYS, package_read._value_row, problems)
    except FileRefused:
        return None
    return None if problems else found


@settings(max_examples=800, deadline=None)
@given(doc=rows, ensure_ascii=st.booleans(), compact=st.booleans(), sort_keys=st.booleans())
def test_column_reading_takes_only_what_the_strict_reading_takes_and_reads_the_same_rows(doc, ensure_ascii, compact,
                                                                                         sort_keys):
    raw = encode(doc, ensure_ascii, compact, sort_keys)
    fast, slow = package_read._well_formed_value_rows(raw), strict(raw)
    if fast is not None:
        assert slow is not None
        assert list(fast) == slow
        assert [type(r.value) for r in fast] == [type(r.value) for r in slow]
    elif slow is not None and not any(":" in str(v) for row in doc for v in row.values()):
        pytest.fail("a well-formed values.json without ':' in its texts must be read a column at a time")


def pairs_text(pairs) -> str:
    return "{" + ",".join(f"{json.dumps(k)}:{json.dumps(v)}" for k, v in pairs) + "}"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["org", "year", "code", "value", "comment"]), fields),
                         min_size=4, max_size=6), max_size=4))
def test_flat_row_loading_never_lets_a_repeated_key_through(docs):
    raw = ("[" + ",".join(pairs_text(p) for p in docs) + "]").encode("utf-8", "surrogatepass")
    loaded = load_flat_rows(raw, 5)
    if loaded is not None:
        assert outcome(load_json, raw, VALUES) == ("ok", loaded)
        assert all(len({k for k, _ in p}) == len(p) == 5 for p in docs)
    if any(len({k for k, _ in p}) < len(p) for p in docs):
        assert loaded is None
        assert outcome(load_json, raw, VALUES)[0] == "refused"


def test_repeated_key_found_even_when_the_rows_look_right():
    row = '{"code":"ec_beds","comment":"","org":"410802","value":"1","year":2021'
    raw = ("[" + row + ',"year":2021}]').encode()  # six pairs, five keys: a dict of five
    assert load_flat_rows(raw, 5) is None
    with pytest.raises(FileRefused, match="键“year”重复出现"):
        package_read._value_rows(raw, [])


def test_the_exporters_package_is_read_a_column_at_a_time_with_the_same_rows(package, monkeypatch):
    raw = members_of(package)[VALUES]
    assert package_read._well_formed_value_rows(raw) is not None
    fast = read_package(package)
    monkeypatch.setattr(package_read, "_well_formed_value_rows", lambda raw: None)
    slow = read_package(package)
    assert isinstance(fast.values, ValueRows) and len(fast.values) > 50
    assert list(fast.values) == list(slow.values)


def test_a_colon_in_a_comment_takes_the_strict_way_and_reads_the_same(package):
    def colon(rows):
        rows[0]["comment"] = "注: 含冒号"
        return rows

    edited = with_rows(package, VALUES, colon)
    raw = members_of(edited)[VALUES]
    assert package_read._well_formed_value_rows(raw) is None and strict(raw) is not None
    assert read_package(edited).values[0].comment == "注: 含冒号"


def test_value_rows_as_columns():
    rows = [ValueRow("a", 2020, "c", "1", "", "医养结合!D7"), ValueRow("b", 2021, "d", 2, "x", "E8", False)]
    held = ValueRows.of(rows)
    assert len(held) == 2 and list(held) == rows and held[-1] == rows[1] and held.has_comments == (True, False)
    with pytest.raises(IndexError):
        held[2]
    package_rows = ValueRows(("a",), (2020,), ("c",), ("1",), ("",), member=VALUES)
    assert package_rows[0].where == "values.json 第1条" and package_rows.has_comment(0)
    assert list(ValueRows.of([])) == []
