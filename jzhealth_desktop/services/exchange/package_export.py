"""Write a county's (or the city's) figures to a package file.

The data members are deterministic: rows sorted, keys sorted, fixed zip
timestamps and compression, so the same data always gives the same bytes.
Only ``manifest.json`` (creation time) differs between two exports.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from datetime import datetime, timezone
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any, Iterable

from sqlalchemy import select

from ... import __version__
from ...fileio import check_output_path, write_bytes
from ...domain.errors import InputError
from ...domain.periods import check_year
from ...domain.values import from_scaled, scaled_text, value_text
from ...store import repo
from ...store.models import Submission, Target
from ..access import require
from ..context import Context
from ...domain.periods import MIN_YEAR
from ..station import signing_key, station
from .manifest import (CONTEXT, DATA_MEMBERS, FORMAT, FORMAT_VERSION, MANIFEST, SIGNATURE, SUBMISSIONS, TARGETS,
                       VALUES)
from .signing import ALGORITHM, public_key, sign

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def scope(ctx: Context, org: str) -> list[str]:
    """The org units a package for ``org`` carries: the unit and the units below it."""
    return [org] + sorted(u.code for u in ctx.org_units.values() if u.parent == org)


def _dump(rows: list[dict[str, Any]] | dict[str, Any]) -> bytes:
    return json.dumps(rows, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


class _Quoted(dict[str, str]):
    """JSON string literals of texts that repeat (org and indicator codes), each escaped once."""

    def __missing__(self, text: str) -> str:
        out = self[text] = encode_basestring(text)
        return out


def _dump_values(rows: list[repo.ValueWrite]) -> bytes:
    """``values.json`` written as text straight from the store's (org, year, code, num, scale, comment) rows: the
    same bytes as ``_dump`` of the rows as dicts (keys in sorted order, same string escaping, a value as
    ``value_text``; a count, scale 0, is its own text), without building 100 000 dicts for ``json.dumps`` to
    walk. A value text is digits, "-" and "." only: nothing to escape. tests/exchange/test_exchange_values_json.py
    holds it to ``_dump``."""
    orgs, codes, empty = _Quoted(), _Quoted(), '""'
    return ("[" + ",".join([  # num and year are the store's integers: formatted as they come
        f'{{"code":{codes[c]},"comment":{encode_basestring(m) if m else empty},"org":{orgs[o]},'
        f'"value":"{num if not scale else scaled_text(num, scale)}","year":{y}}}'
        for o, y, c, num, scale, m in rows]) + "]").encode("utf-8")


def collect(ctx: Context, org: str, years: Iterable[int]) -> dict[str, list[Any]]:
    """The rows of each data member, sorted: values (catalogue indicators only) as the store's (org, year, code,
    num, scale, comment) tuples for ``_dump_values``, statuses and own targets as dicts."""
    orgs = scope(ctx, org)
    years = sorted(set(years))
    known = {i.code for i in ctx.catalogue.indicators()}
    domains = {d.code for d in ctx.catalogue.domains}
    table = repo.VALUES_TABLE
    with ctx.db.read() as session:
        # sorted by the primary key in SQL, fetched in one call as plain tuples
        values = repo.fetch_plain(session,
            select(table.c.org_code, table.c.year, table.c.indicator_code, table.c.num, table.c.scale, table.c.comment)
            .where(table.c.org_code.in_(orgs), table.c.year.in_(years))
            .order_by(table.c.org_code, table.c.year, table.c.indicator_code))
        if not set(map(itemgetter(2), values)) <= known:  # a code the catalogue dropped: left out (a C-level test first)
            values = [r for r in values if r[2] in known]
        statuses = [
            {"org": s.org_code, "year": s.year, "domain": s.domain_code, "status": s.status, "reason": s.reason or ""}
            for s in session.scalars(select(Submission).where(Submission.org_code.in_(orgs), Submission.year.in_(years)))
            if s.domain_code in domains]
        targets = [
            {"org": t.org_code, "year": t.year, "code": t.indicator_code,
             "value": value_text(from_scaled(t.num, t.scale)), "comparison": t.comparison}
            for t in session.scalars(select(Target).where(Target.org_code.in_(orgs), Target.year.in_(years)))
            if t.indicator_code in ctx.catalogue.items]
    # (org, year, code) is the primary key, so plain tuple order is that order, with no key to build; already so
    # on SQLite (a linear check), a server may collate text otherwise
        # The year before each exported year (unless exported itself): the figures the county's warnings were
        # judged against, so the city sees 上年 beside a +200 % change. Context only: an import never writes them.
        before = sorted({y - 1 for y in years if y - 1 >= MIN_YEAR} - set(years))
        context = [{"org": o, "year": y, "code": c, "value": value_text(from_scaled(num, scale))}
                   for o, y, c, num, scale in repo.fetch_plain(session,
                       select(table.c.org_code, table.c.year, table.c.indicator_code, table.c.num, table.c.scale)
                       .where(table.c.org_code.in_(orgs), table.c.year.in_(before)))
                   if c in known] if before else []
    values.sort()
    statuses.sort(key=lambda r: (r["org"], r["year"], r["domain"]))
    targets.sort(key=lambda r: (r["org"], r["year"], r["code"]))
    context.sort(key=lambda r: (r["org"], r["year"], r["code"]))
    return {VALUES: values, SUBMISSIONS: statuses, TARGETS: targets, CONTEXT: context}


def _refuse_undeliverable(ctx: Context, values: list[repo.ValueWrite]) -> None:
    """A comment the city would refuse (control characters, or over the exchange's length), kept by a store from
    before comments were checked at entry: named, so the clerk corrects it in the form, instead of a package
    that every import refuses whole. The Excel and CSV exports write such a comment visibly instead."""
    from .package_read import MAX_TEXT, _BAD_CHAR

    comments = [r[5] for r in values if r[5]]
    if not comments or (max(map(len, comments)) <= MAX_TEXT and not _BAD_CHAR.search("".join(comments))):
        return
    bad = [(o, y, c) for o, y, c, _, _, m in values if m and (len(m) > MAX_TEXT or _BAD_CHAR.search(m))]
    names = [f"{ctx.org_units[o].name if o in ctx.org_units else o} {y}年「{ctx.catalogue.items[c].name}」"
             for o, y, c in bad[:10]]
    more = f"等 {len(bad)} 处" if len(bad) > len(names) else ""
    raise InputError(f"未导出：{'、'.join(names)}{more}的说明含控制字符或超过 {MAX_TEXT} 字，市级无法接收；请先在表单中修改说明",
                     f"not exported: the comment of {', '.join(f'{o} {y} {c}' for o, y, c in bad[:10])} holds "
                     f"control characters or is over {MAX_TEXT} characters; correct it in the form first")


def build_package(ctx: Context, org: str, years: Iterable[int], created: datetime | None = None) -> bytes:
    """The package file's bytes for ``org`` and ``years``."""
    unit = ctx.org(org)
    require(ctx, "exchange.export", unit.code)
    years = sorted({check_year(y) for y in years})
    if not years:
        raise InputError("请指定导出年份", "give at least one year to export")
    rows = collect(ctx, unit.code, years)
    if not rows[VALUES] and not rows[SUBMISSIONS] and not rows[TARGETS]:
        raise InputError(f"{unit.name} {'、'.join(map(str, years))}年没有可导出的数据",
                         f"{unit.name_en} has no figures for {', '.join(map(str, years))}")
    _refuse_undeliverable(ctx, rows[VALUES])
    members = {name: _dump_values(rows[name]) if name == VALUES else _dump(rows[name]) for name in DATA_MEMBERS}
    st = station(ctx)
    key = signing_key(ctx)  # a station set up before packages were signed gets its key here
    created = created or datetime.now(timezone.utc)
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "program_version": __version__,
        "catalogue_version": ctx.catalogue.version,
        "station": {"kind": st.kind, "org": st.org, "operator": st.operator, "public_key": public_key(key)},
        "org": unit.code, "years": years,
        "created": created.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "counts": {"values": len(rows[VALUES]), "submissions": len(rows[SUBMISSIONS]), "targets": len(rows[TARGETS]),
                   "context": len(rows[CONTEXT])},
        "members": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    # the signature covers the manifest's exact bytes, and through its checksums every data member
    signature = _dump({"algorithm": ALGORITHM, "signature": sign(key, manifest_bytes)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in [(MANIFEST, manifest_bytes), (SIGNATURE, signature)] + list(members.items()):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def export_package(ctx: Context, org: str, years: Iterable[int], path: str | os.PathLike[str]) -> dict[str, Any]:
    """Write the package to ``path`` whole or not at all (``fileio``)."""
    check_output_path(path)  # a bad place is told before the work
    data = build_package(ctx, org, years)
    write_bytes(path, data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        manifest: dict[str, Any] = json.loads(zf.read(MANIFEST))
    return manifest
