"""What is wrong with a SQLite store, told truly: not ours, damaged, folder not writable, disk full, locked by
another program, or a device error — each with what to do.

Only a *damaged* store may be replaced by a backup: telling a clerk whose folder is read-only or whose disk is
full that the file is damaged would invite them to overwrite good data with an older copy. ``diagnose`` looks at
a file before it is opened (read-only, nothing written but a probe file in its folder); ``store_failure``
explains an error SQLite raised during a transaction that has already rolled back.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from ..domain.errors import StoreError

FOREIGN, DAMAGED, READONLY, FULL, LOCKED, DEVICE = "foreign", "damaged", "readonly", "full", "locked", "device"
SQLITE_HEADER = b"SQLite format 3\x00"
MIN_FREE_BYTES = 1024 * 1024  # less than this and the next write (journal, WAL) is likely to fail
PROBE_TIMEOUT_S = 2  # how long the read-only look waits for another program's lock

# (kind, what, what to do) in Chinese and English
_TEXT = {
    FOREIGN: ("不是本程序的数据文件", "请检查打开的文件是否正确（--db 或数据文件位置）；文件未被改动",
              "is not a jzhealth store", "check that the right file is opened (--db or the store location); "
              "the file was not touched"),
    DAMAGED: ("数据文件已损坏", "请从完好的备份恢复（工具 → 恢复，或 jzhealth restore 备份文件）",
              "the store file is damaged", "restore a good backup (Tools → Restore, or jzhealth restore FILE)"),
    READONLY: ("数据文件或其所在文件夹不可写（只读或没有写权限）",
               "请把数据文件移到可写的文件夹，或请管理员开放写权限；数据完好，不要从备份恢复",
               "the store file or its folder is not writable (read-only or no permission)",
               "move the store to a writable folder or ask the administrator for write permission; "
               "the data is intact, do not restore a backup"),
    FULL: ("磁盘空间已满", "请删除不需要的文件腾出空间后重试；数据完好，不要从备份恢复",
           "the disk is full", "free some space and try again; the data is intact, do not restore a backup"),
    LOCKED: ("数据文件正被其他程序占用", "请关闭打开它的其他程序（另一个本程序窗口、数据库工具、杀毒扫描）后重试；数据完好",
             "the store file is locked by another program",
             "close the other program using it (another window of this program, a database tool, a virus "
             "scanner) and try again; the data is intact"),
    DEVICE: ("读写数据文件时出错（磁盘、U 盘或网络驱动器故障）", "请检查设备或网络连接后重试",
             "a disk I/O error on the store file (disk, USB stick or network drive)",
             "check the device or the network connection and try again"),
}

# Text in SQLite's (or the OS's) message → kind; the first match wins.
_NEEDLES = (
    ("database is locked", LOCKED), ("database table is locked", LOCKED), ("locking protocol", LOCKED),
    ("readonly", READONLY), ("read-only", READONLY), ("unable to open", READONLY),
    ("disk is full", FULL), ("no space", FULL),
    ("disk i/o error", DEVICE),
    ("malformed", DAMAGED), ("not a database", DAMAGED), ("corrupt", DAMAGED),
)


class StoreFault(StoreError):
    """A store that cannot be used, and why (``kind``: one of FOREIGN … DEVICE)."""

    def __init__(self, kind: str, zh: str, en: str, path: Path | None = None):
        super().__init__(zh, en)
        self.kind, self.path = kind, path


def kind_of(message: str) -> str | None:
    text = message.lower()
    return next((kind for needle, kind in _NEEDLES if needle in text), None)


def fault(kind: str, path: Path | None, detail: str = "", done: str = "") -> StoreFault:
    """The message for ``kind``: what, where, (detail), what happened to this action, what to do."""
    what_zh, todo_zh, what_en, todo_en = _TEXT[kind]
    where_zh = f"（{path}）" if path else ""
    where_en = f" ({path})" if path else ""
    more = f"：{detail}" if detail else ""
    more_en = f": {detail}" if detail else ""
    done_zh, done_en = {"": ("", ""), "nothing": ("本次操作未执行，数据未改动；", "nothing was changed; ")}[done]
    return StoreFault(kind, f"{what_zh}{where_zh}{more}；{done_zh}{todo_zh}",
                      f"{what_en}{where_en}{more_en}; {done_en}{todo_en}", path)


def store_missing(path: Path) -> StoreError:
    return StoreError(f"数据文件“{path}”已不存在（被删除或移走），未保存；请恢复该文件或从备份恢复后重新启动程序",
                      f"the store file '{path}' is gone (deleted or moved); nothing was saved. Put it back or "
                      "restore a backup, then restart the program")


def store_failure(exc: Exception, path: Path | None) -> StoreFault | None:
    """A StoreFault for a known SQLite failure, or None to let the original error through."""
    text = str(getattr(exc, "orig", exc))
    kind = kind_of(text)
    if kind is None:
        return None
    if kind in (READONLY, DEVICE) and path is not None and path.parent.is_dir():
        probed = _writable(path.parent) or _full(path.parent)  # an I/O error on a full disk is the full disk
        if probed:
            kind = probed
        elif kind == READONLY and "unable to open" in text.lower():
            kind = DEVICE  # the folder takes files: the file itself could not be opened (moved, network gone)
    return fault(kind, path, "", "nothing")


def _writable(folder: Path) -> str | None:
    """None when a file can be created and written in ``folder``; else the kind of fault."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".jz-probe-") as probe:
            probe.write(b"\0" * 4096)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return FULL
        if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
            return READONLY
        return DEVICE
    return None


def _full(folder: Path) -> str | None:
    return FULL if shutil.disk_usage(folder).free < MIN_FREE_BYTES else None


def diagnose(path: Path) -> StoreFault | None:
    """Why the SQLite file at ``path`` cannot be used, or None when it can (or does not exist yet).

    Read-only: the file is opened with ``mode=ro`` and checked with ``PRAGMA quick_check``; the only thing
    written is a probe file in the folder, deleted at once.
    """
    if not path.exists():
        return None
    if not path.is_file():
        return fault(FOREIGN, path, "这是一个文件夹，不是文件")
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except PermissionError:
        return fault(LOCKED if os.name == "nt" else READONLY, path)  # Windows: open elsewhere without sharing
    except OSError as exc:
        return fault(DEVICE, path, exc.strerror or str(exc))
    if not header:
        return None  # an empty file becomes a new store
    if header != SQLITE_HEADER:
        return fault(FOREIGN, path, "不是有效的 SQLite 数据文件")
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=PROBE_TIMEOUT_S)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        kind = kind_of(str(exc)) or DAMAGED
        if kind in (READONLY, DEVICE):  # SQLite could not make its -wal/-shm files: the folder says why
            kind = _writable(path.parent) or _full(path.parent) or (DEVICE if kind == READONLY else kind)
        return fault(kind, path, str(exc))
    if rows != ["ok"]:
        return fault(DAMAGED, path, "; ".join(rows[:5]))
    problem = _writable(path.parent)
    if problem is None and not os.access(path, os.W_OK):
        problem = READONLY  # the file itself is read-only (Windows: its read-only attribute)
    problem = problem or _full(path.parent)
    return fault(problem, path) if problem else None
