"""Plain messages for a SQLite store that cannot be written: read-only, disk full, gone, damaged.

The transaction has already rolled back when these are raised, so each message
can promise that nothing was changed.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import StoreError

# (text in SQLite's message, Chinese, English); the first match wins.
_KNOWN = (
    ("readonly", "数据文件或其所在文件夹是只读的，不能保存", "the store file or its folder is read-only"),
    ("read-only", "数据文件或其所在文件夹是只读的，不能保存", "the store file or its folder is read-only"),
    ("disk is full", "磁盘空间已满，不能保存", "the disk is full"),
    ("unable to open", "无法打开数据文件（文件夹不可写，或文件已被移走）", "cannot open the store file (folder not writable, or the file moved)"),
    ("disk i/o error", "读写数据文件时出错（磁盘、U 盘或网络驱动器故障）", "a disk I/O error on the store file (disk, USB stick or network drive)"),
    ("malformed", "数据文件已损坏，请用 工具 → 恢复 从备份恢复", "the store file is damaged; restore it from a backup (Tools → Restore)"),
    ("not a database", "数据文件已损坏，请用 工具 → 恢复 从备份恢复", "the store file is damaged; restore it from a backup (Tools → Restore)"),
)


def store_missing(path: Path) -> StoreError:
    return StoreError(f"数据文件“{path}”已不存在（被删除或移走），未保存；请恢复该文件或从备份恢复后重新启动程序",
                      f"the store file '{path}' is gone (deleted or moved); nothing was saved. Put it back or "
                      "restore a backup, then restart the program")


def store_failure(exc: Exception, path: Path | None) -> StoreError | None:
    """A StoreError for a known SQLite failure, or None to let the original error through."""
    text = str(getattr(exc, "orig", exc)).lower()
    for needle, zh, en in _KNOWN:
        if needle in text:
            where = f"（{path}）" if path else ""
            return StoreError(f"{zh}{where}；本次操作未执行，数据未改动",
                              f"{en}{' (' + str(path) + ')' if path else ''}; nothing was changed")
    return None
