"""Station identity (county or city station), operator name, and store health checks."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

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
        return station_in(session)


def station_in(session: Session) -> Station:
    """The station's identity as stored, read in an open session (the one reader of these settings)."""
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
        _ensure_key(session)
    ctx.user = operator
    return Station(kind, org_code, operator)


# The station's Ed25519 signing key (base64 of its raw bytes), made at set-up, or at the first export of a
# station set up before packages were signed. It stays in the store: whoever holds the store file can sign
# for the station (docs/exchange.md, threat model).
SIGNING_KEY = "station_signing_key"


def _ensure_key(session: Session) -> str:
    from .exchange.signing import new_private_key

    key = get_setting(session, SIGNING_KEY)
    if not key:
        key = new_private_key()
        put_setting(session, SIGNING_KEY, key)
    return key


def signing_key(ctx: Context) -> str:
    """The station's private signing key, made (and kept) the first time it is asked for."""
    with ctx.db.read() as session:
        key = get_setting(session, SIGNING_KEY)
    if key:
        return key
    with ctx.db.write() as session:
        return _ensure_key(session)


def own_public_key(ctx: Context, create: bool = True) -> str:
    """The station's public key ("" when it has none yet and ``create`` is false)."""
    from .exchange.signing import public_key

    if create:
        return public_key(signing_key(ctx))
    key = ctx.setting(SIGNING_KEY)
    return public_key(key) if key else ""


def own_fingerprint(ctx: Context, create: bool = True) -> str:
    """The fingerprint a county clerk reads out to the city ("" when there is no key and ``create`` is false)."""
    from .exchange.signing import fingerprint

    public = own_public_key(ctx, create)
    return fingerprint(public) if public else ""


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
