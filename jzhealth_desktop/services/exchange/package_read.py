"""Open a package file and check its form: zip safety, manifest, checksums, row shapes.

Nothing here looks at the store; ``preview`` checks the rows against the
catalogue, the org units and what the store holds. Every refusal names the
member (and row) at fault.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, Callable, TypeVar, cast

from ...domain.errors import InputError
from ...fileio import read_input_file
from ...domain.periods import MAX_YEAR, MIN_YEAR
from . import manifest as limits
from .collector import collector_paused
from .manifest import (CONTEXT, CONTEXT_KEYS, DATA_MEMBERS, FORMAT, FORMAT_VERSION, MANIFEST, MANIFEST_KEYS,
                       SHA256, SIGNATURE, SIGNATURE_KEYS, STATION_KEYS, STATUS_KEYS, SUBMISSIONS, TARGET_KEYS,
                       TARGETS, VALUE_KEYS, VALUES)
from .records import FileRefused, Incoming, StatusRow, TargetRow, ValueRow, ValueRows, refuse_listing
from .signing import ALGORITHM, is_public_key, verify
from .safe_zip import check_entries, check_sizes, open_zip, read_member
from .strict_json import load_flat_rows, load_json

MAX_TEXT = 4000
# What ``_text`` refuses, in one pattern: control characters (but tab and line breaks) and lone surrogates
# (text that is not valid UTF-8). Lets a well-formed row pass with one regex search instead of a loop per character.
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_package_file(path: str | Path) -> Incoming:
    path = Path(path)
    try:  # missing, a folder, a device, too large: refused by name before reading
        data = read_input_file(path, limits.MAX_FILE)
    except InputError as exc:
        raise FileRefused(exc.zh, exc.en) from None
    return read_package(data, path.name)


def read_package(data: bytes, name: str = "数据包") -> Incoming:
    with collector_paused():
        return _read_package(data, name)


def _read_package(data: bytes, name: str) -> Incoming:
    what = f"数据包“{name}”"
    if len(data) > limits.MAX_FILE:
        raise FileRefused(f"{what}过大（{len(data)} 字节，上限 {limits.MAX_FILE}）", f"package '{name}' is too large")
    zf = open_zip(data, what)
    with zf:
        entries = check_entries(zf, what)
        if MANIFEST not in entries:
            raise FileRefused(f"{what}缺少成员“{MANIFEST}”，不是本程序的数据包", f"package '{name}' has no '{MANIFEST}'; not a jzhealth package")
        check_sizes(entries, what)
        manifest_bytes = read_member(zf, entries[MANIFEST], what)
        manifest = _manifest(load_json(manifest_bytes, MANIFEST))
        if SIGNATURE not in entries:
            raise FileRefused(f"{what}没有签名（缺少成员“{SIGNATURE}”），不能确认它来自哪个站点，未导入",
                              f"package '{name}' is not signed (no '{SIGNATURE}'); its origin cannot be confirmed")
        _check_signature(load_json(read_member(zf, entries[SIGNATURE], what), SIGNATURE), manifest, manifest_bytes)
        missing = [m for m in DATA_MEMBERS if m not in entries]
        extra = sorted(n for n in entries if n not in (MANIFEST, SIGNATURE) and n not in DATA_MEMBERS)
        if missing:
            raise FileRefused(f"{what}缺少成员：{'、'.join(missing)}", f"package '{name}' lacks member(s): {', '.join(missing)}")
        if extra:
            shown = [repr(n)[1:-1] for n in extra]
            raise FileRefused(f"{what}含有多余的成员：{'、'.join(shown)}", f"package '{name}' holds unexpected member(s): {', '.join(shown)}")
        raw = {m: read_member(zf, entries[m], what) for m in DATA_MEMBERS}
    for member in DATA_MEMBERS:
        if hashlib.sha256(raw[member]).hexdigest() != manifest["members"][member]:
            raise FileRefused(f"成员“{member}”的校验和与清单不符，文件已损坏或被改动",
                              f"checksum of '{member}' does not match the manifest: the file is damaged or was altered")
    incoming = Incoming(kind="package", sha256=hashlib.sha256(data).hexdigest(), org=manifest["org"],
                        years=manifest["years"], catalogue_version=manifest["catalogue_version"],
                        station=manifest["station"], created=manifest["created"], name=name,
                        signer_key=manifest["station"]["public_key"])
    problems: list[tuple[str, str]] = []
    incoming.values = _value_rows(raw[VALUES], problems)
    incoming.statuses = _rows(load_json(raw[SUBMISSIONS], SUBMISSIONS), SUBMISSIONS, STATUS_KEYS, _status_row, problems)
    incoming.targets = _rows(load_json(raw[TARGETS], TARGETS), TARGETS, TARGET_KEYS, _target_row, problems)
    incoming.context = _rows(load_json(raw[CONTEXT], CONTEXT), CONTEXT, CONTEXT_KEYS, _context_row, problems)
    if problems:
        raise refuse_listing("数据包内容格式有误，未导入", "the package's rows are malformed; nothing imported", problems)
    counts = manifest["counts"]
    for key, rows, member in (("values", incoming.values, VALUES), ("submissions", incoming.statuses, SUBMISSIONS),
                              ("targets", incoming.targets, TARGETS), ("context", incoming.context, CONTEXT)):
        if counts[key] != len(rows):
            raise FileRefused(f"成员“{member}”有 {len(rows)} 条，清单记载 {counts[key]} 条",
                              f"'{member}' holds {len(rows)} rows but the manifest says {counts[key]}")
    return incoming


def _bad(zh: str, en: str) -> FileRefused:
    return FileRefused(f"清单“{MANIFEST}”{zh}", f"'{MANIFEST}' {en}")


def _manifest(doc: object) -> dict[str, Any]:
    if not isinstance(doc, dict):
        raise _bad("不是一个 JSON 对象", "is not a JSON object")
    if doc.get("format") != FORMAT:
        raise _bad("不是本程序的数据包清单（format 不符）", "is not a jzhealth package manifest (wrong 'format')")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _bad(f"的格式版本“{version}”无法识别", f"has an unknown format version '{version}'")
    if version < FORMAT_VERSION:  # version 1 packages were not signed
        raise _bad(f"的格式版本为 {version}：这是旧版本程序导出的未签名数据包，不能确认来源；请对方升级程序后重新导出",
                   f"has format version {version}: an unsigned package of an older program; its origin cannot be "
                   "confirmed, ask the sender to upgrade and export again")
    if version > FORMAT_VERSION:
        raise _bad(f"的格式版本为 {version}，本程序只支持到 {FORMAT_VERSION}，请先升级程序",
                   f"has format version {version}; this program reads up to {FORMAT_VERSION}: please upgrade")
    missing = sorted(MANIFEST_KEYS - set(doc))
    if missing:
        raise _bad(f"缺少项目：{'、'.join(missing)}", f"lacks: {', '.join(missing)}")
    for key in ("program_version", "catalogue_version", "org", "created"):
        if not isinstance(doc[key], str) or not doc[key].strip() or len(doc[key]) > 64:
            raise _bad(f"的“{key}”无效", f"has an invalid '{key}'")
    try:
        datetime.fromisoformat(doc["created"].replace("Z", "+00:00"))
    except ValueError:
        raise _bad("的创建时间无效", "has an invalid 'created' time") from None
    years = doc["years"]
    if (not isinstance(years, list) or not years or len(years) > MAX_YEAR - MIN_YEAR + 1
            or not all(_is_int(y) and MIN_YEAR <= y <= MAX_YEAR for y in years) or len(set(years)) != len(years)):
        raise _bad("的年份列表无效", "has an invalid list of years")
    station = doc["station"]
    if (not isinstance(station, dict) or set(station) != STATION_KEYS
            or not all(isinstance(station[k], str) and len(station[k]) <= 64 for k in STATION_KEYS)
            or _BAD_CHAR.search("".join(station.values()))):
        raise _bad("的站点信息无效", "has an invalid station identity")
    if not is_public_key(station["public_key"]):
        raise _bad("的签名公钥无效", "has an invalid signing key")
    counts = doc["counts"]
    if not isinstance(counts, dict) or set(counts) != {"values", "submissions", "targets", "context"} \
            or not all(_is_int(v) and v >= 0 for v in counts.values()):
        raise _bad("的条数统计无效", "has invalid counts")
    members = doc["members"]
    if not isinstance(members, dict):
        raise _bad("的成员校验和无效", "has invalid member checksums")
    listed = set(members)
    if listed != set(DATA_MEMBERS):
        raise _bad(f"列出的成员与本格式不符：{'、'.join(sorted(repr(m)[1:-1] for m in listed ^ set(DATA_MEMBERS)))}",
                   f"lists members that do not fit the format: {', '.join(sorted(repr(m)[1:-1] for m in listed ^ set(DATA_MEMBERS)))}")
    if not all(isinstance(v, str) and SHA256.fullmatch(v) for v in members.values()):
        raise _bad("的校验和不是 SHA-256", "has checksums that are not SHA-256")
    return doc


def _check_signature(doc: object, manifest: dict[str, Any], manifest_bytes: bytes) -> None:
    """The station's signature over the manifest's exact bytes, made with the key the manifest names. Whether
    that key is the one this station knows for the sender is the preview's question (``trust``)."""
    if not isinstance(doc, dict) or set(doc) != SIGNATURE_KEYS or doc.get("algorithm") != ALGORITHM:
        raise FileRefused(f"签名“{SIGNATURE}”格式无效，未导入", f"the signature '{SIGNATURE}' is malformed; nothing imported")
    if not verify(manifest["station"]["public_key"], doc["signature"], manifest_bytes):
        raise FileRefused("数据包的签名不符：文件在导出之后被改动过（或已损坏），未导入；请县级站重新导出",
                          "the package's signature does not match: the file was changed after export (or is "
                          "damaged); nothing imported, ask for a fresh export")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_Row = TypeVar("_Row")


def _rows(doc: object, member: str, keys: frozenset[str], build: Callable[[dict[str, Any], str], _Row],
          problems: list[tuple[str, str]]) -> list[_Row]:
    if not isinstance(doc, list):
        raise FileRefused(f"成员“{member}”应为列表", f"member '{member}' should be a list")
    rows = []
    for index, row in enumerate(doc, start=1):
        where = f"{member} 第{index}条"
        if not isinstance(row, dict) or row.keys() != keys:
            got = sorted(row) if isinstance(row, dict) else type(row).__name__
            problems.append((f"{where}：应含且只含 {'、'.join(sorted(keys))}（实为 {got}）",
                             f"{member} row {index}: must hold exactly {', '.join(sorted(keys))} (got {got})"))
            continue
        try:
            rows.append(build(row, where))
        except FileRefused as exc:
            problems.append((f"{where}：{exc.zh}", f"{member} row {index}: {exc.en}"))
    return rows


def _value_rows(raw: bytes, problems: list[tuple[str, str]]) -> ValueRows:
    rows = _well_formed_value_rows(raw)
    if rows is None:  # some row is not as the exporter writes it: row by row, naming each problem
        rows = ValueRows.of(_rows(load_json(raw, VALUES), VALUES, VALUE_KEYS, _value_row, problems))
    return rows


_COLUMNS = tuple(itemgetter(key) for key in ("org", "year", "code", "value", "comment"))


def _well_formed_value_rows(raw: bytes) -> ValueRows | None:
    """``values.json`` read a column at a time, when every row is well formed; None as soon as anything is not
    so (then ``load_json`` and ``_rows`` read it strictly and name the problem). A few passes in C over the
    rows instead of a Python call per row and per object. Accepts only what those take without a
    problem, and gives the same rows (tests/exchange/test_exchange_read_columns.py)."""
    doc = load_flat_rows(raw, len(VALUE_KEYS))
    if doc is None:
        return None
    try:  # five keys, each of the five present: exactly VALUE_KEYS
        orgs, years, codes, values, comments = (tuple(map(column, doc)) for column in _COLUMNS)
    except KeyError:
        return None
    if not doc:
        return ValueRows((), (), (), (), (), member=VALUES)
    if not (_texts_fit(orgs, 12, distinct=True) and _texts_fit(codes, 60, distinct=True)
            and _texts_fit(comments, MAX_TEXT, distinct=False)):
        return None
    if set(map(type, years)) != {int} or min(years) < MIN_YEAR or max(years) > MAX_YEAR:
        return None  # type() is int: a bool is not a year
    kinds = set(map(type, values))
    if not kinds <= {int, str}:
        return None
    texts = values if kinds == {str} else [v for v in values if type(v) is str]
    if texts and max(map(len, texts)) > 40:
        return None
    return ValueRows(orgs, years, codes, values, comments, member=VALUES)


def _texts_fit(column: tuple[object, ...], limit: int, distinct: bool) -> bool:
    """Every entry is text of at most ``limit`` characters that ``_text`` takes. Codes repeat: their distinct
    values are checked (equal texts pass or fail alike)."""
    if set(map(type, column)) != {str}:
        return False
    texts = cast("set[str] | tuple[str, ...]", set(column) if distinct else column)  # all str: checked above
    return max(map(len, texts)) <= limit and not _BAD_CHAR.search("".join(texts))


def _text(row: dict[str, Any], key: str, limit: int = MAX_TEXT) -> str:
    value = row[key]
    if not isinstance(value, str):
        raise FileRefused(f"“{key}”应为文本", f"'{key}' must be text")
    if len(value) > limit:
        raise FileRefused(f"“{key}”过长", f"'{key}' is too long")
    if _BAD_CHAR.search(value):
        if _SURROGATE.search(value):  # cannot be encoded as UTF-8
            raise FileRefused(f"“{key}”含无效字符", f"'{key}' holds invalid characters")
        raise FileRefused(f"“{key}”含控制字符", f"'{key}' holds control characters")
    return value


def _year(row: dict[str, Any]) -> int:
    year: int = row["year"]
    if not _is_int(year) or not MIN_YEAR <= year <= MAX_YEAR:
        raise FileRefused(f"年份“{year}”无效", f"year '{year}' is invalid")
    return year


def _number(row: dict[str, Any]) -> object:
    value = row["value"]
    if _is_int(value):
        return value
    if isinstance(value, str) and len(value) <= 40:
        return value
    raise FileRefused("数值应为文本形式的精确数字", "'value' must be an exact number written as text")


def _value_row(row: dict[str, Any], where: str) -> ValueRow:
    org, year, code, value, comment = row["org"], row["year"], row["code"], row["value"], row["comment"]
    # fast path: a well-formed row passes every check below at once; anything else takes the checks one by one
    if (type(org) is str and type(code) is str and type(comment) is str and type(year) is int
            and MIN_YEAR <= year <= MAX_YEAR and len(org) <= 12 and len(code) <= 60 and len(comment) <= MAX_TEXT
            and (type(value) is int or type(value) is str and len(value) <= 40)
            and not _BAD_CHAR.search(org + code + comment)):
        return ValueRow(org, year, code, value, comment, where)
    return ValueRow(_text(row, "org", 12), _year(row), _text(row, "code", 60), _number(row),
                    _text(row, "comment"), where)


def _context_row(row: dict[str, Any], where: str) -> tuple[str, int, str, object]:
    return _text(row, "org", 12), _year(row), _text(row, "code", 60), _number(row)


def _status_row(row: dict[str, Any], where: str) -> StatusRow:
    return StatusRow(_text(row, "org", 12), _year(row), _text(row, "domain", 40), _text(row, "status", 12),
                     _text(row, "reason"), where)


def _target_row(row: dict[str, Any], where: str) -> TargetRow:
    return TargetRow(_text(row, "org", 12), _year(row), _text(row, "code", 60), _number(row),
                     _text(row, "comparison", 2), where)
