"""Bring a store to the program's schema, refusing what it cannot open safely.

Before anything writes to a SQLite file it is inspected read-only: a file that
is not SQLite, or a store from a newer program, is refused untouched. An
existing store is backed up (SQLite online backup) before a migration runs.
Alembic is imported only when a migration is due, to keep start-up quick.
"""

from __future__ import annotations

import os
import re
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect, text

from ..domain.errors import StoreError
from ..paths import backups_dir, migrations_dir
from .engine import Database
from .failures import DAMAGED, diagnose, fault, kind_of, store_failure

HEAD = "0004"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004")


def _ro_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def inspect_sqlite_file(path: Path) -> str | None:
    """The store's schema revision, or None for a missing or empty file. Opens read-only."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise StoreError(
                        f"“{path.name}”不是本程序的数据文件（缺少版本信息）",
                        f"'{path.name}' is not a jzhealth store (no schema version)",
                    )
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        # Locked, read-only, full or a device error is not damage: say which, so nobody restores over good data.
        told = diagnose(path) or store_failure(exc, path)
        if told is not None:
            raise told from None
        raise fault(DAMAGED, path, str(exc)) from None
    return row[0] if row else None


def check_revision(revision: str | None, where: str) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise StoreError(
            f"数据文件“{where}”来自更新版本的程序（结构版本 {revision}），请升级本程序后再打开；文件未被改动",
            f"store '{where}' was written by a newer program (schema {revision}); upgrade the program. "
            "The file was not touched",
        )


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def copy_sqlite(src: Path, target: Path) -> None:
    """Online-backup ``src`` to ``target`` through a temporary name beside it, so a failed copy leaves no half
    file (and the final rename never crosses drives)."""
    tmp = target.with_name(target.name + ".part")
    try:
        source = sqlite3.connect(_ro_uri(src), uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                source.backup(dst)
            finally:
                dst.close()
        finally:
            source.close()
        with open(tmp, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error) and kind_of(str(exc)) == DAMAGED:
            raise fault(DAMAGED, src, f"{exc}；未能备份") from None
        raise StoreError(f"备份未能写入“{target}”：{exc}", f"could not write the backup '{target}': {exc}") from None


STORE_ID = "store_id"  # setting: the store's identity, written once; its backups carry it (services/backup.py)
_SEQ = re.compile(r"-\d{8}-\d{6}-\d{6}-n(\d+)-")


def backup_seq(name: str) -> int:
    """The sequence number in a backup's file name (0 for names from before numbering)."""
    found = _SEQ.findall(name)
    return int(found[-1]) if found else 0


def backup_name(folder: Path, stem: str, reason: str) -> Path:
    """``<stem>-<date>-<time>-n<seq>-<reason>.sqlite``: the time for people, the sequence number (one more than
    any in ``folder``) for the order, which a clock set back cannot upset."""
    seq = 1 + max((backup_seq(p.name) for p in folder.glob("*.sqlite")), default=0)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return folder / f"{stem}-{stamp}-n{seq:06d}-{reason}.sqlite"


def backup_sqlite(path: Path, reason: str, folder: Path | None = None) -> Path:
    """Copy a SQLite store to ``backups/`` (or ``folder``) under a numbered name (online backup API, atomic)."""
    target = backup_name(folder or backups_dir(), path.stem, reason)
    copy_sqlite(path, target)
    return target


def give_identity(path: Path) -> None:
    """An existing store made before stores had an identity gets one now, before its pre-migration copy, so
    that copy is known as this store's."""
    conn = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO setting (key, value) SELECT ?, ? WHERE NOT EXISTS "
                     "(SELECT 1 FROM setting WHERE key = ?)", (STORE_ID, uuid.uuid4().hex, STORE_ID))
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        told = store_failure(exc, path)
        raise (told or fault(DAMAGED, path, str(exc))) from None
    finally:
        conn.close()


def upgrade(db: Database, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    # The write lock serialises stations that open a shared store for the first time after an upgrade.
    with db.writer.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)


def ensure_schema(db: Database) -> Path | None:
    """Refuse unknown schemas; migrate older ones after a backup. Returns the backup made, if any."""
    where = db.display
    if db.path is not None:
        revision = inspect_sqlite_file(db.path)
    else:
        revision = current_revision(db)
    check_revision(revision, where)
    if revision == HEAD:
        return None
    backup = None
    if revision is not None and db.path is not None:
        give_identity(db.path)
        backup = backup_sqlite(db.path, f"pre-{HEAD}")
    upgrade(db)
    return backup
