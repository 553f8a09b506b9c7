"""Automatic backups of a SQLite store (online backup API), newest N kept."""

from __future__ import annotations

from pathlib import Path

from ..paths import backups_dir
from ..store.migrate import backup_sqlite
from .context import Context

KEEP = 10


def auto_backup(ctx: Context, reason: str, keep: int = KEEP) -> Path | None:
    """Copy the store before a risky action (import, migration, restore); None for a server store."""
    if ctx.db.path is None or not ctx.db.path.exists():
        return None
    made = backup_sqlite(ctx.db.path, reason)
    prune(ctx.db.path.stem, keep)
    return made


def prune(stem: str, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups of the store named ``stem``; returns what was removed."""
    copies = sorted(backups_dir().glob(f"{stem}-*.sqlite"), key=lambda p: p.name)
    doomed = copies[:-keep] if keep > 0 else copies
    for path in doomed:
        path.unlink()
    return doomed
