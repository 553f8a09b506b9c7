"""A corpus of hostile or broken packages, built here: every one refused whole, with its own message,
and the city store byte-for-byte unchanged."""

from __future__ import annotations

import io
import random
import stat
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jzhealth_desktop.domain.errors import JzError
from jzhealth_desktop.services.exchange import FileRefused, build_preview, commit_import, read_package
from jzhealth_desktop.services.exchange import manifest as limits

from .conftest import COUNTY, OTHER, YEAR, file_sha, members_of, repack, with_rows


def _value(code, value, org=COUNTY, year=YEAR, comment=""):
    return {"org": org, "year": year, "code": code, "value": value, "comment": comment}


def _add(*rows):
    return lambda existing: existing + list(rows)


def _set(code, value):
    def edit(rows):
        return [dict(r, value=value) if r["code"] == code else r for r in rows]
    return edit


def _member(data, name, raw, fix=True):
    members = members_of(data)
    members[name] = raw
    return repack(members, fix_checksums=fix)


def _manifest(data, **changes):
    return repack(members_of(data), manifest=changes)


def _raw_manifest(data, raw):
    members = members_of(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, raw if name == "manifest.json" else body)
    return buffer.getvalue()


def _without(data, name):
    members = members_of(data)
    del members[name]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, body in members.items():
            zf.writestr(n, body)
    return buffer.getvalue()


def _extra(data, name, body=b"x", **attrs):
    return repack(members_of(data), extra=[(name, body, attrs)])


def _duplicate(data):
    members = members_of(data)
    buffer = io.BytesIO()
    with pytest.warns(UserWarning), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, body in members.items():
            zf.writestr(n, body)
        zf.writestr("values.json", b"[]")
    return buffer.getvalue()


def _patch_central(data: bytes, name: bytes, offset: int, value: bytes) -> bytes:
    """Overwrite a field of ``name``'s central-directory header (the record zipfile trusts)."""
    raw = bytearray(data)
    start = raw.find(b"PK\x01\x02")
    while start >= 0:
        name_len = int.from_bytes(raw[start + 28:start + 30], "little")
        if raw[start + 46:start + 46 + name_len] == name:
            raw[start + offset:start + offset + len(value)] = value
            return bytes(raw)
        start = raw.find(b"PK\x01\x02", start + 4)
    raise AssertionError(name)


def _lying_size(data):
    """The central directory says values.json unpacks to 10 bytes; it is longer."""
    return _patch_central(data, b"values.json", 24, (10).to_bytes(4, "little"))


def _encrypted(data):
    """values.json flagged as encrypted (general-purpose bit 0)."""
    return _patch_central(data, b"values.json", 8, b"\x01\x00")


def _deflate_bomb(data):
    """values.json: a valid JSON list padded with 20 MB of spaces (compresses ~1000:1)."""
    return with_padding(data, b"[" + b" " * (20 * 1024 * 1024) + b"]")


def with_padding(data, body):
    members = members_of(data)
    members["values.json"] = body
    return repack(members, manifest={"counts": {"values": 0, "submissions": 0, "targets": 0}},)


def _signature(data, raw):
    members = members_of(data)
    members["signature.json"] = raw
    return repack(members, fix_checksums=False, sign=None)


def _unsigned_edit(data):
    """values.json edited and the checksum in the manifest fixed, as anyone can; the signature left as it was."""
    members = members_of(data)
    members["values.json"] = members["values.json"].replace(b'"260"', b'"999"')
    assert members["values.json"] != members_of(data)["values.json"]
    return repack(members, sign=None)


def _signature_from(data, other):
    """``data`` carrying the signature of another package of the same station."""
    members = members_of(data)
    members["signature.json"] = members_of(other)["signature.json"]
    return repack(members, fix_checksums=False, sign=None)


def _deep(data):
    return _member(data, "values.json", b"[" * 5000 + b"]" * 5000)


CASES = [
    # (id, build(package) -> bytes, part of the expected message)
    ("plain text", lambda d: "这不是数据包".encode(), "不是 zip"),
    ("empty file", lambda d: b"", "不是 zip"),
    ("pdf", lambda d: b"%PDF-1.7\n" + d, "不是 zip"),
    ("truncated", lambda d: d[: len(d) // 2], "已损坏"),
    ("zip header only", lambda d: b"PK\x03\x04" + b"\x00" * 40, "已损坏"),
    ("no manifest", lambda d: _without(d, "manifest.json"), "缺少成员“manifest.json”"),
    ("no values", lambda d: _without(d, "values.json"), "缺少成员：values.json"),
    ("no targets", lambda d: _without(d, "targets.json"), "缺少成员：targets.json"),
    ("extra exe", lambda d: _extra(d, "evil.exe", b"MZ"), "多余的成员：evil.exe"),
    ("extra backup", lambda d: _extra(d, "values.json.bak"), "多余的成员：values.json.bak"),
    ("checksum mismatch", lambda d: _member(d, "values.json", b"[]", fix=False), "校验和与清单不符"),
    ("checksum not hex", lambda d: _manifest(d, members={"values.json": "x" * 64, "submissions.json": "0" * 64,
                                                         "targets.json": "0" * 64, "context.json": "0" * 64}),
     "不是 SHA-256"),
    ("manifest lists other members", lambda d: _manifest(d, members={"values.json": "0" * 64}), "列出的成员与本格式不符"),
    ("newer format", lambda d: _manifest(d, format_version=3), "格式版本为 3"),
    ("unsigned format 1", lambda d: _manifest(d, format_version=1), "未签名数据包"),
    ("no signature", lambda d: _without(d, "signature.json"), "没有签名"),
    ("edited, not signed again", lambda d: repack(members_of(d), manifest={"years": [YEAR]}, sign=None), "签名不符"),
    ("values edited, not signed again", lambda d: _unsigned_edit(d), "签名不符"),
    ("signature of another file", lambda d: _signature_from(d, _manifest(d, created="2020-01-01T00:00:00Z")), "签名不符"),
    ("signature malformed", lambda d: _signature(d, b'{"algorithm":"RSA","signature":"x"}'), "签名“signature.json”格式无效"),
    ("signature not base64", lambda d: _signature(d, b'{"algorithm":"Ed25519","signature":"@@"}'), "签名不符"),
    ("public key not a key", lambda d: repack(members_of(d), manifest={"station": {
        "kind": "county", "org": COUNTY, "operator": "x", "public_key": "AAAA"}}, sign=None), "签名公钥无效"),
    ("format version text", lambda d: _manifest(d, format_version="1"), "格式版本“1”无法识别"),
    ("format version zero", lambda d: _manifest(d, format_version=0), "格式版本“0”无法识别"),
    ("foreign format", lambda d: _manifest(d, format="zip"), "format 不符"),
    ("dot-dot path", lambda d: _extra(d, "../values.json"), "路径含“..”"),
    ("nested dot-dot", lambda d: _extra(d, "data/../../x.json"), "路径含“..”"),
    ("absolute path", lambda d: _extra(d, "/etc/passwd"), "是绝对路径"),
    ("drive path", lambda d: _extra(d, "C:/Windows/win.ini"), "是绝对路径"),
    ("backslash path", lambda d: _extra(d, "a\\b.json"), "反斜杠"),
    ("symlink", lambda d: _extra(d, "link", b"/etc/passwd", external_attr=(stat.S_IFLNK | 0o777) << 16), "符号链接"),
    ("directory", lambda d: _extra(d, "data/", b""), "文件夹"),
    ("duplicate member", _duplicate, "出现了两次"),
    ("encrypted", _encrypted, "已加密"),
    ("bzip2", lambda d: _extra(d, "b.json", b"x", compress_type=zipfile.ZIP_BZIP2), "不支持的压缩方式"),
    ("zip bomb", _deflate_bomb, "压缩炸弹"),
    ("lying size", _lying_size, "“values.json”"),
    ("invalid utf-8", lambda d: _member(d, "values.json", b'[{"org": "\xff\xfe"}]'), "不是有效的 UTF-8"),
    ("bom", lambda d: _member(d, "values.json", b"\xef\xbb\xbf[]"), "BOM"),
    ("truncated json", lambda d: _member(d, "values.json", b'[{"org": "410802"'), "不是有效的 JSON"),
    ("nan", lambda d: _member(d, "values.json", b'[{"org":"410802","year":2021,"code":"ec_beds","value":NaN,"comment":""}]'),
     "不允许的数值"),
    ("deep nesting", _deep, "嵌套过深"),
    ("duplicate key in row", lambda d: _member(d, "values.json",
     b'[{"org":"410802","org":"410803","year":2021,"code":"ec_beds","value":"1","comment":""}]'), "键“org”重复出现"),
    ("duplicate key in manifest", lambda d: _raw_manifest(d, members_of(d)["manifest.json"][:-1] + b',"org":"410803"}'),
     "键“org”重复出现"),
    ("manifest not object", lambda d: _raw_manifest(d, b"[]"), "不是一个 JSON 对象"),
    ("manifest bad json", lambda d: _raw_manifest(d, b"{"), "不是有效的 JSON"),
    ("manifest missing keys", lambda d: _raw_manifest(d, b'{"format":"jzhpkg","format_version":2}'), "缺少项目"),
    ("no years", lambda d: _manifest(d, years=[]), "年份列表无效"),
    ("bad created", lambda d: _manifest(d, created="yesterday"), "创建时间无效"),
    ("values not a list", lambda d: _member(d, "values.json", b"{}"), "应为列表"),
    ("row missing key", lambda d: with_rows(d, "values.json", lambda r: [{k: v for k, v in r[0].items() if k != "comment"}]),
     "应含且只含"),
    ("row extra key", lambda d: with_rows(d, "values.json", lambda r: [dict(r[0], sql="DROP TABLE")]), "应含且只含"),
    ("float value", lambda d: _member(d, "values.json",
     b'[{"org":"410802","year":2021,"code":"ec_beds","value":1.5,"comment":""}]'), "精确数字"),
    ("control char", lambda d: with_rows(d, "values.json", _add(_value("ec_centers", "1", comment="a\x07b"))), "控制字符"),
    ("lone surrogate", lambda d: with_rows(d, "values.json", _add(_value("ec_centers", "1", comment="\ud800"))), "无效字符"),
    ("counts mismatch", lambda d: _manifest(d, counts={"values": 1, "submissions": 0, "targets": 0, "context": 0}),
     "清单记载"),
    ("not a number", lambda d: with_rows(d, "values.json", _set("ec_beds", "很多")), "不是数字"),
    ("too many decimals", lambda d: with_rows(d, "values.json", _set("ec_investment", "1.001")), "最多保留 2 位小数"),
    ("fraction of a count", lambda d: with_rows(d, "values.json", _set("ec_beds", "2.5")), "必须是整数"),
    ("count too large to store", lambda d: with_rows(d, "values.json", _set("ec_beds", str(2**64))), "数值过大"),
    ("money too large to store", lambda d: with_rows(d, "values.json", _set("ec_investment", "1" * 40)), "数值过大"),
    ("json integer too large", lambda d: with_rows(d, "values.json", _set("ec_beds", 10**30)), "数值过大"),
    ("org outside county", lambda d: with_rows(d, "values.json", _add(_value("ec_beds", "1", org=OTHER))), "不属于文件的单位"),
    ("unknown org", lambda d: _manifest(d, org="999999"), "不在本机的单位列表中"),
    ("year not declared", lambda d: with_rows(d, "values.json", _add(_value("ec_beds", "1", year=2020))), "不在文件声明的年份中"),
    ("year out of range", lambda d: with_rows(d, "values.json", _add(_value("ec_beds", "1", year=1999))), "年份“1999”无效"),
    ("unknown code", lambda d: with_rows(d, "values.json", _add(_value("evil_code", "1"))), "未知的指标代码“evil_code”"),
    ("rate code", lambda d: with_rows(d, "values.json", _add(_value("ec_admission_rate", "99.0"))), "计算得出的比率"),
    ("city-only indicator", lambda d: with_rows(d, "values.json", _add(_value("tm_service_centers", "1"))), "只能由市级填报"),
    ("duplicate row", lambda d: with_rows(d, "values.json", lambda r: r + [r[0]]), "重复出现"),
    ("negative", lambda d: with_rows(d, "values.json", _set("ec_beds", "-5")), "「医养床位数」不能为负数"),
    ("part over whole", lambda d: with_rows(d, "values.json", _set("imm_demo_clinics", "100000")), "不能大于"),
    ("over max", lambda d: with_rows(d, "values.json", _set("tm_county_connected", "2")), "不能大于 1"),
    ("bad status", lambda d: with_rows(d, "submissions.json", lambda r: [dict(r[0], status="hacked")]), "状态“hacked”无效"),
    ("unknown domain", lambda d: with_rows(d, "submissions.json", lambda r: [dict(r[0], domain="nope")]), "未知的指标代码“nope”"),
    ("bad target", lambda d: with_rows(d, "targets.json", _add({"org": COUNTY, "year": YEAR, "code": "ec_beds",
                                                                 "value": "1", "comparison": "!="})), "目标比较方式无效"),
]


def _attempt(city_ctx, data: bytes):
    preview = build_preview(city_ctx, read_package(data, "hostile.jzhpkg"))
    commit_import(city_ctx, preview)


def test_corpus_is_large_and_distinct():
    assert len(CASES) >= 40
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("build,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_package_is_refused_and_store_unchanged(build, expected, package, city_ctx, city_path, snapshot,
                                                        data_home):
    data = build(package)
    before_sha, before = file_sha(city_path), snapshot(city_path)
    with pytest.raises(FileRefused) as caught:
        _attempt(city_ctx, data)
    assert expected in caught.value.zh, caught.value.zh
    assert caught.value.en and caught.value.en != caught.value.zh
    assert file_sha(city_path) == before_sha and snapshot(city_path) == before
    assert not list(data_home.glob("backups/*"))  # refused before the pre-import backup


def test_hard_rule_failures_are_listed_up_to_a_limit(package, city_ctx):
    def break_many(rows):
        return [dict(r, value="-1") for r in rows]

    with pytest.raises(FileRefused) as caught:
        _attempt(city_ctx, with_rows(package, "values.json", break_many))
    assert len(caught.value.problems) > 20 and "另有" in caught.value.zh
    assert caught.value.zh.count("不能为负数") == 20


@pytest.mark.parametrize("limit", ["MAX_MEMBER", "MAX_TOTAL"])
def test_size_limits(limit, package, city_ctx, city_path, snapshot, monkeypatch):
    monkeypatch.setattr(limits, limit, 200)
    before = snapshot(city_path)
    with pytest.raises(FileRefused, match="过大"):
        _attempt(city_ctx, package)
    assert snapshot(city_path) == before


def test_file_over_size_limit(package, tmp_path, monkeypatch):
    from jzhealth_desktop.services.exchange import read_package_file

    path = tmp_path / "big.jzhpkg"
    path.write_bytes(package)
    monkeypatch.setattr(limits, "MAX_FILE", len(package) - 1)
    with pytest.raises(FileRefused, match="过大"):
        read_package_file(path)


def _mutations(data: bytes, count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        raw = bytearray(data)
        kind = rng.randrange(4)
        if kind == 0:  # flip a few bytes
            for _ in range(rng.randint(1, 8)):
                raw[rng.randrange(len(raw))] ^= rng.randint(1, 255)
        elif kind == 1:  # truncate
            del raw[rng.randrange(1, len(raw)):]
        elif kind == 2:  # insert junk
            at = rng.randrange(len(raw))
            raw[at:at] = rng.randbytes(rng.randint(1, 64))
        else:  # overwrite a run
            at = rng.randrange(len(raw))
            raw[at:at + 16] = rng.randbytes(16)
        yield bytes(raw)


def test_fuzzed_packages_are_refused_or_harmless(package, city_ctx, city_path, snapshot):
    """Seeded byte-level damage: either refused with a message and nothing written, or (where the damage
    hit bytes the format does not use) exactly the clean package's preview."""
    clean = build_preview(city_ctx, read_package(package)).fingerprint
    before_sha, before = file_sha(city_path), snapshot(city_path)
    refused = 0
    for data in _mutations(package, 120, seed=20240605):
        try:
            incoming = read_package(data, "fuzzed.jzhpkg")
            preview = build_preview(city_ctx, incoming)
        except FileRefused as exc:
            assert exc.zh and exc.en
            refused += 1
            continue
        assert preview.fingerprint == clean
    assert refused > 100
    assert file_sha(city_path) == before_sha and snapshot(city_path) == before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2048))
def test_random_bytes_are_refused(city_ctx, blob):
    with pytest.raises(JzError):
        read_package(blob, "random.jzhpkg")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(min_size=1, max_size=512))
def test_random_json_members_are_refused_or_rejected_cleanly(package, city_ctx, blob):
    data = _member(package, "values.json", blob)
    try:
        build_preview(city_ctx, read_package(data))
    except FileRefused as exc:
        assert exc.zh
    else:  # only a valid empty-compatible list could pass, and then counts would have to match
        raise AssertionError(f"accepted {blob!r}")
