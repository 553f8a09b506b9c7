"""The open program state every service works on: store, catalogue, org units, who is acting."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..domain.catalogue import Catalogue
from ..store.catalogue_files import load_catalogue
from ..domain.errors import InputError, StoreError
from ..domain.orgunits import OrgUnit, parse_org_units
from ..paths import catalogue_dir, resources_dir
from sqlalchemy.engine import make_url

from ..store.engine import Database, display_url, login_url, needs_login, resolve_url, sqlite_path
from .access import Principal
from ..store.migrate import STORE_ID, ensure_schema
from ..store.models import OrgUnitRow
from ..store.sync import DIGEST_KEY, get_setting, put_setting, sync_catalogue, sync_org_units


def store_url(db: str | None = None) -> str:
    """The store's URL: ``db`` (``--db``), else ``JZHEALTH_DB``, else the per-user default file."""
    return resolve_url(db)


def store_file(db: str | None = None) -> Path | None:
    """The SQLite file the store ``db`` names, or None for a server store."""
    return sqlite_path(resolve_url(db))


@lru_cache(maxsize=4)
def _catalogue(folder: str) -> Catalogue:
    return load_catalogue(Path(folder))


def shipped_catalogue() -> Catalogue:
    return _catalogue(str(catalogue_dir()))


def shipped_org_units() -> list[OrgUnit]:
    return parse_org_units((resources_dir() / "org-units.csv").read_text(encoding="utf-8"))


@dataclass
class Context:
    db: Database
    catalogue: Catalogue
    org_units: dict[str, OrgUnit]
    user: str = "system"
    principal: Principal | None = None  # None: no accounts on this store yet → operator with every right
    backup_made: Path | None = None
    settings: dict[str, str] = field(default_factory=dict)

    @property
    def city(self) -> OrgUnit:
        return next(u for u in self.org_units.values() if u.level == "city")

    def counties(self) -> list[OrgUnit]:
        return sorted((u for u in self.org_units.values() if u.level == "county"), key=lambda u: u.order)

    def org(self, code: str) -> OrgUnit:
        unit = self.org_units.get(str(code).strip())
        if unit is None:
            raise InputError(f"未知的单位代码“{code}”", f"unknown org-unit code '{code}'")
        return unit

    def setting(self, key: str, default: str = "") -> str:
        with self.db.read() as session:
            return get_setting(session, key, default)

    def close(self) -> None:
        self.db.dispose()


def open_context(db: str | None = None, user: str = "system", catalogue: Catalogue | None = None) -> Context:
    """Open (creating or migrating if needed) the store at ``db`` and bring its catalogue up to date."""
    url = resolve_url(db)
    database = Database(url)
    if database.path is not None:
        from .backup import damage_hint

        database.damage_hint = lambda: damage_hint(database.path)
    try:
        cat = catalogue or shipped_catalogue()
        if database.dialect == "postgresql" and _station_on_secured_server(database):
            # The schema and catalogue belong to the server's owner: only `server init` migrates or syncs them.
            return _open_as_station(database, cat, user)
        backup = ensure_schema(database)
        # Most starts find the store current: read that without the write lock, so a start never waits for (or
        # is refused by) another station's or the command line's long write.
        with database.read() as session:
            current = (bool(get_setting(session, STORE_ID)) and bool(get_setting(session, "org_units_synced"))
                       and get_setting(session, DIGEST_KEY) == cat.digest)
            units = _active_units(session) if current else []
        if not current:
            with database.write() as session:
                if not get_setting(session, STORE_ID):  # a new store, or one made before stores had an identity
                    put_setting(session, STORE_ID, uuid.uuid4().hex)
                # The CSV seeds the org units once; after that the store's table is the truth (editable).
                if not get_setting(session, "org_units_synced"):
                    sync_org_units(session, shipped_org_units())
                    put_setting(session, "org_units_synced", "1")
                sync_catalogue(session, cat)
                units = _active_units(session)
    except Exception:
        database.dispose()
        raise
    return Context(db=database, catalogue=cat, org_units={u.code: u for u in units}, user=user, backup_made=backup)


def _active_units(session: Session) -> list[OrgUnit]:
    return [OrgUnit(r.code, r.name, r.name_en, r.level, r.parent_code, r.sort_order)
            for r in session.scalars(select(OrgUnitRow).where(OrgUnitRow.active))]


def _station_on_secured_server(database: Database) -> bool:
    from .pg_security import is_secured

    with database.engine.connect() as conn:
        if not is_secured(conn):
            return False
        owner = conn.execute(text("SELECT relowner::regrole::text FROM pg_class WHERE oid = to_regclass('data_value')")
                             ).scalar()
        if owner is None:
            return False
        return not conn.execute(text("SELECT pg_has_role(session_user, :o, 'MEMBER')"), {"o": str(owner).strip('"')}
                                ).scalar()


def _open_as_station(database: Database, cat: Catalogue, user: str) -> Context:
    from ..store.migrate import HEAD, current_revision

    revision = current_revision(database)
    if revision != HEAD:
        raise StoreError(f"服务器数据库的结构版本为 {revision}，本程序需要 {HEAD}：请数据库管理员运行 jzhealth server init 升级",
                         f"the server's schema is {revision}, this program needs {HEAD}: "
                         "the database administrator runs `jzhealth server init` to upgrade it")
    with database.read() as session:
        if get_setting(session, DIGEST_KEY) not in ("", cat.digest):
            raise StoreError("服务器上的指标目录与本程序不一致：请数据库管理员运行 jzhealth server init",
                             "the server's catalogue differs from this program's: run `jzhealth server init`")
        units = _active_units(session)
    return Context(db=database, catalogue=cat, org_units={u.code: u for u in units}, user=user, backup_made=None)


def server_account(db: str | None) -> tuple[str, str | None] | None:
    """A city-server store's URL and the account name it carries, or None for a store that needs no sign-in
    connection (a SQLite file). Stations connect as the signed-in account (docs/server.md)."""
    url = resolve_url(db)
    if not needs_login(url):
        return None
    return url, make_url(url).username


def account_url(url: str, name: str, password: str) -> str:
    """The server URL that connects as ``name`` with ``password``."""
    return login_url(url, name, password)


def shown_url(url: str) -> str:
    """A store address as people see it: never with its password."""
    return display_url(url)
