"""JSON read strictly: UTF-8 only, no duplicate keys, no NaN/Infinity, no floats, bounded nesting."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from .records import FileRefused


class _Duplicate(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):  # some key came twice: name the first one
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return result


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed")


def load_flat_rows(raw: bytes, width: int) -> list[dict[str, Any]] | None:
    """A JSON list of flat objects of ``width`` keys each (a package's rows), read as ``load_json`` reads it but
    without its Python call for every object; None when the bytes are anything else, or when this reading
    cannot vouch that no key repeats: then ``load_json`` reads them and names any problem.

    A repeated key is found by counting: each key in the text is followed by a ":" outside any string, so the
    text holds at least as many ":" as the rows have keys, and exactly as many only if no key was dropped as a
    repeat (and no ":" is written inside a text, nor any object nested: such a text goes the strict way)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return None
    try:
        text = raw.decode("utf-8")
        doc = json.loads(text, parse_constant=_no_constant, parse_float=Decimal)
    except (ValueError, RecursionError):  # invalid UTF-8 or JSON, NaN, ...: load_json names it
        return None
    if type(doc) is not list:
        return None
    if doc and (set(map(type, doc)) != {dict} or set(map(len, doc)) != {width}):
        return None
    if text.count(":") != width * len(doc):
        return None
    return doc


def load_json(raw: bytes, member: str) -> object:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise FileRefused(f"成员“{member}”以 BOM 开头，不是规范的 UTF-8 JSON", f"member '{member}' starts with a BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileRefused(f"成员“{member}”不是有效的 UTF-8 文本（第 {exc.start} 字节）",
                          f"member '{member}' is not valid UTF-8 (byte {exc.start})") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                          parse_float=Decimal)
    except _Duplicate as exc:
        key = repr(exc.key)[1:-1]
        raise FileRefused(f"成员“{member}”中键“{key}”重复出现", f"member '{member}': key '{key}' appears twice") from None
    except json.JSONDecodeError as exc:
        raise FileRefused(f"成员“{member}”不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
                          f"member '{member}' is not valid JSON (line {exc.lineno} column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise FileRefused(f"成员“{member}”嵌套过深", f"member '{member}' is nested too deeply") from None
    except ValueError as exc:
        raise FileRefused(f"成员“{member}”含有不允许的数值（{exc}）", f"member '{member}' holds a value that is not allowed ({exc})") from None
