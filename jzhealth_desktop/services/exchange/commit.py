"""Apply a previewed import in one transaction, audited with the file's hash as the source."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typing import Callable

from ...store import repo
from .. import submission
from ..access import require
from ..backup import auto_backup
from ..context import Context
from ..forms import apply_many
from ..targets import put_target
from ...domain.values import value_text
from .collector import collector_paused
from .preview import CHANGED, CONFLICTING, NEW, Preview, state_fingerprint
from .records import FileRefused

Progress = Callable[[int, int], object]


@dataclass
class ImportResult:
    changed: int  # values, statuses and targets written
    conflicts: int
    unknown: int
    backup: Path | None
    preview: Preview

    @property
    def message(self) -> tuple[str, str]:
        if not self.changed:
            return ("文件中的数据与本机一致，未做任何更改", "the file matches this station's data; nothing changed")
        zh = f"已导入 {self.changed} 项"
        en = f"imported {self.changed} item(s)"
        if self.conflicts:
            zh += f"，{self.conflicts} 项冲突未覆盖"
            en += f", {self.conflicts} conflicting item(s) not applied"
        if self.unknown:
            zh += f"，{self.unknown} 个本机目录中没有的指标未导入"
            en += f", {self.unknown} indicator(s) unknown to this catalogue skipped"
        return zh, en


def commit_import(ctx: Context, preview: Preview, progress: Progress | None = None) -> ImportResult:
    """Write what ``preview`` showed, all or nothing; refuses if the store changed since the preview."""
    incoming = preview.incoming
    require(ctx, "exchange.import", incoming.org)
    unknown = len(preview.unknown)
    conflicts = preview.count(CONFLICTING)
    if preview.nothing_to_do:
        return ImportResult(0, conflicts, unknown, None, preview)
    with collector_paused():
        return _commit(ctx, preview, progress, conflicts, unknown)


def _commit(ctx: Context, preview: Preview, progress: Progress | None, conflicts: int, unknown: int) -> ImportResult:
    backup = auto_backup(ctx, "pre-import")
    source = preview.incoming.source
    with ctx.db.write() as session:
        if state_fingerprint(ctx, session, list(preview.orgs), list(preview.years)) != preview.fingerprint:
            raise FileRefused("预览之后本机数据已有变化，未导入；请重新预览后再确认",
                              "this station's data changed after the preview; nothing imported, preview again")
        # The same digest means the same stored rows, station and rights as the preview saw, so its plan holds:
        # its value writes (checked there against the hard rules on these very rows) are applied as they are.
        total = preview.count(NEW) + preview.count(CHANGED)
        apply_many(ctx, session, preview.writes, source, require_comments=False, checked=True)
        if progress:
            progress(sum(len(b.parsed) for b in preview.writes), total)
        audit = []
        for item in [i for i in preview.to_apply() if i.kind != "value"]:  # the values are written above
            if item.kind == "status":
                sub = repo.submission_status(session, item.org, item.year, item.code)
                if sub is None:  # a new submission row starts at its first version, in the package's state
                    sub = repo.ensure_draft(session, item.org, item.year, item.code, ctx.user)
                    sub.status, sub.reason = item.extra, item.new_comment
                else:
                    submission.apply(sub, item.extra, ctx.user, repo.utcnow(), item.new_comment)
                audit.append(submission.audit_row(item.org, item.year, item.code, item.old_comment, item.extra,
                                                  ctx.user, source, item.new_comment))
            elif item.kind == "target":
                put_target(ctx, session, item.code, item.year, item.org, value_text(item.value), item.extra, source)
        repo.append_audit(session, audit)
        if progress:
            progress(total, total)
    return ImportResult(total, conflicts, unknown, backup, preview)
