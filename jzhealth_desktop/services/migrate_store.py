"""Copy a whole store to another engine (SQLite ↔ PostgreSQL), then prove the copy is complete.

The source is only read, inside one read transaction (a consistent snapshot
even while clerks keep saving). The target must be empty; it gets the
program's schema, then every row in one write transaction. Success is reported
only after a verification pass re-reads the committed target over a fresh
connection and finds, table by table, the same row count and the same
checksum of every value as the snapshot that was copied.

Onto a server prepared by ``server init`` (run by the database administrator): the catalogue, org units
and settings ``server init`` seeded are replaced by the source's, everything is written as the owner role
(so the copied audit keeps its authors and times), and after the verification every account becomes a
role in its group, NOLOGIN until the administrator gives it a password (``users passwd``): SQLite's scrypt
hashes cannot become SCRAM secrets.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, text

from ..domain.errors import InputError, StoreError
from ..store.copy import TableSum, copy_rows, row_counts, store_sums, tables, unknown_tables, version_sum
from ..store.engine import Database, display_url, resolve_url
from ..store.migrate import HEAD, check_revision, current_revision, ensure_schema, inspect_sqlite_file
from .access import Principal, require
from .pg_security import quote_ident


@dataclass(frozen=True)
class _Actor:
    principal: Principal | None


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    revision: str
    tables: list[TableSum]
    roles: tuple[str, ...] = ()  # onto a prepared server: the accounts made roles in their groups
    waiting: tuple[str, ...] = ()  # of those, the ones that need `users passwd NAME` before they can sign in

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def _revision(db: Database) -> str | None:
    return inspect_sqlite_file(db.path) if db.path is not None else current_revision(db)


def _open_source(url: str) -> Database:
    db = Database(url)
    try:
        if db.path is not None and not db.path.exists():
            raise InputError(f"源数据库“{db.display}”不存在", f"source store '{db.display}' does not exist")
        revision = _revision(db)
        check_revision(revision, db.display)
        if revision is None:
            raise InputError(f"源数据库“{db.display}”是空的，没有可迁移的数据",
                             f"source store '{db.display}' is empty; nothing to copy")
        if revision != HEAD:
            raise InputError(
                f"源数据库“{db.display}”的结构版本是 {revision}，本程序为 {HEAD}；请先用本程序打开一次（会先备份再升级），再迁移",
                f"source store '{db.display}' has schema {revision}, this program {HEAD}; open it once with this "
                "program (it backs up, then upgrades) before copying")
        with db.engine.connect() as conn:
            extra = unknown_tables(conn)
        if extra:
            raise InputError(f"源数据库含有本程序不认识的表：{', '.join(extra)}，未迁移",
                             f"source store has tables this program does not know: {', '.join(extra)}; not copied")
    except Exception:
        db.dispose()
        raise
    return db


# What `server init` fills on a prepared server; migrate-store replaces it with the source's rows.
SEEDED = ("org_unit", "domain", "indicator", "setting")


def _prepared_owner(db: Database) -> str | None:
    """The owner role of a server prepared by ``server init`` (None for any other target). Copying onto it
    needs the database administrator (a superuser or a member of the owner), as ``server init`` does."""
    if db.dialect != "postgresql":
        return None
    from .pg_security import is_database_admin, is_secured, table_owner

    with db.engine.connect() as conn:
        if not is_secured(conn):
            return None
        if not is_database_admin(conn):
            raise InputError("迁移到已准备的服务器须以数据库管理员（超级用户或数据所有者成员）连接，目标未写入",
                             "copying onto a prepared server needs the database administrator's login "
                             "(a superuser or a member of the owner role); nothing was written")
        return table_owner(conn)


def _open_target(url: str) -> tuple[Database, str | None]:
    db = Database(url)
    try:
        check_revision(_revision(db), db.display)
        owner = _prepared_owner(db)
        with db.engine.connect() as conn:
            extra = unknown_tables(conn)
            filled = {name: n for name, n in row_counts(conn).items() if n and not (owner and name in SEEDED)}
        if extra or filled:
            what = "、".join([f"{k}（{v} 行）" for k, v in sorted(filled.items())] + extra)
            raise InputError(f"目标数据库“{db.display}”不是空库（{what}），为免覆盖，只能迁移到空库",
                             f"target store '{db.display}' is not empty ({', '.join(sorted(filled) + extra)}); "
                             "copying only goes into an empty store")
    except Exception:
        db.dispose()
        raise
    return db, owner


def migrate_store(source: str, target: str, principal: Principal | None = None) -> CopyReport:
    """Copy every table of ``source`` into the empty ``target`` (paths or URLs) and verify it."""
    require(_Actor(principal), "store.maintain")
    src_url, dst_url = resolve_url(source), resolve_url(target)
    if display_url(src_url) == display_url(dst_url):
        raise InputError("源数据库和目标数据库是同一个", "source and target are the same store")
    src = _open_source(src_url)
    try:
        dst, owner = _open_target(dst_url)
        try:
            if owner is None:
                ensure_schema(dst)
            else:
                _refuse_role_conflicts(src, dst)
            with src.engine.connect() as reader:
                # One read transaction: the rows copied and their checksums come from the same snapshot.
                reader = reader.execution_options(isolation_level="REPEATABLE READ") \
                    if src.dialect == "postgresql" else reader
                with reader.begin():
                    with dst.write() as session:
                        into = session.connection()
                        if owner is not None:  # as the owner: the rules and the audit's stamp do not apply to it
                            into.execute(text(f"SET LOCAL ROLE {quote_ident(owner)}"))
                            for table in reversed(tables()):
                                if table.name in SEEDED:
                                    into.execute(delete(table))
                        copied = [version_sum(reader)] + copy_rows(reader, into)
            dst.dispose()  # verify over a fresh connection: what a new reader of the target sees
            with dst.engine.connect() as conn:
                found = store_sums(conn)
            _verify(copied, found, dst.display)
            if dst.dialect == "postgresql":  # planner statistics for the new rows now, not when autovacuum runs
                with dst.engine.connect() as conn:
                    if owner is not None:
                        conn.execute(text(f"SET ROLE {quote_ident(owner)}"))
                    conn.execute(text("ANALYZE"))
                    if owner is not None:
                        conn.execute(text("RESET ROLE"))
                    conn.commit()
            made = None
            if owner is not None:  # verified: now the accounts become roles (NOLOGIN until given a password)
                from .pg_security import make_account_roles

                with dst.write() as session:
                    made = make_account_roles(session.connection())
        finally:
            dst.dispose()
    finally:
        src.dispose()
    if made is None:
        return CopyReport(src.display, dst.display, HEAD, found)
    return CopyReport(src.display, dst.display, HEAD, found, made.made, made.waiting)


def _refuse_role_conflicts(src: Database, dst: Database) -> None:
    from .pg_security import role_conflicts

    with src.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM app_user"))]
    with dst.engine.connect() as conn:
        bad = role_conflicts(conn, names)
    if bad:
        raise InputError(f"账户名 {', '.join(bad)} 在服务器上是管理员或系统角色，不能成为账户角色；请先在源数据库中改名，目标未写入",
                         f"account names {', '.join(bad)} are administrator or system roles on the server and cannot "
                         "become account roles; rename them in the source first. Nothing was written")


def _verify(copied: list[TableSum], found: list[TableSum], where: str) -> None:
    bad = [(a, b) for a, b in zip(copied, found, strict=True) if a != b]
    if bad:
        zh = "；".join(f"表 {a.table}：源 {a.rows} 行，目标 {b.rows} 行" + ("，校验和不同" if a.rows == b.rows else "")
                      for a, b in bad)
        en = "; ".join(f"{a.table}: source {a.rows} rows, target {b.rows}" + (", checksum differs" if a.rows == b.rows else "")
                       for a, b in bad)
        raise StoreError(f"迁移后校验失败，目标数据库“{where}”不可使用：{zh}",
                         f"verification after copying failed; do not use the target '{where}': {en}")
