"""Backups of a SQLite store (online backup API), newest N kept; restore; start-up health check.

- ``auto_backup`` before risky actions (import, migration, restore), ``daily_backup`` on the first start of a
  day, ``manual_backup`` from 工具 → 备份 and ``jzhealth backup``.
- A backup belongs to the store whose identity it carries (setting ``store_id``, written when the store is
  made or first opened by this version), never to whatever shares its file name: ``jzhealth-demo.sqlite``'s
  backups are not ``jzhealth.sqlite``'s. Backups of an unknown store (or from before identities) are never
  pruned and never offered.
- Order is the sequence number in the name, not the clock (a PC with a dead CMOS battery sets it back); the
  backup just written is never pruned. Each backup is checked (``quick_check``); a damaged copy goes to
  ``backups/kept/`` and the action is refused, so it never takes a good copy's place.
- ``restore`` checks the file (integrity, schema revision) before touching anything, keeps the store it
  replaces in ``backups/kept/`` (outside the rotation, so later backups cannot prune history away), and
  writes an audit row (who, when, which backup) into the restored data in the same step: the backup is
  staged in a temporary file beside the store (same drive, so it works with the store on D: or a USB stick)
  and copied *into* the live store with the backup API, so a second program instance sees the restored data.
- ``startup_check`` tells a damaged store from one that is locked, read-only, on a full disk or not ours
  (``store/failures.py``); only a damaged one is offered its newest good backup.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..domain.errors import StoreError
from ..fileio import check_output_path, copy_file, write_bytes
from ..paths import backups_dir
from ..store import repo
from ..store.engine import Database
from ..store.failures import DAMAGED as DAMAGED  # re-exported: the CLI tells a damaged store apart
from ..store.failures import FOREIGN, StoreFault, diagnose, fault
from ..store.migrate import STORE_ID, backup_seq, backup_sqlite, check_revision, copy_sqlite, inspect_sqlite_file
from ..store.sync import put_setting
from .access import require
from .context import Context

KEEP = 10
KEEP_SETTING = "backup_keep"
KEPT_FOLDER = "kept"  # under backups/: copies outside the rotation (replaced by a restore, damaged)
REGISTRY = "stores.json"  # under backups/: store file → identity, for a store too damaged to read its own
_DAY = re.compile(r"-(\d{8})-\d{6}-\d{6}-n\d+-daily\.sqlite$")


def keep_count(ctx: Context) -> int:
    """How many backups to keep (setting ``backup_keep``, default 10, at least 1)."""
    raw = ctx.setting(KEEP_SETTING, str(KEEP))
    return max(1, int(raw)) if raw.isdigit() else KEEP


def kept_dir() -> Path:
    path = backups_dir() / KEPT_FOLDER
    path.mkdir(parents=True, exist_ok=True)
    return path


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=2)


def identity_in(path: Path) -> str | None:
    """The store identity written in a store or backup file; None when it has none or cannot be read."""
    try:
        conn = _ro(path)
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (STORE_ID,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row and row[0] else None


def _registry() -> dict[str, str]:
    try:
        data = json.loads((backups_dir() / REGISTRY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _remember(store: Path, ident: str) -> None:
    known = _registry()
    key = str(store.resolve())
    if known.get(key) != ident:
        known[key] = ident
        write_bytes(backups_dir() / REGISTRY, json.dumps(known, ensure_ascii=False, indent=1).encode("utf-8"))


def store_identity(store: Path) -> str | None:
    """The store's identity: read from the file, or (a damaged file) as remembered when it was last backed up."""
    return identity_in(store) or _registry().get(str(store.resolve()))


def backups_of(store: Path) -> list[Path]:
    """The store's backups in the rotation, oldest first by sequence number; [] for a store without identity."""
    ident = store_identity(store)
    if ident is None:
        return []
    ours = [p for p in backups_dir().glob("*.sqlite") if identity_in(p) == ident]
    return sorted(ours, key=lambda p: (backup_seq(p.name), p.name))


def prune(store: Path, keep: int = KEEP, made: Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``store`` (never ``made``, the one just written)."""
    copies = [p for p in backups_of(store) if p != made]
    doomed = copies[:max(0, len(copies) - max(1, keep) + (1 if made else 0))]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def _checked_copy(store: Path, reason: str, folder: Path | None = None) -> Path:
    """Copy the store; a copy that fails ``quick_check`` is moved to ``backups/kept/`` and refused."""
    made = backup_sqlite(store, reason, folder)
    problem = quick_check(made)
    if problem == "ok":
        return made
    aside = kept_dir() / made.name.replace(".sqlite", "-damaged.sqlite")
    copy_file(made, aside)  # may be another drive (a USB stick given to ``manual_backup``)
    made.unlink(missing_ok=True)
    raise damaged_error(store, f"{problem}；备份未完成，损坏的副本另存为“{aside}”（不计入备份轮换）",
                        f"{problem}; no backup was made, the damaged copy was kept as '{aside}' (outside the rotation)")


def auto_backup(ctx: Context, reason: str, keep: int | None = None) -> Path | None:
    """Copy the store before a risky action (import, migration, restore); None for a server store."""
    store = ctx.db.path
    if store is None or not store.exists():
        return None
    made = _checked_copy(store, reason)
    ident = identity_in(made)
    if ident is not None:
        _remember(store, ident)
        prune(store, keep_count(ctx) if keep is None else keep, made)
    return made


def daily_backup(ctx: Context, today: date | None = None) -> Path | None:
    """The first start of each day copies the store; later starts that day do nothing."""
    if ctx.db.path is None or not ctx.db.path.exists():
        return None
    day = (today or date.today()).strftime("%Y%m%d")
    for path in backups_of(ctx.db.path):
        found = _DAY.search(path.name)
        if found and found.group(1) == day:
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
        return _checked_copy(ctx.db.path, "manual", target)
    check_output_path(target)  # a missing folder or a device: told plainly before anything is copied
    copy_sqlite(ctx.db.path, target)
    problem = quick_check(target)
    if problem != "ok":
        target.unlink(missing_ok=True)
        raise fault(DAMAGED, ctx.db.path, f"{problem}；未写入“{target}”")
    return target


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _missing(path: Path) -> StoreError:
    return StoreError(f"数据文件“{path}”不存在（可能已被删除或移走）",
                      f"the store file '{path}' is missing (deleted or moved?)")


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
    kept: Path | None  # the replaced store, kept in backups/kept/ (outside the rotation)
    other_store: bool = False  # the backup came from another store (e.g. an old PC); this one keeps its identity


def restore(ctx: Context, source: str | Path) -> Restored:
    """Replace the open store's data with a checked backup; the context must be reopened afterwards."""
    require(ctx, "store.maintain")
    if ctx.db.path is None:
        raise StoreError("服务器数据库请用数据库自身的恢复工具", "restore a server store with the server's own tools")
    ctx.db.dispose()
    return restore_file(ctx.db.path, source, ctx.user)


def _who(user: str) -> str:
    try:
        account = getpass.getuser()
    except Exception:  # no user name in the environment (Windows services): not worth failing a restore for
        account = "?"
    return f"{user}（Windows/OS 账户 {account}）" if user in ("system", "") else user


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stage(store: Path, source: Path, user: str, kept: Path | None, ident: str | None) -> Path:
    """The backup copied into a temporary file beside ``store``, with the restore's audit row added and the
    store's own identity kept (a backup from another store does not make this one that store)."""
    fd, name = tempfile.mkstemp(prefix=f".{store.name}.", suffix=".restore", dir=store.parent)
    os.close(fd)
    stage = Path(name)
    try:
        copy_sqlite(source, stage)
        db = Database("sqlite:///" + str(stage))
        try:
            with db.write() as session:
                if ident is not None:
                    put_setting(session, STORE_ID, ident)
                repo.append_audit(session, [{
                    "user_name": _who(user)[:64], "action": "store", "org_code": None, "year": None,
                    "subject": "restore", "old_text": "", "new_text": source.name[:2000], "source": "restore",
                    "detail": f"从备份 {source.resolve()} 恢复（SHA-256 {_sha256(source)}）；"
                              f"被替换的数据保存为 {kept or '（无：原数据文件不存在）'}"}])
        finally:
            db.dispose()
        problem = quick_check(stage, full=True)
        if problem != "ok":
            raise StoreError(f"恢复未完成，数据未改动：暂存副本检查未通过（{problem}）",
                             f"restore not done, the store is unchanged: the staged copy fails its check ({problem})")
    except BaseException:
        _remove_with_journals(stage)
        raise
    return stage


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def restore_file(store: Path, source: str | Path, user: str = "system") -> Restored:
    """Restore ``source`` over the store file at ``store`` (also when the store is damaged or missing)."""
    source = Path(source)
    revision = verify_backup(source)
    if store.exists() and source.resolve() == store.resolve():
        raise StoreError("不能用数据文件自身恢复", "cannot restore a store from itself")
    identity = store_identity(store)
    other = identity is not None and identity_in(source) not in (None, identity)
    healthy = store.exists() and quick_check(store) == "ok"
    kept = None
    if healthy:
        kept = backup_sqlite(store, "replaced", kept_dir())
    elif store.exists():
        # A damaged store cannot take pages: copy it and its journal files aside (any drive), replace it below.
        kept = kept_dir() / f"{store.stem}-{_stamp()}-damaged.sqlite"
        copy_file(store, kept)
        for suffix in ("-wal", "-shm", "-journal"):
            extra = store.with_name(store.name + suffix)
            if extra.exists():
                copy_file(extra, kept.with_name(kept.name + suffix))
    stage = _stage(store, source, user, kept, identity)
    try:
        if healthy:
            try:
                src, dst = _ro(stage), sqlite3.connect(store, timeout=10)
                try:
                    src.backup(dst)  # one write transaction on the live store: all of it or none
                finally:
                    dst.close()
                    src.close()
            except sqlite3.Error as exc:
                raise StoreError(f"恢复未完成，数据未改动：{exc}",
                                 f"restore not done, the store is unchanged: {exc}") from None
        else:
            for suffix in ("-wal", "-shm", "-journal"):  # a stale journal must not be applied to the new file
                store.with_name(store.name + suffix).unlink(missing_ok=True)
            from ..fileio import replace

            replace(stage, store)  # same folder: one rename, never across drives
    finally:
        _remove_with_journals(stage)
    problem = quick_check(store, full=True)
    if problem != "ok":
        raise StoreError(f"恢复后检查未通过：{problem}", f"the restored store fails its check: {problem}")
    return Restored(revision, kept, other)


@dataclass(frozen=True)
class Startup:
    ok: bool
    problem: str  # "" when ok; otherwise what is wrong and what to do
    newest_good: Path | None  # the backup to offer: only for a damaged store, only one of its own
    kind: str = ""  # store/failures.py: damaged, readonly, full, locked, foreign, device
    error: StoreFault | None = None  # the same, in both languages


def newest_good_backup(store: Path) -> Path | None:
    """The newest backup of this store (by its identity) that passes every check; None if there is none."""
    for path in reversed(backups_of(store)):
        try:
            verify_backup(path)
        except StoreError:
            continue
        return path
    return None


def damage_hint(store: Path) -> tuple[str, str]:
    """What to add to a "damaged" message: the newest good backup of this store, to restore."""
    good = newest_good_backup(store)
    if good is None:
        return "没有找到本数据文件的完好备份，请联系管理员", "no good backup of this store was found; ask the administrator"
    return (f"最新的完好备份：{good}（jzhealth restore “{good}”）",
            f"newest good backup: {good} (jzhealth restore \"{good}\")")


def damaged_error(store: Path, detail: str, detail_en: str | None = None) -> StoreFault:
    """The "damaged" refusal with the newest good backup of this store (``check``, reads, start-up)."""
    told = fault(DAMAGED, store, detail)
    told_en = fault(DAMAGED, store, detail if detail_en is None else detail_en)
    zh, en = damage_hint(store)
    return StoreFault(DAMAGED, f"{told.zh}；{zh}", f"{told_en.en}; {en}", store)


def startup_check(store: Path) -> Startup:
    """Before the store is opened: is it usable; when damaged, the newest backup of it that passes."""
    told = diagnose(store)
    if told is None:
        return Startup(True, "", None)
    kind = told.kind
    if kind == FOREIGN and store.is_file() and _registry().get(str(store.resolve())):
        kind = DAMAGED  # a file we backed up before, its header now overwritten
        told = fault(DAMAGED, store, "文件头已损坏")
    offer = newest_good_backup(store) if kind == DAMAGED else None
    return Startup(False, told.zh, offer, kind, told)
