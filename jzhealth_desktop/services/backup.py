"""Backups of a SQLite store (online backup API), newest N kept; restore; start-up health check.

- ``auto_backup`` before risky actions (import, migration, restore), ``daily_backup`` on the first start of a
  day, ``manual_backup`` from 工具 → 备份 and ``jzhealth backup``.
- ``restore`` checks the file (integrity, schema revision) before touching anything, keeps the store it
  replaces as a backup, and copies the backup *into* the live store with the backup API, so a second
  program instance reading the store sees the restored data instead of a file swapped under it.
- ``startup_check`` runs ``PRAGMA quick_check`` read-only and names the newest good backup to offer.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..domain.errors import StoreError
from ..paths import backups_dir
from ..store.migrate import backup_sqlite, check_revision, copy_sqlite, inspect_sqlite_file
from .access import require
from .context import Context

KEEP = 10
KEEP_SETTING = "backup_keep"


def keep_count(ctx: Context) -> int:
    """How many backups to keep (setting ``backup_keep``, default 10, at least 1)."""
    raw = ctx.setting(KEEP_SETTING, str(KEEP))
    return max(1, int(raw)) if raw.isdigit() else KEEP


def auto_backup(ctx: Context, reason: str, keep: int | None = None) -> Path | None:
    """Copy the store before a risky action (import, migration, restore); None for a server store."""
    if ctx.db.path is None or not ctx.db.path.exists():
        return None
    made = backup_sqlite(ctx.db.path, reason)
    prune(ctx.db.path.stem, keep_count(ctx) if keep is None else keep)
    return made


def prune(stem: str, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups of the store named ``stem``; returns what was removed."""
    copies = backups_of(stem)
    doomed = copies[:-keep] if keep > 0 else copies
    for path in doomed:
        path.unlink()
    return doomed


def backups_of(stem: str) -> list[Path]:
    """The store's backups, oldest first (names carry a sortable timestamp)."""
    return sorted(backups_dir().glob(f"{stem}-*.sqlite"), key=lambda p: p.name)


def daily_backup(ctx: Context, today: date | None = None) -> Path | None:
    """The first start of each day copies the store; later starts that day do nothing."""
    if ctx.db.path is None or not ctx.db.path.exists():
        return None
    day = (today or date.today()).strftime("%Y%m%d")
    if any(p.name.startswith(f"{ctx.db.path.stem}-{day}-") and p.name.endswith("-daily.sqlite")
           for p in backups_of(ctx.db.path.stem)):
        return None
    return auto_backup(ctx, "daily")


def manual_backup(ctx: Context, dest: str | Path | None = None) -> Path:
    """Back up now: into the backups folder, or to ``dest`` (e.g. a USB stick) when given."""
    require(ctx, "store.backup")
    if ctx.db.path is None:
        raise StoreError("服务器数据库请用数据库自身的备份工具", "back up a server store with the server's own tools")
    if not ctx.db.path.exists():
        raise _missing(ctx.db.path)
    if dest is None:
        made = auto_backup(ctx, "manual")
        assert made is not None
        return made
    target = Path(dest)
    if target.is_dir():
        target = target / f"{ctx.db.path.stem}-{_stamp()}.sqlite"
    copy_sqlite(ctx.db.path, target)
    return target


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _missing(path: Path) -> StoreError:
    return StoreError(f"数据文件“{path}”不存在（可能已被删除或移走）",
                      f"the store file '{path}' is missing (deleted or moved?)")


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def quick_check(path: Path, full: bool = False) -> str:
    """"ok", or what is wrong with the SQLite file (opened read-only; nothing is written)."""
    if not path.exists():
        return "missing"
    try:
        conn = _ro(path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    return "ok" if rows == ["ok"] else "; ".join(rows[:5])


def verify_backup(path: str | Path) -> str:
    """Refuse a file that is damaged, not ours or from a newer program; returns its schema revision."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"找不到备份文件“{path}”", f"backup file '{path}' not found")
    revision = inspect_sqlite_file(path)  # raises for non-SQLite or foreign files
    if revision is None:
        raise StoreError(f"“{path.name}”是空文件或不是本程序的备份", f"'{path.name}' is empty or not a jzhealth backup")
    check_revision(revision, path.name)
    problem = quick_check(path, full=True)
    if problem != "ok":
        raise StoreError(f"备份文件“{path.name}”已损坏（{problem}），未恢复；当前数据未改动",
                         f"backup '{path.name}' is damaged ({problem}); nothing was restored or changed")
    return revision


@dataclass(frozen=True)
class Restored:
    revision: str  # the restored data's schema revision (older ones migrate on the next open)
    kept: Path | None  # the replaced store, kept as a backup


def restore(ctx: Context, source: str | Path) -> Restored:
    """Replace the open store's data with a checked backup; the context must be reopened afterwards."""
    require(ctx, "store.maintain")
    if ctx.db.path is None:
        raise StoreError("服务器数据库请用数据库自身的恢复工具", "restore a server store with the server's own tools")
    ctx.db.dispose()
    return restore_file(ctx.db.path, source)


def restore_file(store: Path, source: str | Path) -> Restored:
    """Restore ``source`` over the store file at ``store`` (also when the store is damaged or missing)."""
    source = Path(source)
    revision = verify_backup(source)
    if source.resolve() == store.resolve():
        raise StoreError("不能用数据文件自身恢复", "cannot restore a store from itself")
    kept = None
    healthy = store.exists() and quick_check(store) == "ok"
    if healthy:
        kept = backup_sqlite(store, "replaced")
        try:
            src, dst = _ro(source), sqlite3.connect(store, timeout=10)
            try:
                src.backup(dst)  # one write transaction on the live store: all of it or none
            finally:
                dst.close()
                src.close()
        except sqlite3.Error as exc:
            raise StoreError(f"恢复未完成，数据未改动：{exc}", f"restore not done, the store is unchanged: {exc}") from None
    else:
        # A damaged store cannot take pages: move it (and its journal files) aside, then copy the backup in.
        if store.exists():
            kept = backups_dir() / f"{store.stem}-{_stamp()}-damaged.sqlite"
            os.replace(store, kept)
        for suffix in ("-wal", "-shm", "-journal"):
            extra = store.with_name(store.name + suffix)
            if extra.exists():
                os.replace(extra, backups_dir() / f"{kept.name if kept else store.name}{suffix}")
        copy_sqlite(source, store)
    problem = quick_check(store, full=True)
    if problem != "ok":
        raise StoreError(f"恢复后检查未通过：{problem}", f"the restored store fails its check: {problem}")
    return Restored(revision, kept)


@dataclass(frozen=True)
class Startup:
    ok: bool
    problem: str  # "" when ok
    newest_good: Path | None  # the backup to offer when not ok


def newest_good_backup(stem: str) -> Path | None:
    for path in reversed(backups_of(stem)):
        try:
            verify_backup(path)
        except StoreError:
            continue
        return path
    return None


def startup_check(store: Path) -> Startup:
    """Quick check of the store before it is opened; when damaged, the newest backup that passes."""
    if not store.exists():
        return Startup(True, "", None)  # a new store is created on open
    problem = quick_check(store)
    if problem == "ok":
        return Startup(True, "", None)
    return Startup(False, problem, newest_good_backup(store.stem))
