"""The export's values.json is written as text (``_dump_values``); it must be byte-for-byte what ``json.dumps`` of
the same rows as dicts gives (``_dump``), whatever the comments hold, and ``scaled_text`` must be ``value_text``."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from jzhealth_desktop.domain.values import from_scaled, scaled_text, value_text
from jzhealth_desktop.services.exchange.package_export import _dump, _dump_values

# any text without lone surrogates (the store holds UTF-8 text); Chinese, quotes, backslashes, controls are in it
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
AWKWARD = st.sampled_from(["", "说明：偏高", 'a"b', "a\\b", "\\\"", "行1\n行2\t\r", "\x00\x1f\x7f", "\u2028\u2029",
                           "😀", "</script>", "é"])
ROW = st.tuples(st.one_of(AWKWARD, TEXT), st.integers(1900, 2100), st.one_of(AWKWARD, TEXT),
                st.integers(-10**15, 10**15), st.integers(0, 6), st.one_of(AWKWARD, TEXT, st.none()))


def as_dicts(rows):
    """The rows as the export built them before: dicts with the value as ``value_text``."""
    return [{"code": c, "comment": m or "", "org": o, "value": value_text(from_scaled(num, scale)), "year": y}
            for o, y, c, num, scale, m in rows]


@settings(max_examples=300)
@given(st.lists(ROW, max_size=30))
def test_values_json_is_byte_identical_to_json_dumps(rows):
    assert _dump_values(rows) == _dump(as_dicts(rows))


def test_values_json_awkward_comments_round_trip():
    comments = ['引号"与反斜杠\\', "换行\n制表\t回车\r", "\x00\x01\x1f", "", None, "😀 表情", "\u2028"]
    rows = [("410800", 2021, f"A{i:02d}", 12345 * (-1) ** i, i % 4, m) for i, m in enumerate(comments)]
    data = _dump_values(rows)
    assert data == _dump(as_dicts(rows))
    back = json.loads(data)
    assert [r["comment"] for r in back] == [m or "" for m in comments]
    assert [r["value"] for r in back] == ["12345", "-1234.5", "123.45", "-12.345", "12345", "-1234.5", "123.45"]


def test_empty_values_json():
    assert _dump_values([]) == _dump([]) == b"[]"


@given(st.integers(-10**20, 10**20), st.integers(0, 12))
def test_scaled_text_is_value_text(num, scale):
    assert scaled_text(num, scale) == value_text(from_scaled(num, scale))
