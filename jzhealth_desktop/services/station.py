"""Station identity (county or city station), operator name, and store health checks."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text

from ..domain.errors import InputError
from ..store.migrate import current_revision
from ..store.models import DataValue
from ..store.sync import get_setting, put_setting
from .access import require
from .context import Context


@dataclass(frozen=True)
class Station:
    kind: str  # "county" | "city" | "" (not set up yet)
    org: str
    operator: str

    @property
    def configured(self) -> bool:
        return bool(self.kind)


def station(ctx: Context) -> Station:
    with ctx.db.read() as session:
        return Station(get_setting(session, "station_type"), get_setting(session, "station_org"),
                       get_setting(session, "operator"))


def configure_station(ctx: Context, kind: str, org: str | None, operator: str) -> Station:
    """First-run set-up: a county station holds one county; the city station holds all."""
    require(ctx, "store.maintain")
    if kind not in ("county", "city"):
        raise InputError("站点类型必须是县级站或市级站", "station type must be 'county' or 'city'")
    if kind == "county":
        unit = ctx.org(org or "")
        if unit.level != "county":
            raise InputError(f"“{unit.name}”不是县级单位", f"'{unit.name_en}' is not a county-level unit")
        org_code = unit.code
    else:
        org_code = ctx.city.code
    operator = operator.strip()
    if not operator:
        raise InputError("请填写操作员姓名", "the operator's name is required")
    with ctx.db.write() as session:
        put_setting(session, "station_type", kind)
        put_setting(session, "station_org", org_code)
        put_setting(session, "operator", operator)
    ctx.user = operator
    return Station(kind, org_code, operator)


@dataclass(frozen=True)
class Health:
    ok: bool
    integrity: str
    revision: str | None
    values: int


def check_store(ctx: Context) -> Health:
    """Integrity check (SQLite) and schema revision."""
    with ctx.db.engine.connect() as conn:
        if ctx.db.dialect == "sqlite":
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            integrity = "ok" if rows == ["ok"] else "; ".join(rows[:10])
            foreign = list(conn.execute(text("PRAGMA foreign_key_check")))
            if foreign:
                integrity = (integrity if integrity != "ok" else "") + f" {len(foreign)} foreign-key violation(s)"
        else:
            integrity = "ok"
        count = conn.execute(select(func.count()).select_from(DataValue)).scalar_one()
    revision = current_revision(ctx.db)
    return Health(integrity == "ok", integrity.strip(), revision, count)
